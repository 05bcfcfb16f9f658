#!/usr/bin/env bash
# Build the release app and print the benchmark figures (not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh
node scripts/bench.mjs
