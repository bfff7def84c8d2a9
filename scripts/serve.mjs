#!/usr/bin/env node
// A plain static file server, the kind a trainer has: no rewrites, no fallbacks, no headers
// beyond the content type — and, like a well-set static host, the precompressed copy of a file
// (`<file>.br`, `<file>.gz`, written by scripts/precompress.mjs) when the browser accepts it.
// Used by `make serve`, the browser tests (which mount the site under a sub-path to prove it
// works there) and the benchmark.
//
//   node scripts/serve.mjs <dir> <port> [prefix=/] [host=127.0.0.1] [encodings=br,gzip]
//
// `encodings` lists the precompressed copies it may send, best first: `gzip` is a host without
// brotli, `none` one that compresses nothing.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [dir = 'dist', port = '8080', rawPrefix = '/', host = '127.0.0.1', encodingList = 'br,gzip'] = process.argv.slice(2);
const encodings = encodingList.split(',').filter((e) => e === 'br' || e === 'gzip');
const suffix = { br: '.br', gzip: '.gz' };
const root = resolve(dir);
const prefix = ('/' + rawPrefix.replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

async function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
  const path = join(root, rel);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return (await stat(join(path, 'index.html'))).isFile() ? join(path, 'index.html') : null;
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  // `/dinas/lentera` without the slash: redirect so relative URLs resolve inside the prefix.
  if (url.pathname + '/' === prefix) {
    res.writeHead(301, { Location: prefix + url.search });
    return res.end();
  }
  const file = await fileFor(url.pathname).catch(() => null);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('404 Not Found\n');
  }
  // The best precompressed copy the browser accepts, if the site has one.
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim().split(';')[0]);
  let encoding = null;
  for (const e of encodings) {
    if (!accepted.includes(e)) continue;
    if (await stat(file + suffix[e]).then((s) => s.isFile(), () => false)) {
      encoding = e;
      break;
    }
  }
  const body = await readFile(encoding ? file + suffix[encoding] : file);
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(Number(port), host, () => {
  console.log(`serving ${root} at http://${host}:${port}${prefix}`);
});
