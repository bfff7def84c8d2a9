// Offline pack authoring (issue 13): a trainer writes a module with a lesson and a 5-question
// quiz in the workbench (errors beside their fields, a live preview as learners see it),
// publishes and downloads the pack; a learner's tablet loads the file, the learner passes the
// quiz; their export, imported into the workbench, shows the completion and its JP in the
// person view, and the question they missed first in the difficult questions.
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, openTrainerMode, siti, waitForPack } from '../helpers';

const PROMPTS = ['Apa yang pertama dilakukan saat warga datang?', 'Berapa lama batas antrean ideal?', 'Siapa yang boleh merekam KTP-el?', 'Apa yang diperiksa sebelum merekam?', 'Bagaimana menutup layanan?'];

test('a trainer writes a pack offline; a learner passes it; the trainer sees the completion and the missed question', async ({ page, browser }) => {
  await page.goto('./');
  await waitForPack(page);
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Tulis paket' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tulis paket konten');
  await expectAccessible(page, 'drafts');
  await page.getByLabel('Id paket (huruf kecil, angka, tanda hubung)').fill('dinas-dukcapil');
  await page.getByLabel('Judul paket').fill('Pelatihan Dinas Dukcapil');
  await page.getByRole('button', { name: 'Buat draf' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Menulis paket: Pelatihan Dinas Dukcapil');

  // A new module is incomplete: each problem sits beside its field.
  await page.getByRole('button', { name: 'Tambah modul' }).click();
  const module = page.getByTestId('module');
  await expect(module.getByTestId('field-error').first()).toBeVisible();
  await expect(module).toContainText('Modul modul-1 perlu judul.');
  await expect(module).toContainText('Modul modul-1 tidak punya kompetensi sasaran.');
  await expect(page.getByTestId('draft-state')).toContainText('masalah perlu diperbaiki');

  await module.getByLabel('Judul modul (Bahasa Indonesia)').fill('Pelayanan Prima KTP-el');
  await module.getByLabel('Ringkasan (Bahasa Indonesia)').fill('Melayani perekaman KTP-el dengan ramah dan tepat.');
  await module.getByLabel('Kompetensi sasaran').selectOption('M.06');
  await module.getByLabel('Tingkat yang dicapai').selectOption('3');
  await module.getByLabel('JP (jam pelajaran)').fill('3');
  await module.getByLabel('JP (jam pelajaran)').blur();
  await expect(module).not.toContainText('tidak punya kompetensi sasaran');

  // The lesson, previewed as learners will read it, at every key.
  const lesson = page.getByTestId('lesson');
  await lesson.getByLabel('Judul pelajaran (Bahasa Indonesia)').fill('Menyambut warga');
  await lesson.getByLabel('Isi pelajaran (Markdown) (Bahasa Indonesia)').fill('## Sapa dengan ramah\n\nSambut warga dengan **senyum** dan tanyakan keperluannya.\n\n- Tunjukkan nomor antrean\n- Jelaskan berkas yang dibawa');
  const preview = page.getByTestId('lesson-preview');
  await expect(preview.getByRole('heading', { name: 'Sapa dengan ramah' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('senyum');
  await expect(preview.locator('li')).toHaveCount(2);
  await lesson.getByLabel('Isi pelajaran (Markdown) (Bahasa Indonesia)').blur();

  // Five questions, choice A correct in each; pass mark 80 %.
  await module.getByLabel('Nilai lulus (%)').fill('80');
  await module.getByLabel('Nilai lulus (%)').blur();
  for (let q = 0; q < 5; q++) {
    if (q > 0) await page.getByRole('button', { name: 'Tambah soal' }).click();
    const question = page.getByTestId('question').nth(q);
    await question.getByLabel('Pertanyaan (Bahasa Indonesia)').fill(PROMPTS[q]);
    for (const [c, letter] of ['A', 'B', 'C', 'D'].entries()) {
      await question.getByLabel(`Pilihan ${letter} (Bahasa Indonesia)`).fill(`Jawaban ${q + 1}${letter}${c === 0 ? ' (benar)' : ''}`);
    }
    await question.getByLabel('Jawaban benar: Pilihan A').check();
    await question.getByLabel('Penjelasan (ditampilkan setelah menjawab) (Bahasa Indonesia)').fill('Sesuai standar pelayanan.');
    await question.getByLabel('Penjelasan (ditampilkan setelah menjawab) (Bahasa Indonesia)').blur();
  }
  await expect(page.getByTestId('draft-state')).toHaveText('Siap diterbitkan: paket lolos semua pemeriksaan paket.');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await expectAccessible(page, 'pack editor');

  // Published on this device at once, and downloaded as a file for the tablets.
  await page.getByRole('button', { name: 'Terbitkan di perangkat ini' }).click();
  await expect(page.getByTestId('publish-result')).toContainText('dinas-dukcapil-edisi-1.json: paket dimuat.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh berkas paket (.json)' }).click()]);
  expect(download.suggestedFilename()).toBe('dinas-dukcapil-edisi-1.json');
  const packFile = await download.path();
  const pack = JSON.parse(readFileSync(packFile, 'utf8'));
  expect(pack.format).toBe('lentera-pack');
  expect(pack.modules[0].quiz.questions).toHaveLength(5);
  // The draft is kept on this device after a reload.
  await page.reload();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await page.getByRole('link', { name: 'Tulis paket' }).click();
  await expect(page.getByTestId('draft')).toContainText('Pelatihan Dinas Dukcapil · dinas-dukcapil · edisi 1 · siap diterbitkan');

  // A learner's tablet: the pack arrives as a file, the learner studies and takes the quiz,
  // missing question 2 at the first attempt (4 of 5: passed).
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  await tablet.goto('./');
  await waitForPack(tablet);
  await tablet.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await tablet.getByLabel('Muat paket konten (.json)').setInputFiles(packFile);
  await expect(tablet.getByTestId('pack-result')).toContainText('paket dimuat');
  await createProfile(tablet, siti);
  await tablet.getByRole('link', { name: 'Belajar', exact: true }).click();
  await tablet.getByRole('link', { name: 'Pelayanan Prima KTP-el' }).click();
  await tablet.getByRole('link', { name: 'Mulai belajar' }).click();
  await expect(tablet.getByRole('heading', { name: 'Sapa dengan ramah' })).toBeVisible();
  await tablet.getByRole('button', { name: 'Selesai, lanjut ke kuis' }).click();
  for (let q = 0; q < 5; q++) {
    await tablet.locator(`#c-${q}-${q === 1 ? 2 : 0}`).check();
    await tablet.getByRole('button', { name: q === 4 ? 'Kirim jawaban' : 'Berikutnya' }).click();
  }
  await expect(tablet.getByTestId('quiz-result')).toContainText('Lulus');
  await tablet.getByRole('link', { name: 'Ringkasan' }).click();
  await expect(tablet.getByTestId('jp-earned')).toHaveText('3 / 20');
  await tablet.getByRole('link', { name: 'Data saya' }).click();
  const [exported] = await Promise.all([tablet.waitForEvent('download'), tablet.getByRole('button', { name: 'Ekspor data saya' }).click()]);
  // Read before the tablet's context closes (its downloads go with it).
  const exportFile = { name: exported.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await exported.path()) };
  await tabletContext.close();

  // Back in the workbench: the completion and its JP, and the question missed first.
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(exportFile);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('1 berkas digabungkan');
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await page.getByTestId('cohort-table').getByRole('link', { name: 'Siti Aminah' }).click();
  await expect(page.getByTestId('person-modules')).toContainText('Pelayanan Prima KTP-el (3 JP)');
  await expect(page.getByTestId('person-jp')).toContainText('3 / 20');
  await page.getByRole('link', { name: 'Soal sulit' }).click();
  const first = page.getByTestId('module-items').locator('tbody tr').first();
  await expect(first).toContainText(`2. ${PROMPTS[1]}`);
  await expect(first).toContainText('Jawaban 2C (1×)');
});
