//! The replication: pull, then push, over the CouchDB replication protocol, resumable at any
//! point (`docs/sync.md`, "Checkpoints").
//!
//! Pull: read both checkpoints → `_changes?style=all_docs` since the agreed sequence, a batch at
//! a time → fetch the leaves this device does not hold (`_bulk_get`, or `open_revs` where the
//! server has no `_bulk_get`) → fold conflicts (`fold.rs`) → the device takes the records in
//! (as an import: checked and authorised) → fold writes → the checkpoint on both sides.
//!
//! Push: the device has no change feed of its own; it compares each record's content with
//! what it last exchanged with the server (`SyncState::known`) → `_revs_diff` → `_bulk_docs`
//! with `new_edits: false`, a batch at a time, `known` saved after each.
//!
//! Interrupted anywhere, the next run re-reads at most one batch: taking a record in twice
//! changes nothing (merge is idempotent) and a write repeated is the same revision
//! (`Rev::child`), so nothing is lost and nothing is duplicated.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::checkpoint::{replication_id, seq_param, since, Checkpoint, Direction};
use super::doc::{hash_of, to_write, DocProblem, RecordDoc};
use super::fold::{fold, Folded, Leaf};
use super::remote::{percent_encode, ErrorKind, Remote, Request, SyncError};
use super::revs::{winner, Rev};
use super::status::SyncStatus;
use crate::domain::record::DeviceId;

/// Documents per request: small enough for a tablet on a slow link to finish a batch between
/// interruptions, large enough that a district's first sync is not all round trips.
pub const BATCH: usize = 100;

/// What this device knows of one server database, kept on the device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// Document id → the revision this device's copy descends from.
    #[serde(default)]
    pub known: BTreeMap<String, Known>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull: Option<Checkpoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<Checkpoint>,
    /// Sessions run so far (names the next one).
    #[serde(default)]
    pub sessions: u64,
    /// Documents pulled and not taken in (a locked profile's, one whose owner was not yet
    /// here): fetched again at the start of every pull, until taken in.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub retry: BTreeSet<String>,
}

/// The server revision a document on this device descends from, and the hash of the content
/// it had there: a record whose content hashes otherwise has changed here since.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub rev: Rev,
    pub hash: String,
    /// Other leaves seen and not to be fetched again (closed branches).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<Rev>,
}

/// The device's side of a replication.
pub trait Local {
    /// The documents of the records this device replicates (`doc::docs_of`).
    fn docs(&self) -> Vec<RecordDoc>;
    /// Takes pulled records in, as an import (checked, authorised, merged, saved). Returns the
    /// ids of the documents taken in; one not taken (a locked profile's, say) is fetched again
    /// next time.
    fn absorb(&mut self, docs: &[RecordDoc]) -> impl std::future::Future<Output = Result<BTreeSet<String>, SyncError>>;
    /// Saves the state (after every batch).
    fn save_state(&mut self, state: &SyncState) -> impl std::future::Future<Output = Result<(), SyncError>>;
    /// "Menyinkronkan: menerima 340 / 1.200".
    fn progress(&mut self, _progress: SyncProgress) {}
    /// The note this device writes at the end of a push (`status.rs`): a learner's device says
    /// it synced; a device that only reads writes none.
    fn status(&self) -> Option<SyncStatus> {
        None
    }
    /// Notes of devices that synced, as pulled (the trainer's "who has not synced since…").
    fn statuses(&mut self, _seen: Vec<SyncStatus>) {}
}

