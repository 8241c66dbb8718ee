#!/usr/bin/env bash
# Cost of the procgroups and processes collectors with many processes running: starts N `sleep`
# processes (default 2000), then times scrapes of three hosts on the same machine: the default
# collectors, the defaults + --collector.procgroups, the defaults + --collector.processes.
# Everything it starts is stopped by PID on exit. Usage: scripts/bench-procgroups.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
runs=${2:-30}

dotnet build src/Exporter.Host -c Release -nologo -v quiet >/dev/null
dll=src/Exporter.Host/bin/Release/net10.0/Exporter.Host.dll

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq "$count"); do
  sleep 600 &
  pids+=($!)
done
echo "processes on the machine: $(ls -d /proc/[0-9]* | wc -l) (of which $count sleep)"

declare -A ports=([default]=19871 [procgroups]=19872 [processes]=19873)
dotnet "$dll" --web.listen-address=127.0.0.1:${ports[default]} >/dev/null 2>&1 &
pids+=($!)
dotnet "$dll" --web.listen-address=127.0.0.1:${ports[procgroups]} --collector.procgroups >/dev/null 2>&1 &
pids+=($!)
dotnet "$dll" --web.listen-address=127.0.0.1:${ports[processes]} --collector.processes >/dev/null 2>&1 &
pids+=($!)
for port in "${ports[@]}"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.1; done
done

hyperfine -N --warmup 3 --runs "$runs" --export-json /tmp/bench-procgroups.json \
  -n "default collectors" "curl -sf -o /dev/null http://127.0.0.1:${ports[default]}/metrics" \
  -n "default + procgroups" "curl -sf -o /dev/null http://127.0.0.1:${ports[procgroups]}/metrics" \
  -n "default + processes" "curl -sf -o /dev/null http://127.0.0.1:${ports[processes]}/metrics" >/dev/null
jq -r '.results[] | "scrape, \(.command): median \(.median * 1000 * 10 | floor / 10) ms"' /tmp/bench-procgroups.json

# Each collector's own time, as the scraper measured it: the median over RUNS scrapes.
for collector in procgroups processes; do
  for _ in $(seq "$runs"); do
    curl -sf "http://127.0.0.1:${ports[$collector]}/metrics" | grep "^node_scrape_collector_duration_seconds{collector=\"$collector\"}" | cut -d' ' -f2
  done | sort -g | awk -v c="$collector" '{v[NR]=$1} END {printf "%s collector alone: median %.1f ms\n", c, v[int((NR+1)/2)]*1000}'
done

for name in default procgroups; do
  curl -sf "http://127.0.0.1:${ports[$name]}/metrics" | awk -v n="$name" '
    /^namedprocess_namegroup_num_procs/ {groups++}
    /^process_resident_memory_bytes/ {rss=$2}
    !/^#/ {samples++}
    END {printf "host %s: %d samples, %d process groups, RSS %.0f MB\n", n, samples, groups, rss/1048576}'
done
