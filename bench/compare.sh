#!/usr/bin/env bash
# Runs the same DynamoDB workloads against ShaleDB and Amazon DynamoDB Local, alternating endpoint by endpoint, and
# prints a markdown table: requests/s, p50/p99 latency, server CPU-seconds per 1000 requests, and the ratio.
#
#   bench/compare.sh                      # both modes, all workloads, 1/16/64 connections, 10 s each after 15 s
#   MODES=memory WORKLOADS="get put" CONNECTIONS=16 DURATION=5 WARMUP=2 bench/compare.sh
#   SHALE_ARGS="--metrics off" MODES=memory WORKLOADS=get bench/compare.sh   # more options for ShaleDB's serve
#
# Modes: memory (ShaleDB --in-memory vs DynamoDB Local -inMemory), disk (ShaleDB on RocksDB with its default
# durability, each write synced to the disk before it is acknowledged, vs DynamoDB Local -dbPath) and disk-os (the same
# with ShaleDB's --durability os, writes acknowledged once the operating system has them; not in the default run). The load generator is wrk (installed from Debian's packages when missing), on the same machine. When the
# get workload runs, a second table sets ShaleDB's GetItem against a minimal Netty server answering a fixed GetItem
# body (shale-bench's EchoServer): the machine's HTTP limit; a third table measures GetItem's latency at 16 connections
# below saturation, for all three servers. The select workload reads the same items as get through a PartiQL
# SELECT by key (ExecuteStatement), not in the default run.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODES="${MODES:-memory disk}"
WORKLOADS="${WORKLOADS:-put get query batch update}"
CONNECTIONS="${CONNECTIONS:-1 16 64}"
DURATION="${DURATION:-10}"
# Both servers are JVMs: with wrk on the same two cores, their JIT compilers reach the steady state only after 10-15 s
# of load, and a shorter warm-up measured compilation in the latencies (docs/benchmarks.md, finding 25).
WARMUP="${WARMUP:-15}"
SHALE_PORT=18000
DDB_PORT=18001
ECHO_PORT=18002

./mvnw -q -B -DskipTests -pl shale-server,shale-bench -am package
./mvnw -q -B -f bench/dynamodb-local/pom.xml dependency:copy-dependencies -DoutputDirectory="$work/ddblocal"
bench_jar=shale-bench/target/shale-benchmarks.jar
declare -A get_cpu=()

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start_servers() { # mode workload: a fresh ShaleDB and DynamoDB Local, both prepared for the workload
  rm -rf "$work/shale-data" "$work/ddb-data"
  mkdir -p "$work/ddb-data"
  case "$1" in
    memory)
      shale_args=(--in-memory)
      ddb_args=(-inMemory) ;;
    disk)
      shale_args=(--data-dir "$work/shale-data")
      ddb_args=(-dbPath "$work/ddb-data") ;;
    disk-os)
      shale_args=(--data-dir "$work/shale-data" --durability os)
      ddb_args=(-dbPath "$work/ddb-data") ;;
  esac
  # SHALE_ARGS is split into words on purpose: it holds options and their values.
  # shellcheck disable=SC2086
  ./shaledb serve --port "$SHALE_PORT" "${shale_args[@]}" ${SHALE_ARGS:-} >"$work/shale-$1.log" 2>&1 &
  shale_pid=$!
  "$java" -Djava.library.path="$work/ddblocal" -cp "$work/ddblocal/*" \
    software.amazon.dynamodb.services.local.main.ServerRunner -port "$DDB_PORT" "${ddb_args[@]}" \
    >"$work/ddb-$1.log" 2>&1 &
  ddb_pid=$!
  pids+=("$shale_pid" "$ddb_pid")
  wait_for "$SHALE_PORT"
  wait_for "$DDB_PORT"
  prepare "$SHALE_PORT" "$2"
  prepare "$DDB_PORT" "$2"
}

