#!/usr/bin/env bash
# What point-in-time recovery costs writes: PutItem and UpdateItem throughput of ShaleDB on RocksDB with recovery off
# and on, alternating run by run, and the bytes on disk each setting leaves after the run. Prints a markdown table.
#
#   bench/pitr.sh                                   # put and update, 16 connections, fsync durability, 2 rounds
#   DURABILITY=os CONNECTIONS=64 ROUNDS=3 bench/pitr.sh
#
# Every run gets a fresh server and data directory holding only what its workload needs (update: items k0..k9999).
# The history's size per request is the data directory's size per request (warm-up included) with recovery on less
# the same with it off, after the server stopped: RocksDB keeps overwritten versions until it compacts them, so both
# directories hold some, and the difference is an estimate.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKLOADS="${WORKLOADS:-put update}"
CONNECTIONS="${CONNECTIONS:-16}"
DURABILITY="${DURABILITY:-fsync}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-15}"
PORT=18010

./mvnw -q -B -DskipTests -pl shale-server -am package

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

run() { # workload connections recovery(off|on) -> "req/s p50 p99 cpu-per-1k requests bytes-on-disk"
  rm -rf "$work/pitr-data"
  ./shaledb serve --port "$PORT" --data-dir "$work/pitr-data" --durability "$DURABILITY" >"$work/pitr-$3.log" 2>&1 &
  local pid=$! measured requests
  pids+=("$pid")
  wait_for "$PORT"
  prepare "$PORT" "$1"
  if [ "$3" = on ]; then
    call "$PORT" UpdateContinuousBackups -o /dev/null \
      -d '{"TableName":"items","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}'
  fi
  measured="$(measure "$pid" "$PORT" "$1" "$2")"
  requests="$(awk -v rps="$(echo "$measured" | cut -d' ' -f1)" -v d="$((WARMUP + DURATION))" \
    'BEGIN { printf "%d", rps * d }')"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$measured $requests $(du -sb "$work/pitr-data" | cut -f1)"
}

write_preload_batches
echo "| workload | connections | round | req/s off | req/s on | on / off | p50 / p99 off | p50 / p99 on | CPU-s per 1k off / on | history bytes per request (estimate) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for workload in $WORKLOADS; do
  for connections in $CONNECTIONS; do
    for round in $(seq 1 "$ROUNDS"); do
      read -r f_rps f_p50 f_p99 f_cpu f_requests f_bytes < <(run "$workload" "$connections" off)
      read -r n_rps n_p50 n_p99 n_cpu n_requests n_bytes < <(run "$workload" "$connections" on)
      ratio="$(awk -v a="$n_rps" -v b="$f_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
      per="$(awk -v a="$n_bytes" -v n="$n_requests" -v b="$f_bytes" -v f="$f_requests" \
        'BEGIN { printf "%.0f", (n > 0 && f > 0 ? a / n - b / f : 0) }')"
      echo "| $workload | $connections | $round | $f_rps | $n_rps | $ratio | $f_p50 / $f_p99 | $n_p50 / $n_p99 | $f_cpu / $n_cpu | $per |"
    done
  done
done
