#!/usr/bin/env bash
# Events benchmark (issue 4, item 8): two figures.
#
#  (a) events/s the events store sustains while `anticipa serve` is under the search load of
#      tools/loadbench.sh (wrk, 2 threads, 16 connections, the same 12 rotating queries): first the
#      search load alone, then with a second wrk POSTing click events to /api/v1/events as fast as
#      it can, then with `anticipa-traffic` (simulated customers: searches, typing, clicks, votes,
#      deflections, escalations) beside it. Reports searches/s and p50/p99, the store's
#      anticipa_events_{accepted,written,dropped}_total from /metrics, events/s accepted and written
#      during each window, the time to drain the backlog, and, after a SIGTERM of the server, the
#      rows in SQLite (must equal accepted: no accepted event is lost).
#  (b) the time of `anticipa gaps` over a log of N (1,000,000) events made by
#      `anticipa-traffic --to-store`, with hyperfine (warm-up 1, 3 runs), and its peak RSS
#      (/usr/bin/time -v).
#
#   tools/eventsbench.sh [--duration SECONDS] [--events N] [--only load|gaps] [--runs R]
#                        [--windows "search clicks traffic"] [--event-connections C]
#                        [--traffic-concurrency C] [--gaps-db PATH]
#
# --gaps-db keeps the generated log at PATH (and reuses it if it already has events), so (b) can
# be measured again without the ~3 minutes of generation.
#
# Everything stays on 127.0.0.1, in a temporary folder that is removed on exit. Before each
# measurement it waits (up to ~4 minutes) for the machine to be quiet (1-minute load under 1.0
# and under 15% CPU busy over 3 s), then measures anyway, printing the load it measured under.
# The search/click/traffic windows are --duration each; try --duration 60 to see whether the
# writer keeps up (backlog = accepted - written; past 200,000 the store drops and counts).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=15
events=1000000
only=""
event_connections=16
traffic_concurrency=16
runs=3
windows="search clicks traffic"
gaps_db=""
usage="usage: $0 [--duration SECONDS] [--events N] [--only load|gaps] [--runs R] [--windows \"search clicks traffic\"] [--event-connections C] [--traffic-concurrency C] [--gaps-db PATH]"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --events) events="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --event-connections) event_connections="$2"; shift 2 ;;
        --traffic-concurrency) traffic_concurrency="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --windows) windows="$2"; shift 2 ;;
        --gaps-db) gaps_db="$2"; shift 2 ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done
case "$only" in ""|load|gaps) ;; *) echo "$usage" >&2; exit 2 ;; esac

missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v hyperfine >/dev/null || missing="$missing hyperfine"
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
command -v curl >/dev/null || missing="$missing curl"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
[ -x build/tools/anticipa ] && [ -x build/tools/anticipa-traffic ] || tools/build.sh

anticipa=$PWD/build/tools/anticipa
traffic=$PWD/build/tools/anticipa-traffic
work=$(mktemp -d /tmp/anticipa-events-XXXXXX)
server_pid=""; bg_pids=""
cleanup() {
    for pid in $bg_pids $server_pid; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU busy (%) over 3 seconds, from /proc/stat.
cpu_busy() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 3
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
    [ "$total" -gt 0 ] || { echo 0; return; }
    echo $(( 100 * (total - idle) / total ))
}

# Waits until the machine is quiet (1-minute load under 1.0 and nothing using the CPU: another
# engineer's build would skew the figures), then says the load it measures under. Our own previous
# window leaves the load average high for a minute or two, hence the patience.
wait_quiet() {
    local busy load tries=0
    while :; do
        busy=$(cpu_busy)
        load=$(cut -d' ' -f1 /proc/loadavg)
        if [ "$busy" -lt 15 ] && awk -v l="$load" 'BEGIN { exit !(l < 1.0) }'; then break; fi
        tries=$((tries + 1))
        if [ "$tries" -ge 12 ]; then
            say "  (not quiet after ~4 minutes: ${busy}% CPU, load $(loadavg); measuring anyway)"
            break
        fi
        say "  (waiting for a quiet machine: ${busy}% CPU busy, load $(loadavg))"
        sleep 17
    done
    say "  load average before: $(loadavg) (CPU busy over 3 s: ${busy}%)"
}

events_now() {  # "accepted written dropped"
    local m
    m=$(curl -sf "http://127.0.0.1:$port/metrics")
    awk '$1 == "anticipa_events_accepted_total" { a = $2 } $1 == "anticipa_events_written_total" { w = $2 }
         $1 == "anticipa_events_dropped_total" { d = $2 } END { print a + 0, w + 0, d + 0 }' <<<"$m"
}

