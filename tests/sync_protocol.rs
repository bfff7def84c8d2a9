//! The replication client against an in-memory CouchDB (`common/couch.rs`): mapping,
//! checkpoints, batching, folding, interruption at every request, authority refusals, and the
//! convergence property.

mod common;
#[path = "common/couch.rs"]
mod couch;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use common::*;
use couch::{block_on, FakeCouch};
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::lock::{PinHash, ProfileLock};
use lentera::domain::model::nip::Nip;
use lentera::domain::model::progress::Progress;
use lentera::domain::record::{DeviceId, Id, Record};
use lentera::domain::snapshot::merge::merge;
use lentera::domain::snapshot::Snapshot;
use lentera::domain::sync::absorb::absorb;
use lentera::domain::sync::checkpoint::Direction;
use lentera::domain::sync::doc::{docs_of, read_pulled, RecordDoc};
use lentera::domain::sync::remote::{ErrorKind, SyncError};
use lentera::domain::sync::replicate::{pull, push, sync, Local, Server, SyncProgress, SyncReport, SyncState};
use lentera::domain::sync::status::SyncStatus;
use proptest::prelude::*;

const SITI_NIP: &str = "198503122010011002";
const BUDI_NIP: &str = "199001152015032001";

fn now() -> DateTime<Utc> {
    t(2026, 12, 1)
}

/// A tablet: its records (saved), its sync state as last saved, and what it was told.
struct Tablet {
    device: DeviceId,
    snapshot: Snapshot,
    people: BTreeMap<Id, String>,
    /// The profiles unlocked now (the device's authority over PIN-locked profiles).
    authorised: BTreeSet<Id>,
    saved: SyncState,
    progress: Vec<SyncProgress>,
    /// Whether this tablet writes a sync note at the end of its pushes (a learner's does).
    notes: bool,
    /// Sync notes pulled.
    seen: Vec<SyncStatus>,
}

impl Local for Tablet {
    fn docs(&self) -> Vec<RecordDoc> {
        docs_of(&self.snapshot, &self.people)
    }

    async fn absorb(&mut self, docs: &[RecordDoc]) -> Result<BTreeSet<String>, SyncError> {
        let a = absorb(&self.snapshot, docs, &self.authorised, now());
        self.snapshot = a.snapshot;
        Ok(a.taken)
    }

    async fn save_state(&mut self, state: &SyncState) -> Result<(), SyncError> {
        self.saved = state.clone();
        Ok(())
    }

    fn progress(&mut self, p: SyncProgress) {
        self.progress.push(p);
    }

    fn status(&self) -> Option<SyncStatus> {
        self.notes.then(|| SyncStatus {
            owner: id("siti"),
            nip: SITI_NIP.into(),
            device: self.device.clone(),
            at: now(),
        })
    }

    /// As the workbench does: a note counts when its NIP is its person's as this device knows
    /// the profile (which may have come in the same batch).
    fn statuses(&mut self, seen: Vec<SyncStatus>) {
        let known = |s: &SyncStatus| {
            self.snapshot
                .employees
                .get_any(&s.owner)
                .and_then(|r| r.content())
                .is_some_and(|e| e.nip.to_string() == s.nip)
        };
        let trusted: Vec<SyncStatus> = seen.into_iter().filter(known).collect();
        self.seen.extend(trusted);
    }
}

fn tablet(name: &str, snapshot: Snapshot) -> Tablet {
    Tablet {
        device: device(name),
        snapshot,
        people: [(id("siti"), SITI_NIP.to_string()), (id("budi"), BUDI_NIP.to_string())].into(),
        authorised: [id("siti"), id("budi")].into(),
        saved: SyncState::default(),
        progress: Vec::new(),
        notes: false,
        seen: Vec::new(),
    }
}

