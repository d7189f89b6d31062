# What the machine must have before ./care starts anything; each failure says what to do.
# shellcheck shell=bash
set -euo pipefail

MIN_FREE_DISK_KB=$((3 * 1024 * 1024))

java_major() { "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }

# CareLoop is built with and runs on Java 25 (its services, Maven, Keycloak and Kafka alike).
# CARE_JAVA_HOME, then JAVA_HOME, then every JDK under /usr/lib/jvm are tried; the first of 25 or newer is used.
JAVA_MIN=25

find_java_home() {
  local candidate major
  for candidate in "${CARE_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$candidate" ] || [ ! -x "$candidate/bin/javac" ]; then continue; fi
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$JAVA_MIN" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Puts that JDK first for everything ./care runs (./mvnw, the services, Kafka, Keycloak, the benchmark).
use_java() {
  local java_home
  java_home=$(find_java_home) || fail "CareLoop needs a JDK $JAVA_MIN or newer and none was found (CARE_JAVA_HOME, \
JAVA_HOME, /usr/lib/jvm/*): install one (e.g. Temurin $JAVA_MIN) or point CARE_JAVA_HOME at it"
  export JAVA_HOME="$java_home"
  export PATH="$java_home/bin:$PATH"
}

require_command() {
  command -v "$1" >/dev/null || fail "$1 is missing: $2"
}

require_java() {
  use_java
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

# jq merges the services' audit trails in ./care audit; installed from Debian's packages when missing (needs root).
ensure_jq() {
  command -v jq >/dev/null && return 0
  [ "$(id -u)" = 0 ] || fail "jq is missing: sudo apt-get install -y jq"
  say "installing jq from Debian's packages ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; } ||
    fail "jq is missing and could not be installed: apt-get update && apt-get install -y jq"
}

# The console's browser test drives Debian's headless Chromium through its chromedriver; both are installed from
# Debian's packages when missing (needs root).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  [ "$(id -u)" = 0 ] || fail "chromium and chromedriver are missing (the console's browser test): \
sudo apt-get install -y chromium chromium-driver"
  say "installing chromium and chromium-driver from Debian's packages ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } ||
    fail "chromium is missing and could not be installed: apt-get update && apt-get install -y chromium chromium-driver"
}
