// The rest of the learner's screens: resuming a self-assessment, suggested levels, history,
// the supervisor's verified levels, the development plan, the catalog filters, conflicts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, selfAssess, siti, takeQuiz, waitForPack } from '../helpers';

test('a self-assessment resumes where it stopped, suggests levels and keeps a history', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await expect(page.getByText('Kompetensi 1 dari 11')).toBeVisible();
  await expect(page.getByTestId('history-empty')).toHaveText('Belum ada penilaian yang selesai.');

  // Ticking all level-2 indicators of M.01 suggests level 2.
  const level2 = page.locator('.level-option').nth(1).locator('input[type=checkbox]');
  for (let i = 0; i < (await level2.count()); i++) await level2.nth(i).check();
  await expect(page.getByTestId('suggested')).toContainText('tingkat 2');
  await page.getByLabel('Tingkat 2').first().check();
  await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
  await page.getByLabel('Tingkat 3').first().check();
  await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
  await expect(page.getByText('Kompetensi 3 dari 11')).toBeVisible();

  // Stop, reload, come back: the draft resumes at the third competency.
  await page.reload();
  await expect(page.getByText('Kompetensi 3 dari 11')).toBeVisible();
  await selfAssess(page, { 'M.01': 2, 'M.02': 3 });
  await expect(page.getByTestId('jpm')).toBeVisible();

  // A second assessment shows what changed.
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await selfAssess(page, { 'M.01': 3, 'M.02': 3 });
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await expect(page.getByTestId('history')).toContainText('M.01: 2 → 3');
  await expect(page.getByTestId('history')).toContainText('penilaian pertama');
});

test('each self-assessment step opens at its heading, its save bar on screen and far levels folded', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  const heading = page.locator('#assess-step');
  const first = await heading.textContent();
  await expect(page.getByTestId('assess-progress')).toHaveText('1 / 11');
  // Siti's standard for M.01 is level 3: levels 2–4 open, 1 and 5 folded but choosable.
  await expect(page.getByTestId('level-3-details')).toBeVisible();
  await expect(page.getByTestId('level-5-details')).toBeHidden();
  await expect(page.getByRole('radio', { name: /^Tingkat 5/ })).toBeVisible();
  const unfold = page.locator('.level-option').nth(4).getByRole('button', { name: 'Lihat uraian' });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await unfold.click();
  await expect(page.getByTestId('level-5-details')).toBeVisible();
  await expect(page.locator('.level-option').nth(4).getByRole('button', { name: 'Sembunyikan uraian' })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'self-assessment step');

  // The save bar stays on screen at the top and at the bottom of a long step.
  const bar = page.getByTestId('save-bar');
  await expect(bar).toBeInViewport();
  await page.getByRole('radio', { name: /^Tingkat 3/ }).check();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(bar).toBeInViewport();
  await bar.getByRole('button', { name: 'Simpan dan lanjut' }).click();

  // The next step opens at its top, focus on its heading, its levels folded afresh.
  await expect(heading).not.toHaveText(first!);
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('assess-progress')).toHaveText('2 / 11');
  const box = (await heading.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(200);
  await expect(page.getByTestId('level-5-details')).toBeHidden();
});

