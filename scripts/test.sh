#!/usr/bin/env bash
# The README's test command. Installs what the tests need that a fresh Debian or Ubuntu machine
# lacks (with sudo when not run as root; nothing when all is there), then runs the whole suite:
#   gcc, pkg-config      C parts of dependencies (psm, alloca) and the window crates' build
#   libx11-dev, libgl1-mesa-dev   the window crates link against them
#   poppler-utils        the annex tests read the PDF back with pdftotext/pdfinfo, as a reader
#   xvfb, libgl1-mesa-dri, x11-utils   one test opens the real window (tests/it/home.rs)
#   mesa-vulkan-drivers, libvulkan1   lavapipe, the CPU Vulkan driver the image snapshots
#                        of the screens are rendered with (tests/it/ui_snapshots.rs)
#   libreoffice-calc-nogui   a real spreadsheet program opens the Excel export
#   e2fsprogs            chattr, for the test of a save into a read-only file
#   openssl, qpdf        the signing tests make their own certificate authority and check the
#                        signed PDF's structure (tests/it/pades.rs)
#   softhsm2, opensc     a PKCS#11 token of the test's own (SoftHSM2) and pkcs11-tool to put
#                        a certificate on it: signing with a key that never leaves a card
#   pyHanko (PyPI, pinned)   a second signature validator beside poppler's pdfsig
#   pikepdf (PyPI, pinned)   reads the annex's structure tree as a screen reader would (pdf_ua.rs)
#   iproute2, nftables   ip, tc and nft: the session tests make their own network namespaces,
#                        with a link that is slow, loses and drops packets (session_netns.rs)
#   avahi-daemon, avahi-utils, dbus   a client the project did not write finds a hosted
#                        session on the network (avahi-browse, session_discovery.rs)
# Extra arguments go to cargo test (`scripts/test.sh annex` runs the annex tests only).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-need.sh
if ! apt_need gcc libc6-dev pkg-config libx11-dev libgl1-mesa-dev poppler-utils e2fsprogs xvfb \
        libgl1-mesa-dri x11-utils mesa-vulkan-drivers libvulkan1 libreoffice-calc-nogui \
        openssl qpdf softhsm2 opensc iproute2 nftables avahi-daemon avahi-utils dbus; then
    echo "Not a Debian/Ubuntu machine: install poppler-utils, Xvfb and LibreOffice Calc yourself;" \
         "tests whose tool is missing say so." >&2
fi
if ! python3 -m pyhanko --version >/dev/null 2>&1 || ! python3 -c "import pikepdf" 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check "pyhanko==0.38.0" "pyhanko-cli==0.6.0" \
        "pikepdf==9.11.0"
fi
cargo --version
cargo test --locked "$@"
