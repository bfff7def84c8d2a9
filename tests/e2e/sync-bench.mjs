// The browser benchmark of district sync (issue 15), run by `make bench` after
// browser-bench.mjs: a trainer's first pull of a 2,000-employee district into an empty
// workbench, and the pull after 50 edits, against the local CouchDB-protocol server
// (`sync-server/start.mjs`), next to the reference of the same run: the same district
// imported as one export file in the same browser. Writes its table into docs/benchmarks.md.
// Measures; never asserts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PREFIX = '/dinas/lentera/';
const SITE_PORT = 4191;
const SYNC_PORT = 4192;
const SYNC = `http://127.0.0.1:${SYNC_PORT}`;
const ADMIN = 'Basic ' + Buffer.from('admin:bench-admin').toString('base64');
const EMPLOYEES = 2000;
const EDITS = 50;
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

const site = spawn('node', [join(root, 'scripts/serve.mjs'), join(root, 'dist-bench'), String(SITE_PORT), PREFIX, '127.0.0.1'], { stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'lentera-sync-bench-'));
const server = spawn('node', [join(root, 'sync-server/start.mjs'), '--fresh', '--port', String(SYNC_PORT), '--dir', join(dir, 'server'), '--origins', `http://127.0.0.1:${SITE_PORT}`], {
  env: { ...process.env, LENTERA_SYNC_ADMIN_PASSWORD: 'bench-admin' },
  stdio: 'ignore',
  detached: true,
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function load(docs) {
  for (let i = 0; i < docs.length; i += 1000) {
    const r = await fetch(`${SYNC}/lentera-kab-bench/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ new_edits: false, docs: docs.slice(i, i + 1000) }),
    });
    if (!r.ok) throw new Error(`loading the district: ${r.status}`);
  }
}

try {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${SYNC}/`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  writeFileSync(join(dir, 'people.csv'), '');
  writeFileSync(join(dir, 'trainers.csv'), 'pelatih-bench,pelatih-sandi\n');
  execFileSync('node', [join(root, 'sync-server/setup.mjs'), '--server', SYNC, '--admin', 'admin:bench-admin', '--district', 'kab-bench',
    '--people', join(dir, 'people.csv'), '--trainers', join(dir, 'trainers.csv')]);

  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${SITE_PORT}${PREFIX}` });
  const page = await context.newPage();
  await page.goto('./');
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_district_docs);
  const docs = JSON.parse(await page.evaluate((n) => window.wasmBindings.bench_district_docs(n), EMPLOYEES));
  const edits = JSON.parse(await page.evaluate(([n, e]) => window.wasmBindings.bench_district_edits(n, e), [EMPLOYEES, EDITS]));
  // The reference: the same district as one export file, read and merged in this browser.
  const file = await page.evaluate((n) => { window.__district = window.wasmBindings.bench_district_file(n); return window.__district.length; }, EMPLOYEES);
  const reference = await page.evaluate(() => window.wasmBindings.bench_import(window.__district));
  await load(docs);

  // A trainer's laptop: an empty workbench, signed in, pulls the district.
  await page.goto('./pelatih/');
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-bench');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('kata-sandi-bench');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await page.getByRole('link', { name: 'Sinkronisasi' }).click();
  await page.getByLabel('Alamat server').fill(SYNC);
  await page.getByLabel('Kode kabupaten/kota').fill('kab-bench');
  await page.getByLabel('Akun pelatih').fill('pelatih-bench');
  await page.getByLabel('Kata sandi akun').fill('pelatih-sandi');
  const result = page.getByTestId('w-sync-result');
  let t0 = Date.now();
  await page.getByRole('button', { name: 'Masuk dan ambil data' }).click();
  await result.waitFor({ timeout: 600_000 });
  const first = Date.now() - t0;
  const firstText = await result.textContent();

  await load(edits);
  t0 = Date.now();
  await page.getByRole('button', { name: 'Ambil data kabupaten/kota sekarang' }).click();
  await result.waitFor({ timeout: 600_000 });
  const incremental = Date.now() - t0;
  const incrementalText = await result.textContent();

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Chromium ${browser.version()}`;
  const rows = [
    [`reference: the district as one export file (${(file / 1e6).toFixed(1)} MB) imported and merged, wasm`, ms(reference), '1×'],
    [`first pull of the district (${docs.length} documents) into an empty workbench: sign-in, pull, the sealed cohort saved per batch`, ms(first), `${(first / reference).toFixed(1)}×`],
    [`pull after ${EDITS} edits on the tablets`, ms(incremental), `${(incremental / reference).toFixed(2)}×`],
  ];
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, one run each (the server on the same machine; no network throttling). What the workbench said: "${firstText?.trim()}" then "${incrementalText?.trim()}"`;
  const table = ['| measure | time | ÷ reference |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const doc = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
  const updated = doc.replace(/<!-- sync:start -->[\s\S]*<!-- sync:end -->/, `<!-- sync:start -->\n${stamp}\n\n${table}\n<!-- sync:end -->`);
  writeFileSync(join(root, 'docs/benchmarks.md'), updated);
  console.log(stamp);
  console.log(table);
} finally {
  await browser.close();
  site.kill();
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
}
