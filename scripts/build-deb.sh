#!/usr/bin/env bash
# Builds a Debian package of the native host, installable like Debian's prometheus-node-exporter:
#
#   /usr/lib/exporter/Exporter.Host   the NativeAOT binary, with its appsettings.json beside it
#   /usr/bin/exporter                 a link to it
#   /lib/systemd/system/exporter.service   the sandboxed unit (packaging/systemd)
#   /etc/default/exporter             ARGS="..." for the unit (a conffile: kept on upgrade)
#   /usr/share/man/man1/exporter.1.gz the --help text as a man page
#
#   scripts/build-deb.sh [OUTPUT_DIR]      # publishes (dotnet publish -r linux-x64) and packages
#   EXPORTER_PUBLISHED=DIR scripts/build-deb.sh OUT   # packages an already published native build
#
# Prints the path of the .deb. Needs dpkg-deb (dpkg) and gzip; clang and zlib1g-dev to publish.
# The binary links glibc only; OpenSSL is loaded when TLS is used (Docker over tcp, databases).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${1:-artifacts}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

published=${EXPORTER_PUBLISHED:-}
if [ -z "$published" ]; then
  published=$work/publish
  dotnet publish src/Exporter.Host -c Release -r linux-x64 -o "$published" -nologo -v quiet >&2
fi
binary=$published/Exporter.Host
if ! head -c 4 "$binary" | grep -q ELF || [ -e "$published/Exporter.Host.dll" ]; then
  echo "error: $binary is not a native (NativeAOT) build" >&2
  exit 1
fi

version=$(grep -oPm1 '(?<=<Version>)[^<]+' Directory.Build.props)
arch=$(dpkg --print-architecture)
root=$work/root
install -d "$root/DEBIAN" "$root/usr/lib/exporter" "$root/usr/bin" "$root/lib/systemd/system" \
  "$root/etc/default" "$root/usr/share/man/man1" "$root/usr/share/doc/exporter"

# The binary without its debugging symbols (Exporter.Host.dbg stays out of the package).
install -m 755 "$binary" "$root/usr/lib/exporter/Exporter.Host"
install -m 644 src/Exporter.Host/appsettings.json "$root/usr/lib/exporter/appsettings.json"
ln -s ../lib/exporter/Exporter.Host "$root/usr/bin/exporter"
install -m 644 packaging/systemd/exporter.service "$root/lib/systemd/system/exporter.service"
install -m 644 packaging/deb/default "$root/etc/default/exporter"
install -m 644 README.md "$root/usr/share/doc/exporter/README.md"

# The man page is the --help text, as the binary prints it (so it lists this build's collectors).
{
  echo ".TH EXPORTER 1 \"\" \"exporter $version\" \"User Commands\""
  echo ".SH NAME"
  echo "exporter \\- Prometheus exporter for host, container and database metrics"
  echo ".SH DESCRIPTION"
  echo ".nf"
  "$binary" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^usage: Exporter.Host/usage: exporter/"
  echo ".fi"
  echo ".SH FILES"
  echo "/etc/default/exporter (ARGS for the systemd unit), /usr/lib/exporter/appsettings.json"
  echo ".SH SEE ALSO"
  echo "/usr/share/doc/exporter/README.md"
} | gzip -9n >"$root/usr/share/man/man1/exporter.1.gz"

for script in postinst prerm postrm; do
  install -m 755 "packaging/deb/$script" "$root/DEBIAN/$script"
done
echo /etc/default/exporter >"$root/DEBIAN/conffiles"
cat >"$root/DEBIAN/control" <<EOF
Package: exporter
Version: $version
Architecture: $arch
Maintainer: Exporter maintainers <exporter@localhost>
Section: net
Priority: optional
Depends: libc6, libssl3 | libssl1.1
Installed-Size: $(du -sk "$root" | cut -f1)
Description: Prometheus exporter for host, container and database metrics
 One native binary serving /metrics with node_exporter's names for the host,
 cAdvisor's for Docker containers and the database exporters' for PostgreSQL,
 Redis and MongoDB. Runs as a sandboxed systemd service.
EOF

deb=$out/exporter_${version}_${arch}.deb
dpkg-deb --root-owner-group --build "$root" "$deb" >&2
echo "$deb"
