//! Property tests of the snapshot format and merge.
//!
//! Three devices start from the same data, each makes its own edits, then their snapshots are
//! merged in every way. Merge must be idempotent, commutative and associative, keep every
//! version that was not superseded, and only ever move progress forward.
//!
//! `make test` runs proptest's default 256 cases per property; for 10,000:
//!     PROPTEST_CASES=10000 cargo test --release --test merge_laws
//! (Every property here uses the default config, which reads `PROPTEST_CASES`: a property given
//! its own `ProptestConfig` would ignore the variable.)

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::device;
use lentera::domain::generate;
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::progress::QuizAttempt;
use lentera::domain::record::{Clock, DeviceId, Record, RecordData, Table, Version};
use lentera::domain::snapshot::bounds::MAX_VERSIONS;
use lentera::domain::snapshot::document::RecordKind;
use lentera::domain::snapshot::import::{import, import_value};
use lentera::domain::snapshot::merge::merge;
use lentera::domain::snapshot::Snapshot;
use proptest::prelude::*;

/// The importing device's clock: after everything the tests generate.
fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
}

fn base(seed: u64) -> Snapshot {
    let cat = generate::catalog(seed, 6);
    generate::cohort(seed, 4, &cat, lentera::domain::generate::reference_day(), 2)
}

#[derive(Debug, Clone)]
enum Op {
    RenameEmployee(usize, String),
    DeleteEmployee(usize),
    EditActivityHours(usize, u8),
    DeleteActivity(usize),
    AddAssessment(usize, u8),
    LessonDone(usize, u8),
    QuizAttempt(usize, bool),
    WriteNote(usize, u8, String),
    ResolveConflicts,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), "[A-Z][a-z]{1,6}").prop_map(|(i, n)| Op::RenameEmployee(i, n)),
        any::<usize>().prop_map(Op::DeleteEmployee),
        (any::<usize>(), 1u8..40).prop_map(|(i, h)| Op::EditActivityHours(i, h)),
        any::<usize>().prop_map(Op::DeleteActivity),
        (any::<usize>(), 1u8..=5).prop_map(|(i, l)| Op::AddAssessment(i, l)),
        (any::<usize>(), 1u8..6).prop_map(|(i, l)| Op::LessonDone(i, l)),
        (any::<usize>(), any::<bool>()).prop_map(|(i, p)| Op::QuizAttempt(i, p)),
        (any::<usize>(), 1u8..3, "[a-z ]{0,8}").prop_map(|(i, l, t)| Op::WriteNote(i, l, t)),
        Just(Op::ResolveConflicts),
    ]
}

fn nth<T: RecordData>(t: &Table<T>, i: usize) -> Option<lentera::domain::record::Id> {
    let n = t.records().count();
    (n > 0).then(|| t.records().nth(i % n).unwrap().id.clone())
}

