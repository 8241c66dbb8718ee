#!/usr/bin/env bash
# What the status page costs the host. Publishes the host as shipped (self-contained, ReadyToRun,
# trimmed) and, with BENCH_BASE=<commit>, the host of that commit too (e.g. the one before the page
# existed), starts them on free 127.0.0.1 ports with their default collectors, then measures:
#
#   1. nobody viewing: every host scraped once a second (as Prometheus would) for BENCH_SECONDS:
#      CPU as % of one core (utime + stime from /proc/PID/stat) and RSS at the end;
#   2. one page open: the same scrapes, plus what an open page does (GET / once, then GET
#      /api/v1/status every 10 s), on this build: the difference to 1 is the page's cost;
#   3. the JSON answer with the page open: median and p90 of BENCH_REQUESTS sequential
#      GET /api/v1/status (curl time_total, one connection each), and its size.
#
#   scripts/bench-status.sh                          # this build
#   BENCH_BASE=390c6bd scripts/bench-status.sh       # and the host of that commit, side by side in 1
#   BENCH_SECONDS=30 scripts/bench-status.sh         # quick look
#
# Every loop is bounded; traffic goes to 127.0.0.1 only. Needs: dotnet, curl, git (for BENCH_BASE).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${BENCH_SECONDS:-120}
REQUESTS=${BENCH_REQUESTS:-200}
BASE=${BENCH_BASE:-}

for tool in dotnet curl; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -d "$work/base-src" ] && git worktree remove --force "$work/base-src" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing this build..." >&2
dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$work/new" -nologo -v quiet >&2
if [ -n "$BASE" ]; then
  echo "Publishing $BASE..." >&2
  git worktree add --detach "$work/base-src" "$BASE" >/dev/null 2>&1
  dotnet publish "$work/base-src/src/Exporter.Host" -c Release -r linux-x64 -o "$work/base" -nologo -v quiet >&2
fi

port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; } # utime + stime, after the comm field
rss_mb() { awk '$1 == "VmRSS:" { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

declare -A PID URL
start() { # name dir
  local p
  p=$(port)
  "$2/Exporter.Host" --web.listen-address="127.0.0.1:$p" --log.level=warn >"$work/$1.log" 2>&1 &
  pids+=($!)
  PID[$1]=$!
  URL[$1]="http://127.0.0.1:$p"
  for _ in $(seq 1 300); do curl -sf -o /dev/null "${URL[$1]}/-/ready" && break; sleep 0.1; done
  for _ in $(seq 1 20); do curl -s -o /dev/null "${URL[$1]}/metrics"; done # warm up
}

# Scrapes every host once a second for SECONDS_EACH; with a page open on "new", also does what the
# page does. Prints "name cpu% rss" per host.
run() { # page(0|1) names...
  local page=$1 start=$SECONDS name
  shift
  declare -A t0
  for name in "$@"; do t0[$name]=$(ticks "${PID[$name]}"); done
  ((page)) && curl -s -o /dev/null "${URL[new]}/"
  for i in $(seq 1 "$SECONDS_EACH"); do
    for name in "$@"; do curl -s -o /dev/null "${URL[$name]}/metrics"; done
    ((page && i % 10 == 0)) && curl -s -o /dev/null "${URL[new]}/api/v1/status"
    while ((SECONDS - start < i)); do sleep 0.05; done
  done
  for name in "$@"; do
    awk -v n="$name" -v d=$(($(ticks "${PID[$name]}") - t0[$name])) -v s="$SECONDS_EACH" -v hz="$hz" -v r="$(rss_mb "${PID[$name]}")" \
      'BEGIN { printf "%s %.3f %s\n", n, d / hz / s * 100, r }'
  done
}

start new "$work/new"
hosts=(new)
if [ -n "$BASE" ]; then start base "$work/base"; hosts+=(base); fi
sleep 5

echo "Nobody viewing (${SECONDS_EACH} s)..." >&2
idle=$(run 0 "${hosts[@]}")
echo "One page open (${SECONDS_EACH} s)..." >&2
open=$(run 1 new)

echo "JSON answer (${REQUESTS} requests)..." >&2
for _ in $(seq 1 "$REQUESTS"); do curl -s -o /dev/null -w '%{time_total}\n' "${URL[new]}/api/v1/status"; done | sort -n >"$work/lat"
median=$(awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m * 1000 }' "$work/lat")
p90=$(awk '{ a[NR] = $1 } END { printf "%.2f", a[int(NR * 0.9)] * 1000 }' "$work/lat")
json_bytes=$(curl -s "${URL[new]}/api/v1/status" | wc -c)
page_bytes=$(curl -s "${URL[new]}/" | wc -c)

field() { awk -v n="$2" -v f="$3" '$1 == n { print $f }' <<<"$1"; }
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| | CPU, % of one core | RSS at the end (MB) |"
echo "| --- | ---: | ---: |"
[ -n "$BASE" ] && echo "| $BASE, scraped every 1 s | $(field "$idle" base 2) | $(field "$idle" base 3) |"
echo "| this build, scraped every 1 s, nobody viewing | $(field "$idle" new 2) | $(field "$idle" new 3) |"
echo "| this build, scraped every 1 s, one page open | $(field "$open" new 2) | $(field "$open" new 3) |"
echo "| extra for the open page | $(awk -v a="$(field "$open" new 2)" -v b="$(field "$idle" new 2)" 'BEGIN { printf "%.3f", a - b }') | |"
echo
echo "| /api/v1/status with the page open | |"
echo "| --- | ---: |"
echo "| answer, median (ms, $REQUESTS sequential) | $median |"
echo "| answer, p90 (ms) | $p90 |"
echo "| JSON bytes | $json_bytes |"
echo "| page bytes (HTML with the document) | $page_bytes |"
