# ./care test: the whole test suite on the test stack, which it always tears down at the end.
# shellcheck shell=bash
set -euo pipefail

TEST_STARTED=$SECONDS
# What the end of a successful run says.
TEARDOWN_SUCCESS="every test passed"

teardown_test_stack() {
  local status=$?
  trap - EXIT INT TERM
  phase "tearing the test stack down"
  stop_all || true
  stop_postgres_if_ours || true
  if [ "$status" = 0 ]; then
    phase "$TEARDOWN_SUCCESS ($(((SECONDS - TEST_STARTED) / 60)) min $(((SECONDS - TEST_STARTED) % 60)) s)"
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

# Redocly CLI from npm, once per version, into the git-ignored .care/ folder.
redocly() {
  local dir="$ROOT/.care/tools/redocly-$REDOCLY_VERSION"
  if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
    require_command npm "the OpenAPI lint needs Node.js 20+ and npm (https://nodejs.org)"
    say "  installing Redocly CLI $REDOCLY_VERSION from npm into $dir ..."
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --save-exact "@redocly/cli@$REDOCLY_VERSION" >"$dir/install.log" 2>&1 ||
      fail "could not install Redocly CLI from npm ($dir/install.log)"
  fi
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$dir/node_modules/.bin/redocly" "$@"
}

# Each service's OpenAPI document as a client generator gets it, through the gateway, linted by deploy/openapi's rules.
lint_openapi() {
  local dir="$STATE_DIR/openapi" short
  rm -rf "$dir"
  mkdir -p "$dir"
  for short in "${SERVICES[@]}"; do
    curl -fsS --max-time 30 -o "$dir/$short-service.json" "$(gateway_url)/api/$short/q/openapi?format=json" ||
      fail "the gateway did not serve $short's OpenAPI document"
  done
  redocly lint --config "$ROOT/deploy/openapi/redocly.yaml" "$dir"/*.json ||
    fail "the OpenAPI documents have errors (above)"
}

# The ports this stack's parts listen on, for the test that checks they do so on loopback only.
listening_ports() {
  local part
  for part in $(active_parts); do
    case "$part" in
      keycloak) echo "$KEYCLOAK_PORT" ;;
      *) part_ports "$part" ;;
    esac
  done | tr '\n' ' '
}

run_tests() {
  trap teardown_test_stack EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  phase "checking prerequisites"
  check_prerequisites
  # deploy/k8s-tests renders every overlay of the cluster manifests.
  require_command kubectl "the Kubernetes manifests' tests render them with kubectl (and its kustomize): install it (https://kubernetes.io/docs/tasks/tools/)"
  phase "shell scripts: shellcheck"
  ensure_shellcheck
  (cd "$ROOT" && shellcheck -x care .ci/run deploy/local/*.sh) || exit 1
  phase "clearing what an earlier run may have left on the test stack"
  stop_all
  phase "test stack infrastructure: PostgreSQL $PG_HOST:$PG_PORT, Kafka 127.0.0.1:$KAFKA_PORT, Keycloak $(keycloak_url)"
  start_infra
  phase "unit and service tests: ./mvnw -B install"
  run_maven ./mvnw -B install
  phase "test stack services (ports $(service_port intake)-$(service_port risk_2)) and gateway $(gateway_url)"
  start_services
  start_gateway
  phase "OpenAPI documents through the gateway: redocly lint (deploy/openapi/redocly.yaml)"
  lint_openapi
  phase "system tests through the gateway: ./mvnw -B -pl system-tests verify -Psystem-tests"
  # The console's test drives a real, headless Chromium.
  ensure_chromium
  CARELOOP_GATEWAY_URL=$(gateway_url) CARELOOP_KEYCLOAK_URL=$(keycloak_url) CARELOOP_CARE="$ROOT/care" \
    CARELOOP_KAFKA="$(kafka_bootstrap)" CARELOOP_GATEWAY_ACCESS_LOG="$(gateway_access_log)" \
    CARELOOP_LISTEN_PORTS="$(listening_ports)" CARELOOP_RISK_URLS="$(risk_urls)" run_maven ./mvnw -B -pl system-tests verify -Psystem-tests
  phase "scale-out drill, short form: the test stack again with three brokers and two instances of every service"
  scale_out_test_stack
  phase "the drill: a warm-up of ${DRILL_SHORT_SECONDS}s or more, ${DRILL_SHORT_SECONDS}s before, the kill, ${DRILL_SHORT_SECONDS}s down, the restart, ${DRILL_SHORT_SECONDS}s after"
  drill "$DRILL_SHORT_SECONDS" "$DRILL_RATE"
}
