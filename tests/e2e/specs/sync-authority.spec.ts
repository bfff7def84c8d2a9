// Authority on the sync server (issue 15): the accounts, databases, security objects and
// design documents that `sync-server/setup.mjs` applies. A learner's account reads and writes
// only its own person's documents — the server refuses the rest, and each refusal is asserted
// here — and a trainer's account reads the whole district.
import { request as http, type APIRequestContext } from '@playwright/test';
import { test, expect } from '../fixtures';
import { setupSyncDistrict, syncDistrict as district } from '../helpers';
import { SYNC_URL } from '../playwright.config';

const personDb = (nip: string) => `lentera-${district.name}-${nip}`;
const districtDb = `lentera-${district.name}`;

/** An account's session, signed in as the app does (`POST /_session`, cookie kept). */
async function signIn(name: string, password: string): Promise<APIRequestContext> {
  const ctx = await http.newContext({ baseURL: SYNC_URL, extraHTTPHeaders: { accept: 'application/json' } });
  const r = await ctx.post('/_session', { data: { name, password } });
  expect(r.status(), `sign in as ${name}`).toBe(200);
  return ctx;
}

/** A Lentera record document as the app writes it (revision named by the writer). */
function recordDoc(nip: string, owner: string, id: string, extra: Record<string, unknown> = {}) {
  return {
    _id: `activities:${id}`,
    _rev: '1-0a1b2c3d',
    _revisions: { start: 1, ids: ['0a1b2c3d'] },
    lentera: 2,
    kind: 'activities',
    owner,
    nip,
    record: { id, data: { employee: owner, title: 'Seminar', ...extra } },
  };
}

async function write(ctx: APIRequestContext, db: string, doc: object) {
  return ctx.post(`/${db}/_bulk_docs`, { data: { new_edits: false, docs: [doc] } });
}

test('a learner account reads and writes only its own documents; a trainer reads the district', async () => {
  setupSyncDistrict();
  const siti = await signIn(district.siti.nip, district.siti.password);
  const budi = await signIn(district.budi.nip, district.budi.password);

  // Each writes their own record into their own database: accepted.
  for (const [ctx, who, owner] of [[siti, district.siti, 'siti'], [budi, district.budi, 'budi']] as const) {
    const r = await write(ctx, personDb(who.nip), recordDoc(who.nip, owner, `${owner}-seminar`));
    expect(r.status()).toBe(201);
    expect(await r.json()).toEqual([]);
  }

  // Siti cannot read Budi's database by any door.
  const budiDb = personDb(district.budi.nip);
  for (const [what, response] of [
    ['the database', await siti.get(`/${budiDb}`)],
    ['a document', await siti.get(`/${budiDb}/activities%3Abudi-seminar`)],
    ['_changes', await siti.get(`/${budiDb}/_changes?style=all_docs`)],
    ['_all_docs', await siti.get(`/${budiDb}/_all_docs?include_docs=true`)],
    ['_bulk_get', await siti.post(`/${budiDb}/_bulk_get?revs=true`, { data: { docs: [{ id: 'activities:budi-seminar' }] } })],
    ['open_revs', await siti.get(`/${budiDb}/activities%3Abudi-seminar?open_revs=all`)],
    ['_find', await siti.post(`/${budiDb}/_find`, { data: { selector: {} } })],
  ] as const) {
    expect([401, 403], `reading ${what} of Budi's database`).toContain(response.status());
    expect(await response.text(), `nothing of Budi's in the refusal of ${what}`).not.toContain('budi-seminar');
  }

  // Nor write there, nor write in Budi's name into her own database.
  const intoBudi = await write(siti, budiDb, recordDoc(district.siti.nip, 'siti', 'siti-in-budi'));
  expect(intoBudi.status() === 401 || JSON.stringify(await intoBudi.json()).includes('error')).toBe(true);
  const inBudisName = await write(siti, personDb(district.siti.nip), recordDoc(district.budi.nip, 'budi', 'forged'));
  expect(await inBudisName.json()).toEqual([
    expect.objectContaining({ id: 'activities:forged', error: 'forbidden' }),
  ]);
  // A PIN hash never goes to the server, even into one's own database.
  const withPin = await write(siti, personDb(district.siti.nip), recordDoc(district.siti.nip, 'siti', 'pin', { pin_hash: 'ab12' }));
  expect(await withPin.json()).toEqual([expect.objectContaining({ error: 'forbidden' })]);
  // A document that is not a Lentera record is refused.
  const junk = await write(siti, personDb(district.siti.nip), { _id: 'junk', _rev: '1-aa', nip: district.siti.nip });
  expect(await junk.json()).toEqual([expect.objectContaining({ id: 'junk', error: 'forbidden' })]);

  // No way around the rules: code run on the server, the security object by other spellings
  // and through a batch, design documents, server-side replication, the district.
  const own = personDb(district.siti.nip);
  expect((await siti.post(`/${own}/_temp_view`, { data: { map: 'function (doc) { emit(1); }' } })).status()).toBe(403);
  expect([400, 403]).toContain((await siti.put(`/${own}/_local%2F_security`, { data: { members: { names: [] } } })).status());
  expect((await siti.post(`/${own}/_bulk_docs`, { data: { docs: [{ _id: '_local/_security', members: { names: [] } }] } })).status()).toBe(403);
  expect((await siti.post(`/${own}/_bulk_docs`, { data: { new_edits: false, docs: [{ _id: '_design/lentera-person', _rev: '9-aa', validate_doc_update: 'function () {}' }] } })).status()).toBe(403);
  expect((await siti.put(`/${own}/activities%3Aput`, { data: recordDoc(district.siti.nip, 'siti', 'put') })).status()).toBe(403);
  expect((await siti.get(`/${own}/_changes?feed=continuous`)).status()).toBe(403);
  expect((await siti.put(`/${personDb(district.siti.nip)}/_local/_security`, { data: { _rev: '0-1', members: { names: [] } } })).status()).toBe(403);
  expect((await siti.put(`/${personDb(district.siti.nip)}/_security`, { data: { members: { names: [] } } })).status()).toBe(403);
  expect((await siti.post('/_replicate', { data: { source: budiDb, target: 'copy' } })).status()).toBe(403);
  expect((await siti.get(`/${districtDb}/_all_docs`)).status()).toBe(401);
  expect((await siti.get('/_users/_all_docs')).status()).toBe(403);

  // The trainer reads the district, where the server's replication has brought both records
  // (and not the refused ones).
  const trainer = await signIn(district.trainer.name, district.trainer.password);
  await expect.poll(async () => {
    const r = await trainer.get(`/${districtDb}/_all_docs`);
    return ((await r.json()).rows ?? []).map((row: { id: string }) => row.id).filter((id: string) => !id.startsWith('_design/'));
  }, { timeout: 15_000 }).toEqual(['activities:budi-seminar', 'activities:siti-seminar']);
  // …and cannot write into it.
  const trainerWrite = await write(trainer, districtDb, recordDoc(district.siti.nip, 'siti', 'by-trainer'));
  expect(await trainerWrite.json()).toEqual([expect.objectContaining({ error: 'forbidden' })]);
});
