//! An in-memory CouchDB database for the native sync tests: revision trees, `_changes` with
//! `style=all_docs`, `_revs_diff`, `_bulk_get` (or, switched off, `open_revs`), `_bulk_docs`
//! with `new_edits: false`, `_local` documents, an optional `validate_doc_update`, and a switch
//! that makes the server "die" after a number of requests (every later request unreachable).
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use lentera::domain::sync::remote::{ErrorKind, Method, Remote, Request, Response, SyncError};
use lentera::domain::sync::revs::{winner, Rev};
use serde_json::{json, Value};

/// Runs a future that never waits (the in-memory server answers at once).
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

#[derive(Clone)]
struct Node {
    parent: Option<Rev>,
    /// `None` for an ancestor known only by its id (stemmed).
    body: Option<Value>,
    deleted: bool,
}

#[derive(Default, Clone)]
struct Tree {
    nodes: BTreeMap<Rev, Node>,
    seq: u64,
}

impl Tree {
    fn leaves(&self) -> Vec<(&Rev, &Node)> {
        let parents: BTreeSet<&Rev> = self.nodes.values().filter_map(|n| n.parent.as_ref()).collect();
        self.nodes
            .iter()
            .filter(|(r, n)| !parents.contains(r) && n.body.is_some())
            .collect()
    }

    fn winner(&self) -> Option<Rev> {
        winner(self.leaves().into_iter().map(|(r, n)| (r, n.deleted))).cloned()
    }
}

/// A validation: (new document, current winning document, user) → refusal reason.
pub type Validate = Box<dyn Fn(&Value, Option<&Value>) -> Result<(), String>>;

#[derive(Default)]
pub struct FakeCouch {
    docs: RefCell<BTreeMap<String, Tree>>,
    local: RefCell<BTreeMap<String, (u64, Value)>>,
    seq: Cell<u64>,
    /// Requests answered so far.
    pub requests: Cell<usize>,
    /// After this many requests the server is gone: every later request is unreachable.
    pub dies_after: Cell<Option<usize>>,
    /// Answer `_bulk_get` with 404, as servers before CouchDB 2.0 do.
    pub no_bulk_get: Cell<bool>,
    pub validate: RefCell<Option<Validate>>,
}

impl FakeCouch {
    pub fn new() -> FakeCouch {
        FakeCouch::default()
    }

    /// Another server holding the same documents (for two devices acting on one state).
    pub fn fork(&self) -> FakeCouch {
        let f = FakeCouch::new();
        *f.docs.borrow_mut() = self.docs.borrow().clone();
        *f.local.borrow_mut() = self.local.borrow().clone();
        f.seq.set(self.seq.get());
        f
    }

    /// Brings a "killed" server back (its data kept, as CouchDB's is on disk).
    pub fn restart(&self) {
        self.dies_after.set(None);
    }

