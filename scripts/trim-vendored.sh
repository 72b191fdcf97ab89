#!/usr/bin/env bash
# Makes the trimmed copies in vendor/ from the crates.io sources, so that what was changed is
# reproducible and can be reviewed (vendor/README.md says why). Typst pulls in these crates
# with all of their data and offers no feature to leave it out; the annex needs almost none of
# it. Each copy keeps the crate's API, so Typst compiles unchanged against it.
#
# Usage: scripts/trim-vendored.sh [REGISTRY_SRC]
#   REGISTRY_SRC: the folder holding the unpacked crates (default: the first of
#   ~/.cargo/registry/src/*). The originals are there once any build before the [patch] ran;
#   otherwise `cargo fetch` them in a scratch project first.
set -euo pipefail
cd "$(dirname "$0")/.."

registry="${1:-$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ | head -n 1)}"
fresh_copy() { # name-version
    local source="$registry/$1"
    [ -d "$source" ] || { echo "missing $source (cargo fetch it first)" >&2; exit 1; }
    rm -rf "vendor/$1"
    mkdir -p vendor
    cp -r "$source" "vendor/$1"
    rm -f "vendor/$1/.cargo-ok"
}

# hypher: hyphenation patterns for 40 languages (1,2 MB). The annex is Dutch; English is kept
# for text a template marks as English. Other languages are then not hyphenated.
fresh_copy hypher-0.1.8
python3 - vendor/hypher-0.1.8/Cargo.toml <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
text, n = re.subn(r'full = \[[^\]]*\]', 'full = [\n    "dutch",\n    "english",\n]', text)
assert n == 1, "hypher: the 'full' feature was not found"
open(path, "w").write(text)
EOF
find vendor/hypher-0.1.8/tries -type f ! -name 'nl.bin' ! -name 'en.bin' -delete

# two-face: syntax definitions for highlighting code in 'raw' blocks with a language
# (0,9 MB). The annex uses raw text only for the fingerprint, without a language: no syntax is
# ever looked up. The set is empty; raw text with a language is then set without colours.
fresh_copy two-face-0.4.5
rm -f vendor/two-face-0.4.5/generated/syntaxes-*.bin
python3 - vendor/two-face-0.4.5/src/syntax.rs <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
body = ('{\n    // Trimmed for Keuzekaart (vendor/README.md): no syntax definitions.\n'
        '    syntect::parsing::SyntaxSetBuilder::new().build()\n}')
text, n = re.subn(r'\{\n    #\[cfg\(feature = "syntect-onig"\)\].*?unwrap\(\)\n\}', body, text,
                  flags=re.S)
assert n == 2, f"two-face: expected two syntax sets, found {n}"
text = text.replace("use syntect::{dumps, parsing::SyntaxSet};", "use syntect::parsing::SyntaxSet;")
# The doc examples look up syntaxes that are no longer there.
text = text.replace("/// ```\n/// // TOML", "/// ```ignore\n/// // TOML")
open(path, "w").write(text)
EOF

# hayagriva: 80 CSL citation styles and 64 locales in CBOR (3,1 MB). Typst's default style
# (IEEE) and the Dutch and US-English locales are kept, so a bibliography still works; every
# other named style is IEEE.
fresh_copy hayagriva-0.10.1
python3 - vendor/hayagriva-0.10.1/src/csl/archive.rs <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
start = text.index("    fn bytes(self) -> &'static [u8] {")
end = text.index("    /// Retrieve the style.", start)
text = text[:start] + (
    "    fn bytes(self) -> &'static [u8] {\n"
    "        // Trimmed for Keuzekaart (vendor/README.md): only IEEE, Typst's default, is kept.\n"
    "        let _ = self;\n"
    "        include_bytes!(\"../../archive/styles/ieee.cbor\")\n"
    "    }\n\n") + text[end:]
keep = ("en-US", "nl-NL")
lines = [l for l in text.split("\n")
         if "include_bytes!(\"../../archive/locales/" not in l or any(k + ".cbor" in l for k in keep)]
text = "\n".join(lines)
open(path, "w").write(text)
EOF
find vendor/hayagriva-0.10.1/archive/styles -type f ! -name 'ieee.cbor' -delete
find vendor/hayagriva-0.10.1/archive/locales -type f ! -name 'en-US.cbor' ! -name 'nl-NL.cbor' -delete

# hayro-syntax: reads PDFs, which Typst can place as images. Its feature "images" decodes JPEG,
# JPEG 2000, JBIG2 and CCITT pictures inside such PDFs, for rendering them to pixels (with the
# SIMD code they bring). Typst turns the feature on through a crate it only needs for HTML
# output, and its PDF output copies an embedded PDF's pages without decoding their pictures.
# The feature stays (so that crate still builds) but decodes nothing: the decoders' cfg is never
# true, and their dependencies are never enabled; such a picture is reported as not decodable.
fresh_copy hayro-syntax-0.7.2
python3 - vendor/hayro-syntax-0.7.2 <<'EOF2'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
toml = root / "Cargo.toml"
text = toml.read_text()
text, n = re.subn(r'images = \[[^\]]*\]', 'images = []', text)
assert n == 1, "hayro-syntax: the images feature was not found"
toml.write_text(text)
changed = 0
for path in (root / "src").rglob("*.rs"):
    source = path.read_text()
    new = source.replace('cfg(not(feature = "images"))', 'cfg(all())')
    new = new.replace('cfg(feature = "images")', 'cfg(any())')
    new = new.replace('cfg_attr(not(feature = "images")', 'cfg_attr(all()')
    if new != source:
        path.write_text(new)
        changed += 1
assert changed >= 2, f"hayro-syntax: expected the decoders' cfg in several files, found {changed}"
EOF2

du -sh vendor/*/
