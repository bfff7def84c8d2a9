// A sync cut off by the server dying (issue 15): the server of this test is killed in the
// middle of a push and in the middle of a pull, then restarted on the same data; the sync
// resumes from its checkpoint, and the server ends exactly as after a clean run — the same
// documents at the same revisions, each with one revision (nothing lost, nothing duplicated).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { syncDistrict as district, waitForPack } from '../helpers';
import { ORIGIN, PREFIX, SYNC_ADMIN } from '../playwright.config';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ACTIVITIES = 250; // three push batches of 100

/** A sync server of this test's own, which it can kill and start again on the same data. */
class Server {
  proc: ChildProcess | null = null;
  constructor(readonly port: number, readonly dir: string) {}
  get url() { return `http://127.0.0.1:${this.port}`; }
  async start(fresh: boolean) {
    this.proc = spawn('node', [path.join(root, 'sync-server/start.mjs'), ...(fresh ? ['--fresh'] : []), '--port', String(this.port), '--dir', this.dir, '--origins', ORIGIN], {
      env: { ...process.env, LENTERA_SYNC_ADMIN_PASSWORD: SYNC_ADMIN.password },
      detached: true,
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`${this.url}/`)).ok) return; } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the sync server did not start');
  }
  /** SIGKILL to the server and the pouchdb-server under it: no clean shutdown. */
  kill() {
    if (this.proc?.pid) { try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ } }
    this.proc = null;
  }
  setup() {
    const dir = mkdtempSync(path.join(tmpdir(), 'lentera-resume-'));
    writeFileSync(path.join(dir, 'people.csv'), `${district.siti.nip},${district.siti.password}\n`);
    execFileSync('node', [path.join(root, 'sync-server/setup.mjs'), '--server', this.url, '--admin', `${SYNC_ADMIN.name}:${SYNC_ADMIN.password}`,
      '--district', district.name, '--people', path.join(dir, 'people.csv')]);
  }
  /** Every record document of Siti's database with its leaves (sync notes left out). */
  async leaves(): Promise<Record<string, string[]>> {
    const auth = 'Basic ' + Buffer.from(`${SYNC_ADMIN.name}:${SYNC_ADMIN.password}`).toString('base64');
    const r = await fetch(`${this.url}/lentera-${district.name}-${district.siti.nip}/_changes?style=all_docs`, { headers: { authorization: auth, accept: 'application/json' } });
    const out: Record<string, string[]> = {};
    for (const c of (await r.json()).results) {
      if (!c.id.startsWith('_design/') && !c.id.startsWith('sync_status:')) out[c.id] = c.changes.map((x: { rev: string }) => x.rev).sort();
    }
    return out;
  }
}

/** Siti's export: her profile and 250 activities. */
function sitiFile(): string {
  const at = '2026-11-01T08:00:00Z';
  const rec = (id: string, data: object) => ({ id, created_at: at, clock: { 'tablet-x': 1 }, device: 'tablet-x', updated_at: at, data });
  const id = randomUUID();
  const employee = rec(id, { nip: district.siti.nip, name: 'Siti Aminah', position: { title: 'Kepala Seksi Pelayanan', kind: 'pengawas' }, unit: 'Kecamatan Sukamaju', grade: 'III/c' });
  const activities = Array.from({ length: ACTIVITIES }, (_, n) => rec(randomUUID(), {
    employee: id, title: `Belajar mandiri ${n + 1}`, method: 'belajar_mandiri', start: '2026-10-01', end: '2026-10-01', hours: 1, competencies: [],
  }));
  return JSON.stringify({ format: 'lentera', schema_version: 2, employees: [employee], activities });
}

async function tablet(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: ORIGIN + PREFIX, locale: 'id-ID', viewport: { width: 800, height: 1280 } });
  const page = await ctx.newPage();
  await page.goto('./');
  await waitForPack(page);
  return page;
}

