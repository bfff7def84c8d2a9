//! Whose data a file may change on this device.
//!
//! A learner's tablet is shared. A file (an export, anybody's, or a crafted one) may:
//! - add people who are not on this device;
//! - change the records of profiles without a PIN, and of the profile unlocked now;
//! - change the records of another PIN-protected profile only when that person enters their
//!   PIN in the preview (`authorised`);
//! - never delete a profile that is PIN-locked here (deleting is the owner's act, on the
//!   device, unlocked).
//!
//! A file's records are grouped by the person they belong to; each person is merged whole or
//! skipped whole, and the preview lists every person with what would change and, for those
//! skipped, why. `apply` recomputes everything against the state at confirm time, so a stale
//! preview cannot merge what is no longer allowed.

use std::collections::BTreeSet;

use serde::Serialize;

use super::document::{RecordKind, Snapshot, TableVisitor};
use super::merge::{merge, merge_people, MergeReport};
use crate::domain::lang::Text;
use crate::domain::record::{Id, RecordData, Table};

/// Why a person's records in a file are not merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Skip {
    /// Their profile here has a PIN and they have not entered it.
    Locked,
    /// The file would delete their PIN-protected profile here.
    DeletesLockedProfile,
    /// The file holds records under ids that belong to someone else here.
    ForeignRecords,
    /// Their profile was deleted on this device and the file does not undo that: what the
    /// file still holds of them is not brought back.
    Erased,
    /// A record of theirs would hold more unresolved versions than a merge may compare
    /// (`bounds::MAX_VERSIONS`): the conflicts here are to be settled first.
    TooManyVersions,
    /// The file gives their profile another signing key than the one known here: it would let
    /// whoever made that key sign verifications in their name (`domain::signing`).
    ChangesSigningKey,
}

impl Skip {
    pub fn text(self) -> Text {
        match self {
            Skip::Locked => Text::new(
                "Tidak digabungkan: profil ini ber-PIN di perangkat ini. Pemiliknya dapat memasukkan PIN-nya di sini untuk menyertakannya.",
                "Not merged: this profile has a PIN on this device. Its owner can enter their PIN here to include it.",
            ),
            Skip::DeletesLockedProfile => Text::new(
                "Tidak digabungkan: berkas ini akan menghapus profil ber-PIN. Hanya pemiliknya yang dapat menghapus profilnya, di perangkat ini.",
                "Not merged: this file would delete a PIN-protected profile. Only its owner can delete it, on this device.",
            ),
            Skip::ForeignRecords => Text::new(
                "Tidak digabungkan: berkas ini memakai id catatan milik orang lain di perangkat ini.",
                "Not merged: this file uses record ids that belong to someone else on this device.",
            ),
            Skip::TooManyVersions => Text::new(
                "Tidak digabungkan: sebuah catatan akan memiliki terlalu banyak versi yang bertentangan. Selesaikan dulu konflik orang ini di perangkat ini.",
                "Not merged: a record would hold too many conflicting versions. Settle this person's conflicts on this device first.",
            ),
            Skip::ChangesSigningKey => Text::new(
                "Tidak digabungkan: berkas ini memberi profil ini kunci tanda tangan lain daripada yang dikenal di perangkat ini, sehingga tanda tangan atas namanya dapat dipalsukan.",
                "Not merged: this file gives this profile another signing key than the one known on this device, which would let someone sign in their name.",
            ),
            Skip::Erased => Text::new(
                "Tidak digabungkan: profil ini sudah dihapus di perangkat ini; datanya tidak dikembalikan.",
                "Not merged: this profile was deleted on this device; its data is not brought back.",
            ),
        }
    }
}

/// A person on this device or in the file, and what the file does to their records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonChange {
    pub id: Id,
    /// The name this device knows them by (or the file's, for someone new).
    pub name: String,
    /// Not on this device before this import.
    pub new: bool,
    /// Has a PIN on this device.
    pub locked: bool,
    /// `None`: merged. `Some`: skipped, and why.
    pub skip: Option<Skip>,
    /// What the file changes for them (for a skipped person: what it would have changed).
    pub report: MergeReport,
}

impl PersonChange {
    pub fn merged(&self) -> bool {
        self.skip.is_none()
    }
}

