# shellcheck shell=bash
# ./care audit: the privacy officer's view across the services, through the gateway as privacy1 (the local demo
# privacy officer; AUDIT_USER and AUDIT_PASSWORD name another).

AUDIT_SERVICES=(intake treatment risk referral billing)

audit_token() {
  local answer
  answer=$(curl -sf -d grant_type=password -d client_id=careloop-cli -d "username=${AUDIT_USER:-privacy1}" \
    -d "password=${AUDIT_PASSWORD:-demo}" "$(keycloak_url)/realms/careloop/protocol/openid-connect/token") ||
    fail "could not sign in to Keycloak as ${AUDIT_USER:-privacy1}; is the $STACK stack up (./care up)?"
  jq -r .access_token <<<"$answer"
}

# Walks every service's hash chain; fails when one is broken.
audit_verify() {
  local token service answer broken=0
  token=$(audit_token)
  for service in "${AUDIT_SERVICES[@]}"; do
    answer=$(curl -sf -H "Authorization: Bearer $token" "$(gateway_url)/api/$service/audit/verification") ||
      fail "$service-service did not answer its chain verification"
    if [ "$(jq -r .intact <<<"$answer")" = true ]; then
      printf '  %-18s intact: %s records chained, %s waiting to be chained\n' "$service-service" \
        "$(jq -r .chained <<<"$answer")" "$(jq -r .pending <<<"$answer")"
    else
      broken=1
      printf '  %-18s BROKEN at position %s (record %s): %s\n' "$service-service" \
        "$(jq -r .brokenAt <<<"$answer")" "$(jq -r .recordId <<<"$answer")" "$(jq -r .problem <<<"$answer")"
    fi
  done
  [ "$broken" = 0 ] || fail "an audit chain is broken: a record was changed or removed"
}

# One client's trail from every service, in time order.
audit_client() {
  local client=$1 token service trails=()
  [[ $client =~ ^[0-9a-fA-F-]{36}$ ]] || fail "usage: ./care audit <clientId> | ./care audit verify"
  token=$(audit_token)
  for service in "${AUDIT_SERVICES[@]}"; do
    trails+=("$(curl -sf -H "Authorization: Bearer $token" \
      "$(gateway_url)/api/$service/audit?clientId=$client")") || fail "$service-service did not answer its audit query"
  done
  printf '%s\n' "${trails[@]}" | jq -rs 'add | sort_by(.recordedAt, .service, .id) | .[] |
    [.recordedAt, .service, .user, (.roles | join(",")), .method, .path, .outcome, .basis, .purpose] | @tsv'
}

run_audit() {
  ensure_jq
  case "${1:-}" in
    verify) audit_verify ;;
    "") fail "usage: ./care audit <clientId> | ./care audit verify" ;;
    *) audit_client "$1" ;;
  esac
}
