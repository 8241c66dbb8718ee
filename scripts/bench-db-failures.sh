#!/usr/bin/env bash
# Failing database targets over many scrapes, per client (own RESP client and StackExchange.Redis for
# Redis; Npgsql; MongoDB.Driver): up 0 within the target's timeout, connection attempts (counted on
# loopback with a raw socket), threads and memory before and after; then three healthy targets left
# idle. Starts a Redis 7 (requirepass) and a PostgreSQL 15 on free ports with temporary directories,
# stops them on exit. Usage: sudo scripts/bench-db-failures.sh [scrapes=1000] [clients=redis-own,...]
# (BENCH_ARGS passes more options to the tool, e.g. "--cases refused,silent --idle-seconds 5".)
# Needs root (the raw socket; PostgreSQL runs as the postgres user), redis-server, postgresql-15, python3.
# See docs/dependencies.md for the figures and what they decided.
set -euo pipefail
cd "$(dirname "$0")/.."
scrapes=${1:-1000}
clients=${2:-redis-own,redis-se,redis-se-kept,postgres,mongodb}
[ "$(id -u)" = 0 ] || { echo "error: run as root (a raw socket counts connection attempts)" >&2; exit 1; }
pg_bin=/usr/lib/postgresql/15/bin
for tool in redis-server "$pg_bin/initdb" "$pg_bin/postgres" python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install redis-server postgresql-15 python3)" >&2; exit 1; }
done

D=$(mktemp -d /tmp/exporter-bench-db.XXXXXX)
chmod 755 "$D"
redis_pid=""
pg_pid=""
cleanup() {
  set +e
  [ -n "$redis_pid" ] && kill "$redis_pid" && wait "$redis_pid" 2>/dev/null
  if [ -n "$pg_pid" ]; then
    kill -INT "$pg_pid"
    for _ in $(seq 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$D"
  true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 150); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$1),1)" 2>/dev/null && return 0; sleep 0.2; done; return 1; }

redis_password="bench-Redis-$RANDOM$RANDOM"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --requirepass "$redis_password" --save '' --appendonly no \
  --dir "$D" --logfile "$D/redis.log" &
redis_pid=$!
wait_port "$redis_port" || { echo "error: redis-server did not start" >&2; cat "$D/redis.log" >&2; exit 1; }

pg_password="bench-Pg-$RANDOM$RANDOM"
pg_port=$(free_port)
mkdir -p "$D/pg"
printf '%s' "$pg_password" >"$D/pg/pwfile"
chown -R postgres:postgres "$D/pg"
runuser -u postgres -- "$pg_bin/initdb" -D "$D/pg/data" -U postgres -E UTF8 --no-sync --auth-local=trust \
  --auth-host=scram-sha-256 --pwfile "$D/pg/pwfile" >"$D/initdb.log"
runuser -u postgres -- "$pg_bin/postgres" -D "$D/pg/data" -p "$pg_port" -k "$D/pg" -c listen_addresses=127.0.0.1 \
  -c fsync=off >"$D/postgres.log" 2>&1 &
pg_pid=$!
wait_port "$pg_port" || { echo "error: postgres did not start" >&2; cat "$D/postgres.log" >&2; exit 1; }
for _ in $(seq 100); do
  runuser -u postgres -- psql -h "$D/pg" -p "$pg_port" -U postgres -qc 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2
done
# The monitoring role postgres_exporter's docs recommend.
runuser -u postgres -- psql -h "$D/pg" -p "$pg_port" -U postgres -qc \
  "CREATE ROLE exporter LOGIN PASSWORD '$pg_password' IN ROLE pg_monitor"
# Stopped by the postmaster's own PID (runuser's is the one $! gave).
pg_pid=$(head -1 "$D/pg/data/postmaster.pid")

dotnet build tests/Exporter.DatabaseFailureBench -c Release -nologo -v q >/dev/null
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "redis-server $(redis-server --version | grep -o 'v=[0-9.]*'), postgres $("$pg_bin/postgres" --version | awk '{print $3}')"
dotnet tests/Exporter.DatabaseFailureBench/bin/Release/net10.0/Exporter.DatabaseFailureBench.dll \
  --redis-port "$redis_port" --redis-password "$redis_password" \
  --postgres-port "$pg_port" --postgres-user exporter --postgres-password "$pg_password" \
  --scrapes "$scrapes" --clients "$clients" ${BENCH_ARGS:-}
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
