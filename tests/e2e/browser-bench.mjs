#!/usr/bin/env node
// Lentera's browser benchmark (`make bench`): sizes, load and offline-reload times with CPU
// throttling, rules and import inside wasm next to the native criterion figures, and the
// cohort table's render time. Writes docs/benchmarks.md. Measures; never asserts.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PREFIX = '/dinas/lentera/';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** `dir` served under the sub-path; `encodings`: the precompressed copies the host may send. */
function serve(dir, port, encodings = 'br,gzip') {
  const p = spawn('node', [join(root, 'scripts/serve.mjs'), join(root, dir), String(port), PREFIX, '127.0.0.1', encodings], { stdio: 'ignore' });
  return { url: `http://127.0.0.1:${port}${PREFIX}`, stop: () => p.kill() };
}

// Lighthouse's mobile profile, as the learner's first visit is judged: 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown.
const MOBILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** First visit (empty cache) on the mobile profile: navigation start until the heading shows
 * (`interactive`), and until the whole app has taken over from the first screen (`whole`). */
async function firstVisit(browser, url) {
  const times = [];
  const wholes = [];
  for (let i = 0; i < Math.max(3, RUNS); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    times.push(await interactive(page));
    wholes.push(await wholeApp(page));
    await context.close();
  }
  return { interactive: median(times), whole: median(wholes) };
}

