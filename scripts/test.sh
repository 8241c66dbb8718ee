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

# Wine (Debian's wine64, 8.0: the loader is /usr/lib/wine/wine64) runs the Windows build of the host.
packages+=(wine64)

# The Prometheus Python client's text-format parser reads node_exporter's side of a comparison, so
# our own parser is not the only judge (TextfileSideBySideTests).
packages+=(python3-prometheus-client)

# The status page's tests drive Debian's headless Chromium through its chromedriver.
packages+=(chromium chromium-driver)

# The host is published as a NativeAOT binary (clang links it, against zlib); the package tests
# build a .deb (dpkg-deb) and check the systemd unit with systemd-analyze.
packages+=(clang zlib1g-dev systemd)

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

# The NuGet packages and their dependency graphs: Exporter.Core brings no database or Docker client.
packages_dir=$(mktemp -d)
scripts/check-packages.sh "$packages_dir" || { rm -rf "$packages_dir"; exit 1; }
rm -rf "$packages_dir"

log=$(mktemp)
published=$(mktemp -d)
windows=$(mktemp -d)
results=$(mktemp -d)
trap 'rm -rf "$log" "$published" "$windows" "$results"' EXIT

# Other systems: the Windows build (self-contained, ReadyToRun; NativeAOT cannot compile for Windows
# here) runs under Wine in tests/Exporter.IntegrationTests/Windows; the macOS builds are compiled
# only, nothing here can run them.
dotnet publish src/Exporter.Host -c Release -r win-x64 -o "$windows" -nologo -v quiet
export EXPORTER_WINDOWS_BINARY="$windows/Exporter.Host.exe"
for rid in osx-x64 osx-arm64; do
  dotnet build src/Exporter.Host -c Release -r "$rid" -warnaserror -nologo -v quiet
done
status=0

# Every run also writes a TRX file: the closing summary reads each skipped test's reason from it.
report=(--logger trx --results-directory "$results")

# The machine-wide comparisons with node_exporter (process, thread and socket counts) run alone:
# dotnet test runs the solution's test assemblies at the same time, so they get an invocation of
# their own, after everything else (Category=MachineWide; MachineWideCollection.cs says why).
alone="Category=MachineWide"
dotnet test Exporter.sln -c Release --no-build --nologo "${report[@]}" --filter "Category!=MachineWide&FullyQualifiedName!~Exporter.IntegrationTests.Packaging" 2>&1 | tee "$log" || status=$?
dotnet test tests/Exporter.IntegrationTests -c Release --no-build --nologo "${report[@]}" --filter "$alone" 2>&1 | tee -a "$log" || status=$?

# The build users run is the published one, a NativeAOT binary: the end-to-end and integration
# tests run again against it, so trimming or native compilation can never break a feature unseen,
# and the package tests build a .deb of it, install it and run it.
dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$published" -nologo -v quiet
export EXPORTER_HOST_BINARY="$published/Exporter.Host"
dotnet test Exporter.sln -c Release --no-build --nologo "${report[@]}" \
  --filter "(FullyQualifiedName~Exporter.IntegrationTests|FullyQualifiedName~EndToEndGoldenTests)&Category!=MachineWide&FullyQualifiedName!~Exporter.IntegrationTests.Windows" 2>&1 | tee -a "$log" || status=$?
dotnet test tests/Exporter.IntegrationTests -c Release --no-build --nologo "${report[@]}" --filter "$alone" 2>&1 | tee -a "$log" || status=$?
unset EXPORTER_HOST_BINARY

# One closing line for whoever reads the log: the totals over all test assemblies and runs, and
# each skipped test with its reason (a skip is never silent).
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$skipped" -gt 0 ]; then
  echo "Skipped (with the reason each test gave):"
  awk '/<UnitTestResult .*outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); pending = 1 }
       pending && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "  " name ": " $0; pending = 0 }' "$results"/*.trx |
    sed "s/&apos;/'/g; s/&quot;/\"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g"
fi
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "error: no test ran" >&2
  exit 1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
exit "$status"
