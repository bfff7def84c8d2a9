// Issue 11, protected export files: an export sealed with a passphrase (AES-256-GCM, key by
// PBKDF2-SHA256) is unreadable without it, opens with it on another device, and a wrong
// passphrase or a changed file changes nothing. All of it on a plain-http, non-localhost address,
// where the browser offers no WebCrypto. The trainer opens many protected files with one class
// passphrase; the files here are sealed by Node's own crypto, so the format is checked against a
// second implementation too.
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createProfile, employeeExport, siti, waitForPack } from '../helpers';
import { PORT, PREFIX } from '../playwright.config';

const PASS = 'kelas-bimtek-2026';

/** The envelope `domain::envelope` writes, made with Node's crypto. */
function seal(plain: Buffer, passphrase: string) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header = {
    format: 'lentera-encrypted',
    version: 1,
    kdf: { name: 'pbkdf2-sha256', rounds: 150000, salt: salt.toString('hex') },
    cipher: 'aes-256-gcm',
    nonce: nonce.toString('hex'),
  };
  const key = pbkdf2Sync(passphrase, salt, 150000, 32, 'sha256');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({ ...header, ciphertext: body.toString('base64') });
}

test('a protected export opens only with its passphrase, on a plain-http address', async () => {
  // `lentera.test` resolves to this machine: not localhost, so no secure context, no WebCrypto.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP lentera.test 127.0.0.1'],
  });
  try {
    const url = `http://lentera.test:${PORT}${PREFIX}`;
    const learner = await browser.newPage();
    const learnerErrors: string[] = [];
    learner.on('pageerror', (e) => learnerErrors.push(e.message));
    learner.on('console', (m) => m.type() === 'error' && learnerErrors.push(m.text()));
    await learner.goto(url);
    expect(await learner.evaluate(() => window.isSecureContext && !!crypto.subtle)).toBe(false);
    await createProfile(learner, siti);
    await learner.getByRole('link', { name: 'Data saya' }).click();
    await learner.getByLabel('Kunci berkas dengan kata sandi (opsional)').fill('pendek');
    await learner.getByLabel('Ulangi kata sandi berkas').fill('pendek');
    await learner.getByRole('button', { name: 'Ekspor data saya' }).click();
    await expect(learner.getByRole('alert').filter({ hasText: 'minimal 8 karakter' })).toBeVisible();
    await learner.getByLabel('Kunci berkas dengan kata sandi (opsional)').fill(PASS);
    await learner.getByLabel('Ulangi kata sandi berkas').fill(PASS);
    const [download] = await Promise.all([learner.waitForEvent('download', { timeout: 10_000 }).catch((e) => { throw new Error(`${e}; page errors: ${learnerErrors.join(' | ')}`); }), learner.getByRole('button', { name: 'Ekspor data saya' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lentera-siti-aminah-\d{4}-\d{2}-\d{2}\.terkunci\.json$/);
    const sealed = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(sealed).format).toBe('lentera-encrypted');
    for (const secret of [siti.name, siti.nip, siti.unit]) expect(sealed).not.toContain(secret);

    // Another device (a fresh context: its own storage).
    const context = await browser.newContext();
    const tablet = await context.newPage();
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await tablet.goto(url + '#/data');
    const choose = (text: string, name = 'siti.terkunci.json') =>
      tablet.getByLabel('Pilih berkas ekspor Lentera (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

    await choose(sealed);
    await expect(tablet.getByTestId('import-locked')).toBeVisible();
    await tablet.getByLabel('Kata sandi berkas', { exact: true }).fill('kelas-bimtek-2025');
    await tablet.getByRole('button', { name: 'Buka berkas' }).click();
    await expect(tablet.getByTestId('file-pass-error')).toContainText('Kata sandi salah, atau berkas telah diubah');
    await expect(tablet.getByTestId('import-preview')).toHaveCount(0);

    // One changed character of the ciphertext: refused the same way.
    const env = JSON.parse(sealed);
    const c = env.ciphertext;
    env.ciphertext = c.slice(0, 40) + (c[40] === 'A' ? 'B' : 'A') + c.slice(41);
    await choose(JSON.stringify(env), 'diubah.terkunci.json');
    await tablet.getByLabel('Kata sandi berkas', { exact: true }).fill(PASS);
    await tablet.getByRole('button', { name: 'Buka berkas' }).click();
    await expect(tablet.getByTestId('file-pass-error')).toContainText('Kata sandi salah, atau berkas telah diubah');
    expect(await tablet.evaluate(() => localStorage.getItem('lentera.data'))).toBeNull();

    await choose(sealed);
    await tablet.getByLabel('Kata sandi berkas', { exact: true }).fill(PASS);
    await tablet.getByRole('button', { name: 'Buka berkas' }).click();
    await expect(tablet.getByTestId('import-person')).toContainText(siti.name);
    await tablet.getByRole('button', { name: 'Gabungkan ke perangkat ini' }).click();
    await expect(tablet.getByTestId('import-done')).toBeVisible();
    await tablet.goto(url);
    await expect(tablet.getByRole('button', { name: new RegExp(siti.name) })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the trainer opens a class of protected files with one passphrase', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await page.getByRole('link', { name: 'Mode pelatih' }).click();
  await page.getByLabel('Kata sandi pelatih', { exact: true }).fill('kata-sandi-pelatih');
  await page.getByLabel('Ulangi kata sandi pelatih').fill('kata-sandi-pelatih');
  await page.getByRole('button', { name: 'Simpan kata sandi dan buka' }).click();
  await page.getByRole('link', { name: 'Impor dan paket' }).click();
  const files = [1, 2, 3].map((i) => {
    const f = employeeExport(i, { unit: 'Kecamatan Sukamaju', level: 2 });
    return { ...f, name: f.name.replace('.json', '.terkunci.json'), buffer: Buffer.from(seal(f.buffer, PASS)) };
  });
  const other = employeeExport(4, { unit: 'Kecamatan Sukamaju', level: 2 });
  files.push({ ...other, name: 'lain.terkunci.json', buffer: Buffer.from(seal(other.buffer, 'kata-sandi-lain')) });
  await page.getByLabel('Kata sandi kelas (untuk berkas yang dikunci)').fill(PASS);
  await page.getByLabel('Pilih satu atau banyak berkas ekspor (.json)').setInputFiles(files);
  await expect(page.getByTestId('cohort-preview')).toContainText('3 berkas siap digabungkan');
  await expect(page.getByTestId('cohort-import-errors')).toContainText('lain.terkunci.json');
  await expect(page.getByTestId('cohort-import-errors')).toContainText('Kata sandi salah');
  await page.getByRole('button', { name: 'Gabungkan ke kohort' }).click();
  await page.getByRole('link', { name: 'Kohort', exact: true }).click();
  await expect(page.getByTestId('cohort-count')).toHaveText('3 pegawai dalam kohort');
});
