#!/usr/bin/env bash
# Start to first frame of the release binary under Xvfb, and resident memory after opening the
# bundled workbook. The app, started with KEUZEKAART_EXIT_AFTER_FIRST_FRAME=1, prints how long its
# first frame took from process start and then closes itself.
# Usage: scripts/bench-startup.sh   (installs what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
command -v Xvfb >/dev/null || need+=(xvfb libgl1-mesa-dri)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; fi

cargo build --release --quiet --bin keuzekaart
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 KEUZEKAART_EXIT_AFTER_FIRST_FRAME=1
export KEUZEKAART_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)

echo "First frame, as measured inside the app (ms from process start), 15 runs:"
for _ in $(seq 1 15); do target/release/keuzekaart 2>&1 | sed -n 's/^eerste frame na \([0-9.]*\) ms$/\1/p'; done | sort -n | awk '{a[NR]=$1} END {print "  median " a[int((NR+1)/2)] " ms, min " a[1] " ms, max " a[NR] " ms"}'

echo "Whole run (start, first frame, close) by hyperfine:"
hyperfine --warmup 2 --runs 15 -N "target/release/keuzekaart"

echo "Resident memory (max RSS) with the bundled workbook open:"
/usr/bin/time -v target/release/keuzekaart 2>&1 | sed -n 's/^\s*Maximum resident set size (kbytes): \(.*\)/  \1 kB/p'
