#!/usr/bin/env bash
# Build the release app into dist/ (static files, servable from any path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Trunk builds the page, styles and static files; its post-build hook
# (scripts/wasm.mjs, Trunk.toml) the WebAssembly in two parts.
trunk build --release --offline
# The Content-Security-Policy names the hash of Trunk's inline loader, which changes with each build.
node scripts/csp.mjs dist/index.html
# The offline worker's file list and version, and precompressed .br/.gz copies (after the CSP edit).
node scripts/precache.mjs dist
