// The design documents Lentera's setup script installs (`setup.mjs`), as CouchDB runs them.
// `validate_doc_update` is CouchDB's only say over writes, so it carries the authority rules of
// docs/sync.md ("Authority"): a learner's account writes only documents in its own NIP's
// name, never a PIN or key field, never a document that is not a Lentera record; a district
// database takes writes only from the server's administrators (its replicator).
//
// The functions are written as strings because CouchDB stores them as source text; they use
// only what CouchDB's JavaScript engine offers (no arrow functions, no `let`).

'use strict';

const KINDS = ['employees', 'assessments', 'progress', 'activities', 'ratings', 'feedback', 'plan'];

// Field names that would carry a secret: a PIN hash or its salt, a sealed key, device locks.
const SECRET_FIELDS = ['pin', 'pin_hash', 'salt', 'sealed', 'signing_secret', 'locks', 'lock', 'password'];

const personValidate = `function (newDoc, oldDoc, userCtx, secObj) {
  var KINDS = ${JSON.stringify(KINDS)};
  var SECRET = ${JSON.stringify(SECRET_FIELDS)};
  if (userCtx.roles.indexOf('_admin') !== -1) { return; }
  if (!userCtx.name) { throw({ unauthorized: 'Masuk dulu. / Sign in first.' }); }
  if (newDoc._id.indexOf('_design/') === 0) {
    throw({ forbidden: 'Hanya administrator yang mengubah dokumen desain. / Only an administrator changes design documents.' });
  }
  if (newDoc.nip !== userCtx.name || (oldDoc && oldDoc.nip !== userCtx.name)) {
    throw({ forbidden: 'Dokumen ini milik orang lain. / This document belongs to another person.' });
  }
  function scan(value, path) {
    if (value === null || typeof value !== 'object') { return; }
    for (var key in value) {
      if (SECRET.indexOf(key) !== -1) {
        throw({ forbidden: 'PIN atau kunci tidak pernah dikirim ke server: ' + path + key + ' / A PIN or key never goes to the server.' });
      }
      scan(value[key], path + key + '.');
    }
  }
  scan(newDoc, '');
  if (newDoc._deleted) { return; }
  if (newDoc.kind === 'sync_status') {
    if (newDoc.lentera !== 2 || typeof newDoc.owner !== 'string' || typeof newDoc.device !== 'string'
        || typeof newDoc.at !== 'string' || newDoc._id !== 'sync_status:' + newDoc.owner + ':' + newDoc.device) {
      throw({ forbidden: 'Bukan catatan sinkronisasi Lentera. / Not a Lentera sync note.' });
    }
    return;
  }
  var record = newDoc.record;
  if (newDoc.lentera !== 2 || KINDS.indexOf(newDoc.kind) === -1 || typeof newDoc.owner !== 'string'
      || !record || typeof record !== 'object' || typeof record.id !== 'string'
      || newDoc._id !== newDoc.kind + ':' + record.id) {
    throw({ forbidden: 'Bukan catatan Lentera. / Not a Lentera record.' });
  }
  if (newDoc.kind === 'employees') {
    if (newDoc.owner !== record.id || (record.data && record.data.nip !== newDoc.nip)) {
      throw({ forbidden: 'Profil ini bukan milik akun ini. / This profile is not this account\\'s.' });
    }
  } else if (record.data && record.data.employee !== newDoc.owner) {
    throw({ forbidden: 'Pemilik catatan tidak cocok. / The record names another owner.' });
  }
}`;

const districtValidate = `function (newDoc, oldDoc, userCtx, secObj) {
  if (userCtx.roles.indexOf('_admin') !== -1) { return; }
  throw({ forbidden: 'Basis data kabupaten hanya diisi oleh replikasi server. / The district database is written only by the server\\'s replication.' });
}`;

module.exports = {
  KINDS,
  SECRET_FIELDS,
  /** Installed in every person's database. */
  person: { _id: '_design/lentera-person', language: 'javascript', validate_doc_update: personValidate },
  /** Installed in the district database (trainers read it; only the replicator writes). */
  district: { _id: '_design/lentera-district', language: 'javascript', validate_doc_update: districtValidate },
};
