# The gateway: nginx started by ./care (never Debian's service), with its configuration, pid file, temporary files
# and logs under the stack's state folder.
# shellcheck shell=bash
set -euo pipefail

# Rate limits, answered at once up to the burst, then with 429: per bearer token (what one user or script may
# send) and per caller address (all the tokens used from one place). A clinic's busiest console sends a few
# requests a second; ./care bench sends 50 screenings a second with one token.
GATEWAY_TOKEN_RATE=50r/s
GATEWAY_TOKEN_BURST=100
GATEWAY_ADDRESS_RATE=200r/s
GATEWAY_ADDRESS_BURST=400

gateway_dir() { echo "$STATE_DIR/gateway"; }
# The gateway's public name: the services build their links (Location) from it, never from a request's Host.
gateway_host() { echo "localhost:$GATEWAY_PORT"; }
gateway_url() { echo "http://$(gateway_host)"; }
gateway_access_log() { echo "$STATE_DIR/logs/gateway-access.log"; }

# The servers of a service's upstream: one per instance. An instance that refuses or drops a connection (killed, not
# yet started) is set aside for INSTANCE_FAIL_TIMEOUT after one failure, and the request tried on the other when nginx
# may: before any byte went to the instance, or for an idempotent request (never a POST once sent).
INSTANCE_FAIL_TIMEOUT=10s
upstream_servers() {
  local servers="" part
  while read -r part; do
    [ "$(service_short_name "$part")" = "$1" ] || continue
    servers+="server $LISTEN_HOST:$(service_part_port "$part") max_fails=1 fail_timeout=$INSTANCE_FAIL_TIMEOUT; "
  done < <(service_parts)
  echo "$servers"
}

render_gateway_config() {
  local dir short script
  dir=$(gateway_dir)
  script=(-e "s#@GATEWAY_PORT@#$GATEWAY_PORT#g" -e "s#@GATEWAY_DIR@#$dir#g" -e "s#@LISTEN_HOST@#$LISTEN_HOST#g"
    -e "s#@PUBLIC_HOST@#$(gateway_host)#g" -e "s#@ACCESS_LOG@#$(gateway_access_log)#g"
    -e "s#@TOKEN_RATE@#$GATEWAY_TOKEN_RATE#g" -e "s#@TOKEN_BURST@#$GATEWAY_TOKEN_BURST#g"
    -e "s#@ADDRESS_RATE@#$GATEWAY_ADDRESS_RATE#g" -e "s#@ADDRESS_BURST@#$GATEWAY_ADDRESS_BURST#g"
    -e "s#@KEYCLOAK_URL@#$(keycloak_url)#g" -e "s#@CONSOLE_DIR@#$ROOT/console#g")
  for short in "${SERVICES[@]}"; do
    script+=(-e "s#@${short^^}_SERVERS@#$(upstream_servers "$short")#g")
  done
  sed "${script[@]}" "$ROOT/deploy/gateway/nginx.conf.template" >"$dir/nginx.conf"
}

gateway_healthy() { http_ok "http://$LISTEN_HOST:$GATEWAY_PORT/gateway/health"; }

start_gateway() {
  is_running gateway && return 0
  require_ports_free gateway
  ensure_nginx
  local dir
  dir=$(gateway_dir)
  mkdir -p "$dir/temp" "$STATE_DIR/logs"
  # nginx's workers run as an unprivileged user when the master is root: they must be able to write temp files.
  chmod 1777 "$dir/temp"
  render_gateway_config
  nginx -t -q -e stderr -p "$dir" -c "$dir/nginx.conf" 2>>"$(log_file gateway)" ||
    fail "the gateway's configuration $dir/nginx.conf is invalid (./care logs gateway)"
  launch gateway nginx -e stderr -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
  wait_healthy gateway 30
}
