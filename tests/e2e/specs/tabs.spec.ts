// Two tabs of the same profile making 1,000 interleaved changes (issue 6): none is lost.
import { test, expect } from '../fixtures';
import { createProfile, siti } from '../helpers';

/** Records `n` activities as fast as the page allows, through the form (in the page itself). */
async function burst(page: import('@playwright/test').Page, prefix: string, n: number) {
  await page.evaluate(
    async ({ prefix, n }) => {
      const set = (el: HTMLInputElement | HTMLSelectElement, value: string, type: string) => {
        const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
        el.dispatchEvent(new Event(type, { bubbles: true }));
      };
      const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
      for (let i = 0; i < n; i++) {
        set(byId('a-title'), `${prefix} ${i}`, 'input');
        set(byId('a-method') as unknown as HTMLSelectElement, 'workshop', 'change');
        set(byId('a-start'), '2026-03-02', 'input');
        set(byId('a-hours'), '1', 'input');
        (document.querySelector('form.form button[type=submit]') as HTMLButtonElement).click();
        // Yield so the other tab's saves and storage events interleave with ours.
        await new Promise((r) => setTimeout(r, 0));
      }
    },
    { prefix, n },
  );
}

test('two tabs making 1,000 interleaved updates lose none', async ({ page, context }) => {
  test.setTimeout(240_000);
  await createProfile(page, siti);
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Kegiatan pengembangan');

  await Promise.all([burst(page, 'Tab A', 500), burst(other, 'Tab B', 500)]);

  // Each tab learns of the other's saves and writes back what the other had not seen yet.
  for (const p of [page, other]) {
    await expect(p.getByTestId('activities').locator('li')).toHaveCount(1000, { timeout: 120_000 });
  }
  for (const p of [page, other]) await expect(p.getByTestId('saving')).toHaveCount(0, { timeout: 120_000 });
  for (const p of [page, other]) {
    await p.reload();
    await expect(p.getByTestId('activities').locator('li')).toHaveCount(1000, { timeout: 30_000 });
  }
  const titles = await page.getByTestId('activities').locator('li strong').allTextContents();
  for (const tab of ['Tab A', 'Tab B']) {
    for (let i = 0; i < 500; i += 1) expect(titles).toContain(`${tab} ${i}`);
  }
});
