// The learner's journey of issue 4, in Chromium: profile → self-assessment → dashboard →
// recommended module → quiz → JP credited → export → import in a fresh browser → same dashboard.
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, moduleOf, openTrainerMode, selfAssess, siti, takeQuiz, waitForPack } from '../helpers';

test('journey: assess, learn, pass, export, import elsewhere', async ({ page, browser }) => {
  await page.goto('./');
  await expectAccessible(page, 'profile picker');
  await waitForPack(page);
  await createProfile(page, siti);

  // Pengawas: 2 for every managerial competency and Perekat Bangsa, T.TIK.01 2 and T.PLY.01 3
  // (default pack): 23 in all. M.01 at 1 and the rest at standard: 22 / 23 = 95.7 % → Optimal.
  await page.getByRole('link', { name: 'Penilaian diri', exact: true }).click();
  await expectAccessible(page, 'self-assessment');
  await selfAssess(page, { 'M.01': 1, 'T.PLY.01': 3 });
  await expect(page.getByTestId('jpm')).toContainText('95,7 %');
  await expect(page.getByTestId('jpm-category')).toHaveText('Optimal');
  await expect(page.getByTestId('gaps')).toContainText('M.01');
  await expect(page.getByTestId('jp-earned')).toHaveText('0 / 20');
  await expectAccessible(page, 'dashboard');

  // The recommended module for the M.01 gap.
  await page.getByTestId('next-steps').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integritas');
  await expectAccessible(page, 'module page');
  await page.getByRole('link', { name: 'Mulai belajar' }).click();
  await expectAccessible(page, 'lesson');
  // The exercise's answer is written beside the lesson and kept with the progress.
  const note = page.getByLabel('Catatan dan jawaban latihan Anda');
  await note.fill('Saya akan menolak hadiah dan melapor ke atasan.');
  await page.getByRole('button', { name: 'Selesai, pelajaran berikutnya' }).click();
  await expect(page.getByText('Pelajaran 2 dari')).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(note).toHaveValue('Saya akan menolak hadiah dan melapor ke atasan.');
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Selesai, pelajaran berikutnya' }).click();
  await page.getByRole('button', { name: 'Selesai, lanjut ke kuis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuis');
  await expectAccessible(page, 'quiz');
  await takeQuiz(page, 'mod-m01-integritas', false);
  await expect(page.getByTestId('quiz-result')).toContainText('Belum lulus');
  await page.getByRole('button', { name: 'Ulangi kuis' }).click();
  await takeQuiz(page, 'mod-m01-integritas', true);
  await expect(page.getByTestId('quiz-result')).toContainText('Lulus');
  await expectAccessible(page, 'quiz result');

  await page.getByRole('link', { name: 'Ringkasan' }).click();
  await expect(page.getByTestId('jp-earned')).toHaveText('3 / 20');
  const jpm = await page.getByTestId('jpm').textContent();

  // Export my record, then open it in a fresh browser (no shared storage).
  await page.getByRole('link', { name: 'Data saya' }).click();
  await expectAccessible(page, 'my data page');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor data saya' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lentera-siti-aminah-\d{4}-\d{2}-\d{2}\.json$/);
  // The page says which file went where.
  await expect(page.getByTestId('export-done')).toContainText(`Berkas ${download.suggestedFilename()} sudah diunduh`);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('lentera');
  expect(exported.employees).toHaveLength(1);
  expect(JSON.stringify(exported)).not.toContain('"pin"');
  await page.getByRole('link', { name: 'Lentera' }).click();
  await page.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await expectAccessible(page, 'data page');

  const other = await browser.newContext();
  const tablet = await other.newPage();
  const errors: string[] = [];
  tablet.on('pageerror', (e) => errors.push(e.message));
  await tablet.goto('./');
  await tablet.getByRole('link', { name: 'Data: impor dan ekspor' }).click();
  await tablet.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles(file);
  await expect(tablet.getByTestId('import-preview')).toContainText('Profil pegawai');
  await tablet.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
  await expect(tablet.getByTestId('import-done')).toBeVisible();
  await tablet.getByRole('link', { name: 'Lentera' }).click();
  await tablet.getByRole('button', { name: /Siti Aminah/ }).click();
  await expect(tablet.getByTestId('jpm')).toHaveText(jpm!);
  await expect(tablet.getByTestId('jp-earned')).toHaveText('3 / 20');
  expect(errors).toEqual([]);
  await other.close();

  // The trainer collects the file: the person view shows the module and its JP, and the
  // difficult questions show the first question missed at the first attempt, with the answer.
  const workbench = await (await browser.newContext()).newPage();
  await openTrainerMode(workbench);
  await workbench.getByRole('link', { name: 'Impor dan paket' }).click();
  await workbench.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(file);
  await workbench.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(workbench.getByTestId('cohort-merged')).toContainText('1 berkas digabungkan');
  await workbench.getByRole('link', { name: 'Kohort', exact: true }).click();
  await workbench.getByTestId('cohort-table').getByRole('link', { name: 'Siti Aminah' }).click();
  await expect(workbench.getByTestId('person-modules')).toContainText(moduleOf('mod-m01-integritas').title.id);
  await expect(workbench.getByTestId('person-modules')).toContainText('(3 JP)');
  await expect(workbench.getByTestId('person-jp')).toContainText('3 / 20');
  await workbench.getByRole('link', { name: 'Soal sulit' }).click();
  await expectAccessible(workbench, 'difficult questions');
  const quiz = moduleOf('mod-m01-integritas').quiz.questions;
  const first = workbench.getByTestId('module-items').locator('tbody tr').first();
  await expect(first).toContainText(`1. ${quiz[0].prompt.id}`);
  await expect(first).toContainText('1 / 1 (100 %)');
  const missed = quiz[0].choices.length - 1 === quiz[0].correct[0] ? 0 : quiz[0].choices.length - 1;
  await expect(first).toContainText(`${quiz[0].choices[missed].id} (1×)`);
  await workbench.context().close();
});