/// Siti and Budi, as every tablet starts.
fn base() -> Snapshot {
    let mut s = Snapshot::default();
    s.employees
        .upsert(employee_record("siti", "Siti Aminah", PositionKind::Pelaksana));
    let mut budi = employee("Budi Santoso", PositionKind::Pelaksana);
    budi.nip = Nip::parse(BUDI_NIP).unwrap();
    s.employees
        .upsert(Record::create(id("budi"), &device("dev-a"), t(2026, 1, 1), budi));
    s
}

fn activity(person: &str, hours: f64) -> Activity {
    Activity {
        employee: id(person),
        title: "Seminar kearsipan digital".into(),
        method: Method::Seminar,
        start: d(2026, 3, 2),
        end: d(2026, 3, 2),
        hours,
        competencies: vec![],
        evidence: String::new(),
        session: None,
    }
}

fn server(couch: &FakeCouch) -> Server<'_, FakeCouch> {
    Server {
        remote: couch,
        name: "http://127.0.0.1:5984/lentera-test",
        writable: true,
    }
}

/// One sync run from what the tablet last saved (as after a reload), against `couch`.
fn run(tab: &mut Tablet, couch: &FakeCouch, batch: usize) -> Result<SyncReport, SyncError> {
    let mut state = tab.saved.clone();
    let dev = tab.device.clone();
    block_on(sync(&server(couch), &dev, tab, &mut state, batch))
}

/// Only the pull half, or only the push half: another tablet may sync in between, as two
/// tablets syncing at the same moment do.
fn half(tab: &mut Tablet, couch: &FakeCouch, pulling: bool) -> Result<SyncReport, SyncError> {
    let mut state = tab.saved.clone();
    let mut report = SyncReport::default();
    let dev = tab.device.clone();
    let s = server(couch);
    if pulling {
        block_on(pull(&s, &dev, tab, &mut state, 3, &mut report))?;
    } else {
        block_on(push(&s, &dev, tab, &mut state, 3, &mut report))?;
    }
    Ok(report)
}

fn tables(s: &Snapshot) -> String {
    Snapshot {
        locks: Default::default(),
        export: None,
        ..s.clone()
    }
    .to_json()
}

/// Every document on the server has exactly one live leaf (no conflict left, none duplicated).
fn settled(couch: &FakeCouch) -> bool {
    couch
        .winners()
        .keys()
        .all(|id| couch.leaves(id).iter().filter(|(_, deleted)| !deleted).count() == 1)
}

#[test]
fn a_record_maps_to_a_document_and_back() {
    let s = one_record_of_every_kind("ratna");
    let nip = s.employees.get(&id("ratna")).unwrap().data().nip.to_string();
    let people = [(id("ratna"), nip.clone())].into();
    let docs = docs_of(&s, &people);
    assert_eq!(docs.len(), 7, "one document per record, every kind");
    for d in &docs {
        let body = d.to_write(
            &lentera::domain::sync::revs::Rev::child(None, &d.content_hash(), false),
            None,
        );
        assert_eq!(body["nip"], nip);
        assert!(body["_id"].as_str().unwrap().starts_with(&format!("{}:", d.kind.key())));
        assert_eq!(&RecordDoc::from_couch(&body).unwrap(), d);
    }
    let (back, taken, problems) = read_pulled(&docs, &Snapshot::default(), now());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(taken.len(), 7);
    assert_eq!(tables(&back), tables(&s.restricted_to(&[id("ratna")].into())));
}

#[test]
fn a_document_that_does_not_name_its_record_or_is_of_another_schema_is_refused() {
    let s = one_record_of_every_kind("ratna");
    let d = &docs_of(&s, &[(id("ratna"), SITI_NIP.to_string())].into())[0];
    let mut body = d.to_write(&lentera::domain::sync::revs::Rev::child(None, "x", false), None);
    body["_id"] = serde_json::json!("employees:someone-else");
    assert!(RecordDoc::from_couch(&body).is_err());
    let mut body = d.to_write(&lentera::domain::sync::revs::Rev::child(None, "x", false), None);
    body["lentera"] = serde_json::json!(99);
    assert!(RecordDoc::from_couch(&body).is_err());
}

