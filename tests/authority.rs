//! Who a file may change on a shared tablet (`snapshot::authority`).
//!
//! The device holds two colleagues: Ratna, whose profile has a PIN here, and Budi, whose
//! profile has none. Each attack is a file made on another device (exported, or written by
//! hand) and read through `import`, exactly as the app reads it; nobody is authorised unless
//! the test says so.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use common::*;
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::employee::{Employee, Grade, Position, PositionKind};
use lentera::domain::model::evaluation::{Performance, Rating};
use lentera::domain::model::lock::{PinHash, ProfileLock};
use lentera::domain::model::nip::Nip;
use lentera::domain::model::progress::{Completion, Progress, QuizAttempt};
use lentera::domain::pin::{hash_pin, verify_pin};
use lentera::domain::record::{DeviceId, Id, Record};
use lentera::domain::snapshot::authority::{apply, plan, ImportPlan, PersonChange, Skip};
use lentera::domain::snapshot::document::RecordKind;
use lentera::domain::snapshot::export::export;
use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::{ExportInfo, Snapshot};

const RATNA: &str = "ratna";
const BUDI: &str = "budi";
const RATNA_PIN: &str = "2468";
const RATNA_NIP: &str = "199002142015032001";
const RATNA_ACTIVITY: &str = "ratna-act-1";
const RATNA_PACK: &str = "pack-a";
const RATNA_MODULE: &str = "mod-1";

/// The importing device's clock.
fn now() -> DateTime<Utc> {
    t(2026, 11, 30)
}

/// This tablet.
fn here() -> DeviceId {
    device("tab-here")
}

/// The device the files are made on.
fn elsewhere() -> DeviceId {
    device("tab-x")
}

fn nobody() -> BTreeSet<Id> {
    BTreeSet::new()
}

fn only(who: &str) -> BTreeSet<Id> {
    BTreeSet::from([id(who)])
}

/// Ratna's PIN hash (150,000 PBKDF2 rounds: computed once for the whole test binary).
fn ratna_lock() -> ProfileLock {
    static PIN: OnceLock<PinHash> = OnceLock::new();
    ProfileLock {
        pin: PIN.get_or_init(|| hash_pin(RATNA_PIN, [7; 16])).clone(),
        signing: None,
    }
}

/// The PIN hash a file would like to give Ratna's profile (its PIN, 0000, is the attacker's).
fn attackers_pin() -> PinHash {
    static PIN: OnceLock<PinHash> = OnceLock::new();
    PIN.get_or_init(|| hash_pin("0000", [9; 16])).clone()
}

fn ratna() -> Employee {
    Employee {
        nip: Nip::parse(RATNA_NIP).unwrap(),
        name: "Ratna Sari".into(),
        position: Position {
            title: "Analis Kepegawaian".into(),
            kind: PositionKind::FungsionalAhliMuda,
        },
        unit: "Bagian Umum".into(),
        grade: Grade::parse("III/c").unwrap(),
        supervisor: None,
        signing_key: None,
        pin_resets: Vec::new(),
    }
}

fn activity(employee: &str, title: &str) -> Activity {
    Activity {
        employee: id(employee),
        title: title.into(),
        method: Method::Seminar,
        start: d(2026, 3, 2),
        end: d(2026, 3, 3),
        hours: 8.0,
        competencies: vec![],
        evidence: String::new(),
        session: None,
    }
}

fn progress_id() -> Id {
    Progress::id_for(&id(RATNA), RATNA_PACK, RATNA_MODULE)
}

/// Ratna and Budi with a few records each, as every device first got them (written by
/// `dev-a`); Ratna's profile is PIN-locked on this tablet when `locked`.
fn shared(locked: bool) -> Snapshot {
    let a = device("dev-a");
    let at = t(2026, 1, 1);
    let mut s = Snapshot::default();
    s.employees.upsert(Record::create(id(RATNA), &a, at, ratna()));
    s.employees
        .upsert(employee_record(BUDI, "Budi Santoso", PositionKind::Pelaksana));
    s.activities.upsert(Record::create(
        id(RATNA_ACTIVITY),
        &a,
        at,
        activity(RATNA, "Seminar kearsipan"),
    ));
    s.activities.upsert(Record::create(
        id("budi-act-1"),
        &a,
        at,
        activity(BUDI, "Kursus layanan"),
    ));
    let mut p = Progress::new(id(RATNA), RATNA_PACK.into(), RATNA_MODULE.into());
    p.lessons_done.insert("l1".into());
    s.progress.upsert(Record::create(progress_id(), &a, at, p));
    if locked {
        s.set_lock(&id(RATNA), ratna_lock(), &here(), t(2026, 2, 1));
    }
    s
}

