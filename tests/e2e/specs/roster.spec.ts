// The roster (issue 13): a trainer loads the class list as a spreadsheet saves it and sees who
// has not handed in data since a day, who is new, and a NIP two profiles claim; a mangled file
// is refused with its line and changes nothing; the person view says whether the roster's
// supervisor signed; the roster is stored encrypted with the cohort.
import ExcelJS from 'exceljs';
import { test, expect } from '../fixtures';
import { employeeExport, expectAccessible, idbValues, nipOf, openTrainerMode, waitForPack } from '../helpers';

const RINA = '199207072020122003';

test('the roster names who has not handed in, who is new, and a NIP two profiles claim', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const unit = { unit: 'Dinas Kependudukan', level: 2 };
  const first = employeeExport(1, unit);
  // Pegawai 01's data again from a second tablet, under a profile of its own.
  const again = { ...first, name: 'kedua.json', buffer: Buffer.from(first.buffer.toString().replaceAll('-000000000001', '-000000000501')) };
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles([employeeExport(0, unit), first, employeeExport(2, unit), again]);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('4 berkas digabungkan');

  await page.getByRole('link', { name: 'Daftar peserta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daftar peserta');
  await expectAccessible(page, 'roster tab without a roster');

  // Saved by a spreadsheet that turned the NIP into a number: refused, with the line and the fix.
  const input = page.getByLabel('Muat daftar (.csv, .xlsx)');
  await input.setInputFiles({ name: 'kelas-rusak.csv', mimeType: 'text/csv', buffer: Buffer.from('nip;nama;unit_kerja\n1,99002E+17;Pegawai 01;Dinas\n') });
  await expect(page.getByTestId('roster-problems')).toContainText('Daftar tidak dimuat; tidak ada yang berubah');
  await expect(page.getByTestId('roster-problems')).toContainText('Baris 2: NIP tertulis sebagai angka (1,99002E+17)');
  await expect(page.getByTestId('roster-summary')).toHaveCount(0);

  // The class list as Excel in the Indonesian locale saves it: Pegawai 00 and 01, and Rina, who
  // never handed anything in. Pegawai 02 is not on it. Pegawai 00's supervisor is Pegawai 01.
  const csv = `\uFEFFNIP;Nama;Unit Kerja;Jabatan;NIP Atasan\r\n${nipOf(0)};Pegawai 00;Dinas Kependudukan;Pengadministrasi Umum;${nipOf(1)}\r\n${nipOf(1)};Pegawai 01;Dinas Kependudukan;Kepala Seksi;\r\n${RINA};Rina Marlina;Dinas Kependudukan;Analis;\r\n`;
  await input.setInputFiles({ name: 'kelas-a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('roster-source')).toContainText('kelas-a.csv: 3 orang');
  await expect(page.getByTestId('roster-problems')).toBeEmpty();

  // The exports were written on 1 October 2026.
  await page.getByLabel('Sudah menyerahkan data sejak').fill('2026-09-01');
  await expect(page.getByTestId('roster-summary')).toContainText('2 dari 3 orang sudah menyerahkan data sejak');
  const missing = page.getByTestId('roster-missing');
  await expect(missing.locator('tbody tr')).toHaveCount(1);
  await expect(missing).toContainText('Rina Marlina');
  await expect(missing).toContainText('belum pernah');
  await expect(page.getByTestId('roster-new')).toContainText('Pegawai 02');
  await expect(page.getByTestId('roster-new')).not.toContainText('Pegawai 00');
  const dups = page.getByTestId('roster-duplicates');
  await expect(dups).toContainText(`NIP ${nipOf(1)} (di daftar: Pegawai 01)`);
  await expect(dups.getByRole('link', { name: 'Pegawai 01' })).toHaveCount(2);
  await expectAccessible(page, 'roster compared with the cohort');
  // Counting from after the exports, nobody has handed in since.
  await page.getByLabel('Sudah menyerahkan data sejak').fill('2026-10-02');
  await expect(page.getByTestId('roster-summary')).toContainText('0 dari 3 orang');
  await expect(missing.locator('tbody tr')).toHaveCount(3);

  // The person view names the roster's supervisor.
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await page.getByTestId('cohort-table').getByRole('link', { name: 'Pegawai 00' }).click();
  await expect(page.getByTestId('roster-supervisor')).toHaveText(
    `Menurut daftar peserta atasannya Pegawai 01 (NIP ${nipOf(1)}); belum ada verifikasinya yang ditandatangani.`,
  );

  // At rest the roster is sealed with the cohort's key: no name, NIP or unit in plain text.
  const stored = await idbValues(page);
  expect(JSON.parse(stored['cohort.roster']).format).toBe('lentera-encrypted');
  for (const plain of ['Rina Marlina', RINA, 'kelas-a.csv']) expect(JSON.stringify(stored)).not.toContain(plain);
  // It comes back with the cohort after locking.
  await page.getByRole('button', { name: 'Kunci mode pelatih' }).click();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await page.getByRole('link', { name: 'Daftar peserta' }).click();
  await expect(page.getByTestId('roster-source')).toContainText('kelas-a.csv: 3 orang');

  // The same list as an Excel workbook (written here by exceljs), NIPs in text cells.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Daftar');
  sheet.addRow(['NIP', 'Nama', 'Unit Kerja', 'Jabatan', 'NIP Atasan']);
  sheet.addRow([nipOf(0), 'Pegawai 00', 'Dinas Kependudukan', 'Pengadministrasi Umum', nipOf(1)]);
  sheet.addRow([RINA, 'Rina Marlina', 'Dinas Kependudukan', 'Analis', '']);
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByLabel('Ganti daftar (.csv, .xlsx)').setInputFiles({ name: 'kelas-b.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(page.getByTestId('roster-source')).toContainText('kelas-b.xlsx: 2 orang');
  await expect(page.getByTestId('roster-new')).toContainText('Pegawai 01');
  await page.getByRole('button', { name: 'Hapus daftar' }).click();
  await expect(page.getByTestId('roster-source')).toHaveCount(0);
  await expect(page.getByLabel('Muat daftar (.csv, .xlsx)')).toBeVisible();
});