/// The server database and what this device may do there.
pub struct Server<'a, R> {
    pub remote: &'a R,
    /// The database's address: names the replication (`checkpoint::replication_id`).
    pub name: &'a str,
    /// Whether this device writes (a learner's own database) or only reads (a trainer's view
    /// of the district).
    pub writable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncProgress {
    pub direction: Direction,
    pub done: usize,
    /// Known for a push; for a pull when the server reports what is pending.
    pub total: Option<usize>,
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncReport {
    /// Documents taken in.
    pub pulled: usize,
    /// Pulled documents the device did not take in (its authority refused them).
    pub not_taken: usize,
    /// Documents written to the server.
    pub pushed: usize,
    /// Conflicted documents folded on the server.
    pub folded: usize,
    /// Writes the server refused: document id and its reason.
    pub refused: Vec<(String, String)>,
    /// Documents on the server that are not readable Lentera records: left there, untouched.
    pub unreadable: Vec<DocProblem>,
}

/// One sync: pull, then (where this device writes) push.
pub async fn sync<R: Remote, L: Local>(
    server: &Server<'_, R>,
    device: &DeviceId,
    local: &mut L,
    state: &mut SyncState,
    batch: usize,
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    pull(server, device, local, state, batch, &mut report).await?;
    if server.writable {
        push(server, device, local, state, batch, &mut report).await?;
    }
    Ok(report)
}

/// Sends `request`; a status other than 2xx is an error of its kind.
async fn call<R: Remote>(remote: &R, request: Request) -> Result<Value, SyncError> {
    let what = format!("{} {}", request.method.as_str(), request.target());
    let response = remote.send(request).await?;
    if (200..300).contains(&response.status) {
        Ok(response.body)
    } else {
        Err(SyncError::from_status(
            response.status,
            format!("{what}: {}", response.body),
        ))
    }
}

fn bad(detail: impl Into<String>) -> SyncError {
    SyncError::new(ErrorKind::BadResponse, detail)
}

/// The server's checkpoint and its `_rev` (none yet: 404).
async fn read_checkpoint<R: Remote>(remote: &R, path: &str) -> Result<(Option<Checkpoint>, Option<String>), SyncError> {
    let response = remote.send(Request::get(path)).await?;
    match response.status {
        404 => Ok((None, None)),
        200..=299 => {
            let rev = response.body.get("_rev").and_then(Value::as_str).map(String::from);
            Ok((crate::domain::json::from_value(&response.body).ok(), rev))
        }
        s => Err(SyncError::from_status(s, format!("GET {path}"))),
    }
}

/// Writes the server's checkpoint; returns its new `_rev`. A server that refuses it only
/// costs a longer re-read next time (the device's own checkpoint then disagrees).
async fn write_checkpoint<R: Remote>(
    remote: &R,
    path: &str,
    rev: Option<String>,
    checkpoint: &Checkpoint,
) -> Result<Option<String>, SyncError> {
    let mut body = crate::domain::json::to_value(checkpoint);
    if let Some(rev) = &rev {
        body["_rev"] = json!(rev);
    }
    match call(remote, Request::put(path, body)).await {
        Ok(v) => Ok(v.get("rev").and_then(Value::as_str).map(String::from).or(rev)),
        Err(e) if e.kind == ErrorKind::Forbidden => Ok(rev),
        Err(e) => Err(e),
    }
}

fn session_name(rep: &str, state: &mut SyncState) -> String {
    state.sessions += 1;
    format!("{rep}-{}", state.sessions)
}

/// The pull half of `sync` (public for tests that interleave devices between the halves).
pub async fn pull<R: Remote, L: Local>(
    server: &Server<'_, R>,
    device: &DeviceId,
    local: &mut L,
    state: &mut SyncState,
    batch: usize,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let rep = replication_id(device, server.name, Direction::Pull);
    let path = format!("_local/{rep}");
    let (remote_cp, mut remote_rev) = read_checkpoint(server.remote, &path).await?;
    let mut seq = since(state.pull.as_ref(), remote_cp.as_ref());
    let session = session_name(&rep, state);
    // What earlier runs could not take in, first (its current leaves).
    let again: Vec<Wanted> = state.retry.iter().map(|id| (id.clone(), None)).collect();
    for chunk in again.chunks(batch.max(1)) {
        take_in(server, local, state, chunk, report).await?;
        local.save_state(state).await?;
    }
    let mut done = 0;
    loop {
        let changes = call(
            server.remote,
            Request::get("_changes")
                .query("style", "all_docs")
                .query("since", seq_param(&seq))
                .query("limit", batch.to_string()),
        )
        .await?;
        let results = changes
            .get("results")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("_changes without results"))?;
        let last_seq = changes
            .get("last_seq")
            .cloned()
            .ok_or_else(|| bad("_changes without last_seq"))?;
        let pending = changes.get("pending").and_then(Value::as_u64);
        let wanted = wanted_revisions(results, state);
        take_in(server, local, state, &wanted, report).await?;
        done += results.len();
        state.pull = Some(Checkpoint::next(state.pull.as_ref(), &session, last_seq.clone()));
        local.save_state(state).await?;
        if let Some(cp) = &state.pull {
            remote_rev = write_checkpoint(server.remote, &path, remote_rev, cp).await?;
        }
        local.progress(SyncProgress {
            direction: Direction::Pull,
            done,
            total: pending.map(|p| done + p as usize),
        });
        seq = last_seq;
        if results.len() < batch || pending == Some(0) {
            return Ok(());
        }
    }
}

