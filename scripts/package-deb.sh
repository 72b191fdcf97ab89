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

# The binary's size: the trimmed crates of vendor/ must still be the ones built (after a
# Typst upgrade Cargo only warns that a patch went unused), and the binary must stay within the
# issue's 30 MB (28,98 MB on 24-11-2026; BENCHMARKS.md, "Release binary, within target").
for crate in hypher two-face hayagriva hayro-syntax typst-library; do
    awk -v name="$crate" '$0 == "name = \"" name "\"" {found = 1; next}
        found && /^source = / {exit 1} found && /^$/ {exit 0}' Cargo.lock ||
        { echo "$crate is built from crates.io, not from vendor/ (see vendor/README.md)" >&2; exit 1; }
done
binary="${CARGO_TARGET_DIR:-target}/release/keuzekaart"
bytes=$(stat -c %s "$binary")
echo "binary: $binary, $bytes bytes"
[ "$bytes" -le 30000000 ] || { echo "the binary grew beyond its budget of 30 MB" >&2; exit 1; }
deb=$(ls -t "${CARGO_TARGET_DIR:-target}"/debian/keuzekaart_*.deb | head -1)
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
status=0
lintian --fail-on error --tag-display-limit 0 "$deb" || status=$?
[ "$status" -eq 0 ] || { echo "lintian found errors in $deb" >&2; exit 1; }
echo "$deb"
