// A forgotten PIN is no dead end (issue 14): a trainer, behind the workbench passphrase, resets
// it on the device with the owner typing the new one; every record stays, the old PIN no longer
// opens the profile, and the reset is recorded on the profile.
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, openTrainerMode, siti } from '../helpers';

test('a trainer resets a forgotten PIN; the records stay and the reset is logged on the profile', async ({ page }) => {
  await createProfile(page, { ...siti, pin: '2468' });
  // Something of hers to keep: an activity.
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await page.getByLabel('Nama kegiatan').fill('Bimtek pelayanan publik');
  await page.getByLabel('Metode').selectOption('bimbingan_teknis');
  await page.getByLabel('Mulai').fill('2026-03-02');
  await page.getByLabel('Jam belajar').fill('6');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.getByTestId('activities')).toContainText('Bimtek pelayanan publik');

  // The trainer's workbench on the same tablet: the device's profiles, not the cohort.
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Profil di perangkat ini' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil di perangkat ini');
  await expect(page.getByTestId('device-profiles')).toContainText('Siti Aminah');
  await expect(page.getByTestId('device-profiles')).toContainText('ber-PIN');
  await page.getByRole('button', { name: 'Atur ulang PIN Siti Aminah' }).click();
  for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `PIN reset ${viewport.width}×${viewport.height}`);
  }
  // Checked like every PIN: two that differ are refused.
  await page.getByLabel('PIN baru', { exact: true }).fill('1357');
  await page.getByLabel('Ulangi PIN baru').fill('1358');
  await page.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(page.locator('#reset-error')).toHaveText('Kedua PIN berbeda.');
  await page.getByLabel('Ulangi PIN baru').fill('1357');
  await page.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(page.getByTestId('pin-reset-done')).toContainText('PIN diatur ulang untuk Siti Aminah');
  await expect(page.getByTestId('device-profiles')).not.toContainText('—');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profiles on this device');
  await expectAccessible(page, 'profiles on this device, in English');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // On the learner app: the forgotten PIN no longer opens it, the new one does, her data stays.
  await page.goto('./');
  await page.getByRole('button', { name: /Siti Aminah/ }).click();
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText('PIN salah.');
  await page.getByLabel('PIN').fill('1357');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siti Aminah');
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await expect(page.getByTestId('activities')).toContainText('Bimtek pelayanan publik');
  await page.getByRole('link', { name: 'Data saya' }).click();
  await expect(page.getByTestId('pin-resets').getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'my data with the PIN reset');
});