/// `s` exported for `people` on the other device and read back through `import`.
fn file(s: &Snapshot, people: &[&str]) -> Snapshot {
    let info = ExportInfo {
        app_version: "0.1.0".into(),
        device: elsewhere(),
        exported_at: t(2026, 11, 29),
        employees: people.iter().map(|p| id(p)).collect(),
        packs: vec![],
    };
    read(export(s, info).to_json().as_bytes())
}

fn read(bytes: &[u8]) -> Snapshot {
    import(bytes, now()).unwrap_or_else(|e| panic!("the crafted file should import: {e:?}"))
}

fn rename(s: &mut Snapshot, who: &str, name: &str) {
    let r = s.employees.get_mut(&id(who)).unwrap();
    let mut e = r.data().clone();
    e.name = name.into();
    r.edit(&elsewhere(), t(2026, 11, 29), e);
}

/// (a) Ratna renamed on the other device.
fn renaming_file() -> Snapshot {
    let mut s = shared(false);
    rename(&mut s, RATNA, "Ratna Diganti");
    file(&s, &[RATNA])
}

/// (b) Ratna deleted on the other device.
fn deleting_file() -> Snapshot {
    let mut s = shared(false);
    assert!(s.employees.delete(&id(RATNA), &elsewhere(), t(2026, 11, 29)));
    file(&s, &[RATNA])
}

/// (c) An activity, a rating and a module completion added for Ratna on the other device.
fn adding_file() -> Snapshot {
    let x = elsewhere();
    let at = t(2026, 11, 29);
    let mut s = shared(false);
    s.activities.upsert(Record::create(
        id("x-act"),
        &x,
        at,
        activity(RATNA, "Pelatihan yang tidak pernah ada"),
    ));
    s.ratings.upsert(Record::create(
        id("x-rating"),
        &x,
        at,
        Rating {
            employee: id(RATNA),
            year: 2026,
            half: 2,
            performance: Performance::Below,
            potential: None,
            rater: "Bukan atasannya".into(),
            date: d(2026, 11, 29),
            note: String::new(),
            signature: None,
        },
    ));
    let r = s.progress.get_mut(&progress_id()).unwrap();
    let mut p = r.data().clone();
    p.attempts.insert(
        id("x-attempt"),
        QuizAttempt {
            at,
            answers: vec![],
            correct: 5,
            total: 5,
            score: 100,
            passed: true,
        },
    );
    p.completion = Some(Completion {
        at,
        attempt: id("x-attempt"),
        jp: 200.0,
    });
    r.edit(&x, at, p);
    file(&s, &[RATNA])
}

fn pin_json(pin: &PinHash) -> serde_json::Value {
    serde_json::to_value(pin).unwrap()
}

/// (d) A file in the old format, where the employee record carried the PIN: Ratna's record,
/// edited on the other device, with a PIN the attacker knows. Written by hand.
fn old_style_pin_file(schema_version: u32) -> Vec<u8> {
    serde_json::json!({
        "format": "lentera",
        "schema_version": schema_version,
        "employees": [{
            "id": RATNA,
            "created_at": "2026-01-01T08:00:00Z",
            "clock": {"dev-a": 1, "tab-x": 1},
            "device": "tab-x",
            "updated_at": "2026-11-29T08:00:00Z",
            "data": {
                "nip": RATNA_NIP,
                "name": "Ratna Sari",
                "position": {"title": "Analis Kepegawaian", "kind": "fungsional_ahli_muda"},
                "unit": "Bagian Umum",
                "grade": "III/c",
                "pin": pin_json(&attackers_pin())
            }
        }]
    })
    .to_string()
    .into_bytes()
}

fn person<'a>(plan: &'a ImportPlan, who: &str) -> &'a PersonChange {
    plan.people
        .iter()
        .find(|p| p.id == id(who))
        .unwrap_or_else(|| panic!("{who} is not listed in {plan:#?}"))
}

