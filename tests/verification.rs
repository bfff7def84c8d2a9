//! Supervisor verification signed with the supervisor's own PIN (`snapshot::evaluation`,
//! `domain::signing`, `rules::proof`).
//!
//! Tablet A holds Ratna (an analyst) and Budi, her supervisor, each with a PIN. Budi signs
//! Ratna's evaluation there; the records then travel by file to tablet B and to the trainer's
//! cohort, where the signature must still check, and where any change to them must show.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use common::*;
use lentera::domain::catalog::Catalog;
use lentera::domain::model::assessment::AssessmentKind;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::evaluation::Performance;
use lentera::domain::model::lock::{PinHash, ProfileLock};
use lentera::domain::pin::{hash_pin, Attempts, Refusal};
use lentera::domain::record::{DeviceId, Id, Record};
use lentera::domain::rules::levels::LevelSource;
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::proof::{proof_of, Proof};
use lentera::domain::signing::SecretKey;
use lentera::domain::snapshot::authority::{apply, apply_all, Skip};
use lentera::domain::snapshot::evaluation::{signers, unlock_signer, EvaluationForm, Fresh, SignRefusal, Signer};
use lentera::domain::snapshot::export::export;
use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::{ExportInfo, Snapshot};

const RATNA: &str = "ratna";
const BUDI: &str = "budi";
const BUDI_PIN: &str = "1357";

fn now() -> DateTime<Utc> {
    t(2026, 11, 30)
}

fn tab_a() -> DeviceId {
    device("tab-a")
}

