#!/usr/bin/env bash
# Renders the app icon (assets/icon/keuzekaart.svg) to the PNG sizes the Linux package installs,
# the 256 px PNG the window shows, and the Windows .ico. The outputs are committed, so building
# the app needs none of these tools; run this again after changing the SVG.
# Needs: apt-get install librsvg2-bin icoutils
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
for size in 16 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" keuzekaart.svg -o "keuzekaart-$size.png"
done
icotool -c -o keuzekaart.ico keuzekaart-16.png keuzekaart-24.png keuzekaart-32.png \
    keuzekaart-48.png keuzekaart-64.png -r keuzekaart-256.png
# Only the sizes something uses are kept: the package's (32, 48, 64, 128, 256) and the window's.
rm -f keuzekaart-16.png keuzekaart-24.png
ls -l