/// A document to fetch: the leaves wanted, or (`None`) all its current leaves.
type Wanted = (String, Option<Vec<Rev>>);

/// Fetches `wanted` (with the profiles of owners this device has not met yet), folds, lets the
/// device take the records in, settles folds on the server, and records what is known now.
async fn take_in<R: Remote, L: Local>(
    server: &Server<'_, R>,
    local: &mut L,
    state: &mut SyncState,
    wanted: &[Wanted],
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let mut wanted = wanted.to_vec();
    let leaves = fetch_leaves(server.remote, &wanted).await?;
    // A record's owner must be here for the record to be read: fetch unmet owners' profiles.
    let unmet: BTreeSet<String> = leaves
        .values()
        .flatten()
        .filter_map(|l| l.body.as_ref()?.get("owner")?.as_str().map(String::from))
        .filter_map(|o| crate::domain::record::Id::parse(&o).ok())
        .map(|o| RecordDoc::doc_id(crate::domain::snapshot::document::RecordKind::Employees, &o))
        .filter(|id| !leaves.contains_key(id) && !state.known.contains_key(id))
        .collect();
    let owners: Vec<Wanted> = unmet.into_iter().map(|id| (id, None)).collect();
    let mut leaves = leaves;
    leaves.extend(fetch_leaves(server.remote, &owners).await?);
    wanted.extend(owners);
    // Devices' sync notes: the winning leaf of each, for the device to keep as it likes.
    let status_ids: Vec<String> = leaves
        .keys()
        .filter(|id| SyncStatus::is_status_id(id))
        .cloned()
        .collect();
    let mut statuses = Vec::new();
    for id in status_ids {
        let ls = leaves.remove(&id).unwrap_or_default();
        let Some(win) = winner(ls.iter().map(|l| (&l.rev, l.deleted))).cloned() else {
            continue;
        };
        let Some(body) = ls.iter().find(|l| l.rev == win).and_then(|l| l.body.as_ref()) else {
            continue;
        };
        match SyncStatus::from_couch(body) {
            Some(s) => {
                let mut others: Vec<Rev> = ls.iter().map(|l| l.rev.clone()).filter(|r| *r != win).collect();
                crate::domain::sort::sort(&mut others);
                state.known.insert(
                    id,
                    Known {
                        hash: hash_of(&s.body()),
                        rev: win,
                        others,
                    },
                );
                statuses.push(s);
            }
            None => report.unreadable.push(DocProblem(format!("{id}: not a sync note"))),
        }
    }

    let mut folds: Vec<Folded> = Vec::new();
    for (id, leaves) in leaves {
        if let Some(f) = fold(&id, leaves, server.writable, &mut report.unreadable) {
            folds.push(f);
        }
    }
    let docs: Vec<RecordDoc> = folds.iter().map(|f| f.doc.clone()).collect();
    let taken = local.absorb(&docs).await?;
    // After the records: a note is judged against its person's profile, which may have come
    // in the same batch.
    if !statuses.is_empty() {
        local.statuses(statuses);
    }
    report.pulled += taken.len();
    report.not_taken += docs.len() - taken.len();
    let writes: Vec<Value> = folds
        .iter()
        .filter(|f| taken.contains(&f.id))
        .flat_map(|f| f.writes.iter().cloned())
        .collect();
    let refused = bulk_docs(server.remote, writes, report).await?;
    for f in &folds {
        if !taken.contains(&f.id) {
            state.retry.insert(f.id.clone());
        }
    }
    for f in folds.into_iter().filter(|f| taken.contains(&f.id)) {
        let landed = !f.writes.is_empty() && !refused.contains(&f.id);
        report.folded += usize::from(landed);
        state.retry.remove(&f.id);
        state.known.insert(f.id, if landed { f.after } else { f.before });
    }
    // Asked for and gone (every leaf deleted, or never there): nothing to retry.
    for (id, _) in &wanted {
        if !state.known.contains_key(id) && !docs.iter().any(|d| &d.doc_id_of() == id) {
            state.retry.remove(id);
        }
    }
    Ok(())
}

