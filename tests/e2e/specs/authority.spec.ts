// Issue 10: whose data it is on a shared tablet. Every attack is a crafted file imported on the
// Data page while a colleague's profile is PIN-locked and nobody is unlocked; after each, the
// colleague's stored records are byte-for-byte what they were, the preview said what it skipped
// and why, and her profile still asks for her PIN. Plus: exports never carry a locked profile or
// a PIN hash, leaving a profile locks it, erasing a person leaves nothing personal in storage,
// unreadable stored data is kept and downloadable, and trainer mode's gate.
import { pbkdf2Sync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, defaultPack, employeeExport, idbValues, siti, type Person } from '../helpers';

const ratna: Person = { ...siti, name: 'Ratna Dewi', nip: '198807152012122001', pin: '2468' };
const budi: Person = { ...siti, name: 'Budi Santoso', nip: '199001012015031002' };

/** The device's stored snapshot (localStorage `lentera.data`, after its one-line header). */
async function storedDoc(page: Page): Promise<any> {
  const raw = await page.evaluate(() => localStorage.getItem('lentera.data') ?? '');
  return JSON.parse(raw.slice(raw.indexOf('\n') + 1));
}

/** Everything stored about one person: their employee record and every record they own. */
function recordsOf(doc: any, id: string) {
  const owned = (t: string) => (doc[t] ?? []).filter((r: any) => (r.data?.employee ?? r.owner) === id);
  return JSON.stringify({
    employee: (doc.employees ?? []).find((r: any) => r.id === id),
    assessments: owned('assessments'), progress: owned('progress'), activities: owned('activities'),
    ratings: owned('ratings'), feedback: owned('feedback'), plan: owned('plan'),
    lock: (doc.locks ?? []).find((r: any) => r.id === id),
  });
}

