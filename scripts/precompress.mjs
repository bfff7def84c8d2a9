#!/usr/bin/env node
// Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli, quality 11) beside every text and wasm
// file of a built site, so a static host can send the compressed copy without compressing on
// each request (nginx `gzip_static`/`brotli_static`, Apache MultiViews, Caddy `precompressed`;
// `scripts/serve.mjs` does the same). Brotli is about a quarter smaller than gzip on the wasm.
// Runs after both trunk builds (`make dist`), so the service workers never list these copies.
//
//   node scripts/precompress.mjs <dir>
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const kinds = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg', '.webmanifest']);

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

let files = 0;
// The service worker stays uncompressed: a few KB, and it is the file a redeploy must replace
// (a stale compressed copy beside a new worker would hide the update).
for (const file of walk(dir).filter((f) => kinds.has(extname(f)) && !f.endsWith('sw.js'))) {
  const body = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
  files += 1;
}
console.log(`precompress: ${files} files in ${dir} (.gz and .br beside each)`);
