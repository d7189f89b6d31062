# Messages, process bookkeeping and health waiting, shared by every part. Sourced by ./care.
# Each part runs in a session of its own (setsid), so its process id is also its process group id: stopping the
# group stops the part's children too (Keycloak's kc.sh runs java as a child).
# shellcheck shell=bash
set -euo pipefail

say() { printf '%s\n' "$*"; }
phase() { printf '== [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() {
  printf 'care: %s\n' "$*" >&2
  exit 1
}

pid_file() { echo "$STATE_DIR/run/$1.pid"; }
log_file() { echo "$STATE_DIR/logs/$1.log"; }
# Where in its log the part's current run begins.
log_offset_file() { echo "$STATE_DIR/run/$1.logstart"; }

# A process that exists and is not a zombie.
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$stat" ] && [[ $stat != Z* ]]
}

# Any live process left in a process group.
group_alive() {
  ps -e -o pgid=,stat= | awk -v group="$1" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# The process id of a part of this stack that ./care started and that still runs; fails otherwise.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # A recycled process id would not lead its own process group.
  [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] || return 1
  echo "$pid"
}

is_running() { running_pid "$1" >/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Who listens on a port, for error messages.
port_owner() {
  local owner
  owner=$(ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1)
  echo "${owner:-an unknown program}"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# Starts a command as a part: in its own session, detached from ./care (it outlives it), output to the part's log.
launch() {
  local part=$1 log
  shift
  mkdir -p "$STATE_DIR/run" "$STATE_DIR/logs"
  log=$(log_file "$part")
  stat -c %s "$log" 2>/dev/null >"$(log_offset_file "$part")" || echo 0 >"$(log_offset_file "$part")"
  printf '\n===== %s: starting %s (%s stack)\n' "$(date '+%F %T')" "$part" "$STACK" >>"$log"
  (
    setsid "$@" >>"$log" 2>&1 </dev/null &
    echo $! >"$(pid_file "$part")"
  )
}

show_log_tail() {
  local log
  log=$(log_file "$1")
  say "--- last lines of $log ---" >&2
  tail -n "${2:-40}" "$log" >&2 2>/dev/null || true
  say "---" >&2
}

# Waits until a part answers its health check; on failure shows the end of its log and stops ./care.
wait_healthy() {
  local part=$1 timeout=$2 started=$SECONDS
  until healthy "$part"; do
    if ! is_running "$part"; then
      show_log_tail "$part"
      fail "$part stopped while starting (its log is above: ./care logs $part)"
    fi
    if ((SECONDS - started >= timeout)); then
      show_log_tail "$part"
      fail "$part is not healthy after ${timeout}s (its log is above: ./care logs $part)"
    fi
    sleep 1
  done
  say "  $part is up (${STACK} stack, $((SECONDS - started))s)"
}

# Fails unless each port of a part is free, or held by the part itself.
require_ports_free() {
  local part=$1 port
  is_running "$part" && return 0
  for port in $(part_ports "$part"); do
    if port_open "$port"; then
      fail "port $port, needed by $part ($STACK stack), is taken by $(port_owner "$port"): stop that program first \
(if it is a CareLoop stack started from another folder, run ./care down there)"
    fi
  done
}

# Sends a signal to the process groups of some parts, then waits until they are gone; kills what outlives the timeout.
stop_parts() {
  local signal=$1 timeout=$2 part pid deadline
  shift 2
  local -A pids=()
  for part in "$@"; do
    if pid=$(running_pid "$part"); then
      pids[$part]=$pid
      kill "-$signal" -- "-$pid" 2>/dev/null || true
    else
      rm -f "$(pid_file "$part")" "$(log_offset_file "$part")"
    fi
  done
  deadline=$((SECONDS + timeout))
  for part in "${!pids[@]}"; do
    pid=${pids[$part]}
    while group_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if group_alive "$pid"; then
      say "  $part did not stop within ${timeout}s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
      wait_group_gone "$pid" || fail "$part (process group $pid) is still running after SIGKILL"
    fi
    rm -f "$(pid_file "$part")" "$(log_offset_file "$part")"
    say "  $part stopped"
  done
}

wait_group_gone() {
  local tries=0
  while group_alive "$1"; do
    ((tries++ < 100)) || return 1
    sleep 0.1
  done
}

kill_part() {
  local part=$1 pid
  pid=$(running_pid "$part") || fail "$part is not running ($STACK stack)"
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait_group_gone "$pid" || fail "$part (process group $pid) is still running after SIGKILL"
  rm -f "$(pid_file "$part")" "$(log_offset_file "$part")"
  say "  $part killed"
}
