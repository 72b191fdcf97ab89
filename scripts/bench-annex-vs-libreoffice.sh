#!/usr/bin/env bash
# Times the annex export against what offices do today: LibreOffice (headless) converting a
# document with the same content to PDF. Both from a cold process start, medians by hyperfine.
# Usage: scripts/bench-annex-vs-libreoffice.sh [WORKBOOK.ron]   (installs what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
workbook=${1:-docs/voorbeeld-2021-2022.ron}
export DEBIAN_FRONTEND=noninteractive
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; fi

cargo build --release --quiet --bin keuzekaart --example annex_html
work=$(mktemp -d)
target/release/examples/annex_html "$workbook" > "$work/bijlage.html"
export HOME="$work/home"   # a fresh LibreOffice profile, made once below
soffice --headless --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir "$work" "$work/bijlage.html" >/dev/null 2>&1
soffice --headless --convert-to docx --outdir "$work" "$work/bijlage.odt" >/dev/null 2>&1
ls -l "$work"

hyperfine --warmup 2 --runs ${RUNS:-10} --export-markdown "$work/annex.md" \
  -n "keuzekaart annex (Typst, PDF/A-2b)" "target/release/keuzekaart annex $workbook --out $work/keuzekaart.pdf --force --overwrite" \
  -n "LibreOffice ODT -> PDF" "soffice --headless --convert-to pdf --outdir $work/lo $work/bijlage.odt" \
  -n "LibreOffice DOCX -> PDF" "soffice --headless --convert-to pdf --outdir $work/lo $work/bijlage.docx"
cat "$work/annex.md"
