# Sourced by the benchmark scripts: moves to the repository root, finds a JDK 21 or newer, installs wrk from
# Debian's packages when it is missing, and defines `call` for DynamoDB requests to a local server, the preloaded
# items of the read and update workloads (`write_preload_batches`, `prepare`) and `measure`, which runs a workload
# with wrk for $WARMUP then $DURATION seconds (set by the caller).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/jdk.sh
JAVA_HOME="$(find_jdk)" || { echo "$(basename "$0"): needs a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME
java="$JAVA_HOME/bin/java"
work="$root/bench/target"
mkdir -p "$work"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

call() { # port operation curl-arguments...: POSTs one DynamoDB request and prints the answer
  local port="$1" operation="$2"
  shift 2
  curl -s -X POST "http://127.0.0.1:$port/" -H "Content-Type: application/x-amz-json-1.0" \
    -H "X-Amz-Target: DynamoDB_20120810.$operation" \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
    "$@"
}

# Waits until something answers on a port, up to $WAIT_SECONDS (120 by default: a server starting on a loaded machine
# took more than the 20 s this once allowed). Given the server's pid and log, it also fails as soon as that process
# has exited (it could not bind its port, or failed to start), naming the log's last lines, rather than taking
# another process answering on the same port for the server.
wait_for() { # port [pid log]
  local deadline=$((SECONDS + ${WAIT_SECONDS:-120}))
  while ((SECONDS < deadline)); do
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then
      echo "$(basename "$0"): the server for port $1 exited; the end of ${3:-its log}:" >&2
      [ -n "${3:-}" ] && tail -n 20 "$3" >&2
      return 1
    fi
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.2
  done
  echo "$(basename "$0"): nothing answers on port $1 after ${WAIT_SECONDS:-120} s" >&2
  return 1
}

# Prints as many free loopback ports, one a line, each distinct: bound together, then released for the servers,
# so that two benchmark runs at once do not load each other's servers.
free_ports() { # count
  python3 -c 'import socket, sys
sockets = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print("\n".join(str(s.getsockname()[1]) for s in sockets))' "$1"
}

cpu_seconds() { # pid: user + system CPU time of a process, in seconds
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}

measure() { # pid port workload connections [warm-up workload] -> "req/s p50 p99 cpu-per-1k", after a warm-up run
  local before after out threads=$(( $4 < 2 ? $4 : 2 ))
  # wrk gives up on a request after 2 s by default and leaves it out of the latencies; DynamoDB Local's batch on disk
  # at 64 connections takes longer than that.
  wrk -t"$threads" -c"$4" -d"${WARMUP}s" --timeout 60s -s "bench/wrk/${5:-$3}.lua" "http://127.0.0.1:$2/" >/dev/null
  before="$(cpu_seconds "$1")"
  out="$(wrk -t"$threads" -c"$4" -d"${DURATION}s" --timeout 60s --latency -s "bench/wrk/$3.lua" "http://127.0.0.1:$2/")"
  after="$(cpu_seconds "$1")"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$(basename "$0"): $3 on port $2 answered errors" >&2
    echo "$out" >&2
  fi
  wrk_figures "$out" "$before" "$after" 1000 %.3f
}

# wrk's requests/s and p50/p99 latencies, and the server's CPU over the run (CPU seconds before and after) per request,
# times a multiplier (1000: CPU seconds per 1,000 requests; 1000000: µs per request), printed in a printf format.
wrk_figures() { # wrk-output cpu-before cpu-after multiplier format -> "req/s p50 p99 cpu"
  echo "$1" | awk -v before="$2" -v after="$3" -v multiplier="$4" -v format="$5" '
    /Requests\/sec/ { rps = $2 }
    /requests in/ { total = $1 }
    / 50%/ { p50 = $2 }
    / 99%/ { p99 = $2 }
    END { printf "%s %s %s " format "\n", rps, p50, p99, (after - before) * multiplier / (total > 0 ? total : 1) }'
}

# The read and update workloads' data: items k0..k9999 (with c = 0) of table "items" and the 100 items of partition
# "p" of table "sorted", as batches of 25 written one after another, each checked, so that a slow server is loaded
# as completely as a fast one.
write_preload_batches() {
  rm -rf "$work/preload"
  mkdir -p "$work/preload"
  awk -v dir="$work/preload" -v payload="$(printf 'x%.0s' $(seq 1 160))" 'BEGIN {
    for (b = 0; b < 404; b++) {
      body = ""
      for (i = 0; i < 25; i++) {
        if (b < 400) item = "{\"id\":{\"S\":\"k" (b * 25 + i) "\"},\"c\":{\"N\":\"0\"}"
        else item = "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" ((b - 400) * 25 + i) "\"}"
        body = body (i ? "," : "") "{\"PutRequest\":{\"Item\":" item ",\"payload\":{\"S\":\"" payload "\"}}}}"
      }
      printf "{\"RequestItems\":{\"%s\":[%s]}}", (b < 400 ? "items" : "sorted"), body > (dir "/" b ".json")
      close(dir "/" b ".json")
    }
  }'
}

prepare() { # port workload: the tables, and the items the workload reads or updates
  local first=0 last=-1 batch
  case "$2" in
    get | select | update | partiql-update | transact) last=399 ;;
    query) first=400 last=403 ;;
  esac
  call "$1" CreateTable -o /dev/null -d '{"TableName":"items","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}'
  call "$1" CreateTable -o /dev/null -d '{"TableName":"sorted","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}'
  for ((batch = first; batch <= last; batch++)); do
    status="$(call "$1" BatchWriteItem -o "$work/preload.response" -w '%{http_code}' \
      --data-binary @"$work/preload/$batch.json")"
    if [ "$status" != 200 ] || grep -q '"UnprocessedItems":{"' "$work/preload.response"; then
      echo "$(basename "$0"): preloading port $1 failed ($status): $(cat "$work/preload.response")" >&2
      exit 1
    fi
  done
}