/// Ratna's records and lock in `after` are exactly those in `before`.
fn assert_ratna_untouched(before: &Snapshot, after: &Snapshot) {
    assert_eq!(after.restricted_to(&only(RATNA)), before.restricted_to(&only(RATNA)));
    assert_eq!(after.locks, before.locks);
    assert_ratna_pin_unchanged(after);
}

/// Compares hashes rather than calling `verify_pin` (150,000 rounds a call); the test of the
/// old-style file verifies the PIN itself.
fn assert_ratna_pin_unchanged(s: &Snapshot) {
    let lock = s.lock_of(&id(RATNA)).expect("Ratna is still locked");
    assert_eq!(lock, &ratna_lock());
    assert_ne!(lock.pin, attackers_pin());
}

/// Ratna is listed as skipped for `why`, and nothing of hers is merged.
fn assert_skipped(ours: &Snapshot, theirs: &Snapshot, authorised: &BTreeSet<Id>, why: Skip) -> PersonChange {
    let (after, plan) = apply(ours, theirs, authorised);
    assert_ratna_untouched(ours, &after);
    let p = person(&plan, RATNA).clone();
    assert_eq!(p.skip, Some(why));
    assert!(p.locked && !p.new && !p.merged());
    assert_eq!(p.name, "Ratna Sari", "the name this device knows, not the file's");
    assert!(p.report.changes_anything(), "the preview says what would have changed");
    assert!(
        !plan.merged.changes_anything(),
        "nothing else is in the file: {plan:#?}"
    );
    assert_eq!(after, ours.clone(), "the device is unchanged");
    p
}

#[test]
fn a_file_renaming_a_locked_profile_is_skipped_without_her_pin_and_merged_with_it() {
    let ours = shared(true);
    let theirs = renaming_file();
    let p = assert_skipped(&ours, &theirs, &nobody(), Skip::Locked);
    assert_eq!(p.report.table(RecordKind::Employees).updated, 1);
    assert_eq!(plan(&ours, &theirs, &nobody()).need_pin().count(), 1);

    let (after, plan) = apply(&ours, &theirs, &only(RATNA));
    assert!(person(&plan, RATNA).merged());
    assert_eq!(after.employees.get(&id(RATNA)).unwrap().data().name, "Ratna Diganti");
    assert_eq!(after.locks, ours.locks);
}

#[test]
fn a_file_deleting_a_locked_profile_is_skipped_even_with_her_pin() {
    let ours = shared(true);
    let theirs = deleting_file();
    for authorised in [nobody(), only(RATNA)] {
        let p = assert_skipped(&ours, &theirs, &authorised, Skip::DeletesLockedProfile);
        let t = p.report.table(RecordKind::Employees);
        assert_eq!((t.updated, t.deleted), (1, 1), "{t:?}");
    }
}

#[test]
fn a_file_adding_activities_ratings_and_completions_to_a_locked_profile_is_skipped_without_her_pin() {
    let ours = shared(true);
    let theirs = adding_file();
    let p = assert_skipped(&ours, &theirs, &nobody(), Skip::Locked);
    assert_eq!(p.report.table(RecordKind::Activities).added, 1);
    assert_eq!(p.report.table(RecordKind::Ratings).added, 1);
    assert_eq!(p.report.table(RecordKind::Progress).updated, 1);

    let (after, plan) = apply(&ours, &theirs, &only(RATNA));
    assert!(person(&plan, RATNA).merged());
    assert!(after.activities.get(&id("x-act")).is_some());
    assert!(after.ratings.get(&id("x-rating")).is_some());
    assert!(after.progress.get(&progress_id()).unwrap().data().is_complete());
    assert_eq!(after.locks, ours.locks);
}

#[test]
fn an_old_style_file_with_a_pin_in_her_employee_record_never_changes_her_pin() {
    let ours = shared(true);
    for schema_version in [1, 2] {
        let theirs = read(&old_style_pin_file(schema_version));
        assert!(theirs.locks.is_empty(), "schema {schema_version}");
        assert!(!theirs.to_json().contains("\"pin\""), "schema {schema_version}");

        let p = assert_skipped(&ours, &theirs, &nobody(), Skip::Locked);
        assert_eq!(p.report.table(RecordKind::Employees).updated, 1);

        // With her PIN the record merges; the PIN in it still does not.
        let (after, plan) = apply(&ours, &theirs, &only(RATNA));
        assert!(person(&plan, RATNA).merged());
        assert_eq!(
            after.employees.get(&id(RATNA)).unwrap().current().device,
            elsewhere(),
            "schema {schema_version}"
        );
        assert_eq!(after.locks, ours.locks);
        assert_ratna_pin_unchanged(&after);
        let pin = &after.lock_of(&id(RATNA)).unwrap().pin;
        assert!(verify_pin(RATNA_PIN, pin) && !verify_pin("0000", pin));
    }
}

