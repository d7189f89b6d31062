# The parts of a stack by name, and the whole stack: infrastructure, everything, status.
# shellcheck shell=bash
set -euo pipefail

# Every part a stack can have, in start order; stopped in reverse. The second brokers and instances run only at
# CARE_SCALE=2 (risk-service-2 also with CARE_RISK_INSTANCES=2; deploy/local/ports.sh), but are always parts:
# ./care down stops them whatever the setting was at ./care up.
PARTS=(kafka kafka-2 kafka-3 keycloak)
SERVICE_PARTS=()
for short in "${SERVICES[@]}"; do SERVICE_PARTS+=("$short-service" "$short-service-2"); done
unset short
PARTS+=("${SERVICE_PARTS[@]}" gateway)
KAFKA_PARTS=(kafka kafka-2 kafka-3)

# The parts this stack runs at its scale, in start order.
active_parts() {
  kafka_parts
  echo keycloak
  service_parts
  echo gateway
}

# The infrastructure parts this stack runs at its scale.
infra_parts() {
  kafka_parts
  echo keycloak
}

require_part() {
  local part
  for part in "${PARTS[@]}"; do [ "$part" = "${1:-}" ] && return 0; done
  fail "unknown part '${1:-}': one of ${PARTS[*]}"
}

healthy() {
  case "$1" in
    kafka | kafka-[23]) kafka_healthy "$1" ;;
    keycloak) keycloak_healthy ;;
    gateway) gateway_healthy ;;
    *-service | *-service-2) service_healthy "$1" ;;
    *) return 1 ;;
  esac
}

start_part() {
  require_part "$1"
  case "$1" in
    kafka | kafka-[23]) start_kafka "$1" ;;
    keycloak) start_keycloak ;;
    gateway) start_gateway ;;
    *-service | *-service-2) start_service "$1" ;;
  esac
}

# Graceful: SIGTERM (nginx: SIGQUIT), SIGKILL after a timeout.
stop_part() {
  require_part "$1"
  case "$1" in
    gateway) stop_parts QUIT 15 gateway ;;
    *) stop_parts TERM 30 "$1" ;;
  esac
}

stack_running() {
  local part
  for part in "${PARTS[@]}"; do is_running "$part" && return 0; done
  return 1
}

require_stack_ports_free() {
  local part
  for part in "$@"; do require_ports_free "$part"; done
}

