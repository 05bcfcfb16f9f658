#!/usr/bin/env bash
# Every test: native domain tests, then browser tests against the release
# build in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
echo "== native tests (cargo test)"
cargo test --locked
echo "== release build"
scripts/build.sh
echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
