#!/usr/bin/env bash
# The gates a change passes before it lands (.ci/run runs them after the tests; run them yourself
# before pushing): formatting, clippy with warnings denied, the documentation with warnings denied,
# the licences of every dependency against the project's (EUPL-1.2, see deny.toml), no import
# circle among the modules of a layer, and no function in src/ over 80 lines that is not a table.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== import circles (scripts/module_circles.py)"
python3 scripts/module_circles.py
echo "== shown numbers round halves up (core/money.rs round_shown, not Decimal::round_dp)"
if grep -rn --include='*.rs' -E '\.round_dp(_with_strategy)?\(' src/ | grep -v '^src/core/money.rs:'; then
    echo "round through core::money::round_shown / round_whole / round_cents: round_dp rounds halves to even" >&2
    exit 1
fi
echo "== long functions (scripts/long_functions.py)"
python3 scripts/long_functions.py

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo doc (warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet
echo "== cargo deny check licenses bans"
if ! command -v cargo-deny >/dev/null 2>&1; then
    cargo install cargo-deny --locked --version "=0.19.0"
fi
# Advisories need the RustSec database from GitHub, which this project's machines cannot reach;
# licences and bans are checked from the lock file and the registry's metadata alone.
cargo deny --locked check licenses bans
echo "== fuzz targets compile (cargo check, fuzz/)"
# The fuzzers are run by hand (CONTRIBUTING.md, "Fuzzing"); this keeps them building as the code
# they reach changes, so a fuzzing session never starts with fixing its targets. They share the
# project's target directory; a check builds no libFuzzer runs.
cargo check --manifest-path fuzz/Cargo.toml --locked --bins --target-dir target --quiet
