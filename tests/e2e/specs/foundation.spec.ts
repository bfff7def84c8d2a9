import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../fixtures';
import { PREFIX } from '../playwright.config';

const home = 'Siapa yang belajar hari ini?';

test('the app mounts under a sub-path and speaks Indonesian', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(PREFIX);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  // 127.0.0.1 is a secure context: no warning about a missing offline copy.
  await expect(page.getByTestId('insecure-context')).toHaveCount(0);
});

test('the language chosen is written through storage and survives a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is learning today?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.getItem('lentera.pref.lang'))).toBe('"en"');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is learning today?');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home);
});

test('an unknown screen address shows a way back instead of a blank page', async ({ page }) => {
  await page.goto('./#/tidak-ada');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await page.getByRole('link', { name: 'Ke beranda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home);
});

test('the site is sent precompressed: brotli or gzip, whichever the browser accepts, the same bytes', async ({ page, request }) => {
  const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
  const wasm = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'))!;
  const raw = readFileSync(join(dist, wasm));
  for (const [accept, sent] of [
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined],
  ] as const) {
    const response = await request.get(`./${wasm}`, { headers: { 'Accept-Encoding': accept } });
    expect(response.headers()['content-encoding'], accept).toBe(sent);
    expect(response.headers()['vary']).toBe('Accept-Encoding');
    expect(Buffer.compare(await response.body(), raw), `${accept}: the same wasm after decoding`).toBe(0);
  }
  // The browser itself takes the brotli copy, and the app runs from it.
  const [wasmResponse] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(wasm)), page.goto('./')]);
  expect(await wasmResponse.headerValue('content-encoding')).toBe('br');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home);
});
