//! Native benchmarks: rules recompute for a 2,000-employee cohort, parse + validate + merge of
//! a ~10 MB export, and export serialisation. Figures are printed by criterion; no test asserts
//! a time. Run with `make bench`.

use chrono::{Duration, NaiveDate};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use lentera::domain::generate;
use lentera::domain::rules::cohort::summary;
use lentera::domain::rules::profile::profiles;
use lentera::domain::snapshot::{import::import, merge::merge, Snapshot};

const SEED: u64 = 2026;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Grows a cohort until its export is about `bytes` long.
fn cohort_of_size(bytes: usize) -> (Snapshot, String) {
    let cat = generate::catalog(SEED, 40);
    let mut n = 2000;
    loop {
        let s = generate::cohort(SEED, n, &cat, today(), 3);
        let json = s.to_json();
        if json.len() >= bytes {
            return (s, json);
        }
        n = n * bytes / json.len().max(1) + 100;
    }
}

fn benches(c: &mut Criterion) {
    let cat = generate::catalog(SEED, 40);
    let cohort = generate::cohort(SEED, 2000, &cat, today(), 3);

    c.bench_function("rules: profiles + summary, 2000 employees", |b| {
        b.iter(|| {
            let ps = profiles(black_box(&cohort), &cat, today());
            summary(&ps, &cat.rules)
        })
    });

    let (big, json) = cohort_of_size(10 * 1024 * 1024);
    eprintln!(
        "import bench: {} employees, {:.1} MB export",
        big.employees.len(),
        json.len() as f64 / 1e6
    );
    // The device already holds half of the same records plus its own edits.
    let local = generate::cohort(SEED ^ 1, 200, &cat, today() - Duration::days(3), 1);
    let now = (today() + Duration::days(1)).and_hms_opt(0, 0, 0).expect("valid").and_utc();
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

criterion_group!(rules, benches);
criterion_main!(rules);
