#!/usr/bin/env node
// Applies Lentera's sync layout to a CouchDB server (Apache CouchDB 3.x, or the local server of
// start.mjs): accounts, one database per person, the district database, their security
// objects, the design documents with `validate_doc_update`, and the server-side replications
// that copy each person's database into the district's. Safe to run again: what exists is
// brought up to date, passwords of existing accounts are left alone.
//
// Usage:
//   node sync-server/setup.mjs --server http://127.0.0.1:5984 --admin admin:PASSWORD \
//        --district kab-contoh --people people.csv [--trainers trainers.csv] [--passwords out.csv]
//
// people.csv:   nip[,password]   one employee per line (HR's list; NIP = account name)
// trainers.csv: name[,password]  trainer accounts that read the whole district
// Accounts given without a password get a random one; --passwords writes those (hand them out,
// then delete the file). Layout and rules: docs/sync.md, "Authority".

import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const design = require('./design.cjs');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  if (fallback === undefined) {
    console.error(`setup: --${name} is required (see the usage at the top of sync-server/setup.mjs)`);
    process.exit(2);
  }
  return fallback;
}

const server = option('server').replace(/\/$/, '');
const [adminName, ...rest] = option('admin').split(':');
const adminPassword = rest.join(':');
const district = option('district');
const peopleFile = option('people');
const trainersFile = option('trainers', '');
const passwordsFile = option('passwords', '');

if (!/^[a-z][a-z0-9-]{0,40}$/.test(district)) {
  console.error('setup: --district must be lower-case letters, digits and "-", starting with a letter');
  process.exit(2);
}

const auth = 'Basic ' + Buffer.from(`${adminName}:${adminPassword}`).toString('base64');

async function call(method, path, body) {
  const r = await fetch(`${server}/${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: r.status, json };
}

async function must(method, path, body, ok = [200, 201, 202]) {
  const r = await call(method, path, body);
  if (!ok.includes(r.status)) throw new Error(`${method} /${path}: ${r.status} ${JSON.stringify(r.json)}`);
  return r;
}

function readCsv(file) {
  if (!file) return [];
  return fs.readFileSync(file, 'utf8').split(/\r?\n/)
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').map((c) => c.trim()))
    .filter(([first]) => first && !/^(nip|name)$/i.test(first));
}

/** The database of one person: `lentera-<district>-<nip>`. */
export const personDb = (d, nip) => `lentera-${d}-${nip}`;
export const districtDb = (d) => `lentera-${d}`;

async function ensureDb(name) {
  await must('PUT', encodeURIComponent(name), undefined, [201, 202, 412]);
}

/** Writes `doc`, replacing an older version unless `keep` (a running replication's document,
 * which only the replicator may change). */
async function ensureDoc(db, doc, keep = false) {
  const path = `${encodeURIComponent(db)}/${doc._id.startsWith('_design/') ? '_design/' + encodeURIComponent(doc._id.slice(8)) : encodeURIComponent(doc._id)}`;
  const old = await call('GET', path);
  if (old.status === 200 && keep) return;
  const body = old.status === 200 ? { ...doc, _rev: old.json._rev } : doc;
  await must('PUT', path, body);
}

const generated = [];
async function ensureUser(name, password, roles) {
  const path = `_users/${encodeURIComponent('org.couchdb.user:' + name)}`;
  const old = await call('GET', path);
  if (old.status === 200) {
    if (JSON.stringify(old.json.roles) !== JSON.stringify(roles)) await must('PUT', path, { ...old.json, roles });
    return;
  }
  const pw = password || crypto.randomBytes(9).toString('base64url');
  if (!password) generated.push([name, pw]);
  await must('PUT', path, { _id: `org.couchdb.user:${name}`, name, password: pw, roles, type: 'user' });
}

const people = readCsv(peopleFile);
const trainers = readCsv(trainersFile);
for (const [nip] of people) {
  if (!/^\d{18}$/.test(nip)) {
    console.error(`setup: "${nip}" is not an 18-digit NIP`);
    process.exit(2);
  }
}

for (const sys of ['_users', '_replicator']) await must('PUT', sys, undefined, [201, 202, 412]);

// The district database: trainers read it; only the server's replication writes it.
const district_ = districtDb(district);
await ensureDb(district_);
await must('PUT', `${district_}/_security`, {
  admins: { names: [], roles: [] },
  members: { names: trainers.map(([n]) => n), roles: [] },
});
await ensureDoc(district_, design.district);
for (const [name, password] of trainers) await ensureUser(name, password, ['lentera-trainer']);

// One database per person: only that person's account is a member; the design document
// refuses any write not in their NIP's name.
const base = new URL(server);
const adminUrl = (db) => {
  const u = new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(db)}`);
  u.username = adminName;
  u.password = adminPassword;
  return u.toString();
};
for (const [nip, password] of people) {
  await ensureUser(nip, password, ['lentera-learner']);
  const db = personDb(district, nip);
  await ensureDb(db);
  await must('PUT', `${encodeURIComponent(db)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [nip], roles: [] },
  });
  await ensureDoc(db, design.person);
  // Server-side, continuous: the person's records reach the district as soon as they sync.
  await ensureDoc('_replicator', {
    _id: `${db}-to-district`,
    source: adminUrl(db),
    target: adminUrl(district_),
    continuous: true,
  }, true);
}

if (passwordsFile && generated.length) {
  fs.writeFileSync(passwordsFile, 'name,password\n' + generated.map((r) => r.join(',')).join('\n') + '\n', { mode: 0o600 });
}
console.log(`setup: district ${district_}: ${people.length} people, ${trainers.length} trainers` +
  (generated.length ? `; ${generated.length} new passwords${passwordsFile ? ` in ${passwordsFile}` : ' (use --passwords to keep them)'}` : ''));
