// Issue 5's trainer journey: open trainer mode, load a pack, import 20 exports at once, see the
// cohort table and the 9-box, download the CSV, import a Moodle framework; bad files change
// nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures';
import ExcelJS from 'exceljs';
import { defaultPack, employeeExport, expectAccessible, nipOf, openTrainerMode, waitForPack } from '../helpers';

const moodle = readFileSync(fileURLToPath(new URL('../../fixtures/moodle-framework.csv', import.meta.url)));

async function openTrainer(page: import('@playwright/test').Page) {
  await page.goto('./');
  await waitForPack(page);
  await page.getByRole('link', { name: 'Mode pelatih' }).click();
  await expectAccessible(page, 'trainer gate');
  await openTrainerMode(page);
}

test('trainer journey: pack, 20 exports, cohort table, 9-box, CSV', async ({ page }) => {
  await openTrainer(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  await expectAccessible(page, 'trainer import');

  // A newer edition of the default pack that drops one module: the module is archived.
  const v2 = structuredClone(defaultPack);
  v2.version = defaultPack.version + 1;
  v2.modules = v2.modules.slice(1);
  await page.getByLabel('Muat paket konten (.json)').setInputFiles({ name: 'lentera-dasar-v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v2)) });
  await expect(page.getByTestId('pack-result')).toContainText(`diperbarui dari edisi ${defaultPack.version}; 1 modul lama diarsipkan`);
  await expect(page.getByTestId('packs')).toContainText(`edisi ${v2.version} · 12 modul`);

  // Twenty employees from two units; levels 1–3; some rated by their supervisor.
  const files = Array.from({ length: 20 }, (_, i) =>
    employeeExport(i, {
      unit: i % 2 ? 'Kecamatan Sukamaju' : 'Dinas Kependudukan',
      level: (i % 3) + 1,
      performance: i < 6 ? ['above', 'meets', 'below'][i % 3] : undefined,
      potential: i === 0 ? 'high' : undefined,
      assessed: i === 19 ? '2026-01-05' : undefined,
    }),
  );
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(files);
  await expect(page.getByTestId('cohort-preview')).toContainText('20 berkas siap digabungkan');
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('20 berkas digabungkan');

  // The same files again change nothing.
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(files.slice(0, 3));
  await expect(page.getByTestId('cohort-preview')).toContainText('3 berkas siap digabungkan');
  await expect(page.getByTestId('cohort-preview').locator('tbody tr').first().locator('td').nth(2)).toHaveText('3');

  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('20 pegawai dalam kohort');
  const table = page.getByTestId('cohort-table').locator('.grid-body');
  await expect(table.getByRole('row')).toHaveCount(20);
  await expect(page.getByTestId('cohort-table')).toHaveAttribute('aria-rowcount', '21');
  await expectAccessible(page, 'cohort');
  await page.getByTestId('cohort-table').getByRole('button', { name: 'Nama' }).click();
  await expect(table.getByRole('row').first()).toContainText('Pegawai 19');
  await page.getByLabel('Unit kerja', { exact: true }).selectOption('Kecamatan Sukamaju');
  await expect(table.getByRole('row')).toHaveCount(10);
  await page.getByLabel('Unit kerja', { exact: true }).selectOption('');
  await expect(page.getByTestId('chart-jpm')).toContainText('Optimal');
  // The per-unit summary: ten people in each unit, and the overdue one in hers.
  const units = page.getByTestId('unit-summary').locator('tbody tr');
  await expect(units).toHaveCount(2);
  await expect(units.filter({ hasText: 'Kecamatan Sukamaju' }).locator('td').first()).toHaveText('10');
  await expect(units.filter({ hasText: 'Dinas Kependudukan' }).locator('td').first()).toHaveText('10');
  await expect(units.filter({ hasText: 'Kecamatan Sukamaju' }).locator('td').last()).toHaveText('1');
  await expect(page.getByTestId('chart-jp')).toContainText('Tertinggal');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lentera-kohort-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n').filter((l) => l);
  expect(lines).toHaveLength(21);
  expect(lines[0]).toBe('"nip","nama","unit_kerja","jabatan","jenis_jabatan","jpm_persen","kategori_jpm","tahun_jp","jp_tahun_ini","status_jp","penilaian_terakhir","status_evaluasi_ulang","kotak_talenta","diverifikasi_oleh","nip_pemverifikasi","tanggal_verifikasi","kinerja_ditandatangani_oleh","tanpa_tanda_tangan_sah","id_pegawai"');
  const row0 = lines.find((l) => l.split(',')[1] === '"Pegawai 00"')!;
  expect(row0).toContain('"Dinas Kependudukan"');
  // Level 1 in the nine managerial/socio-cultural competencies, T.TIK.01 (required 2 by the
  // pack for Pelaksana) not assessed: 9 / 11 = 81.8 %.
  expect(row0).toContain('"81.8","Cukup Optimal"');
  expect(row0).toContain('"2026-10-01"');
  expect(row0).toContain('"9"');
  // Pegawai 00's rating is signed by Pegawai 01, whose record holds the key: it counts.
  expect(row0).toContain('"Pegawai 01","0"');

  // The Excel report, read back with a maintained reader (exceljs): a summary sheet and one
  // sheet per unit, NIPs as text cells, levels and gaps per competency (docs/cohort-xlsx.md).
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan Excel' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^lentera-kohort-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await xlsxDownload.path()));
  expect(book.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Dinas Kependudukan', 'Kecamatan Sukamaju']);
  const summary = book.getWorksheet('Ringkasan')!;
  expect(summary.getRow(1).getCell(1).value).toBe('Unit kerja');
  expect(summary.getRow(4).values).toContain('Semua unit');
  expect(summary.getRow(4).getCell(2).value).toBe(20);
  const dinas = book.getWorksheet('Dinas Kependudukan')!;
  const head = (dinas.getRow(1).values as unknown[]).slice(1);
  expect(head.slice(0, 9)).toEqual(['NIP', 'Nama', 'Jabatan', 'Jenis jabatan', 'Golongan', 'JPM (%)', 'Kategori JPM', 'M.01 tingkat', 'M.01 kesenjangan']);
  expect(head).toContain('Kotak talenta');
  expect(dinas.rowCount).toBe(11);
  const pegawai00 = dinas.getRow(2);
  expect(pegawai00.getCell(2).value).toBe('Pegawai 00');
  expect(pegawai00.getCell(1).value).toBe(nipOf(0));
  expect(pegawai00.getCell(1).type).toBe(ExcelJS.ValueType.String);
  expect(pegawai00.getCell(5).value).toBe('II/c');
  expect(pegawai00.getCell(6).value).toBe(81.8);
  // M.01 held at level 1, the standard for Pelaksana: no gap. T.TIK.01 (the pack requires 2)
  // never assessed: level 0, gap 2.
  expect([pegawai00.getCell(8).value, pegawai00.getCell(9).value]).toEqual([1, 0]);
  const tik = head.indexOf('T.TIK.01 tingkat') + 1;
  expect(tik).toBeGreaterThan(0);
  expect([pegawai00.getCell(tik).value, pegawai00.getCell(tik + 1).value]).toEqual([0, 2]);
  expect(pegawai00.getCell(head.indexOf('Kotak talenta') + 1).value).toBe(9);

  // One person: her figures and where they come from.
  await page.getByTestId('cohort-table').getByRole('link', { name: 'Pegawai 00' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pegawai 00');
  await expect(page.getByTestId('person-jpm')).toContainText('81,8 %');
  await expect(page.getByTestId('person-jpm').getByTestId('jpm-category')).toHaveText('Cukup Optimal');
  await expect(page.getByTestId('person-talent')).toContainText('Kotak 9');
  await expect(page.getByTestId('person-talent')).toContainText('ditandatangani Pegawai 01');
  await expect(page.getByTestId('person-levels')).toContainText('penilaian diri');
  await expect(page.getByTestId('last-written')).toContainText('1 Oktober 2026');
  await expectAccessible(page, 'person view');
  await page.getByRole('link', { name: '← Kohort' }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('20 pegawai dalam kohort');

  await page.getByRole('link', { name: 'Talenta dan promosi' }).click();
  await expectAccessible(page, 'talent grid');
  await expect(page.getByTestId('box-9')).toContainText('Pegawai 00');
  // Pegawai 03: above, no potential given, JPM 81.8 → medium potential: box 7.
  await expect(page.getByTestId('box-7')).toContainText('Pegawai 03');
  await expect(page.getByTestId('box-6')).toContainText('Pegawai 02');
  await expect(page.getByTestId('promotion').locator('li')).toHaveCount(20);
  // Assessed on 5 January: due in July, overdue since 5 October.
  await expect(page.getByTestId('overdue')).toHaveText('Pegawai 19 — terlambat sejak 5 Oktober 2026');
});

test('a Moodle framework becomes technical competencies; bad files change nothing', async ({ page }) => {
  await openTrainer(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const packsBefore = await page.getByTestId('packs').textContent();

  await page.getByLabel('Impor kerangka kompetensi Moodle (.csv)').setInputFiles({ name: 'rusak.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n') });
  await expect(page.getByTestId('moodle-result')).toContainText('rusak.csv tidak dimuat, tidak ada yang berubah');
  await page.getByLabel('Muat paket konten (.json)').setInputFiles({ name: 'bukan-paket.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "lentera-pack", "id": "x"}') });
  await expect(page.getByTestId('pack-result')).toContainText('bukan-paket.json tidak dimuat, tidak ada yang berubah');
  const broken = structuredClone(defaultPack);
  broken.id = 'paket-rusak';
  broken.modules[0].quiz.questions[0].correct = [42];
  await page.getByLabel('Muat paket konten (.json)').setInputFiles({ name: 'paket-rusak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByTestId('pack-result')).toContainText('kunci jawaban tidak sah');
  await expect(page.getByTestId('packs')).toHaveText(packsBefore!);

  await page.getByLabel('Impor kerangka kompetensi Moodle (.csv)').setInputFiles({ name: 'moodle-framework.csv', mimeType: 'text/csv', buffer: moodle });
  await expect(page.getByTestId('moodle-result')).toContainText('4 kompetensi teknis dimuat');
  await expect(page.getByTestId('packs')).toContainText('Kompetensi Teknis Dinas Kependudukan');
  // The competencies are now in the catalog, e.g. as a filter of the learner's module catalog.
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem('lentera.packs')?.includes('TK.DATA.2'))).toBe(true);
});

test('a large cohort table renders only the rows on screen and scrolls through all of them', async ({ page }) => {
  await openTrainer(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const files = Array.from({ length: 300 }, (_, i) => employeeExport(i, { unit: 'Dinas Kependudukan', level: (i % 3) + 1 }));
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(files);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('300 berkas');
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await expect(page.getByTestId('rows-shown')).toHaveText('300 baris');
  const rows = page.getByTestId('cohort-table').locator('.grid-body').getByRole('row');
  await expect(rows.first()).toContainText('Pegawai 00');
  expect(await rows.count()).toBeLessThan(100);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Sorted by name as text: "Pegawai 99" comes last.
  await expect(rows.last()).toContainText('Pegawai 99');
  await expect(rows.last()).toHaveAttribute('aria-rowindex', '301');
  await expectAccessible(page, 'large cohort table');
});

test('two profiles with one NIP are flagged for the trainer, not merged', async ({ page }) => {
  await openTrainer(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const first = employeeExport(5, { unit: 'Kecamatan Sukamaju', level: 2 });
  // The same person's data from a second tablet, under a profile of its own.
  const again = { ...first, name: 'kedua.json', buffer: Buffer.from(first.buffer.toString().replaceAll('-000000000005', '-000000000505')) };
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles([first, again]);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('2 berkas digabungkan');
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('2 pegawai dalam kohort');
  const notice = page.getByTestId('duplicate-nips');
  await expect(notice).toContainText('NIP 199006062015031006');
  await expect(notice.getByRole('link', { name: 'Pegawai 05' })).toHaveCount(2);
  await expectAccessible(page, 'cohort with duplicate NIPs');
});
