#!/usr/bin/env bash
# Every test: native domain tests and the command-line tool's (tests/cli:
# the built jsp-planner binary, as git's merge and diff drivers in a
# temporary repository too), a bounded fuzz run of the import path, then
# browser tests against the release build in headless Chromium
# (accessibility, security policy, hostile input, storage faults, workflows;
# tests/browser/cli.test.mjs opens the tool's Word reports in LibreOffice
# with the binary `cargo test` built).
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
echo "== native tests (cargo test)"
cargo fmt --check
cargo test --locked
echo "== fuzzing the import path for a bounded time"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
echo "== release build"
scripts/build.sh
echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
