#!/usr/bin/env node
// Points the learner page's loader (public/load-app.js) at the whole app that trunk built into
// <dir>/app/: the script and wasm names carry content hashes, known only after the build.
// trunk's own page for it (app/index.html) is removed: index.html is the learner app's page.
//
//   node scripts/link-app.mjs <dir>
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(join(dir, 'app'));
const one = (re) => {
  const hits = files.filter((f) => re.test(f));
  if (hits.length !== 1) throw new Error(`link-app: expected one file like ${re} in ${dir}/app, found ${hits.length}`);
  return hits[0];
};
const js = one(/^lentera-[0-9a-f]+\.js$/);
const wasm = one(/^lentera-[0-9a-f]+_bg\.wasm$/);
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
if (!html.includes('__LENTERA_APP_JS__') || !html.includes('__LENTERA_APP_WASM__')) {
  throw new Error(`link-app: ${page} has no loader to point at the app`);
}
writeFileSync(page, html.replace('__LENTERA_APP_JS__', `app/${js}`).replace('__LENTERA_APP_WASM__', `app/${wasm}`));
rmSync(join(dir, 'app', 'index.html'), { force: true });
console.log(`link-app: the first screen loads app/${js}`);
