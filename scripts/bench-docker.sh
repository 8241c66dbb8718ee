#!/usr/bin/env bash
# Scrape time of the docker collector with many running containers, against a private dockerd
# (Debian's docker.io; see docs/docker.md). Usage: scripts/bench-docker.sh [containers=50]
# Needs root (dockerd), docker.io, busybox-static, hyperfine, curl, and a built host
# (dotnet build -c Release). Tears everything down on exit. EXPORTER_HOST_DLL runs another build of
# the host (e.g. a copy of an earlier one, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}

host_dll=${EXPORTER_HOST_DLL:-src/Exporter.Host/bin/Release/net10.0/Exporter.Host.dll}
[ -f "$host_dll" ] || host_dll=src/Exporter.Host/bin/Debug/net10.0/Exporter.Host.dll
[ -f "$host_dll" ] || { echo "error: build the host first: dotnet build -c Release" >&2; exit 1; }

D=$(mktemp -d /tmp/exporter-bench-docker.XXXXXX)
SOCK=$D/docker.sock
export DOCKER_HOST=unix://$SOCK
dockerd_pid=""
host_pid=""

cleanup() {
  set +e
  [ -n "$host_pid" ] && kill "$host_pid" && wait "$host_pid" 2>/dev/null
  if [ -n "$dockerd_pid" ]; then
    ids=$(docker ps -aq)
    [ -n "$ids" ] && docker rm -f $ids >/dev/null
    kill "$dockerd_pid"
    for _ in $(seq 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  awk -v d="$D/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l
  rm -rf "$D"
  for c in /sys/fs/cgroup/*/docker; do [ -d "$c" ] && rmdir "$c" 2>/dev/null; done
  true
}
trap cleanup EXIT

mkdir -p "$D/data" "$D/exec"
setsid dockerd --iptables=false --ip6tables=false --bridge=none --ip-forward=false --ip-masq=false \
  --storage-driver=vfs --host "unix://$SOCK" --data-root "$D/data" --exec-root "$D/exec" \
  --pidfile "$D/docker.pid" >"$D/dockerd.log" 2>&1 </dev/null &
dockerd_pid=$!
for _ in $(seq 150); do curl -sf --unix-socket "$SOCK" http://localhost/_ping >/dev/null && break; sleep 0.2; done

R=$D/rootfs; mkdir -p "$R/bin" "$R/tmp" "$R/proc" "$R/sys" "$R/dev" "$R/etc"; cp /bin/busybox "$R/bin/"
for a in sh sleep; do ln -sf busybox "$R/bin/$a"; done
tar -C "$R" -c . | docker import -c 'CMD ["/bin/sh"]' - local/busybox:latest >/dev/null

echo "starting $n containers..."
seq "$n" | xargs -P 8 -I{} docker run -d --init --network none --name "bench{}" local/busybox sleep 3600 >/dev/null
echo "running: $(docker ps -q | wc -l)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_host() {
  dotnet "$host_dll" --web.listen-address="127.0.0.1:$port" --collector.disable-defaults --collector.docker \
    --collector.docker.host="unix://$SOCK" "$@" >"$D/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.2; done
  sleep 5
  echo "  host idle, before the first scrape: $(awk '/^VmRSS/ {print $2 " kB resident"}' /proc/$host_pid/status)"
}
report() {
  local body; body=$(curl -sf "http://127.0.0.1:$port/metrics")
  echo "  docker_up: $(grep '^docker_up ' <<<"$body" | cut -d' ' -f2)," \
       "collector success: $(grep 'node_scrape_collector_success{collector="docker"}' <<<"$body" | cut -d' ' -f2)," \
       "duration: $(grep 'node_scrape_collector_duration_seconds{collector="docker"}' <<<"$body" | cut -d' ' -f2) s," \
       "containers with CPU stats: $(grep -c '^container_cpu_usage_seconds_total' <<<"$body")/$n"
}

echo "== default settings (max-parallel 64)"
start_host
report
hyperfine --warmup 1 --runs 10 --style basic --export-json "$D/scrapes.json" "curl -sf -o /dev/null http://127.0.0.1:$port/metrics"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("  median scrape: %.3f s over %d scrapes" % (r["median"], len(r["times"])))' "$D/scrapes.json"
report
echo "  host after the scrapes: $(awk '/^VmRSS/ {print $2 " kB resident"}' /proc/$host_pid/status), $(awk '/^Threads/ {print $2 " threads"}' /proc/$host_pid/status)"
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true

echo "== one stats call at a time (--collector.docker.max-parallel=1), for comparison"
start_host --collector.docker.max-parallel=1
report