stop_servers() {
  kill "$shale_pid" "$ddb_pid"
  wait "$shale_pid" "$ddb_pid" 2>/dev/null || true
}

write_preload_batches
echo "| mode | workload | connections | ShaleDB req/s | DynamoDB Local req/s | ratio | ShaleDB p50 / p99 | DynamoDB Local p50 / p99 | ShaleDB CPU-s per 1k | DynamoDB Local CPU-s per 1k |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# Every row gets servers of its own, holding only the tables and the items its workload needs: a server that had
# already taken the million items of an earlier write run measured that run's garbage collection too, and which
# workload ran first then decided part of a row's figures.
for mode in $MODES; do
  for workload in $WORKLOADS; do
    for connections in $CONNECTIONS; do
      start_servers "$mode" "$workload"
      read -r s_rps s_p50 s_p99 s_cpu < <(measure "$shale_pid" "$SHALE_PORT" "$workload" "$connections")
      read -r d_rps d_p50 d_p99 d_cpu < <(measure "$ddb_pid" "$DDB_PORT" "$workload" "$connections")
      stop_servers
      ratio="$(awk -v a="$s_rps" -v b="$d_rps" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')"
      echo "| $mode | $workload | $connections | $s_rps | $d_rps | $ratio | $s_p50 / $s_p99 | $d_p50 / $d_p99 | $s_cpu | $d_cpu |"
      if [ "$workload" = get ]; then get_cpu["$mode $connections"]="$s_cpu"; fi
    done
  done
done

if [ "${#get_cpu[@]}" -gt 0 ]; then
  "$java" -cp "$bench_jar" io.shaledb.bench.EchoServer "$ECHO_PORT" >"$work/echo.log" 2>&1 &
  echo_pid=$!
  pids+=("$echo_pid")
  wait_for "$ECHO_PORT"
  echo
  echo "| HTTP limit (fixed GetItem body) | connections | req/s | p50 / p99 | CPU-s per 1k | ShaleDB GetItem CPU / limit |"
  echo "|---|---|---|---|---|---|"
  for connections in $CONNECTIONS; do
    read -r e_rps e_p50 e_p99 e_cpu < <(measure "$echo_pid" "$ECHO_PORT" get "$connections")
    times=""
    for mode in $MODES; do
      if [ -n "${get_cpu["$mode $connections"]:-}" ]; then
        times="$times $mode $(awk -v a="${get_cpu["$mode $connections"]}" -v b="$e_cpu" \
          'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')"
      fi
    done
    echo "| Netty echo | $connections | $e_rps | $e_p50 / $e_p99 | $e_cpu |$times |"
  done

  # At saturation the p99 above is mostly the wait for a core (wrk shares the two with the server); this table
  # measures GetItem at 16 connections with each connection pausing 1 ms between requests (docs/benchmarks.md,
  # finding 28), after the usual warm-up at full speed (servers warmed at the slow pace measured 1.8-1.9 ms where
  # servers warmed at full speed measured 0.5-0.7 ms).
  echo
  echo "| GetItem at a fixed pace (16 connections, 1 ms between a connection's requests) | req/s | p50 / p99 |"
  echo "|---|---|---|"
  read -r e_rps e_p50 e_p99 _ < <(measure "$echo_pid" "$ECHO_PORT" get-paced 16 get)
  echo "| Netty echo | $e_rps | $e_p50 / $e_p99 |"
  for mode in $MODES; do
    start_servers "$mode" get
    read -r s_rps s_p50 s_p99 _ < <(measure "$shale_pid" "$SHALE_PORT" get-paced 16 get)
    read -r d_rps d_p50 d_p99 _ < <(measure "$ddb_pid" "$DDB_PORT" get-paced 16 get)
    stop_servers
    echo "| ShaleDB $mode | $s_rps | $s_p50 / $s_p99 |"
    echo "| DynamoDB Local $mode | $d_rps | $d_p50 / $d_p99 |"
  done
fi
