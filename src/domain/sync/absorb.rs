//! Taking pulled records in on a device: the same flow as importing a file — read and check
//! (`doc::read_pulled`), then the device's authority (`snapshot::authority`: a PIN-locked
//! profile's records only while its owner has unlocked it) — and the merge.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::doc::{read_pulled, DocProblem, RecordDoc};
use crate::domain::record::Id;
use crate::domain::snapshot::authority::{apply, PersonChange};
use crate::domain::snapshot::Snapshot;

pub struct Absorbed {
    /// What the device holds after taking the documents in.
    pub snapshot: Snapshot,
    /// The documents taken in.
    pub taken: BTreeSet<String>,
    /// Documents that could not be read (left on the server).
    pub problems: Vec<DocProblem>,
    /// People whose records the device's authority did not take, and why.
    pub skipped: Vec<PersonChange>,
}

/// Takes `docs` into `ours`. `authorised`: the profile unlocked now (or, in the workbench,
/// everyone: its passphrase is the authority there).
pub fn absorb(ours: &Snapshot, docs: &[RecordDoc], authorised: &BTreeSet<Id>, now: DateTime<Utc>) -> Absorbed {
    let (theirs, readable, problems) = read_pulled(docs, ours, now);
    let (snapshot, plan) = apply(ours, &theirs, authorised);
    let skipped: Vec<PersonChange> = plan.skipped().cloned().collect();
    let mut taken = BTreeSet::new();
    taken.extend(
        docs.iter()
            .filter(|d| !skipped.iter().any(|p| p.id == d.owner))
            .map(RecordDoc::doc_id_of)
            .filter(|id| readable.contains(id)),
    );
    Absorbed {
        snapshot,
        taken,
        problems,
        skipped,
    }
}
