#!/usr/bin/env bash
# What encryption at rest costs: GetItem and PutItem throughput and CPU per request of ShaleDB on RocksDB with data in
# clear and with a master key (--encryption-key-file), alternating run by run. Prints a markdown table.
#
#   bench/encryption.sh                             # get and put, 16 connections, os durability, 2 rounds
#   DURATION=10 WARMUP=5 ROUNDS=3 bench/encryption.sh
#
# Every run gets a fresh server and data directory holding only what its workload needs (get: items k0..k9999).
# CPU-s per 1k requests is the server's own CPU time, which a machine busy with other work disturbs less than
# requests per second.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKLOADS="${WORKLOADS:-get put}"
CONNECTIONS="${CONNECTIONS:-16}"
DURABILITY="${DURABILITY:-os}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
PORT="${PORT:-18020}"

./mvnw -q -B -DskipTests -pl shale-server -am package

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

run() { # workload connections encryption(off|on) -> "req/s p50 p99 cpu-per-1k"
  local key=()
  rm -rf "$work/encryption-data" "$work/encryption.key"
  if [ "$3" = on ]; then key=(--encryption-key-file "$work/encryption.key"); fi
  ./shaledb serve --port "$PORT" --data-dir "$work/encryption-data" --durability "$DURABILITY" "${key[@]}" \
    >"$work/encryption-$3.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_for "$PORT"
  prepare "$PORT" "$1"
  measure "$pid" "$PORT" "$1" "$2"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

write_preload_batches
echo "| workload | connections | round | req/s clear | req/s encrypted | encrypted / clear | p50 / p99 clear | p50 / p99 encrypted | CPU-s per 1k clear / encrypted |"
echo "|---|---|---|---|---|---|---|---|---|"
for workload in $WORKLOADS; do
  for connections in $CONNECTIONS; do
    for round in $(seq 1 "$ROUNDS"); do
      read -r f_rps f_p50 f_p99 f_cpu < <(run "$workload" "$connections" off)
      read -r n_rps n_p50 n_p99 n_cpu < <(run "$workload" "$connections" on)
      ratio="$(awk -v a="$n_rps" -v b="$f_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
      echo "| $workload | $connections | $round | $f_rps | $n_rps | $ratio | $f_p50 / $f_p99 | $n_p50 / $n_p99 | $f_cpu / $n_cpu |"
    done
  done
done
