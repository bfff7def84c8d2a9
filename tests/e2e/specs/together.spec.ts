// Learning together (issue 14, the Rakumpit seed): a facilitator records a group session once;
// each attendee on the tablet confirms — with their own PIN, by a tap on a profile without a
// PIN, or through the facilitator's sign-in list — and each gets the activity with the JP of
// the session kind's method. The trainer sees the session in the cohort.
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, openTrainerMode, siti, type Person } from '../helpers';

const budi: Person = { ...siti, name: 'Budi Santoso', nip: '199001012015031002', pin: '1111' };
const ayu: Person = { ...siti, name: 'Ayu Lestari', nip: '199203152016032001' };
const dedi: Person = { ...siti, name: 'Dedi Kurnia', nip: '198807212014031001', pin: '2222' };

test('a group session credits three attendees after each confirms, and the trainer sees it', async ({ page }) => {
  for (const p of [budi, ayu, dedi]) await createProfile(page, p);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Belajar bersama' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Belajar bersama');

  // Nobody confirmed yet, no topic: said beside the fields, nothing saved.
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page.locator('#e-s-topic')).toHaveText('Isi topik sesi.');
  await expect(page.locator('#e-s-attendees')).toHaveText('Belum ada peserta yang mengonfirmasi kehadirannya.');
  await expect(page.getByLabel('Topik')).toBeFocused();

  await page.getByLabel('Topik').fill('Berbagi praktik baik pelayanan KTP');
  await page.getByLabel('Jenis sesi').selectOption('community_of_practice');
  await page.getByLabel('Tanggal').fill('2026-11-27');
  await page.getByLabel('Lama (jam)').fill('3');
  // docs/rules.md §5: community of practice, factor 0.5: 3 h × 60 ÷ 45 × 0.5 = 2 JP.
  await expect(page.getByTestId('session-jp')).toHaveText('Setiap peserta akan dicatat: 2 JP');
  await page.getByLabel('Nomor daftar hadir (bila ada)').fill('DH-014/XI/2026');

  const row = (name: string) => page.getByTestId('attendee').filter({ hasText: name });
  // Budi with his PIN: a wrong one is refused, his own confirms.
  await row('Budi Santoso').getByLabel('PIN Budi Santoso').fill('9999');
  await row('Budi Santoso').getByRole('button', { name: 'Konfirmasi dengan PIN' }).click();
  await expect(row('Budi Santoso').getByRole('alert')).toHaveText('PIN salah.');
  await row('Budi Santoso').getByLabel('PIN Budi Santoso').fill('1111');
  await row('Budi Santoso').getByRole('button', { name: 'Konfirmasi dengan PIN' }).click();
  await expect(row('Budi Santoso')).toContainText('dikonfirmasi dengan PIN-nya');
  // Ayu has no PIN: a tap. Dedi is on the signed sign-in list.
  await row('Ayu Lestari').getByRole('button', { name: 'Hadir: Ayu Lestari', exact: true }).click();
  await row('Dedi Kurnia').getByRole('button', { name: 'Tercatat di daftar hadir: Dedi Kurnia' }).click();
  await expect(row('Dedi Kurnia')).toContainText('menurut daftar hadir');
  for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `learning together ${viewport.width}×${viewport.height}`);
  }
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page.getByTestId('session-saved')).toContainText('Sesi dicatat untuk 3 peserta.');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning together');
  await expectAccessible(page, 'learning together in English');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // Each attendee has it in their own record, with its JP; the facilitator, not listed, not.
  const jpOf = async (p: Person) => {
    await page.goto('./');
    await page.getByRole('button', { name: new RegExp(p.name) }).click();
    if (p.pin) {
      await page.getByLabel('PIN').fill(p.pin);
      await page.getByRole('button', { name: 'Buka' }).click();
    }
    await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
    return page.getByTestId('activities');
  };
  for (const p of [budi, ayu, dedi]) {
    const list = await jpOf(p);
    await expect(list).toContainText('Berbagi praktik baik pelayanan KTP');
    await expect(list).toContainText('→ 2 JP');
    await expect(list).toContainText('Komunitas praktik · fasilitator Siti Aminah');
  }
  await expect(await jpOf(siti)).not.toContainText('Berbagi praktik baik');

  // The trainer: Dedi's export in the cohort shows the session, and how he confirmed.
  const dediList = await jpOf(dedi);
  await expect(dediList).toContainText('Daftar hadir DH-014/XI/2026');
  await page.getByRole('link', { name: 'Data saya' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor data saya' }).click()]);
  const file = (await download.path())!;
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles({ name: 'dedi.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  const sessions = page.getByTestId('sessions');
  await expect(sessions).toContainText('Berbagi praktik baik pelayanan KTP');
  await expect(sessions).toContainText('Siti Aminah');
  await expect(sessions).toContainText('Dedi Kurnia (daftar hadir)');
});
