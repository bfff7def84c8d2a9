//! The snapshot document: `{"format": "lentera", "schema_version": N, …tables}`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::activity::Activity;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::employee::Employee;
use crate::domain::model::evaluation::{Feedback, Rating};
use crate::domain::model::lock::ProfileLock;
use crate::domain::model::pack::PackId;
use crate::domain::model::plan::PlanItem;
use crate::domain::model::progress::Progress;
use std::collections::BTreeSet;

use crate::domain::lang::Text;
use crate::domain::record::{Clock, DeviceId, Id, Record, RecordData, Table};

pub const FORMAT: &str = "lentera";

/// The schema this build writes. Older ones are migrated on import (`migrate.rs`); newer
/// ones are refused with a message asking to update the app.
///
/// 2: deletions keep no data (a tombstone has `deleted`, `owner`, no `data`); profile PINs
/// are no longer part of the employee record (they stay on the device, `locks`).
pub const SCHEMA_VERSION: u32 = 2;

/// Files above this size are refused before parsing: a phone-sized JSON parser on a cheap
/// tablet must not be asked to hold an arbitrarily large document. 64 MiB fits a 2,000-person
/// cohort with years of history several times over.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub schema_version: u32,
    /// Present in export files: who exported what, when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportInfo>,
    #[serde(default)]
    pub employees: Table<Employee>,
    #[serde(default)]
    pub assessments: Table<Assessment>,
    #[serde(default)]
    pub progress: Table<Progress>,
    #[serde(default)]
    pub activities: Table<Activity>,
    #[serde(default)]
    pub ratings: Table<Rating>,
    #[serde(default)]
    pub feedback: Table<Feedback>,
    #[serde(default)]
    pub plan: Table<PlanItem>,
    /// Device-local profile locks (PIN hashes). Kept only in the device's own store: never in
    /// an export, never read from an imported file (`import` does not read this key).
    #[serde(default, skip_serializing_if = "Table::is_empty")]
    pub locks: Table<ProfileLock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportInfo {
    pub app_version: String,
    pub device: DeviceId,
    pub exported_at: DateTime<Utc>,
    /// The employees exported (exactly these; never "all" when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employees: Vec<Id>,
    /// Content packs in use on the exporting device, so the importer can tell what is missing.
    #[serde(default)]
    pub packs: Vec<PackRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRef {
    pub id: PackId,
    pub version: u32,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            export: None,
            employees: Table::default(),
            assessments: Table::default(),
            progress: Table::default(),
            activities: Table::default(),
            ratings: Table::default(),
            feedback: Table::default(),
            plan: Table::default(),
            locks: Table::default(),
        }
    }
}

/// The one list of the tables of people's records and their kinds, for `visit` and
/// `visit_mut` (the same list borrowed shared or mutably).
macro_rules! each_table {
    // Three snapshots side by side: the one being built, and two read from.
    (into $out:ident from $a:ident, $b:ident, $v:ident) => {
        $v.visit(RecordKind::Employees, &mut $out.employees, &$a.employees, &$b.employees);
        $v.visit(RecordKind::Assessments, &mut $out.assessments, &$a.assessments, &$b.assessments);
        $v.visit(RecordKind::Progress, &mut $out.progress, &$a.progress, &$b.progress);
        $v.visit(RecordKind::Activities, &mut $out.activities, &$a.activities, &$b.activities);
        $v.visit(RecordKind::Ratings, &mut $out.ratings, &$a.ratings, &$b.ratings);
        $v.visit(RecordKind::Feedback, &mut $out.feedback, &$a.feedback, &$b.feedback);
        $v.visit(RecordKind::Plan, &mut $out.plan, &$a.plan, &$b.plan);
    };
    ($s:ident, $v:ident, $($borrow:tt)+) => {
        $v.visit(RecordKind::Employees, $($borrow)+ $s.employees);
        $v.visit(RecordKind::Assessments, $($borrow)+ $s.assessments);
        $v.visit(RecordKind::Progress, $($borrow)+ $s.progress);
        $v.visit(RecordKind::Activities, $($borrow)+ $s.activities);
        $v.visit(RecordKind::Ratings, $($borrow)+ $s.ratings);
        $v.visit(RecordKind::Feedback, $($borrow)+ $s.feedback);
        $v.visit(RecordKind::Plan, $($borrow)+ $s.plan);
    };
}

