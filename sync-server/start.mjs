#!/usr/bin/env node
// Starts a CouchDB-protocol server for Lentera sync on this machine (`make sync-server`, and the
// browser tests): pouchdb-server from this folder's lockfile, behind a small guard.
//
// pouchdb-server speaks CouchDB's HTTP API and replication protocol, but it is a development
// server: probed here (docs/sync.md, "The local server"), it lets anyone read a private
// database through `_bulk_get` or `_find`, write anywhere through `_replicate`, let a member
// rewrite `_local/_security`, and it exits on a few requests. The guard in front refuses
// those to everyone but a server administrator, checks membership before every database
// request, and restarts the server if it exits. Production districts run Apache CouchDB 3.x,
// which enforces all of this itself (docs/sync.md, "Production setup").
//
// Usage: node sync-server/start.mjs [--port 5984] [--host 127.0.0.1] [--dir sync-server/data]
//          [--origins "http://127.0.0.1:8080, https://lentera.example.go.id"] [--fresh]
// The administrator is `admin` with the password in LENTERA_SYNC_ADMIN_PASSWORD (or, on first
// start, a random one written to <dir>/admin-password.txt).

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const port = Number(option('port', '5984'));
const host = option('host', '127.0.0.1');
const dir = path.resolve(option('dir', path.join(here, 'data')));
const origins = option('origins', 'http://127.0.0.1:8080, http://localhost:8080')
  .split(',').map((o) => o.trim()).filter(Boolean);

// pouchdb-validation replaces an incoming `_revisions` with the stored document's before
// running `validate_doc_update` (pouchdb-server issue #419), which breaks every
// `new_edits: false` write — the replication protocol's. Put the incoming one back.
function patchValidation() {
  const file = path.join(here, 'node_modules', 'pouchdb-validation', 'lib', 'index.js');
  const source = fs.readFileSync(file, 'utf8');
  const marker = '/* lentera: keep incoming _revisions */';
  if (source.includes(marker)) return;
  const original = '  newDoc._revisions = (oldDoc || {})._revisions;\n';
  const tail = '  //passed all validation functions (no errors thrown) -> success\n';
  if (!source.includes(original) || !source.includes(tail)) {
    throw new Error(`pouchdb-validation changed; cannot apply the _revisions fix to ${file}`);
  }
  const patched = source
    .replace(original, `  ${marker}\n  var hadRevisions = Object.prototype.hasOwnProperty.call(newDoc, "_revisions");\n  var incomingRevisions = newDoc._revisions;\n  if (!hadRevisions) { newDoc._revisions = (oldDoc || {})._revisions; }\n  try {\n`)
    .replace(tail, `  } finally {\n    if (hadRevisions) { newDoc._revisions = incomingRevisions; } else { delete newDoc._revisions; }\n  }\n${tail}`);
  fs.writeFileSync(file, patched);
}

function adminPassword() {
  if (process.env.LENTERA_SYNC_ADMIN_PASSWORD) return process.env.LENTERA_SYNC_ADMIN_PASSWORD;
  const file = path.join(dir, 'admin-password.txt');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(12).toString('base64url') + '\n', { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function writeConfig(password) {
  const file = path.join(dir, 'config.json');
  const old = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const config = {
    ...old,
    // Hashed by pouchdb-server when it starts.
    admins: { admin: password },
    httpd: { enable_cors: true },
    cors: {
      origins: origins.join(', '),
      credentials: true,
      headers: 'accept, authorization, content-type, origin, referer',
    },
    // A fixed secret: sessions survive a restart of the server.
    couch_httpd_auth: {
      secret: old.couch_httpd_auth?.secret ?? crypto.randomBytes(16).toString('hex'),
      timeout: 8 * 3600,
    },
    log: { file: path.join(dir, 'log.txt'), level: 'warning' },
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address();
      s.close(() => resolve(p));
    });
  });
}

// --fresh: start empty (the browser tests' server); never the default.
if (process.argv.includes('--fresh')) fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
patchValidation();
const config = writeConfig(adminPassword());
const inner = await freePort();
let child = null;
let stopping = false;

function startServer() {
  const bin = path.join(here, 'node_modules', '.bin', 'pouchdb-server');
  child = spawn(bin, ['--port', String(inner), '--host', '127.0.0.1', '--dir', path.join(dir, 'db'), '--config', config, '-n'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(`sync-server: pouchdb-server exited (${code}); restarting`);
    setTimeout(startServer, 300);
  });
}

