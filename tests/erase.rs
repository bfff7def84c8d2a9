//! Erasing a person (`Snapshot::erase_person`): nothing of theirs is left but ids, clocks,
//! times and whose records they were; the erasure travels to other devices and erases there
//! too; their PIN is gone.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use common::*;
use lentera::domain::model::lock::ProfileLock;
use lentera::domain::pin::hash_pin;
use lentera::domain::record::DeviceId;
use lentera::domain::snapshot::export::export;
use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::merge::merge;
use lentera::domain::snapshot::{ExportInfo, Snapshot};
use serde_json::Value;

const RATNA: &str = "ratna";

/// Everything personal about Ratna: none of it may be left after she is erased.
const PERSONAL: [&str; 11] = [
    "Ratna Sari",
    "199002142015032001",
    "Analis Kepegawaian",
    "Bagian Umum Ratna",
    "Seminar kearsipan digital",
    "Sertifikat 123/ARSIP",
    "Sangat teliti",
    "Pelayanan ramah sekali",
    "Catatan penilaian diri",
    "Catatan rencana",
    "lesson-secret",
];

fn now() -> DateTime<Utc> {
    t(2026, 11, 30)
}

fn tab_a() -> DeviceId {
    device("tab-a")
}

fn tab_b() -> DeviceId {
    device("tab-b")
}

/// Ratna with one record of every kind (plus Budi, who stays), as both tablets have it.
fn shared() -> Snapshot {
    one_record_of_every_kind(RATNA)
}

/// Tablet A, where Ratna has a PIN, after erasing her.
fn erased_on_a() -> Snapshot {
    let mut s = shared();
    s.set_lock(
        &id(RATNA),
        ProfileLock {
            pin: hash_pin("2468", [7; 16]),
            signing: None,
        },
        &tab_a(),
        t(2026, 2, 1),
    );
    assert!(s.is_locked(&id(RATNA)));
    s.erase_person(&id(RATNA), &tab_a(), now());
    s
}

/// Every record of Ratna in the serialized snapshot keeps only ids, clocks, times, devices, the
/// deletion mark and the owner; none of her personal data appears anywhere.
fn assert_nothing_personal_left(s: &Snapshot) {
    let json = s.to_json();
    for text in PERSONAL {
        assert!(!json.contains(text), "{text:?} is still in {json}");
    }
    let doc: Value = serde_json::from_str(&json).unwrap();
    let allowed = ["id", "created_at", "clock", "device", "updated_at", "deleted", "owner"];
    let mut hers = 0;
    for (key, table) in doc.as_object().unwrap() {
        let Some(records) = table.as_array() else { continue };
        for r in records {
            let id = r["id"].as_str().unwrap();
            if id == RATNA || id.starts_with("ratna") || id.contains(":ratna:") {
                hers += usize::from(key != "locks");
                for field in r.as_object().unwrap().keys() {
                    assert!(allowed.contains(&field.as_str()), "{key}: {field} left in {r}");
                }
                assert_eq!(r["deleted"], Value::Bool(true), "{key}: {r}");
                if key != "employees" && key != "locks" {
                    assert_eq!(r["owner"], Value::from(RATNA), "{key}: {r}");
                }
            }
        }
    }
    assert_eq!(hers, 7, "the erasure of each of her records is kept so it can travel");
}

#[test]
fn erasing_a_person_leaves_only_ids_clocks_times_and_owner() {
    let before = shared().to_json();
    assert!(
        PERSONAL.iter().all(|text| before.contains(text)),
        "every personal text was there"
    );
    let s = erased_on_a();
    assert!(s.employees.get(&id(RATNA)).is_none());
    assert_eq!(s.activities.records().count(), 1, "Budi's activity stays");
    assert!(s.employees.get(&id("budi")).is_some());
    assert_nothing_personal_left(&s);
}

#[test]
fn erasing_a_person_removes_their_pin() {
    let s = erased_on_a();
    assert!(s.lock_of(&id(RATNA)).is_none() && !s.is_locked(&id(RATNA)));
    let json = s.to_json();
    let pin = hash_pin("2468", [7; 16]);
    assert!(!json.contains(&pin.hash) && !json.contains(&pin.salt));
}

#[test]
fn an_erasure_merges_into_another_devices_copy_and_erases_there_in_either_order() {
    let a = erased_on_a();
    // Tablet B still has everything (and has kept working on Budi).
    let mut b = shared();
    let r = b.employees.get_mut(&id("budi")).unwrap();
    let mut budi = r.data().clone();
    budi.name = "Budi S.".into();
    r.edit(&tab_b(), t(2026, 11, 2), budi);

    let ab = merge(&a, &b).0;
    let ba = merge(&b, &a).0;
    assert_eq!(ab, ba);
    for s in [&ab, &ba] {
        assert_nothing_personal_left(s);
        assert_eq!(s.employees.get(&id("budi")).unwrap().data().name, "Budi S.");
        assert!(!s.is_locked(&id(RATNA)));
    }

    // The same through a file: A exports Ratna's erasure, B imports it.
    let info = ExportInfo {
        app_version: "0.1.0".into(),
        device: tab_a(),
        exported_at: now(),
        employees: vec![id(RATNA)],
        packs: vec![],
    };
    let file = import(export(&a, info).to_json().as_bytes(), now()).unwrap();
    assert_nothing_personal_left(&file);
    let people = BTreeSet::from([id(RATNA)]);
    for s in [merge(&b, &file).0, merge(&file, &b).0] {
        assert_nothing_personal_left(&s);
        assert_eq!(s.restricted_to(&people), ab.restricted_to(&people));
    }
}

/// On tablet B Ratna has no PIN, so a file that deletes only her profile (an old device that
/// never learnt of her other records) is allowed: the rest of her data then goes too, as if
/// she had erased herself there.
#[test]
fn a_profile_deleted_by_a_file_takes_the_rest_of_the_persons_data_with_it() {
    use lentera::domain::snapshot::authority::apply;
    let b = shared();
    let mut only_profile = Snapshot::default();
    let mut deleted = shared();
    assert!(deleted.employees.delete(&id(RATNA), &tab_a(), now()));
    only_profile
        .employees
        .upsert(deleted.employees.get_any(&id(RATNA)).unwrap().clone());
    let file = import(only_profile.to_json().as_bytes(), now()).unwrap();
    let (mut after, plan) = apply(&b, &file, &BTreeSet::new());
    assert!(plan.people.iter().all(|p| p.skip.is_none()), "{plan:#?}");
    assert!(after.employees.get(&id(RATNA)).is_none());
    assert!(
        after.activities.records().any(|r| r.owner() == Some(&id(RATNA))),
        "only the profile went"
    );
    assert_eq!(after.erase_deleted_people(&tab_b(), now()), 1);
    assert_nothing_personal_left(&after);
    assert_eq!(after.erase_deleted_people(&tab_b(), now()), 0, "nothing left to erase");
}
