//! Native benchmarks: rules recompute for a 2,000-employee cohort, parse + validate + merge of
//! a ~10 MB export, export serialisation, and merging records at the version bound. Figures are
//! printed by criterion; no test asserts a time. Run with `make bench`; only the merge group
//! with `cargo bench --bench rules -- '^merge/'`.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use lentera::domain::generate;
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::evaluation::{Performance, Rating};
use lentera::domain::record::{Clock, Id, Record, Table, Version};
use lentera::domain::rules::cohort::summary;
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::proof::proof_of;
use lentera::domain::signing::SecretKey;
use lentera::domain::snapshot::bounds::MAX_VERSIONS;
use lentera::domain::snapshot::{import::import, merge::merge, Snapshot};

const SEED: u64 = 2026;

/// Grows a cohort until its export is about `bytes` long.
fn cohort_of_size(bytes: usize) -> (Snapshot, String) {
    let cat = generate::catalog(SEED, 40);
    let mut n = 2000;
    loop {
        let s = generate::cohort(SEED, n, &cat, generate::reference_day(), 3);
        let json = s.to_json();
        if json.len() >= bytes {
            return (s, json);
        }
        n = n * bytes / json.len().max(1) + 100;
    }
}

fn benches(c: &mut Criterion) {
    let cat = generate::catalog(SEED, 40);
    let cohort = generate::cohort(SEED, 2000, &cat, generate::reference_day(), 3);

    c.bench_function("rules: profiles + summary, 2000 employees", |b| {
        b.iter(|| {
            let ps = profiles(black_box(&cohort), &cat, generate::reference_day());
            summary(&ps, &cat.rules)
        })
    });
    // The same with no signature verdict remembered: the first pass after opening the cohort.
    let mut group = c.benchmark_group("rules");
    group.sample_size(10);
    group.bench_function(
        "profiles + summary, 2000 employees, first pass (every signature checked)",
        |b| {
            b.iter(|| {
                lentera::domain::signing::forget_verdicts();
                let ps = profiles(black_box(&cohort), &cat, generate::reference_day());
                summary(&ps, &cat.rules)
            })
        },
    );
    group.finish();

    let (big, json) = cohort_of_size(10 * 1024 * 1024);
    eprintln!(
        "import bench: {} employees, {:.1} MB export",
        big.employees.len(),
        json.len() as f64 / 1e6
    );
    // The device already holds half of the same records plus its own edits.
    let local = generate::cohort(SEED ^ 1, 200, &cat, generate::reference_day() - Duration::days(3), 1);
    let now = (generate::reference_day() + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .expect("valid")
        .and_utc();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("parse + validate + merge, ~10 MB export", |b| {
        b.iter(|| {
            let incoming = import(black_box(json.as_bytes()), now).expect("valid");
            merge(&local, &incoming)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("serialise 2000 employees", |b| b.iter(|| black_box(&cohort).to_json()));
    group.finish();
}

/// One activity holding `MAX_VERSIONS` mutually concurrent versions, one per device named
/// `<side>-<n>`: the most versions an import lets one record carry.
fn widest_record(id: &Id, side: &str) -> Record<Activity> {
    let t0: DateTime<Utc> = generate::reference_day().and_hms_opt(8, 0, 0).expect("valid").and_utc();
    let employee = Id::parse("e1").expect("valid");
    let versions = (0..MAX_VERSIONS)
        .map(|i| {
            let device = Id::parse(&format!("{side}-{i:02}")).expect("valid");
            let mut clock = BTreeMap::new();
            clock.insert(device.clone(), 1);
            Version {
                clock: Clock::from(clock),
                device,
                updated_at: t0 + Duration::seconds(i as i64),
                data: Some(Activity {
                    employee: employee.clone(),
                    title: format!("Kegiatan {side} {i}"),
                    method: Method::Coaching,
                    start: generate::reference_day(),
                    end: generate::reference_day(),
                    hours: 1.0 + i as f64,
                    competencies: vec![],
                    evidence: String::new(),
                    session: None,
                }),
                owner: None,
            }
        })
        .collect();
    Record::from_versions(id.clone(), t0, versions).expect("non-empty")
}

/// A snapshot of `n` such records.
fn widest_snapshot(n: usize, side: &str) -> Snapshot {
    let activities: Table<Activity> = (0..n)
        .map(|i| widest_record(&Id::parse(&format!("a{i:05}")).expect("valid"), side))
        .collect();
    Snapshot {
        activities,
        ..Snapshot::default()
    }
}

fn merge_benches(c: &mut Criterion) {
    let id = Id::parse("a1").expect("valid");
    let (left, right) = (widest_record(&id, "tab-l"), widest_record(&id, "tab-r"));
    // Not a timing: the copies really are concurrent, so the merge keeps every version.
    assert_eq!(left.merge(&right).versions().len(), 2 * MAX_VERSIONS);
    let (ours, theirs) = (widest_snapshot(2000, "tab-l"), widest_snapshot(2000, "tab-r"));

    let mut group = c.benchmark_group("merge");
    group.bench_function(
        format!("one record, 2 copies x {MAX_VERSIONS} concurrent versions"),
        |b| b.iter(|| black_box(&left).merge(black_box(&right))),
    );
    group.sample_size(10);
    group.bench_function(
        format!("2000 records, 2 copies x {MAX_VERSIONS} concurrent versions each"),
        |b| b.iter(|| merge(black_box(&ours), black_box(&theirs))),
    );
    group.finish();
}

/// One Ed25519 check of a signed rating, as `rules::proof` does it: first seen (verified), and
/// seen before (remembered).
fn signature_benches(c: &mut Criterion) {
    let key = SecretKey::from_seed([7; 32]);
    let (signer, employee) = (Id::parse("atasan").unwrap(), Id::parse("pegawai").unwrap());
    let cat = generate::catalog(SEED, 4);
    let mut people = generate::cohort(SEED, 1, &cat, generate::reference_day(), 1).employees;
    let mut boss = people.live().next().unwrap().data().clone();
    boss.signing_key = Some(key.public());
    let at = generate::reference_day().and_hms_opt(8, 0, 0).unwrap().and_utc();
    people.upsert(Record::create(signer.clone(), &signer, at, boss));
    let rating = |n: usize| {
        let mut r = Rating {
            employee: employee.clone(),
            year: 2026,
            half: 2,
            performance: Performance::Meets,
            potential: None,
            rater: "Atasan".into(),
            date: generate::reference_day(),
            note: format!("catatan {n}"),
            signature: None,
        };
        let id = Id::parse(&format!("r{n}")).unwrap();
        key.sign(&id, &mut r, &signer);
        (id, r)
    };
    let mut group = c.benchmark_group("signatures");
    let mut n = 0;
    group.bench_function("check one rating's signature, first seen", |b| {
        b.iter_batched(
            || {
                n += 1;
                rating(n)
            },
            |(id, r)| proof_of(&id, &r, &people),
            BatchSize::SmallInput,
        )
    });
    let (id, r) = rating(0);
    group.bench_function("check one rating's signature, seen before", |b| {
        b.iter(|| proof_of(black_box(&id), black_box(&r), &people))
    });
    group.finish();
}

criterion_group!(rules, benches, merge_benches, signature_benches);
criterion_main!(rules);