/// The preview of one import: every person the file would change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPlan {
    /// People whose records the file changes, merged or skipped, in name order.
    pub people: Vec<PersonChange>,
    /// People in the file whose records are already all here.
    pub unchanged: usize,
    /// Everything merged (with the unchanged records of people the file does not change).
    pub merged: MergeReport,
}

impl ImportPlan {
    pub fn skipped(&self) -> impl Iterator<Item = &PersonChange> {
        self.people.iter().filter(|p| p.skip.is_some())
    }

    /// Locked people the file would change, who could be included with their PIN.
    pub fn need_pin(&self) -> impl Iterator<Item = &PersonChange> {
        self.people.iter().filter(|p| p.skip == Some(Skip::Locked))
    }
}

/// Who the file's records belong to, and which of those ids are already someone else's here.
struct Owners<'a> {
    ours: &'a Snapshot,
    of: BTreeSet<Id>,
    foreign: BTreeSet<Id>,
    /// People a record of whom could exceed the version bound once merged (counted as the
    /// versions here plus the file's: an upper bound of the merged count).
    overgrown: BTreeSet<Id>,
}

impl TableVisitor for Owners<'_> {
    fn visit<T: RecordData>(&mut self, kind: RecordKind, theirs: &Table<T>) {
        for r in theirs.all() {
            let owner = if kind == RecordKind::Employees {
                Some(&r.id)
            } else {
                r.owner()
            };
            let Some(owner) = owner else { continue };
            self.of.insert(owner.clone());
            if let Some((here, versions)) = ours_record(self.ours, kind, &r.id) {
                if kind != RecordKind::Employees && here.as_ref() != Some(owner) {
                    self.foreign.insert(owner.clone());
                }
                if versions + r.versions().len() > super::bounds::MAX_VERSIONS {
                    self.overgrown.insert(owner.clone());
                }
            }
        }
    }
}

/// The owner of record `id` of `kind` on this device and how many versions it holds, if it is
/// here.
fn ours_record(ours: &Snapshot, kind: RecordKind, id: &Id) -> Option<(Option<Id>, usize)> {
    fn o<T: RecordData>(t: &Table<T>, id: &Id) -> Option<(Option<Id>, usize)> {
        t.get_any(id).map(|r| (r.owner().cloned(), r.versions().len()))
    }
    match kind {
        RecordKind::Employees => ours
            .employees
            .get_any(id)
            .map(|r| (Some(r.id.clone()), r.versions().len())),
        RecordKind::Assessments => o(&ours.assessments, id),
        RecordKind::Progress => o(&ours.progress, id),
        RecordKind::Activities => o(&ours.activities, id),
        RecordKind::Ratings => o(&ours.ratings, id),
        RecordKind::Feedback => o(&ours.feedback, id),
        RecordKind::Plan => o(&ours.plan, id),
    }
}