async function importText(page: Page, name: string, text: string) {
  await page.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const now = () => new Date().toISOString();

test('crafted files cannot change, unlock, rename, delete or add to a locked colleague', async ({ page }) => {
  await createProfile(page, ratna);
  const id = decodeURIComponent(page.url().split('#/p/')[1].split('/')[0]);
  await page.getByRole('button', { name: 'Kunci / ganti profil' }).click();
  await createProfile(page, budi);
  await page.getByRole('link', { name: 'Lentera' }).click();

  const before = await storedDoc(page);
  const herBefore = recordsOf(before, id);
  const her = before.employees.find((r: any) => r.id === id);
  // A version that has seen all of hers and more: it would win any merge.
  const newer = (data: any, extra: any = {}) => ({ ...her, clock: { ...her.clock, 'tablet-x': 9 }, device: 'tablet-x', updated_at: now(), data, ...extra });
  const rec = (data: any) => ({ id: randomUUID(), created_at: now(), clock: { 'tablet-x': 1 }, device: 'tablet-x', updated_at: now(), data });
  const file = (tables: any, schema = 2) => JSON.stringify({ format: 'lentera', schema_version: schema, employees: [her], ...tables });
  // A PIN hash an attacker knows the PIN of, in the app's own old scheme.
  const salt = Buffer.alloc(16, 7);
  const knownPin = { scheme: 'pbkdf2-sha256:60000', salt: salt.toString('hex'), hash: pbkdf2Sync('0000', salt, 60000, 32, 'sha256').toString('hex') };
  const { pin: _, ...herData } = her.data;

  const attacks: [string, string, string][] = [
    ['strip the PIN (old file, no pin field, newer clock)', file({ employees: [newer(herData)] }, 1), 'ber-PIN'],
    ['replace the PIN (old file carrying a known hash)', file({ employees: [newer({ ...herData, pin: knownPin })] }, 1), 'ber-PIN'],
    ['rename her', file({ employees: [newer({ ...herData, name: 'Ratna DIUBAH' })] }), 'ber-PIN'],
    ['delete her profile', file({ employees: [newer(undefined, { deleted: true })] }), 'menghapus profil ber-PIN'],
    ['add activities', file({ activities: [rec({ employee: id, title: 'Pelatihan palsu', method: 'workshop', start: '2026-11-01', end: '2026-11-01', hours: 2000, competencies: [] })] }), 'ber-PIN'],
    ['add a module completion', file({ progress: [{ ...rec({ employee: id, pack: 'lentera-dasar', module: 'mod-m01-integritas', lessons_done: ['l1'], attempts: {}, completion: { at: now(), attempt: 'x1', jp: 3 } }), id: `${id}:lentera-dasar:mod-m01-integritas` }] }), 'ber-PIN'],
    ['add a performance rating', file({ ratings: [rec({ employee: id, year: 2026, half: 2, performance: 'below', potential: 'low', rater: 'Orang lain', date: '2026-11-01' })] }), 'ber-PIN'],
  ];
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  for (const [what, text, reason] of attacks) {
    await importText(page, `${what}.json`, text);
    const skipped = page.getByTestId('import-person-skipped');
    await expect(skipped, what).toHaveCount(1);
    await expect(skipped, what).toContainText('Ratna Dewi');
    await expect(skipped.getByTestId('skip-reason'), what).toContainText(reason);
    // Only she is in the file: nothing may merge.
    await expect(page.getByTestId('import-nothing'), what).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }), what).toBeDisabled();
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(recordsOf(await storedDoc(page), id), what).toBe(herBefore);
  }

  // Bounds: a counter that would wrap, and a record with more versions than a merge may take.
  const huge = file({ employees: [newer(herData, { clock: { 'tablet-x': 1 } })] }).replace('"tablet-x":1', '"tablet-x":18446744073709551615');
  const many = file({ employees: [newer(herData, { conflicts: Array.from({ length: 40 }, (_, k) => ({ clock: { [`t${k}`]: 1 }, device: `t${k}`, updated_at: now(), data: { ...herData, name: `Versi ${k}` } })) })] });
  for (const [what, text, message] of [['a u64::MAX edit counter', huge, 'penghitung suntingan tidak wajar'], ['40 versions of one record', many, 'terlalu banyak versi']]) {
    await importText(page, `${what}.json`, text);
    await expect(page.getByTestId('import-errors'), what).toContainText(message);
    await expect(page.getByTestId('import-errors'), what).toContainText('tidak ada data yang berubah');
    expect(recordsOf(await storedDoc(page), id), what).toBe(herBefore);
  }

  // A file that mixes her with someone new: the new person merges, she is skipped.
  const newcomer = { id: randomUUID(), created_at: now(), clock: { 'tablet-x': 1 }, device: 'tablet-x', updated_at: now(), data: { ...herData, name: 'Pegawai Baru', nip: '199203042019031004' } };
  await importText(page, 'campuran.json', JSON.stringify({ format: 'lentera', schema_version: 2, employees: [newer({ ...herData, name: 'Ratna DIUBAH' }), newcomer] }));
  await expect(page.getByTestId('import-person')).toContainText('Pegawai Baru');
  await expect(page.getByTestId('import-person')).toContainText('baru di perangkat ini');
  await expect(page.getByTestId('import-person-skipped')).toContainText('Ratna Dewi');
  await page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await expect(page.getByTestId('import-done')).toContainText('orang digabungkan 1, dilewati 1');
  expect(recordsOf(await storedDoc(page), id)).toBe(herBefore);

  // She is still listed, still asks for her PIN, the attacker's PIN does not open it, hers does,
  // and her data is what it was.
  await page.getByRole('link', { name: 'Lentera' }).click();
  await expect(page.getByRole('button', { name: /Ratna Dewi/ })).toBeVisible();
  await page.getByRole('button', { name: /Ratna Dewi/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText('PIN salah.');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ratna Dewi');
  await expect(page.getByTestId('jp-earned')).toHaveText('0 / 20');
  // Her correct PIN rehashed her lock with the current rounds; her records are unchanged.
  const after = await storedDoc(page);
  const { lock: _l1, ...herNow } = JSON.parse(recordsOf(after, id));
  const { lock: _l2, ...herThen } = JSON.parse(herBefore);
  expect(herNow).toEqual(herThen);

  // With her PIN entered in the preview, her own file from another device does merge.
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await importText(page, 'ratna-tablet-lain.json', file({ activities: [rec({ employee: id, title: 'Bimtek pelayanan', method: 'workshop', start: '2026-11-02', end: '2026-11-02', hours: 4, competencies: [] })] }));
  await expect(page.getByTestId('import-person-skipped')).toContainText('Ratna Dewi');
  await page.getByLabel('PIN Ratna Dewi').first().fill('2468');
  await page.getByRole('button', { name: 'Sertakan', exact: true }).first().click();
  await expect(page.getByTestId('import-person')).toContainText('Ratna Dewi');
  await page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  expect(JSON.stringify((await storedDoc(page)).activities)).toContain('Bimtek pelayanan');
});

