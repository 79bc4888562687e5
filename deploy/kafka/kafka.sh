#!/usr/bin/env bash
# Local Apache Kafka 3.9: one KRaft node on 127.0.0.1, jars resolved by Maven from deploy/kafka/pom.xml.
#   kafka.sh start    resolve jars if needed, format storage once, start (or reuse) the broker, wait until it answers
#   kafka.sh stop     stop the broker this script started
#   kafka.sh status   exit 0 when a broker answers metadata on KAFKA_PORT
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
home="${KAFKA_LOCAL_HOME:-$root/.data/kafka}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP:-512m}"
pidfile="$home/kafka.pid"
version_marker="$home/libs/.resolved-$(sha1sum "$here/pom.xml" | cut -c1-12)"

log() { echo "kafka: $*" >&2; }

answers() {
  KAFKA_BROKERS="127.0.0.1:$port" node "$root/scripts/kafka-ping.js" "${1:-3000}" >/dev/null 2>&1
}

resolve_jars() {
  if [ -f "$version_marker" ]; then return; fi
  log "resolving Kafka jars with Maven (first run only)"
  rm -rf "$home/libs"
  mkdir -p "$home/libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$home/libs" -DincludeScope=runtime >&2
  touch "$version_marker"
}

start() {
  if answers 2000; then
    log "a broker already answers on 127.0.0.1:$port; reusing it"
    return 0
  fi
  command -v java >/dev/null || { log "java not found (Java 17+ is required)"; exit 1; }
  command -v mvn >/dev/null || [ -f "$version_marker" ] || { log "mvn not found (Maven is required once to fetch the jars)"; exit 1; }
  resolve_jars
  mkdir -p "$home/data" "$home/logs"
  sed -e "s|@KAFKA_PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$home/data|g" \
    "$here/server.properties.template" > "$home/server.properties"
  local cp="$home/libs/*"
  if [ ! -f "$home/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    java -cp "$cp" -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$home/logs" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$home/server.properties" --ignore-formatted >&2
  fi
  log "starting broker on 127.0.0.1:$port (heap $heap, data in $home/data)"
  nohup java -Xms128m -Xmx"$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$home/logs" \
    -cp "$cp" kafka.Kafka "$home/server.properties" > "$home/logs/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "broker exited; last lines of its log:"; tail -n 30 "$home/logs/server.log" "$home/logs/stdout.log" >&2 || true
      exit 1
    fi
    if answers 1000; then log "ready"; return 0; fi
    sleep 1
  done
  log "broker did not answer within 120 s; stopping it"; tail -n 30 "$home/logs/server.log" >&2 || true
  stop; exit 1
}

stop() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    local pid; pid="$(cat "$pidfile")"
    kill "$pid"
    # A controlled shutdown normally takes a second or two; KAFKA_STOP_SECONDS bounds it, then SIGKILL.
    local tries=$(( ${KAFKA_STOP_SECONDS:-30} * 2 ))
    for _ in $(seq 1 "$tries"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped"
  else
    log "no broker started by this script is running"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers 3000 && log "answers on 127.0.0.1:$port" || { log "no broker on 127.0.0.1:$port"; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
