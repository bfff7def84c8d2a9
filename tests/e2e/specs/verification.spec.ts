// Issue 11, "verified means verified": the supervisor signs an employee's evaluation with their
// own profile and PIN; the signature checks on another device and in the trainer's cohort,
// which show the verifier; a level changed in the file after signing shows as unsigned.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, openTrainerMode, siti, waitForPack, type Person } from '../helpers';

const budi: Person = { ...siti, name: 'Budi Santoso', nip: '197802152005011003', title: 'Camat Sukamaju', kind: 'administrator', pin: '1357' };

/** A fresh device (its own storage) that imports `text` on the Data page. */
async function importElsewhere(browser: Browser, text: string): Promise<Page> {
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto('./#/data');
  await tablet.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name: 'lentera.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await tablet.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await expect(tablet.getByTestId('import-done')).toBeVisible();
  await tablet.getByRole('link', { name: 'Lentera' }).click();
  await tablet.getByRole('button', { name: /Siti Aminah/ }).click();
  return tablet;
}

test('the supervisor signs with their own PIN; the signature checks elsewhere and in the cohort; a changed level shows unsigned', async ({ page, browser }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, budi);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Atasan', exact: true }).click();
  // Only profiles with a PIN here can sign, and never Siti's own.
  await expect(page.getByLabel('Profil atasan').locator('option')).toHaveText(['Budi Santoso']);
  await page.getByLabel(/^M\.01/).selectOption('4');
  await page.getByLabel('Kinerja', { exact: true }).selectOption('above');

  // Without Budi's PIN nothing is recorded.
  await page.getByLabel('PIN atasan').fill('0000');
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByTestId('supervisor-result')).toContainText('PIN salah');
  await expect(page.getByTestId('ratings').locator('li')).toHaveCount(0);

  await page.getByLabel('PIN atasan').fill(budi.pin!);
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByTestId('supervisor-result')).toHaveText('Tersimpan dan ditandatangani oleh Budi Santoso.');
  await expect(page.getByTestId('ratings')).toContainText('✓');
  await expect(page.getByTestId('ratings')).toContainText('ditandatangani Budi Santoso');

  await page.getByRole('link', { name: 'Ringkasan' }).click();
  await expect(page.getByTestId('gaps')).toContainText('4 (diverifikasi Budi Santoso)');
  await expect(page.getByTestId('verification')).toContainText('Terakhir diverifikasi oleh Budi Santoso (NIP 197802152005011003)');

  // Both profiles exported (Budi's PIN includes his): signatures and his public key travel,
  // his sealed secret key does not.
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await page.getByLabel('PIN Budi Santoso').fill(budi.pin!);
  await page.getByRole('button', { name: 'Sertakan', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Ekspor profil yang disertakan \(2\)/ }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file).toContain('"signature"');
  expect(file).toContain('"signing_key"');
  expect(file).not.toContain('"sealed"');
  expect(file).not.toContain('"locks"');

  // Another tablet: the signature checks there.
  const tablet = await importElsewhere(browser, file);
  await expect(tablet.getByTestId('gaps')).toContainText('4 (diverifikasi Budi Santoso)');
  await expect(tablet.getByTestId('verification')).toContainText('Terakhir diverifikasi oleh Budi Santoso');
  await tablet.context().close();

  // The same file with the signed level raised to 5: unsigned, counted as self-reported.
  const tampered = file.replace(/("level":\s*)4/, '$15');
  expect(tampered).not.toBe(file);
  const forged = await importElsewhere(browser, tampered);
  await expect(forged.getByTestId('gaps')).toContainText('5 (dilaporkan sendiri, tanpa tanda tangan atasan yang sah)');
  await expect(forged.getByTestId('verification')).toContainText('⚠ 1 penilaian atasan');
  await expect(forged.getByTestId('verification')).not.toContainText('Terakhir diverifikasi');
  await forged.context().close();

  // The trainer's cohort shows the verifier.
  const trainer = await (await browser.newContext()).newPage();
  await openTrainerMode(trainer);
  await trainer.getByRole('link', { name: 'Impor dan paket' }).click();
  await trainer.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles([{ name: 'kantor.json', mimeType: 'application/json', buffer: Buffer.from(file) }]);
  await trainer.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(trainer.getByTestId('cohort-merged')).toContainText('1 berkas digabungkan');
  await trainer.getByRole('link', { name: 'Kohort', exact: true }).click();
  const row = trainer.getByTestId('cohort-table').getByRole('row').filter({ hasText: 'Siti Aminah' });
  await expect(row.getByTestId('verified-by')).toContainText('✓ diverifikasi Budi Santoso');
  await row.getByRole('link', { name: 'Siti Aminah' }).click();
  await expect(trainer.getByTestId('verification')).toContainText('Terakhir diverifikasi oleh Budi Santoso (NIP 197802152005011003)');
  await expect(trainer.getByTestId('person-levels')).toContainText('diverifikasi Budi Santoso');
  await trainer.getByRole('link', { name: 'Kohort', exact: true }).click();
  const [csv] = await Promise.all([trainer.waitForEvent('download'), trainer.getByRole('button', { name: 'Unduh laporan CSV' }).click()]);
  const line = readFileSync((await csv.path())!, 'utf8').split('\r\n').find((l) => l.includes('"Siti Aminah"'))!;
  expect(line).toContain('"Budi Santoso","197802152005011003"');
  await trainer.getByRole('link', { name: 'Talenta dan promosi' }).click();
  await expect(trainer.getByTestId('talent-grid')).toContainText('kinerja ditandatangani Budi Santoso');
  await trainer.context().close();
});

test('a supervisor changes their PIN with the current one, and signs with the new one only', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, budi);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Atasan', exact: true }).click();
  await page.getByLabel(/^M\.01/).selectOption('3');
  await page.getByLabel('PIN atasan').fill(budi.pin!);
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByTestId('supervisor-result')).toContainText('ditandatangani oleh Budi Santoso');

  // Budi's profile now holds a signing key: its PIN cannot be removed, and a new PIN needs
  // the current one.
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('button', { name: /Budi Santoso/ }).click();
  await page.getByLabel('PIN', { exact: true }).fill(budi.pin!);
  await page.getByRole('button', { name: 'Buka' }).click();
  await page.getByRole('link', { name: 'Ubah profil' }).click();
  await expect(page.getByText('Hapus PIN')).toHaveCount(0);
  await page.getByLabel('PIN saat ini').fill('0000');
  await page.getByLabel('PIN baru').fill('8642');
  await page.getByLabel('Ulangi PIN').fill('8642');
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.locator('#e-pin')).toContainText('PIN saat ini salah');
  await page.getByLabel('PIN saat ini').fill(budi.pin!);
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budi Santoso');

  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await page.getByRole('link', { name: 'Atasan', exact: true }).click();
  await page.getByLabel(/^M\.01/).selectOption('4');
  await page.getByLabel('PIN atasan').fill(budi.pin!);
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByTestId('supervisor-result')).toContainText('PIN salah');
  await page.getByLabel('PIN atasan').fill('8642');
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByTestId('supervisor-result')).toContainText('ditandatangani oleh Budi Santoso');
});
