#!/usr/bin/env bash
# Set up, build the release app and serve it on http://127.0.0.1:8080/
# (also under http://127.0.0.1:8080/jsp-planner/ to show subpath hosting).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}"
