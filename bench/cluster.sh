#!/usr/bin/env bash
# One ShaleDB server on RocksDB against a three-node cluster (three processes on the ignite engine, three replicas
# of every partition), on this machine: for each workload, each configuration is loaded in turn (which goes first
# alternates by round) by wrk at a fixed modest pace through one node, and the script prints requests per second,
# wrk's p50 and p99 latency and the CPU time the configuration's processes spent per request (for the cluster, the
# sum over its three processes), after the idle CPU of each. Both run from the cluster jar (shale-cluster), so they
# share one build. Then node 2 is killed with SIGKILL under writes through node 0, and the longest pause between
# acknowledged writes printed (FAILOVER_SECONDS=0 leaves it out).
#
#   bench/cluster.sh                                  # get put query transact, 3 rounds of 20 s, 4 connections, 10 ms pace
#   WORKLOADS="get put" ROUNDS=5 bench/cluster.sh
#   WORKLOADS= FAILOVER_SECONDS=0 bench/cluster.sh  # the idle CPU only
#   PACE_MS=5 CONNECTIONS=8 DURABILITY=fsync bench/cluster.sh
#   BUILD=no bench/cluster.sh                         # with the cluster jar already built
#   CLUSTER=in-process bench/cluster.sh               # the three nodes in one server process (the test engine)
#   CLUSTER_ENGINE_OPTIONS="partition-storage=rocksdb" bench/cluster.sh   # engine options of every cluster node
#
# CLUSTER=in-process runs the cluster as shale-ignite's test engine ignite-test-cluster does: three Ignite nodes in
# the server's one process, every partition on all three, requests through node 0. It starts where three processes
# do not: on cores loaded enough that the nodes' tightened failure detection declares a starting node dead. It needs
# shale-ignite's test jar (built with the cluster jar) and measures no failover.
#
# DURABILITY (os by default) applies to both: on RocksDB a sync per write, on the cluster Raft's fsync. Requests all
# go to node 0, which coordinates each: it routes reads and writes to the partitions' primaries on any node.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKLOADS="${WORKLOADS-get put query transact}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-4}"
PACE_MS="${PACE_MS:-10}"
DURABILITY="${DURABILITY:-os}"
SINGLE_PORT=18040
CLUSTER_PORTS=(18041 18042 18043)
export PACE_MS

if [ "${BUILD:-yes}" != no ]; then
  ./mvnw -q -B -o -DskipTests -pl shale-cluster -am package
fi
cluster_jar="$(ls shale-cluster/target/shale-cluster-*-all.jar)"

declare -A pid=()
# A server holding Ignite nodes may take long to stop gracefully on busy cores (one outlived its script by half an
# hour): each gets 30 s, then SIGKILL.
cleanup() {
  local p
  for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pid[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT

serve() { # name port arguments...: a server process from the cluster jar
  local name="$1" port="$2"
  shift 2
  mkdir -p "$work/cluster/$name"
  "$java" -Xmx1g -jar "$cluster_jar" serve --port "$port" --durability "$DURABILITY" --exit-with-parent "$@" \
    >>"$work/cluster/$name/server.log" 2>&1 &
  pid[$name]=$!
}

answers() { # port seconds: whether a server answers on the port within the time
  local tries=$(($2 * 5))
  for _ in $(seq 1 "$tries"); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.2
  done
  return 1
}

cluster_engine_options=()
for option in ${CLUSTER_ENGINE_OPTIONS:-}; do cluster_engine_options+=(--engine-option "$option"); done

start_cluster() {
  local i init seeds="127.0.0.1:3391,127.0.0.1:3392,127.0.0.1:3393"
  for i in 0 1 2; do
    rm -rf "$work/cluster/n$i"
    init=()
    [ "$i" = 0 ] && init=(--cluster-init n0,n1,n2)
    serve "n$i" "${CLUSTER_PORTS[$i]}" --engine ignite --data-dir "$work/cluster/n$i/data" --cluster-node-name "n$i" \
      --cluster-port "339$((i + 1))" --cluster-seed "$seeds" --engine-option "client-port=1089$((i + 1))" \
      --engine-option "rest-port=1039$((i + 1))" "${init[@]}" "${cluster_engine_options[@]}"
  done
}

stop_cluster() {
  local i
  for i in 0 1 2; do
    kill "${pid[n$i]}" 2>/dev/null || true
    wait "${pid[n$i]}" 2>/dev/null || true
  done
}

rm -rf "$work/cluster"
serve single "$SINGLE_PORT" --data-dir "$work/cluster/single/data"
answers "$SINGLE_PORT" 60 || { echo "cluster.sh: the single server did not start" >&2; exit 1; }
# On loaded cores the tightened failure detection may declare a starting node dead, and Ignite then refuses it until
# it restarts ("is stale"): the cluster is started again on empty directories, up to five times (as ClusterJepsenIT).
if [ "${CLUSTER:-processes}" = in-process ]; then
  ignite_tests="$(ls shale-ignite/target/shale-ignite-*-tests.jar)"
  mkdir -p "$work/cluster/n0"
  # shellcheck disable=SC2046 # the flags are words
  "$java" -Xmx2g $(sed -n "s:.*<ignite.jvm.flags>\(.*\)</ignite.jvm.flags>.*:\1:p" pom.xml) \
    -cp "$cluster_jar:$ignite_tests" io.shaledb.server.cli.Main serve --port "${CLUSTER_PORTS[0]}" \
    --engine ignite-test-cluster --data-dir "$work/cluster/n0/data" --exit-with-parent \
    >>"$work/cluster/n0/server.log" 2>&1 &
  pid[n0]=$!
  answers "${CLUSTER_PORTS[0]}" 600 || { echo "cluster.sh: the in-process cluster did not start" >&2; exit 1; }
fi
for attempt in 1 2 3 4 5; do
  [ "${CLUSTER:-processes}" = in-process ] && break
  start_cluster
  if answers "${CLUSTER_PORTS[0]}" 180 && answers "${CLUSTER_PORTS[1]}" 30 && answers "${CLUSTER_PORTS[2]}" 30; then
    break
  fi
  echo "cluster.sh: the cluster did not start (attempt $attempt), starting it again" >&2
  stop_cluster
  [ "$attempt" = 5 ] && exit 1
done

if [ -n "$WORKLOADS" ]; then
  write_preload_batches
  for workload in get query; do
    prepare "$SINGLE_PORT" "$workload"
    prepare "${CLUSTER_PORTS[0]}" "$workload"
  done
fi

cpu_of() { # configuration: CPU seconds of its processes
  local total=0 name
  for name in $([ "$1" = single ] && echo single || echo "${!pid[@]}" | tr ' ' '\n' | grep '^n'); do
    total="$(awk -v t="$total" -v c="$(cpu_seconds "${pid[$name]}")" 'BEGIN { print t + c }')"
  done
  echo "$total"
}

run() { # configuration workload seconds: prints "requests/s p50 p99 cpu-µs-per-request"
  local port="$SINGLE_PORT" before after out
  [ "$1" = cluster ] && port="${CLUSTER_PORTS[0]}"
  before="$(cpu_of "$1")"
  out="$(PACED_WORKLOAD="$2" wrk -t"$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))" -c"$CONNECTIONS" -d"$3s" --timeout 30s \
    --latency -s bench/wrk/paced.lua "http://127.0.0.1:$port/")"
  after="$(cpu_of "$1")"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "cluster.sh: $2 on the $1 answered errors: $(echo "$out" | grep Non-2xx)" >&2
  fi
  wrk_figures "$out" "$before" "$after" 1000000 %.0f
}

