#!/usr/bin/env bash
# What a server setting costs per request, measured as the server process's own CPU time, which other work on the
# machine disturbs far less than requests per second: two servers (configurations A and B) run side by side, each is
# warmed up, then each round loads A and B in turn (which goes first alternates) with wrk for DURATION seconds and reads the process's user + system
# CPU ticks (/proc/PID/stat) and the bytes it wrote to storage (/proc/PID/io write_bytes) before and after, divided
# by the requests wrk counted (wrk has no fixed request count: its threads can stop early, but it still waits out its
# duration). Prints a markdown row per round, then the medians and the spread of B / A. Each row also gives how much of
# each server's CPU per request its JIT compiler threads used (a warm-up still going on) and RocksDB's flush and
# compaction threads (the later cost of what the requests wrote).
#
#   bench/cpu.sh plain metrics-off                    # GetItem, 5 rounds of 10 s each way after 20 s of warm-up
#   WORKLOAD=signed-get bench/cpu.sh plain sigv4      # the same signed requests, unverified vs verified
#   WORKLOAD=update bench/cpu.sh plain pitr           # UpdateItem with point-in-time recovery off vs on
#   WORKLOAD=put bench/cpu.sh plain replicated        # PutItem on a regional table vs a global table's
#   DURATION=15 ROUNDS=7 CONNECTIONS=16 ENGINE=memory bench/cpu.sh plain metrics-off
#   BASELINE_DIR=../before WORKLOAD=partiql-update bench/cpu.sh baseline plain   # another build against this one
#
# Configurations: plain (the defaults), metrics-off (--metrics off), sigv4 (a user with AdministratorAccess signs
# every request), policy (a user whose policy allows the calls under conditions and denies under another), pitr
# (point-in-time recovery on the table), encrypted (--encryption-key-file), replicated (region us-east-1 with a peer,
# eu-west-1, in memory, and the table replicated there: the server measured also sends every change), baseline (plain,
# served by the build in BASELINE_DIR: another checkout of the project, its server jar built, for a change's before
# and after). Workloads: get, put, update, partiql-update (the
# bench/wrk scripts, unsigned; for plain, metrics-off, pitr and encrypted), signed-get and signed-put (requests signed
# beforehand with the server's key, or with a made-up one where no user exists, so A and B parse the same bytes).
# ENGINE is rocksdb (DURABILITY os by default: a sync per write would measure the disk) or memory.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKLOAD="${WORKLOAD:-get}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-20}"
ROUNDS="${ROUNDS:-5}"
CONNECTIONS="${CONNECTIONS:-16}"
ENGINE="${ENGINE:-rocksdb}"
DURABILITY="${DURABILITY:-os}"
A="${1:?configuration A}"
B="${2:?configuration B}"
# Free ports, chosen now: fixed ones let a second run's servers fail to bind while wait_for found the first run's.
mapfile -t PORTS < <(free_ports 3)
PEER_PORT="${PORTS[2]}"

./mvnw -q -B -o -DskipTests -pl shale-server -am package

declare -A pid=() key_id=() secret=()
cleanup() { for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # slot configuration
  local dir="$work/cpu-$1" args=() auth_key="$dir/auth.key"
  # A replicated server reads its peer's secret sealed with the peer's key file (start_peer), so it takes that file.
  [ "$2" = replicated ] && auth_key="$work/peer/auth.key"
  case "$ENGINE" in
    memory) args=(--in-memory) ;;
    *) args=(--data-dir "$dir/data" --durability "$DURABILITY" --auth-key-file "$auth_key") ;;
  esac
  case "$2" in
    metrics-off) args+=(--metrics off) ;;
    encrypted) args+=(--encryption-key-file "$dir/encryption.key") ;;
    replicated) args+=(--region us-east-1 --peers-file "$work/peer/peers-east") ;;
  esac
  local launcher=./shaledb
  [ "$2" = baseline ] && launcher="${BASELINE_DIR:?BASELINE_DIR: the checkout whose build serves baseline}/shaledb"
  "$launcher" serve --port "${PORTS[$1]}" "${args[@]}" >>"$dir/server.log" 2>&1 &
  pid[$1]=$!
  wait_for "${PORTS[$1]}" "${pid[$1]}" "$dir/server.log" || exit 1
}

stop() { # slot
  kill "${pid[$1]}"
  wait "${pid[$1]}" 2>/dev/null || true
}