#[test]
fn a_locks_table_in_a_file_never_replaces_her_pin() {
    let ours = shared(true);
    let mut forged = shared(false);
    forged.set_lock(
        &id(RATNA),
        ProfileLock {
            pin: attackers_pin(),
            signing: None,
        },
        &elsewhere(),
        t(2026, 11, 29),
    );
    rename(&mut forged, RATNA, "Ratna Diganti");
    let json = forged.to_json();
    assert!(json.contains("\"locks\""), "the forged file carries a lock");
    let theirs = read(json.as_bytes());
    for authorised in [nobody(), only(RATNA)] {
        let (after, _) = apply(&ours, &theirs, &authorised);
        assert_eq!(after.locks, ours.locks);
        assert_ratna_pin_unchanged(&after);
    }
}

#[test]
fn a_new_person_in_a_file_is_added() {
    let ours = shared(true);
    let mut other = shared(false);
    other.employees.upsert(Record::create(
        id("sari"),
        &elsewhere(),
        t(2026, 11, 29),
        employee("Sari Dewi", PositionKind::Pelaksana),
    ));
    other.activities.upsert(Record::create(
        id("sari-act"),
        &elsewhere(),
        t(2026, 11, 29),
        activity("sari", "Magang"),
    ));
    let theirs = file(&other, &["sari"]);
    let (after, plan) = apply(&ours, &theirs, &nobody());
    let p = person(&plan, "sari");
    assert!(p.new && !p.locked && p.merged());
    assert_eq!(p.name, "Sari Dewi");
    assert_eq!(p.report.table(RecordKind::Employees).added, 1);
    assert_eq!(p.report.table(RecordKind::Activities).added, 1);
    assert_eq!(after.employees.get(&id("sari")).unwrap().data().name, "Sari Dewi");
    assert!(after.activities.get(&id("sari-act")).is_some());
    assert_ratna_untouched(&ours, &after);
}

#[test]
fn a_profile_without_a_pin_is_changed_and_deleted_by_a_file() {
    let ours = shared(true);
    let mut other = shared(false);
    rename(&mut other, BUDI, "Budi Diganti");
    let (after, plan) = apply(&ours, &file(&other, &[BUDI]), &nobody());
    let p = person(&plan, BUDI);
    assert!(p.merged() && !p.locked);
    assert_eq!(after.employees.get(&id(BUDI)).unwrap().data().name, "Budi Diganti");

    let mut other = shared(false);
    other.employees.delete(&id(BUDI), &elsewhere(), t(2026, 11, 29));
    let (after, plan) = apply(&ours, &file(&other, &[BUDI]), &nobody());
    assert!(person(&plan, BUDI).merged());
    assert!(after.employees.get(&id(BUDI)).is_none());
}

/// A file record under the id of Ratna's activity, owned by `owner`.
fn foreign_record(mut other: Snapshot, owner: &str) -> Snapshot {
    // The file holds the record under the other owner only, not Ratna's copy of it.
    other.activities.retain(|r| r.id != id(RATNA_ACTIVITY));
    other.activities.upsert(Record::create(
        id(RATNA_ACTIVITY),
        &elsewhere(),
        t(2026, 11, 29),
        activity(owner, "Menimpa catatan Ratna"),
    ));
    other
}

#[test]
fn a_record_reusing_the_id_of_a_locked_colleagues_record_is_skipped_as_foreign() {
    for locked in [true, false] {
        let ours = shared(locked);
        // A new person whose record takes over the id of Ratna's activity.
        let mut other = Snapshot::default();
        other.employees.upsert(Record::create(
            id("mallory"),
            &elsewhere(),
            t(2026, 11, 29),
            employee("Mallory", PositionKind::Pelaksana),
        ));
        let theirs = file(&foreign_record(other, "mallory"), &["mallory"]);
        let (after, plan) = apply(&ours, &theirs, &only("mallory"));
        let p = person(&plan, "mallory");
        assert_eq!(p.skip, Some(Skip::ForeignRecords), "locked: {locked}");
        assert_eq!(
            p.report.table(RecordKind::Activities).updated,
            1,
            "what it would have changed"
        );
        assert!(after.employees.get(&id("mallory")).is_none());
        assert_eq!(after, ours, "locked: {locked}");
    }
}

