//! Folding a document's conflicting revisions with Lentera's own merge.
//!
//! CouchDB keeps concurrent writes of one document as sibling leaves and picks a winner by
//! revision id alone; the losing leaves stay hidden. Lentera's records already carry every
//! version with its version vector, so the leaves merge lawfully (`Record::merge`): the fold
//! writes the merged record as the child of the winning leaf and closes the other leaves with
//! deletions. Every device that folds the same leaves writes the same revisions
//! (`Rev::child`), so the server and all devices converge. A real edit conflict (two people's
//! independent edits) survives inside the merged record as a Lentera conflict, for a person
//! to resolve — it is not lost to CouchDB's winner.

use serde_json::Value;

use super::doc::{DocProblem, RecordDoc};
use super::replicate::Known;
use super::revs::{winner, Rev};

/// One leaf of a document as the server sent it.
#[derive(Debug, Clone)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
    /// The leaf's body (`None` for a deleted leaf).
    pub body: Option<Value>,
}

/// What a device does with one document's leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct Folded {
    pub id: String,
    /// The merged record, to take in.
    pub doc: RecordDoc,
    /// Writes that settle the conflict on the server (empty when there is none, or when this
    /// device may not write there).
    pub writes: Vec<Value>,
    /// What the device holds of the document once `writes` have landed…
    pub after: Known,
    /// …and if they are refused or not made.
    pub before: Known,
}

/// Folds `leaves` of document `id`. `Ok(None)`: every leaf is deleted (a CouchDB-level delete,
/// which is not a Lentera deletion: those are versions inside a record) — nothing to take in.
/// Unreadable live leaves are reported in `problems` and left out of the fold.
pub fn fold(id: &str, leaves: Vec<Leaf>, writable: bool, problems: &mut Vec<DocProblem>) -> Option<Folded> {
    let mut deleted: Vec<Rev> = Vec::new();
    let mut live: Vec<(Rev, RecordDoc)> = Vec::new();
    for leaf in leaves {
        match (&leaf.body, leaf.deleted) {
            (Some(body), false) => match RecordDoc::from_couch(body) {
                Ok(doc) if doc.doc_id_of() == id => live.push((leaf.rev, doc)),
                Ok(_) => problems.push(DocProblem(format!("{id}: a leaf of another document"))),
                Err(p) => problems.push(p),
            },
            _ => deleted.push(leaf.rev),
        }
    }
    crate::domain::sort::sort_by(&mut live, |a, b| a.0.cmp(&b.0));
    live.dedup_by(|a, b| a.0 == b.0);
    crate::domain::sort::sort(&mut deleted);
    deleted.dedup();
    let win = winner(live.iter().map(|(r, _)| (r, false)))?.clone();
    let (_, win_doc) = live.iter().find(|(r, _)| *r == win).expect("the winner is a live leaf");
    // Only leaves written in the winner's name are merged: a leaf claiming another owner or NIP
    // (someone writing beside another person's record) is reported and left out, and the
    // import's NIP check then decides about the winner itself.
    let (same, other): (Vec<_>, Vec<_>) = live
        .iter()
        .filter(|(r, _)| *r != win)
        .partition(|(_, d)| d.owner == win_doc.owner && d.nip == win_doc.nip);
    for (r, _) in &other {
        problems.push(DocProblem(format!("{id}: leaf {r} is in another person's name")));
    }
    let mut merged = win_doc.clone();
    for (_, doc) in same.iter() {
        match merged.merged_with(doc) {
            Ok(m) => merged = m,
            Err(p) => problems.push(DocProblem(format!("{id}: {}", p.0))),
        }
    }
    let losers: Vec<Rev> = same.iter().map(|(r, _)| r.clone()).collect();
    let hash = merged.content_hash();
    let before = Known {
        rev: win.clone(),
        hash: win_doc.content_hash(),
        // Leaves left open stay unknown to a device that will fold them (it fetches them
        // again next time); a device that may not write remembers them, so as not to.
        others: if writable {
            deleted.clone()
        } else {
            let mut o = deleted.clone();
            o.extend(losers.iter().cloned());
            crate::domain::sort::sort(&mut o);
            o
        },
    };
    if losers.is_empty() || !writable {
        return Some(Folded {
            id: id.to_string(),
            doc: merged,
            writes: Vec::new(),
            after: before.clone(),
            before,
        });
    }
    let mut writes = Vec::new();
    let mut others = deleted;
    let rev = if hash == before.hash {
        win.clone()
    } else {
        let rev = Rev::child(Some(&win), &hash, false);
        writes.push(merged.to_write(&rev, Some(&win)));
        rev
    };
    for loser in &losers {
        writes.push(merged.deletion_of(loser));
        others.push(Rev::child(Some(loser), "", true));
    }
    crate::domain::sort::sort(&mut others);
    Some(Folded {
        id: id.to_string(),
        doc: merged,
        writes,
        after: Known { rev, hash, others },
        before,
    })
}
