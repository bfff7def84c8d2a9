//! Export: the records of an explicit set of employees, with metadata.

use std::collections::BTreeSet;

use super::document::{ExportInfo, Snapshot};
use crate::domain::record::Id;

/// The part of `snapshot` that belongs to exactly the employees in `info.employees`, stamped
/// with `info`. An empty list exports nobody — never "everyone": who may be exported is the
/// caller's decision (the person unlocked, profiles without a PIN). Deletions and conflicts
/// travel too: the receiving device must learn about deletions and must not lose a losing
/// version. Device-local locks (PIN hashes) never travel.
pub fn export(snapshot: &Snapshot, info: ExportInfo) -> Snapshot {
    // `extend`, not `collect`: see `domain::sort`.
    let mut chosen = BTreeSet::new();
    chosen.extend(info.employees.iter().cloned());
    Snapshot {
        export: Some(info),
        ..snapshot.restricted_to(&chosen)
    }
}

/// Who "export all profiles" takes on a shared device: every live profile without a PIN, those
/// whose owner is `authorised` (the person unlocked, or PINs entered for this export), and the
/// data-free deletions of profiles without a PIN (so a deletion reaches other devices). Never
/// a PIN-locked profile whose owner has not authorised it.
pub fn exportable(snapshot: &Snapshot, authorised: &BTreeSet<Id>) -> Vec<Id> {
    snapshot
        .employees
        .all()
        .filter(|r| !snapshot.is_locked(&r.id) || (!r.is_deleted() && authorised.contains(&r.id)))
        .map(|r| r.id.clone())
        .collect()
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
