//! Import: bad files are refused with a clear reason and a path; good ones round-trip; every
//! released schema's fixture migrates to the current format.

mod common;

use common::*;
use lentera::domain::lang::Lang;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::snapshot::export::{export, file_name};
use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::{ExportInfo, Snapshot, MAX_IMPORT_BYTES, SCHEMA_VERSION};

/// The importing device's clock in these tests.
fn now() -> chrono::DateTime<chrono::Utc> {
    t(2026, 11, 30)
}

fn messages(bytes: &[u8]) -> Vec<String> {
    import(bytes, now())
        .unwrap_err()
        .iter()
        .map(|p| p.message(Lang::Id))
        .collect()
}

#[test]
fn empty_and_invalid_files_are_refused_in_indonesian() {
    assert_eq!(messages(b""), ["Berkas kosong."]);
    assert_eq!(messages(b"  \n "), ["Berkas kosong."]);
    assert!(messages(b"{\"format\": ")
        .first()
        .unwrap()
        .starts_with("Berkas bukan JSON yang sah"));
    assert_eq!(messages(b"[1,2,3]"), ["Berkas ini bukan ekspor Lentera."]);
    assert_eq!(messages(br#"{"name": "x"}"#), ["Berkas ini bukan ekspor Lentera."]);
    let pack = messages(br#"{"format": "lentera-pack", "id": "x"}"#);
    assert!(pack[0].contains("paket konten"), "{pack:?}");
}

#[test]
fn a_newer_schema_is_refused_with_advice_to_update() {
    let doc = format!(r#"{{"format": "lentera", "schema_version": {}}}"#, SCHEMA_VERSION + 1);
    let err = import(doc.as_bytes(), now()).unwrap_err();
    assert_eq!(err[0].path, "schema_version");
    assert!(err[0].message(Lang::Id).contains("Perbarui aplikasi"));
    assert!(err[0].message(Lang::En).contains("Update the app"));
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert!(messages(&big)[0].starts_with("Berkas terlalu besar"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(import(deep.as_bytes(), now()).is_err());
}

fn one_employee_export() -> String {
    let mut s = Snapshot::default();
    s.employees
        .upsert(employee_record("e1", "Siti Aminah", PositionKind::Pengawas));
    s.to_json()
}

#[test]
fn every_bad_record_is_reported_with_its_path_and_a_precise_reason() {
    let good: serde_json::Value = serde_json::from_str(&one_employee_export()).unwrap();
    let mut doc = good.clone();
    let e0 = doc["employees"][0].clone();
    let mut bad_nip = e0.clone();
    bad_nip["id"] = "e2".into();
    bad_nip["data"]["nip"] = "198503122010013002".into(); // sex digit 3
    let mut bad_grade = e0.clone();
    bad_grade["id"] = "e3".into();
    bad_grade["data"]["grade"] = "V/z".into();
    let mut no_name = e0.clone();
    no_name["id"] = "e4".into();
    no_name["data"].as_object_mut().unwrap().remove("name");
    let mut bad_kind = e0.clone();
    bad_kind["id"] = "e5".into();
    bad_kind["data"]["position"]["kind"] = "raja".into();
    let mut bad_time = e0.clone();
    bad_time["id"] = "e6".into();
    bad_time["updated_at"] = "kemarin sore".into();
    let mut bad_type = e0.clone();
    bad_type["id"] = "e7".into();
    bad_type["data"]["name"] = 42.into();
    let mut bad_id = e0.clone();
    bad_id["id"] = "e8".into();
    bad_id["data"]["supervisor"] = "bukan id!".into();
    doc["employees"] = serde_json::json!([e0, bad_nip, bad_grade, no_name, bad_kind, bad_time, bad_type, bad_id]);
    let err = import(doc.to_string().as_bytes(), now()).unwrap_err();
    let got: Vec<(String, String)> = err.iter().map(|p| (p.path.clone(), p.text.id.clone())).collect();
    assert_eq!(got.len(), 7, "{got:#?}");
    assert_eq!(got[0].0, "employees[1].data.nip");
    assert!(got[0].1.contains("jenis kelamin"), "{got:?}");
    assert_eq!(got[1].0, "employees[2].data.grade");
    assert!(got[1].1.contains("golongan"));
    assert_eq!(got[2].0, "employees[3].data");
    assert!(got[2].1.contains("kolom \"name\" wajib ada"), "{got:?}");
    assert_eq!(got[3].0, "employees[4].data.position.kind");
    assert!(got[3].1.contains("nilai \"raja\" tidak dikenal"), "{got:?}");
    assert!(
        got[4].0.starts_with("employees[5]") && got[4].1.contains("tanggal/waktu"),
        "{got:?}"
    );
    assert_eq!(got[5].0, "employees[6].data.name");
    assert!(got[5].1.contains("jenis nilai salah"), "{got:?}");
    assert_eq!(got[6].0, "employees[7].data.supervisor");
    assert!(got[6].1.contains("id tidak sah"), "{got:?}");
    assert!(err.iter().all(|p| !p.text.en.is_empty()));
}

#[test]
fn records_must_belong_to_an_employee_in_the_file() {
    let mut doc: serde_json::Value = serde_json::from_str(&one_employee_export()).unwrap();
    let a = serde_json::json!({
        "id": "a1", "created_at": "2026-01-01T00:00:00Z", "clock": {"dev-a": 1}, "device": "dev-a",
        "updated_at": "2026-01-01T00:00:00Z",
        "data": {"employee": "ghost", "kind": "self_assessment", "status": "final", "date": "2026-01-01",
                 "entries": [{"competency": "M.01", "level": 7}]}
    });
    doc["assessments"] = serde_json::json!([a]);
    let err = import(doc.to_string().as_bytes(), now()).unwrap_err();
    let paths: Vec<_> = err.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["assessments[0].data.employee", "assessments[0].data.entries"]);
}

#[test]
fn script_in_names_is_kept_as_plain_text() {
    let mut s = Snapshot::default();
    let mut r = employee_record("e1", "<script>alert(1)</script>", PositionKind::Pengawas);
    let mut e = r.data().clone();
    e.unit = "<img src=x onerror=alert(1)>".into();
    r.edit(&device("dev-a"), t(2026, 2, 1), e);
    s.employees.upsert(r);
    let back = import(s.to_json().as_bytes(), now()).unwrap();
    let e = back.employees.get(&id("e1")).unwrap().data();
    assert_eq!(e.name, "<script>alert(1)</script>");
}

#[test]
fn export_then_import_is_identity_and_names_the_file() {
    let cat = lentera::domain::generate::catalog(7, 12);
    let s = lentera::domain::generate::cohort(7, 25, &cat, d(2026, 11, 22), 2);
    let info = ExportInfo {
        app_version: "0.1.0".into(),
        device: device("dev-x"),
        exported_at: t(2026, 11, 22),
        employees: s.employees.all().map(|r| r.id.clone()).collect(),
        packs: vec![],
    };
    let exported = export(&s, info.clone());
    assert_eq!(exported.employees.len(), s.employees.len());
    // An empty choice exports nobody, never everyone.
    let nobody = export(
        &s,
        ExportInfo {
            employees: vec![],
            ..info.clone()
        },
    );
    assert!(nobody.employees.is_empty() && nobody.assessments.is_empty());
    let back = import(exported.to_json().as_bytes(), now()).unwrap();
    assert_eq!(back, exported);
    assert_eq!(back.export.as_ref().unwrap().device, info.device);

    // A chosen employee takes exactly their own records along.
    let one = s.employees.records().next().unwrap().id.clone();
    let mine = export(
        &s,
        ExportInfo {
            employees: vec![one.clone()],
            ..info
        },
    );
    assert_eq!(mine.employees.len(), 1);
    assert!(mine.assessments.records().all(|r| r.data().employee == one));
    assert_eq!(
        mine.assessments.len(),
        s.assessments.records().filter(|r| r.data().employee == one).count()
    );
    assert_eq!(
        file_name("Siti Aminah, S.Kom.", d(2026, 11, 22)),
        "lentera-siti-aminah-s-kom-2026-11-22.json"
    );
    assert_eq!(file_name("<>", d(2026, 1, 2)), "lentera-data-2026-01-02.json");
}

/// Every released schema version has a fixture; each must import (migrating if older) and
/// export again in the current format, unchanged in content.
#[test]
fn every_released_fixture_migrates_to_the_current_format() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = Vec::new();
    for v in 1..=SCHEMA_VERSION {
        let path = dir.join(format!("export-v{v}.json"));
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
        let s = import(&bytes, now()).unwrap_or_else(|e| panic!("fixture v{v}: {e:?}"));
        assert_eq!(s.schema_version, SCHEMA_VERSION);
        assert!(s.employees.len() >= 2, "fixture v{v} should hold real records");
        let again = import(s.to_json().as_bytes(), now()).unwrap();
        assert_eq!(again, s);
        // Schema 1 files carry PIN hashes and tombstones with data: neither survives reading.
        assert!(!s.to_json().contains("\"pin\""), "fixture v{v} kept a PIN");
        assert!(s.locks.is_empty());
        let deleted: Vec<_> = s.activities.all().filter(|r| r.is_erased()).collect();
        assert_eq!(deleted.len(), 1, "fixture v{v}");
        assert!(deleted[0].versions()[0].data.is_none() && deleted[0].owner().is_some());
        seen.push(v);
    }
    assert_eq!(seen.len() as u32, SCHEMA_VERSION);
}
