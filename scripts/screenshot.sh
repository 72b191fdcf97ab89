#!/usr/bin/env bash
# Takes a screenshot of the real app window under Xvfb.
# Usage: [CLICKS="x,y ..."] [KEYS="F11 ..."] scripts/screenshot.sh WIDTHxHEIGHT OUT.png [app arguments...]
# Needs: apt-get install xvfb libgl1-mesa-dri x11-apps imagemagick xdotool
set -euo pipefail
size=$1; out=$2; shift 2
width=${size%x*}; height=${size#*x}
bin=${KEUZEKAART_BIN:-target/release/keuzekaart}
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 "${width}x${height}x24" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
# A fresh settings folder, so the screenshot does not depend on earlier runs.
export XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 "$bin" "$@" &
app=$!
# Wait for the window, then make it fill the screen.
for _ in $(seq 1 50); do
    win=$(DISPLAY=$display xdotool search --name Keuzekaart 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.2
done
[ -n "${win:-}" ] && DISPLAY=$display xdotool windowmove "$win" 0 0 windowsize "$win" "$width" "$height" || true
# The pointer rests in the bottom-right corner (the status bar), so no tooltip covers the shot.
DISPLAY=$display xdotool mousemove "$((width - 2))" "$((height - 2))" || true
sleep "${SETTLE:-3}"
# Optional clicks before the shot, e.g. CLICKS="237,12 100,120" to open a view or a gemeente.
for click in ${CLICKS:-}; do
    DISPLAY=$display xdotool mousemove "${click%,*}" "${click#*,}" click 1
    sleep 1
done
# Optional keys after the clicks, e.g. KEYS="F11 Right" for presentation mode on the next gemeente.
for key in ${KEYS:-}; do
    [ -n "${win:-}" ] && DISPLAY=$display xdotool windowfocus --sync "$win" || true
    DISPLAY=$display xdotool key "$key"
    sleep 1
done
DISPLAY=$display xwd -root -silent | /usr/bin/convert xwd:- "png:$out"
echo "$out"