#[test]
fn edits_on_two_tablets_converge_through_the_server_and_a_concurrent_edit_is_one_lentera_conflict() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", base());
    let mut b = tablet("tab-b", base());
    run(&mut a, &couch, 10).unwrap();
    run(&mut b, &couch, 10).unwrap();
    assert_eq!(
        couch.winners().len(),
        2,
        "both tablets pushed the same two profiles: two documents"
    );
    assert!(settled(&couch));
    // Offline: A adds an activity for Siti and renames her; B renames her too.
    a.snapshot.activities.upsert(Record::create(
        id("act-a"),
        &a.device,
        t(2026, 6, 1),
        activity("siti", 4.0),
    ));
    let mut e = a.snapshot.employees.get(&id("siti")).unwrap().data().clone();
    e.name = "Siti A.".into();
    a.snapshot
        .employees
        .get_mut(&id("siti"))
        .unwrap()
        .edit(&device("tab-a"), t(2026, 6, 1), e.clone());
    e.name = "Siti B.".into();
    b.snapshot
        .employees
        .get_mut(&id("siti"))
        .unwrap()
        .edit(&device("tab-b"), t(2026, 6, 2), e);
    run(&mut a, &couch, 10).unwrap();
    assert!(
        settled(&couch),
        "A's rename went on top of the revision A had: no conflict on the server"
    );
    let report = run(&mut b, &couch, 10).unwrap();
    assert_eq!(report.pulled, 2, "B took A's activity and A's rename");
    run(&mut a, &couch, 10).unwrap();
    assert_eq!(
        tables(&a.snapshot),
        tables(&b.snapshot),
        "both tablets hold the same records"
    );
    let siti = a.snapshot.employees.get(&id("siti")).unwrap();
    assert_eq!(
        siti.conflicts().len(),
        1,
        "the two renames are one Lentera conflict, not lost work"
    );
    assert!(settled(&couch), "the server's conflicting revisions were folded");
    let on_server = RecordDoc::from_couch(&couch.winners()["employees:siti"]).unwrap();
    assert_eq!(
        on_server.record,
        serde_json::to_value(siti).unwrap(),
        "the server holds the merged record"
    );
}

/// Two tablets that both renamed Siti and synced at the same moment: both pulled (nothing
/// new), then both pushed — two children of one revision on the server.
fn racing_renames() -> (FakeCouch, Tablet, Tablet) {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", base());
    let mut b = tablet("tab-b", base());
    run(&mut a, &couch, 10).unwrap();
    run(&mut b, &couch, 10).unwrap();
    for (tab, name) in [(&mut a, "Siti A."), (&mut b, "Siti B.")] {
        let dev = tab.device.clone();
        let r = tab.snapshot.employees.get_mut(&id("siti")).unwrap();
        let mut e = r.data().clone();
        e.name = name.into();
        r.edit(&dev, t(2026, 6, 1), e);
    }
    half(&mut a, &couch, true).unwrap();
    half(&mut b, &couch, true).unwrap();
    half(&mut a, &couch, false).unwrap();
    half(&mut b, &couch, false).unwrap();
    (couch, a, b)
}

#[test]
fn tablets_pushing_at_the_same_moment_leave_a_server_conflict_that_the_next_pull_folds() {
    let (couch, mut a, mut b) = racing_renames();
    assert_eq!(
        couch.leaves("employees:siti").len(),
        2,
        "CouchDB keeps both as sibling leaves"
    );
    let report = run(&mut a, &couch, 10).unwrap();
    assert_eq!(report.folded, 1);
    assert!(settled(&couch), "the fold closed the losing leaf");
    run(&mut b, &couch, 10).unwrap();
    assert_eq!(tables(&a.snapshot), tables(&b.snapshot));
    assert_eq!(
        a.snapshot.employees.get(&id("siti")).unwrap().conflicts().len(),
        1,
        "one Lentera conflict for a person to resolve"
    );
    // B folds nothing more: A's fold is what B would have written.
    let leaves = couch.leaves("employees:siti");
    run(&mut b, &couch, 10).unwrap();
    assert_eq!(couch.leaves("employees:siti"), leaves);
}

