#!/usr/bin/env bash
# Install what building and testing JSP Planner needs, skipping what is
# already there. Safe to run again; fast when everything is installed.
#   scripts/setup.sh            build tools: wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, npm packages
#   scripts/setup.sh --browser  the same, plus Debian's chromium, chromium-driver and
#                               poppler-utils (pdftotext, pdftoppm: the report PDF test reads them),
#                               libreoffice-writer and the Carlito font (the Word export test
#                               converts the .docx to PDF; Carlito has Calibri's metrics)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
WASM_SPLIT_VERSION=0.2.4       # Leptos's wasm splitter (the crate behind cargo-leptos --split)

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1; then
  say "adding rustfmt (the test command checks formatting)"
  rustup component add rustfmt
fi

if ! have trunk || [[ "$(trunk --version)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! have wasm-bindgen || [[ "$(wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes the first time)"
  # Not --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# It has no --version flag: ask cargo which version it installed.
if ! have wasm-split-cli || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes the first time)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary --force
fi

# npm packages (binaryen's wasm-opt, playwright-core, sirv), reinstalled only when the lock file changes.
stamp=node_modules/.jsp-planner-lock.sha256
if [[ ! -f $stamp ]] || ! sha256sum --check --status "$stamp" 2>/dev/null; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json > "$stamp"
fi

if [[ "${1:-}" == "--browser" ]] && ! { have chromium && have chromedriver && have pdftotext && have pdftoppm; }; then
  say "installing Debian's chromium, chromium-driver and poppler-utils"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi
if [[ "${1:-}" == "--browser" ]] && ! { have soffice && fc-list : family 2>/dev/null | grep -x Carlito >/dev/null; }; then
  say "installing Debian's libreoffice-writer and fonts-crosextra-carlito (a few minutes the first time)"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer fonts-crosextra-carlito >/dev/null
fi
say "ready"
