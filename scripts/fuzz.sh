#!/usr/bin/env bash
# Fuzz the plan-file import path for a bounded time (default 60 s):
#   scripts/fuzz.sh [seconds]        replay a failure with FUZZ_SEED=<seed printed>
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${1:-60}" cargo test --release --locked --test fuzz_import -- --ignored --nocapture