# The test stack starts from nothing: an empty broker, a fresh Keycloak, empty databases.
reset_test_stack() {
  say "  fresh test stack: Kafka's and Keycloak's data and the logs wiped, databases ${UNIT_TEST_DB_PREFIX}* and ${DB_PREFIX}* recreated"
  wipe_kafka_data
  wipe_keycloak_data
  rm -f "$STATE_DIR"/logs/*.log
  local short
  for short in "${SERVICES[@]}"; do
    recreate_database "$UNIT_TEST_DB_PREFIX$short"
    recreate_database "$DB_PREFIX$short"
  done
}

start_infra() {
  local parts part
  mapfile -t parts < <(infra_parts)
  require_stack_ports_free "${parts[@]}"
  ensure_postgres
  if [ "$STACK" = test ] && ! stack_running; then reset_test_stack; fi
  local short
  for short in "${SERVICES[@]}"; do ensure_database "$DB_PREFIX$short"; done
  # The brokers and Keycloak start side by side.
  for part in $(kafka_parts); do launch_kafka "$part"; done
  launch_keycloak
  for part in $(kafka_parts); do wait_healthy "$part" 120; done
  wait_healthy keycloak 300
}

start_all() {
  local parts
  mapfile -t parts < <(active_parts)
  require_stack_ports_free "${parts[@]}"
  start_infra
  start_services
  start_gateway
}

stop_all() {
  stop_parts QUIT 15 gateway
  stop_parts TERM 30 "${SERVICE_PARTS[@]}"
  stop_parts TERM 30 keycloak "${KAFKA_PARTS[@]}"
}

status_all() {
  local part pid health
  printf '%-20s %-8s %-12s %s\n' PART PID PORT HEALTH
  for part in "${PARTS[@]}"; do
    if pid=$(running_pid "$part"); then
      if healthy "$part"; then health=healthy; else health="running, not healthy (yet?)"; fi
    else
      # A part of another scale that is not running is not shown.
      active_parts | grep -qx "$part" || continue
      pid=-
      health=stopped
    fi
    printf '%-20s %-8s %-12s %s\n' "$part" "$pid" "$(part_ports "$part" | tr ' ' ',')" "$health"
  done
  if pg_ready; then health=healthy; else health=down; fi
  if [ -f "$PG_STARTED_MARK" ]; then health="$health (started by ./care)"; else health="$health (not managed by ./care)"; fi
  printf '%-20s %-8s %-12s %s\n' postgresql - "$PG_PORT" "$health"
}

show_logs() {
  local part=${1:-} follow=${2:-}
  [ -n "$part" ] || fail "which part? one of ${PARTS[*]}"
  require_part "$part"
  [ -f "$(log_file "$part")" ] || fail "no log for $part yet ($STACK stack)"
  if [ "$follow" = -f ]; then
    tail -n 100 -F "$(log_file "$part")"
  else
    tail -n 200 "$(log_file "$part")"
  fi
}

# The realm's two demo partner organizations, in referral's partner directory with the electronic interface, so a
# clinician can refer to them and each can answer with its own token. PUT is idempotent: every ./care up sets them.
seed_demo_partners() {
  local answer token partner
  answer=$(curl -sf -d grant_type=password -d client_id=careloop-cli -d username=admin1 -d password=demo \
    "$(keycloak_url)/realms/careloop/protocol/openid-connect/token") || fail "could not sign in to Keycloak as admin1"
  token=$(jq -r .access_token <<<"$answer")
  for partner in \
    'demo-psychiatry|{"name":"Demo Psychiatry Associates","services":["PSYCHIATRY","CRISIS_STABILISATION"],"contact":{"phone":"614-555-0140","email":"referrals@psychiatry.example"},"electronic":true}' \
    'demo-housing|{"name":"Demo Housing Partners","services":["HOUSING","PEER_SUPPORT"],"contact":{"phone":"614-555-0150","email":"intake@housing.example"},"electronic":true}'; do
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "${partner#*|}" "$(gateway_url)/api/referral/partners/${partner%%|*}" ||
      fail "could not set up the demo partner ${partner%%|*} in referral-service"
  done
  say "  demo partners demo-psychiatry and demo-housing are in referral's partner directory"
}

print_welcome() {
  local kc scaled=""
  kc=$(keycloak_url)
  if ((SCALE == 2)); then
    scaled="
  Scaled out:          Kafka brokers $(kafka_bootstrap) (replication 3, min in-sync 2);
                       two instances of every service behind the gateway (<service>-service and
                       <service>-service-2: ./care status lists them with their ports)"
  fi
  cat <<WELCOME

CareLoop is up ($STACK stack).$scaled
  On-call console:     $(gateway_url)/console/  (sign in as oncall1 or supervisor1, password "demo")
  Gateway (all APIs):  $(gateway_url)/api/<service>/...   services: ${SERVICES[*]}
  API documents:       $(gateway_url)/api/intake/q/openapi (likewise for each service)
  Keycloak:            $kc  (realm careloop; admin console: admin / admin)
  Demo users (password "demo"): intake1, clinician1, clinician2, associate1 (clinician), supervisor1 (+clinician),
                                billing1, oncall1, oncall2 (+clinician), admin1, privacy1 (privacy officer)
  A token:             curl -s -d grant_type=password -d client_id=careloop-cli -d username=clinician1 -d password=demo $kc/realms/careloop/protocol/openid-connect/token
  Demo partners (FHIR Task interface, /api/referral/fhir/Task): Keycloak clients partner-demo-psychiatry and
                       partner-demo-housing, client secret "demo", grant_type=client_credentials

./care status shows each part; ./care logs <part> its log; ./care down stops them all.
WELCOME
}
