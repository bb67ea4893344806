#!/usr/bin/env bash
# GetItem and PutItem throughput with SigV4 verification off (no user) and on (every request signed by a real key,
# whose user holds AdministratorAccess), with a policy with conditions instead, and with TLS, against one ShaleDB on RocksDB (durability os) holding 10,000 items; wrk on the same machine.
#
#   bench/auth.sh                       # 16 connections, 10 s each after a 10 s warm-up
#   CONNECTIONS=64 DURATION=5 WARMUP=5 bench/auth.sh
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
PORT=18010

./mvnw -q -B -DskipTests -pl shale-server -am package
data="$work/auth-data"
keyfile="$work/auth.key"
rm -rf "$data" "$keyfile"
mkdir -p "$data"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; }
trap cleanup EXIT

start() { # extra serve arguments...
  ./shaledb serve --port "$PORT" --data-dir "$data" --durability os --auth-key-file "$keyfile" "$@" \
    >"$work/auth-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    curl -sk -o /dev/null "http://127.0.0.1:$PORT/" && return 0
    curl -sk -o /dev/null "https://127.0.0.1:$PORT/" && return 0
    sleep 0.2
  done
  echo "auth.sh: the server did not start" >&2
  exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

measure() { # label scheme script
  local label="$1" scheme="$2" script="$3"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "bench/wrk/$script" "$scheme://127.0.0.1:$PORT/" >/dev/null
  local rps
  rps="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "bench/wrk/$script" "$scheme://127.0.0.1:$PORT/" \
    | awk '/Requests\/sec/ {print $2}')"
  printf '| %s | %s |\n' "$label" "$rps"
}

start
call "$PORT" CreateTable -o /dev/null --data '{"TableName":"items","AttributeDefinitions":[{"AttributeName":"id",
"AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}'
payload="$(printf 'x%.0s' $(seq 1 160))"
for b in $(seq 0 399); do
  items=""
  for i in $(seq 0 24); do
    items="$items${items:+,}{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"k$((b * 25 + i))\"},\"payload\":{\"S\":\"$payload\"}}}}"
  done
  call "$PORT" BatchWriteItem -o /dev/null --data "{\"RequestItems\":{\"items\":[$items]}}"
done
# Measured on a server started afresh, as the verified runs are (users are created with the server stopped): otherwise
# the runs without verification alone would follow the preload's warm-up of the JIT and the block cache.
stop
start
export SIGNED_REQUESTS SIGNED_OPERATION SIGNED_DATE
run_signed() { # label-suffix scheme access-key-id secret
  for operation in GetItem PutItem; do
    SIGNED_REQUESTS="$work/signed-$operation.lua"
    SIGNED_OPERATION="$operation"
    SIGNED_DATE="$(python3 bench/sigv4_requests.py "$operation" "$PORT" "$3" "$4" 10000 "$SIGNED_REQUESTS")"
    measure "$operation, $1" "$2" signed.lua
  done
}

echo "| workload ($CONNECTIONS connections) | requests/s |"
echo "| --- | --- |"
# The same requests each time (PutItem overwrites 10,000 keys): without a user they are served unverified.
run_signed "authentication off" http AKIAFAKEFAKEFAKEFAKE "$(printf 'x%.0s' $(seq 1 40))"
stop

./shaledb users create bench --data-dir "$data" --auth-key-file "$keyfile" >/dev/null
credentials="$(./shaledb users keys create bench --data-dir "$data" --auth-key-file "$keyfile")"
key_id="$(echo "$credentials" | awk '/AccessKeyId/ {print $2}')"
secret="$(echo "$credentials" | awk '/SecretAccessKey/ {print $2}')"
start
run_signed "SigV4 verified" http "$key_id" "$secret"
stop

# The same requests by a user whose policy allows them only under conditions, and denies under one more.
./shaledb users create conditioned --no-policy --data-dir "$data" --auth-key-file "$keyfile" >/dev/null
./shaledb users put-policy conditioned bench --data-dir "$data" --auth-key-file "$keyfile" --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],
"Resource":"arn:aws:dynamodb:*:*:table/items","Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":"k*"},
"IpAddress":{"aws:SourceIp":"127.0.0.0/8"},"DateLessThan":{"aws:CurrentTime":"2100-01-01T00:00:00Z"}}},
{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"dynamodb:ReturnValues":"ALL_OLD"}}}]}'
credentials="$(./shaledb users keys create conditioned --data-dir "$data" --auth-key-file "$keyfile")"
start
run_signed "SigV4 verified, policy with conditions" http "$(echo "$credentials" | awk '/AccessKeyId/ {print $2}')" \
  "$(echo "$credentials" | awk '/SecretAccessKey/ {print $2}')"
stop

start --tls-self-signed
run_signed "SigV4 verified, TLS" https "$key_id" "$secret"
stop
