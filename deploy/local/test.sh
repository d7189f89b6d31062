# ./care test: the whole test suite on the test stack, which it always tears down at the end.
# shellcheck shell=bash
set -euo pipefail

TEST_STARTED=$SECONDS

teardown_test_stack() {
  local status=$?
  trap - EXIT INT TERM
  phase "tearing the test stack down"
  stop_all || true
  stop_postgres_if_ours || true
  if [ "$status" = 0 ]; then
    phase "every test passed ($(((SECONDS - TEST_STARTED) / 60)) min $(((SECONDS - TEST_STARTED) % 60)) s)"
  else
    phase "FAILED with exit status $status ($(((SECONDS - TEST_STARTED) / 60)) min $(((SECONDS - TEST_STARTED) % 60)) s)"
  fi
  exit "$status"
}

# Runs Maven; on failure, ./care test exits with Maven's status (the EXIT trap tears the stack down).
run_maven() {
  local status=0
  (cd "$ROOT" && "$@") || status=$?
  [ "$status" = 0 ] || exit "$status"
}

run_tests() {
  trap teardown_test_stack EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  phase "checking prerequisites"
  check_prerequisites
  phase "clearing what an earlier run may have left on the test stack"
  stop_all
  phase "test stack infrastructure: PostgreSQL $PG_HOST:$PG_PORT, Kafka 127.0.0.1:$KAFKA_PORT, Keycloak $(keycloak_url)"
  start_infra
  phase "unit and service tests: ./mvnw -B install"
  run_maven ./mvnw -B install
  phase "test stack services (ports $(service_port intake)-$(service_port billing)) and gateway $(gateway_url)"
  start_services
  start_gateway
  phase "system tests through the gateway: ./mvnw -B -pl system-tests verify -Psystem-tests"
  CARELOOP_GATEWAY_URL=$(gateway_url) CARELOOP_KEYCLOAK_URL=$(keycloak_url) CARELOOP_CARE="$ROOT/care" \
    CARELOOP_KAFKA="127.0.0.1:$KAFKA_PORT" run_maven ./mvnw -B -pl system-tests verify -Psystem-tests
}
