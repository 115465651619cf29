#!/usr/bin/env bash
# Telemetry benchmark (docs/benchmarks.md, "Telemetry ingest and queries").
#
# Starts the service on a fresh data directory under target/ with its embedded PostgreSQL on a
# known loopback port, runs io.modelopt.telemetry.TelemetryLoadBenchmark against it (the API,
# and in the same run the baselines straight against that PostgreSQL), then stops the service.
# Loopback only; every loop is bounded in count and time. Extra arguments go to the load
# generator, e.g.:  scripts/bench-telemetry.sh --runs 5 --seconds 10 --query-samples 10000000
#                   scripts/bench-telemetry.sh --scenarios batch,single
# SERVICE_ARGS adds settings of the service, e.g. SERVICE_ARGS=--modelopt.telemetry.linger=1ms
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CLASSPATH_DEPS=$(cat target/bench-classpath.txt)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HTTP_PORT=$(free_port)
PG_PORT=$(free_port)
DATA_DIR="target/bench-data-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$DATA_DIR"
LOG="$DATA_DIR.log"

java -Xmx2g -cp "target/classes:$CLASSPATH_DEPS" io.modelopt.ModeloptApplication \
    --server.port="$HTTP_PORT" --modelopt.data-dir="$DATA_DIR" \
    --modelopt.embedded-db.port="$PG_PORT" ${SERVICE_ARGS:-} >"$LOG" 2>&1 &
SERVICE_PID=$!
trap 'kill -TERM $SERVICE_PID 2>/dev/null || true; wait $SERVICE_PID 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$HTTP_PORT/health" >/dev/null; then break; fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then cat "$LOG"; exit 1; fi
    sleep 1
done
echo "service up [http=$HTTP_PORT, postgres=$PG_PORT, dataDir=$DATA_DIR, log=$LOG]"
nproc | xargs echo "cores:"
java -version 2>&1 | head -1

java -Xmx3g -cp "target/test-classes:target/classes:$CLASSPATH_DEPS" \
    io.modelopt.telemetry.TelemetryLoadBenchmark \
    --http-port "$HTTP_PORT" --pg-port "$PG_PORT" "$@"

echo "data dir $DATA_DIR is kept for inspection; delete it when done (it can be several GB)"