#[test]
fn two_tablets_folding_the_same_conflict_write_the_same_revisions() {
    let (couch, mut a, mut b) = racing_renames();
    // Each folds the conflict on its own copy of the server, before seeing the other's fold.
    let other = couch.fork();
    assert_eq!(run(&mut a, &couch, 10).unwrap().folded, 1);
    assert_eq!(run(&mut b, &other, 10).unwrap().folded, 1);
    assert_eq!(
        couch.leaves("employees:siti"),
        other.leaves("employees:siti"),
        "the same fold is the same revisions"
    );
    assert_eq!(couch.winners(), other.winners());
    assert!(settled(&couch));
}

#[test]
fn a_second_sync_with_nothing_new_writes_nothing_and_fetches_nothing() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut a, &couch, 3).unwrap();
    let again = run(&mut a, &couch, 3).unwrap();
    assert_eq!((again.pushed, again.pulled), (0, 0));
}

fn one_record_of_every_kind_for_siti() -> Snapshot {
    let mut s = base();
    for n in 0..25 {
        s.activities.upsert(Record::create(
            id(&format!("act-{n}")),
            &device("dev-a"),
            t(2026, 2, 1) + Duration::hours(n),
            activity(if n % 2 == 0 { "siti" } else { "budi" }, 1.0 + n as f64),
        ));
    }
    let mut p = Progress::new(id("siti"), "pack".into(), "m1".into());
    p.lessons_done.insert("l1".into());
    s.progress.upsert(Record::create(
        Progress::id_for(&id("siti"), "pack", "m1"),
        &device("dev-a"),
        t(2026, 2, 2),
        p,
    ));
    s
}

#[test]
fn a_push_cut_at_any_request_resumes_from_its_checkpoint_to_the_state_of_a_clean_run() {
    let clean = FakeCouch::new();
    let mut reference = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut reference, &clean, 5).unwrap();
    let requests = clean.requests.get();
    for cut in 0..requests {
        let couch = FakeCouch::new();
        let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
        couch.dies_after.set(Some(cut));
        let err = run(&mut a, &couch, 5).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Unreachable);
        couch.restart();
        run(&mut a, &couch, 5).unwrap();
        assert_eq!(couch.winners(), clean.winners(), "cut after {cut} requests");
        assert!(settled(&couch), "nothing written twice as two revisions (cut {cut})");
    }
}

#[test]
fn a_pull_cut_at_any_request_resumes_to_the_state_of_a_clean_run() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut a, &couch, 5).unwrap();
    let mut clean = tablet("tab-b", base());
    let before = couch.requests.get();
    run(&mut clean, &couch, 5).unwrap();
    let requests = couch.requests.get() - before;
    assert_eq!(tables(&clean.snapshot), tables(&a.snapshot));
    for cut in 0..requests {
        let server = FakeCouch::new();
        run(&mut tablet("tab-a", one_record_of_every_kind_for_siti()), &server, 5).unwrap();
        let mut b = tablet("tab-b", base());
        server.dies_after.set(Some(server.requests.get() + cut));
        assert!(run(&mut b, &server, 5).is_err());
        server.restart();
        run(&mut b, &server, 5).unwrap();
        assert_eq!(tables(&b.snapshot), tables(&a.snapshot), "cut after {cut} requests");
        assert!(settled(&server));
    }
}

