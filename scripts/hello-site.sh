#!/usr/bin/env bash
# The benchmark's reference site: the smallest Leptos app (scripts/size-floor, `leptos_hello`)
# built like the app — release profile, wasm-bindgen, wasm-opt -Oz — with a page that loads it
# the way trunk's page loads Lentera, precompressed like `make dist`. `make bench` times the
# first visit of both on the same mobile profile and reports the ratio. Needs `make tools`.
#
#   scripts/hello-site.sh <out-dir>
set -euo pipefail
out=$(realpath -m "${1:-dist-hello}")
cd "$(dirname "$0")/size-floor"
cp ../../Cargo.lock Cargo.lock
target=../../target/size-floor
RUSTFLAGS="--cfg erase_components" cargo build --release --target wasm32-unknown-unknown --target-dir "$target" --bin leptos_hello
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/leptos_hello.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/leptos_hello_bg.wasm" -o "$out/leptos_hello_bg.wasm"
cat >"$out/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hello, Leptos</title>
    <script type="module">
      import init from './leptos_hello.js';
      await init({ module_or_path: './leptos_hello_bg.wasm' });
    </script>
    <link rel="modulepreload" href="./leptos_hello.js" crossorigin="anonymous">
    <link rel="preload" href="./leptos_hello_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
  </head>
  <body></body>
</html>
HTML
node ../precompress.mjs "$out"