/// For each change, the leaves this device has not seen: none when it holds exactly the
/// current revision (its own push coming back, or nothing new).
fn wanted_revisions(results: &[Value], state: &SyncState) -> Vec<Wanted> {
    let mut wanted = Vec::new();
    for r in results {
        let Some(id) = r.get("id").and_then(Value::as_str) else {
            continue;
        };
        if id.starts_with("_design/") || id.starts_with("_local/") {
            continue;
        }
        let revs: Vec<Rev> = r
            .get("changes")
            .and_then(Value::as_array)
            .map(|c| {
                c.iter()
                    .filter_map(|x| x.get("rev").and_then(Value::as_str))
                    .filter_map(|s| Rev::parse(s).ok())
                    .collect()
            })
            .unwrap_or_default();
        let known = state.known.get(id);
        let fresh: Vec<Rev> = revs
            .into_iter()
            .filter(|r| !known.is_some_and(|k| k.others.contains(r)))
            .collect();
        let nothing_new = fresh.is_empty() || known.is_some_and(|k| fresh.len() == 1 && fresh[0] == k.rev);
        if !nothing_new {
            wanted.push((id.to_string(), Some(fresh)));
        }
    }
    wanted
}

/// The leaves asked for, by document: `_bulk_get` for listed revisions (one `open_revs`
/// request per document where the server has no `_bulk_get`, CouchDB before 2.0), and
/// `open_revs=all` for a document wanted whole (every current leaf, conflicts included).
async fn fetch_leaves<R: Remote>(remote: &R, wanted: &[Wanted]) -> Result<BTreeMap<String, Vec<Leaf>>, SyncError> {
    let mut out: BTreeMap<String, Vec<Leaf>> = BTreeMap::new();
    let listed: Vec<(&String, &Vec<Rev>)> = wanted
        .iter()
        .filter_map(|(id, revs)| revs.as_ref().map(|r| (id, r)))
        .collect();
    for (id, _) in wanted.iter().filter(|(_, revs)| revs.is_none()) {
        out.insert(id.clone(), open_revs(remote, id, None).await?);
    }
    if listed.is_empty() {
        return Ok(out);
    }
    let docs: Vec<Value> = listed
        .iter()
        .flat_map(|(id, revs)| revs.iter().map(move |r| json!({"id": id, "rev": r.to_string()})))
        .collect();
    let response = remote
        .send(Request::post("_bulk_get", json!({ "docs": docs })).query("revs", "true"))
        .await?;
    match response.status {
        200..=299 => {
            let results = response
                .body
                .get("results")
                .and_then(Value::as_array)
                .ok_or_else(|| bad("_bulk_get without results"))?;
            for r in results {
                let Some(id) = r.get("id").and_then(Value::as_str) else {
                    continue;
                };
                for d in r.get("docs").and_then(Value::as_array).into_iter().flatten() {
                    if let Some(leaf) = leaf_of(d.get("ok")) {
                        out.entry(id.to_string()).or_default().push(leaf);
                    }
                }
            }
        }
        400 | 404 | 405 | 415 | 501 => {
            for (id, revs) in listed {
                out.insert(id.clone(), open_revs(remote, id, Some(revs)).await?);
            }
        }
        s => return Err(SyncError::from_status(s, "POST _bulk_get")),
    }
    Ok(out)
}

/// `GET <id>?open_revs=[…]` (or `all`): the leaves of one document; none when it is gone.
async fn open_revs<R: Remote>(remote: &R, id: &str, revs: Option<&[Rev]>) -> Result<Vec<Leaf>, SyncError> {
    let open = match revs {
        Some(revs) => {
            let list: Vec<String> = revs.iter().map(Rev::to_string).collect();
            serde_json::to_string(&list).expect("strings")
        }
        None => "all".to_string(),
    };
    let response = remote
        .send(
            Request::get(percent_encode(id))
                .query("revs", "true")
                .query("open_revs", open),
        )
        .await?;
    let body = match response.status {
        200..=299 => response.body,
        404 => return Ok(Vec::new()),
        s => return Err(SyncError::from_status(s, format!("GET {id}"))),
    };
    Ok(body
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| leaf_of(d.get("ok")))
        .collect())
}

fn leaf_of(doc: Option<&Value>) -> Option<Leaf> {
    let doc = doc?;
    let rev = Rev::parse(doc.get("_rev")?.as_str()?).ok()?;
    let deleted = doc.get("_deleted").and_then(Value::as_bool).unwrap_or(false);
    Some(Leaf {
        rev,
        deleted,
        body: (!deleted).then(|| doc.clone()),
    })
}

