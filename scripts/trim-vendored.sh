#!/usr/bin/env bash
# Makes the trimmed copies in vendor/ from the crates.io sources, so that what was changed is
# reproducible and can be reviewed (vendor/README.md says why). Typst pulls in these crates
# with all of their data and offers no feature to leave it out, and its own standard library
# brings features no template of the app uses; the annex needs almost none of it. Each copy
# keeps the crate's API, so Typst compiles unchanged against it.
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

# typst-library: Typst's standard library. Three of its parts can never run for the app's two
# templates (compiled in; users give data, never Typst code): WebAssembly plugins (wasmi and
# its parser, 0,75 MB), bibliographies and citations (the CSL engine, BibLaTeX and YAML
# parsers, 1,4 MB), and loading YAML, TOML, CBOR and XML files. Each stays in the language but
# reports an error when used, so the linker can drop the code behind it; `json` and `read`,
# which the templates use, and `csv` are kept. Typst's default citation style stays readable.
fresh_copy typst-library-0.15.1
python3 - vendor/typst-library-0.15.1 <<'EOF3'
import pathlib, sys
root = pathlib.Path(sys.argv[1]) / "src"

def edit(rel, pairs):
    path = root / rel
    text = path.read_text()
    for old, new in pairs:
        assert text.count(old) == 1, f"typst-library: {rel}: not found once: {old[:60]!r}"
        text = text.replace(old, new)
    path.write_text(text)

plugin_msg = '"WebAssembly plugins are not available in this build of Typst (trimmed for Keuzekaart)"'
edit("foundations/plugin.rs", [
    ("use std::fmt::{self, Debug, Formatter};",
     "// Trimmed for Keuzekaart (vendor/README.md): plugins report an error; the rest is unused.\n"
     "#![allow(dead_code)]\n\nuse std::fmt::{self, Debug, Formatter};"),
    ("    fn module(bytes: Bytes) -> StrResult<Module> {\n"
     "        Self::new(bytes).map(Self::into_module)\n",
     "    fn module(bytes: Bytes) -> StrResult<Module> {\n"
     "        let _ = bytes;\n        Err(" + plugin_msg + ".into())\n"),
    ("    pub fn call(&self, args: Vec<Bytes>) -> StrResult<Bytes> {\n"
     "        self.plugin.call(&self.name, args)\n",
     "    pub fn call(&self, args: Vec<Bytes>) -> StrResult<Bytes> {\n"
     "        let _ = args;\n        Err(" + plugin_msg + ".into())\n"),
    ("    pub fn transition(&self, args: Vec<Bytes>) -> StrResult<Module> {\n"
     "        self.plugin.transition(&self.name, args).map(Plugin::into_module)\n",
     "    pub fn transition(&self, args: Vec<Bytes>) -> StrResult<Module> {\n"
     "        let _ = args;\n        Err(" + plugin_msg + ".into())\n"),
])

bib_msg = '"bibliographies are not available in this build of Typst (trimmed for Keuzekaart)"'
edit("model/bibliography.rs", [
    ("use std::any::TypeId;",
     "// Trimmed for Keuzekaart (vendor/README.md): bibliographies report an error.\n"
     "#![allow(dead_code)]\n\nuse std::any::TypeId;"),
    ("        let loaded = sources.load(world)?;\n"
     "        let bibliography = Self::decode(&loaded)?;\n"
     "        Ok(Derived::new(sources.v, bibliography))\n",
     "        let _ = world;\n        bail!(sources.span, " + bib_msg + ")\n"),
    ("        let text = bytes.as_str()?;\n"
     "        citationberg::IndependentStyle::from_xml(text)\n",
     "        let _ = bytes;\n"
     "        Err(LoadError::binary(\"failed to load CSL style\", " + bib_msg + "))\n"
     "    }\n\n    #[allow(unused)]\n    fn from_data_untrimmed(bytes: &Bytes) -> LoadResult<CslStyle> {\n"
     "        let text = bytes.as_str()?;\n"
     "        citationberg::IndependentStyle::from_xml(text)\n"),
    ("        let bibs_and_groups = engine.introspect(BibliographyIntrospection(span));\n"
     "        Self::generate_impl(\n",
     "        let _ = engine;\n        bail!(span, " + bib_msg + ")\n"
     "    }\n\n    #[allow(unused)]\n"
     "    fn generate_untrimmed(engine: &mut Engine, span: Span) -> SourceResult<Arc<Works>> {\n"
     "        let bibs_and_groups = engine.introspect(BibliographyIntrospection(span));\n"
     "        Self::generate_impl(\n"),
])

edit("loading/mod.rs", [
    ("    global.define_func::<toml>();\n"
     "    global.define_func::<yaml>();\n"
     "    global.define_func::<cbor>();\n"
     "    global.define_func::<xml>();\n",
     "    // Trimmed for Keuzekaart (vendor/README.md): no toml, yaml, cbor or xml.\n"),
])
EOF3

du -sh vendor/*/
