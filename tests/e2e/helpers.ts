// Steps of the learner's journeys, written the way a person does them on the tablet.
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { SYNC_ADMIN, SYNC_URL } from './playwright.config';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const defaultPack = JSON.parse(readFileSync(root + 'public/packs/default.json', 'utf8'));

export type Person = { name: string; nip: string; title: string; kind: string; unit: string; grade: string; pin?: string };

export const siti: Person = {
  name: 'Siti Aminah',
  nip: '198503122010012002',
  title: 'Kepala Seksi Pelayanan',
  kind: 'pengawas',
  unit: 'Kecamatan Sukamaju',
  grade: 'III/c',
};

/** WCAG 2.2 AA scan of what is on screen now: no violation allowed. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

export async function createProfile(page: Page, p: Person) {
  // Relative to the test server, or to wherever the page already is (a CDP-attached browser).
  await page.goto(page.url().startsWith('http') ? new URL('./', page.url()).href.split('#')[0] : './');
  await page.getByRole('link', { name: 'Tambah profil' }).click();
  await page.getByLabel('Nama lengkap').fill(p.name);
  await page.getByLabel('NIP').fill(p.nip);
  await page.getByLabel('Nama jabatan').fill(p.title);
  await page.getByLabel('Jenis jabatan').selectOption(p.kind);
  await page.getByLabel('Unit kerja').fill(p.unit);
  await page.getByLabel('Golongan/ruang').selectOption(p.grade);
  if (p.pin) {
    await page.getByLabel('PIN baru').fill(p.pin);
    await page.getByLabel('Ulangi PIN').fill(p.pin);
  }
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.name);
}

/** Opens trainer mode on a device that has no cohort yet, choosing the tests' passphrase. */
export async function openTrainerMode(page: Page) {
  await page.goto('./');
  await page.getByRole('link', { name: 'Mode pelatih' }).click();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kohort');
}

/** Waits until the default pack is loaded (its technical competencies join the standard). */
export async function waitForPack(page: Page) {
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lentera.packs')?.includes('lentera-dasar') ?? false)).toBe(true);
}

/** On the self-assessment screen, assesses every competency at `levels[code]` (default 2). */
export async function selfAssess(page: Page, levels: Record<string, number>, dflt = 2) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penilaian diri');
  for (let i = 0; i < 30; i++) {
    const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    const code = heading.split(' ')[0];
    const level = levels[code] ?? dflt;
    await page.getByLabel(`Tingkat ${level}`, { exact: false }).first().check();
    const finish = page.getByRole('button', { name: 'Selesai dan simpan' });
    if (await finish.isVisible()) {
      await finish.click();
      return;
    }
    await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(heading);
  }
  throw new Error('self-assessment did not finish');
}

export function moduleOf(id: string) {
  return defaultPack.modules.find((m: { id: string }) => m.id === id);
}

/** Answers the quiz of module `id` on screen, correctly or not. */
export async function takeQuiz(page: Page, id: string, correctly: boolean) {
  const m = moduleOf(id);
  for (const [i, q] of m.quiz.questions.entries()) {
    const choices: number[] = correctly ? q.correct : [q.choices.length - 1 === q.correct[0] ? 0 : q.choices.length - 1];
    for (const c of choices) await page.locator(`#c-${i}-${c}`).check();
    const last = i === m.quiz.questions.length - 1;
    await page.getByRole('button', { name: last ? 'Kirim jawaban' : 'Berikutnya' }).click();
  }
}

/** The Ed25519 key of generated supervisor `i` (a fixed seed, so every run signs alike). */
function supervisorKey(i: number): KeyObject {
  const pkcs8Ed25519Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Ed25519Prefix, Buffer.alloc(32, i + 1)]), format: 'der', type: 'pkcs8' });
}