/** One request to the inner server; resolves to {status, headers, body (Buffer)}. */
function upstream(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: inner, method, path: url, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The credentials of a request, as the inner server reads them. */
function credentials(req) {
  const h = { accept: 'application/json' };
  if (req.headers.cookie) h.cookie = req.headers.cookie;
  if (req.headers.authorization) h.authorization = req.headers.authorization;
  return h;
}

const adminCache = new Map();
async function isAdmin(req) {
  const key = `${req.headers.cookie ?? ''}|${req.headers.authorization ?? ''}`;
  const hit = adminCache.get(key);
  if (hit && hit.until > Date.now()) return hit.admin;
  const r = await upstream('GET', '/_session', credentials(req));
  let admin = false;
  try {
    admin = JSON.parse(r.body.toString()).userCtx.roles.includes('_admin');
  } catch { /* not admin */ }
  adminCache.set(key, { admin, until: Date.now() + 10_000 });
  return admin;
}

const FORBIDDEN = [403, 'Only a server administrator may do this.'];

/** A document id a member may write: a record or sync note, never `_local/…` or `_design/…`. */
const writableId = (id) => typeof id === 'string' && id !== '' && !id.startsWith('_') && !id.includes('/');

/** Why a non-administrator's request is refused, or null when it may go on. Deny by default:
 * a member may use only what the app's replication uses, on a database they are a member of. */
async function refusal(req, url, body) {
  // Encoded slashes and empty segments would let one path mean two things (the guard's and
  // the server's); the app never sends them.
  if (/%2f|%5c/i.test(url.pathname) || url.pathname.includes('//')) return [400, 'This path is not accepted.'];
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [db = '', second = '', third = ''] = parts;
  const m = req.method;
  if (parts.length === 0) return m === 'GET' || m === 'HEAD' ? null : FORBIDDEN;
  if (db === '_session' && parts.length === 1) return null;
  if (db.startsWith('_')) return FORBIDDEN;
  const feed = url.searchParams.get('feed');
  const allowed =
    (parts.length === 1 && (m === 'GET' || m === 'HEAD')) ||
    (parts.length === 2 && second === '_changes' && m === 'GET' && (feed === null || feed === 'normal')) ||
    (parts.length === 2 && second === '_all_docs' && m === 'GET') ||
    (parts.length === 2 && ['_bulk_get', '_revs_diff', '_bulk_docs'].includes(second) && m === 'POST') ||
    (parts.length === 3 && second === '_local' && /^[0-9a-f]{32}$/.test(third) && (m === 'GET' || m === 'PUT')) ||
    (parts.length === 2 && !second.startsWith('_') && m === 'GET');
  if (!allowed) return FORBIDDEN;
  if (url.searchParams.get('latest') === 'true') return [400, 'latest=true is not supported by this server.'];
  // What is written: every document of a batch is a record or a sync note.
  if (second === '_bulk_docs') {
    let docs;
    try { docs = JSON.parse(body.toString() || '{}').docs; } catch { return [400, 'The request body is not JSON.']; }
    if (!Array.isArray(docs) || !docs.every((d) => d && writableId(d._id))) return FORBIDDEN;
  }
  if (second === '_local') {
    try {
      const doc = body.length ? JSON.parse(body.toString()) : {};
      if (doc._id !== undefined && doc._id !== `_local/${third}`) return FORBIDDEN;
    } catch { return [400, 'The request body is not JSON.']; }
  }
  // Membership, as the inner server enforces it on GET /<db> (it does not on _bulk_get).
  const info = await upstream('GET', `/${encodeURIComponent(db)}`, credentials(req));
  if (info.status !== 200) return [info.status, 'You are not authorized to access this db.'];
  return null;
}

function corsHeaders(req) {
  const origin = req.headers.origin;
  return origin && origins.includes(origin)
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
    : {};
}

const guard = http.createServer(async (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  await new Promise((r) => req.on('end', r));
  try {
    const url = new URL(req.url, 'http://guard');
    if (req.method !== 'OPTIONS' && !(await isAdmin(req))) {
      const why = await refusal(req, url, Buffer.concat(chunks));
      if (why) {
        const [status, reason] = why;
        res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders(req) });
        res.end(JSON.stringify({ error: status === 400 ? 'bad_request' : status === 401 ? 'unauthorized' : 'forbidden', reason }));
        return;
      }
    }
    const headers = { ...req.headers };
    delete headers.host;
    const r = await upstream(req.method, req.url, headers, chunks.length ? Buffer.concat(chunks) : undefined);
    const out = { ...r.headers };
    delete out['content-length'];
    delete out['transfer-encoding'];
    delete out.connection;
    // Cookies for the app's own site; the server and the app share the site (docs/sync.md).
    if (out['set-cookie']) out['set-cookie'] = out['set-cookie'].map((c) => (/samesite/i.test(c) ? c : `${c}; SameSite=Lax`));
    res.writeHead(r.status, { ...out, 'content-length': r.body.length });
    res.end(r.body);
  } catch (e) {
    res.writeHead(502, { 'content-type': 'application/json', ...corsHeaders(req) });
    res.end(JSON.stringify({ error: 'unavailable', reason: String(e.message ?? e) }));
  }
});

function stop() {
  stopping = true;
  guard.close();
  if (child) child.kill();
  setTimeout(() => process.exit(0), 200);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

startServer();
// Wait for the inner server, then open the guarded port.
for (let i = 0; i < 100; i++) {
  try {
    const r = await upstream('GET', '/', {});
    if (r.status === 200) break;
  } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
guard.listen(port, host, () => {
  console.log(`sync-server: CouchDB protocol on http://${host}:${port}/ (data in ${dir}; CORS for ${origins.join(', ')})`);
});
