#!/usr/bin/env bash
# The long fuzzing run of the JSON API (make fuzz): schemathesis against `gongkai serve` on
# loopback with the demo county loaded, anonymous and then as the demo clerk, every phase
# (examples, coverage, fuzzing, stateful). `make test` runs a reduced one in process
# (tests/web/test_api_fuzz.py). Settings: FUZZ_EXAMPLES (per operation, default 300),
# FUZZ_PORT (default 8765). The server runs in a throwaway data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
EXAMPLES=${FUZZ_EXAMPLES:-300}
PORT=${FUZZ_PORT:-8765}
DATA=$(mktemp -d /tmp/gongkai-fuzz.XXXXXX)
JAR="$DATA/cookies"
export GONGKAI_DATA_DIR="$DATA" GONGKAI_SUBMISSIONS_PER_HOUR=1000000
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance

"$VENV/bin/gongkai" migrate >/dev/null
"$VENV/bin/gongkai" demo >/dev/null 2>&1
"$VENV/bin/gongkai" serve --host 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 60); do curl -fs "$BASE/api/health" >/dev/null && break; sleep 1; done

fuzz() {  # fuzz LABEL [schemathesis options…]
    echo "== $1 =="
    shift
    "$VENV/bin/schemathesis" run "$BASE/api/openapi.json" --checks "$CHECKS" \
        --max-examples "$EXAMPLES" --seed 14 "$@"
}

status=0
fuzz "anonymous" || status=1
# Log in as the demo clerk (zhangwei) for the staff operations.
curl -fs -c "$JAR" -b "$JAR" "$BASE/accounts/login/" >/dev/null
CSRF=$(awk '$6 == "csrftoken" {print $7}' "$JAR")
curl -fs -o /dev/null -c "$JAR" -b "$JAR" -e "$BASE/accounts/login/" \
    --data-urlencode "csrfmiddlewaretoken=$CSRF" --data-urlencode "username=zhangwei" \
    --data-urlencode "password=gongkai-demo" "$BASE/accounts/login/"
SESSION=$(awk '$6 == "sessionid" {print $7}' "$JAR")
CSRF=$(awk '$6 == "csrftoken" {print $7}' "$JAR")
if [ -z "$SESSION" ]; then
    echo "fuzz-api: could not log in as the demo clerk" >&2
    exit 1
fi
fuzz "as the demo clerk" -H "Cookie: sessionid=$SESSION; csrftoken=$CSRF" \
    -H "X-CSRFToken: $CSRF" || status=1
if grep -q "Traceback" "$DATA/server.log"; then
    echo "fuzz-api: the server logged a traceback:" >&2
    grep -A30 "Traceback" "$DATA/server.log" | head -60 >&2
    status=1
fi
exit $status