/// Decides, person by person, what of `theirs` may merge into `ours`. `authorised`: the
/// profile unlocked now and everyone who entered their PIN in this preview.
pub fn plan(ours: &Snapshot, theirs: &Snapshot, authorised: &BTreeSet<Id>) -> ImportPlan {
    let mut owners = Owners {
        ours,
        of: BTreeSet::new(),
        foreign: BTreeSet::new(),
        overgrown: BTreeSet::new(),
    };
    theirs.visit(&mut owners);
    let (_, mut reports) = merge_people(ours, theirs);
    let mut people = Vec::new();
    let mut unchanged = 0;
    // What merges: the people merged, and the unchanged ones' "unchanged" counts.
    let mut merged = MergeReport::default();
    for id in owners.of {
        let report = reports.remove(&id).unwrap_or_default();
        if !report.changes_anything() {
            unchanged += 1;
            merged.absorb(report);
            continue;
        }
        let here = ours.employees.get(&id);
        let locked = ours.is_locked(&id);
        let deletes = here.is_some_and(|r| !r.is_deleted())
            && theirs
                .employees
                .get_any(&id)
                .is_some_and(|t| here.is_some_and(|h| h.merge(t).is_deleted()));
        // Deleted here, and still deleted once the file's copy of the profile is merged (an
        // edit made without seeing the deletion would bring it back as a conflict to settle).
        let erased_here = ours
            .employees
            .get_any(&id)
            .is_some_and(|h| h.is_deleted() && theirs.employees.get_any(&id).is_none_or(|t| h.merge(t).is_deleted()));
        let skip = if owners.foreign.contains(&id) {
            Some(Skip::ForeignRecords)
        } else if changes_signing_key(ours, theirs, &id) {
            Some(Skip::ChangesSigningKey)
        } else if erased_here && !only_deletions(theirs, &id) {
            Some(Skip::Erased)
        } else if owners.overgrown.contains(&id) {
            Some(Skip::TooManyVersions)
        } else if locked && deletes {
            Some(Skip::DeletesLockedProfile)
        } else if locked && !authorised.contains(&id) {
            Some(Skip::Locked)
        } else {
            None
        };
        let name = here
            .or_else(|| theirs.employees.get(&id))
            .map(|r| r.data().name.clone())
            .unwrap_or_default();
        people.push(PersonChange {
            new: ours.employees.get_any(&id).is_none(),
            id,
            name,
            locked,
            skip,
            report,
        });
    }
    crate::domain::sort::sort_by(&mut people, |a, b| {
        (a.skip.is_some(), a.name.to_lowercase(), &a.id).cmp(&(b.skip.is_some(), b.name.to_lowercase(), &b.id))
    });
    for p in people.iter().filter(|p| p.merged()) {
        merged.absorb(p.report.clone());
    }
    ImportPlan {
        people,
        unchanged,
        merged,
    }
}

/// Whether merging `theirs` would give `person`'s employee record (its winner or a conflicting
/// version) a signing key other than the one it has here. A first key is welcome; a removed
/// one only makes their signatures uncheckable, never forgeable.
fn changes_signing_key(ours: &Snapshot, theirs: &Snapshot, person: &Id) -> bool {
    let (Some(here), Some(file)) = (ours.employees.get_any(person), theirs.employees.get_any(person)) else {
        return false;
    };
    let Some(known) = here.content().and_then(|e| e.signing_key.as_ref()) else {
        return false;
    };
    here.merge(file)
        .versions()
        .iter()
        .filter_map(|v| v.data.as_ref()?.signing_key.as_ref())
        .any(|k| k != known)
}

/// Whether everything `theirs` holds of `person` is a deletion (harmless to merge anywhere).
fn only_deletions(theirs: &Snapshot, person: &Id) -> bool {
    struct Check<'a> {
        person: &'a Id,
        live: bool,
    }
    impl TableVisitor for Check<'_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
            for r in t.all() {
                let mine = if kind == RecordKind::Employees {
                    &r.id == self.person
                } else {
                    r.owner() == Some(self.person)
                };
                if mine && !r.is_erased() {
                    self.live = true;
                }
            }
        }
    }
    let mut c = Check { person, live: false };
    theirs.visit(&mut c);
    !c.live
}

/// Merges what `plan` allows, decided again against `ours` as it is now.
pub fn apply(ours: &Snapshot, theirs: &Snapshot, authorised: &BTreeSet<Id>) -> (Snapshot, ImportPlan) {
    let plan = plan(ours, theirs, authorised);
    let mut allowed = BTreeSet::new();
    allowed.extend(plan.people.iter().filter(|p| p.merged()).map(|p| p.id.clone()));
    let (out, _) = merge(ours, &theirs.restricted_to(&allowed));
    (out, plan)
}

/// Many files in a row (a trainer's class), each decided against the result of the ones before:
/// the merged snapshot, one report for all, and who was skipped in which file (by index).
pub fn apply_all<'a>(
    ours: &Snapshot,
    files: impl IntoIterator<Item = &'a Snapshot>,
    authorised: &BTreeSet<Id>,
) -> (Snapshot, MergeReport, Vec<(usize, PersonChange)>) {
    let mut acc = ours.clone();
    let mut report = MergeReport::default();
    let mut skipped = Vec::new();
    for (i, file) in files.into_iter().enumerate() {
        let (next, plan) = apply(&acc, file, authorised);
        acc = next;
        report.absorb(plan.merged.clone());
        skipped.extend(plan.people.into_iter().filter(|p| p.skip.is_some()).map(|p| (i, p)));
    }
    (acc, report, skipped)
}
