// Steps of the learner's journeys, written the way a person does them on the tablet.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const defaultPack = JSON.parse(readFileSync(root + 'public/packs/default.json', 'utf8'));

export type Person = { name: string; nip: string; title: string; kind: string; unit: string; grade: string; pin?: string };

export const siti: Person = {
  name: 'Siti Aminah',
  nip: '198503122010012002',
  title: 'Kepala Seksi Pelayanan',
  kind: 'pengawas',
  unit: 'Kecamatan Sukamaju',
  grade: 'III/c',
};

/** WCAG 2.2 AA scan of what is on screen now: no violation allowed. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

export async function createProfile(page: Page, p: Person) {
  await page.goto('./');
  await page.getByRole('link', { name: 'Tambah profil' }).click();
  await page.getByLabel('Nama lengkap').fill(p.name);
  await page.getByLabel('NIP').fill(p.nip);
  await page.getByLabel('Nama jabatan').fill(p.title);
  await page.getByLabel('Jenis jabatan').selectOption(p.kind);
  await page.getByLabel('Unit kerja').fill(p.unit);
  await page.getByLabel('Golongan/ruang').selectOption(p.grade);
  if (p.pin) {
    await page.getByLabel('PIN baru').fill(p.pin);
    await page.getByLabel('Ulangi PIN').fill(p.pin);
  }
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.name);
}

/** Waits until the default pack is loaded (its technical competencies join the standard). */
export async function waitForPack(page: Page) {
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lentera.packs')?.includes('lentera-dasar') ?? false)).toBe(true);
}

/** On the self-assessment screen, assesses every competency at `levels[code]` (default 2). */
export async function selfAssess(page: Page, levels: Record<string, number>, dflt = 2) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Penilaian diri');
  for (let i = 0; i < 30; i++) {
    const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    const code = heading.split(' ')[0];
    const level = levels[code] ?? dflt;
    await page.getByLabel(`Tingkat ${level}`, { exact: false }).first().check();
    const finish = page.getByRole('button', { name: 'Selesai dan simpan' });
    if (await finish.isVisible()) {
      await finish.click();
      return;
    }
    await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(heading);
  }
  throw new Error('self-assessment did not finish');
}

export function moduleOf(id: string) {
  return defaultPack.modules.find((m: { id: string }) => m.id === id);
}

/** Answers the quiz of module `id` on screen, correctly or not. */
export async function takeQuiz(page: Page, id: string, correctly: boolean) {
  const m = moduleOf(id);
  for (const [i, q] of m.quiz.questions.entries()) {
    const choices: number[] = correctly ? q.correct : [q.choices.length - 1 === q.correct[0] ? 0 : q.choices.length - 1];
    for (const c of choices) await page.locator(`#c-${i}-${c}`).check();
    const last = i === m.quiz.questions.length - 1;
    await page.getByRole('button', { name: last ? 'Kirim jawaban' : 'Berikutnya' }).click();
  }
}