# What each configuration burns with no request at all (the cluster's Raft heartbeats, leases and safe-time ticks),
# which the CPU per request below includes: at a few hundred requests per second it is most of the cluster's.
idle() { # configuration: percent of one core over IDLE_SECONDS
  local before after
  before="$(cpu_of "$1")"
  sleep "${IDLE_SECONDS:-20}"
  after="$(cpu_of "$1")"
  awk -v b="$before" -v a="$after" -v s="${IDLE_SECONDS:-20}" 'BEGIN { printf "%.0f", (a - b) * 100 / s }'
}
echo "idle CPU over ${IDLE_SECONDS:-20} s: RocksDB $(idle single) % of a core, cluster $(idle cluster) % of a core"
echo
echo "$CONNECTIONS connections through one node, $PACE_MS ms pause after each answer, $DURATION s a round, durability" \
  "$DURABILITY, cluster engine options: ${CLUSTER_ENGINE_OPTIONS:-none}; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| workload | round | RocksDB req/s | p50 | p99 | µs CPU/req | cluster req/s | p50 | p99 | µs CPU/req (3 processes) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for workload in $WORKLOADS; do
  run single "$workload" "$WARMUP" >/dev/null
  run cluster "$workload" "$WARMUP" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    if ((round % 2)); then
      single="$(run single "$workload" "$DURATION")"
      cluster="$(run cluster "$workload" "$DURATION")"
    else
      cluster="$(run cluster "$workload" "$DURATION")"
      single="$(run single "$workload" "$DURATION")"
    fi
    echo "| $workload | $round | ${single// / | } | ${cluster// / | } |"
  done
done

# Failover: PutItem one at a time through node 0 (curl, each waited for up to 10 s) for FAILOVER_SECONDS, node 2
# killed with SIGKILL a third of the way in; the longest time between two acknowledged writes from the kill on.
if [ "${FAILOVER_SECONDS:-30}" -gt 0 ] && [ "${CLUSTER:-processes}" != in-process ]; then
  : >"$work/cluster/failover.log"
  start="$(date +%s%N)" killed=0 n=0
  while (( $(date +%s%N) - start < ${FAILOVER_SECONDS:-30} * 1000000000 )); do
    if ((killed == 0 && $(date +%s%N) - start > ${FAILOVER_SECONDS:-30} * 1000000000 / 3)); then
      kill -9 "${pid[n2]}"
      unset 'pid[n2]'
      killed="$(date +%s%N)"
      echo "kill $killed" >>"$work/cluster/failover.log"
    fi
    n=$((n + 1))
    status="$(call "${CLUSTER_PORTS[0]}" PutItem -o /dev/null -w '%{http_code}' --max-time 10 \
      -d '{"TableName":"items","Item":{"id":{"S":"failover'"$n"'"}}}' || true)"
    echo "$status $(date +%s%N)" >>"$work/cluster/failover.log"
  done
  awk '$1 == "kill" { kill = $2; last = $2; next }
    kill && $1 == 200 { if ($2 - last > gap) gap = $2 - last; last = $2; ok++ }
    kill && $1 != 200 { failed++ }
    END { printf "failover: node 2 killed with SIGKILL under PutItem through node 0: %d writes acknowledged after the" \
      " kill, %d failed, longest time between acknowledged writes from the kill on %.2f s\n", ok, failed, gap / 1e9 }' \
    "$work/cluster/failover.log"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