#[test]
fn a_record_reusing_the_id_of_a_colleagues_record_under_an_unchanged_profile_is_listed_as_foreign() {
    let ours = shared(true);
    // Budi's profile in the file is the same as here; only the foreign record is new.
    let theirs = file(&foreign_record(shared(false), BUDI), &[BUDI]);
    assert_eq!(
        theirs.activities.get(&id(RATNA_ACTIVITY)).unwrap().owner(),
        Some(&id(BUDI))
    );
    let (after, plan) = apply(&ours, &theirs, &nobody());
    let p = person(&plan, BUDI);
    assert_eq!(p.skip, Some(Skip::ForeignRecords));
    assert_eq!(p.report.table(RecordKind::Activities).updated, 1);
    assert_eq!(after, ours);
}

#[test]
fn apply_decides_again_against_the_state_at_confirm_time() {
    let unlocked = shared(false);
    let theirs = renaming_file();
    let preview = plan(&unlocked, &theirs, &nobody());
    assert!(person(&preview, RATNA).merged(), "no PIN yet: the preview would merge");

    // Ratna sets a PIN while the preview is open; the confirmation must not merge her.
    let mut ours = unlocked.clone();
    ours.set_lock(&id(RATNA), ratna_lock(), &here(), now());
    let (after, plan) = apply(&ours, &theirs, &nobody());
    assert_eq!(person(&plan, RATNA).skip, Some(Skip::Locked));
    assert_ratna_untouched(&ours, &after);
}

#[test]
fn a_pin_set_again_after_being_removed_locks_the_profile() {
    let mut ours = shared(true);
    ours.remove_lock(&id(RATNA), &here(), t(2026, 3, 1));
    assert!(!ours.is_locked(&id(RATNA)));
    ours.set_lock(&id(RATNA), ratna_lock(), &here(), t(2026, 4, 1));
    assert!(ours.is_locked(&id(RATNA)));
    assert_skipped(&ours, &renaming_file(), &nobody(), Skip::Locked);
}

#[test]
fn people_the_file_does_not_change_are_counted_not_listed() {
    let ours = shared(true);
    let mut other = shared(false);
    rename(&mut other, RATNA, "Ratna Diganti");
    // Budi travels along unchanged.
    let theirs = file(&other, &[RATNA, BUDI]);
    assert!(theirs.employees.get(&id(BUDI)).is_some());
    let plan = plan(&ours, &theirs, &nobody());
    assert_eq!(plan.unchanged, 1);
    assert_eq!(plan.people.len(), 1, "{plan:#?}");
    assert_eq!(plan.people[0].id, id(RATNA));
}

/// Hand-written file: a new person "mallory" and a deletion under a derived id of Ratna's
/// (`kind`'s table), owned by mallory.
fn derived_id_tombstone_file(table: &str, record_id: &str) -> Vec<u8> {
    serde_json::json!({
        "format": "lentera", "schema_version": 2,
        "employees": [{
            "id": "mallory", "created_at": "2026-11-29T08:00:00Z", "clock": {"tab-x": 1}, "device": "tab-x",
            "updated_at": "2026-11-29T08:00:00Z",
            "data": {"nip": "199001012015031002", "name": "Mallory", "position": {"title": "Staf", "kind": "pelaksana"},
                     "unit": "Bagian Umum", "grade": "II/c"}
        }],
        table: [{
            "id": record_id, "created_at": "2026-11-29T08:00:00Z", "clock": {"tab-x": 1}, "device": "tab-x",
            "updated_at": "2026-11-29T08:00:00Z", "deleted": true, "owner": "mallory"
        }]
    })
    .to_string()
    .into_bytes()
}

#[test]
fn a_deletion_under_a_colleagues_derived_id_is_refused_at_import() {
    let plan_id = lentera::domain::model::plan::PlanItem::id_for(
        &id(RATNA),
        "M.01",
        &lentera::domain::model::plan::PlanAction::Mentoring,
    );
    for (table, record_id) in [("progress", progress_id()), ("plan", plan_id)] {
        let err = import(&derived_id_tombstone_file(table, record_id.as_str()), now())
            .expect_err("a record under Ratna's derived id owned by someone else");
        assert!(
            err.iter().any(|p| p.path.starts_with(table)
                && p.path.ends_with(".id")
                && p.text.en.contains("another employee")),
            "{table}: {err:?}"
        );
    }
}

