// JPM that explains itself (issue 14): the figure says how many competencies meet the standard,
// that self-assessed levels are not verified, and how it was computed; the device's settings
// screen chooses the scheme and the "no compensation" rule, which changes the figure exactly as
// docs/rules.md §4 says.
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, selfAssess, siti, waitForPack } from '../helpers';

test('JPM explains itself, and "no compensation" on the settings screen changes it as the rules say', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  // Pengawas with the default pack: 9 × 2 + T.TIK.01 2 + T.PLY.01 3 = 23 required. M.01 and
  // M.02 at 1, T.PLY.01 at 2, everything else at 3.
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await selfAssess(page, { 'M.01': 1, 'M.02': 1, 'T.PLY.01': 2 }, 3);

  // With compensation (the default): (1 + 1 + 7 × 3 + 3 + 2) ÷ 23 = 121.7 % → 100 %, Optimal —
  // and beside it, that three competencies are below the standard and nobody verified them.
  const jpm = page.getByTestId('jpm');
  await expect(jpm.locator('.stat-value')).toHaveText('100 %');
  await expect(page.getByTestId('jpm-category')).toHaveText('Optimal');
  await expect(page.getByTestId('jpm-meeting')).toHaveText('8 dari 11 kompetensi memenuhi standar');
  await expect(page.getByTestId('jpm-unverified')).toContainText('11 tingkat dari penilaian diri, belum diverifikasi atasan');
  await expect(page.getByTestId('jpm-how')).toContainText('dengan kompensasi');
  await expect(page.getByTestId('gaps')).toContainText('kurang 1 tingkat');
  await expect(page.getByTestId('gaps')).toContainText('lebih 1 tingkat');
  await jpm.getByText('Arti kategori').click();
  await expect(jpm.locator('.band-current')).toHaveText('Optimal: 90 % atau lebih');
  await expectAccessible(page, 'dashboard with the JPM explained');

  // The settings screen: no compensation.
  await jpm.getByRole('link', { name: 'Ubah cara menghitung di Pengaturan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan perangkat');
  await page.getByLabel('Tanpa kompensasi: tingkat di atas standar dihitung hanya sampai standar').check();
  await expect(page.getByTestId('settings-status')).toHaveText('Tersimpan di perangkat ini.');
  for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `settings ${viewport.width}×${viewport.height}`);
  }

  // docs/rules.md §4: each competency counts up to its standard. (1 + 1 + 7 × 2 + 2 + 2) ÷ 23
  // = 87.0 % → Cukup Optimal.
  await page.goto('./');
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await expect(jpm.locator('.stat-value')).toHaveText('87 %');
  await expect(page.getByTestId('jpm-category')).toHaveText('Cukup Optimal');
  await expect(page.getByTestId('jpm-how')).toContainText('tanpa kompensasi');

  // The other scheme, chosen on the same screen and kept across a reload: 87 % ≥ 80.
  await page.goto('./#/pengaturan');
  await page.getByLabel('Memenuhi Syarat / Masih Memenuhi Syarat / Kurang Memenuhi Syarat').check();
  await expect(page.getByTestId('settings-status')).toHaveText('Tersimpan di perangkat ini.');
  await page.reload();
  await expect(page.getByLabel('Memenuhi Syarat / Masih Memenuhi Syarat / Kurang Memenuhi Syarat')).toBeChecked();
  await expect(page.getByLabel(/Tanpa kompensasi/)).toBeChecked();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Device settings');
  await expectAccessible(page, 'settings in English');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.goto('./');
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await expect(page.getByTestId('jpm-category')).toHaveText('Memenuhi Syarat');

  // Back to the defaults.
  await page.goto('./#/pengaturan');
  await page.getByRole('button', { name: 'Kembalikan ke bawaan' }).click();
  await page.goto('./');
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await expect(jpm.locator('.stat-value')).toHaveText('100 %');
});
