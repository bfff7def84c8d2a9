#!/usr/bin/env node
// Writes an app's sw.js with the precache list of every file its build produced (no hand-kept
// list) and a version derived from their contents. Run by scripts/build-site.sh after the
// app's trunk builds:
//
//   node scripts/sw-manifest.mjs <dir> learner|pelatih
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const [dir, which] = process.argv.slice(2);
if (!dir || !['learner', 'pelatih'].includes(which)) {
  console.error('usage: node scripts/sw-manifest.mjs <dir> learner|pelatih');
  process.exit(1);
}

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Two apps, each with its own worker and cache: the learner app (the site's root: the first
// screen, and the whole app in app/) and the trainer workbench (pelatih/). The learner's worker
// leaves the workbench's folder and cache alone.
const app = which === 'pelatih' ? 'pelatih-' : '';
const nested = app ? [] : ['pelatih/'];

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((p) => p !== 'sw.js' && !nested.some((n) => p.startsWith(n)) && !/\.(gz|br)$/.test(p))
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dir, f)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files.map((f) => `./${f}`)];
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template
    .replace('__VERSION__', version)
    .replace('__APP__', app)
    .replace('__NESTED__', JSON.stringify(nested))
    .replace('__PRECACHE__', JSON.stringify(precache, null, 2)),
);
console.log(`sw-manifest: ${app || 'learner-'}app, ${files.length} files precached, version ${version}`);
