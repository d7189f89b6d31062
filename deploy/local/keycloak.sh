# Keycloak: the distribution from Maven Central, unpacked per stack, in development mode with an in-memory database;
# the realm (deploy/keycloak/careloop-realm.json) is imported at every start, so its users are always as committed.
# shellcheck shell=bash
set -euo pipefail

keycloak_zip() { echo "$ARTIFACTS_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"; }
keycloak_home() { echo "$STATE_DIR/keycloak/keycloak-$KEYCLOAK_VERSION"; }
keycloak_url() { echo "http://localhost:$KEYCLOAK_PORT"; }

fetch_keycloak() {
  local zip home
  zip=$(keycloak_zip)
  home=$(keycloak_home)
  [ -x "$home/bin/kc.sh" ] && return 0
  if [ ! -f "$zip" ]; then
    say "  fetching Keycloak $KEYCLOAK_VERSION from Maven Central ..."
    (cd "$ROOT" && ./mvnw -B -q -f deploy/local/runtime-artifacts/pom.xml dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$ARTIFACTS_DIR") ||
      fail "could not fetch Keycloak from Maven Central (output above)"
  fi
  ensure_unzip
  say "  unpacking Keycloak into $(dirname "$home") ..."
  rm -rf "$home"
  mkdir -p "$(dirname "$home")"
  unzip -q "$zip" -d "$(dirname "$home")" || fail "could not unpack $zip"
  chmod +x "$home"/bin/*.sh
}

# The test stack's Keycloak keeps nothing from an earlier run.
wipe_keycloak_data() { rm -rf "$(keycloak_home)/data"; }

keycloak_healthy() { http_ok "$(keycloak_url)/realms/careloop/.well-known/openid-configuration"; }

# Starts Keycloak without waiting for it.
launch_keycloak() {
  is_running keycloak && return 0
  require_ports_free keycloak
  fetch_keycloak
  local home java_home
  home=$(keycloak_home)
  # Keycloak needs 21 or newer; CareLoop's own JDK (use_java) is one.
  java_home=$(find_java_home) || fail "Keycloak needs a JDK 21 or newer (see ./care's prerequisites)"
  mkdir -p "$home/data/import"
  cp "$ROOT/deploy/keycloak/careloop-realm.json" "$home/data/import/careloop-realm.json"
  # Local demo credentials only.
  launch keycloak env JAVA_HOME="$java_home" PATH="$java_home/bin:$PATH" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$home/bin/kc.sh" start-dev --http-host="$LISTEN_HOST" --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --db=dev-mem --import-realm
}

start_keycloak() {
  launch_keycloak
  wait_healthy keycloak 300
}