/** The public half, hex, as it sits in the supervisor's employee record (`signing_key`). */
export function supervisorPublicKey(i: number): string {
  return createPublicKey(supervisorKey(i)).export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

/**
 * Signs `data` (record `recordId`, a `purpose` record) as supervisor `i` whose employee id is
 * `signer`: the bytes `docs/export-format.md` specifies — the prefix lines, then the record's
 * JSON without its signature, fields in the app's order (so the object must list them so).
 */
export function signAs(i: number, signer: string, purpose: 'assessment' | 'rating', recordId: string, data: object) {
  const message = `lentera-signature-v1\n${purpose}\n${recordId}\n${signer}\n${JSON.stringify(data)}`;
  return { ...data, signature: { signer, value: sign(null, Buffer.from(message), supervisorKey(i)).toString('hex') } };
}

/** A realistic export file of one employee, as a learner's device would write it. Employees 0
 * and 1 are supervisors with signing keys: 0 signs everyone's rating but their own, which 1
 * signs. */
/** The NIP of `employeeExport(i, …)`. */
export function nipOf(i: number) {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `1990${pad((i % 12) + 1, 2)}${pad((i % 27) + 1, 2)}2015031${pad(i + 1, 3)}`;
}

export function employeeExport(i: number, opts: { unit: string; level: number; performance?: string; potential?: string; assessed?: string }) {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const device = `tablet-${pad(i, 2)}`;
  const emp = `00000000-0000-4000-8000-${pad(i, 12)}`;
  const at = '2026-10-01T02:00:00Z';
  const rec = (id: string, data: unknown) => ({ id, created_at: at, clock: { [device]: 1 }, device, updated_at: at, data });
  const codes = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'];
  const nip = nipOf(i);
  const doc: Record<string, unknown> = {
    format: 'lentera',
    schema_version: 1,
    export: { app_version: '0.1.0', device, exported_at: '2026-11-20T02:00:00Z', employees: [emp], packs: [] },
    employees: [rec(emp, {
      nip, name: `Pegawai ${pad(i, 2)}`, position: { title: 'Pengadministrasi Umum', kind: 'pelaksana' }, unit: opts.unit, grade: 'II/c',
      ...(i < 2 ? { signing_key: supervisorPublicKey(i) } : {}),
    })],
    assessments: [
      rec(`10000000-0000-4000-8000-${pad(i, 12)}`, {
        employee: emp, kind: 'self_assessment', status: 'final', date: opts.assessed ?? '2026-10-01',
        entries: codes.map((c) => ({ competency: c, level: opts.level })),
      }),
    ],
  };
  if (opts.performance) {
    const ratingId = `20000000-0000-4000-8000-${pad(i, 12)}`;
    const signer = i === 0 ? 1 : 0;
    doc.ratings = [rec(ratingId, signAs(signer, `00000000-0000-4000-8000-${pad(signer, 12)}`, 'rating', ratingId, {
      employee: emp, year: 2026, half: 2, performance: opts.performance, ...(opts.potential ? { potential: opts.potential } : {}),
      rater: 'Kepala Bidang', date: '2026-10-15',
    }))];
  }
  return { name: `lentera-pegawai-${pad(i, 2)}-2026-11-20.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

/** Every value in the app's IndexedDB store, by key: what sits on the disk. */
export async function idbValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('lentera'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const store = db.transaction('kv').objectStore('kv');
    const [keys, values]: [string[], string[]] = await Promise.all([store.getAllKeys(), store.getAll()].map((r) => new Promise<any>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); })) as any);
    return Object.fromEntries(keys.map((k, i) => [String(k), String(values[i])]));
  });
}

/** The sync tests' district: two learners' accounts and a trainer's, applied by the real
 * setup script (`sync-server/setup.mjs`) to the test run's sync server. Safe to call again. */
export const syncDistrict = {
  name: 'kab-uji',
  siti: { nip: '198503122010011002', password: 'siti-sandi-1' },
  budi: { nip: '199001152015032001', password: 'budi-sandi-1' },
  trainer: { name: 'pelatih-kab-uji', password: 'pelatih-sandi-1' },
};

export function setupSyncDistrict() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lentera-sync-'));
  const people = path.join(dir, 'people.csv');
  const trainers = path.join(dir, 'trainers.csv');
  const { siti: s, budi: b, trainer: t } = syncDistrict;
  writeFileSync(people, `nip,password\n${s.nip},${s.password}\n${b.nip},${b.password}\n`);
  writeFileSync(trainers, `name,password\n${t.name},${t.password}\n`);
  execFileSync('node', [
    fileURLToPath(new URL('../../sync-server/setup.mjs', import.meta.url)),
    '--server', SYNC_URL, '--admin', `${SYNC_ADMIN.name}:${SYNC_ADMIN.password}`,
    '--district', syncDistrict.name, '--people', people, '--trainers', trainers,
  ]);
}
