# The gateway: nginx started by ./care (never Debian's service), with its configuration, pid file, temporary files
# and logs under the stack's state folder.
# shellcheck shell=bash
set -euo pipefail

gateway_dir() { echo "$STATE_DIR/gateway"; }
gateway_url() { echo "http://localhost:$GATEWAY_PORT"; }

render_gateway_config() {
  local dir short script
  dir=$(gateway_dir)
  script=(-e "s#@GATEWAY_PORT@#$GATEWAY_PORT#g" -e "s#@GATEWAY_DIR@#$dir#g" -e "s#@LOG_DIR@#$STATE_DIR/logs#g")
  for short in "${SERVICES[@]}"; do
    script+=(-e "s#@${short^^}_PORT@#$(service_port "$short")#g")
  done
  sed "${script[@]}" "$ROOT/deploy/gateway/nginx.conf.template" >"$dir/nginx.conf"
}

gateway_healthy() { http_ok "http://127.0.0.1:$GATEWAY_PORT/gateway/health"; }

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
