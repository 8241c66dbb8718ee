#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing (Debian 12), builds, runs
# every test. Under CI=true a tool that cannot be installed fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real peers the tests run: Prometheus, Alertmanager and node_exporter to compare with, Redis,
# PostgreSQL and a Docker engine for the collectors, VictoriaMetrics as the long-term store,
# docker-compose to validate the stack file, wrk and hyperfine for the benchmark script.
packages=(prometheus prometheus-alertmanager prometheus-node-exporter victoria-metrics redis-server postgresql
          docker.io busybox-static docker-compose wrk hyperfine curl procps iproute2)

# The web configuration tests (--web.config.file) check bcrypt hashes made by htpasswd (apache2-utils)
# and Python's crypt (libxcrypt), and TLS with openssl s_client.
packages+=(apache2-utils python3 openssl)

# The MongoDB tests check our BSON codec and their MongoDB responder against MongoDB's official
# JavaScript libraries (js-bson, the Node.js driver), which they install with npm.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; }; then
    echo "error: could not install ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is needed (https://dot.net)" >&2
  exit 1
fi

dotnet build Exporter.sln -c Release -warnaserror -nologo -v quiet

log=$(mktemp)
published=$(mktemp -d)
trap 'rm -rf "$log" "$published"' EXIT
status=0
dotnet test Exporter.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# The build users run is the published one (self-contained, ReadyToRun, trimmed): the end-to-end
# and integration tests run again against that binary, so trimming can never break a feature unseen.
dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$published" -nologo -v quiet
chmod 755 "$published" # one test runs the host as an unprivileged user
EXPORTER_HOST_BINARY="$published/Exporter.Host" dotnet test Exporter.sln -c Release --no-build --nologo \
  --filter "FullyQualifiedName~Exporter.IntegrationTests|FullyQualifiedName~EndToEndGoldenTests" 2>&1 | tee -a "$log" || status=$?

# One closing line for whoever reads the log: the totals over all test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "error: no test ran" >&2
  exit 1
fi
exit "$status"