# The peer region of the replicated configuration: an in-memory server whose own peer is the measured one.
start_peer() { # slot of the measured server
  local dir="$work/peer" sealed
  rm -rf "$dir"
  mkdir -p "$dir"
  sealed="$(printf 'replicator-secret' | ./shaledb peers seal AKIDREPLICATOR --auth-key-file "$dir/auth.key")"
  echo "eu-west-1 http://127.0.0.1:$PEER_PORT AKIDREPLICATOR $sealed" >"$dir/peers-east"
  echo "us-east-1 http://127.0.0.1:${PORTS[$1]} AKIDREPLICATOR $sealed" >"$dir/peers-west"
  ./shaledb serve --port "$PEER_PORT" --in-memory --auth-key-file "$dir/auth.key" --region eu-west-1 \
    --peers-file "$dir/peers-west" >>"$dir/server.log" 2>&1 &
  pid[peer]=$!
  wait_for "$PEER_PORT" "${pid[peer]}" "$dir/server.log" || exit 1
}

replicate() { # slot: the table replicated to the peer, once its replica is ACTIVE
  call "${PORTS[$1]}" UpdateTable -o /dev/null \
    -d '{"TableName":"items","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}'
  for _ in $(seq 1 600); do
    call "${PORTS[$1]}" DescribeTable -d '{"TableName":"items"}' | grep -q '"ReplicaStatus":"ACTIVE"' && return 0
    sleep 0.1
  done
  echo "cpu.sh: the replica did not become ACTIVE" >&2
  exit 1
}

# A fresh server for a configuration, holding the workload's items; a user's key, when the configuration has one.
# Users are created on the data directory with the server stopped (the CLI opens the directory itself), after the
# preload, which is sent unsigned.
setup() { # slot configuration
  local dir="$work/cpu-$1" credentials
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$2" = replicated ]; then
    start_peer "$1"
  fi
  start "$1" "$2"
  prepare "${PORTS[$1]}" "${WORKLOAD#signed-}"
  if [ "$2" = replicated ]; then
    replicate "$1"
  fi
  if [ "$2" = pitr ]; then
    call "${PORTS[$1]}" UpdateContinuousBackups -o /dev/null \
      -d '{"TableName":"items","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}'
  fi
  key_id[$1]=AKIAFAKEFAKEFAKEFAKE
  secret[$1]="$(printf 'x%.0s' $(seq 1 40))"
  if [ "$ENGINE" = memory ]; then
    if [ "$2" = sigv4 ] || [ "$2" = policy ]; then
      echo "cpu.sh: $2 needs ENGINE=rocksdb (users are created on the data directory)" >&2
      exit 1
    fi
    return
  fi
  # Every RocksDB server restarts after the preload, users or not: a server that kept the preload in its memtable
  # answered GetItem from there, one restarted from its table files, and that alone differed by a fifth.
  stop "$1"
  if [ "$2" = sigv4 ] || [ "$2" = policy ]; then
    local users=(--data-dir "$dir/data" --auth-key-file "$dir/auth.key")
    if [ "$2" = sigv4 ]; then
      ./shaledb users create bench "${users[@]}" >/dev/null
    else
      ./shaledb users create bench --no-policy "${users[@]}" >/dev/null
      ./shaledb users put-policy bench conditions "${users[@]}" --policy-document \
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],
"Resource":"arn:aws:dynamodb:*:*:table/items","Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":"*"},
"IpAddress":{"aws:SourceIp":"127.0.0.0/8"},"DateLessThan":{"aws:CurrentTime":"2100-01-01T00:00:00Z"}}},
{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"dynamodb:ReturnValues":"ALL_OLD"}}}]}'
    fi
    credentials="$(./shaledb users keys create bench "${users[@]}")"
    key_id[$1]="$(echo "$credentials" | awk '/AccessKeyId/ {print $2}')"
    secret[$1]="$(echo "$credentials" | awk '/SecretAccessKey/ {print $2}')"
  fi
  start "$1" "$2"
}

write_bytes() { # pid
  awk '/^write_bytes/ {print $2}' "/proc/$1/io"
}

# CPU seconds of a process's JIT compiler threads and of RocksDB's flush and compaction threads, by thread name: the
# first is warm-up still going on, the second the later cost of what the requests wrote; both are in cpu_seconds.
thread_cpu() { # pid -> "jit-seconds rocksdb-background-seconds"
  awk -v hz="$(getconf CLK_TCK)" '{
      match($0, /\) [A-Za-z] /)
      name = substr($0, index($0, "(") + 1, RSTART - index($0, "(") - 1)
      split(substr($0, RSTART + 2), field, " ")
      if (name ~ /^C[12] CompilerThre/) jit += field[12] + field[13]
      else if (name ~ /^rocksdb:/) rocksdb += field[12] + field[13]
    }
    END { printf "%.4f %.4f\n", jit / hz, rocksdb / hz }' /proc/"$1"/task/*/stat 2>/dev/null
}

