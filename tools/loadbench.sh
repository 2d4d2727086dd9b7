#!/usr/bin/env bash
# Load benchmark: searches per second and latency of `anticipa serve` under wrk, beside nginx
# serving a static JSON file of the same size on the same machine (the ceiling for an HTTP
# answer of that size here). Everything stays on 127.0.0.1 and stops by itself.
#
#   tools/loadbench.sh [--sections N] [--duration SECONDS]
#
# Without --sections it serves the sample help center (articles/); with it, a generated one of N
# sections (written by `anticipa bench --keep`).
set -euo pipefail
cd "$(dirname "$0")/.."
sections=""
duration=10
while [ $# -gt 0 ]; do
    case "$1" in
        --sections) sections="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        *) echo "usage: $0 [--sections N] [--duration SECONDS]" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null && command -v nginx >/dev/null || {
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk nginx-light >/dev/null
}
[ -x build/tools/anticipa ] || tools/build.sh

work=$(mktemp -d /tmp/anticipa-load-XXXXXX)
cleanup() {
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "$sections" ]; then
    ./build/tools/anticipa bench --sections "$sections" --queries 10 --work "$work/bench" --keep >/dev/null
    index="$work/bench/$sections-sections/index"
    label="$sections generated sections"
else
    ./build/tools/anticipa index --index "$work/index" >/dev/null
    index="$work/index"
    label="the sample help center"
fi

port=18480; static_port=18481
# Its events go to a store of its own: never into the events.db of the current folder (the demo's).
./build/tools/anticipa serve --index "$index" --listen "127.0.0.1:$port" --events "$work/events.db" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# Queries a customer would type, in the five locales, rotated by a wrk script; the same queries
# each made distinct (so none is answered from the result cache) by another.
cp tools/bench/search_queries.lua "$work/queries.lua"
cp tools/bench/distinct_queries.lua "$work/distinct.lua"

# The static ceiling: nginx serving one search answer of typical size as a file.
mkdir -p "$work/static"
chmod 755 "$work" "$work/static"  # nginx's workers run as another user
curl -s "http://127.0.0.1:$port/api/v1/search?q=reset%20password&locale=en" > "$work/static/answer.json"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$static_port;
    location / { root $work/static; default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.3

run() {  # name url-or-script connections
    local out
    if [ "$1" = anticipa ]; then
        out=$(wrk -t2 -c"$3" -d"${duration}s" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" 2>&1)
    elif [ "$1" = no-cache ]; then
        out=$(wrk -t2 -c"$3" -d"${duration}s" --latency -s "$work/distinct.lua" "http://127.0.0.1:$port" 2>&1)
    else
        out=$(wrk -t2 -c"$3" -d"${duration}s" --latency "http://127.0.0.1:$static_port/answer.json" 2>&1)
    fi
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
    printf "| %-8s | %4s | %10s | %8s | %8s | %s\n" "$1" "$3" "$rps" "$p50" "$p99" "${errors:-none}"
    eval "rps_${1//-/_}_$3=$rps"
}

echo "Load on $label: 2 wrk threads, ${duration}s per run, answer of $(wc -c < "$work/static/answer.json") bytes; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| server   |  con | requests/s |      p50 |      p99 | errors"
# 256 and 1,000 connections: more clients than worker threads, where a keep-alive connection
# must not hold a thread and saturation must answer 503 at once, not time out.
for connections in 16 64 256 1000; do
    run anticipa search "$connections"
    run nginx static "$connections"
done
# Every query distinct: the cost of a search that misses the cache, over HTTP.
for connections in 16 64; do
    run no-cache search "$connections"
done
for connections in 16 64 256 1000; do
    eval "a=\$rps_anticipa_$connections; n=\$rps_nginx_$connections"
    awk -v a="$a" -v n="$n" -v c="$connections" 'BEGIN { printf "ratio anticipa/nginx at %s connections: %.2f\n", c, a / n }'
done
