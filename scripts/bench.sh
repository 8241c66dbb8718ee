#!/usr/bin/env bash
# Side-by-side benchmark of our host, as the native (NativeAOT) binary and as the ReadyToRun
# build, and node_exporter 1.5 on loopback, default collectors. Publishes both builds, measures the
# time from exec to the first 200 on /metrics (median of 10 starts), then starts all three on free
# 127.0.0.1 ports and measures each in turn while the others idle: idle RSS, single-scrape latency
# (median of sequential scrapes), CPU per scrape, CPU % of one core when scraped once a second,
# throughput / errors / peak RSS under wrk at 10 and 100 concurrent connections, and RSS 10 s after
# that load. Prints a Markdown table.
#
#   scripts/bench.sh                      # full run (about 4 minutes)
#   BENCH_WRK_DURATION=5s BENCH_IDLE_SECONDS=10 scripts/bench.sh   # quick look
#   BENCH_NATIVE_DIR=out/native BENCH_R2R_DIR=out/r2r scripts/bench.sh   # builds published before
#
# Every loop is bounded; traffic goes to 127.0.0.1 only. Needs: dotnet, clang, zlib1g-dev,
# prometheus-node-exporter, wrk, curl (scripts/test.sh installs them) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRAPES=${BENCH_SCRAPES:-200}                # sequential scrapes for the latency median
WRK_DURATION=${BENCH_WRK_DURATION:-15s}      # per wrk run
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-60}       # scraped once a second for this long
NODE_EXPORTER=${NODE_EXPORTER:-prometheus-node-exporter}

for tool in dotnet "$NODE_EXPORTER" wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (scripts/test.sh installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# BENCH_NATIVE_DIR / BENCH_R2R_DIR: measure builds published earlier instead.
if [ -n "${BENCH_NATIVE_DIR:-}" ]; then
  ln -s "$(realpath "$BENCH_NATIVE_DIR")" "$work/native"
else
  echo "Publishing the host as shipped (native)..." >&2
  dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$work/native" -nologo -v quiet >&2
fi
if [ -n "${BENCH_R2R_DIR:-}" ]; then
  ln -s "$(realpath "$BENCH_R2R_DIR")" "$work/r2r"
else
  echo "Publishing the host as ReadyToRun (-p:PublishAot=false)..." >&2
  dotnet publish src/Exporter.Host -c Release -r linux-x64 -p:PublishAot=false -o "$work/r2r" -nologo -v quiet >&2
fi

# A port nothing listens on: bash's /dev/tcp connect fails on a free port.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "error: no free port found" >&2; exit 1
}

wait_ready() { # url
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "error: $1 did not answer" >&2; exit 1
}