/// Applies `ops` as device `dev` would, one second apart, with ids from `seed`.
fn apply(mut s: Snapshot, dev: &DeviceId, ops: &[Op], seed: u64) -> Snapshot {
    let mut rng = generate::Rng::new(seed);
    let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    for (k, op) in ops.iter().enumerate() {
        let now = t0 + Duration::seconds(k as i64 + 1);
        match op {
            Op::RenameEmployee(i, name) => {
                if let Some(id) = nth(&s.employees, *i) {
                    let r = s.employees.get_mut(&id).unwrap();
                    let mut e = r.data().clone();
                    e.name = name.clone();
                    r.edit(dev, now, e);
                }
            }
            Op::DeleteEmployee(i) => {
                if let Some(id) = nth(&s.employees, *i) {
                    s.employees.delete(&id, dev, now);
                }
            }
            Op::EditActivityHours(i, h) => {
                if let Some(id) = nth(&s.activities, *i) {
                    let r = s.activities.get_mut(&id).unwrap();
                    let mut a = r.data().clone();
                    a.hours = *h as f64;
                    r.edit(dev, now, a);
                }
            }
            Op::DeleteActivity(i) => {
                if let Some(id) = nth(&s.activities, *i) {
                    s.activities.delete(&id, dev, now);
                }
            }
            Op::AddAssessment(i, level) => {
                if let Some(emp) = nth(&s.employees, *i) {
                    let a = Assessment {
                        employee: emp,
                        kind: AssessmentKind::SelfAssessment,
                        status: AssessmentStatus::Final,
                        date: lentera::domain::generate::reference_day(),
                        assessor: None,
                        entries: vec![AssessmentEntry {
                            competency: "M.01".into(),
                            level: Some(*level),
                            indicators: vec![],
                            evidence: String::new(),
                        }],
                        note: String::new(),
                        feedback: vec![],
                        signature: None,
                    };
                    s.assessments.upsert(Record::create(rng.id(), dev, now, a));
                }
            }
            Op::LessonDone(i, l) => {
                if let Some(id) = nth(&s.progress, *i) {
                    let r = s.progress.get_mut(&id).unwrap();
                    let mut p = r.data().clone();
                    p.lessons_done.insert(format!("l{l}"));
                    r.edit(dev, now, p);
                }
            }
            Op::QuizAttempt(i, passed) => {
                if let Some(id) = nth(&s.progress, *i) {
                    let r = s.progress.get_mut(&id).unwrap();
                    let mut p = r.data().clone();
                    let correct = if *passed { 5 } else { 1 };
                    p.attempts.insert(
                        rng.id(),
                        QuizAttempt {
                            at: now,
                            answers: vec![],
                            correct,
                            total: 5,
                            score: correct as u8 * 20,
                            passed: *passed,
                        },
                    );
                    r.edit(dev, now, p);
                }
            }
            Op::WriteNote(i, l, text) => {
                if let Some(id) = nth(&s.progress, *i) {
                    let r = s.progress.get_mut(&id).unwrap();
                    let mut p = r.data().clone();
                    if p.write_note(&format!("l{l}"), text, now, dev) {
                        r.edit(dev, now, p);
                    }
                }
            }
            Op::ResolveConflicts => {
                let ids: Vec<_> = s
                    .employees
                    .records()
                    .filter(|r| !r.conflicts().is_empty())
                    .map(|r| r.id.clone())
                    .collect();
                for id in ids {
                    s.employees.resolve(&id, dev, now, 1);
                }
            }
        }
    }
    s
}

fn replicas() -> impl Strategy<Value = (Snapshot, Snapshot, Snapshot)> {
    let ops = || prop::collection::vec(op(), 0..8);
    (any::<u64>(), ops(), ops(), ops(), any::<bool>()).prop_map(|(seed, a, b, c, c_syncs_first)| {
        let s = base(seed);
        let a = apply(s.clone(), &device("tab-a"), &a, seed ^ 1);
        let b = apply(s.clone(), &device("tab-b"), &b, seed ^ 2);
        // Device c sometimes imports a and b first, then edits (resolving their conflicts).
        let c_start = if c_syncs_first { m(&a, &b) } else { s };
        let c = apply(c_start, &device("tab-c"), &c, seed ^ 3);
        (a, b, c)
    })
}

fn m(a: &Snapshot, b: &Snapshot) -> Snapshot {
    merge(a, b).0
}

/// Every version of `t` is still in `merged` or superseded by a version there.
fn nothing_lost<T: RecordData>(t: &Table<T>, merged: &Table<T>) -> bool {
    t.records().all(|r| {
        let Some(mr) = merged.get_any(&r.id) else {
            return false;
        };
        r.versions()
            .iter()
            .all(|v| mr.versions().iter().any(|w| w == v || w.clock.supersedes(&v.clock)))
    })
}

