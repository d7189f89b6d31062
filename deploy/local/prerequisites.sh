# What the machine must have before ./care starts anything; each failure says what to do.
# shellcheck shell=bash
set -euo pipefail

MIN_FREE_DISK_KB=$((3 * 1024 * 1024))

java_major() { "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }

# Keycloak needs Java 21 or newer; the services run on the java on PATH (17 or newer).
# CARE_KEYCLOAK_JAVA_HOME, then JAVA_HOME, then every JDK under /usr/lib/jvm are tried.
find_keycloak_java_home() {
  local candidate major
  for candidate in "${CARE_KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$candidate" ] || [ ! -x "$candidate/bin/java" ]; then continue; fi
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

require_command() {
  command -v "$1" >/dev/null || fail "$1 is missing: $2"
}

require_java() {
  require_command java "install a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
  local major
  major=$(java_major java)
  if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    fail "the java on PATH is version ${major:-unknown}; the services need 17 or newer: apt-get install -y openjdk-17-jdk-headless"
  fi
  find_keycloak_java_home >/dev/null ||
    fail "Keycloak needs a JDK 21 or newer and none was found (JAVA_HOME, /usr/lib/jvm/*): \
apt-get install -y openjdk-21-jdk-headless, or point CARE_KEYCLOAK_JAVA_HOME at one"
}

require_disk_space() {
  local free_kb
  free_kb=$(df --output=avail -k "$ROOT" | tail -n 1 | tr -d ' ')
  [ "$free_kb" -ge "$MIN_FREE_DISK_KB" ] ||
    fail "only $((free_kb / 1024)) MB free on the disk of this folder; CareLoop needs about 3 GB (Kafka, Keycloak, \
build, logs): free some space first"
}

check_prerequisites() {
  require_java
  require_command curl "apt-get install -y curl"
  require_command setsid "apt-get install -y util-linux"
  require_command ps "apt-get install -y procps"
  require_command ss "apt-get install -y iproute2"
  require_command psql "apt-get install -y postgresql-client (or postgresql for a local server)"
  require_command pg_isready "apt-get install -y postgresql-client"
  require_disk_space
}

# nginx is installed from Debian's packages when missing (needs root); its own service is never started.
ensure_nginx() {
  command -v nginx >/dev/null && return 0
  [ "$(id -u)" = 0 ] || fail "nginx is missing: sudo apt-get install -y nginx"
  say "installing nginx from Debian's packages ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } ||
    fail "nginx is missing and could not be installed: apt-get update && apt-get install -y nginx"
}

# ShellCheck checks the scripts in ./care test; installed from Debian's packages when missing (needs root).
ensure_shellcheck() {
  command -v shellcheck >/dev/null && return 0
  [ "$(id -u)" = 0 ] || fail "shellcheck is missing: sudo apt-get install -y shellcheck"
  say "installing shellcheck from Debian's packages ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null; } ||
    fail "shellcheck is missing and could not be installed: apt-get update && apt-get install -y shellcheck"
}

ensure_unzip() {
  command -v unzip >/dev/null && return 0
  [ "$(id -u)" = 0 ] || fail "unzip is missing: sudo apt-get install -y unzip"
  say "installing unzip from Debian's packages ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null; } ||
    fail "unzip is missing and could not be installed: apt-get update && apt-get install -y unzip"
}
