// Offline-first (issue 6): after one visit the app opens with no network, deep links included;
// a new build is offered with a reload prompt; on a plain-http address the user is told that
// no offline copy exists.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, siti, waitForPack } from '../helpers';
import { PORT, PREFIX } from '../playwright.config';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function offlineCopyReady(page: import('@playwright/test').Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit every main screen works offline, deep links included', async ({ page, context }) => {
  await page.goto('./');
  await waitForPack(page);
  await offlineCopyReady(page);
  await createProfile(page, siti);
  const profile = page.url().split('#')[1];

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siti Aminah');
  const screens: [string, string][] = [
    ['/penilaian', 'Penilaian diri'],
    ['/belajar', 'Katalog modul'],
    ['/belajar/lentera-dasar/mod-m01-integritas', 'Integritas'],
    ['/belajar/lentera-dasar/mod-m01-integritas/pelajaran/l1', ''],
    ['/kegiatan', 'Kegiatan pengembangan'],
    ['/rencana', 'Rencana pengembangan'],
    ['/atasan', 'Penilaian oleh atasan'],
  ];
  // A deep link opened in a new tab, offline.
  const fresh = await context.newPage();
  for (const [path, heading] of screens) {
    await fresh.goto(`./#${profile}${path}`);
    const h1 = fresh.getByRole('heading', { level: 1 });
    if (heading) await expect(h1).toContainText(heading);
    else await expect(h1).not.toBeEmpty();
  }
  await fresh.goto('./#/data');
  await expect(fresh.getByTestId('offline-copy')).toContainText('Salinan offline: terpasang');
  await expect(fresh.getByTestId('persistence')).toContainText('Penyimpanan persisten');
  // The packs, saved work and language still there after an offline reload.
  await fresh.goto(`./#${profile}/belajar`);
  await expect(fresh.getByTestId('catalog').locator('li')).toHaveCount(13);
  await context.setOffline(false);
});

test('a newly deployed build is offered with a reload prompt', async ({ page }) => {
  // Serve a copy of the site on another port, so it can be "redeployed" during the test.
  const dir = mkdtempSync(join(tmpdir(), 'lentera-site-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const port = PORT + 1;
  const server: ChildProcess = spawn('node', [join(root, 'scripts/serve.mjs'), dir, String(port), PREFIX], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}${PREFIX}`;
    await expect.poll(async () => (await fetch(url).catch(() => null))?.status ?? 0).toBe(200);
    await page.goto(url);
    await offlineCopyReady(page);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);

    // Deploy: a changed service worker (as any rebuild produces), then the app checks.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[^']+'/, "const VERSION = 'redeployed'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-prompt')).toContainText('Versi baru Lentera tersedia');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Muat ulang' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    const active = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const text = await (await fetch(r!.active!.scriptURL)).text();
      return text.includes("'redeployed'");
    });
    expect(active).toBe(true);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on a plain-http address the app works but says there is no offline copy', async () => {
  // `lentera.test` resolves to this machine: not localhost, so not a secure context.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP lentera.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://lentera.test:${PORT}${PREFIX}`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(page.getByTestId('insecure-context')).toContainText('Salinan offline tidak tersedia');
    await expect(page.getByTestId('insecure-context')).toContainText('https://');
    expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
    await createProfile(page, siti);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siti Aminah');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
