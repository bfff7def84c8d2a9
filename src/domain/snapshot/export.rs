//! Export: the records of all employees, or of a chosen set, with metadata.

use std::collections::BTreeSet;

use super::format::{ExportInfo, Snapshot};
use crate::domain::record::{Id, Owned, RecordData, Table};

/// The part of `snapshot` that belongs to the employees in `info.employees` (all when empty),
/// stamped with `info`. Tombstones and conflicts travel too: the receiving device must learn
/// about deletions and must not lose a losing version.
pub fn export(snapshot: &Snapshot, info: ExportInfo) -> Snapshot {
    // `extend`, not `collect`: see `domain::sort`.
    let chosen: Option<BTreeSet<Id>> = (!info.employees.is_empty()).then(|| {
        let mut set = BTreeSet::new();
        set.extend(info.employees.iter().cloned());
        set
    });
    let keep = |emp: &Id| chosen.as_ref().is_none_or(|c| c.contains(emp));
    fn filter<T: RecordData + Owned>(t: &Table<T>, keep: &impl Fn(&Id) -> bool) -> Table<T> {
        t.records()
            .filter(|r| r.versions().iter().any(|v| keep(v.data.employee())))
            .cloned()
            .collect()
    }
    Snapshot {
        format: snapshot.format.clone(),
        schema_version: snapshot.schema_version,
        employees: snapshot.employees.records().filter(|r| keep(&r.id)).cloned().collect(),
        assessments: filter(&snapshot.assessments, &keep),
        progress: filter(&snapshot.progress, &keep),
        activities: filter(&snapshot.activities, &keep),
        ratings: filter(&snapshot.ratings, &keep),
        feedback: filter(&snapshot.feedback, &keep),
        plan: filter(&snapshot.plan, &keep),
        export: Some(info),
    }
}

/// A file name that says whose record it is and when: `lentera-siti-aminah-2026-11-22.json`.
pub fn file_name(label: &str, date: chrono::NaiveDate) -> String {
    let mut slug = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "data" } else { slug };
    let slug: String = slug.chars().take(40).collect();
    format!("lentera-{slug}-{date}.json")
}