#[test]
fn a_pull_resumes_from_its_checkpoint_instead_of_starting_again() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut a, &couch, 5).unwrap();
    let mut b = tablet("tab-b", Snapshot::default());
    // Cut after the first checkpoint is written (changes, fetch, checkpoint: the third request
    // of the first batch, after reading the server's checkpoint).
    couch.dies_after.set(Some(couch.requests.get() + 6));
    assert!(run(&mut b, &couch, 5).is_err());
    let first = b.saved.pull.clone().expect("a checkpoint was saved");
    couch.restart();
    b.progress.clear();
    run(&mut b, &couch, 5).unwrap();
    assert!(
        b.progress
            .iter()
            .filter(|p| p.direction == Direction::Pull)
            .all(|p| p.total.unwrap() < 28),
        "the second run did not read everything again: {:?} (first checkpoint {first:?})",
        b.progress
    );
}

#[test]
fn progress_counts_up_to_the_total() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut a, &couch, 10).unwrap();
    let push: Vec<_> = a.progress.iter().filter(|p| p.direction == Direction::Push).collect();
    assert_eq!(push.last().map(|p| (p.done, p.total)), Some((28, Some(28))));
    let mut b = tablet("tab-b", Snapshot::default());
    run(&mut b, &couch, 10).unwrap();
    let pull: Vec<_> = b.progress.iter().filter(|p| p.direction == Direction::Pull).collect();
    assert_eq!(
        pull.iter().map(|p| (p.done, p.total)).collect::<Vec<_>>(),
        vec![(10, Some(28)), (20, Some(28)), (28, Some(28))]
    );
}

#[test]
fn a_server_without_bulk_get_is_read_through_open_revs() {
    let couch = FakeCouch::new();
    couch.no_bulk_get.set(true);
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    run(&mut a, &couch, 7).unwrap();
    let mut b = tablet("tab-b", Snapshot::default());
    run(&mut b, &couch, 7).unwrap();
    assert_eq!(tables(&b.snapshot), tables(&a.snapshot));
}

#[test]
fn a_refused_write_is_reported_and_nothing_on_the_device_changes() {
    let couch = FakeCouch::new();
    // The server's rule: this account (Siti) writes only documents with her NIP.
    *couch.validate.borrow_mut() = Some(Box::new(|doc, _| {
        if doc["nip"] == SITI_NIP {
            Ok(())
        } else {
            Err("not your record".into())
        }
    }));
    let mut a = tablet("tab-a", one_record_of_every_kind_for_siti());
    let before = tables(&a.snapshot);
    let report = run(&mut a, &couch, 10).unwrap();
    assert_eq!(
        report.refused.len(),
        13,
        "Budi's profile and his 12 activities: {:?}",
        report.refused
    );
    assert!(report.refused.iter().all(|(_, why)| why == "not your record"));
    assert_eq!(tables(&a.snapshot), before);
    assert!(couch.winners().values().all(|d| d["nip"] == SITI_NIP));
}

#[test]
fn a_record_written_under_one_nip_in_another_persons_name_is_not_taken_in() {
    // Siti's account writes, into her own database, an activity that claims to be Budi's.
    let mut s = base();
    s.activities.upsert(Record::create(
        id("forged"),
        &device("tab-a"),
        t(2026, 2, 1),
        activity("budi", 30.0),
    ));
    let mut docs = docs_of(
        &s,
        &[(id("siti"), SITI_NIP.to_string()), (id("budi"), BUDI_NIP.to_string())].into(),
    );
    for d in docs.iter_mut().filter(|d| d.id == id("forged")) {
        d.nip = SITI_NIP.to_string();
    }
    let (pulled, taken, problems) = read_pulled(&docs, &Snapshot::default(), now());
    assert!(!taken.contains("activities:forged"));
    assert!(pulled.activities.get(&id("forged")).is_none());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(taken.len(), 2, "the two profiles are taken in");
}

