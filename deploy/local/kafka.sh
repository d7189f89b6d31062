# Kafka from Maven Central's jars: per stack one KRaft node (broker and controller in one process), or a quorum of
# three at CARE_SCALE=2.
# shellcheck shell=bash
set -euo pipefail

kafka_home() { echo "$ARTIFACTS_DIR/kafka-$KAFKA_VERSION"; }
# Each broker's state folder: kafka, kafka-2, kafka-3.
kafka_dir() { echo "$STATE_DIR/${1:-kafka}"; }
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

# At scale 1 one broker with 3 partitions per topic; at scale 2 three, with 6 partitions per topic (split evenly
# between two instances of a consumer group) and every record on all three, acknowledged by two.
render_kafka_config() {
  local part=$1 broker voters="" other partitions=3 replication=1 min_isr=1
  broker=$(kafka_broker_number "$part")
  for other in $(kafka_parts); do
    other=$(kafka_broker_number "$other")
    voters+="${voters:+,}$other@$LISTEN_HOST:$(kafka_controller_port "$other")"
  done
  if ((KAFKA_BROKERS > 1)); then
    partitions=6
    replication=3
    min_isr=2
  fi
  sed -e "s#@LISTEN_HOST@#$LISTEN_HOST#g" -e "s#@KAFKA_PORT@#$(kafka_port "$broker")#g" \
    -e "s#@KAFKA_CONTROLLER_PORT@#$(kafka_controller_port "$broker")#g" -e "s#@NODE_ID@#$broker#g" \
    -e "s#@VOTERS@#$voters#g" -e "s#@PARTITIONS@#$partitions#g" -e "s#@REPLICATION@#$replication#g" \
    -e "s#@MIN_ISR@#$min_isr#g" -e "s#@KAFKA_DATA_DIR@#$(kafka_dir "$part")/data#g" \
    "$ROOT/deploy/local/kafka.properties.template" >"$(kafka_dir "$part")/server.properties"
}

# One cluster id for every broker of the stack, kept beside the first broker's data.
kafka_cluster_id() {
  local file
  file="$(kafka_dir kafka)/cluster.id"
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    kafka_tool kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 >"$file"
  fi
  cat "$file"
}

# The scale the brokers' data was formatted for: a quorum cannot grow from one node to three in place.
kafka_scale_file() { echo "$(kafka_dir kafka)/scale"; }

check_kafka_scale() {
  local formatted=1
  # Data formatted before the scale was recorded is a single broker's.
  [ -f "$(kafka_dir kafka)/data/meta.properties" ] || [ -f "$(kafka_scale_file)" ] || return 0
  [ -f "$(kafka_scale_file)" ] && formatted=$(<"$(kafka_scale_file)")
  [ "$formatted" = "$KAFKA_BROKERS" ] && return 0
  if [ "$STACK" = test ]; then
    wipe_kafka_data
    return 0
  fi
  fail "this stack's Kafka holds the data of $formatted broker(s), not $KAFKA_BROKERS (CARE_SCALE=$SCALE): stop the stack \
(./care down) and remove its Kafka data (rm -rf .care/$STACK/kafka*) to start a fresh cluster; the services' databases \
keep what they have and publish anything not yet published"
}

format_kafka_storage() {
  local part=$1
  [ -f "$(kafka_dir "$part")/data/meta.properties" ] && return 0
  kafka_tool kafka.tools.StorageTool format -t "$(kafka_cluster_id)" -c "$(kafka_dir "$part")/server.properties" \
    >>"$(log_file "$part")" 2>&1 || fail "could not format Kafka's storage (./care logs $part)"
  echo "$KAFKA_BROKERS" >"$(kafka_scale_file)"
}

# The broker logs this line once it serves clients; the listening port alone opens earlier.
kafka_started_since_launch() {
  local offset=0 file
  file=$(log_offset_file "$1")
  [ -f "$file" ] && offset=$(<"$file")
  tail -c "+$((offset + 1))" "$(log_file "$1")" 2>/dev/null | grep -q 'Kafka Server started'
}

kafka_healthy() {
  local part=${1:-kafka}
  port_open "$(kafka_port "$(kafka_broker_number "$part")")" && kafka_started_since_launch "$part"
}

# Starts a broker (kafka, kafka-2, kafka-3) without waiting for it.
launch_kafka() {
  local part=${1:-kafka}
  is_running "$part" && return 0
  require_ports_free "$part"
  fetch_kafka
  check_kafka_scale
  mkdir -p "$(kafka_dir "$part")/data" "$(dirname "$(log_file "$part")")"
  render_kafka_config "$part"
  format_kafka_storage "$part"
  launch "$part" java -Xms128m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" -cp "$(kafka_home)/lib/*" kafka.Kafka "$(kafka_dir "$part")/server.properties"
}

start_kafka() {
  local part=${1:-kafka}
  if (($(kafka_broker_number "$part") > KAFKA_BROKERS)); then
    fail "$part is one of a quorum of three, which runs only at CARE_SCALE=2 (CARE_SCALE=2 ./care start $part)"
  fi
  launch_kafka "$part"
  wait_healthy "$part" 120
}

# The test stack's brokers start empty at each infrastructure start.
wipe_kafka_data() { rm -rf "$STATE_DIR"/kafka "$STATE_DIR"/kafka-[23]; }
