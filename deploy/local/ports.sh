# Every port, database and state folder of the two local stacks, in one place.
# CARE_STACK=test selects the test stack, which never collides with the default one.
# shellcheck shell=bash disable=SC2034
set -euo pipefail

if [ "${CARE_STACK:-}" = "test" ]; then
  STACK="test"
  STATE_DIR="$ROOT/.care/test"
  GATEWAY_PORT=18080
  INTAKE_PORT=18081
  TREATMENT_PORT=18082
  RISK_PORT=18083
  REFERRAL_PORT=18084
  BILLING_PORT=18085
  RISK_2_PORT=18086
  # The system tests run risk-service twice, behind the gateway, to watch one instance carry on when the other dies.
  RISK_INSTANCES=${CARE_RISK_INSTANCES:-2}
  KEYCLOAK_PORT=18180
  KEYCLOAK_MANAGEMENT_PORT=19180
  KAFKA_PORT=19092
  KAFKA_CONTROLLER_PORT=19093
  # Databases of the services started as processes (system tests).
  DB_PREFIX=careloop_systest_
else
  STACK=local
  STATE_DIR="$ROOT/.care/local"
  GATEWAY_PORT=8080
  INTAKE_PORT=8081
  TREATMENT_PORT=8082
  RISK_PORT=8083
  REFERRAL_PORT=8084
  BILLING_PORT=8085
  RISK_2_PORT=8086
  # CARE_RISK_INSTANCES=2 ./care up runs a second risk-service (risk-service-2) beside the first.
  RISK_INSTANCES=${CARE_RISK_INSTANCES:-1}
  KEYCLOAK_PORT=8180
  KEYCLOAK_MANAGEMENT_PORT=9180
  KAFKA_PORT=9092
  KAFKA_CONTROLLER_PORT=9093
  DB_PREFIX=careloop_
fi

# Shared by both stacks: one PostgreSQL server, the downloaded Kafka and Keycloak distributions.
# Every part listens on loopback only: from outside the machine, nothing is reachable, and on it the gateway is the
# one door to the services (their own ports serve metrics and the rest of /q/ to operators on the machine).
LISTEN_HOST=127.0.0.1
PG_HOST=127.0.0.1
PG_PORT=5432
DB_USER=careloop
DB_PASSWORD=careloop
ARTIFACTS_DIR="$ROOT/.care/artifacts"
KAFKA_VERSION=4.1.1
KEYCLOAK_VERSION=26.7.3
# The OpenAPI linter of ./care test, from npm.
REDOCLY_VERSION=2.77.0
SERVICES=(intake treatment risk referral billing)
# Databases of the in-process service tests (@QuarkusTest, %test profile): dropped and recreated at each start of
# the test stack's infrastructure.
UNIT_TEST_DB_PREFIX=careloop_test_

[[ $RISK_INSTANCES =~ ^[12]$ ]] || {
  printf 'care: CARE_RISK_INSTANCES must be 1 or 2, not %s\n' "$RISK_INSTANCES" >&2
  exit 1
}

# service_port intake -> 8081 (18081 on the test stack); service_port risk_2 -> 8086
service_port() {
  local var="${1^^}_PORT"
  [ -n "${!var:-}" ] || return 1
  echo "${!var}"
}

# risk-service -> risk; risk-service-2 (the second instance) -> risk
service_short_name() {
  local name=${1%-2}
  echo "${name%-service}"
}

# The port of a service's part: risk-service -> 8083, risk-service-2 -> 8086.
service_part_port() {
  case "$1" in
    *-service-2) service_port "$(service_short_name "$1")_2" ;;
    *) service_port "$(service_short_name "$1")" ;;
  esac
}

# The TCP ports a part listens on.
part_ports() {
  case "$1" in
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT $KEYCLOAK_MANAGEMENT_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;;
    *-service | *-service-2) service_part_port "$1" ;;
    *) return 1 ;;
  esac
}