#[test]
fn a_document_whose_record_names_another_owner_is_not_taken_in() {
    // Budi's activity, wrapped in a document that says it is Siti's (and under her NIP).
    let mut s = base();
    s.activities.upsert(Record::create(
        id("wrapped"),
        &device("tab-a"),
        t(2026, 2, 1),
        activity("budi", 3.0),
    ));
    let mut docs = docs_of(
        &s,
        &[(id("siti"), SITI_NIP.to_string()), (id("budi"), BUDI_NIP.to_string())].into(),
    );
    for d in docs.iter_mut().filter(|d| d.id == id("wrapped")) {
        d.owner = id("siti");
        d.nip = SITI_NIP.to_string();
    }
    let (pulled, taken, problems) = read_pulled(&docs, &Snapshot::default(), now());
    assert!(!taken.contains("activities:wrapped") && pulled.activities.get(&id("wrapped")).is_none());
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_leaf_written_beside_another_persons_record_is_not_folded_into_it() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", base());
    run(&mut a, &couch, 10).unwrap();
    // A sibling leaf of Budi's profile in Siti's name (her account wrote it beside his).
    let budi = docs_of(&a.snapshot, &a.people)
        .into_iter()
        .find(|d| d.id == id("budi"))
        .unwrap();
    let mut forged = budi.clone();
    forged.nip = SITI_NIP.into();
    let mut e = a.snapshot.employees.get(&id("budi")).unwrap().clone();
    let mut data = e.data().clone();
    data.name = "Budi PALSU".into();
    e.edit(&device("forger"), t(2026, 7, 1), data);
    forged.record = serde_json::to_value(&e).unwrap();
    let rev = lentera::domain::sync::revs::Rev::child(None, "forged", false);
    couch.insert(forged.to_write(&rev, None)).unwrap();
    let mut b = tablet("tab-b", Snapshot::default());
    let report = run(&mut b, &couch, 10).unwrap();
    assert!(
        report.unreadable.iter().any(|p| p.0.contains("another person's name")),
        "{:?}",
        report.unreadable
    );
    let name = b.snapshot.employees.get(&id("budi")).map(|r| r.data().name.clone());
    assert_ne!(name.as_deref(), Some("Budi PALSU"), "the forged version was not merged");
}

#[test]
fn a_locked_profiles_records_wait_until_it_is_unlocked_and_are_then_taken_in() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", base());
    run(&mut a, &couch, 10).unwrap();
    let mut b = tablet("tab-b", base());
    run(&mut b, &couch, 10).unwrap();
    // Siti's profile has a PIN on tablet B, and she has not unlocked it there.
    let lock = ProfileLock {
        pin: PinHash {
            scheme: "pbkdf2-sha256:600000".into(),
            salt: "00".into(),
            hash: "00".into(),
        },
        signing: None,
    };
    b.snapshot.set_lock(&id("siti"), lock, &device("tab-b"), t(2026, 2, 1));
    b.authorised = [id("budi")].into();
    a.snapshot.activities.upsert(Record::create(
        id("act-s"),
        &a.device,
        t(2026, 6, 1),
        activity("siti", 4.0),
    ));
    a.snapshot.activities.upsert(Record::create(
        id("act-b"),
        &a.device,
        t(2026, 6, 1),
        activity("budi", 2.0),
    ));
    run(&mut a, &couch, 10).unwrap();
    let report = run(&mut b, &couch, 10).unwrap();
    assert_eq!(
        (report.pulled, report.not_taken),
        (1, 1),
        "Budi's activity in, Siti's waits"
    );
    assert!(b.snapshot.activities.get(&id("act-s")).is_none());
    assert!(b.saved.retry.contains("activities:act-s"));
    // Nothing new on the server; Siti unlocks her profile; the next sync takes hers in.
    b.authorised = [id("siti"), id("budi")].into();
    let report = run(&mut b, &couch, 10).unwrap();
    assert_eq!(report.pulled, 1);
    assert!(b.snapshot.activities.get(&id("act-s")).is_some());
    assert!(b.saved.retry.is_empty());
}

