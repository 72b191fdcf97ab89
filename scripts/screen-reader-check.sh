#!/usr/bin/env bash
# Starts Keuzekaart under Xvfb with the Linux screen-reader stack (AT-SPI, the bus Orca reads),
# and prints the app's accessibility tree as a screen reader gets it, with a summary.
# Usage: [KEUZEKAART_BIN=target/debug/keuzekaart] [CLICK=x,y] scripts/screen-reader-check.sh [app arguments...]
# With CLICK it then clicks there and prints what the app announces (a refusal, for one); with
# VIEW=x,y it first clicks there (a view in the menu bar) and reads that screen.
# Needs: apt-get install xvfb libgl1-mesa-dri at-spi2-core dbus-x11 python3-pyatspi
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${KEUZEKAART_BIN:-target/release/keuzekaart}
exec dbus-run-session -- bash -c '
    set -euo pipefail
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
    xvfb=$!
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
    bus=$!
    sleep 1
    # Tell applications a screen reader is running, as Orca does when it starts.
    busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true || true
    busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status ScreenReaderEnabled b true || true
    home=$(mktemp -d)
    DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 KEUZEKAART_HOME=$home "$0" "$@" &
    app=$!
    trap "kill $app $bus $xvfb 2>/dev/null || true" EXIT
    sleep 4
    if [ -n "${VIEW:-}" ]; then
        DISPLAY=$display xdotool mousemove "${VIEW%,*}" "${VIEW#*,}" click 1
        sleep 1
    fi
    DISPLAY=$display /usr/bin/python3 scripts/atspi-dump.py keuzekaart ${CLICK:-}
' "$bin" "$@"
