#!/usr/bin/env node
// trunk post-build hook: writes sw.js into the staging directory with the precache list of
// every file the build produced (no hand-kept list) and a version derived from their contents.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-manifest: TRUNK_STAGING_DIR is not set (run as a trunk hook)');
  process.exit(1);
}

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Two apps, each with its own worker and cache: the learner app (index.html, the site's root)
// and the trainer workbench (pelatih.html, built into pelatih/). The learner's worker leaves the
// workbench's folder and cache alone.
const app = basename(process.env.TRUNK_HTML_FILE ?? 'index.html') === 'pelatih.html' ? 'pelatih-' : '';
const nested = app ? [] : ['pelatih/'];

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((p) => p !== 'sw.js')
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