impl Snapshot {
    /// The document as JSON text (compact: exports are for machines; the docs show it pretty).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a snapshot always serialises")
    }

    /// Total number of records with unresolved conflicts across all tables.
    pub fn conflict_count(&self) -> usize {
        struct Count(usize);
        impl TableVisitor for Count {
            fn visit<T: RecordData>(&mut self, _: RecordKind, t: &Table<T>) {
                self.0 += t.records().filter(|r| !r.conflicts().is_empty()).count();
            }
        }
        let mut c = Count(0);
        self.visit(&mut c);
        c.0
    }

    /// Calls `v` with every table of people's records (not the device-local locks).
    pub fn visit(&self, v: &mut impl TableVisitor) {
        each_table!(self, v, &);
    }

    /// Calls `v` with every table of people's records, to change them.
    pub fn visit_mut(&mut self, v: &mut impl TableVisitorMut) {
        each_table!(self, v, &mut);
    }

    /// Builds each table of people's records of `self` from the same table of `a` and `b`
    /// (merge: ours and theirs; a restriction: the source twice).
    pub fn build_from(&mut self, a: &Snapshot, b: &Snapshot, v: &mut impl TableBuilder) {
        each_table!(into self from a, b, v);
    }

    /// The live profile lock (PIN) of `employee` on this device, if any.
    pub fn lock_of(&self, employee: &Id) -> Option<&ProfileLock> {
        self.locks.get(employee).filter(|r| !r.is_deleted()).map(|r| r.data())
    }

    pub fn is_locked(&self, employee: &Id) -> bool {
        self.lock_of(employee).is_some()
    }

    /// Sets (or replaces) `employee`'s PIN on this device.
    pub fn set_lock(&mut self, employee: &Id, lock: ProfileLock, device: &DeviceId, now: DateTime<Utc>) {
        // An edit on top of the record, also when a removed PIN left a deletion: a new record
        // would start its clock from nothing, and the deletion would supersede it.
        let record = match self.locks.get_any(employee) {
            Some(r) => {
                let mut r = r.clone();
                r.edit(device, now, lock);
                r
            }
            None => Record::create(employee.clone(), device, now, lock),
        };
        self.locks.upsert(record);
    }

    /// Removes `employee`'s PIN on this device.
    pub fn remove_lock(&mut self, employee: &Id, device: &DeviceId, now: DateTime<Utc>) {
        self.locks.delete(employee, device, now);
    }

    /// Settles a conflict of record `id` of `kind` by keeping version `index`, provided that
    /// version still has clock `seen` (the one shown when the person chose: another tab's merge
    /// may have changed the record since, and then nothing is settled).
    pub fn resolve(
        &mut self,
        kind: RecordKind,
        id: &Id,
        index: usize,
        seen: &Clock,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> bool {
        fn one<T: RecordData>(
            t: &mut Table<T>,
            id: &Id,
            index: usize,
            seen: &Clock,
            device: &DeviceId,
            now: DateTime<Utc>,
        ) -> bool {
            let current = t
                .get_any(id)
                .and_then(|r| r.versions().get(index))
                .is_some_and(|v| &v.clock == seen);
            current && t.resolve(id, device, now, index)
        }
        match kind {
            RecordKind::Employees => one(&mut self.employees, id, index, seen, device, now),
            RecordKind::Assessments => one(&mut self.assessments, id, index, seen, device, now),
            RecordKind::Progress => one(&mut self.progress, id, index, seen, device, now),
            RecordKind::Activities => one(&mut self.activities, id, index, seen, device, now),
            RecordKind::Ratings => one(&mut self.ratings, id, index, seen, device, now),
            RecordKind::Feedback => one(&mut self.feedback, id, index, seen, device, now),
            RecordKind::Plan => one(&mut self.plan, id, index, seen, device, now),
        }
    }

    /// Erases a person from this device: their employee record and every record they own
    /// become deletions that keep no data (the deletions merge and travel like edits), and
    /// their PIN is removed.
    pub fn erase_person(&mut self, employee: &Id, device: &DeviceId, now: DateTime<Utc>) {
        struct EraseOwned<'a>(&'a Id, &'a DeviceId, DateTime<Utc>);
        impl TableVisitorMut for EraseOwned<'_> {
            fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &mut Table<T>) {
                let who = self.0;
                let ids: Vec<Id> = match kind {
                    // Already a deletion through and through: nothing to write on the profile.
                    RecordKind::Employees => t.get(who).map(|r| r.id.clone()).into_iter().collect(),
                    _ => t
                        .records()
                        .filter(|r| r.owner() == Some(who) || r.versions().iter().any(|v| v.owner() == Some(who)))
                        .map(|r| r.id.clone())
                        .collect(),
                };
                for id in ids {
                    t.delete(&id, self.1, self.2);
                }
            }
        }
        self.visit_mut(&mut EraseOwned(employee, device, now));
        if self.is_locked(employee) {
            self.remove_lock(employee, device, now);
        }
    }

    /// People whose profile is deleted (every version a deletion) lose what they still own
    /// here: a deletion that arrived by file, or one kept when settling a conflict, erases like
    /// the owner's own erase. Returns how many people it erased anything of.
    pub fn erase_deleted_people(&mut self, device: &DeviceId, now: DateTime<Utc>) -> usize {
        let gone: Vec<Id> = self
            .employees
            .all()
            .filter(|r| r.is_erased())
            .map(|r| r.id.clone())
            .collect();
        let mut n = 0;
        for who in gone {
            let before = self.owned_with_data(&who);
            if before > 0 || self.is_locked(&who) {
                self.erase_person(&who, device, now);
                n += 1;
            }
        }
        n
    }

    /// How many records with data `who` still owns here.
    fn owned_with_data(&self, who: &Id) -> usize {
        struct Count<'a>(&'a Id, usize);
        impl TableVisitor for Count<'_> {
            fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
                if kind != RecordKind::Employees {
                    self.1 += t.records().filter(|r| r.owner() == Some(self.0)).count();
                }
            }
        }
        let mut c = Count(who, 0);
        self.visit(&mut c);
        c.1
    }

    /// The records of `people` only (erased ones included, so deletions travel), without
    /// export metadata and without device-local locks.
    pub fn restricted_to(&self, people: &BTreeSet<Id>) -> Snapshot {
        struct Owned<'a>(&'a BTreeSet<Id>);
        impl TableBuilder for Owned<'_> {
            fn visit<T: RecordData>(&mut self, kind: RecordKind, out: &mut Table<T>, from: &Table<T>, _: &Table<T>) {
                let keeps = |r: &&Record<T>| {
                    let person = match kind {
                        RecordKind::Employees => Some(&r.id),
                        _ => r.owner(),
                    };
                    person.is_some_and(|o| self.0.contains(o))
                };
                *out = from.all().filter(keeps).cloned().collect();
            }
        }
        // No locks: they never leave the device.
        let mut out = Snapshot {
            format: self.format.clone(),
            schema_version: self.schema_version,
            ..Snapshot::default()
        };
        out.build_from(self, self, &mut Owned(people));
        out
    }
}