#[test]
fn a_learners_device_notes_each_sync_and_a_reader_learns_when_each_device_last_synced() {
    let couch = FakeCouch::new();
    let mut a = tablet("tab-a", base());
    a.notes = true;
    run(&mut a, &couch, 10).unwrap();
    assert!(couch.winners().contains_key("sync_status:siti:tab-a"));
    // The trainer only reads (the district database).
    let mut trainer = tablet("trainer", Snapshot::default());
    let dev = trainer.device.clone();
    let mut state = SyncState::default();
    let reader = Server {
        writable: false,
        ..server(&couch)
    };
    let report = block_on(sync(&reader, &dev, &mut trainer, &mut state, 10)).unwrap();
    assert_eq!(report.pushed, 0, "a reader writes nothing");
    assert_eq!(trainer.seen.len(), 1);
    assert_eq!((trainer.seen[0].device.as_str(), trainer.seen[0].at), ("tab-a", now()));
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    assert_eq!(
        tables(&trainer.snapshot),
        tables(&a.snapshot),
        "and it has every record"
    );
}

#[test]
fn who_has_not_synced_since_a_day_lists_the_silent_and_the_never_synced_longest_first() {
    use lentera::domain::sync::address::{SyncAddress, SyncSetup};
    let address = SyncAddress::parse("https://sinkron.contoh.go.id", "kab-a", true)
        .unwrap()
        .0;
    let mut setup = SyncSetup::new(address, "pelatih".into());
    let note = |who: &str, at| SyncStatus {
        owner: id(who),
        nip: String::new(),
        device: device("tab"),
        at,
    };
    setup.note_seen(&[note("siti", t(2026, 11, 20)), note("siti", t(2026, 11, 28))]);
    let cohort = base();
    let names = |day| -> Vec<String> {
        setup
            .not_synced_since(&cohort, Some(day), |at| at.date_naive())
            .into_iter()
            .map(|r| r.1)
            .collect()
    };
    assert_eq!(
        names(d(2026, 11, 29)),
        ["Budi Santoso", "Siti Aminah"],
        "never synced first"
    );
    assert_eq!(
        names(d(2026, 11, 28)),
        ["Budi Santoso"],
        "Siti synced that day (her latest note)"
    );
}

#[test]
fn no_pin_hash_or_lock_reaches_the_server() {
    let couch = FakeCouch::new();
    let mut s = base();
    let lock = ProfileLock {
        pin: PinHash {
            scheme: "pbkdf2-sha256:600000".into(),
            salt: "5a17f00d5a17f00d".into(),
            hash: "deadbeefcafef00ddeadbeefcafef00d".into(),
        },
        signing: None,
    };
    s.set_lock(&id("siti"), lock, &device("tab-a"), t(2026, 2, 1));
    let mut a = tablet("tab-a", s);
    run(&mut a, &couch, 10).unwrap();
    let text = couch.all_text();
    assert!(text.contains("Siti Aminah"), "the profile is there");
    for secret in ["5a17f00d5a17f00d", "deadbeefcafef00d", "pbkdf2", "locks"] {
        assert!(!text.contains(secret), "{secret} reached the server");
    }
}

#[derive(Debug, Clone)]
enum Op {
    Rename(usize, bool, String),
    AddActivity(usize, bool, u8),
    EditActivity(usize, usize, u8),
    LessonDone(usize, bool, u8),
    Sync(usize),
    SyncCut(usize, usize),
    Half(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, any::<bool>(), "[A-Z][a-z]{1,5}").prop_map(|(t, p, n)| Op::Rename(t, p, n)),
        (0..3usize, any::<bool>(), 1u8..9).prop_map(|(t, p, h)| Op::AddActivity(t, p, h)),
        (0..3usize, any::<usize>(), 1u8..9).prop_map(|(t, k, h)| Op::EditActivity(t, k, h)),
        (0..3usize, any::<bool>(), 1u8..4).prop_map(|(t, p, l)| Op::LessonDone(t, p, l)),
        (0..3usize).prop_map(Op::Sync),
        (0..3usize, 0usize..12).prop_map(|(t, k)| Op::SyncCut(t, k)),
        (0..3usize, any::<bool>()).prop_map(|(t, p)| Op::Half(t, p)),
    ]
}

