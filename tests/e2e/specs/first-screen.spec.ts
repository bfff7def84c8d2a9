// The learner app in two downloads (issue 14, first visit on a mobile network): a small first
// screen draws the profile picker from the summary the whole app keeps, answers at once, and
// the whole app (app/) takes over in the same page, on the screen the learner went to.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as bare } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, siti } from '../helpers';

// The whole app's download is held or refused below; a service worker would answer it from its
// cache, out of the test's reach. (Offline starts are `apps.spec.ts`.)
test.use({ serviceWorkers: 'block' });
bare.use({ serviceWorkers: 'block' });

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
const wasmIn = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('_bg.wasm'))!));

/** Holds the whole app's wasm until `release()` is called: the first screen alone is up. */
async function holdWholeApp(page: import('@playwright/test').Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/app\/lentera-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the first screen shows who uses this tablet before the whole app has loaded, then hands over', async ({ page }) => {
  await createProfile(page, { ...siti, pin: '2468' });
  const release = await holdWholeApp(page);
  await page.goto('./');
  // Drawn by the first screen: the whole app's wasm has not arrived.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapa yang belajar hari ini?');
  const card = page.getByRole('button', { name: /Siti Aminah/ });
  await expect(card).toContainText('PIN');
  await expect(page.locator('#first-screen')).toHaveCount(1);
  await expectAccessible(page, 'first screen');
  // A tap goes where the learner meant; the screen says the rest is on its way.
  await card.click();
  await expect(page.getByRole('status').filter({ hasText: 'Memuat Lentera…' })).toBeVisible();
  release();
  // The whole app takes over in the same page and opens that profile's PIN screen.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buka profil');
  await expect(page.locator('#first-screen')).toHaveCount(0);
});

test('the first screen speaks the chosen language and the whole app keeps it', async ({ page }) => {
  const release = await holdWholeApp(page);
  await page.goto('./');
  await expect(page.locator('#first-screen')).toHaveCount(1);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is learning today?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  release();
  await expect(page.locator('#first-screen')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is learning today?');
  await expect(page.getByRole('link', { name: 'Add a profile' })).toBeVisible();
});

test("the first screen's download carries none of the whole app's screens", () => {
  const first = wasmIn(dist);
  const whole = wasmIn(join(dist, 'app'));
  const has = (wasm: Buffer, text: string) => wasm.includes(Buffer.from(text, 'utf8'));
  for (const text of ['Simpan dan lanjut', 'Nama lengkap', 'Buka profil']) {
    expect(has(whole, text), `the whole app shows "${text}"`).toBe(true);
    expect(has(first, text), `the first screen does not carry "${text}"`).toBe(false);
  }
  expect(first.length * 3, 'the first screen is a small part of the learner app').toBeLessThan(whole.length);
});

// Outside the guard of `fixtures`: the failed download is logged by the browser as an error.
bare('a whole app that cannot be downloaded is said, with a way to retry', async ({ page }) => {
  await page.route(/\/app\/lentera-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Lentera belum termuat seluruhnya');
  await expect(alert.getByRole('button', { name: 'Muat ulang' })).toBeVisible();
});
