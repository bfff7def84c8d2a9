//! Merging two snapshots (this device's and an imported one).
//!
//! Record by record (`record.rs`): the result is the same whichever side is "ours"
//! (commutative), however imports are grouped (associative), and merging twice changes nothing
//! (idempotent). The report says what the import adds, updates and leaves in conflict, per
//! record kind and per person, so the user can preview it before confirming.

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{RecordKind, Snapshot, TableBuilder};
use crate::domain::record::{Id, Record, RecordData, Table};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records that end up with versions in conflict because of this merge.
    pub conflicts: Vec<Id>,
    /// Records this merge deletes (their data is erased here).
    pub deleted: usize,
}

impl TableReport {
    pub fn touched(&self) -> bool {
        self.added + self.updated > 0 || !self.conflicts.is_empty()
    }

    fn absorb(&mut self, b: TableReport) {
        self.added += b.added;
        self.updated += b.updated;
        self.unchanged += b.unchanged;
        self.deleted += b.deleted;
        for id in b.conflicts {
            if !self.conflicts.contains(&id) {
                self.conflicts.push(id);
            }
        }
    }
}

/// What a merge does, per record kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport(BTreeMap<RecordKind, TableReport>);

impl MergeReport {
    /// Every kind, in registry order (kinds the merge did not meet report zeros).
    pub fn tables(&self) -> Vec<(RecordKind, TableReport)> {
        RecordKind::ALL
            .iter()
            .map(|k| (*k, self.0.get(k).cloned().unwrap_or_default()))
            .collect()
    }

    pub fn table(&self, kind: RecordKind) -> TableReport {
        self.0.get(&kind).cloned().unwrap_or_default()
    }

    fn table_mut(&mut self, kind: RecordKind) -> &mut TableReport {
        self.0.entry(kind).or_default()
    }

    pub fn total_conflicts(&self) -> usize {
        self.0.values().map(|t| t.conflicts.len()).sum()
    }

    pub fn changes_anything(&self) -> bool {
        self.0.values().any(TableReport::touched)
    }

    /// Adds another report (for importing many files at once).
    pub fn absorb(&mut self, other: MergeReport) {
        for (k, t) in other.0 {
            self.table_mut(k).absorb(t);
        }
    }
}

/// Per person (the owner of each record: the employee's id), what a merge does.
pub type PeopleReport = BTreeMap<Id, MergeReport>;

/// Where a merge reports: one total (every save, every tab), or one report per person (the
/// import preview), which costs a map entry per record.
enum Sink<'a> {
    Total(&'a mut MergeReport),
    People(&'a mut PeopleReport),
    Nowhere,
}

impl Sink<'_> {
    fn table(&mut self, owner: Option<&Id>, kind: RecordKind) -> Option<&mut TableReport> {
        match self {
            Sink::Total(r) => Some(r.table_mut(kind)),
            Sink::People(p) => owner.map(|o| p.entry(o.clone()).or_default().table_mut(kind)),
            Sink::Nowhere => None,
        }
    }
}

/// `ours` merged with `theirs`. Export metadata is not data: the result keeps none.
pub fn merge(ours: &Snapshot, theirs: &Snapshot) -> (Snapshot, MergeReport) {
    let mut total = MergeReport::default();
    let out = merge_into(ours, theirs, Sink::Total(&mut total));
    (out, total)
}

/// Like `merge`, with the report split by the person each record belongs to.
pub fn merge_people(ours: &Snapshot, theirs: &Snapshot) -> (Snapshot, PeopleReport) {
    let mut people = PeopleReport::new();
    let out = merge_into(ours, theirs, Sink::People(&mut people));
    (out, people)
}

fn merge_into(ours: &Snapshot, theirs: &Snapshot, mut sink: Sink) -> Snapshot {
    struct Merge<'a, 'b>(&'a mut Sink<'b>);
    impl TableBuilder for Merge<'_, '_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, out: &mut Table<T>, ours: &Table<T>, theirs: &Table<T>) {
            // An employee record is its own person's; every other record names its owner.
            *out = match kind {
                RecordKind::Employees => merge_table(ours, theirs, kind, |r| Some(&r.id), self.0),
                _ => merge_table(ours, theirs, kind, Record::owner, self.0),
            };
        }
    }
    let mut out = Snapshot {
        format: ours.format.clone(),
        schema_version: ours.schema_version,
        export: None,
        // Locks are the device's own; they merge (two tabs) but are nobody's change to report.
        locks: merge_table(
            &ours.locks,
            &theirs.locks,
            RecordKind::Employees,
            |_| None,
            &mut Sink::Nowhere,
        ),
        ..Snapshot::default()
    };
    out.build_from(ours, theirs, &mut Merge(&mut sink));
    out
}

fn merge_table<T: RecordData>(
    ours: &Table<T>,
    theirs: &Table<T>,
    kind: RecordKind,
    owner: impl Fn(&Record<T>) -> Option<&Id>,
    sink: &mut Sink,
) -> Table<T> {
    let mut out = ours.clone();
    let mut report = |who: Option<&Id>, f: &mut dyn FnMut(&mut TableReport)| {
        if let Some(t) = sink.table(who, kind) {
            f(t);
        }
    };
    for r in theirs.all() {
        match ours.get_any(&r.id) {
            None => {
                report(owner(r), &mut |t| {
                    t.added += 1;
                    if !r.conflicts().is_empty() {
                        t.conflicts.push(r.id.clone());
                    }
                });
                out.upsert(r.clone());
            }
            Some(mine) => {
                let merged = mine.merge(r);
                if &merged == mine {
                    report(owner(mine), &mut |t| t.unchanged += 1);
                } else {
                    // The file's record names whose change this is: a record reusing the id of
                    // someone else's here is that file person's change (`authority` skips it).
                    report(owner(r).or(owner(mine)), &mut |t| {
                        t.updated += 1;
                        if merged.conflicts().len() > mine.conflicts().len() {
                            t.conflicts.push(r.id.clone());
                        }
                        if merged.is_deleted() && !mine.is_deleted() {
                            t.deleted += 1;
                        }
                    });
                    out.upsert(merged);
                }
            }
        }
    }
    out
}