# Loads a slot's server with the workload for `seconds`; prints "cpu-microseconds-per-request
# written-bytes-per-request requests jit-microseconds-per-request rocksdb-background-microseconds-per-request".
run() { # slot seconds
  local port="${PORTS[$1]}" script="$WORKLOAD.lua" before after bytes_before bytes_after out total threads_before \
    threads_after
  if [[ $WORKLOAD == signed-* ]]; then
    export SIGNED_OPERATION SIGNED_REQUESTS="$work/cpu-$1/signed.lua" SIGNED_DATE
    case "$WORKLOAD" in signed-get) SIGNED_OPERATION=GetItem ;; *) SIGNED_OPERATION=PutItem ;; esac
    # Signed now, so that every round is well inside the server's 15-minute window.
    SIGNED_DATE="$(python3 bench/sigv4_requests.py "$SIGNED_OPERATION" "$port" "${key_id[$1]}" "${secret[$1]}" \
      10000 "$SIGNED_REQUESTS")"
    script=signed.lua
  fi
  threads_before="$(thread_cpu "${pid[$1]}")"
  before="$(cpu_seconds "${pid[$1]}")"
  bytes_before="$(write_bytes "${pid[$1]}")"
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$2s" --timeout 60s -s "bench/wrk/$script" "http://127.0.0.1:$port/")"
  after="$(cpu_seconds "${pid[$1]}")"
  bytes_after="$(write_bytes "${pid[$1]}")"
  threads_after="$(thread_cpu "${pid[$1]}")"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "cpu.sh: $WORKLOAD on port $port answered errors" >&2
    echo "$out" >&2
    exit 1
  fi
  total="$(echo "$out" | awk '/requests in/ {print $1}')"
  awk -v b="$before" -v a="$after" -v bb="$bytes_before" -v ba="$bytes_after" -v n="$total" \
    -v tb="$threads_before" -v ta="$threads_after" 'BEGIN {
      split(tb, t0, " ")
      split(ta, t1, " ")
      printf "%.2f %.0f %d %.1f %.1f\n", (a - b) * 1000000 / n, (ba - bb) / n, n, (t1[1] - t0[1]) * 1000000 / n,
        (t1[2] - t0[2]) * 1000000 / n
    }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

write_preload_batches
setup 0 "$A"
setup 1 "$B"
run 0 "$WARMUP" >/dev/null
run 1 "$WARMUP" >/dev/null

echo "$WORKLOAD, $ENGINE (durability $DURABILITY), $CONNECTIONS connections, $DURATION s a round each way, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | µs CPU per request $A | µs CPU per request $B | $B / $A | bytes written per request $A / $B | requests $A / $B | of the µs, JIT / RocksDB background $A; $B |"
echo "|---|---|---|---|---|---|---|"
ratios=() a_cpu=() b_cpu=()
for round in $(seq 1 "$ROUNDS"); do
  # Which goes first alternates, so that neither always follows the other's load.
  if ((round % 2)); then
    read -r a_us a_bytes a_n a_jit a_rocksdb < <(run 0 "$DURATION")
    read -r b_us b_bytes b_n b_jit b_rocksdb < <(run 1 "$DURATION")
  else
    read -r b_us b_bytes b_n b_jit b_rocksdb < <(run 1 "$DURATION")
    read -r a_us a_bytes a_n a_jit a_rocksdb < <(run 0 "$DURATION")
  fi
  ratio="$(awk -v a="$a_us" -v b="$b_us" 'BEGIN { printf "%.3f", b / a }')"
  ratios+=("$ratio") a_cpu+=("$a_us") b_cpu+=("$b_us")
  echo "| $round | $a_us | $b_us | $ratio | $a_bytes / $b_bytes | $a_n / $b_n | $a_jit / $a_rocksdb; $b_jit / $b_rocksdb |"
done
printf '| median | %s | %s | %s (%s to %s) | | | |\n' \
  "$(printf '%s\n' "${a_cpu[@]}" | median)" "$(printf '%s\n' "${b_cpu[@]}" | median)" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)" \
  "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
