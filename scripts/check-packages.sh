#!/usr/bin/env bash
# Packs every library (dotnet pack Exporter.sln) and checks each package's dependency graph: an app
# that references only Exporter.Core restores no database or Docker client, and each integration
# brings only its own client. Usage: scripts/check-packages.sh [output-dir] (after a Release build).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/packages}
mkdir -p "$out"
dotnet pack Exporter.sln -c Release --no-build -o "$out" -nologo -v quiet

status=0
# package -> dependency ids it may have (anything else is an error)
check() {
  local id=$1; shift
  local nupkg="$out/$id.0.1.0.nupkg"
  [ -f "$nupkg" ] || { echo "error: $nupkg was not produced" >&2; status=1; return; }
  local deps
  deps=$(python3 -c 'import re, sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(" ".join(sorted(set(re.findall(r"<dependency id=\"([^\"]+)\"", z.read(sys.argv[2]).decode())))))' "$nupkg" "$id.nuspec")
  for dep in $deps; do
    local allowed=0
    for ok in "$@"; do [ "$dep" = "$ok" ] && allowed=1; done
    if [ "$allowed" -eq 0 ]; then
      echo "error: $id depends on $dep" >&2
      status=1
    fi
  done
  echo "$id: ${deps:-no package dependencies}"
}

check Exporter.Core
check Exporter.Docker Exporter.Core Docker.DotNet.Enhanced Docker.DotNet.Enhanced.X509
check Exporter.Databases Exporter.Core
check Exporter.Databases.Postgres Exporter.Databases Npgsql
check Exporter.Databases.Redis Exporter.Databases
check Exporter.Databases.MongoDb Exporter.Databases MongoDB.Driver
exit "$status"
