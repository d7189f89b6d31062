# PostgreSQL: reuse the server answering on 127.0.0.1:5432, else start Debian's cluster (and remember that we did).
# Both stacks share the server; each has its own databases.
# shellcheck shell=bash
set -euo pipefail

PG_STARTED_MARK="$ROOT/.care/postgres-started-by-care"

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }

# Runs psql as the PostgreSQL superuser: over TCP when trusted, else as the postgres system user.
pg_super() {
  if [ -z "${PG_SUPER_MODE:-}" ]; then
    if PGCONNECT_TIMEOUT=5 psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
      PG_SUPER_MODE=tcp
    elif [ "$(id -u)" = 0 ] && runuser -u postgres -- psql -p "$PG_PORT" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
      PG_SUPER_MODE=runuser
    else
      fail "cannot act as PostgreSQL's superuser on $PG_HOST:$PG_PORT: run ./care as root, or allow 'trust' for user \
postgres from 127.0.0.1 in pg_hba.conf"
    fi
  fi
  if [ "$PG_SUPER_MODE" = tcp ]; then
    psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    runuser -u postgres -- psql -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}

# The newest Debian cluster named main.
debian_cluster_version() {
  pg_lsclusters -h 2>/dev/null | awk '$2 == "main" { print $1 }' | sort -n | tail -n 1
}

start_debian_postgres() {
  command -v pg_ctlcluster >/dev/null ||
    fail "nothing answers on $PG_HOST:$PG_PORT and PostgreSQL is not installed: apt-get install -y postgresql"
  local version waited=0
  version=$(debian_cluster_version)
  [ -n "$version" ] || fail "no PostgreSQL cluster 'main' exists: pg_createcluster 15 main"
  say "starting PostgreSQL $version/main ..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
    fail "could not start PostgreSQL $version/main (see /var/log/postgresql/)"
  mkdir -p "$(dirname "$PG_STARTED_MARK")"
  echo "$version" >"$PG_STARTED_MARK"
  until pg_ready; do
    ((waited++ < 30)) || fail "PostgreSQL $version/main started but does not answer on $PG_HOST:$PG_PORT (check its port)"
    sleep 1
  done
}

ensure_postgres() {
  pg_ready || start_debian_postgres
  if [ "$(pg_super -c "select count(*) from pg_roles where rolname = '$DB_USER'")" = 0 ]; then
    pg_super -c "create role $DB_USER login createdb password '$DB_PASSWORD'" >/dev/null
    say "  created PostgreSQL role $DB_USER"
  fi
  say "  postgresql is up ($PG_HOST:$PG_PORT)"
}

ensure_database() {
  if [ "$(pg_super -c "select count(*) from pg_database where datname = '$1'")" = 0 ]; then
    pg_super -c "create database $1 owner $DB_USER" >/dev/null
  fi
}

recreate_database() {
  pg_super -c "drop database if exists $1 with (force)" >/dev/null
  pg_super -c "create database $1 owner $DB_USER" >/dev/null
}

# Any part of either stack still running (their process ids are recorded under .care/<stack>/run).
any_stack_running() {
  local file pid
  for file in "$ROOT"/.care/*/run/*.pid; do
    [ -f "$file" ] || continue
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && return 0
  done
  return 1
}

# Stops PostgreSQL only if ./care started it and no stack still uses it.
stop_postgres_if_ours() {
  [ -f "$PG_STARTED_MARK" ] || return 0
  if any_stack_running; then
    say "  postgresql left running (./care started it, but the other stack still uses it)"
    return 0
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(cat "$PG_STARTED_MARK")" main stop || true
  rm -f "$PG_STARTED_MARK"
  say "  postgresql stopped (./care had started it)"
}
