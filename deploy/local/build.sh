# Builds the services when a source or a pom is newer than their jars.
# shellcheck shell=bash
set -euo pipefail

service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

# The oldest of the five service jars; fails if one is missing.
oldest_service_jar() {
  local service jar oldest=""
  for service in "${SERVICES[@]}"; do
    jar=$(service_jar "$service")
    [ -f "$jar" ] || return 1
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
  done
  echo "$oldest"
}

# A source or pom newer than the given file, if any.
newer_source() {
  find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src -type f -newer "$1" -print -quit 2>/dev/null || true
}

build_if_stale() {
  local oldest reason changed
  if ! oldest=$(oldest_service_jar); then
    reason="a service jar is missing"
  else
    changed=$(newer_source "$oldest")
    [ -n "$changed" ] || return 0
    reason="${changed#"$ROOT"/} changed since the last build"
  fi
  phase "building the services ($reason): ./mvnw -B -q install -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || fail "the build failed (output above); fix it and run ./care up again"
}