/// The kinds of people's records: one registry for labels, storage keys, conflict listing and
/// resolution, merge reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Employees,
    Assessments,
    Progress,
    Activities,
    Ratings,
    Feedback,
    Plan,
}

impl RecordKind {
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Employees,
        RecordKind::Assessments,
        RecordKind::Progress,
        RecordKind::Activities,
        RecordKind::Ratings,
        RecordKind::Feedback,
        RecordKind::Plan,
    ];

    /// The table's key in the JSON document.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Employees => "employees",
            RecordKind::Assessments => "assessments",
            RecordKind::Progress => "progress",
            RecordKind::Activities => "activities",
            RecordKind::Ratings => "ratings",
            RecordKind::Feedback => "feedback",
            RecordKind::Plan => "plan",
        }
    }

    /// The kind whose `key` is `key`.
    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            RecordKind::Employees => Text::new("Profil pegawai", "Employee profiles"),
            RecordKind::Assessments => Text::new("Penilaian kompetensi", "Competency assessments"),
            RecordKind::Progress => Text::new("Kemajuan belajar", "Learning progress"),
            RecordKind::Activities => Text::new("Kegiatan pengembangan", "Development activities"),
            RecordKind::Ratings => Text::new("Penilaian kinerja", "Performance ratings"),
            RecordKind::Feedback => Text::new("Umpan balik publik", "Public feedback"),
            RecordKind::Plan => Text::new("Rencana pengembangan", "Development plan items"),
        }
    }
}

/// Something done with each table of a snapshot, whatever its record type.
pub trait TableVisitor {
    fn visit<T: RecordData>(&mut self, kind: RecordKind, table: &Table<T>);
}

/// Builds a table from the same table of two snapshots, whatever its record type.
pub trait TableBuilder {
    fn visit<T: RecordData>(&mut self, kind: RecordKind, out: &mut Table<T>, a: &Table<T>, b: &Table<T>);
}

/// Something done to each table of a snapshot, whatever its record type. With `TableVisitor`,
/// the one place that lists the tables (`Snapshot::visit`, `visit_mut`): code over "every
/// kind" is written once and covers a kind added later.
pub trait TableVisitorMut {
    fn visit<T: RecordData>(&mut self, kind: RecordKind, table: &mut Table<T>);
}
