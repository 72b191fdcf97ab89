#!/usr/bin/env bash
# Installs the Debian package in a fresh Debian root (debootstrap, bookworm minbase) as a user's
# machine would get it, and tries it there:
#   - `apt-get install ./keuzekaart_*.deb` pulls in the declared dependencies and nothing fails;
#   - `keuzekaart --version` and `keuzekaart check` work from the command line (on PATH);
#   - the menu entry's Exec line, run as the desktop menu runs it, opens the window under Xvfb
#     and draws a frame; the icon is where the entry's Icon= looks for it;
#   - `apt-get purge keuzekaart` leaves none of the package's files behind.
# Usage: scripts/try-deb-install.sh [PACKAGE.deb]   (default: the newest in target/debian/)
# ROOT=dir reuses a root made before (debootstrap takes minutes). Needs root (chroot, mounts).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t "${CARGO_TARGET_DIR:-target}"/debian/keuzekaart_*.deb | head -1)}
root=${ROOT:-target/deb-root}
fail() { echo "MISLUKT: $*" >&2; exit 1; }

command -v debootstrap >/dev/null || apt-get install -y -qq --no-install-recommends debootstrap
if [ ! -f "$root/etc/debian_version" ]; then
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
trap 'umount "$root/proc" "$root/dev" 2>/dev/null || true' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

cp "$deb" "$root/tmp/keuzekaart.deb"
cp docs/voorbeeld-2021-2022.ron "$root/tmp/voorbeeld.ron"
in_root apt-get update -qq
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/keuzekaart.deb' \
    || fail "apt-get install van het pakket"
echo "installed: $(in_root dpkg-query -W -f '${Package} ${Version} (${Installed-Size} KiB)' keuzekaart)"
in_root keuzekaart --version
in_root keuzekaart check /tmp/voorbeeld.ron >/dev/null || fail "keuzekaart check"
echo "check: exit 0"

# From the menu: the desktop entry's command, as a menu starts it, under Xvfb.
entry=/usr/share/applications/nl.werkbedrijf.Keuzekaart.desktop
exec_line=$(sed -n 's/^Exec=//p' "$root$entry" | sed 's/ %f//')
icon=$(sed -n 's/^Icon=//p' "$root$entry")
ls "$root/usr/share/icons/hicolor/256x256/apps/$icon.png" >/dev/null || fail "geen pictogram $icon"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth libgl1-mesa-dri' >/dev/null
in_root sh -c "xvfb-run -a -s '-screen 0 1366x768x24' env LIBGL_ALWAYS_SOFTWARE=1 \
    KEUZEKAART_HOME=/tmp/kk-home KEUZEKAART_EXIT_AFTER_FIRST_FRAME=1 $exec_line" \
    || fail "de app startte niet vanuit het menu-item"
echo "menu entry: '$exec_line' opened the window and drew a frame"

files=$(in_root dpkg-query -L keuzekaart | grep -v '^/\.$')
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq keuzekaart' >/dev/null
left=0
for f in $files; do
    if [ -f "$root$f" ]; then echo "left behind: $f"; left=1; fi
done
[ "$left" -eq 0 ] || fail "bestanden bleven achter na purge"
in_root sh -c 'command -v keuzekaart' && fail "keuzekaart staat nog op het PATH"
echo "purged: none of the package's $(echo "$files" | wc -w) paths left"
