#!/usr/bin/env bash
# Build the release app and print the benchmark figures (not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh
node scripts/bench.mjs
# The merge, natively (release build): two ~1 MB copies, 100 changes each side.
cargo test --release --locked --test plan bench_merge_of_two_large_copies -- --ignored --nocapture 2>/dev/null | grep '^Merge of'
# Revisions, natively: what a ~250 kB plan with 20 issued revisions stores.
cargo test --release --locked --test plan twenty_revisions -- --nocapture 2>/dev/null | grep '^A .* plan with 20 revisions'
