#!/usr/bin/env bash
# Builds the page into web/dist/: index.html, its script and style, the wasm-bindgen glue and the
# module as bytes in a script module (the page's Content-Security-Policy, connect-src 'none',
# forbids fetching even its own .wasm). Serve web/dist with any static server:
#   bash web/build.sh && python3 -m http.server -d web/dist 8000
# Installs what it needs when missing: the wasm32 target, and wasm-bindgen-cli at exactly the
# version of the wasm-bindgen crate in Cargo.lock (the two must match).
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-target}"
version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$version" ]; then
    echo "web/build.sh: no wasm-bindgen in Cargo.lock" >&2
    exit 2
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]; then
    # Not --locked: the CLI's own lock file names a crate version the index no longer has.
    cargo install wasm-bindgen-cli --version "$version"
fi
cargo build -p ropa-web --target wasm32-unknown-unknown --profile web
out=web/dist
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$target_dir/wasm32-unknown-unknown/web/ropa_web.wasm"
# The module as base64 in a script module, decoded and instantiated by the worker with initSync.
{
    printf 'export const moduleBase64 = "'
    base64 -w0 "$out/ropa_web_bg.wasm"
    printf '";\n'
} >"$out/ropa_web_module.js"
cp web/static/* "$out/"
raw=$(wc -c <"$out/ropa_web_bg.wasm")
gzipped=$(gzip -9 -c "$out/ropa_web_bg.wasm" | wc -c)
echo "web/dist: module $raw bytes ($gzipped gzipped)"
# Nothing fetches the .wasm file; the page carries it in ropa_web_module.js.
rm "$out/ropa_web_bg.wasm"
