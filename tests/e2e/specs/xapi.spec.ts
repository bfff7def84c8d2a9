// Records other systems read (issue 14): a learner downloads their completions, quiz attempts
// and activities as xAPI 1.0.3 statements; the file keeps the statement rules of the spec
// (required properties, identifiers, ISO 8601 durations and timestamps, unique ids), and a
// second download carries the same ids, so sending twice changes nothing in an LRS.
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { createProfile, expectAccessible, siti, takeQuiz, waitForPack } from '../helpers';

type Statement = Record<string, any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const iri = (s: unknown) => typeof s === 'string' && /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(s);
const languageMap = (m: unknown) => !!m && typeof m === 'object' && Object.keys(m).length > 0 && Object.entries(m as object).every(([k, v]) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k) && typeof v === 'string');

/** What breaks xAPI 1.0.3's statement rules (Part 2 §2.4) in `s`. */
function problems(s: Statement): string[] {
  const p: string[] = [];
  const need = (ok: boolean, rule: string) => ok || p.push(rule);
  need(UUID.test(s.id), 'id is an RFC 4122 UUID');
  need(s.actor?.objectType === 'Agent', 'actor is an Agent');
  need(['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in s.actor).length === 1, 'exactly one inverse functional identifier');
  need(iri(s.actor?.account?.homePage) && /^\d{18}$/.test(s.actor?.account?.name), 'account: homePage IRL, name the NIP');
  need(iri(s.verb?.id) && languageMap(s.verb?.display), 'verb: IRI id, language-map display');
  need(s.object?.objectType === 'Activity' && iri(s.object?.id), 'object: an Activity with an IRI id');
  need(iri(s.object?.definition?.type) && languageMap(s.object?.definition?.name), 'activity definition: IRI type, language-map name');
  if (s.result?.score) {
    const { scaled, raw, min, max } = s.result.score;
    need(scaled >= -1 && scaled <= 1, 'score.scaled in [-1, 1]');
    need(min <= raw && raw <= max && min < max, 'min ≤ raw ≤ max');
  }
  if (s.result?.duration !== undefined) need(DURATION.test(s.result.duration), 'duration in ISO 8601');
  if (s.result?.extensions) need(Object.keys(s.result.extensions).every(iri), 'extension keys are IRIs');
  need(TIMESTAMP.test(s.timestamp) && !Number.isNaN(Date.parse(s.timestamp)), 'timestamp in ISO 8601 with a zone');
  need(Object.keys(s).every((k) => ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp'].includes(k)), 'no property the LRS sets');
  return p;
}

async function downloadStatements(page: import('@playwright/test').Page): Promise<Statement[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh catatan xAPI' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lentera-xapi-siti-aminah-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

test('a learner downloads their record as xAPI 1.0.3 statements that an LRS takes once', async ({ page }) => {
  await page.goto('./');
  await waitForPack(page);
  await createProfile(page, siti);
  const profile = new URL(page.url()).hash.split('/')[2];
  // A quiz failed, then passed (the module completed), and an activity outside the app.
  await page.goto(`./#/p/${profile}/belajar/lentera-dasar/mod-m01-integritas/kuis`);
  await takeQuiz(page, 'mod-m01-integritas', false);
  await page.getByRole('button', { name: 'Ulangi kuis' }).click();
  await takeQuiz(page, 'mod-m01-integritas', true);
  await expect(page.getByTestId('quiz-result')).toContainText('Lulus');
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await page.getByLabel('Nama kegiatan').fill('Bimtek pelayanan publik');
  await page.getByLabel('Metode').selectOption('bimbingan_teknis');
  await page.getByLabel('Mulai').fill('2026-03-02');
  await page.getByLabel('Jam belajar').fill('1.5');
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
  await expect(page.getByTestId('activities')).toContainText('Bimtek pelayanan publik');

  await page.getByRole('link', { name: 'Data saya' }).click();
  const statements = await downloadStatements(page);
  await expect(page.getByTestId('export-done').last()).toContainText('lentera-xapi-siti-aminah');
  await expectAccessible(page, 'my data with the xAPI download');
  for (const s of statements) expect(problems(s), JSON.stringify(s)).toEqual([]);
  const verbs = statements.map((s) => s.verb.id.split('/').pop()).sort();
  expect(verbs).toEqual(['attended', 'completed', 'failed', 'passed']);
  expect(new Set(statements.map((s) => s.id)).size, 'unique statement ids').toBe(statements.length);
  expect(statements.every((s) => s.actor.account.name === siti.nip)).toBe(true);
  const activity = statements.find((s) => s.verb.id.endsWith('/attended'))!;
  expect(activity.result.duration).toBe('PT1H30M');
  const completed = statements.find((s) => s.verb.id.endsWith('/completed'))!;
  expect(completed.object.definition.name['id-ID']).toBe('Integritas: Jujur, Konsisten, dan Berani Mengingatkan');
  // Activity ids live under the site's own address.
  expect(completed.object.id).toBe(new URL('xapi/module/lentera-dasar/mod-m01-integritas', page.url()).href);

  // Downloaded again: the same statements, the same ids.
  const again = await downloadStatements(page);
  expect(again).toEqual(statements);
});
