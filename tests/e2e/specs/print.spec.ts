// Print (issue 13): the workbench's print layouts carry no navigation and clip nothing; every
// page is headed with the agency, the title and the date and numbered (CSS page margin boxes);
// the cohort prints to PDF with every column on the page; a person's plan prints with lines
// for the employee and the supervisor to sign.
import { test, expect } from '../fixtures';
import { employeeExport, expectAccessible, openTrainerMode, waitForPack } from '../helpers';

// A4 landscape less the report's side margins (10 mm each), in CSS pixels (96 per inch).
const A4_LANDSCAPE_CONTENT_PX = Math.floor(((297 - 20) / 25.4) * 96);

async function printed(page: import('@playwright/test').Page) {
  await page.emulateMedia({ media: 'print' });
  // Navigation, buttons and fields are on the page, but not on paper.
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('.topbar, nav, button, input, .print-controls')].map((el) => el.checkVisibility()),
  );
  expect(shown.length).toBeGreaterThan(5);
  expect(shown.filter((v) => v)).toEqual([]);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test('the cohort, the unit summary, the 9-box grid and a plan print without navigation and without clipping', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await openTrainerMode(page);
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const files = Array.from({ length: 20 }, (_, i) =>
    employeeExport(i, { unit: i % 2 ? 'Kecamatan Sukamaju' : 'Dinas Kependudukan dan Pencatatan Sipil', level: (i % 3) + 1, performance: i < 6 ? ['above', 'meets', 'below'][i % 3] : undefined }),
  );
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(files);
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await expect(page.getByTestId('cohort-merged')).toContainText('20 berkas digabungkan');
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();

  await page.getByRole('link', { name: 'Versi cetak: kohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kohort');
  await page.getByLabel('Nama instansi (kepala setiap halaman)').fill('Pemerintah Kabupaten "Contoh"');
  await page.getByLabel('Nama instansi (kepala setiap halaman)').blur();
  await expectAccessible(page, 'cohort print view');
  // Every page's head: the agency (quoted safely), the title and date; its foot: the page number.
  const pageCss = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n'));
  expect(pageCss).toContain('@top-left { content: "Pemerintah Kabupaten \\"Contoh\\""; font-size: 9pt; }');
  expect(pageCss).toMatch(/@top-right \{ content: "Kohort · \d+ \w+ \d{4}"; font-size: 9pt; \}/);
  expect(pageCss).toContain('@bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt; }');
  const table = page.getByTestId('print-cohort');
  await expect(table.locator('tbody tr')).toHaveCount(20);

  // On paper, at A4 landscape's width: every column inside the page, nothing scrolled away.
  await page.setViewportSize({ width: A4_LANDSCAPE_CONTENT_PX, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const fit = await table.evaluate((t) => ({
    scroll: t.scrollWidth,
    width: t.clientWidth,
    right: Math.max(...[...t.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right)),
    columns: t.querySelectorAll('thead th').length,
  }));
  expect(fit.columns).toBe(12);
  expect(fit.scroll).toBeLessThanOrEqual(fit.width + 1);
  expect(fit.right).toBeLessThanOrEqual(A4_LANDSCAPE_CONTENT_PX);
  const pdf = await printed(page);
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
  // The agency name is kept on this device for the next report (a reload closes the cohort).
  await page.goto('./pelatih/#/cetak/unit');
  await page.reload();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ringkasan per unit kerja');
  await expect(page.getByLabel('Nama instansi (kepala setiap halaman)')).toHaveValue('Pemerintah Kabupaten "Contoh"');
  await expect(page.getByTestId('unit-summary').locator('tbody tr')).toHaveCount(2);
  await printed(page);

  await page.getByRole('link', { name: 'Talenta dan promosi' }).click();
  await page.getByRole('link', { name: 'Versi cetak: matriks talenta' }).click();
  await expect(page.getByTestId('talent-grid')).toBeVisible();
  await printed(page);

  // One person's plan, with lines to sign.
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await page.getByTestId('cohort-table').getByRole('link', { name: 'Pegawai 00' }).click();
  await page.getByRole('link', { name: 'Versi cetak rencana (IDP)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rencana pengembangan individu (IDP)');
  const signatures = page.getByTestId('signatures');
  await expect(signatures).toContainText('Pegawai');
  await expect(signatures).toContainText('Pegawai 00');
  await expect(signatures).toContainText('Atasan langsung');
  await expectAccessible(page, 'plan print view');
  await printed(page);
});