test('exports made without a PIN carry no locked profile and no PIN hash; leaving a profile locks it', async ({ page }) => {
  await createProfile(page, ratna);
  await page.getByRole('button', { name: 'Kunci / ganti profil' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  // Everyone has a PIN and nobody entered one: nothing to export, never "everyone".
  await expect(page.getByRole('button', { name: /Ekspor profil yang disertakan/ })).toBeDisabled();
  await expect(page.getByTestId('export-excluded')).toContainText('Ratna Dewi');

  await createProfile(page, budi);
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor profil yang disertakan \(1\)/ }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('Budi Santoso');
  expect(text).not.toContain('Ratna Dewi');
  expect(text).not.toContain('pbkdf2');
  expect(text).not.toContain('"pin"');
  expect(text).not.toContain('"locks"');

  // Her PIN on this page includes her, still without any hash in the file.
  await page.getByLabel('PIN Ratna Dewi').fill('2468');
  await page.getByRole('button', { name: 'Sertakan', exact: true }).click();
  const [both] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor profil yang disertakan \(2\)/ }).click()]);
  const bothText = readFileSync((await both.path())!, 'utf8');
  expect(bothText).toContain('Ratna Dewi');
  expect(bothText).not.toContain('pbkdf2');

  // Leaving by the logo, then Back: the PIN is asked again. Same through the Data page.
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('button', { name: /Ratna Dewi/ }).click();
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ratna Dewi');
  await page.getByRole('link', { name: 'Lentera' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ratna Dewi');
  await page.goto('./#/data');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
});

test('erasing a person leaves nothing personal of theirs in storage, and the deletion travels', async ({ page }) => {
  // Names that appear nowhere in the shipped pack's text.
  const yohana: Person = { ...budi, name: 'Yohana Kristanti Lase', nip: '199112242017082001', unit: 'Seksi Arsip Kecamatan Gunungsitoli', title: 'Arsiparis Terampil Khusus' };
  await createProfile(page, yohana);
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await page.getByLabel('Nama kegiatan').fill('Kursus arsip rahasia Budi');
  await page.getByLabel('Metode').selectOption('workshop');
  await page.getByLabel('Mulai').fill('2026-03-02');
  await page.getByLabel('Jam belajar').fill('3');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.getByTestId('save-state')).toBeVisible();
  await page.getByRole('link', { name: 'Data saya' }).click();
  const saves = Number(await page.getByTestId('save-state').getAttribute('data-count'));
  await page.getByLabel('Ketik HAPUS untuk mengonfirmasi').fill('HAPUS');
  await page.getByRole('button', { name: 'Hapus profil dan semua data saya' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  await expect(page.getByRole('button', { name: /Yohana/ })).toHaveCount(0);
  // The erasing save has reached the durable copy too.
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-count', String(saves + 1));

  // Every key of localStorage and of IndexedDB, read raw.
  const everything = await page.evaluate(async () => {
    const local = Object.keys(localStorage).map((k) => `localStorage ${k}: ${localStorage.getItem(k)}`);
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('lentera'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const store = db.transaction('kv').objectStore('kv');
    const [keys, values]: [string[], string[]] = await Promise.all([store.getAllKeys(), store.getAll()].map((r) => new Promise<any>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); })) as any);
    return [...local, ...keys.map((k, i) => `IndexedDB ${k}: ${values[i]}`)];
  });
  for (const personal of [yohana.name, yohana.nip, 'Kursus arsip rahasia Budi', yohana.unit, yohana.title]) {
    const holding = everything.filter((entry) => entry.includes(personal)).map((entry) => entry.split(':')[0]);
    expect(holding, personal).toEqual([]);
  }

  // The deletion goes out in the device's export (no data in it), so other devices erase too.
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await expect(page.getByTestId('export-deletions')).toContainText('1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor profil yang disertakan/ }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.employees).toHaveLength(1);
  expect(exported.employees[0].deleted).toBe(true);
  expect(exported.activities[0].deleted).toBe(true);
  for (const personal of [yohana.name, yohana.nip, 'Kursus arsip rahasia Budi']) expect(JSON.stringify(exported)).not.toContain(personal);
});

test('stored data the app cannot read is kept aside, downloadable, and never overwritten', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('lentera.data', 'LENTERA1 3 0000000000000000\n{"format":"lentera","schema_version":2,"employees":[{"name":"Sisa data lama"}]}'));
  await page.reload();
  await expect(page.getByTestId('recovery')).toContainText('disisihkan');
  await createProfile(page, budi);
  await createProfile(page, { ...siti, name: 'Sari Wulandari', nip: '199505052020122003' });
  await page.goto('./#/data');
  const kept = page.getByTestId('aside');
  await expect(kept).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), kept.getByRole('button', { name: 'Unduh data mentah' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toContain('Sisa data lama');
  // Discarding takes two deliberate taps.
  await kept.getByRole('button', { name: 'Buang' }).click();
  await expect(kept).toHaveCount(1);
  await kept.getByRole('button', { name: 'Yakin? Buang untuk selamanya' }).click();
  await expect(page.getByTestId('no-aside')).toBeVisible();
});

