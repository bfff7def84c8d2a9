// Two apps, one core (issue 13): `make dist` builds the learner app (the site's root, what
// tablets open) and the trainer workbench (pelatih/) side by side. The learner's download
// carries no workbench screen; each app opens under a sub-path, works offline after one visit
// with its own service worker and cache, and passes axe on a tablet and on a laptop.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures';
import { expectAccessible, openTrainerMode, waitForPack } from '../helpers';
import { PREFIX } from '../playwright.config';

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

function wasmOf(dir: string): Buffer {
  const name = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  expect(name, `a wasm file in ${dir}`).toBeTruthy();
  return readFileSync(join(dir, name!));
}

async function offlineCopyReady(page: import('@playwright/test').Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test("the learner's wasm carries no workbench screen, and the workbench's no learner screen", () => {
  // The learner app's two downloads: the first screen (the root) and the whole app (app/).
  const learner = Buffer.concat([wasmOf(dist), wasmOf(join(dist, 'app'))]);
  const workbench = wasmOf(join(dist, 'pelatih'));
  const has = (wasm: Buffer, text: string) => wasm.includes(Buffer.from(text, 'utf8'));
  // Texts that only workbench screens show (gate, tabs, cohort, person view, item analysis).
  for (const text of ['Kata sandi pelatih', 'Soal sulit', 'Talenta dan promosi', 'Impor dan paket', 'NIP yang sama dipakai lebih dari satu profil']) {
    expect(has(workbench, text), `the workbench shows "${text}"`).toBe(true);
    expect(has(learner, text), `the learner app does not carry "${text}"`).toBe(false);
  }
  // And the other way round: the learner's own screens stay out of the workbench.
  for (const text of ['Siapa yang belajar hari ini?', 'Simpan dan lanjut', 'Tambah profil']) {
    expect(has(learner, text), `the learner app shows "${text}"`).toBe(true);
    expect(has(workbench, text), `the workbench does not carry "${text}"`).toBe(false);
  }
});

test('both apps open under the sub-path, each with its own offline copy', async ({ page, context }) => {
  await page.goto('./');
  await waitForPack(page);
  await offlineCopyReady(page);
  // The learner app links to the workbench.
  await openTrainerMode(page);
  expect(new URL(page.url()).pathname).toBe(`${PREFIX}pelatih/`);
  await offlineCopyReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope);
  expect(new URL(scope).pathname).toBe(`${PREFIX}pelatih/`);
  const caches = await page.evaluate(() => window.caches.keys());
  expect(caches.filter((k) => k.startsWith('lentera-pelatih-'))).toHaveLength(1);
  expect(caches.filter((k) => !k.startsWith('lentera-pelatih-'))).toHaveLength(1);

  await context.setOffline(true);
  // A reload closes the cohort; the passphrase opens it again, offline.
  await page.reload();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kohort');
  // A deep link of the workbench, in a new tab, offline.
  const tab = await context.newPage();
  await tab.goto('./pelatih/#/soal');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Mode pelatih');
  await tab.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await tab.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Soal sulit');
  // The learner app still opens offline: the workbench's worker left its cache alone.
  await tab.goto('./');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  // A bookmark of trainer mode from before the split opens the same screen in the workbench.
  await tab.goto('./#/pelatih/talenta');
  await expect(tab).toHaveURL(/\/pelatih\/#\/talenta$/);
  await expect(tab.getByLabel('Kata sandi pelatih', { exact: true })).toBeVisible();
  // The workbench links back to the learner app.
  await tab.getByRole('link', { name: 'Aplikasi pegawai' }).click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  await context.setOffline(false);
});

test('both apps pass axe on a tablet held upright and on a laptop', async ({ page }) => {
  for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    const at = `${viewport.width}×${viewport.height}`;
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
    await expectAccessible(page, `learner start page at ${at}`);
    await page.goto('./pelatih/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mode pelatih');
    await expectAccessible(page, `workbench gate at ${at}`);
  }
  await openTrainerMode(page);
  for (const hash of ['#/', '#/talenta', '#/soal', '#/impor', '#/daftar', '#/paket', '#/cetak/kohort']) {
    await page.goto(`./pelatih/${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `workbench ${hash} at ${viewport.width}×${viewport.height}`);
    }
  }
});
