#!/usr/bin/env bash
# Builds the Debian package of the app with cargo-deb and checks it as Debian would:
# the desktop entry and the AppStream metainfo validated, `dpkg-deb --info` reads the package,
# and lintian finds no errors (warnings are printed, not fatal). Prints the package's path last.
# .ci/run calls this after the tests. Installs what it needs (apt packages, cargo-deb).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-need.sh
apt_need dpkg-dev lintian desktop-file-utils appstream
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --version '^3'

desktop-file-validate assets/linux/nl.werkbedrijf.Keuzekaart.desktop
appstreamcli validate --no-net assets/linux/nl.werkbedrijf.Keuzekaart.metainfo.xml

cargo deb --locked
deb=$(ls -t "${CARGO_TARGET_DIR:-target}"/debian/keuzekaart_*.deb | head -1)
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
status=0
lintian --fail-on error --tag-display-limit 0 "$deb" || status=$?
[ "$status" -eq 0 ] || { echo "lintian found errors in $deb" >&2; exit 1; }
echo "$deb"
