//! One CouchDB document per Lentera record (`docs/sync.md`, "Mapping").
//!
//! ```json
//! { "_id": "progress:<record id>", "_rev": "…",
//!   "lentera": 2, "kind": "progress", "owner": "<employee id>", "nip": "<owner's NIP>",
//!   "record": { "id": …, "created_at": …, "clock": …, "data": …, "conflicts": [ … ] } }
//! ```
//!
//! `record` is the record exactly as an export file holds it: the winning version and every
//! version in conflict with it, each with its version vector, so the server carries what
//! Lentera's merge needs. `owner` and `nip` say whose
//! it is: the server's `validate_doc_update` compares `nip` with the signed-in account. Nothing
//! device-local (PIN hashes, lock settings) is a record, so nothing of it is ever a document.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::revs::Rev;
use crate::domain::hex;
use crate::domain::record::{Id, Record, RecordData, Table};
use crate::domain::snapshot::document::{RecordKind, TableVisitor};
use crate::domain::snapshot::{Snapshot, FORMAT, SCHEMA_VERSION};

/// A Lentera record as a CouchDB document body (without `_id`, `_rev`).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordDoc {
    pub kind: RecordKind,
    pub id: Id,
    /// The employee the record belongs to (the employee record's own id for an employee).
    pub owner: Id,
    /// The owner's NIP: the account name allowed to write the document.
    pub nip: String,
    /// The record as an export file holds it.
    pub record: Value,
}

/// Why a document from the server is not a Lentera record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocProblem(pub String);

impl RecordDoc {
    /// `<kind>:<record id>`: the kind first, so one record id in two tables are two documents.
    pub fn doc_id(kind: RecordKind, id: &Id) -> String {
        format!("{}:{}", kind.key(), id)
    }

    pub fn doc_id_of(&self) -> String {
        Self::doc_id(self.kind, &self.id)
    }

    /// The body without CouchDB's fields; what the content hash and the revision id cover.
    pub fn body(&self) -> Value {
        json!({
            "lentera": SCHEMA_VERSION,
            "kind": self.kind.key(),
            "owner": self.owner,
            "nip": self.nip,
            "record": self.record,
        })
    }

    /// A hash of the body (`hash_of`).
    pub fn content_hash(&self) -> String {
        hash_of(&self.body())
    }

    /// The document to write as revision `rev` on top of `parent`.
    pub fn to_write(&self, rev: &Rev, parent: Option<&Rev>) -> Value {
        to_write(&self.doc_id_of(), self.body(), rev, parent)
    }

    /// The deletion of the branch ending in `leaf` (a losing leaf after a fold). It keeps `kind`,
    /// `owner` and `nip`, so the server's rule can tell whose branch is being closed.
    pub fn deletion_of(&self, leaf: &Rev) -> Value {
        let rev = Rev::child(Some(leaf), "", true);
        json!({
            "_id": self.doc_id_of(),
            "_rev": rev.to_string(),
            "_revisions": rev.revisions(Some(leaf)),
            "_deleted": true,
            "kind": self.kind.key(),
            "owner": self.owner,
            "nip": self.nip,
        })
    }

