#!/usr/bin/env bash
# Build the release app and print the benchmark figures (not a test).
# BENCH_ONLY=a,b prints only some of them: big and open (the browser's big
# plan and file opening, scripts/bench.mjs), cli (the command-line tool's
# check and merge of a 4 MB plan, scripts/bench-cli.mjs; no app build, no browser).
set -euo pipefail
cd "$(dirname "$0")/.."
want() { [[ -z ${BENCH_ONLY:-} || ",$BENCH_ONLY," == *",$1,"* ]]; }
if want big || want open; then
  scripts/setup.sh --browser
  scripts/build.sh
  node scripts/bench.mjs
fi
if [[ -z ${BENCH_ONLY:-} ]]; then
  # The merge, natively (release build): two ~1 MB copies, 100 changes each side.
  cargo test --release --locked --test plan bench_merge_of_two_large_copies -- --ignored --nocapture 2>/dev/null | grep '^Merge of'
  # Revisions, natively: what a ~250 kB plan with 20 issued revisions stores.
  cargo test --release --locked --test plan twenty_revisions -- --nocapture 2>/dev/null | grep '^A .* plan with 20 revisions'
fi
if want cli; then
  # The command-line tool as `cargo install --path .` builds it (the release profile).
  scripts/setup.sh
  cargo build --release --locked --quiet --bin jsp-planner
  node scripts/bench-cli.mjs "${CARGO_TARGET_DIR:-target}/release/jsp-planner"
fi
