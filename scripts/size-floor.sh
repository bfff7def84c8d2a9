#!/usr/bin/env bash
# Gzip size of the two floors in scripts/size-floor/, built like the app (release profile,
# wasm-bindgen, wasm-opt -Oz), next to the app's own wasm in dist/. Needs `make tools`.
set -euo pipefail
cd "$(dirname "$0")/size-floor"
# The app's lock file, so wasm-bindgen matches the installed wasm-bindgen-cli.
cp ../../Cargo.lock Cargo.lock
target=../../target/size-floor
RUSTFLAGS="--cfg erase_components" cargo build --release --target wasm32-unknown-unknown --target-dir "$target" --bins
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-14s %10s %10s\n' program raw gzip
for bin in leptos_hello domain_core; do
  wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/$bin.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/${bin}_bg.wasm" -o "$out/$bin.opt.wasm"
  printf '%-14s %10d %10d\n' "$bin" "$(stat -c%s "$out/$bin.opt.wasm")" "$(gzip -9c "$out/$bin.opt.wasm" | wc -c)"
done
for where in "first screen:../../dist" "whole app:../../dist/app"; do
  app=$(ls "${where#*:}"/*_bg.wasm 2>/dev/null | head -1 || true)
  [ -n "$app" ] && printf '%-14s %10d %10d\n' "${where%%:*}" "$(stat -c%s "$app")" "$(gzip -9c "$app" | wc -c)"
done
