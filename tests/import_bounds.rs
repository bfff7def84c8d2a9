//! Import bounds (`snapshot::bounds`): each one refuses a crafted file with the place in the
//! file and a reason in both languages, and lets the largest allowed value through. Then: PIN
//! locks never leave the device in an export and are never read from a file, while the
//! device's own store keeps them (and moves old schema-1 PINs into them).

mod common;

use chrono::{DateTime, Duration, Utc};
use common::*;
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::evaluation::{Performance, Rating};
use lentera::domain::model::lock::ProfileLock;
use lentera::domain::model::progress::{Completion, Progress};
use lentera::domain::pin::{hash_pin, verify_pin};
use lentera::domain::record::Record;
use lentera::domain::snapshot::bounds::{
    fits_device, MAX_COUNTER, MAX_EMPLOYEE_ID_CHARS, MAX_NAME_CHARS, MAX_VERSIONS,
};
use lentera::domain::snapshot::export::export;
use lentera::domain::snapshot::import::{import, import_stored, Problem};
use lentera::domain::snapshot::stored;
use lentera::domain::snapshot::{ExportInfo, Snapshot};
use serde_json::{json, Value};

/// The importing device's clock: 30 November 2026, 08:00 UTC.
fn now() -> DateTime<Utc> {
    t(2026, 11, 30)
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn progress_id() -> lentera::domain::record::Id {
    Progress::id_for(&id("e1"), "pack-a", "mod-1")
}

/// One employee with one activity, one rating (with a multi-line note) and one completed
/// module: `employees[0]`, `activities[0]`, `ratings[0]`, `progress[0]`.
fn base_snapshot() -> Snapshot {
    let a = device("dev-a");
    let at = t(2026, 1, 1);
    let mut s = Snapshot::default();
    s.employees
        .upsert(employee_record("e1", "Siti Aminah", PositionKind::Pengawas));
    s.activities.upsert(Record::create(
        id("a1"),
        &a,
        at,
        Activity {
            employee: id("e1"),
            title: "Bimbingan teknis arsip".into(),
            method: Method::BimbinganTeknis,
            start: d(2026, 3, 2),
            end: d(2026, 3, 3),
            hours: 8.0,
            competencies: vec![],
            evidence: String::new(),
            session: None,
        },
    ));
    s.ratings.upsert(Record::create(
        id("r1"),
        &a,
        at,
        Rating {
            employee: id("e1"),
            year: 2026,
            half: 2,
            performance: Performance::Meets,
            potential: None,
            rater: "Ibu Kepala".into(),
            date: d(2026, 11, 1),
            note: "Baris satu.\nBaris dua.".into(),
            signature: None,
        },
    ));
    let mut p = Progress::new(id("e1"), "pack-a".into(), "mod-1".into());
    p.completion = Some(Completion {
        at,
        attempt: id("q1"),
        jp: 2.0,
    });
    s.progress.upsert(Record::create(progress_id(), &a, at, p));
    s
}

fn base() -> Value {
    serde_json::from_str(&base_snapshot().to_json()).unwrap()
}

fn accepted(doc: &Value) -> Snapshot {
    import(doc.to_string().as_bytes(), now()).unwrap_or_else(|e| panic!("should be accepted: {e:?}"))
}

/// The problems `doc` is refused with; each names a place and speaks both languages.
fn refusal(doc: &Value) -> Vec<Problem> {
    let problems = import(doc.to_string().as_bytes(), now()).expect_err("the file should be refused");
    for p in &problems {
        assert!(!p.path.is_empty(), "{p:?}");
        assert!(!p.text.id.is_empty() && !p.text.en.is_empty(), "{p:?}");
    }
    problems
}

/// `doc` is refused at `path` with an English reason containing `reason`.
fn assert_refused_at(doc: &Value, path: &str, reason: &str) {
    let problems = refusal(doc);
    assert!(
        problems.iter().any(|p| p.path == path && p.text.en.contains(reason)),
        "expected `{path}: …{reason}…`, got {problems:#?}"
    );
}

#[test]
fn the_base_file_is_accepted() {
    assert_eq!(accepted(&base()), base_snapshot());
}

#[test]
fn a_clock_counter_above_two_to_the_32_is_refused_and_two_to_the_32_is_accepted() {
    for counter in [u64::MAX, MAX_COUNTER + 1] {
        let mut doc = base();
        doc["employees"][0]["clock"] = json!({ "dev-a": counter });
        assert_refused_at(&doc, "employees[id=e1].clock", "implausible edit counter");
    }
    let mut doc = base();
    doc["employees"][0]["clock"] = json!({ "dev-a": MAX_COUNTER });
    let s = accepted(&doc);
    let clock = &s.employees.get(&id("e1")).unwrap().current().clock;
    assert_eq!(clock.get(&device("dev-a")), 1 << 32);
}

#[test]
fn a_clock_counter_above_two_to_the_32_in_a_conflict_version_is_refused() {
    let mut doc = base();
    let mut other = doc["employees"][0].clone();
    other["clock"] = json!({ "dev-b": u64::MAX });
    other["device"] = json!("dev-b");
    doc["employees"][0]["conflicts"] = json!([other]);
    assert_refused_at(&doc, "employees[id=e1].clock", "implausible edit counter");
}

/// Employee `e1` with `n` mutually concurrent versions (each written by its own device).
fn with_concurrent_versions(n: usize) -> Value {
    let mut doc = base();
    let winner = doc["employees"][0].clone();
    let conflicts: Vec<Value> = (1..n)
        .map(|i| {
            json!({
                "clock": { format!("dev-{i}"): 1 },
                "device": format!("dev-{i}"),
                "updated_at": winner["updated_at"],
                "data": winner["data"],
            })
        })
        .collect();
    doc["employees"][0]["conflicts"] = Value::Array(conflicts);
    doc
}

#[test]
fn a_record_with_more_than_max_versions_is_refused_and_max_versions_are_accepted() {
    let s = accepted(&with_concurrent_versions(MAX_VERSIONS));
    assert_eq!(s.employees.get(&id("e1")).unwrap().versions().len(), MAX_VERSIONS);
    assert_refused_at(
        &with_concurrent_versions(MAX_VERSIONS + 1),
        "employees[id=e1]",
        "too many versions (33; max. 32)",
    );
}

#[test]
fn a_twenty_megabyte_name_is_refused() {
    let mut doc = base();
    doc["employees"][0]["data"]["name"] = json!("A".repeat(20_000_000));
    assert_refused_at(&doc, "employees[0].data.name", "text too long");
}

#[test]
fn a_name_is_refused_above_max_name_chars_and_accepted_at_it() {
    let mut doc = base();
    doc["employees"][0]["data"]["name"] = json!("é".repeat(MAX_NAME_CHARS));
    accepted(&doc);
    doc["employees"][0]["data"]["name"] = json!("é".repeat(MAX_NAME_CHARS + 1));
    assert_refused_at(&doc, "employees[0].data.name", "text too long");
}

#[test]
fn a_name_with_a_direction_override_a_control_character_or_a_line_break_is_refused() {
    for name in [
        "Siti\u{202E}hanimA",
        "Siti\u{2066}Aminah",
        "Siti\u{0007}Aminah",
        "Siti\nAminah",
        "Siti\u{0085}Aminah",
    ] {
        let mut doc = base();
        doc["employees"][0]["data"]["name"] = json!(name);
        assert_refused_at(&doc, "employees[0].data.name", "control or direction-override");
    }
    let mut doc = base();
    doc["activities"][0]["data"]["title"] = json!("Bimtek\r\narsip");
    assert_refused_at(&doc, "activities[0].data.title", "line break");
}

#[test]
fn a_note_with_a_line_break_is_accepted_but_not_with_a_direction_override() {
    let s = accepted(&base());
    assert_eq!(s.ratings.get(&id("r1")).unwrap().data().note, "Baris satu.\nBaris dua.");
    let mut doc = base();
    doc["ratings"][0]["data"]["note"] = json!("Baris satu.\u{202E}");
    assert_refused_at(&doc, "ratings[0].data.note", "direction-override");
}

#[test]
fn a_timestamp_in_the_year_9999_is_refused() {
    // The strict RFC 3339 form and the relaxed forms the date parser also reads.
    for at in [
        "9999-01-01T00:00:00Z",
        "9999-01-01 00:00:00Z",
        "9999-01-01t00:00:00z",
        "9999-01-01T00:00:00 UTC",
    ] {
        let mut doc = base();
        doc["employees"][0]["updated_at"] = json!(at);
        assert_refused_at(&doc, "employees[0].updated_at", "in the future");
    }
}

#[test]
fn a_date_three_days_ahead_is_refused() {
    for date in ["2026-12-03", " 2026-12-03", "2026-12-03 "] {
        let mut doc = base();
        doc["ratings"][0]["data"]["date"] = json!(date);
        assert_refused_at(&doc, "ratings[0].data.date", "in the future");
    }
}

#[test]
fn a_timestamp_twelve_hours_ahead_is_accepted_and_three_days_ahead_is_refused() {
    let mut doc = base();
    let soon = now() + Duration::hours(12);
    doc["employees"][0]["updated_at"] = json!(rfc3339(soon));
    doc["progress"][0]["data"]["completion"]["at"] = json!(rfc3339(soon));
    let s = accepted(&doc);
    assert_eq!(s.employees.get(&id("e1")).unwrap().updated_at(), soon);

    doc["progress"][0]["data"]["completion"]["at"] = json!(rfc3339(now() + Duration::days(3)));
    assert_refused_at(&doc, "progress[0].data.completion.at", "in the future");
}

#[test]
fn two_records_with_one_id_in_one_table_are_refused() {
    let mut doc = base();
    let copy = doc["employees"][0].clone();
    doc["employees"].as_array_mut().unwrap().push(copy);
    assert_refused_at(&doc, "employees[1].id", "already used by employees[0]");

    let mut doc = base();
    let mut copy = doc["activities"][0].clone();
    copy["data"]["hours"] = json!(3.0);
    doc["activities"].as_array_mut().unwrap().push(copy);
    assert_refused_at(&doc, "activities[1].id", "already used by activities[0]");
}

#[test]
fn an_employee_id_of_41_characters_is_refused_and_40_are_accepted() {
    let with_employee = |key: &str| {
        let mut doc = base();
        let mut e = doc["employees"][0].clone();
        e["id"] = json!(key);
        doc["employees"].as_array_mut().unwrap().push(e);
        doc
    };
    let ok = "e".repeat(MAX_EMPLOYEE_ID_CHARS);
    assert!(accepted(&with_employee(&ok)).employees.get(&id(&ok)).is_some());
    let long = "e".repeat(MAX_EMPLOYEE_ID_CHARS + 1);
    assert_refused_at(
        &with_employee(&long),
        &format!("employees[id={long}].id"),
        "employee id too long",
    );
}

#[test]
fn completion_jp_must_be_above_zero_and_at_most_200() {
    for jp in [json!(-997333), json!(0), json!(0.0), json!(201), json!(200.5)] {
        let mut doc = base();
        doc["progress"][0]["data"]["completion"]["jp"] = jp.clone();
        assert_refused_at(&doc, "progress[0].data.completion.jp", "completion JP");
    }
    let mut doc = base();
    doc["progress"][0]["data"]["completion"]["jp"] = json!(200);
    let s = accepted(&doc);
    assert_eq!(
        s.progress
            .get(&progress_id())
            .unwrap()
            .data()
            .completion
            .as_ref()
            .unwrap()
            .jp,
        200.0
    );
}

#[test]
fn a_record_whose_versions_name_different_employees_is_refused() {
    let mut doc = base();
    let mut e2 = doc["employees"][0].clone();
    e2["id"] = json!("e2");
    doc["employees"].as_array_mut().unwrap().push(e2);
    let activity = doc["activities"][0].clone();

    // A concurrent edit that names another employee.
    let mut edit = activity.clone();
    edit.as_object_mut().unwrap().remove("id");
    edit.as_object_mut().unwrap().remove("created_at");
    edit["clock"] = json!({"dev-b": 1});
    edit["device"] = json!("dev-b");
    edit["data"]["employee"] = json!("e2");
    // A concurrent deletion that keeps another owner.
    let deletion = json!({
        "clock": {"dev-c": 1}, "device": "dev-c", "updated_at": activity["updated_at"],
        "deleted": true, "owner": "e2",
    });
    for other in [edit, deletion] {
        let mut doc = doc.clone();
        doc["activities"][0]["conflicts"] = json!([other]);
        assert_refused_at(&doc, "activities[0].data.employee", "do not name the same employee");
    }
}

#[test]
fn fits_device_needs_four_times_the_file_in_free_storage() {
    assert!(fits_device(0, 0, 0).is_ok());
    assert!(fits_device(25, 0, 100).is_ok());
    assert!(fits_device(26, 0, 100).is_err());
    assert!(fits_device(10, 60, 100).is_ok());
    assert!(fits_device(11, 60, 100).is_err());
    // More used than the quota (another site's data, a stale estimate): no space, no underflow.
    assert!(fits_device(1, 200, 100).is_err());
    // Sizes near u64::MAX do not overflow into "fits".
    assert!(fits_device(u64::MAX, 0, u64::MAX).is_err());
    assert!(fits_device(u64::MAX / 4 + 1, 0, u64::MAX).is_err());
    assert!(fits_device(u64::MAX / 4, 0, u64::MAX).is_ok());

    let err = fits_device(30_000_000, 20_000_000, 120_000_000).unwrap_err();
    assert!(
        err.en.contains("(30.0 MB)") && err.en.contains("about 25.0 MB"),
        "{}",
        err.en
    );
    assert!(
        err.id.contains("(30.0 MB)") && err.id.contains("sekitar 25.0 MB"),
        "{}",
        err.id
    );
}

// --- PIN locks: device-local only ------------------------------------------------------------

fn locked_snapshot() -> Snapshot {
    let mut s = base_snapshot();
    s.set_lock(
        &id("e1"),
        ProfileLock {
            pin: hash_pin("2468", [7; 16]),
            signing: None,
        },
        &device("dev-a"),
        t(2026, 2, 1),
    );
    s
}

#[test]
fn an_export_never_contains_locks_or_a_pin() {
    let s = locked_snapshot();
    assert!(
        s.to_json().contains("\"locks\""),
        "the device's own snapshot keeps the lock"
    );
    let info = ExportInfo {
        app_version: "0.1.0".into(),
        device: device("dev-a"),
        exported_at: t(2026, 11, 29),
        employees: vec![id("e1")],
        packs: vec![],
    };
    let exported = export(&s, info);
    assert_eq!(exported.employees.len(), 1);
    let json = exported.to_json();
    assert!(!json.contains("\"locks\"") && !json.contains("\"pin\""), "{json}");
    assert!(!json.contains(&s.lock_of(&id("e1")).unwrap().pin.hash));
}

#[test]
fn import_of_a_file_with_a_locks_key_yields_no_locks() {
    let json = locked_snapshot().to_json();
    assert!(json.contains("\"locks\""));
    let s = import(json.as_bytes(), now()).unwrap();
    assert!(s.locks.is_empty());
    assert!(!s.is_locked(&id("e1")));
}

/// A schema-1 store: the PIN hash inside the employee record.
fn schema_1_store() -> Vec<u8> {
    let mut doc = base();
    doc["schema_version"] = json!(1);
    doc["employees"][0]["data"]["pin"] = serde_json::to_value(hash_pin("2468", [7; 16])).unwrap();
    doc.to_string().into_bytes()
}

#[test]
fn the_devices_own_schema_1_store_turns_a_pin_into_a_lock_and_a_file_does_not() {
    let bytes = schema_1_store();
    let s = import_stored(&bytes).unwrap();
    let lock = s.lock_of(&id("e1")).expect("the PIN became a lock");
    assert!(verify_pin("2468", &lock.pin) && !verify_pin("2469", &lock.pin));
    assert_eq!(s.locks.len(), 1);
    assert!(!serde_json::to_string(&s.employees).unwrap().contains("\"pin\""));

    let file = import(&bytes, now()).unwrap();
    assert!(file.locks.is_empty());
    assert!(!file.to_json().contains("\"pin\""));
}

#[test]
fn the_stored_form_round_trips_locks() {
    let s = locked_snapshot();
    let encoded = stored::encode(4, &s);
    let (revision, back) = stored::decode(&encoded).unwrap();
    assert_eq!(revision, 4);
    assert_eq!(back.locks, s.locks);
    assert_eq!(back, s);

    let from_v1 = import_stored(&schema_1_store()).unwrap();
    let (_, back) = stored::decode(&stored::encode(5, &from_v1)).unwrap();
    assert_eq!(back.locks, from_v1.locks);
    assert!(back.is_locked(&id("e1")));
}
