#!/usr/bin/env bash
# Replication latency of a global table between two server processes on this machine (docs/global-tables.md): two
# RocksDB servers, regions us-east-1 and eu-west-1, each the other's peer; table "items" replicated from the east to
# the west; wrk puts items in the east at a paced rate for DURATION seconds per rate, and the east's ReplicationLatency
# histogram (/metrics: from each change's stamp to the west's acknowledgement) is read before and after. Prints per
# rate the writes per second reached, p50 and p99 interpolated within the histogram's buckets (1, 2.5, 5, 10, 25, 50,
# 100, 250 ms, ...), the east's CPU time per write, and what was still pending at the end.
#
#   bench/replication.sh                              # 1,000 then 10,000 PutItem/s, 30 s each
#   RATES="1000 5000" DURATION=60 bench/replication.sh
#
# A rate is paced by connections that each wait between requests (wrk's delay, whole milliseconds), so a rate the
# machine cannot reach shows as fewer writes per second than asked.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATES="${RATES:-1000 10000}"
DURATION="${DURATION:-30}"
DURABILITY="${DURABILITY:-os}"
PORTS=(18040 18041)
REGIONS=(us-east-1 eu-west-1)

./mvnw -q -B -o -DskipTests -pl shale-server -am package

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

dir="$work/replication"
rm -rf "$dir"
mkdir -p "$dir"
sealed="$(printf 'replicator-secret' | ./shaledb peers seal AKIDREPLICATOR --auth-key-file "$dir/auth.key")"
for slot in 0 1; do
  other=$((1 - slot))
  echo "${REGIONS[$other]} http://127.0.0.1:${PORTS[$other]} AKIDREPLICATOR $sealed" >"$dir/peers-$slot"
  ./shaledb serve --port "${PORTS[$slot]}" --data-dir "$dir/data-$slot" --durability "$DURABILITY" \
    --auth-key-file "$dir/auth.key" --region "${REGIONS[$slot]}" --peers-file "$dir/peers-$slot" \
    >>"$dir/server-$slot.log" 2>&1 &
  pids+=($!)
done
for port in "${PORTS[@]}"; do wait_for "$port"; done

call "${PORTS[0]}" CreateTable -o /dev/null -d '{"TableName":"items","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}'
call "${PORTS[0]}" UpdateTable -o /dev/null -d '{"TableName":"items","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}'
for _ in $(seq 1 600); do
  call "${PORTS[0]}" DescribeTable -d '{"TableName":"items"}' | grep -q '"ReplicaStatus":"ACTIVE"' && break
  sleep 0.1
done

scrape() { curl -s "http://127.0.0.1:${PORTS[0]}/metrics" >"$1"; }

# p50, p99 and count of the ReplicationLatency observations between two scrapes, in milliseconds.
quantiles() { # before after
  python3 - "$1" "$2" <<'EOF'
import re, sys
def buckets(path):
    found = {}
    for line in open(path):
        m = re.match(r'ReplicationLatency_bucket\{(.*)\} (\S+)', line)
        if m and 'TableName="items"' in m.group(1):
            le = re.search(r'le="([^"]+)"', m.group(1)).group(1)
            found[float('inf') if le == '+Inf' else float(le)] = float(m.group(2))
    return found
before, after = buckets(sys.argv[1]), buckets(sys.argv[2])
bounds = sorted(after)
counts = [after[b] - before.get(b, 0) for b in bounds]
total = counts[-1]
def quantile(q):
    rank, lower, below = q * total, 0.0, 0.0
    for bound, cumulative in zip(bounds, counts):
        if cumulative >= rank:
            if bound == float('inf'):
                return float('inf')
            share = (rank - below) / (cumulative - below) if cumulative > below else 1
            return (lower + (bound - lower) * share) * 1000
        lower, below = bound, cumulative
    return float('nan')
print("%.1f %.1f %d" % (quantile(0.5), quantile(0.99), total))
EOF
}

pending() {
  curl -s "http://127.0.0.1:${PORTS[0]}/metrics" | awk '/^PendingReplicationCount\{.*TableName="items"/ { print $2 }'
}

echo "PutItem in us-east-1 replicated to eu-west-1, RocksDB (durability $DURABILITY), $DURATION s a rate, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| writes/s asked | writes/s reached | p50 ms | p99 ms | changes measured | µs CPU per write (east) | pending at the end |"
echo "|---|---|---|---|---|---|---|"
for rate in $RATES; do
  connections=$(( rate >= 4000 ? 32 : 4 ))
  export PACE_MS=$(( connections * 1000 / rate ))
  scrape "$dir/before"
  cpu_before="$(cpu_seconds "${pids[0]}")"
  out="$(wrk -t2 -c"$connections" -d"${DURATION}s" --timeout 60s -s bench/wrk/put-paced.lua "http://127.0.0.1:${PORTS[0]}/")"
  cpu_after="$(cpu_seconds "${pids[0]}")"
  # The changes of the last moments are delivered after wrk stops; they count once acknowledged.
  for _ in $(seq 1 300); do [ "$(pending)" = "0.0" ] && break; sleep 0.1; done
  scrape "$dir/after"
  reached="$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')"
  total="$(echo "$out" | awk '/requests in/ { print $1 }')"
  read -r p50 p99 measured < <(quantiles "$dir/before" "$dir/after")
  cpu="$(awk -v b="$cpu_before" -v a="$cpu_after" -v n="$total" 'BEGIN { printf "%.1f", (a - b) * 1000000 / n }')"
  echo "| $rate | $reached | $p50 | $p99 | $measured | $cpu | $(pending) |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