ticks() { # pid → utime+stime in clock ticks (fields 14 and 15 of /proc/PID/stat, after the comm field)
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

# Time from exec to the first 200 on /metrics: median of 10 starts, polling every millisecond.
start_ms() { # command...
  python3 - "$@" <<'PY'
import socket, statistics, subprocess, sys, time, urllib.request
times = []
for _ in range(10):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    t0 = time.monotonic()
    p = subprocess.Popen(sys.argv[1:] + [f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + 30
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).status == 200:
                break
        except OSError:
            time.sleep(0.001)
    times.append((time.monotonic() - t0) * 1000)
    p.terminate(); p.wait()
print(f"{statistics.median(times):.0f}")
PY
}

declare -A R
R[native,start_ms]=$(start_ms "$work/native/Exporter.Host")
R[r2r,start_ms]=$(start_ms "$work/r2r/Exporter.Host")
R[node_exporter,start_ms]=$(start_ms "$NODE_EXPORTER")
# What runs: the native executable alone; the ReadyToRun build's whole directory (its runtime and
# assemblies; no symbols or XML docs).
R[native,size_kb]=$(du -skL --apparent-size "$work/native/Exporter.Host" | cut -f1)
R[r2r,size_kb]=$(du -skL --apparent-size --exclude='*.pdb' --exclude='*.xml' --exclude='*.dbg' "$work/r2r/" | cut -f1)
R[node_exporter,size_kb]=$(du -skL --apparent-size "$(command -v "$NODE_EXPORTER")" | cut -f1)

native_port=$(free_port)
r2r_port=$(free_port)
ne_port=$(free_port)
"$work/native/Exporter.Host" --web.listen-address="127.0.0.1:$native_port" --log.level=warn >"$work/native.log" 2>&1 &
pids+=($!); native_pid=$!
"$work/r2r/Exporter.Host" --web.listen-address="127.0.0.1:$r2r_port" --log.level=warn >"$work/r2r.log" 2>&1 &
pids+=($!); r2r_pid=$!
"$NODE_EXPORTER" --web.listen-address="127.0.0.1:$ne_port" --log.level=warn >"$work/ne.log" 2>&1 &
pids+=($!); ne_pid=$!
wait_ready "http://127.0.0.1:$native_port/metrics"
wait_ready "http://127.0.0.1:$r2r_port/metrics"
wait_ready "http://127.0.0.1:$ne_port/metrics"

measure() { # name pid url
  local name=$1 pid=$2 url=$3 t0 t1 out
  echo "Measuring $name..." >&2
  for _ in $(seq 1 20); do curl -s -o /dev/null "$url"; done   # warm up
  R[$name,bytes]=$(curl -s "$url" | wc -c)
  R[$name,series]=$(curl -s "$url" | grep -vc '^#')
  sleep 5
  R[$name,rss_idle]=$(status_kb "$pid" VmRSS)

  # Single-scrape latency: median of sequential scrapes, one connection each.
  t0=$(ticks "$pid")
  for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n >"$work/lat"
  t1=$(ticks "$pid")
  R[$name,median_ms]=$(awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m * 1000 }' "$work/lat")
  R[$name,p90_ms]=$(awk '{ a[NR] = $1 } END { printf "%.2f", a[int(NR * 0.9)] * 1000 }' "$work/lat")
  R[$name,cpu_per_scrape_ms]=$(awk -v d=$((t1 - t0)) -v n="$SCRAPES" -v hz="$hz" 'BEGIN { printf "%.2f", d / hz * 1000 / n }')

  # Scraped once a second, as Prometheus with a 1 s interval would.
  t0=$(ticks "$pid")
  local start=$SECONDS
  for i in $(seq 1 "$IDLE_SECONDS"); do
    curl -s -o /dev/null "$url"
    while ((SECONDS - start < i)); do sleep 0.05; done
  done
  t1=$(ticks "$pid")
  R[$name,cpu_pct_1s]=$(awk -v d=$((t1 - t0)) -v s="$IDLE_SECONDS" -v hz="$hz" 'BEGIN { printf "%.2f", d / hz / s * 100 }')
  R[$name,rss_after_1s]=$(status_kb "$pid" VmRSS)

  local peak=0 c
  for c in 10 100; do
    # Sample VmRSS while wrk runs; VmHWM afterwards catches spikes between samples.
    ( while kill -0 "$pid" 2>/dev/null; do status_kb "$pid" VmRSS; sleep 0.2; done ) >"$work/rss.$c" &
    local sampler=$!
    wrk -t2 -c"$c" -d"$WRK_DURATION" --timeout 10s "$url" >"$work/wrk.$c" 2>&1
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    out=$(cat "$work/wrk.$c")
    R[$name,rps_$c]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    local total non2xx sock
    total=$(awk '/requests in/ { print $1 }' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
    sock=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
    R[$name,err_$c]="${non2xx:-0} non-2xx, ${sock:-0} socket / ${total}"
    local max
    max=$(sort -n "$work/rss.$c" | tail -1)
    ((max > peak)) && peak=$max
    sleep 2
  done
  R[$name,rss_peak]=$peak
  R[$name,hwm]=$(status_kb "$pid" VmHWM)
  sleep 10
  R[$name,rss_after_load]=$(status_kb "$pid" VmRSS)
}

measure native "$native_pid" "http://127.0.0.1:$native_port/metrics"
measure r2r "$r2r_pid" "http://127.0.0.1:$r2r_port/metrics"
measure node_exporter "$ne_pid" "http://127.0.0.1:$ne_port/metrics"

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
row() { # label key [unit-converter]
  local a=${R[native,$2]} r=${R[r2r,$2]} b=${R[node_exporter,$2]}
  if [ "${3:-}" = mb ]; then a=$(mb "$a"); r=$(mb "$r"); b=$(mb "$b"); fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$a" "$r" "$b" "$(ratio "$a" "$b")" "$(ratio "$r" "$b")"
}

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| | native | ReadyToRun | node_exporter 1.5 | native / node_exporter | ReadyToRun / node_exporter |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
row "binary size (MB)" size_kb mb
row "exec to first 200 on /metrics (ms, median of 10)" start_ms
row "series in one scrape" series
row "bytes in one scrape" bytes
row "single scrape, median (ms, $SCRAPES sequential)" median_ms
row "single scrape, p90 (ms)" p90_ms
row "CPU per scrape (ms)" cpu_per_scrape_ms
row "CPU, scraped every 1 s for ${IDLE_SECONDS} s (% of one core)" cpu_pct_1s
row "scrapes/s, 10 connections" rps_10
row "scrapes/s, 100 connections" rps_100
printf '| errors, 10 connections | %s | %s | %s | | |\n' "${R[native,err_10]}" "${R[r2r,err_10]}" "${R[node_exporter,err_10]}"
printf '| errors, 100 connections | %s | %s | %s | | |\n' "${R[native,err_100]}" "${R[r2r,err_100]}" "${R[node_exporter,err_100]}"
row "RSS idle (MB)" rss_idle mb
row "RSS after 1/s scraping (MB)" rss_after_1s mb
row "RSS peak under load, sampled (MB)" rss_peak mb
row "VmHWM at the end (MB)" hwm mb
row "RSS 10 s after the load (MB)" rss_after_load mb
