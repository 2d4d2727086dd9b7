#!/usr/bin/env bash
# Instructions per HTTP request of `anticipa serve`, counted with callgrind (not time: the count
# does not depend on what else the machine is doing). Serves the sample help center, sends a
# warm-up, zeroes the counters, sends the measured requests over one keep-alive connection and
# prints the instructions of all threads divided by the requests.
#
#   tools/bench/request_instructions.sh [cached|distinct] [BINARY]
#
# cached:   API searches and suggests, four queries in rotation, 2,000 requests (the cache answers)
# distinct: API searches with a word of their own each, 400 requests (the cache never answers)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-cached}
bin=${2:-build/tools/anticipa}
case "$mode" in
    cached) requests=2000 ;;
    distinct) requests=400 ;;
    *) echo "usage: $0 [cached|distinct] [BINARY]" >&2; exit 2 ;;
esac
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d /tmp/anticipa-instructions-XXXXXX)
port=18497
cleanup() {
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
"$bin" index --index "$work/index" >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$bin" serve --index "$work/index" --listen "127.0.0.1:$port" --events "$work/events.db" 2>"$work/valgrind.log" &
server_pid=$!
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.3; done

send() {  # round count
    python3 - "$mode" "$port" "$1" "$2" <<'PY'
import http.client, sys, urllib.parse
mode, port, round_, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
if mode == "cached":
    asked = [("search", "reset password", "en"), ("search", "cambiar contraseña", "es"),
             ("suggest", "expor", "en"), ("suggest", "senha", "pt")]
else:
    asked = [("search", "reset password", "en"), ("search", "cancelar suscripcion", "es"),
             ("search", "esqueci minha senha", "pt"), ("search", "notifiche email", "it")]
connection = http.client.HTTPConnection("127.0.0.1", port)
for i in range(count):
    route, words, locale = asked[i % len(asked)]
    if mode == "distinct":
        words += " w%s%d" % (round_, i)  # a word of its own: never answered from the cache
    connection.request("GET", "/api/v1/%s?q=%s&locale=%s" % (route, urllib.parse.quote(words), locale))
    answer = connection.getresponse()
    answer.read()
    if answer.status != 200:
        sys.exit("%s answered %d" % (words, answer.status))
PY
}
send warm 200
callgrind_control -z "$server_pid" >/dev/null
send 1 "$requests"
callgrind_control -d "$server_pid" >/dev/null
total=$(grep -h "^summary:\|^totals:" "$work"/callgrind.out.1 | head -1 | awk '{print $2}')
echo "$mode: $total instructions for $requests requests, $((total / requests)) per request"