/// Writes with `new_edits: false`; returns the ids the server refused (with their reasons in
/// the report).
async fn bulk_docs<R: Remote>(
    remote: &R,
    docs: Vec<Value>,
    report: &mut SyncReport,
) -> Result<BTreeSet<String>, SyncError> {
    let mut refused = BTreeSet::new();
    if docs.is_empty() {
        return Ok(refused);
    }
    let answer = call(
        remote,
        Request::post("_bulk_docs", json!({"docs": docs, "new_edits": false})),
    )
    .await?;
    for entry in answer.as_array().into_iter().flatten() {
        if let (Some(id), Some(error)) = (
            entry.get("id").and_then(Value::as_str),
            entry.get("error").and_then(Value::as_str),
        ) {
            let reason = entry.get("reason").and_then(Value::as_str).unwrap_or(error);
            report.refused.push((id.to_string(), reason.to_string()));
            refused.insert(id.to_string());
        }
    }
    Ok(refused)
}

/// The push half of `sync`.
pub async fn push<R: Remote, L: Local>(
    server: &Server<'_, R>,
    device: &DeviceId,
    local: &mut L,
    state: &mut SyncState,
    batch: usize,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let rep = replication_id(device, server.name, Direction::Push);
    let path = format!("_local/{rep}");
    let (_, remote_rev) = read_checkpoint(server.remote, &path).await?;
    let session = session_name(&rep, state);
    // Every record whose content changed here since it was last exchanged, as the child of the
    // revision it descends from; then this device's sync note.
    let mut outgoing: Vec<(String, Value)> = local.docs().into_iter().map(|d| (d.doc_id_of(), d.body())).collect();
    outgoing.extend(local.status().map(|s| (s.doc_id(), s.body())));
    let pending: Vec<(String, Value, String, Rev, Option<Known>)> = outgoing
        .into_iter()
        .filter_map(|(id, body)| {
            let hash = hash_of(&body);
            let known = state.known.get(&id).cloned();
            if known.as_ref().is_some_and(|k| k.hash == hash) {
                return None;
            }
            let rev = Rev::child(known.as_ref().map(|k| &k.rev), &hash, false);
            Some((id, body, hash, rev, known))
        })
        .collect();
    let total = pending.len();
    let mut done = 0;
    for chunk in pending.chunks(batch.max(1)) {
        let mut ask = serde_json::Map::new();
        for (id, _, _, rev, _) in chunk {
            ask.insert(id.clone(), json!([rev.to_string()]));
        }
        let diff = call(server.remote, Request::post("_revs_diff", Value::Object(ask))).await?;
        if !diff.is_object() {
            return Err(bad("_revs_diff answered without an object"));
        }
        let missing = |id: &str, rev: &Rev| {
            diff.get(id)
                .and_then(|d| d.get("missing"))
                .and_then(Value::as_array)
                .is_some_and(|m| m.iter().any(|r| r.as_str() == Some(&rev.to_string())))
        };
        let writes: Vec<Value> = chunk
            .iter()
            .filter(|(id, _, _, rev, _)| missing(id, rev))
            .map(|(id, body, _, rev, known)| to_write(id, body.clone(), rev, known.as_ref().map(|k| &k.rev)))
            .collect();
        let written = writes.len();
        let refused = bulk_docs(server.remote, writes, report).await?;
        report.pushed += written - refused.len();
        for (id, _, hash, rev, known) in chunk {
            if !refused.contains(id) {
                let others = known.as_ref().map(|k| k.others.clone()).unwrap_or_default();
                state.known.insert(
                    id.clone(),
                    Known {
                        rev: rev.clone(),
                        hash: hash.clone(),
                        others,
                    },
                );
            }
        }
        done += chunk.len();
        local.save_state(state).await?;
        local.progress(SyncProgress {
            direction: Direction::Push,
            done,
            total: Some(total),
        });
    }
    // The device has no sequence of its own: the push checkpoint records the session, for the
    // server's operators and for the protocol's record on both sides.
    state.push = Some(Checkpoint::next(state.push.as_ref(), &session, json!(state.sessions)));
    local.save_state(state).await?;
    if let Some(cp) = &state.push {
        write_checkpoint(server.remote, &path, remote_rev, cp).await?;
    }
    Ok(())
}