    /// Reads a document from the server. Its `record` is checked later, with every other pulled
    /// record, by the same import that reads files (`snapshot::import_value`).
    pub fn from_couch(doc: &Value) -> Result<RecordDoc, DocProblem> {
        let problem = |what: &str| {
            DocProblem(format!(
                "{}: {what}",
                doc.get("_id").and_then(Value::as_str).unwrap_or("?")
            ))
        };
        let o = doc.as_object().ok_or_else(|| problem("not an object"))?;
        let text = |k: &str| {
            o.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| problem(&format!("no {k}")))
        };
        if o.get("lentera").and_then(Value::as_u64) != Some(u64::from(SCHEMA_VERSION)) {
            return Err(problem("another schema version"));
        }
        let kind = RecordKind::from_key(text("kind")?).ok_or_else(|| problem("unknown kind"))?;
        let record = o.get("record").cloned().ok_or_else(|| problem("no record"))?;
        let id = record
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| Id::parse(s).ok())
            .ok_or_else(|| problem("no record id"))?;
        if text("_id")? != Self::doc_id(kind, &id) {
            return Err(problem("the document id does not name its record"));
        }
        Ok(RecordDoc {
            kind,
            id,
            owner: Id::parse(text("owner")?).map_err(|e| problem(&e))?,
            nip: text("nip")?.to_string(),
            record,
        })
    }

    /// The record merged with another copy of it, by Lentera's merge (`Record::merge`): what a
    /// fold of two leaves of one document holds.
    pub fn merged_with(&self, other: &RecordDoc) -> Result<RecordDoc, DocProblem> {
        fn merge<T: RecordData>(a: &Value, b: &Value) -> Result<Value, DocProblem> {
            let read =
                |v: &Value| crate::domain::json::from_value::<Record<T>>(v).map_err(|e| DocProblem(format!("{e:?}")));
            let merged = read(a)?.merge(&read(b)?);
            Ok(crate::domain::json::to_value(&merged))
        }
        if (self.kind, &self.id) != (other.kind, &other.id) {
            return Err(DocProblem("two different records".into()));
        }
        let (a, b) = (&self.record, &other.record);
        let record = match self.kind {
            RecordKind::Employees => merge::<crate::domain::model::employee::Employee>(a, b),
            RecordKind::Assessments => merge::<crate::domain::model::assessment::Assessment>(a, b),
            RecordKind::Progress => merge::<crate::domain::model::progress::Progress>(a, b),
            RecordKind::Activities => merge::<crate::domain::model::activity::Activity>(a, b),
            RecordKind::Ratings => merge::<crate::domain::model::evaluation::Rating>(a, b),
            RecordKind::Feedback => merge::<crate::domain::model::evaluation::Feedback>(a, b),
            RecordKind::Plan => merge::<crate::domain::model::plan::PlanItem>(a, b),
        }?;
        // The owner and NIP of the winning side stand (both sides name the same person unless
        // a document was tampered with, which the import's authority check then meets).
        Ok(RecordDoc { record, ..self.clone() })
    }
}

/// A hash of a document body. `serde_json` writes object keys sorted, so equal bodies hash
/// equal on every device.
pub fn hash_of(body: &Value) -> String {
    let digest = Sha256::digest(body.to_string().as_bytes());
    hex::encode(&digest[..16])
}

/// `body` as document `id`, revision `rev` on top of `parent`.
pub fn to_write(id: &str, mut body: Value, rev: &Rev, parent: Option<&Rev>) -> Value {
    if let Some(o) = body.as_object_mut() {
        o.insert("_id".into(), Value::String(id.to_string()));
        o.insert("_rev".into(), Value::String(rev.to_string()));
        o.insert("_revisions".into(), rev.revisions(parent));
    }
    body
}

/// The documents of every record that belongs to one of `people` (employee id → NIP), erased
/// records included: a deletion must reach the other devices.
pub fn docs_of(snapshot: &Snapshot, people: &BTreeMap<Id, String>) -> Vec<RecordDoc> {
    struct Collect<'a> {
        people: &'a BTreeMap<Id, String>,
        out: Vec<RecordDoc>,
    }
    impl TableVisitor for Collect<'_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
            for r in t.all() {
                let owner = if kind == RecordKind::Employees {
                    Some(&r.id)
                } else {
                    r.owner()
                };
                let Some((owner, nip)) = owner.and_then(|o| self.people.get_key_value(o)) else {
                    continue;
                };
                if let record @ Value::Object(_) = crate::domain::json::to_value(r) {
                    self.out.push(RecordDoc {
                        kind,
                        id: r.id.clone(),
                        owner: owner.clone(),
                        nip: nip.clone(),
                        record,
                    });
                }
            }
        }
    }
    let mut c = Collect {
        people,
        out: Vec::new(),
    };
    snapshot.visit(&mut c);
    c.out
}

/// Pulled records as a snapshot document, to be read by the import that reads files
/// (`snapshot::import_value`): the same checks of shape, bounds and relations for a file and
/// for a server.
pub fn snapshot_value(docs: &[RecordDoc]) -> Value {
    let mut doc = Map::new();
    doc.insert("format".into(), json!(FORMAT));
    doc.insert("schema_version".into(), json!(SCHEMA_VERSION));
    for kind in RecordKind::ALL {
        let records: Vec<Value> = docs
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.record.clone())
            .collect();
        doc.insert(kind.key().into(), Value::Array(records));
    }
    Value::Object(doc)
}

