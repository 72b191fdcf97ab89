#!/usr/bin/env bash
# Windows, for real, from Linux: cross-builds keuzekaart.exe (release, x86_64-pc-windows-gnu with
# mingw-w64), makes the installer with NSIS, installs it silently under Wine as an official's IT
# department would, and smoke-tests the installed program:
#   - the Start-menu entry and the uninstaller are there;
#   - `check` and `summary` on the example workbook print what the Linux build prints;
#   - `annex` writes a PDF that pdfinfo reads as 8 pages of PDF/A and qpdf --check accepts;
#   - the app's window opens on the example under Xvfb (screenshot in target/windows-smoke/);
#   - the silent uninstall removes the program, the entry and the uninstaller.
# Exits non-zero on any failure. Not part of .ci/run (the cross-build takes tens of minutes);
# run it before a change to platform code lands. Installs what it needs (apt, rustup target).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/target/windows-smoke"
rm -rf "$out"
mkdir -p "$out"
step() { printf '\n== %s\n' "$*"; }
fail() { echo "MISLUKT: $*" >&2; exit 1; }

step "tools"
source scripts/apt-need.sh
apt_need gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wine wine64 nsis xvfb libgl1-mesa-dri \
    x11-utils imagemagick poppler-utils qpdf
rustup target add x86_64-pc-windows-gnu >/dev/null

step "cross-build"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
started=$(date +%s)
cargo build --release --locked --target x86_64-pc-windows-gnu
echo "build: $(( $(date +%s) - started )) s"
exe="$root/target/x86_64-pc-windows-gnu/release/keuzekaart.exe"
ls -l "$exe"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

step "installer"
setup="$out/keuzekaart-$version-setup.exe"
makensis -V2 -DVERSION="$version" -DEXE="$exe" -DICON="$root/assets/icon/keuzekaart.ico" \
    -DOUTFILE="$setup" assets/windows/keuzekaart.nsi
ls -l "$setup"

step "Wine"
export WINEPREFIX="$out/wine" WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko download prompts in a fresh prefix.
export WINEDLLOVERRIDES="mscoree,mshtml="
display=""
for n in $(seq 70 99); do
    [ -e "/tmp/.X11-unix/X$n" ] && continue
    display=":$n"; break
done
[ -n "$display" ] || fail "geen vrij X-display"
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
wineboot --init >/dev/null 2>&1
wineserver -w
# Debian's Wine 8 lacks ProcessPrng, which Rust's std needs: a stand-in for this prefix only.
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives-standin.c

step "silent install"
wine "$setup" /S
wineserver -w
user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
installed="$user_dir/AppData/Local/Programs/Keuzekaart/keuzekaart.exe"
[ -f "$installed" ] || fail "keuzekaart.exe staat niet in %LOCALAPPDATA%\\Programs\\Keuzekaart"
link="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Keuzekaart.lnk"
[ -f "$link" ] || fail "geen snelkoppeling in het Start-menu"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Keuzekaart' /v UninstallString \
    | tr -d '\r' | grep -q uninstall.exe || fail "de verwijderaar staat niet onder Apps"
echo "installed: $installed"

step "command line"
example="$root/docs/voorbeeld-2021-2022.ron"
win_example=$(winepath -w "$example" 2>/dev/null)
linux_bin=${KEUZEKAART_LINUX_BIN:-}
for candidate in "$root/target/release/keuzekaart" "$root/target/debug/keuzekaart"; do
    [ -z "$linux_bin" ] && [ -x "$candidate" ] && linux_bin="$candidate"
