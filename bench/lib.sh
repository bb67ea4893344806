# Sourced by the benchmark scripts: moves to the repository root, finds a JDK 21 or newer, installs wrk from
# Debian's packages when it is missing, and defines `call` for DynamoDB requests to a local server.
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