async function until(url) {
  for (let i = 0; i < 100; i++) {
    if ((await fetch(url).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** gzip -9 bytes per kind of the files an app downloads: the learner app (`dist/`) or the
 * trainer workbench (`dist/pelatih/`). */
function sizes(dir = 'dist') {
  const files = readdirSync(join(root, dir)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const out = {};
  for (const f of files) {
    const kind = f.split('.').pop();
    out[kind] = (out[kind] ?? 0) + gzipSync(readFileSync(join(root, dir, f)), { level: 9 }).length;
  }
  return out;
}

/** Time from navigation start until the first screen's heading is on the page (the app is
 * mounted and answers input). */
async function interactive(page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page.evaluate(() => performance.now());
}

/** Time from navigation start until the whole learner app has replaced the first screen (at
 * once for a site without one, like the hello-world reference). */
async function wholeApp(page) {
  await page.waitForFunction(() => !document.getElementById('first-screen'), null, { timeout: 120000 });
  return page.evaluate(() => performance.now());
}

async function throttled(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

async function loadTimes(browser, url, rate) {
  const cold = [];
  const offline = [];
  const offlineWhole = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await throttled(context, page, rate);
    await page.goto(url);
    cold.push(await interactive(page));
    await wholeApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    offline.push(await interactive(page));
    offlineWhole.push(await wholeApp(page));
    await context.close();
  }
  return { cold: median(cold), offline: median(offline), offlineWhole: median(offlineWhole) };
}

function nativeMs(name, unless = null) {
  const dir = join(root, 'target/criterion');
  if (!existsSync(dir)) return null;
  const hit = readdirSync(dir, { recursive: true }).find((p) => String(p).includes(name) && !(unless && String(p).includes(unless)) && String(p).endsWith(join('new', 'estimates.json')));
  if (!hit) return null;
  return JSON.parse(readFileSync(join(dir, String(hit)), 'utf8')).median.point_estimate / 1e6;
}

const site = serve('dist', 4180);
const bench = serve('dist-bench', 4181);
// First visit as most static hosts serve it (gzip), and with the brotli copies `make dist` writes.
const siteGzip = serve('dist', 4182, 'gzip');
const hello = serve('dist-hello', 4183, 'gzip');
const helloBr = serve('dist-hello', 4184, 'br,gzip');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  await until(site.url);
  await until(bench.url);
  const size = sizes();
  const load1 = await loadTimes(browser, site.url, 1);
  const load4 = await loadTimes(browser, site.url, 4);
  for (const s of [siteGzip, hello, helloBr]) await until(s.url);
  const firstGzip = await firstVisit(browser, siteGzip.url);
  const firstBr = await firstVisit(browser, site.url);
  const helloGzip = await firstVisit(browser, hello.url);
  const helloBrotli = await firstVisit(browser, helloBr.url);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(bench.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_rules);
  const rulesWasm = await page.evaluate((runs) => window.wasmBindings.bench_rules(2000, runs), RUNS);
  const firstPassWasm = await page.evaluate((runs) => window.wasmBindings.bench_rules_first_pass(2000, runs), RUNS);
  const exportBytes = await page.evaluate(() => { window.__export = window.wasmBindings.bench_export(10 * 1024 * 1024); return window.__export.length; });
  const imports = [];
  for (let i = 0; i < 3; i++) imports.push(await page.evaluate(() => window.wasmBindings.bench_import(window.__export)));
  const importWasm = median(imports);
  await page.evaluate(() => { delete window.__export; });
  // One PIN hash (an unlock) at 1× and at 4× CPU, the cheap-tablet stand-in.
  const pins1 = [];
  for (let i = 0; i < 3; i++) pins1.push(await page.evaluate(() => window.wasmBindings.bench_pin_hash()));
  const pinCdp = await throttled(context, page, 4);
  const pins4 = [];
  for (let i = 0; i < 3; i++) pins4.push(await page.evaluate(() => window.wasmBindings.bench_pin_hash()));
  await pinCdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const pin1 = median(pins1);
  const pin4 = median(pins4);

  // The trainer's cohort table with 1,000 employees, re-sorted at 4× CPU throttling.
  await page.evaluate(() => window.wasmBindings.bench_seed_cohort(1000));
  await page.goto(bench.url + 'pelatih/#/');
  // bench_seed_cohort stored the cohort encrypted with this passphrase.
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-bench');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  const rows = page.getByTestId('cohort-table').locator('.grid-body [role=row]');
  await rows.first().waitFor();
  await page.getByTestId('rows-shown').filter({ hasText: '1000' }).waitFor();
  const cdp = await throttled(context, page, 4);
  const renders = [];
  for (let i = 0; i < RUNS; i++) {
    renders.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const button = [...document.querySelectorAll('[role=columnheader] button')].find((b) => b.textContent.trim() === 'Nama');
            const t0 = performance.now();
            button.click();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
      ),
    );
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const render4 = median(renders);
  await context.close();

  const rulesNative = nativeMs('profiles', 'first pass');
  const firstPassNative = nativeMs('first pass');
  const importNative = nativeMs('validate');
  const total = (size.wasm ?? 0) + (size.js ?? 0) + (size.css ?? 0);
  const whole = sizes('dist/app');
  const wholeTotal = (whole.wasm ?? 0) + (whole.js ?? 0);
  const workbench = sizes('dist/pelatih');
  const workbenchTotal = (workbench.wasm ?? 0) + (workbench.js ?? 0) + (workbench.css ?? 0);
  const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const check = (ok) => (ok ? 'met' : '**missed**');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Chromium ${browser.version()}`;
  const rows2 = [
    ['gzip size, learner first screen (the first download): wasm + js + css', `${kb(total)} (wasm ${kb(size.wasm ?? 0)}, js ${kb(size.js ?? 0)}, css ${kb(size.css ?? 0)})`, '≤ 250 KiB', check(total <= 250 * 1024)],
    ['gzip size, whole learner app (`app/`, fetched after the first screen): wasm + js', `${kb(wholeTotal)} (wasm ${kb(whole.wasm ?? 0)})`, '', ''],
    ['gzip size, trainer workbench (never on a tablet)', `${kb(workbenchTotal)} (wasm ${kb(workbench.wasm ?? 0)})`, '', ''],
    ['**first visit, mobile profile** (150 ms, 1.6 Mbit/s, 4× CPU), gzip: first screen interactive', `${ms(firstGzip.interactive)} (hello-world Leptos: ${ms(helloGzip.interactive)}; ${(firstGzip.interactive / helloGzip.interactive).toFixed(1)}×)`, '≤ 2500 ms', check(firstGzip.interactive <= 2500)],
    ['first visit, mobile profile, gzip: whole app ready', ms(firstGzip.whole), '', ''],
    ['first visit, mobile profile, brotli (`.br` copies): first screen interactive', `${ms(firstBr.interactive)} (hello-world Leptos: ${ms(helloBrotli.interactive)}; ${(firstBr.interactive / helloBrotli.interactive).toFixed(1)}×)`, '≤ 2500 ms', check(firstBr.interactive <= 2500)],
    ['first visit, mobile profile, brotli: whole app ready', ms(firstBr.whole), '', ''],
    ['cold load → interactive, 1× CPU', ms(load1.cold), '', ''],
    ['offline reload → interactive, 1× CPU', ms(load1.offline), '', ''],
    ['cold load → interactive, 4× CPU', ms(load4.cold), '≤ 1000 ms', check(load4.cold <= 1000)],
    ['offline reload → interactive, 4× CPU', ms(load4.offline), '≤ 600 ms', check(load4.offline <= 600)],
    ['offline reload → whole app ready, 4× CPU', ms(load4.offlineWhole), '', ''],
    ['rules recompute, 2,000 employees, wasm (1× CPU)', ms(rulesWasm), '≤ 50 ms', check(rulesWasm <= 50)],
    ['same work natively (criterion median)', rulesNative == null ? 'n/a (run cargo bench)' : ms(rulesNative), '', ''],
    ['wasm ÷ native', rulesNative == null ? 'n/a' : `${(rulesWasm / rulesNative).toFixed(2)}×`, '≤ 2×', rulesNative == null ? '' : check(rulesWasm / rulesNative <= 2)],
    ['rules, first pass (every supervisor signature checked), 2,000 employees, wasm (1× CPU)', ms(firstPassWasm), '', ''],
    ['same work natively (criterion median)', firstPassNative == null ? 'n/a' : ms(firstPassNative), '', ''],
    [`import + merge of a ${(exportBytes / 1e6).toFixed(1)} MB export, wasm`, ms(importWasm), '≤ 1000 ms', check(importWasm <= 1000)],
    ['same work natively (criterion median)', importNative == null ? 'n/a' : ms(importNative), '', ''],
    ['re-render the 1,000-row cohort table, 4× CPU', ms(render4), '≤ 100 ms', check(render4 <= 100)],
    ['one PIN hash (unlock), wasm, 1× CPU', ms(pin1), '', ''],
    ['one PIN hash (unlock), wasm, 4× CPU', ms(pin4), '≈ 500 ms', check(pin4 >= 250 && pin4 <= 1000)],
  ];
  const table = ['| measure | result | budget | |', '|---|---|---|---|', ...rows2.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const doc = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; median of ${RUNS} runs.`;
  const updated = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${stamp}\n\n${table}\n${end}`);
  writeFileSync(join(root, 'docs/benchmarks.md'), updated);
  console.log(stamp);
  console.log(table);
} finally {
  await browser.close();
  for (const s of [site, bench, siteGzip, hello, helloBr]) s.stop();
}
