#!/usr/bin/env bash
# Tries the real native file dialog: the app under Xvfb in a D-Bus session with the GTK desktop
# portal, Bestand → Bijlage exporteren…, a path typed into the portal's dialog, Enter; then checks
# the PDF with pdfinfo. Screenshots: /tmp/bestandskiezer.png (the dialog), /tmp/na-opslaan.png.
# Needs: apt-get install xvfb libgl1-mesa-dri x11-apps imagemagick xdotool poppler-utils \
#        xdg-desktop-portal xdg-desktop-portal-gtk dbus dbus-x11
# Usage: scripts/try-file-dialog.sh   (KEUZEKAART_BIN=target/release/keuzekaart by default)
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ "${1:-}" != "--in-session" ]; then
    exec dbus-run-session -- "$0" --in-session
fi
bin=${KEUZEKAART_BIN:-target/release/keuzekaart}
out=/tmp/keuzekaart-portal-bijlage.pdf
rm -f "$out"
export DISPLAY=:$((90 + RANDOM % 100)) XDG_CURRENT_DESKTOP=GNOME LIBGL_ALWAYS_SOFTWARE=1
export KEUZEKAART_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill ${app:-} $xvfb 2>/dev/null || true' EXIT
sleep 1
/usr/libexec/xdg-desktop-portal-gtk >/dev/null 2>&1 &
sleep 1
/usr/libexec/xdg-desktop-portal -r >/dev/null 2>&1 &
sleep 2
"$bin" >/dev/null 2>&1 & app=$!
for _ in $(seq 1 50); do
    win=$(xdotool search --name Keuzekaart 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.2
done
xdotool windowmove "$win" 0 0 windowsize "$win" 1366 768
sleep 3
xdotool mousemove 28 12 click 1; sleep 1          # Bestand
xdotool mousemove 75 163 click 1; sleep 5         # Bijlage exporteren…
xwd -root -silent | convert xwd:- png:/tmp/bestandskiezer.png
xdotool key ctrl+a; xdotool type --delay 20 "$out"; sleep 1; xdotool key Return; sleep 6
xwd -root -silent | convert xwd:- png:/tmp/na-opslaan.png
pdfinfo "$out" | grep -E '^(Title|Pages):'
echo "De bijlage is via het systeemvenster geschreven: $out"