proptest! {
    #[test]
    fn merge_is_idempotent((a, b, _c) in replicas()) {
        prop_assert_eq!(m(&a, &a), a.clone());
        let ab = m(&a, &b);
        prop_assert_eq!(m(&ab, &b), ab.clone());
        prop_assert_eq!(m(&ab, &a), ab);
    }

    #[test]
    fn merge_is_commutative((a, b, _c) in replicas()) {
        prop_assert_eq!(m(&a, &b), m(&b, &a));
    }

    #[test]
    fn merge_is_associative((a, b, c) in replicas()) {
        prop_assert_eq!(m(&m(&a, &b), &c), m(&a, &m(&b, &c)));
    }

    #[test]
    fn merge_loses_no_version_and_progress_only_moves_forward((a, b, _c) in replicas()) {
        let ab = m(&a, &b);
        prop_assert!(nothing_lost(&a.employees, &ab.employees));
        prop_assert!(nothing_lost(&b.employees, &ab.employees));
        prop_assert!(nothing_lost(&a.activities, &ab.activities));
        prop_assert!(nothing_lost(&b.assessments, &ab.assessments));
        for side in [&a, &b] {
            for r in side.progress.records() {
                let merged = ab.progress.get(&r.id).unwrap().data();
                prop_assert!(merged.lessons_done.is_superset(&r.data().lessons_done));
                prop_assert!(r.data().attempts.keys().all(|k| merged.attempts.contains_key(k)));
                prop_assert!(r.data().completion.is_none() || merged.completion.is_some());
                // A lesson's note is never older in the merge than on either side.
                for (lesson, n) in &r.data().notes {
                    prop_assert!(merged.notes.get(lesson).is_some_and(|m| m.at >= n.at));
                }
                prop_assert!(ab.progress.get(&r.id).unwrap().conflicts().is_empty());
            }
        }
    }

    #[test]
    fn concurrent_edits_of_one_record_are_kept_as_a_conflict(name_a in "[A-Z][a-z]{2,6}", name_b in "[a-z]{2,6}") {
        let s = base(11);
        let a = apply(s.clone(), &device("tab-a"), &[Op::RenameEmployee(0, name_a.clone())], 1);
        let b = apply(s, &device("tab-b"), &[Op::RenameEmployee(0, name_b.clone())], 2);
        let (ab, report) = merge(&a, &b);
        let id = a.employees.records().next().unwrap().id.clone();
        let r = ab.employees.get(&id).unwrap();
        let mut names: Vec<String> = r.versions().iter().map(|v| v.data.as_ref().unwrap().name.clone()).collect();
        names.sort();
        let mut want = vec![name_a, name_b];
        want.sort();
        prop_assert_eq!(names, want);
        prop_assert_eq!(report.table(RecordKind::Employees).conflicts, vec![id]);
    }

    #[test]
    fn export_import_round_trip_is_identity((a, b, _c) in replicas()) {
        let ab = m(&a, &b);
        prop_assert_eq!(import(ab.to_json().as_bytes(), now()).unwrap(), ab);
    }

    #[test]
    fn import_never_panics_on_arbitrary_json(v in arb_json()) {
        let _ = import_value(v.clone(), now());
        let _ = import(v.to_string().as_bytes(), now());
    }

    #[test]
    fn import_never_panics_on_mutated_exports(seed in any::<u64>(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let mut bytes = base(seed).to_json().into_bytes();
        for (pos, byte) in flips {
            let n = bytes.len();
            bytes[pos % n] = byte;
        }
        let _ = import(&bytes, now());
    }
}

/// Arbitrary JSON, biased toward Lentera's own keys so validation paths deep inside are reached.
fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let key = prop_oneof![
        Just("format".to_string()),
        Just("schema_version".to_string()),
        Just("employees".to_string()),
        Just("assessments".to_string()),
        Just("progress".to_string()),
        Just("id".to_string()),
        Just("data".to_string()),
        Just("clock".to_string()),
        Just("nip".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!("lentera")),
        Just(json!(1)),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

// --- Records at the version bound ---------------------------------------------------------

/// `spec.len()` mutually concurrent versions of one activity: each device edited it on top of
/// `shared` edits by `tab-base` that all have seen, then once or more on its own (so no clock
/// covers another). `(own edits, deleted, seconds after the start, hours)` per device.
fn concurrent_versions(shared: u64, spec: &[VersionSpec]) -> Vec<Version<Activity>> {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let owner = common::id("e1");
    spec.iter()
        .enumerate()
        .map(|(i, &(own, deleted, secs, hours))| {
            let dev = device(&format!("tab-{i:02}"));
            let mut clock = std::collections::BTreeMap::new();
            clock.insert(device("tab-base"), shared);
            clock.insert(dev.clone(), own);
            let data = Activity {
                employee: owner.clone(),
                title: format!("Kegiatan {i}"),
                method: Method::Coaching,
                start: lentera::domain::generate::reference_day(),
                end: lentera::domain::generate::reference_day(),
                hours: hours as f64,
                competencies: vec![],
                evidence: String::new(),
                session: None,
            };
            Version {
                clock: Clock::from(clock),
                device: dev,
                updated_at: t0 + Duration::seconds(secs),
                data: (!deleted).then_some(data),
                owner: deleted.then(|| owner.clone()),
            }
        })
        .collect()
}

fn activity_record(versions: Vec<Version<Activity>>) -> Record<Activity> {
    let created = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    Record::from_versions(common::id("a1"), created, versions).expect("at least one version")
}

/// A file holding employee `e1` and `record`.
fn file_with(record: Record<Activity>) -> Snapshot {
    let mut s = Snapshot::default();
    s.employees
        .upsert(common::employee_record("e1", "Siti Aminah", PositionKind::Pengawas));
    s.activities.upsert(record);
    s
}

/// One version's parameters: its own device's edit count, deleted or not, seconds after the
/// base time, hours.
type VersionSpec = (u64, bool, i64, u8);

/// Up to `MAX_VERSIONS` concurrent versions, each assigned to the left copy (0), the right
/// copy (1) or both (2).
fn split_versions() -> impl Strategy<Value = (u64, Vec<VersionSpec>, Vec<u8>)> {
    (
        0u64..4,
        prop::collection::vec((1u64..4, prop::bool::weighted(0.2), 0i64..5, 1u8..40), 1..=MAX_VERSIONS),
        prop::collection::vec(0u8..3, MAX_VERSIONS),
    )
}

proptest! {
    #[test]
    fn merging_up_to_max_versions_concurrent_versions_keeps_them_all_and_is_idempotent_and_commutative(
        (shared, spec, sides) in split_versions()
    ) {
        let all = concurrent_versions(shared, &spec);
        let n = all.len();
        let pick = |side: u8| -> Vec<Version<Activity>> {
            all.iter()
                .enumerate()
                // Version 0 is always on the left and the last one always on the right, so
                // neither copy is empty.
                .filter(|(i, _)| sides[*i] == side || sides[*i] == 2 || (*i == 0 && side == 0) || (*i == n - 1 && side == 1))
                .map(|(_, v)| v.clone())
                .collect()
        };
        let left = activity_record(pick(0));
        let right = activity_record(pick(1));
        let merged = left.merge(&right);

        prop_assert_eq!(merged.versions().len(), n);
        prop_assert!(all.iter().all(|v| merged.versions().contains(v)));
        prop_assert_eq!(&right.merge(&left), &merged);
        prop_assert_eq!(&merged.merge(&merged), &merged);
        prop_assert_eq!(&merged.merge(&left), &merged);
        prop_assert_eq!(&right.merge(&merged), &merged);
        prop_assert_eq!(&left.merge(&left), &left);

        // What two in-bound copies merge to is itself an importable file, read back unchanged.
        let file = file_with(merged);
        prop_assert_eq!(import(file.to_json().as_bytes(), now()).unwrap(), file);
    }
}

#[test]
fn import_refuses_a_record_with_one_version_more_than_max_versions() {
    let spec: Vec<_> = (0..MAX_VERSIONS as i64 + 1).map(|i| (1, i % 5 == 0, i, 2)).collect();
    let record = activity_record(concurrent_versions(1, &spec));
    assert_eq!(record.versions().len(), MAX_VERSIONS + 1, "all concurrent, all kept");
    let err = import(file_with(record).to_json().as_bytes(), now()).unwrap_err();
    assert_eq!(err.len(), 1, "{err:?}");
    assert_eq!(err[0].path, "activities[id=a1]");
    assert!(err[0].text.en.contains("too many versions"), "{err:?}");

    let spec = &spec[..MAX_VERSIONS];
    let at_bound = file_with(activity_record(concurrent_versions(1, spec)));
    assert!(import(at_bound.to_json().as_bytes(), now()).is_ok());
}
