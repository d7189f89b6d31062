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
  INTAKE_2_PORT=18087
  TREATMENT_2_PORT=18088
  REFERRAL_2_PORT=18089
  BILLING_2_PORT=18090
  # The system tests run risk-service twice, behind the gateway, to watch one instance carry on when the other dies.
  SINGLE_SCALE_RISK_INSTANCES=${CARE_RISK_INSTANCES:-2}
  KEYCLOAK_PORT=18180
  KEYCLOAK_MANAGEMENT_PORT=19180
  KAFKA_PORT=19092
  KAFKA_CONTROLLER_PORT=19093
  KAFKA_2_PORT=19094
  KAFKA_2_CONTROLLER_PORT=19095
  KAFKA_3_PORT=19096
  KAFKA_3_CONTROLLER_PORT=19097
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
  INTAKE_2_PORT=8087
  TREATMENT_2_PORT=8088
  REFERRAL_2_PORT=8089
  BILLING_2_PORT=8090
  # CARE_RISK_INSTANCES=2 ./care up runs a second risk-service (risk-service-2) beside the first.
  SINGLE_SCALE_RISK_INSTANCES=${CARE_RISK_INSTANCES:-1}
  KEYCLOAK_PORT=8180
  KEYCLOAK_MANAGEMENT_PORT=9180
  KAFKA_PORT=9092
  KAFKA_CONTROLLER_PORT=9093
  KAFKA_2_PORT=9094
  KAFKA_2_CONTROLLER_PORT=9095
  KAFKA_3_PORT=9096
  KAFKA_3_CONTROLLER_PORT=9097
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

[[ $SINGLE_SCALE_RISK_INSTANCES =~ ^[12]$ ]] || {
  printf 'care: CARE_RISK_INSTANCES must be 1 or 2, not %s\n' "$SINGLE_SCALE_RISK_INSTANCES" >&2
  exit 1
}

# The stack's scale. 1: one Kafka broker, one instance of each service (risk's as CARE_RISK_INSTANCES says).
# 2 (CARE_SCALE=2): a quorum of three KRaft brokers (each a controller too; replication 3, min in-sync 2) and two
# instances of every service behind the gateway: the topology of a cluster (deploy/k8s), on one machine.
set_scale() {
  SCALE=$1
  [[ $SCALE =~ ^[12]$ ]] || {
    printf 'care: CARE_SCALE must be 1 or 2, not %s\n' "$SCALE" >&2
    exit 1
  }
  if ((SCALE == 2)); then
    KAFKA_BROKERS=3
    SERVICE_INSTANCES=2
    RISK_INSTANCES=2
  else
    KAFKA_BROKERS=1
    SERVICE_INSTANCES=1
    RISK_INSTANCES=$SINGLE_SCALE_RISK_INSTANCES
  fi
}
set_scale "${CARE_SCALE:-1}"

# How many instances of a service this stack runs: instances risk -> 2
instances() {
  if [ "$1" = risk ]; then echo "$RISK_INSTANCES"; else echo "$SERVICE_INSTANCES"; fi
}

# The broker parts of this scale: kafka, or kafka kafka-2 kafka-3.
kafka_parts() {
  local broker
  echo kafka
  for ((broker = 2; broker <= KAFKA_BROKERS; broker++)); do echo "kafka-$broker"; done
}

# A broker part's number: kafka -> 1, kafka-3 -> 3
kafka_broker_number() {
  case "$1" in
    kafka) echo 1 ;;
    kafka-[23]) echo "${1#kafka-}" ;;
    *) return 1 ;;
  esac
}

# The client and controller ports of broker n.
kafka_port() {
  local var=KAFKA_PORT
  (($1 > 1)) && var="KAFKA_$1_PORT"
  echo "${!var}"
}
kafka_controller_port() {
  local var=KAFKA_CONTROLLER_PORT
  (($1 > 1)) && var="KAFKA_$1_CONTROLLER_PORT"
  echo "${!var}"
}

# What the services and tools are given to find the brokers: every broker of this scale.
kafka_bootstrap() {
  local part servers=""
  for part in $(kafka_parts); do servers+="${servers:+,}$LISTEN_HOST:$(kafka_port "$(kafka_broker_number "$part")")"; done
  echo "$servers"
}

# service_port intake -> 8081 (18081 on the test stack); service_port risk_2 -> 8086
service_port() {
  local var="${1^^}_PORT"
  [ -n "${!var:-}" ] || return 1
  echo "${!var}"
}

# risk-service -> risk; risk-service-2 (a second instance) -> risk
service_short_name() {
  local name=${1%-2}
  echo "${name%-service}"
}

# The port of a service's part: risk-service -> 8083, risk-service-2 -> 8086, intake-service-2 -> 8087.
service_part_port() {
  case "$1" in
    *-service-2) service_port "$(service_short_name "$1")_2" ;;
    *) service_port "$(service_short_name "$1")" ;;
  esac
}

# The TCP ports a part listens on.
part_ports() {
  case "$1" in
    kafka | kafka-[23])
      local broker
      broker=$(kafka_broker_number "$1")
      echo "$(kafka_port "$broker") $(kafka_controller_port "$broker")"
      ;;
    keycloak) echo "$KEYCLOAK_PORT $KEYCLOAK_MANAGEMENT_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;;
    *-service | *-service-2) service_part_port "$1" ;;
    *) return 1 ;;
  esac
}
