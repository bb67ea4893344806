#!/usr/bin/env bash
# Startup and memory footprint: the time from launching the in-memory server with ./shaledb to its first answered
# request, and the heap of a RocksDB server limited to -Xmx256m that holds and serves one million ~200-byte items.
#
#   bench/footprint.sh                # ITEMS=1000000 by default
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ITEMS="${ITEMS:-1000000}"
PORT=18010
./mvnw -q -B -DskipTests -pl shale-server -am package

pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

for run in 1 2 3; do
  start="$(date +%s%N)"
  ./shaledb serve --port "$PORT" --in-memory >"$work/startup.log" 2>&1 &
  pid=$!
  # A poll every 10 ms: polling back to back kept one of the machine's two cores busy starting curl processes.
  until call "$PORT" ListTables -d '{}' >/dev/null 2>&1; do sleep 0.01; done
  echo "startup to first answered request (./shaledb serve --in-memory, run $run):" \
    "$(( ($(date +%s%N) - start) / 1000000 )) ms"
  stop
done

rm -rf "$work/footprint-data"
SHALEDB_JAVA_OPTS=-Xmx256m ./shaledb serve --port "$PORT" --data-dir "$work/footprint-data" >"$work/footprint.log" 2>&1 &
pid=$!
until call "$PORT" ListTables -d '{}' >/dev/null 2>&1; do sleep 0.1; done
call "$PORT" CreateTable -d '{"TableName":"items","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}' >/dev/null
item_count() { call "$PORT" DescribeTable -d '{"TableName":"items"}' | grep -o '"ItemCount":[0-9]*' | cut -d: -f2; }
load_start="$(date +%s)"
TOTAL="$ITEMS" THREADS=2 wrk -t2 -c8 -d1h -s bench/wrk/load.lua "http://127.0.0.1:$PORT/" >"$work/load.out" &
loader=$!
until [ "$(item_count)" -ge "$ITEMS" ]; do
  kill -0 "$loader" 2>/dev/null || { echo "footprint.sh: the loader stopped early" >&2; cat "$work/load.out" >&2; exit 1; }
  sleep 1
done
kill -INT "$loader"
wait "$loader" || true
grep -E "requests in|Non-2xx" "$work/load.out" || true
echo "loaded $(item_count) items with -Xmx256m in $(( $(date +%s) - load_start )) s"
reads="$(TOTAL="$ITEMS" THREADS=2 wrk -t2 -c16 -d10s --latency -s bench/wrk/footprint-get.lua \
  "http://127.0.0.1:$PORT/")"
echo "$reads" | grep -E "Requests/sec|99%|Non-2xx"
"$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
"$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -iE "total|used" | head -3
echo "resident set size: $(awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$pid/status")"
stop