test('a supervisor records verified levels and a rating; the plan follows the gaps', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  // The supervisor is an employee too, with their own profile and PIN on the tablet.
  await createProfile(page, { ...siti, name: 'Bapak Camat', nip: '197802152005011003', kind: 'administrator', pin: '1357' });
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await selfAssess(page, { 'T.PLY.01': 3 });
  await expect(page.getByTestId('gaps')).not.toContainText('diverifikasi');

  await page.getByRole('link', { name: 'Atasan', exact: true }).click();
  // Public feedback recorded first is considered by the supervisor's evaluation.
  await page.getByLabel('Jenis', { exact: true }).selectOption('negative');
  await page.getByLabel('Sumber (pilihan)').fill('Kotak saran');
  await page.getByLabel('Isi umpan balik').fill('Antrean lama, petugas kurang ramah.');
  await page.getByRole('button', { name: 'Catat umpan balik' }).click();
  await expect(page.getByTestId('feedback')).toContainText('Keluhan (Kotak saran): Antrean lama');
  await page.getByLabel('PIN atasan').fill('1357');
  await page.getByLabel(/^M\.01/).selectOption('1');
  await page.getByLabel('Kinerja', { exact: true }).selectOption('above');
  await page.getByRole('button', { name: 'Tandatangani dan simpan' }).click();
  await expect(page.getByText('Tersimpan dan ditandatangani oleh Bapak Camat.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Di atas ekspektasi' })).toBeVisible();

  await page.getByRole('link', { name: 'Ringkasan' }).click();
  await expect(page.getByTestId('gaps')).toContainText('1 (diverifikasi Bapak Camat)');
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await expect(page.getByTestId('history')).toContainText('Diverifikasi atasan (Bapak Camat, tanda tangan sah), 1 umpan balik publik dipertimbangkan');

  await page.getByRole('link', { name: 'Rencana', exact: true }).click();
  await expect(page.getByTestId('plan-proposals')).toContainText('M.01');
  await page.getByRole('button', { name: 'Masukkan ke rencana' }).click();
  await expect(page.getByTestId('plan')).toContainText('modul');
  // A target day: never in the past, kept after a reload, shown once the item is done.
  const first = page.getByTestId('plan').getByRole('listitem').first();
  await first.getByLabel('Target selesai').fill('2020-01-01');
  await first.getByLabel('Target selesai').blur();
  await expect(first.getByRole('alert')).toHaveText('Target tidak boleh sebelum hari ini.');
  await first.getByLabel('Target selesai').fill('2030-06-30');
  await first.getByLabel('Target selesai').blur();
  await expect(page.getByTestId('plan')).not.toContainText('Target tidak boleh');
  await page.reload();
  await expect(page.getByTestId('plan').getByRole('listitem').first().getByLabel('Target selesai')).toHaveValue('2030-06-30');
  await expectAccessible(page, 'plan');
  await page.getByTestId('plan').getByRole('button', { name: 'Tandai selesai' }).first().click();
  await expect(page.getByTestId('plan')).toContainText('✓');
  await page.reload();
  await expect(page.getByTestId('plan')).toContainText('✓');
  await expect(page.getByTestId('plan')).toContainText('Target 30 Juni 2030');

  // A module in the plan is ticked by passing it: its button opens it, the pass ticks it.
  await page.getByTestId('plan').getByRole('button', { name: 'Tandai direncanakan' }).first().click();
  const planned = page.getByTestId('plan').getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Buka modul' }) }).first();
  const title = (await planned.textContent()) ?? '';
  await planned.getByRole('link', { name: 'Buka modul' }).click();
  const module = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
  await page.goto(page.url() + '/kuis');
  await takeQuiz(page, module, true);
  await expect(page.getByTestId('quiz-result')).toContainText('Lulus');
  await page.getByRole('link', { name: 'Rencana', exact: true }).click();
  const ticked = page.getByTestId('plan').getByRole('listitem').filter({ hasText: title.split(':')[0] }).filter({ hasText: 'Modul lulus' });
  await expect(ticked).toHaveCount(1);
  await expect(ticked).toContainText('✓');
});

test('the catalog puts recommended modules first and filters by competency and status', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await selfAssess(page, { 'M.03': 1, 'T.PLY.01': 3 });
  await page.getByRole('link', { name: 'Belajar', exact: true }).click();
  const cards = page.getByTestId('catalog').locator('li');
  await expect(cards).toHaveCount(13);
  await expect(cards.first()).toContainText('disarankan');
  await expect(cards.first()).toContainText('M.03');
  await page.getByLabel('Kompetensi').selectOption('T.TIK.01');
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Status').selectOption('completed');
  await expect(cards).toHaveCount(0);
});

test('conflicting versions from two devices are listed and one can be kept', async ({ page }) => {
  const fixture = readFileSync(fileURLToPath(new URL('../../fixtures/export-v1.json', import.meta.url)));
  await page.goto('./#/data');
  await page.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name: 'dua-perangkat.json', mimeType: 'application/json', buffer: fixture });
  await page.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText('Kantor Camat Sukamaju');
  await expect(conflicts).toContainText('Kecamatan Sukamaju, Seksi Pelayanan');
  await conflicts.locator('li li', { hasText: 'Kecamatan Sukamaju, Seksi Pelayanan' }).getByRole('button', { name: 'Pakai versi ini' }).click();
  await expect(page.getByTestId('no-conflicts')).toBeVisible();
  await expect(page.getByTestId('storage-use')).toContainText('Terpakai');
  await page.getByRole('link', { name: 'Lentera' }).click();
  await expect(page.getByRole('button', { name: /Siti Aminah/ })).toContainText('Kecamatan Sukamaju, Seksi Pelayanan');
});
