#!/usr/bin/env bash
# Push mode's cost, measured on loopback against a real VictoriaMetrics:
#  1. CPU beyond collecting: two hosts run side by side for the same window with the default
#     collectors every 5 s. One is scraped by curl every 5 s (collecting only); the other pushes
#     every 5 s through its on-disk queue (collecting + encoding, snappy, fsync, HTTP). The
#     difference in CPU time, as % of one core, is what pushing costs.
#  2. Replay of a 1-hour backlog: a host with its receiver down queues 720 collections of the
#     default collectors (one hour at 5 s; made quickly at 100 ms), is stopped, then started again
#     with the receiver up; the time until its queue is empty is the replay.
#
#   scripts/bench-push.sh                          # full run (about 5 minutes)
#   BENCH_PUSH_SECONDS=60 scripts/bench-push.sh    # shorter CPU window
#   BENCH_PUSH_HOST=src/Exporter.Host/bin/Release/net10.0/Exporter.Host scripts/bench-push.sh   # skip publishing
#
# Every loop is bounded; traffic goes to 127.0.0.1 only. Needs: dotnet, victoria-metrics, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_WINDOW=${BENCH_PUSH_SECONDS:-180}
BACKLOG=${BENCH_PUSH_BACKLOG:-720}

for tool in dotnet victoria-metrics curl; do
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

if [ -n "${BENCH_PUSH_HOST:-}" ]; then
  host=$BENCH_PUSH_HOST # an already built host, e.g. src/Exporter.Host/bin/Release/net10.0/Exporter.Host
else
  echo "Publishing the host (Release: self-contained, ReadyToRun, trimmed, as shipped)..." >&2
  dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$work/host" -nologo -v quiet >&2
  host="$work/host/Exporter.Host"
fi

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "error: no free port found" >&2; exit 1
}
wait_ready() { # url
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "error: $1 did not answer" >&2; return 1
}
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
metric() { # port name → value of the first sample, as an integer
  curl -sf "http://127.0.0.1:$1/metrics" | awk -v n="$2" '!found && ($1 == n || index($1, n "{") == 1) { found = $2 } END { printf "%d\n", found }'
}
hz=$(getconf CLK_TCK)

vm_port=$(free_port)
start_vm() {
  victoria-metrics -httpListenAddr="127.0.0.1:$vm_port" -storageDataPath="$work/vm" >"$work/vm.log" 2>&1 &
  vm_pid=$!
  pids+=("$vm_pid")
  wait_ready "http://127.0.0.1:$vm_port/health" || { tail -5 "$work/vm.log" >&2; exit 1; }
}
start_vm
url="http://127.0.0.1:$vm_port/api/v1/write"

# 1. CPU beyond collecting.
scraped_port=$(free_port)
"$host" --web.listen-address="127.0.0.1:$scraped_port" >"$work/scraped.log" 2>&1 &
scraped=$!; pids+=("$scraped")
pushing_port=$(free_port)
"$host" --web.listen-address="127.0.0.1:$pushing_port" --push.url="$url" --push.interval=5s \
  --push.buffer.path="$work/queue-cpu" >"$work/pushing.log" 2>&1 &
pushing=$!; pids+=("$pushing")
wait_ready "http://127.0.0.1:$scraped_port/-/ready"
wait_ready "http://127.0.0.1:$pushing_port/-/ready"
sleep 10 # start-up (JIT, first collections) is not part of the steady state

echo "Measuring CPU for ${SECONDS_WINDOW} s..." >&2
scraped_start=$(ticks "$scraped"); pushing_start=$(ticks "$pushing")
sent_start=$(metric "$pushing_port" exporter_push_samples_sent_total)
for _ in $(seq 1 $((SECONDS_WINDOW / 5))); do
  curl -sf -o /dev/null "http://127.0.0.1:$scraped_port/metrics"
  sleep 5
done
scraped_cpu=$(( $(ticks "$scraped") - scraped_start )); pushing_cpu=$(( $(ticks "$pushing") - pushing_start ))
sent=$(awk -v a="$(metric "$pushing_port" exporter_push_samples_sent_total)" -v b="$sent_start" 'BEGIN { print a - b }')
kill "$scraped" "$pushing"; wait "$scraped" "$pushing" 2>/dev/null || true
# Printed now as well, so a failure in the backlog phase does not lose them.
awk -v s="$scraped_cpu" -v p="$pushing_cpu" -v hz="$hz" -v w="$SECONDS_WINDOW" 'BEGIN {
  printf "CPU: scraped %.2f%%, pushing %.2f%%, beyond collecting %.2f%% of a core\n", 100 * s / hz / w, 100 * p / hz / w, 100 * (p - s) / hz / w }' >&2

# 2. Replay of a backlog.
stop_vm() { kill "$vm_pid"; wait "$vm_pid" 2>/dev/null || true; }
stop_vm
queue="$work/queue-backlog"
backlog_port=$(free_port)
"$host" --web.listen-address="127.0.0.1:$backlog_port" --push.url="$url" --push.interval=100ms \
  --push.buffer.path="$queue" >"$work/backlog.log" 2>&1 &
filler=$!; pids+=("$filler")
wait_ready "http://127.0.0.1:$backlog_port/-/ready"
echo "Queueing $BACKLOG collections with the receiver down..." >&2
for _ in $(seq 1 6000); do
  queued=$(metric "$backlog_port" exporter_push_queue_collections || echo 0)
  [ "$queued" -ge "$BACKLOG" ] && break
  sleep 0.2
done
kill "$filler"; wait "$filler" 2>/dev/null || true
queue_mb=$(du -sm "$queue" | cut -f1)
start_vm
started=$(date +%s.%N)
"$host" --web.listen-address="127.0.0.1:$backlog_port" --push.url="$url" --push.interval=5s \
  --push.buffer.path="$queue" >"$work/replay.log" 2>&1 &
replayer=$!; pids+=("$replayer")
wait_ready "http://127.0.0.1:$backlog_port/-/ready"
for _ in $(seq 1 3000); do
  left=$(metric "$backlog_port" exporter_push_queue_collections || echo 1)
  [ "$left" -eq 0 ] && break
  sleep 0.1
done
replay=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
replayed=$(metric "$backlog_port" exporter_push_samples_sent_total)

awk -v s="$scraped_cpu" -v p="$pushing_cpu" -v hz="$hz" -v w="$SECONDS_WINDOW" -v sent="$sent" \
    -v q="$queued" -v mb="$queue_mb" -v r="$replay" -v rs="$replayed" 'BEGIN {
  printf "| measurement | value |\n| --- | --- |\n"
  printf "| CPU, collecting every 5 s (scraped) | %.2f%% of a core |\n", 100 * s / hz / w
  printf "| CPU, collecting and pushing every 5 s (disk queue) | %.2f%% of a core |\n", 100 * p / hz / w
  printf "| pushing beyond collecting | %.2f%% of a core (%d samples sent in %d s) |\n", 100 * (p - s) / hz / w, sent, w
  printf "| backlog replay: %d collections, %d MB queued | %s s from start to empty queue (%d samples) |\n", q, mb, r, rs
}'