done
wine "$installed" --version | tr -d '\r' | tee "$out/version.txt"
grep -q "keuzekaart $version" "$out/version.txt" || fail "--version"
for command in check summary; do
    status=0
    wine "$installed" "$command" "$win_example" > "$out/$command-windows.txt" 2>&1 || status=$?
    tr -d '\r' < "$out/$command-windows.txt" > "$out/$command-windows.lf.txt"
    echo "$command: exit $status, $(wc -l < "$out/$command-windows.lf.txt") lines"
    if [ -n "$linux_bin" ]; then
        linux_status=0
        "$linux_bin" "$command" "$example" > "$out/$command-linux.txt" 2>&1 || linux_status=$?
        [ "$status" -eq "$linux_status" ] || fail "$command: exit $status on Windows, $linux_status on Linux"
        # The file's path is printed as each system writes it; everything else must be equal.
        sed "s|$(printf '%s' "$win_example" | sed 's/[\\/&.]/\\&/g')|FILE|g" "$out/$command-windows.lf.txt" > "$out/a.txt"
        sed "s|$example|FILE|g" "$out/$command-linux.txt" > "$out/b.txt"
        diff -u "$out/b.txt" "$out/a.txt" || fail "$command: output differs from Linux"
        echo "$command: same output as $linux_bin"
    else
        echo "$command: no Linux binary to compare with (build one first); output checked for exit code only"
    fi
done
pdf="$out/bijlage.pdf"
wine "$installed" annex "$win_example" --out "$(winepath -w "$pdf")" | tr -d '\r'
pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 1 ] || fail "annex: geen leesbare PDF"
pdfinfo -meta "$pdf" 2>/dev/null | grep -q 'pdfaid:part' || fail "annex: geen PDF/A-kenmerk"
qpdf --check "$pdf" >/dev/null || fail "annex: qpdf --check"
if [ -n "$linux_bin" ]; then
    # The same document as the Linux build makes: the same pages with the same text.
    "$linux_bin" annex "$example" --out "$out/bijlage-linux.pdf" --overwrite >/dev/null
    pdftotext -layout "$pdf" "$out/bijlage-windows.txt"
    pdftotext -layout "$out/bijlage-linux.pdf" "$out/bijlage-linux.txt"
    diff -u "$out/bijlage-linux.txt" "$out/bijlage-windows.txt" || fail "annex: text differs from Linux"
    echo "annex: same text as the Linux build's, page for page"
fi
echo "annex: $pages pages, PDF/A, qpdf --check passes"

step "the app's window"
KEUZEKAART_HOME="$(winepath -w "$out/home")" wine "$installed" "$win_example" >/dev/null 2>&1 &
app=$!
window=""
for _ in $(seq 1 600); do
    window=$(xwininfo -root -tree 2>/dev/null | grep '"Keuzekaart' | awk '{print $1}' | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || fail "het venster ging niet open"
sleep 5
import -window root "$out/gui.png"
echo "window $window; screenshot $out/gui.png"
kill "$app" 2>/dev/null || true
app=""
wineserver -k || true

step "the app's own files on Windows (directories crate: %APPDATA%)"
# Started as from the Start menu (no KEUZEKAART_HOME), drawing one frame and closing as a user
# closes it: the window state must land in the roaming application data, nowhere else.
KEUZEKAART_EXIT_AFTER_FIRST_FRAME=1 wine "$installed" | tr -d '\r'
wineserver -w
find "$user_dir/AppData" -type f -newer "$setup" | grep -v -e '/Temp/' -e '/Programs/Keuzekaart/' \
    -e 'Start Menu' | sed "s|$user_dir/||" > "$out/app-files.txt"
cat "$out/app-files.txt"
grep -q "WerkBedrijf Rijk van Nijmegen/Keuzekaart/data/venster/app.ron" "$out/app-files.txt" \
    || fail "de vensterstand staat niet in %APPDATA%\\WerkBedrijf Rijk van Nijmegen\\Keuzekaart"
grep -v "WerkBedrijf Rijk van Nijmegen/Keuzekaart/" "$out/app-files.txt" \
    && fail "de app schreef buiten zijn eigen map"

step "silent uninstall"
wine "$user_dir/AppData/Local/Programs/Keuzekaart/uninstall.exe" /S
wineserver -w
sleep 2
[ ! -e "$installed" ] || fail "keuzekaart.exe staat er na verwijderen nog"
[ ! -e "$link" ] || fail "de snelkoppeling staat er na verwijderen nog"
echo "uninstalled cleanly"
printf '\nWindows smoke test: all passed (installer %s, %s bytes)\n' "$setup" "$(stat -c %s "$setup")"