fn pin_hash(pin: &'static str) -> PinHash {
    static HASHES: OnceLock<std::sync::Mutex<Vec<(&'static str, PinHash)>>> = OnceLock::new();
    let mut all = HASHES.get_or_init(Default::default).lock().unwrap();
    if let Some((_, h)) = all.iter().find(|(p, _)| *p == pin) {
        return h.clone();
    }
    let h = hash_pin(pin, [7; 16]);
    all.push((pin, h.clone()));
    h
}

fn lock(pin: &'static str) -> ProfileLock {
    ProfileLock {
        pin: pin_hash(pin),
        signing: None,
    }
}

/// Tablet A before anyone signed: Ratna and Budi, both with a PIN, Ratna self-assessed at 2.
fn tablet_a() -> Snapshot {
    let mut s = Snapshot::default();
    let at = t(2026, 1, 1);
    s.employees.upsert(Record::create(
        id(RATNA),
        &tab_a(),
        at,
        employee("Ratna Sari", PositionKind::Pelaksana),
    ));
    s.employees.upsert(Record::create(
        id(BUDI),
        &tab_a(),
        at,
        employee("Budi Santoso", PositionKind::Pengawas),
    ));
    s.set_lock(&id(RATNA), lock("2468"), &tab_a(), at);
    s.set_lock(&id(BUDI), lock(BUDI_PIN), &tab_a(), at);
    s.assessments.upsert(Record::create(
        id("ratna-self"),
        &tab_a(),
        at,
        assessment(RATNA, AssessmentKind::SelfAssessment, d(2026, 10, 1), &[("M.01", 2)]),
    ));
    s
}

fn fresh() -> Option<Fresh> {
    Some(([11; 32], [12; 16], [13; 12]))
}

fn form() -> EvaluationForm {
    EvaluationForm {
        date: d(2026, 11, 20),
        levels: vec![("M.01".into(), 4), ("M.02".into(), 0)],
        performance: Some(Performance::Above),
        potential: None,
    }
}

fn unlock(s: &Snapshot, pin: &str) -> Result<Signer, SignRefusal> {
    unlock_signer(s, &id(RATNA), &id(BUDI), pin, &mut Attempts::default(), 0.0, fresh)
}

/// Tablet A after Budi signed Ratna's evaluation with his PIN.
fn signed_on_a() -> Snapshot {
    let mut s = tablet_a();
    let signer = unlock(&s, BUDI_PIN).expect("Budi's PIN unlocks");
    s.record_evaluation(&id(RATNA), &form(), &signer, [id("ev-1"), id("rt-1")], &tab_a(), now())
        .expect("recorded");
    s
}

fn file_of(s: &Snapshot, who: &[&str]) -> Vec<u8> {
    let info = ExportInfo {
        app_version: "test".into(),
        device: tab_a(),
        exported_at: now(),
        employees: who.iter().map(|w| id(w)).collect(),
        packs: vec![],
    };
    export(s, info).to_json().into_bytes()
}

fn ratna_of(s: &Snapshot) -> lentera::domain::rules::profile::EmployeeProfile {
    profiles(s, &Catalog::default(), now().date_naive())
        .into_iter()
        .find(|p| p.id == id(RATNA))
        .unwrap()
}

#[test]
fn the_supervisors_pin_signs_and_the_verified_level_counts() {
    let s = signed_on_a();
    let a = s.assessments.get(&id("ev-1")).unwrap();
    assert_eq!(a.data().kind, AssessmentKind::Verified);
    assert_eq!(a.data().signature.as_ref().unwrap().signer, id(BUDI));
    // The key's public half is in Budi's record; the secret half only in his lock, sealed.
    let key = s.employees.get(&id(BUDI)).unwrap().data().signing_key.clone().unwrap();
    assert!(s.lock_of(&id(BUDI)).unwrap().signing.is_some());
    assert!(!s.to_json().contains(&lentera::domain::hex::encode(&[11; 32])));
    assert!(matches!(proof_of(&id("ev-1"), a.data(), &s.employees), Proof::Signed(ref v) if v.name == "Budi Santoso"));
    let p = ratna_of(&s);
    let m01 = p.standings.iter().find(|x| x.competency == "M.01").unwrap();
    assert_eq!(
        (m01.level(), m01.current.as_ref().unwrap().source),
        (4, LevelSource::Verified)
    );
    assert_eq!(p.verified.as_ref().unwrap().by.name, "Budi Santoso");
    assert_eq!(p.rated.as_ref().unwrap().date, d(2026, 11, 20));
    assert!(p.talent.is_some());
    assert_eq!(p.unproven, 0);

    // The second evaluation opens the same sealed key: no new key, same public half.
    let mut s = s;
    let again = unlock(&s, BUDI_PIN).unwrap();
    s.record_evaluation(&id(RATNA), &form(), &again, [id("ev-2"), id("rt-2")], &tab_a(), now())
        .unwrap();
    assert_eq!(
        s.employees.get(&id(BUDI)).unwrap().data().signing_key.as_ref(),
        Some(&key)
    );
    assert!(matches!(
        proof_of(
            &id("ev-2"),
            s.assessments.get(&id("ev-2")).unwrap().data(),
            &s.employees
        ),
        Proof::Signed(_)
    ));
}

#[test]
fn without_the_supervisors_pin_nothing_is_signed() {
    let s = tablet_a();
    // A wrong PIN, the first time (no key yet) and once a key exists: refused, and counted.
    let mut attempts = Attempts::default();
    let wrong = unlock_signer(&s, &id(RATNA), &id(BUDI), "0000", &mut attempts, 0.0, fresh);
    assert!(matches!(wrong, Err(SignRefusal::Pin(Refusal::Wrong { .. }))));
    let signed = signed_on_a();
    for _ in 0..4 {
        let _ = unlock_signer(&signed, &id(RATNA), &id(BUDI), "0000", &mut attempts, 0.0, fresh);
    }
    let waiting = unlock_signer(&signed, &id(RATNA), &id(BUDI), BUDI_PIN, &mut attempts, 0.0, fresh);
    assert!(
        matches!(waiting, Err(SignRefusal::Pin(Refusal::Wait { .. }))),
        "five wrong PINs make even the right one wait: {waiting:?}"
    );
    // Ratna cannot sign for herself, and nobody signs with a profile that has no PIN here.
    let own = unlock_signer(&s, &id(RATNA), &id(RATNA), "2468", &mut Attempts::default(), 0.0, fresh);
    assert_eq!(own.unwrap_err(), SignRefusal::OwnProfile);
    let mut no_pin = tablet_a();
    no_pin.remove_lock(&id(BUDI), &tab_a(), now());
    assert_eq!(unlock(&no_pin, BUDI_PIN).unwrap_err(), SignRefusal::NoPin);
    assert_eq!(signers(&no_pin, &id(RATNA)), Vec::<Id>::new());
    assert_eq!(signers(&s, &id(RATNA)), vec![id(BUDI)]);
}

#[test]
fn a_verification_typed_without_a_signature_is_self_reported() {
    let mut s = tablet_a();
    // What the old supervisor screen wrote: "verified" with a typed name, level 5.
    s.assessments.upsert(Record::create(
        id("typed"),
        &tab_a(),
        now(),
        assessment(RATNA, AssessmentKind::Verified, d(2026, 11, 1), &[("M.01", 5)]),
    ));
    let a = s.assessments.get(&id("typed")).unwrap();
    assert_eq!(proof_of(&id("typed"), a.data(), &s.employees), Proof::SelfReported);
    let p = ratna_of(&s);
    let m01 = p.standings.iter().find(|x| x.competency == "M.01").unwrap();
    // It counts like a self-assessment (the latest one), never as verified.
    assert_eq!(m01.current.as_ref().unwrap().source, LevelSource::Unproven);
    assert!(p.verified.is_none());
    assert_eq!(p.unproven, 1);
}

#[test]
fn the_signature_checks_on_another_device_and_in_the_trainers_cohort() {
    let a = signed_on_a();
    // Ratna's file and Budi's file (his record holds the public key) reach tablet B.
    let ratna_file = import(&file_of(&a, &[RATNA]), now()).unwrap();
    let budi_file = import(&file_of(&a, &[BUDI]), now()).unwrap();
    assert!(
        !String::from_utf8(file_of(&a, &[BUDI])).unwrap().contains("\"signing\""),
        "no sealed key travels"
    );
    let (b, _) = apply(&Snapshot::default(), &ratna_file, &BTreeSet::new());
    // Without Budi's profile on B the signature cannot be checked: not verified.
    assert_eq!(ratna_of(&b).verified, None);
    let ev = b.assessments.get(&id("ev-1")).unwrap();
    assert_eq!(proof_of(&id("ev-1"), ev.data(), &b.employees), Proof::SignerUnknown);
    let (b, _) = apply(&b, &budi_file, &BTreeSet::new());
    assert_eq!(ratna_of(&b).verified.unwrap().by.name, "Budi Santoso");

    // The trainer imports both files into the cohort at once.
    let (cohort, _, skipped) = apply_all(&Snapshot::default(), [&budi_file, &ratna_file], &BTreeSet::new());
    assert!(skipped.is_empty());
    let p = ratna_of(&cohort);
    assert_eq!(p.verified.as_ref().unwrap().by.id, id(BUDI));
    assert_eq!(p.rated.as_ref().unwrap().by.name, "Budi Santoso");
}

#[test]
fn a_level_changed_after_signing_shows_as_unsigned() {
    let a = signed_on_a();
    let file = String::from_utf8(file_of(&a, &[RATNA, BUDI])).unwrap();
    // Someone raises the signed level 4 to 5 in the file, and the rating to "above" stays.
    let tampered = file.replacen("\"level\":4", "\"level\":5", 1);
    assert_ne!(tampered, file, "the signed level is in the file");
    let (b, _) = apply(
        &Snapshot::default(),
        &import(tampered.as_bytes(), now()).unwrap(),
        &BTreeSet::new(),
    );
    let ev = b.assessments.get(&id("ev-1")).unwrap();
    assert_eq!(ev.data().level_of("M.01"), Some(5));
    assert_eq!(proof_of(&id("ev-1"), ev.data(), &b.employees), Proof::Broken);
    let p = ratna_of(&b);
    let m01 = p.standings.iter().find(|x| x.competency == "M.01").unwrap();
    assert_eq!(m01.current.as_ref().unwrap().source, LevelSource::Unproven);
    assert!(p.verified.is_none());
    assert!(p.rated.is_some(), "the untouched rating still checks");
    assert_eq!(p.unproven, 1);

    // A signature moved onto another record (same content, new id) does not check either.
    let mut moved = a.clone();
    let ev = moved.assessments.get(&id("ev-1")).unwrap().data().clone();
    moved
        .assessments
        .upsert(Record::create(id("copy"), &tab_a(), now(), ev.clone()));
    assert_eq!(proof_of(&id("copy"), &ev, &moved.employees), Proof::Broken);
}

#[test]
fn a_file_cannot_give_a_supervisor_another_key() {
    let a = signed_on_a();
    // A forger makes a key of their own, puts it in a copy of Budi's record, and signs a
    // level for Ratna with it.
    let forger = SecretKey::from_seed([66; 32]);
    let mut forged = Snapshot::default();
    let mut budi = a.employees.get(&id(BUDI)).unwrap().clone();
    let mut data = budi.data().clone();
    data.signing_key = Some(forger.public());
    budi.edit(&device("tab-x"), now(), data);
    forged.employees.upsert(budi);
    forged.employees.upsert(a.employees.get(&id(RATNA)).unwrap().clone());
    let mut ev = assessment(RATNA, AssessmentKind::Verified, d(2026, 11, 25), &[("M.01", 5)]);
    forger.sign(&id("forged"), &mut ev, &id(BUDI));
    forged
        .assessments
        .upsert(Record::create(id("forged"), &device("tab-x"), now(), ev));
    let file = import(forged.to_json().as_bytes(), now()).unwrap();
    // Even with both PINs entered, Budi's profile and his "signed" records are not merged.
    let (after, plan) = apply(&a, &file, &BTreeSet::from([id(RATNA), id(BUDI)]));
    let budi = plan.people.iter().find(|p| p.id == id(BUDI)).unwrap();
    assert_eq!(budi.skip, Some(Skip::ChangesSigningKey));
    assert_eq!(
        after.employees.get(&id(BUDI)).unwrap().data().signing_key,
        a.employees.get(&id(BUDI)).unwrap().data().signing_key
    );
    // Ratna's forged assessment merges (it is hers), but it does not check against Budi's key.
    let f = after.assessments.get(&id("forged")).unwrap();
    assert_eq!(proof_of(&id("forged"), f.data(), &after.employees), Proof::Broken);
    assert_ne!(ratna_of(&after).standings[0].level(), 5);
}

#[test]
fn a_key_made_elsewhere_cannot_sign_here_and_a_pin_change_keeps_the_key() {
    let a = signed_on_a();
    // Tablet C has Budi's record (with his public key) and gives him a PIN: his key is not
    // here, so he cannot sign on C, and no second key is made.
    let file = import(&file_of(&a, &[RATNA, BUDI]), now()).unwrap();
    let (mut c, _) = apply(&Snapshot::default(), &file, &BTreeSet::new());
    c.set_lock(&id(BUDI), lock(BUDI_PIN), &device("tab-c"), now());
    assert_eq!(unlock(&c, BUDI_PIN).unwrap_err(), SignRefusal::KeyElsewhere);
    assert!(signers(&c, &id(RATNA)).is_empty());

    // On A, Budi changes his PIN: his key is sealed again and opens with the new PIN only.
    let old = a.lock_of(&id(BUDI)).unwrap().clone();
    assert!(old
        .with_new_pin(&id(BUDI), "0000", pin_hash("8642"), "8642", [1; 16], [2; 12])
        .is_none());
    let new = old
        .with_new_pin(&id(BUDI), BUDI_PIN, pin_hash("8642"), "8642", [1; 16], [2; 12])
        .unwrap();
    let mut a = a;
    a.set_lock(&id(BUDI), new, &tab_a(), now());
    assert!(unlock(&a, BUDI_PIN).is_err());
    let signer = unlock(&a, "8642").unwrap();
    a.record_evaluation(&id(RATNA), &form(), &signer, [id("ev-3"), id("rt-3")], &tab_a(), now())
        .unwrap();
    let ev = a.assessments.get(&id("ev-3")).unwrap();
    assert!(matches!(
        proof_of(&id("ev-3"), ev.data(), &a.employees),
        Proof::Signed(_)
    ));
}

#[test]
fn an_empty_evaluation_or_a_future_date_is_refused_and_changes_nothing() {
    let s = tablet_a();
    let signer = unlock(&s, BUDI_PIN).unwrap();
    let empty = EvaluationForm {
        levels: vec![("M.01".into(), 0)],
        performance: None,
        ..form()
    };
    let future = EvaluationForm {
        date: d(2027, 6, 1),
        ..form()
    };
    for f in [empty, future] {
        let mut after = s.clone();
        let r = after.record_evaluation(&id(RATNA), &f, &signer, [id("x1"), id("x2")], &tab_a(), now());
        assert!(matches!(r, Err(SignRefusal::Form(_))), "{r:?}");
        assert_eq!(after.to_json(), s.to_json());
    }
}