fn apply(tabs: &mut [Tablet], couch: &FakeCouch, ops: &[Op]) {
    for (k, op) in ops.iter().enumerate() {
        let at = t(2026, 3, 1) + Duration::minutes(k as i64);
        let who = |p: bool| if p { "siti" } else { "budi" };
        match op {
            Op::Rename(i, p, name) => {
                let tab = &mut tabs[*i];
                let dev = tab.device.clone();
                let r = tab.snapshot.employees.get_mut(&id(who(*p))).unwrap();
                let mut e = r.data().clone();
                e.name = name.clone();
                r.edit(&dev, at, e);
            }
            Op::AddActivity(i, p, h) => {
                let tab = &mut tabs[*i];
                let rid = id(&format!("act-{}-{k}", tab.device));
                let r = Record::create(rid, &tab.device, at, activity(who(*p), *h as f64));
                tab.snapshot.activities.upsert(r);
            }
            Op::EditActivity(i, n, h) => {
                let tab = &mut tabs[*i];
                let dev = tab.device.clone();
                let ids: Vec<Id> = tab.snapshot.activities.records().map(|r| r.id.clone()).collect();
                if let Some(rid) = ids.get(n % ids.len().max(1)) {
                    let r = tab.snapshot.activities.get_mut(rid).unwrap();
                    let mut a = r.data().clone();
                    a.hours = *h as f64;
                    r.edit(&dev, at, a);
                }
            }
            Op::LessonDone(i, p, l) => {
                let tab = &mut tabs[*i];
                let dev = tab.device.clone();
                tab.snapshot
                    .update_progress(&id(who(*p)), "pack", "m1", &dev, at, |pr, _, _| {
                        pr.lessons_done.insert(format!("l{l}"));
                    });
            }
            Op::Sync(i) => {
                run(&mut tabs[*i], couch, 3).unwrap();
            }
            Op::Half(i, pulling) => {
                half(&mut tabs[*i], couch, *pulling).unwrap();
            }
            Op::SyncCut(i, cut) => {
                couch.dies_after.set(Some(couch.requests.get() + cut));
                let _ = run(&mut tabs[*i], couch, 3);
                couch.restart();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any interleaving of edits and syncs (some cut off midway) across three tablets ends, once
    /// each has synced twice more, with every tablet holding what merging all their exports
    /// gives — and the server holding it too, with no conflict left unfolded.
    #[test]
    fn any_interleaving_of_edits_and_syncs_converges_to_the_merge_of_all_exports(ops in prop::collection::vec(op(), 0..40)) {
        let couch = FakeCouch::new();
        let mut tabs = vec![tablet("tab-a", base()), tablet("tab-b", base()), tablet("tab-c", base())];
        apply(&mut tabs, &couch, &ops);
        let expected = tabs.iter().fold(Snapshot::default(), |acc, t| merge(&acc, &t.snapshot).0);
        for _ in 0..2 {
            for tab in tabs.iter_mut() {
                run(tab, &couch, 3).unwrap();
            }
        }
        for tab in &tabs {
            prop_assert_eq!(tables(&tab.snapshot), tables(&expected));
        }
        prop_assert!(settled(&couch));
        let docs = docs_of(&expected, &tabs[0].people);
        prop_assert_eq!(couch.winners().len(), docs.len());
        for d in docs {
            let on_server = RecordDoc::from_couch(&couch.winners()[&d.doc_id_of()]).unwrap();
            prop_assert_eq!(on_server.record, d.record);
        }
    }
}
