# The scale-out drill (./care drill, and a shorter one in ./care test): the test stack at CARE_SCALE=2, steady load
# through the gateway, a broker and one instance of every service killed and brought back, then every answer and event
# checked (system-tests' ScaleOutDrill).
# shellcheck shell=bash disable=SC2034
set -euo pipefail

DRILL_SECONDS=60
DRILL_RATE=4
# ./care test's drill: the same checks over shorter phases.
DRILL_SHORT_SECONDS=15

# The parts the drill kills: the first broker (the first address every client bootstraps from) and the first instance
# of every service.
drill_victims() {
  local victims=kafka short
  for short in "${SERVICES[@]}"; do victims+=",$short-service"; done
  echo "$victims"
}

# The test stack's brokers and services again at scale 2, with fresh brokers and service databases; PostgreSQL's
# server and Keycloak keep running.
scale_out_test_stack() {
  local short
  stop_parts QUIT 15 gateway
  stop_parts TERM 30 "${SERVICE_PARTS[@]}"
  stop_parts TERM 30 "${KAFKA_PARTS[@]}"
  export CARE_SCALE=2
  set_scale 2
  wipe_kafka_data
  for short in "${SERVICES[@]}"; do recreate_database "$DB_PREFIX$short"; done
  start_infra
  start_services
  start_gateway
}

# Runs the drill against the running scale-2 test stack: phase seconds, visits per second.
drill() {
  local classpath="$STATE_DIR/drill.classpath"
  (cd "$ROOT" && ./mvnw -B -q -pl system-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath") || fail "could not build the drill"
  CARELOOP_KEYCLOAK_URL=$(keycloak_url) java -cp "$ROOT/system-tests/target/test-classes:$(cat "$classpath")" \
    org.careloop.system.drill.ScaleOutDrill "$(gateway_url)" "$1" "$2" \
    "jdbc:postgresql://$PG_HOST:$PG_PORT/${DB_PREFIX}%s" "$(kafka_bootstrap)" "$ROOT/care" "$(drill_victims)"
}

# ./care drill [seconds] [rate]: starts the scale-2 test stack, runs the drill, tears the stack down.
run_drill() {
  local seconds=${1:-$DRILL_SECONDS} rate=${2:-$DRILL_RATE}
  if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 5)); then
    fail "the drill's phases last 5 seconds at least, not '$seconds'"
  fi
  [[ $rate =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "the drill's rate is visits per second, not '$rate'"
  TEARDOWN_SUCCESS="the drill passed"
  trap teardown_test_stack EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  check_prerequisites
  build_if_stale
  phase "clearing what an earlier run may have left on the test stack"
  stop_all
  phase "the test stack at scale 2: brokers $(kafka_bootstrap), two instances of every service, gateway $(gateway_url)"
  start_all
  phase "the drill at $rate visits/s: a warm-up of ${seconds}s or more, ${seconds}s before, the kill, ${seconds}s down, the restart, ${seconds}s after"
  drill "$seconds" "$rate"
}