    /// Current leaves of `id`: (rev, deleted).
    pub fn leaves(&self, id: &str) -> Vec<(String, bool)> {
        self.docs
            .borrow()
            .get(id)
            .map(|t| {
                t.leaves()
                    .into_iter()
                    .map(|(r, n)| (r.to_string(), n.deleted))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The winning body of every document with a live winner, by id.
    pub fn winners(&self) -> BTreeMap<String, Value> {
        let docs = self.docs.borrow();
        docs.iter()
            .filter_map(|(id, t)| {
                let w = t.winner()?;
                let n = &t.nodes[&w];
                (!n.deleted).then(|| (id.clone(), n.body.clone().unwrap()))
            })
            .collect()
    }

    /// Every body ever stored, as JSON text (for "no PIN hash reached the server").
    pub fn all_text(&self) -> String {
        let docs = self.docs.borrow();
        docs.values()
            .flat_map(|t| t.nodes.values().filter_map(|n| n.body.as_ref().map(Value::to_string)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Writes a revision as another replica would (with its `_revisions`).
    pub fn insert(&self, doc: Value) -> Result<(), String> {
        let id = doc["_id"].as_str().ok_or("no _id")?.to_string();
        let rev = Rev::parse(doc["_rev"].as_str().ok_or("no _rev")?)?;
        if let Some(v) = self.validate.borrow().as_ref() {
            let docs = self.docs.borrow();
            let current = docs.get(&id).and_then(|t| {
                let w = t.winner()?;
                t.nodes[&w].body.clone()
            });
            v(&doc, current.as_ref())?;
        }
        let ids: Vec<String> = doc["_revisions"]["ids"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_else(|| vec![rev.hash().to_string()]);
        let start = doc["_revisions"]["start"].as_u64().unwrap_or(rev.gen());
        let mut docs = self.docs.borrow_mut();
        let tree = docs.entry(id).or_default();
        if tree.nodes.get(&rev).is_some_and(|n| n.body.is_some()) {
            return Ok(());
        }
        let chain: Vec<Rev> = ids
            .iter()
            .enumerate()
            .map(|(i, h)| Rev::parse(&format!("{}-{h}", start - i as u64)).unwrap())
            .collect();
        for (i, r) in chain.iter().enumerate() {
            let parent = chain.get(i + 1).cloned();
            let entry = tree.nodes.entry(r.clone()).or_insert(Node {
                parent: parent.clone(),
                body: None,
                deleted: false,
            });
            if entry.parent.is_none() {
                entry.parent = parent;
            }
        }
        let mut body = doc.clone();
        body.as_object_mut().unwrap().remove("_revisions");
        let node = tree.nodes.get_mut(&rev).unwrap();
        node.deleted = doc["_deleted"].as_bool().unwrap_or(false);
        node.body = Some(body);
        self.seq.set(self.seq.get() + 1);
        tree.seq = self.seq.get();
        Ok(())
    }

    fn answer(&self, r: &Request) -> (u16, Value) {
        let q = |k: &str| r.query.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        match (r.method, r.path.as_str()) {
            (Method::Get, "_changes") => {
                let since: u64 = q("since").and_then(|s| s.parse().ok()).unwrap_or(0);
                let limit: usize = q("limit").and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
                let docs = self.docs.borrow();
                let mut all: Vec<(&String, &Tree)> = docs.iter().filter(|(_, t)| t.seq > since).collect();
                all.sort_by_key(|(_, t)| t.seq);
                let pending = all.len().saturating_sub(limit);
                let results: Vec<Value> = all
                    .iter()
                    .take(limit)
                    .map(|(id, t)| {
                        json!({"id": id, "seq": t.seq,
                            "changes": t.leaves().iter().map(|(r, _)| json!({"rev": r.to_string()})).collect::<Vec<_>>()})
                    })
                    .collect();
                let last = results.last().map(|r| r["seq"].as_u64().unwrap()).unwrap_or(since);
                (200, json!({"results": results, "last_seq": last, "pending": pending}))
            }
            (Method::Post, "_revs_diff") => {
                let docs = self.docs.borrow();
                let mut out = serde_json::Map::new();
                for (id, revs) in r.body.as_ref().unwrap().as_object().unwrap() {
                    let missing: Vec<Value> = revs
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|rev| {
                            let rev = Rev::parse(rev.as_str().unwrap()).unwrap();
                            docs.get(id)
                                .is_none_or(|t| t.nodes.get(&rev).is_none_or(|n| n.body.is_none()))
                        })
                        .cloned()
                        .collect();
                    if !missing.is_empty() {
                        out.insert(id.clone(), json!({ "missing": missing }));
                    }
                }
                (200, Value::Object(out))
            }
            (Method::Post, "_bulk_get") => {
                if self.no_bulk_get.get() {
                    return (404, json!({"error": "not_found"}));
                }
                let docs = self.docs.borrow();
                let mut results = Vec::new();
                for d in r.body.as_ref().unwrap()["docs"].as_array().unwrap() {
                    let id = d["id"].as_str().unwrap();
                    let tree = docs.get(id);
                    let rev = match d.get("rev").and_then(Value::as_str) {
                        Some(s) => Rev::parse(s).ok(),
                        None => tree.and_then(Tree::winner),
                    };
                    let body = tree
                        .zip(rev.as_ref())
                        .and_then(|(t, rev)| t.nodes.get(rev)?.body.clone());
                    let entry = match body {
                        Some(b) => json!({ "ok": b }),
                        None => json!({"error": {"id": id, "error": "not_found"}}),
                    };
                    results.push(json!({"id": id, "docs": [entry]}));
                }
                (200, json!({ "results": results }))
            }
            (Method::Post, "_bulk_docs") => {
                let body = r.body.as_ref().unwrap();
                assert_eq!(body["new_edits"], json!(false), "Lentera writes with new_edits: false");
                let mut out = Vec::new();
                for d in body["docs"].as_array().unwrap() {
                    if let Err(reason) = self.insert(d.clone()) {
                        out.push(json!({"id": d["_id"], "error": "forbidden", "reason": reason}));
                    }
                }
                (201, Value::Array(out))
            }
            (Method::Get, path) if path.starts_with("_local/") => match self.local.borrow().get(path) {
                Some((n, v)) => {
                    let mut v = v.clone();
                    v["_rev"] = json!(format!("0-{n}"));
                    (200, v)
                }
                None => (404, json!({"error": "not_found"})),
            },
            (Method::Put, path) if path.starts_with("_local/") => {
                let mut local = self.local.borrow_mut();
                let n = local.get(path).map_or(0, |(n, _)| *n);
                let given = r
                    .body
                    .as_ref()
                    .unwrap()
                    .get("_rev")
                    .and_then(Value::as_str)
                    .map(String::from);
                if n > 0 && given != Some(format!("0-{n}")) {
                    return (409, json!({"error": "conflict"}));
                }
                local.insert(path.to_string(), (n + 1, r.body.clone().unwrap()));
                (201, json!({"ok": true, "id": path, "rev": format!("0-{}", n + 1)}))
            }
            (Method::Get, path) => {
                // GET <id>?open_revs=[…]|all
                let id = percent_decode(path);
                let docs = self.docs.borrow();
                let Some(tree) = docs.get(&id) else {
                    return (404, json!({"error": "not_found"}));
                };
                let wanted: Vec<Rev> = match q("open_revs").as_deref() {
                    Some("all") | None => tree.leaves().into_iter().map(|(r, _)| r.clone()).collect(),
                    Some(list) => serde_json::from_str::<Vec<String>>(list)
                        .unwrap()
                        .iter()
                        .filter_map(|s| Rev::parse(s).ok())
                        .collect(),
                };
                let out: Vec<Value> = wanted
                    .iter()
                    .map(|rev| match tree.nodes.get(rev).and_then(|n| n.body.clone()) {
                        Some(b) => json!({ "ok": b }),
                        None => json!({ "missing": rev.to_string() }),
                    })
                    .collect();
                (200, Value::Array(out))
            }
            _ => (
                400,
                json!({"error": "bad_request", "reason": format!("{:?} {}", r.method, r.path)}),
            ),
        }
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() + 1 {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

impl Remote for FakeCouch {
    async fn send(&self, request: Request) -> Result<Response, SyncError> {
        let n = self.requests.get() + 1;
        self.requests.set(n);
        if let Some(limit) = self.dies_after.get().filter(|limit| n > *limit) {
            // The request that meets the cut is carried out and its answer lost (the hardest
            // case: a write landed that the device never heard of); later ones never arrive.
            if n == limit + 1 {
                self.answer(&request);
            }
            return Err(SyncError::new(ErrorKind::Unreachable, "the server is down"));
        }
        let (status, body) = self.answer(&request);
        Ok(Response { status, body })
    }
}