#[test]
fn a_person_deleted_here_is_not_brought_back_by_a_file_but_their_deletions_merge() {
    let mut ours = shared(false);
    ours.erase_person(&id(BUDI), &here(), t(2026, 11, 10));
    // A device that never heard of the deletion recorded an activity for Budi.
    let mut other = shared(false);
    other.activities.upsert(Record::create(
        id("budi-act-new"),
        &elsewhere(),
        t(2026, 11, 20),
        activity(BUDI, "Pelatihan setelah dihapus"),
    ));
    let theirs = file(&other, &[BUDI]);
    let (after, plan) = apply(&ours, &theirs, &nobody());
    assert_eq!(person(&plan, BUDI).skip, Some(Skip::Erased));
    assert_eq!(after, ours, "nothing of Budi's comes back");

    // A file holding only deletions of his merges (it changes nothing that is not already gone).
    let mut gone = shared(false);
    gone.erase_person(&id(BUDI), &elsewhere(), t(2026, 11, 12));
    let deletions = file(&gone, &[BUDI]);
    let (_, plan) = apply(&ours, &deletions, &nobody());
    assert!(plan.people.iter().all(|p| p.skip.is_none()), "{plan:#?}");
}

/// Budi's activity edited on `n` devices that never saw each other's edits, from `first` on.
fn concurrent_edits(base: &Snapshot, first: usize, n: usize) -> Snapshot {
    let mut out = base.clone();
    for k in first..first + n {
        let mut copy = base.clone();
        let r = copy.activities.get_mut(&id("budi-act-1")).unwrap();
        let mut a = r.data().clone();
        a.hours = 1.0 + k as f64;
        r.edit(&device(&format!("tab-{k}")), t(2026, 11, 20), a);
        out = lentera::domain::snapshot::merge::merge(&out, &copy).0;
    }
    out
}

#[test]
fn a_file_that_would_grow_a_record_past_the_version_bound_is_skipped() {
    use lentera::domain::snapshot::bounds::MAX_VERSIONS;
    let base = shared(false);
    let ours = concurrent_edits(&base, 0, 20);
    assert_eq!(ours.activities.get(&id("budi-act-1")).unwrap().versions().len(), 20);
    // Another 20 concurrent versions: each file is within the bound, together they are not.
    let other = concurrent_edits(&base, 100, 20);
    let theirs = file(&other, &[BUDI]);
    let (after, plan) = apply(&ours, &theirs, &nobody());
    assert_eq!(person(&plan, BUDI).skip, Some(Skip::TooManyVersions));
    assert_eq!(after, ours);
    assert!(after.activities.all().all(|r| r.versions().len() <= MAX_VERSIONS));
    // A few more versions still merge.
    let few = file(&concurrent_edits(&base, 200, 5), &[BUDI]);
    let (after, plan) = apply(&ours, &few, &nobody());
    assert_eq!(person(&plan, BUDI).skip, None);
    assert_eq!(after.activities.get(&id("budi-act-1")).unwrap().versions().len(), 25);
}

#[test]
fn export_all_takes_open_profiles_and_deletions_never_a_locked_one_without_her_pin() {
    use lentera::domain::snapshot::export::exportable;
    let mut s = shared(true);
    s.employees.upsert(Record::create(
        id("gone"),
        &here(),
        t(2026, 3, 1),
        employee("Sudah Dihapus", PositionKind::Pelaksana),
    ));
    s.erase_person(&id("gone"), &here(), t(2026, 3, 2));
    let ids = |v: Vec<Id>| v.into_iter().map(|i| i.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(exportable(&s, &nobody())),
        [BUDI, "gone"],
        "Ratna is locked and did not authorise"
    );
    assert_eq!(ids(exportable(&s, &only(RATNA))), [BUDI, "gone", RATNA]);
    // An export of exactly that list never carries her.
    let info = ExportInfo {
        app_version: "0.1.0".into(),
        device: here(),
        exported_at: now(),
        employees: exportable(&s, &nobody()),
        packs: vec![],
    };
    let file = export(&s, info).to_json();
    assert!(!file.contains("Ratna") && !file.contains(RATNA_NIP) && !file.contains("pbkdf2"));
}