/** Imports Siti's file and syncs her profile with `server`; `cut` runs when a push batch goes. */
async function importAndSync(page: Page, file: string, server: Server, cut?: () => void) {
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await page.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name: 'siti.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await page.getByRole('link', { name: 'Data saya', exact: true }).click();
  await page.getByRole('link', { name: 'Buka sinkronisasi' }).click();
  let pushes = 0;
  if (cut) {
    await page.route(`${server.url}/**/_bulk_docs`, async (route) => {
      pushes += 1;
      await route.continue();
      if (pushes === 2) cut();
    });
  }
  await page.getByLabel('Alamat server').fill(server.url);
  await page.getByLabel('Kode kabupaten/kota').fill(district.name);
  await page.getByLabel('Kata sandi akun').fill(district.siti.password);
  await page.getByRole('button', { name: 'Masuk dan sinkronkan' }).click();
}

test('a push and a pull cut off by the server dying resume to the state of a clean run', async ({ browser }) => {
  test.setTimeout(120_000);
  const dirs = mkdtempSync(path.join(tmpdir(), 'lentera-servers-'));
  const cut = new Server(5996, path.join(dirs, 'cut'));
  const clean = new Server(5997, path.join(dirs, 'clean'));
  await cut.start(true);
  await clean.start(true);
  cut.setup();
  clean.setup();
  const file = sitiFile();
  try {
    // The clean run.
    const c = await tablet(browser);
    await importAndSync(c, file, clean);
    // Her profile, her activities and the tablet's sync note.
    await expect(c.getByTestId('sync-result')).toContainText(`${ACTIVITIES + 2} dikirim`);
    const expected = await clean.leaves();
    expect(Object.keys(expected)).toHaveLength(ACTIVITIES + 1);

    // Killed after the second push batch went out.
    const a = await tablet(browser);
    await importAndSync(a, file, cut, () => cut.kill());
    await expect(a.getByTestId('sync-error')).toContainText('tidak dapat dihubungi');
    await cut.start(false);
    await a.unroute(`${cut.url}/**/_bulk_docs`);
    await a.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(a.getByTestId('sync-result')).toContainText('Selesai');
    expect(await cut.leaves()).toEqual(expected);

    // A new tablet brings Siti's profile; the server dies as the second batch is fetched.
    const b = await tablet(browser);
    await b.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
    let fetches = 0;
    await b.route(`${cut.url}/**/_bulk_get*`, async (route) => {
      fetches += 1;
      await route.continue();
      if (fetches === 2) cut.kill();
    });
    await b.getByLabel('Alamat server').fill(cut.url);
    await b.getByLabel('Kode kabupaten/kota').fill(district.name);
    await b.getByLabel('NIP (nama akun)').fill(district.siti.nip);
    await b.getByLabel('Kata sandi akun').fill(district.siti.password);
    await b.getByRole('button', { name: 'Ambil profil saya dari server' }).click();
    await expect(b.getByRole('alert').filter({ hasText: 'tidak dapat dihubungi' })).toBeVisible();
    await cut.start(false);
    await b.unroute(`${cut.url}/**/_bulk_get*`);
    await b.getByLabel('Kata sandi akun').fill(district.siti.password);
    await b.getByRole('button', { name: 'Ambil profil saya dari server' }).click();
    await expect(b.getByTestId('fetched-profile')).toContainText('Siti Aminah');
    // Every record arrived once: the tablet holds the file's records, the server is unchanged.
    const held = await b.evaluate(() => {
      const raw = localStorage.getItem('lentera.data') ?? '';
      const doc = JSON.parse(raw.slice(raw.indexOf('\n') + 1));
      return { employees: doc.employees.length, activities: doc.activities.length };
    });
    expect(held).toEqual({ employees: 1, activities: ACTIVITIES });
    expect(await cut.leaves()).toEqual(expected);
  } finally {
    cut.kill();
    clean.kill();
  }
});
