//! Merging two snapshots (this device's and an imported one).
//!
//! Record by record (`record.rs`): the result is the same whichever side is "ours"
//! (commutative), however imports are grouped (associative), and merging twice changes nothing
//! (idempotent). The report says what the import adds, updates and leaves in conflict, per
//! record type, so the user can preview it before confirming.

use serde::Serialize;

use super::format::Snapshot;
use crate::domain::record::{Id, RecordData, Table};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records that end up with versions in conflict because of this merge.
    pub conflicts: Vec<Id>,
}

impl TableReport {
    pub fn touched(&self) -> bool {
        self.added + self.updated > 0 || !self.conflicts.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    pub employees: TableReport,
    pub assessments: TableReport,
    pub progress: TableReport,
    pub activities: TableReport,
    pub ratings: TableReport,
    pub feedback: TableReport,
    pub plan: TableReport,
}

impl MergeReport {
    pub fn tables(&self) -> [(&'static str, &TableReport); 7] {
        [
            ("employees", &self.employees),
            ("assessments", &self.assessments),
            ("progress", &self.progress),
            ("activities", &self.activities),
            ("ratings", &self.ratings),
            ("feedback", &self.feedback),
            ("plan", &self.plan),
        ]
    }

    pub fn total_conflicts(&self) -> usize {
        self.tables().iter().map(|(_, t)| t.conflicts.len()).sum()
    }

    pub fn changes_anything(&self) -> bool {
        self.tables().iter().any(|(_, t)| t.touched())
    }

    /// Adds another report (for importing many files at once).
    pub fn absorb(&mut self, other: MergeReport) {
        fn add(a: &mut TableReport, b: TableReport) {
            a.added += b.added;
            a.updated += b.updated;
            a.unchanged += b.unchanged;
            for id in b.conflicts {
                if !a.conflicts.contains(&id) {
                    a.conflicts.push(id);
                }
            }
        }
        add(&mut self.employees, other.employees);
        add(&mut self.assessments, other.assessments);
        add(&mut self.progress, other.progress);
        add(&mut self.activities, other.activities);
        add(&mut self.ratings, other.ratings);
        add(&mut self.feedback, other.feedback);
        add(&mut self.plan, other.plan);
    }
}

/// `ours` merged with `theirs`. Export metadata is not data: the result keeps none.
pub fn merge(ours: &Snapshot, theirs: &Snapshot) -> (Snapshot, MergeReport) {
    let mut report = MergeReport::default();
    let out = Snapshot {
        format: ours.format.clone(),
        schema_version: ours.schema_version,
        export: None,
        employees: merge_table(&ours.employees, &theirs.employees, &mut report.employees),
        assessments: merge_table(&ours.assessments, &theirs.assessments, &mut report.assessments),
        progress: merge_table(&ours.progress, &theirs.progress, &mut report.progress),
        activities: merge_table(&ours.activities, &theirs.activities, &mut report.activities),
        ratings: merge_table(&ours.ratings, &theirs.ratings, &mut report.ratings),
        feedback: merge_table(&ours.feedback, &theirs.feedback, &mut report.feedback),
        plan: merge_table(&ours.plan, &theirs.plan, &mut report.plan),
    };
    (out, report)
}

fn merge_table<T: RecordData>(ours: &Table<T>, theirs: &Table<T>, report: &mut TableReport) -> Table<T> {
    let mut out = ours.clone();
    for r in theirs.records() {
        match ours.get(&r.id) {
            None => {
                report.added += 1;
                if !r.conflicts().is_empty() {
                    report.conflicts.push(r.id.clone());
                }
                out.upsert(r.clone());
            }
            Some(mine) => {
                let merged = mine.merge(r);
                if &merged == mine {
                    report.unchanged += 1;
                } else {
                    report.updated += 1;
                    if merged.conflicts().len() > mine.conflicts().len() {
                        report.conflicts.push(r.id.clone());
                    }
                    out.upsert(merged);
                }
            }
        }
    }
    out
}