/// Pulled documents read as an import (`snapshot::import_value`, the checks a file gets). The
/// import checks that every record's owner is in the file; an owner this device already holds
/// (`local`) counts, so a record may arrive in another batch than its owner's profile. A batch
/// with an unreadable record is read again one document at a time, so the readable ones are
/// taken in and the others reported and left on the server, untouched.
pub fn read_pulled(
    docs: &[RecordDoc],
    local: &Snapshot,
    now: chrono::DateTime<chrono::Utc>,
) -> (Snapshot, std::collections::BTreeSet<String>, Vec<DocProblem>) {
    use crate::domain::snapshot::import::import_value;
    use crate::domain::snapshot::merge::merge;
    let read = |docs: &[RecordDoc]| {
        let mut value = snapshot_value(docs);
        let mut owners: Vec<&Id> = docs
            .iter()
            .filter(|d| d.kind != RecordKind::Employees)
            .map(|d| &d.owner)
            .collect();
        crate::domain::sort::sort(&mut owners);
        owners.dedup();
        if let Some(list) = value.get_mut(RecordKind::Employees.key()).and_then(Value::as_array_mut) {
            for owner in owners {
                let in_batch = docs.iter().any(|d| d.kind == RecordKind::Employees && &d.id == owner);
                if let Some(r) = local.employees.get_any(owner).filter(|_| !in_batch) {
                    list.push(crate::domain::json::to_value(r));
                }
            }
        }
        import_value(value, now)
    };
    // A document's NIP is the account allowed to write it; it must be its owner's NIP, or one
    // person's account could slip records into another person's name.
    let mut problems = Vec::new();
    let mut disagree = Vec::new();
    let agreeing: Vec<&RecordDoc> = docs
        .iter()
        .filter(|d| {
            let agree = owners_agree(d);
            if !agree {
                disagree.push(DocProblem(format!(
                    "{}: the record names another owner than its document",
                    d.doc_id_of()
                )));
            }
            agree
        })
        .collect();
    problems.extend(disagree);
    let docs: Vec<RecordDoc> = agreeing
        .into_iter()
        .filter(|d| match owner_nip(d, docs, local) {
            Some(nip) if nip == d.nip => true,
            Some(nip) => {
                problems.push(DocProblem(format!(
                    "{}: written under NIP {} but its owner's NIP is {nip}",
                    d.doc_id_of(),
                    d.nip
                )));
                false
            }
            None => true,
        })
        .cloned()
        .collect();
    let docs = &docs[..];
    let all_ids = || docs.iter().map(RecordDoc::doc_id_of).collect();
    if problems.is_empty() {
        if let Ok(s) = read(docs) {
            return (s, all_ids(), problems);
        }
    }
    let mut out = Snapshot::default();
    let mut taken = std::collections::BTreeSet::new();
    for d in docs {
        match read(std::slice::from_ref(d)) {
            Ok(s) => {
                out = merge(&out, &s).0;
                taken.insert(d.doc_id_of());
            }
            Err(p) => problems.push(DocProblem(format!(
                "{}: {}",
                d.doc_id_of(),
                p.first()
                    .map(|p| p.message(crate::domain::lang::Lang::En))
                    .unwrap_or_default()
            ))),
        }
    }
    (out, taken, problems)
}

/// Whether every version of the record (the winner and each conflict, deletions included)
/// belongs to the document's `owner`: the owner the server's rule and the NIP check go by.
fn owners_agree(doc: &RecordDoc) -> bool {
    if doc.kind == RecordKind::Employees {
        return doc.owner == doc.id;
    }
    let owner_of = |v: &Value| {
        v.get("data")
            .and_then(|d| d.get("employee"))
            .or_else(|| v.get("owner"))
            .and_then(Value::as_str)
            .map(String::from)
    };
    let mut versions = vec![&doc.record];
    versions.extend(
        doc.record
            .get("conflicts")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    versions
        .iter()
        .all(|v| owner_of(v).as_deref() == Some(doc.owner.as_str()))
}

/// The NIP of `doc`'s owner as the records say it: the profile this device already holds (so
/// no document can give a known profile another NIP, and with it another account), else the
/// profile in the same batch. `None` when not known (a deleted profile, an owner not here: the
/// import then decides).
fn owner_nip(doc: &RecordDoc, batch: &[RecordDoc], local: &Snapshot) -> Option<String> {
    let of_record = |record: &Value| record.get("data")?.get("nip")?.as_str().map(String::from);
    if let Some(known) = local.employees.get_any(&doc.owner).and_then(|r| r.content()) {
        return Some(known.nip.to_string());
    }
    if doc.kind == RecordKind::Employees {
        return of_record(&doc.record);
    }
    batch
        .iter()
        .find(|d| d.kind == RecordKind::Employees && d.id == doc.owner)
        .and_then(|d| of_record(&d.record))
}
