// Durability (issue 6): Chromium is killed (SIGKILL, the whole process group) at random moments
// while a learner records activities; after each restart on the same profile directory the app
// must open, its data must parse, and everything the app had reported as saved must be there.
//
//   make test runs 20 cycles;  CRASH_CYCLES=200 npx playwright test specs/crash.spec.ts  (in tests/e2e)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, siti } from '../helpers';
import { ORIGIN, PREFIX } from '../playwright.config';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);

/** Starts Chromium on `profileDir`; resolves with its DevTools endpoint and a way to kill it. */
function launch(profileDir: string): Promise<{ ws: string; kill: () => Promise<void> }> {
  const proc = spawn(
    '/usr/bin/chromium',
    ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve({ ws: m[1], kill: async () => { try { process.kill(-proc.pid!, 'SIGKILL'); } catch {} await exited; } });
    });
    proc.on('exit', () => reject(new Error(`chromium exited early: ${err.slice(-500)}`)));
  });
}

async function addActivity(page: Page, title: string) {
  const before = Number((await page.getByTestId('save-state').getAttribute('data-count').catch(() => '0')) ?? 0);
  await page.getByLabel('Nama kegiatan').fill(title);
  await page.getByLabel('Metode').selectOption('belajar_mandiri');
  await page.getByLabel('Mulai').fill('2026-11-01');
  await page.getByLabel('Jam belajar').fill('1');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  // "Saved" with a higher count: this save reached the disk.
  await expect.poll(async () => Number((await page.getByTestId('save-state').getAttribute('data-count', { timeout: 200 }).catch(() => '0')) ?? 0), { timeout: 5000 }).toBeGreaterThan(before);
}

test('killing the browser at random moments loses nothing reported as saved', async () => {
  test.setTimeout(60_000 + CYCLES * 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'lentera-crash-'));
  const saved: string[] = [];
  let kills = 0;
  let lost = 0;
  let profilePath = '';
  let seed = 12345;
  let current: { kill: () => Promise<void> } | null = null;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const chrome = await launch(dir);
      current = chrome;
      const browser = await chromium.connectOverCDP(chrome.ws);
      const context = browser.contexts()[0];
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      if (cycle === 0) {
        await page.goto(ORIGIN + PREFIX);
        await createProfile(page, siti);
        profilePath = page.url().split('#')[1];
      }
      await page.goto(`${ORIGIN}${PREFIX}#${profilePath}/kegiatan`);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText('Kegiatan pengembangan').catch(async (e) => {
        // What the restarted browser holds, to tell a lost save from a slow start.
        const stored = await page.evaluate(() =>
          Object.keys(localStorage).map((k) => `${k}: ${localStorage.getItem(k)!.length} chars, ${localStorage.getItem(k)!.slice(0, 60)}`),
        );
        const recovery = await page.getByTestId('recovery').textContent().catch(() => null);
        throw new Error(`cycle ${cycle}, ${saved.length} saves so far: ${e}\nstored: ${stored.join(' | ')}\nrecovery: ${recovery}`);
      });
      // Everything reported saved before the last kill is here (recovered from the durable copy if
      // needed): the list is read once, so a cycle costs the same however many came before.
      if (saved.length) await expect(page.getByTestId('activities')).toContainText(saved[saved.length - 1]);
      const shown = (await page.getByTestId('activities').textContent()) ?? '';
      const missing = saved.filter((t) => !shown.includes(t));
      lost += missing.length;
      expect(missing, `cycle ${cycle}: saves lost`).toEqual([]);
      await expect(page.getByTestId('recovery')).toHaveCount(0);
      expect(errors).toEqual([]);

      // One save first, so every cycle has something to lose; then more work, killed somewhere
      // in the middle of it (the kill time is random, not the number of saves).
      const first = `Belajar mandiri ${cycle}-0`;
      await addActivity(page, first);
      saved.push(first);
      let killed = false;
      const killAt = random() * 1500;
      const killer = setTimeout(() => { killed = true; void chrome.kill(); }, killAt);
      try {
        for (let n = 1; n < 6 && !killed; n++) {
          const title = `Belajar mandiri ${cycle}-${n}`;
          await addActivity(page, title);
          if (!killed) saved.push(title);
        }
      } catch {
        // The browser died under the test: expected.
      }
      clearTimeout(killer);
      if (killed) kills++;
      await chrome.kill();
    }
    // Not a timing: every cycle saved at least once, whatever the machine's speed.
    expect(saved.length).toBeGreaterThanOrEqual(CYCLES);
    console.log(`crash test: ${CYCLES} cycles, ${kills} killed mid-work, ${saved.length} saves reported, ${lost} lost`);
  } finally {
    await current?.kill();
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // A leftover temp directory must not hide the test's own result.
    }
  }
});
