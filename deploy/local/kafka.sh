# Kafka: a single-node KRaft broker (broker and controller in one process) per stack, from Maven Central's jars.
# shellcheck shell=bash
set -euo pipefail

kafka_home() { echo "$ARTIFACTS_DIR/kafka-$KAFKA_VERSION"; }
kafka_dir() { echo "$STATE_DIR/kafka"; }
KAFKA_LOG4J="$ROOT/deploy/local/log4j2-kafka.properties"

# The broker's and its tools' jars, once for both stacks (deploy/local/runtime-artifacts/pom.xml lists them).
fetch_kafka() {
  local home
  home=$(kafka_home)
  [ -f "$home/.complete" ] && return 0
  say "  fetching Kafka $KAFKA_VERSION from Maven Central ..."
  rm -rf "$home"
  (cd "$ROOT" && ./mvnw -B -q -f deploy/local/runtime-artifacts/pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$home/lib") || fail "could not fetch Kafka from Maven Central (output above)"
  touch "$home/.complete"
}

# Runs one of Kafka's command line tools, e.g. kafka_tool org.apache.kafka.tools.TopicCommand --list ...
kafka_tool() {
  java -Xmx256m -cp "$(kafka_home)/lib/*" \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" "$@"
}

render_kafka_config() {
  sed -e "s#@LISTEN_HOST@#$LISTEN_HOST#g" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@KAFKA_DATA_DIR@#$(kafka_dir)/data#g" "$ROOT/deploy/local/kafka.properties.template" >"$(kafka_dir)/server.properties"
}

format_kafka_storage() {
  [ -f "$(kafka_dir)/data/meta.properties" ] && return 0
  local cluster
  cluster=$(kafka_tool kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  kafka_tool kafka.tools.StorageTool format -t "$cluster" -c "$(kafka_dir)/server.properties" >>"$(log_file kafka)" 2>&1 ||
    fail "could not format Kafka's storage (./care logs kafka)"
}

# The broker logs this line once it serves clients; the listening port alone opens earlier.
kafka_started_since_launch() {
  local offset=0 file
  file=$(log_offset_file kafka)
  [ -f "$file" ] && offset=$(<"$file")
  tail -c "+$((offset + 1))" "$(log_file kafka)" 2>/dev/null | grep -q 'Kafka Server started'
}

kafka_healthy() { port_open "$KAFKA_PORT" && kafka_started_since_launch; }

# Starts the broker without waiting for it.
launch_kafka() {
  is_running kafka && return 0
  require_ports_free kafka
  fetch_kafka
  mkdir -p "$(kafka_dir)/data" "$(dirname "$(log_file kafka)")"
  render_kafka_config
  format_kafka_storage
  launch kafka java -Xms128m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" -cp "$(kafka_home)/lib/*" kafka.Kafka "$(kafka_dir)/server.properties"
}

start_kafka() {
  launch_kafka
  wait_healthy kafka 120
}

# The test stack's broker starts empty at each infrastructure start.
wipe_kafka_data() { rm -rf "$(kafka_dir)"; }