# ---------------------------------------------------------------------------------------------
say "indexing the sample help center (articles/) into $work/index"
"$anticipa" index --index "$work/index" >/dev/null

if [ "$only" != gaps ]; then
    port=18490
    secret="eventsbench-secret-$$"
    cat > "$work/serve.yaml" <<YAML
listen: "127.0.0.1:$port"
index: $work/index
locales: $PWD/locales
default_locale: en
allowed_origins: ["http://127.0.0.1:$port"]
tier_secret: "$secret"
events:
  path: $work/events.db
  client_address: hashed
contact_outbox: $work/contact-outbox.jsonl
YAML
    "$anticipa" serve --events "$work/events.db" --config "$work/serve.yaml" 2>"$work/serve.log" >"$work/serve.out" &
    server_pid=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { say "the server did not start:"; cat "$work/serve.log"; exit 1; }

    cp tools/bench/search_queries.lua "$work/queries.lua"
    # Click events, each with its own search id, posted as fast as the connections allow.
    cat > "$work/clicks.lua" <<'LUA'
local articles = { "reset-password", "sign-in-problems", "cancel-subscription", "invoices" }
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = string.format(
    '{"type":"click","search_id":"bench-%d","article_id":"%s","rank":%d,"locale":"en","source":"search"}',
    n, articles[(n % #articles) + 1], (n % 5) + 1)
  return wrk.format("POST", "/api/v1/events", nil, body)
end
LUA

    wrk_summary() {  # wrk output -> "rps p50 p99 errors"
        local rps p50 p99 errors
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$1")
        p50=$(awk '$1=="50%" {print $2}' <<<"$1")
        p99=$(awk '$1=="99%" {print $2}' <<<"$1")
        errors=$(grep -E "Non-2xx|Socket errors" <<<"$1" | tr '\n' ' ' || true)
        echo "$rps $p50 $p99 ${errors:-none}"
    }

    # One window: the search load for $duration s, with (or without) an event load beside it.
    phase() {  # name: search | clicks | traffic
        local name=$1
        say ""
        say "== window: search load$( [ "$name" = clicks ] && echo " + click events (wrk, $event_connections connections)" )$( [ "$name" = traffic ] && echo " + anticipa-traffic (concurrency $traffic_concurrency)" ), ${duration}s"
        wait_quiet
        local before after t0 t1 side_pid="" search_out side_out=""
        read -r -a before < <(events_now)
        t0=$(date +%s.%N)
        case "$name" in
            clicks)
                wrk -t1 -c"$event_connections" -d"${duration}s" --latency -s "$work/clicks.lua" \
                    "http://127.0.0.1:$port" >"$work/clicks.out" 2>&1 &
                side_pid=$! ;;
            traffic)
                "$traffic" --server "http://127.0.0.1:$port" --customers 1000000 --concurrency "$traffic_concurrency" \
                    --seed "$RANDOM" --tier-secret "$secret" >"$work/traffic.out" 2>&1 &
                side_pid=$! ;;
        esac
        [ -n "$side_pid" ] && bg_pids="$bg_pids $side_pid"
        search_out=$(wrk -t2 -c16 -d"${duration}s" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" 2>&1)
        read -r -a after < <(events_now)
        t1=$(date +%s.%N)
        local load_during; load_during=$(loadavg)
        if [ "$name" = traffic ]; then kill "$side_pid" 2>/dev/null || true; fi
        [ -n "$side_pid" ] && { wait "$side_pid" 2>/dev/null || true; }
        # The backlog (accepted, not yet in SQLite) drains after the load stops.
        local drained="" d0 now
        d0=$(date +%s.%N)
        for _ in $(seq 600); do
            read -r -a now < <(events_now)
            if [ "${now[0]}" = "${now[1]}" ]; then drained=$(awk -v a="$d0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'); break; fi
            sleep 0.1
        done
        read -r -a now < <(events_now)
        local s; read -r -a s < <(wrk_summary "$search_out")
        local searches side_requests=0
        searches=$(awk '/requests in/ { print $1 }' <<<"$search_out")
        [ "$name" = clicks ] && side_requests=$(awk '/requests in/ { print $1 }' "$work/clicks.out")
        say "  load average at the end: $load_during"
        say "  searches: ${s[0]}/s, p50 ${s[1]}, p99 ${s[2]}, errors: ${s[*]:3}"
        if [ "$name" = clicks ]; then
            local c; read -r -a c < <(wrk_summary "$(cat "$work/clicks.out")")
            say "  click POSTs: ${c[0]}/s, p50 ${c[1]}, p99 ${c[2]}, errors: ${c[*]:3}"
        elif [ "$name" = traffic ]; then
            grep -q . "$work/traffic.out" && say "  anticipa-traffic said: $(head -3 "$work/traffic.out" | tr '\n' ' ')"
        fi
        awk -v a0="${before[0]}" -v w0="${before[1]}" -v d0="${before[2]}" \
            -v a1="${after[0]}" -v w1="${after[1]}" -v d1="${after[2]}" -v t0="$t0" -v t1="$t1" \
            -v drained="$drained" -v total_w="${now[1]}" -v searches="$searches" -v side="$side_requests" \
            -v name="$name" 'BEGIN {
            t = t1 - t0
            # every search answered is one event; the rest came from the side load
            other = a1 - a0 - searches
            if (name == "clicks") printf "  click POSTs answered: %d (%.0f/s); events from searches: %d\n", side, side / t, searches
            if (name == "traffic") printf "  events from anticipa-traffic (accepted minus wrk searches): ~%d (~%.0f/s)\n", other, other / t
            printf "  events in the window (%.1f s): accepted %d (%.0f/s), written %d (%.0f/s), dropped %d; backlog at the end %d\n",
                   t, a1 - a0, (a1 - a0) / t, w1 - w0, (w1 - w0) / t, d1 - d0, a1 - w1
            if (drained != "") printf "  backlog drained in %s s (written total %d)\n", drained, total_w
            else printf "  backlog NOT drained after 60 s\n"
        }'
    }

    say ""
    say "(a) events store under search load: anticipa serve on 127.0.0.1:$port, sample index, events in $work/events.db"
    for w in $windows; do
        case "$w" in search|clicks|traffic) phase "$w" ;; *) echo "$usage" >&2; exit 2 ;; esac
    done

    read -r -a final < <(events_now)
    say ""
    say "/metrics at the end: accepted ${final[0]}, written ${final[1]}, dropped ${final[2]}"
    kill -TERM "$server_pid"
    t0=$(date +%s.%N)
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    say "server stopped by SIGTERM in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s"
    rows=$(sqlite3 "$work/events.db" 'select count(*) from events')
    say "rows in SQLite: $rows ($(sqlite3 -separator ' ' "$work/events.db" "select kind, count(*) from events group by kind order by 2 desc" | tr '\n' ',' | sed 's/,$//;s/,/, /g'))"
    if [ "$rows" = "${final[0]}" ]; then
        say "OK: rows = accepted (${final[0]}); no accepted event was lost"
    else
        say "MISMATCH: rows $rows != accepted ${final[0]}"
        status_mismatch=1
    fi
    ls "$work"/events.db* >/dev/null 2>&1 && say "events.db size: $(du -h "$work/events.db" | cut -f1)"
