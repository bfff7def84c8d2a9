// Issue 4's "done when" besides the journey: bad imports, the PIN lock, two tabs, reloads, a
// full storage quota, and an accessibility scan of every screen.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, siti, waitForPack } from '../helpers';

const fixture = readFileSync(fileURLToPath(new URL('../../fixtures/export-v1.json', import.meta.url)), 'utf8');

async function importBuffer(page: import('@playwright/test').Page, name: string, text: string) {
  await page.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function profileCount(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('lentera.data') ?? '';
    const json = raw.slice(raw.indexOf('\n') + 1);
    return JSON.parse(json).employees.length;
  });
}

test('bad import files get a clear message and change nothing', async ({ page }) => {
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  const before = await page.evaluate(() => localStorage.getItem('lentera.data'));

  const cases: [string, string, string][] = [
    ['kosong.json', '', 'Berkas kosong.'],
    ['rusak.json', '{"format": "lentera", ', 'Berkas bukan JSON yang sah'],
    ['lain.json', '{"nama": "bukan ekspor", "data": [1, 2, 3]}', 'Berkas ini bukan ekspor Lentera.'],
    ['masa-depan.json', '{"format": "lentera", "schema_version": 99}', 'Perbarui aplikasi'],
    ['nip-salah.json', fixture.replace('"198503122010011002"', '"198503122010013002"'), 'jenis kelamin'],
  ];
  for (const [name, text, message] of cases) {
    await importBuffer(page, name, text);
    await expect(page.getByTestId('import-errors')).toContainText(message);
    await expect(page.getByTestId('import-errors')).toContainText('tidak ada data yang berubah');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  }
  await expectAccessible(page, 'import errors');
  expect(await page.evaluate(() => localStorage.getItem('lentera.data'))).toBe(before);

  // Markup in names is data, shown as text, never run.
  const hostile = fixture
    .replaceAll('"Siti Aminah"', '"<script>window.__pwned = 1</script>"')
    .replaceAll('"Made Wirawan"', '"<img src=x onerror=\\"window.__pwned = 2\\">"');
  await importBuffer(page, 'script.json', hostile);
  await page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByRole('link', { name: 'Lentera' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  await expect(page.getByRole('button', { name: '<script>window.__pwned = 1</script>' })).toBeVisible();
  await expect(page.getByRole('button', { name: '<img src=x onerror="window.__pwned = 2">' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await profileCount(page)).toBe(3);

  await page.reload();
  await expect(page.getByRole('button', { name: /Siti Aminah/ })).toBeVisible();
  expect(await profileCount(page)).toBe(3);
});

test('a PIN keeps a profile closed, and wrong PINs make the next try wait', async ({ page }) => {
  await createProfile(page, { ...siti, pin: '2468' });
  const url = page.url();
  await page.getByRole('button', { name: 'Kunci / ganti profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');

  // A deep link does not get around the lock, and neither does a reload.
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
  await expectAccessible(page, 'unlock');
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText('PIN salah.');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siti Aminah');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('PIN').fill('0000');
    await page.getByRole('button', { name: 'Buka' }).click();
  }
  await expect(page.getByTestId('unlock-error')).toContainText('Tunggu 30 detik');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('Terlalu banyak PIN salah');
  await page.reload();
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('Terlalu banyak PIN salah');
  // The device keeps a hash, never the PIN, and only in its own locks, not in the record.
  const stored = await page.evaluate(() => localStorage.getItem('lentera.data') ?? '');
  expect(stored).toContain('pbkdf2-sha256');
  expect(stored).not.toContain('2468');
  const doc = JSON.parse(stored.slice(stored.indexOf('\n') + 1));
  expect(JSON.stringify(doc.employees)).not.toContain('pbkdf2');
  expect(JSON.stringify(doc.locks)).toContain('pbkdf2-sha256');
});

async function addActivity(page: import('@playwright/test').Page, title: string) {
  await page.getByLabel('Nama kegiatan').fill(title);
  await page.getByLabel('Metode').selectOption('workshop');
  await page.getByLabel('Mulai').fill('2026-03-02');
  await page.getByLabel('Jam belajar').fill('3');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
}

test('two tabs editing the same profile keep both writes, and a reload keeps everything', async ({ page, context }) => {
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Kegiatan pengembangan');

  await addActivity(page, 'Lokakarya A');
  await addActivity(second, 'Bimtek B');
  for (const p of [page, second]) {
    await expect(p.getByTestId('activities')).toContainText('Lokakarya A');
    await expect(p.getByTestId('activities')).toContainText('Bimtek B');
  }
  await expect(page.getByTestId('activities')).toContainText('4 JP');
  await page.reload();
  await expect(page.getByTestId('activities')).toContainText('Lokakarya A');
  await expect(page.getByTestId('activities')).toContainText('Bimtek B');
  await expectAccessible(page, 'activities');
});

test('a full storage quota keeps the previous state and tells the user', async ({ page }) => {
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await addActivity(page, 'Sebelum penuh');
  await expect(page.getByTestId('save-state')).toBeVisible();
  // Fill the origin's localStorage with another app's data until the browser refuses.
  await page.evaluate(() => {
    let n = 0;
    let size = 256 * 1024;
    while (size >= 16) {
      try {
        localStorage.setItem(`other-app-${n++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await addActivity(page, 'Setelah penuh');
  await expect(page.getByTestId('save-failed')).toContainText('TIDAK tersimpan');
  await expect(page.getByTestId('save-failed')).toContainText('Ekspor');
  await expect(page.getByTestId('activities')).not.toContainText('Setelah penuh');
  await page.reload();
  await expect(page.getByTestId('activities')).toContainText('Sebelum penuh');
  await expect(page.getByTestId('activities')).not.toContainText('Setelah penuh');
});

test('every remaining screen passes the accessibility scan, in both languages', async ({ page }) => {
  await waitForPack(page).catch(() => {});
  await page.goto('./');
  await waitForPack(page);
  await page.getByRole('link', { name: 'Tambah profil' }).click();
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByText('NIP wajib diisi.')).toBeVisible();
  await expectAccessible(page, 'profile form with errors');
  await createProfile(page, siti);
  for (const [link, what] of [['Belajar', 'catalog'], ['Rencana', 'plan'], ['Atasan', 'supervisor'], ['Ringkasan', 'empty dashboard']]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await expectAccessible(page, what);
  }
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expectAccessible(page, 'dashboard in English');
});

test('screens fit a 10-inch tablet in both orientations without sideways scrolling', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    for (const link of ['Ringkasan', 'Penilaian diri', 'Belajar', 'Kegiatan', 'Rencana', 'Atasan']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${link} at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(0);
    }
  }
});

test('checks that help: a NIP already on this device, an appointment ahead, more hours than a day holds', async ({ page }) => {
  await page.goto('./');
  await createProfile(page, siti);
  // A second profile with Siti's NIP: refused beside the NIP, naming her profile, focus there.
  await page.goto('./');
  await page.getByRole('link', { name: 'Tambah profil' }).click();
  await page.getByLabel('Nama lengkap').fill('Siti A.');
  await page.getByLabel('NIP').fill(siti.nip);
  await page.getByLabel('Nama jabatan').fill(siti.title);
  await page.getByLabel('Jenis jabatan').selectOption(siti.kind);
  await page.getByLabel('Unit kerja').fill(siti.unit);
  await page.getByLabel('Golongan/ruang').selectOption(siti.grade);
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByTestId('nip-error')).toContainText(`NIP ini sudah dipakai profil "Siti Aminah" (${siti.unit}) di perangkat ini.`);
  await expect(page.getByLabel('NIP')).toBeFocused();
  // An appointment month still ahead (digits 9–14: January 2099).
  await page.getByLabel('NIP').fill('199001012099011001');
  await page.getByLabel('NIP').blur();
  await expect(page.getByTestId('nip-error')).toContainText('Bulan pengangkatan dalam NIP (digit 9–14) belum tiba');
  // Appointed at 17: refused. Every error at once, the focus on the first field with one.
  await page.getByLabel('NIP').fill('200005012017061001');
  await page.getByLabel('Nama lengkap').fill('');
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByTestId('nip-error')).toContainText('sebelum usia 18 tahun');
  await expect(page.getByText('Nama wajib diisi.')).toBeVisible();
  await expect(page.getByLabel('Nama lengkap')).toBeFocused();
  await expectAccessible(page, 'profile form with errors');

  // 25 hours of study in one day.
  await page.goto('./');
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await page.getByRole('link', { name: 'Kegiatan' }).click();
  // An empty list says so, and how to fill it.
  await expect(page.getByTestId('activities-empty')).toContainText('Belum ada kegiatan tercatat.');
  await page.getByLabel('Nama kegiatan').fill('Belajar mandiri SIAK');
  await page.getByLabel('Metode').selectOption({ index: 1 });
  await page.getByLabel('Mulai').fill('2026-03-02');
  await page.getByLabel('Jam belajar').fill('25');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  // Beside the hours, with the focus there.
  await expect(page.locator('#e-a-hours')).toContainText('Dalam 1 hari paling banyak 24 jam');
  await expect(page.getByLabel('Jam belajar')).toBeFocused();
  await expect(page.getByTestId('activities').locator('li')).toHaveCount(0);
  // A start ahead of today and no name: both said at once, the focus on the first.
  await page.getByLabel('Nama kegiatan').fill('');
  await page.getByLabel('Mulai').fill('2099-01-01');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.locator('#e-a-title')).toHaveText('Isi nama kegiatan.');
  await expect(page.locator('#e-a-start')).toHaveText('Tanggal tidak boleh setelah hari ini.');
  await expect(page.getByLabel('Nama kegiatan')).toBeFocused();
  await page.getByLabel('Nama kegiatan').fill('Belajar mandiri SIAK');
  await page.getByLabel('Mulai').fill('2026-03-02');
  // The JP it will be credited, before saving: 8 h × 60 ÷ 45 = 10.7 JP (study assignment).
  await page.getByLabel('Jam belajar').fill('8');
  await expect(page.getByTestId('jp-preview')).toHaveText('Akan dicatat: 10,7 JP');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.getByTestId('activities').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('activities-empty')).toHaveCount(0);
});