/** Every value in IndexedDB `lentera`/`kv`, by key. */
async function idbWrite(page: Page, puts: Record<string, string>, deletes: string[] = []) {
  await page.evaluate(async ([puts, deletes]) => {
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('lentera'); r.onupgradeneeded = () => r.result.createObjectStore('kv'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('kv', 'readwrite');
      for (const [k, v] of Object.entries(puts as Record<string, string>)) tx.objectStore('kv').put(v, k);
      for (const k of deletes as string[]) tx.objectStore('kv').delete(k);
      tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error);
    });
  }, [puts, deletes] as const);
}

test('trainer mode: the cohort is encrypted at rest, wrong passphrases wait, no new passphrase over a stored cohort', async ({ page }) => {
  await page.goto('./pelatih/');
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('pendek');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('pendek');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await expect(page.getByTestId('trainer-error')).toContainText('minimal 8 karakter');
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await expect(page.getByRole('link', { name: 'Kohort', exact: true })).toBeVisible();

  // A pack whose ids would break derived record ids is refused with the field and the rule.
  const bad = JSON.parse(JSON.stringify(defaultPack));
  bad.version = 99;
  bad.modules[0].id = 'mod satu';
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  await page.getByLabel('Muat paket konten (.json)').setInputFiles({ name: 'paket-id-rusak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('pack-result')).toContainText('Id modul "mod satu" tidak sah');
  await expect(page.getByTestId('packs')).not.toContainText('99');

  // The cohort at rest: nothing of it is readable from IndexedDB.
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles([employeeExport(1, { unit: 'Kecamatan Rahasia', level: 2 })]);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toBeVisible();
  const stored = await idbValues(page);
  expect(JSON.parse(stored.cohort).format).toBe('lentera-encrypted');
  for (const plain of ['Pegawai 01', 'Kecamatan Rahasia', '"employees"']) expect(JSON.stringify(stored)).not.toContain(plain);
  expect(stored['trainer.pin']).toBeUndefined();

  await page.getByRole('button', { name: 'Kunci mode pelatih' }).click();
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-salah');
    await page.getByRole('button', { name: 'Buka' }).click();
    await expect(page.getByTestId('trainer-error')).toContainText('Kata sandi salah');
  }
  await expect(page.getByTestId('trainer-error')).toContainText('Tunggu 30 detik');
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('trainer-error')).toContainText('Terlalu banyak kata sandi salah');
  expect((await idbValues(page)).cohort).toBe(stored.cohort);

  // A plain cohort whose trainer PIN is missing: no passphrase can be set over it.
  await idbWrite(page, { cohort: 'LENTERA1 0 0\n{}' });
  await page.reload();
  await expect(page.getByTestId('trainer-orphaned')).toBeVisible();
  await expect(page.getByLabel('Ulangi kata sandi pelatih')).toHaveCount(0);
});

test('an older plain cohort is encrypted at the first unlock with its old PIN, nothing lost', async ({ page }) => {
  await page.goto('./');
  // What an older build stored: the cohort in plain form and the trainer PIN hash beside it.
  const file = JSON.parse(employeeExport(7, { unit: 'Kecamatan Lama', level: 3 }).buffer.toString());
  file.schema_version = 1;
  const json = JSON.stringify(file);
  const fnv = (text: string) => { let h = 0xcbf29ce484222325n; for (const b of Buffer.from(text)) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; } return h.toString(16).padStart(16, '0'); };
  const salt = Buffer.alloc(16, 7);
  const pin = { scheme: 'pbkdf2-sha256:60000', salt: salt.toString('hex'), hash: pbkdf2Sync('13579', salt, 60000, 32, 'sha256').toString('hex') };
  await idbWrite(page, { cohort: `LENTERA1 0 ${fnv(json)}\n${json}`, 'trainer.pin': JSON.stringify(pin) });
  await page.goto('./pelatih/');
  await page.getByLabel('PIN pelatih lama').fill('11111');
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-baru');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('kata-sandi-baru');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await expect(page.getByTestId('trainer-error')).toContainText('PIN salah');
  expect((await idbValues(page)).cohort).toContain('Kecamatan Lama');
  await page.getByLabel('PIN pelatih lama').fill('13579');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('1 pegawai dalam kohort');
  const stored = await idbValues(page);
  expect(JSON.parse(stored.cohort).format).toBe('lentera-encrypted');
  expect(stored.cohort).not.toContain('Kecamatan Lama');
  expect(stored['trainer.pin']).toBeUndefined();
  // And it opens again with the new passphrase only.
  await page.getByRole('button', { name: 'Kunci mode pelatih' }).click();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-baru');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('1 pegawai dalam kohort');
});
