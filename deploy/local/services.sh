# The five Quarkus services, each a plain java process with its own database of this stack.
# shellcheck shell=bash
set -euo pipefail

service_healthy() {
  http_ok "http://$LISTEN_HOST:$(service_part_port "$1")/api/$(service_short_name "$1")/q/health/ready"
}

# The service parts this stack runs, in start order: each service once, or twice at CARE_SCALE=2 (risk's also with
# CARE_RISK_INSTANCES=2). A service's two instances share its database and Kafka consumer group; the gateway
# balances between them.
service_parts() {
  local short
  for short in "${SERVICES[@]}"; do
    echo "$short-service"
    if (($(instances "$short") > 1)); then echo "$short-service-2"; fi
  done
}

# Each risk instance's own address (not through the gateway), comma-separated, for the system tests.
risk_urls() {
  local urls="http://$LISTEN_HOST:$RISK_PORT"
  ((RISK_INSTANCES > 1)) && urls+=",http://$LISTEN_HOST:$RISK_2_PORT"
  echo "$urls"
}

# host:port of every part of this stack: a webhook may never reach them, though it may reach loopback.
stack_endpoints() {
  local endpoints="$PG_HOST:$PG_PORT" part port
  # shellcheck disable=SC2153 # PARTS: every part of a stack (stack.sh)
  for part in "${PARTS[@]}"; do
    for port in $(part_ports "$part"); do endpoints+=",$LISTEN_HOST:$port"; done
  done
  echo "$endpoints"
}

# The key that seals the secrets a service keeps (risk's webhook secrets, billing's payer credentials): a demo key for
# the local stacks only, sealing nothing real; a deployment brings its own from its secret store (README, "Sessions and
# secrets").
LOCAL_SECRETS_KEY_ID=local1
LOCAL_SECRETS_KEY=aa7ZoyareIfR4rUfWGImoJYJD0tz9TYVLnV2siHlnYk=

# Quarkus's worker threads reset thread locals through java.lang internals, closed on Java 24+ unless opened.
JAVA_OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED"

# Starts one service part (intake-service, risk-service-2 ...) without waiting for it.
launch_service() {
  local part=$1 short port jar shortest_ack=PT1M review_interval=P90D sla=()
  short=$(service_short_name "$part")
  # The system tests climb escalation ladders of seconds, and watch a plan's review fall due across a restart; a
  # clinic's tiers get a minute at least, and its plans the review interval of its state (90 days by default).
  if [ "$STACK" = test ]; then
    shortest_ack=PT1S
    review_interval=PT20S
    # ...and watch a routine referral's acceptance clock lapse, across a restart too.
    sla=(CARELOOP_REFERRALS_SLA_ROUTINE_ACCEPTED_WITHIN=PT20S CARELOOP_REFERRALS_SLA_ROUTINE_SEEN_WITHIN=PT40S)
  fi
  # At scale 2, ten instances share one PostgreSQL server (100 connections unless configured otherwise): each
  # instance's pools get a share, as replicas in a cluster share their database's connection limit.
  local pools=()
  ((SCALE == 2)) && pools=(QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=5 QUARKUS_DATASOURCE_JDBC_MAX_SIZE=4)
  is_running "$part" && return 0
  port=$(service_part_port "$part")
  jar=$(service_jar "$short")
  [ -f "$jar" ] || fail "$jar is missing: build it with ./mvnw -B install -DskipTests (or ./care up)"
  require_ports_free "$part"
  ensure_database "$DB_PREFIX$short"
  launch "$part" env QUARKUS_HTTP_PORT="$port" CARELOOP_HTTP_HOST="$LISTEN_HOST" CARELOOP_PUBLIC_URL="$(gateway_url)" \
    CARELOOP_DB_HOST="$PG_HOST" CARELOOP_DB_PORT="$PG_PORT" CARELOOP_DB_NAME="$DB_PREFIX$short" \
    CARELOOP_DB_USER="$DB_USER" CARELOOP_DB_PASSWORD="$DB_PASSWORD" \
    CARELOOP_KAFKA="$(kafka_bootstrap)" CARELOOP_KEYCLOAK_URL="$(keycloak_url)" \
    CARELOOP_WEBHOOKS_REFUSED_ENDPOINTS="$(stack_endpoints)" CARELOOP_WEBHOOKS_ADMITTED_NETWORKS="127.0.0.0/8,::1/128" \
    CARELOOP_PAYERS_REFUSED_ENDPOINTS="$(stack_endpoints)" CARELOOP_PAYERS_ADMITTED_NETWORKS="127.0.0.0/8,::1/128" \
    CARELOOP_ESCALATION_SHORTEST_ACK_TIMEOUT="$shortest_ack" CARELOOP_PLANS_REVIEW_INTERVAL="$review_interval" \
    CARELOOP_SECRETS_CURRENT_KEY="$LOCAL_SECRETS_KEY_ID" "CARELOOP_SECRETS_KEYS_${LOCAL_SECRETS_KEY_ID^^}=$LOCAL_SECRETS_KEY" \
    "${sla[@]}" "${pools[@]}" java -Xms32m -Xmx256m -XX:+UseSerialGC -Djava.awt.headless=true "$JAVA_OPENS" -jar "$jar"
}

start_service() {
  if [[ $1 == *-service-2 ]] && (($(instances "$(service_short_name "$1")") < 2)); then
    fail "$1 runs only beside a second gateway route: CARE_SCALE=2 ./care up (for risk also CARE_RISK_INSTANCES=2)"
  fi
  launch_service "$1"
  wait_healthy "$1" 180
}

# All start together (they do not depend on each other), then each is awaited.
start_services() {
  local part parts
  mapfile -t parts < <(service_parts)
  for part in "${parts[@]}"; do launch_service "$part"; done
  for part in "${parts[@]}"; do wait_healthy "$part" 240; done
}
