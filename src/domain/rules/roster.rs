//! The roster (`domain::roster`) against the cohort: who is expected and has handed in nothing
//! since a chosen day, who is in the cohort but not expected, which NIPs two or more profiles
//! claim (for the trainer to decide: never merged, never silently kept), and whether a person's
//! verification is signed by the supervisor the roster names.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::model::nip::Nip;
use crate::domain::record::Id;
use crate::domain::roster::{Roster, RosterEntry};
use crate::domain::rules::profile::{last_written, EmployeeProfile};
use crate::domain::snapshot::Snapshot;
use crate::domain::sort;

/// A person of the cohort, as the roster screens name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub nip: String,
    pub unit: String,
}

/// Someone the roster expects who has handed in nothing since the chosen day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub entry: RosterEntry,
    /// When a record of theirs was last written (`None`: not in the cohort at all).
    pub last: Option<DateTime<Utc>>,
}

/// One NIP claimed by several profiles of the cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub nip: String,
    pub people: Vec<Person>,
    /// The name the roster gives that NIP, if it lists it.
    pub listed_as: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterReport {
    /// People on the roster.
    pub expected: usize,
    /// Of those, how many have written something since the chosen day.
    pub handed_in: usize,
    /// On the roster, nothing written since the chosen day; in roster order.
    pub missing: Vec<Missing>,
    /// In the cohort, not on the roster; by name.
    pub new: Vec<Person>,
    pub duplicates: Vec<Duplicate>,
}

/// Compares `roster` with the live people of `cohort`, counting what was written on or after
/// `since` as handed in. Matching is by NIP; a NIP several profiles claim counts as handed in
/// if any of them wrote since, and is listed in `duplicates`.
pub fn compare(roster: &Roster, cohort: &Snapshot, since: NaiveDate) -> RosterReport {
    let written = last_written(cohort);
    let mut by_nip: BTreeMap<&str, Vec<Person>> = BTreeMap::new();
    for r in cohort.employees.live() {
        let e = r.data();
        by_nip.entry(e.nip.as_str()).or_default().push(Person {
            id: r.id.clone(),
            name: e.name.clone(),
            nip: e.nip.as_str().to_string(),
            unit: e.unit.clone(),
        });
    }
    // Built with `extend`: collecting into a B-tree map sorts (`domain::sort` on download size).
    let mut listed: BTreeMap<&str, &RosterEntry> = BTreeMap::new();
    listed.extend(roster.entries.iter().map(|e| (e.nip.as_str(), e)));
    let mut missing = Vec::new();
    for entry in &roster.entries {
        let last = by_nip
            .get(entry.nip.as_str())
            .into_iter()
            .flatten()
            .filter_map(|p| written.get(&p.id).copied())
            .max();
        if last.is_none_or(|t| t.date_naive() < since) {
            missing.push(Missing {
                entry: entry.clone(),
                last,
            });
        }
    }
    let mut new: Vec<Person> = by_nip
        .iter()
        .filter(|(nip, _)| !listed.contains_key(*nip))
        .flat_map(|(_, people)| people.iter().cloned())
        .collect();
    sort::sort_by(&mut new, |a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    let duplicates = by_nip
        .iter()
        .filter(|(_, people)| people.len() > 1)
        .map(|(nip, people)| Duplicate {
            nip: nip.to_string(),
            people: people.clone(),
            listed_as: listed.get(nip).map(|e| e.name.clone()),
        })
        .collect();
    RosterReport {
        expected: roster.entries.len(),
        handed_in: roster.entries.len() - missing.len(),
        missing,
        new,
        duplicates,
    }
}

/// Who signed a person's latest verification, against the supervisor the roster names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedBy {
    /// The roster's supervisor signed it.
    RosterSupervisor,
    /// Someone else signed it (a valid signature, but not the expected supervisor's).
    Other { name: String, nip: String },
    /// No signed verification yet.
    Nobody,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisorCheck {
    pub supervisor: Nip,
    /// The supervisor's name, when the roster lists them too.
    pub supervisor_name: Option<String>,
    pub signed: SignedBy,
}

/// For a person the roster lists with a supervisor: whether their latest proven verification
/// (`EmployeeProfile::verified`) is that supervisor's. `None` when the roster names no
/// supervisor for them.
pub fn supervisor_check(roster: &Roster, person: &EmployeeProfile) -> Option<SupervisorCheck> {
    let entry = roster.entries.iter().find(|e| e.nip.as_str() == person.nip)?;
    let supervisor = entry.supervisor.clone()?;
    let supervisor_name = roster
        .entries
        .iter()
        .find(|e| e.nip == supervisor)
        .map(|e| e.name.clone());
    let signed = match &person.verified {
        None => SignedBy::Nobody,
        Some(v) if v.by.nip == supervisor.as_str() => SignedBy::RosterSupervisor,
        Some(v) => SignedBy::Other {
            name: v.by.name.clone(),
            nip: v.by.nip.clone(),
        },
    };
    Some(SupervisorCheck {
        supervisor,
        supervisor_name,
        signed,
    })
}
