// District sync in the browser (issue 15): off by default (no request leaves the site), a
// learner sets it up with HR's address and her password, a second tablet brings her profile
// from the server, edits made on each converge, and a concurrent edit is one Lentera conflict
// on both tablets. Every request goes to the site or to the configured server, nowhere else.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, openTrainerMode, setupSyncDistrict, siti, syncDistrict as district, waitForPack } from '../helpers';
import { ORIGIN, PREFIX, SYNC_ADMIN, SYNC_URL } from '../playwright.config';

const sitiHere = { ...siti, nip: district.siti.nip };

/** Every request a context makes that is not to the site itself. */
function offSite(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(ORIGIN + '/')) seen.push(r.url());
  });
  return seen;
}

async function openSync(page: Page) {
  await page.getByRole('link', { name: 'Data saya', exact: true }).click();
  await page.getByRole('link', { name: 'Buka sinkronisasi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sinkronisasi');
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  await expect(page.getByTestId('sync-result')).toContainText('Selesai');
}

/** The trainer's workbench on its own device: signs in to the district and pulls it. */
async function trainerPull(page: Page) {
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Sinkronisasi' }).click();
  await page.getByLabel('Alamat server').fill(SYNC_URL);
  await page.getByLabel('Kode kabupaten/kota').fill(district.name);
  await page.getByLabel('Akun pelatih').fill(district.trainer.name);
  await page.getByLabel('Kata sandi akun').fill(district.trainer.password);
  await page.getByRole('button', { name: 'Masuk dan ambil data' }).click();
  await expect(page.getByTestId('w-sync-result')).toContainText('Selesai');
}

async function editUnit(page: Page, unit: string, name = sitiHere.name) {
  await page.getByRole('link', { name: 'Ringkasan' }).click();
  await page.getByRole('link', { name: 'Ubah profil' }).click();
  await page.getByLabel('Unit kerja').fill(unit);
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('with sync not set up, the app asks nothing of any other host', async ({ page, context }) => {
  const asked = offSite(context);
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, sitiHere);
  await openSync(page);
  await expectAccessible(page, 'sync, not set up');
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await expect(page.getByRole('button', { name: 'Ambil profil saya dari server' })).toBeVisible();
  expect(asked).toEqual([]);
});

test('two tablets of one person converge through the server; a concurrent edit is one conflict on both', async ({ page, context, browser }) => {
  setupSyncDistrict();
  const askedA = offSite(context);
  await page.goto('./');
  await waitForPack(page);
  // On tablet A her profile has a PIN: it stays on tablet A.
  await createProfile(page, { ...sitiHere, pin: '2468' });
  await openSync(page);
  await page.getByLabel('Alamat server').fill(SYNC_URL);
  await page.getByLabel('Kode kabupaten/kota').fill(district.name);
  await page.getByLabel('Kata sandi akun').fill('salah-sandi');
  await page.getByRole('button', { name: 'Masuk dan sinkronkan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'NIP atau kata sandi salah' })).toBeVisible();
  await page.getByLabel('Kata sandi akun').fill(district.siti.password);
  await page.getByRole('button', { name: 'Masuk dan sinkronkan' }).click();
  await expect(page.getByTestId('sync-result')).toContainText('Selesai');
  await expect(page.getByTestId('sync-last')).toContainText('Terakhir disinkronkan');
  await expectAccessible(page, 'sync, set up');

  // Tablet B: a fresh browser brings Siti's profile from the server.
  const tabletB = await browser.newContext({ baseURL: ORIGIN + PREFIX, locale: 'id-ID', viewport: { width: 800, height: 1280 } });
  const askedB = offSite(tabletB);
  const b = await tabletB.newPage();
  await b.goto('./');
  await waitForPack(b);
  await b.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await b.getByLabel('Alamat server').fill(SYNC_URL);
  await b.getByLabel('Kode kabupaten/kota').fill(district.name);
  await b.getByLabel('NIP (nama akun)').fill(district.siti.nip);
  await b.getByLabel('Kata sandi akun').fill(district.siti.password);
  await b.getByRole('button', { name: 'Ambil profil saya dari server' }).click();
  await expect(b.getByTestId('fetched-profile')).toContainText(sitiHere.name);
  await b.getByRole('link', { name: 'Buka profil' }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(sitiHere.name);

  // Offline from each other: A writes a lesson note, both change the unit.
  await page.getByRole('link', { name: 'Belajar', exact: true }).click();
  await page.getByRole('link', { name: /Integritas/ }).first().click();
  await page.getByRole('link', { name: 'Mulai belajar' }).click();
  await page.getByLabel('Catatan dan jawaban latihan Anda').fill('Catatan dari tablet A');
  await page.getByLabel('Catatan dan jawaban latihan Anda').blur();
  await expect(page.getByText('Catatan tersimpan.')).toBeVisible();
  await editUnit(page, 'Kecamatan Sukamaju, Seksi A');
  await editUnit(b, 'Kecamatan Sukamaju, Seksi B');

  // A syncs, B syncs, A syncs: both hold everything, and the two units are one conflict.
  await openSync(page);
  await syncNow(page);
  await openSync(b);
  await syncNow(b);
  await page.getByRole('link', { name: 'Data saya', exact: true }).click();
  await page.getByRole('link', { name: 'Buka sinkronisasi' }).click();
  await syncNow(page);
  for (const tablet of [page, b]) {
    await expect(tablet.getByTestId('sync-conflicts')).toContainText('1 catatan Anda memiliki versi yang bertentangan');
    await tablet.getByRole('link', { name: 'Data saya', exact: true }).click();
    const conflicts = tablet.getByTestId('conflicts');
    await expect(conflicts).toContainText('Seksi A');
    await expect(conflicts).toContainText('Seksi B');
  }
  // The trainer's laptop pulls the district (the server copies Siti's database there within
  // moments): the same conflict, one record, for her to settle on her tablet.
  const laptop = await browser.newContext({ baseURL: ORIGIN + PREFIX, locale: 'id-ID', viewport: { width: 1280, height: 800 } });
  const t = await laptop.newPage();
  await trainerPull(t);
  await expect.poll(async () => {
    await t.getByRole('button', { name: 'Ambil data kabupaten/kota sekarang' }).click();
    return t.getByTestId('w-sync-result').textContent();
  }, { timeout: 20_000 }).toContain('1 catatan di kohort memiliki versi yang bertentangan');
  await laptop.close();

  // B has A's note.
  await b.getByRole('link', { name: 'Belajar', exact: true }).click();
  await b.getByRole('link', { name: /Integritas/ }).first().click();
  await b.getByRole('link', { name: /Lanjutkan|Mulai belajar/ }).click();
  await expect(b.getByLabel('Catatan dan jawaban latihan Anda')).toHaveValue('Catatan dari tablet A');

  // No PIN hash reached the server: none of the lock's values is in any of her documents.
  const lock = await page.evaluate(() => {
    const raw = localStorage.getItem('lentera.data') ?? '';
    return JSON.parse(raw.slice(raw.indexOf('\n') + 1)).locks[0].data.pin;
  });
  const admin = 'Basic ' + Buffer.from(`${SYNC_ADMIN.name}:${SYNC_ADMIN.password}`).toString('base64');
  const onServer = await (await fetch(`${SYNC_URL}/lentera-${district.name}-${district.siti.nip}/_all_docs?include_docs=true`, { headers: { authorization: admin } })).text();
  expect(onServer).toContain('Seksi A');
  for (const secret of [lock.salt, lock.hash, lock.scheme]) expect(onServer).not.toContain(secret);
  expect(onServer).not.toMatch(/"(pin|pin_hash|locks|salt)"/);

  // Nothing asked of any host but the site and the configured server.
  for (const url of [...askedA, ...askedB]) expect(url.startsWith(SYNC_URL + '/'), url).toBe(true);
  expect(askedA.length).toBeGreaterThan(0);
  await tabletB.close();
});

test('a trainer pulls the district into the cohort and sees who has not synced since a day', async ({ page, browser }) => {
  setupSyncDistrict();
  // Budi's tablet: his profile, synced.
  const tablet = await browser.newContext({ baseURL: ORIGIN + PREFIX, locale: 'id-ID', viewport: { width: 800, height: 1280 } });
  const b = await tablet.newPage();
  await b.goto('./');
  await waitForPack(b);
  const budi = { ...siti, name: 'Budi Santoso', nip: district.budi.nip };
  await createProfile(b, budi);
  await openSync(b);
  await b.getByLabel('Alamat server').fill(SYNC_URL);
  await b.getByLabel('Kode kabupaten/kota').fill(district.name);
  await b.getByLabel('Kata sandi akun').fill(district.budi.password);
  await b.getByRole('button', { name: 'Masuk dan sinkronkan' }).click();
  await expect(b.getByTestId('sync-result')).toContainText('Selesai');
  // Offline, Budi changes his unit; back online, the tablet syncs by itself.
  await tablet.setOffline(true);
  await editUnit(b, 'Kecamatan Sukamaju, Seksi Daring', budi.name);
  await tablet.setOffline(false);
  const admin = 'Basic ' + Buffer.from(`${SYNC_ADMIN.name}:${SYNC_ADMIN.password}`).toString('base64');
  await expect.poll(async () => (await fetch(`${SYNC_URL}/lentera-${district.name}-${district.budi.nip}/_all_docs?include_docs=true`, { headers: { authorization: admin } })).text(), { timeout: 15_000 })
    .toContain('Seksi Daring');
  await tablet.close();

  // The trainer's laptop: the workbench pulls the district (the server's replication brings
  // Budi's database there within moments).
  await trainerPull(page);
  // Who has not synced since tomorrow: everyone; Budi with the time of his sync.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Belum sinkron sejak').fill(day(1));
  await expect.poll(async () => {
    await page.getByRole('button', { name: 'Ambil data kabupaten/kota sekarang' }).click();
    await expect(page.getByTestId('w-sync-result')).toBeVisible();
    return page.getByTestId('w-sync-behind').textContent();
  }, { timeout: 20_000 }).toContain('Budi Santoso');
  await expectAccessible(page, 'workbench sync, set up');
  await expect(page.getByTestId('w-sync-behind').getByRole('row', { name: /Budi Santoso/ })).not.toContainText('belum pernah');
  await page.getByLabel('Belum sinkron sejak').fill(day(-1));
  await expect(page.getByTestId('w-sync-behind')).not.toContainText('Budi Santoso');
  // The cohort has him, pulled rather than imported.
  await page.getByRole('link', { name: 'Kohort' }).click();
  await expect(page.getByTestId('cohort-table')).toContainText('Budi Santoso');
});