fi

# ---------------------------------------------------------------------------------------------
if [ "$only" != load ]; then
    say ""
    say "(b) anticipa gaps over $events events"
    big="${gaps_db:-$work/big.db}"
    if [ -n "$gaps_db" ] && [ -s "$gaps_db" ] && [ "$(sqlite3 "$gaps_db" 'select count(*) from events' 2>/dev/null || echo 0)" -gt 0 ]; then
        say "reusing the events in $gaps_db (generated earlier; --events is ignored)"
    else
        say "generating $events events into $big with anticipa-traffic --to-store (about 3 minutes for 1,000,000) ..."
        t0=$(date +%s.%N)
        "$traffic" --to-store "$big" --index "$work/index" --locales locales --events "$events" \
            --spread-days 28 >"$work/gen.out" 2>&1 || { say "anticipa-traffic --to-store failed:"; tail -20 "$work/gen.out"; exit 1; }
        gen_time=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
        say "generated in ${gen_time} s (load average now: $(loadavg))"
    fi
    rows=$(sqlite3 "$big" 'select count(*) from events')
    in28=$(sqlite3 "$big" "select count(*) from events where at_ms >= (strftime('%s','now') - 28*86400) * 1000")
    say "events log: $rows rows ($in28 in the last 28 days), $(du -h "$big" | cut -f1) on disk"
    gaps_cmd="$anticipa gaps --events $big --index $work/index --locales $PWD/locales --articles $PWD/articles --since 28d --format json --out /dev/null"
    wait_quiet
    hyperfine --warmup 1 --runs "$runs" --export-json "$work/gaps.json" "$gaps_cmd" 2>&1 | sed 's/^/  /'
    say "  load average after: $(loadavg)"
    /usr/bin/time -v $gaps_cmd 2>"$work/time.out" >/dev/null
    say "  peak RSS: $(awk -F': ' '/Maximum resident set size/ { printf "%.0f MiB", $2 / 1024 }' "$work/time.out"), wall $(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.out"), user $(awk -F': ' '/User time/ { print $2 }' "$work/time.out") s, sys $(awk -F': ' '/System time/ { print $2 }' "$work/time.out") s"
fi
exit "${status_mismatch:-0}"
