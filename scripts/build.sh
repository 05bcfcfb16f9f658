#!/usr/bin/env bash
# Build the release app into dist/ (static files, servable from any path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Debian's binaryen 108 produces broken wasm; use the npm binaryen@132 wasm-opt.
PATH="$PWD/node_modules/binaryen/bin:$PATH" trunk build --release --offline
# The Content-Security-Policy names the hash of Trunk's inline loader, which changes with each build.
node scripts/csp.mjs dist/index.html
# The offline worker's file list and version, and precompressed .br/.gz copies (after the CSP edit).
node scripts/precache.mjs dist
