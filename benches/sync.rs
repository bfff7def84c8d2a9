//! Native benchmarks of the sync protocol's logic against the in-memory CouchDB of the tests
//! (`tests/common/couch.rs`): a trainer's first pull of a 2,000-employee district into an empty
//! cohort, and the incremental pull after 50 edits. The network and the browser's storage are
//! not in these figures (the browser benchmark measures them); this is the cost of the
//! replication itself: changes, fetching, reading as an import, merging. Run with `make bench`.

#[path = "../tests/common/couch.rs"]
mod couch;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, TimeZone, Utc};
use couch::{block_on, FakeCouch};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use lentera::domain::generate;
use lentera::domain::record::{DeviceId, Id};
use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::merge::merge;
use lentera::domain::snapshot::Snapshot;
use lentera::domain::sync::doc::{docs_of, read_pulled, RecordDoc};
use lentera::domain::sync::remote::SyncError;
use lentera::domain::sync::replicate::{sync, Local, Server, SyncState};

const SEED: u64 = 2026;
const BATCH: usize = 5000;

/// A device holding `snapshot`, replicating `people`.
struct Device {
    snapshot: Snapshot,
    people: BTreeMap<Id, String>,
    state: SyncState,
}

impl Local for Device {
    fn docs(&self) -> Vec<RecordDoc> {
        docs_of(&self.snapshot, &self.people)
    }

    async fn absorb(&mut self, docs: &[RecordDoc]) -> Result<BTreeSet<String>, SyncError> {
        let (pulled, taken, _) = read_pulled(docs, &self.snapshot, Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap());
        self.snapshot = merge(&self.snapshot, &pulled).0;
        Ok(taken)
    }

    async fn save_state(&mut self, state: &SyncState) -> Result<(), SyncError> {
        self.state = state.clone();
        Ok(())
    }
}

fn run(device: &mut Device, couch: &FakeCouch, writable: bool) -> SyncState {
    let server = Server {
        remote: couch,
        name: "http://127.0.0.1:5984/lentera-kab-bench",
        writable,
    };
    let mut state = device.state.clone();
    block_on(sync(
        &server,
        &DeviceId::parse("bench").unwrap(),
        device,
        &mut state,
        BATCH,
    ))
    .expect("sync");
    state
}

fn benches(c: &mut Criterion) {
    let cat = generate::catalog(SEED, 40);
    let cohort = generate::cohort(SEED, 2000, &cat, generate::reference_day(), 3);
    let people: BTreeMap<Id, String> = cohort
        .employees
        .records()
        .map(|r| (r.id.clone(), r.data().nip.to_string()))
        .collect();
    // The district database, filled as the tablets' pushes would.
    let couch = FakeCouch::new();
    let mut district = Device {
        snapshot: cohort.clone(),
        people: people.clone(),
        state: SyncState::default(),
    };
    run(&mut district, &couch, true);
    let docs = couch.winners().len();
    // A trainer that has pulled it all.
    let mut trainer = Device {
        snapshot: Snapshot::default(),
        people: BTreeMap::new(),
        state: SyncState::default(),
    };
    trainer.state = run(&mut trainer, &couch, false);
    // 50 edits on the tablets, pushed.
    let edited = couch.fork();
    let mut tablets = Device {
        snapshot: cohort.clone(),
        people: people.clone(),
        state: district.state.clone(),
    };
    let ids: Vec<Id> = tablets
        .snapshot
        .activities
        .records()
        .take(50)
        .map(|r| r.id.clone())
        .collect();
    for (k, id) in ids.iter().enumerate() {
        let r = tablets.snapshot.activities.get_mut(id).unwrap();
        let mut a = r.data().clone();
        a.hours += 1.0;
        r.edit(
            &DeviceId::parse("tab-x").unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap() + Duration::minutes(k as i64),
            a,
        );
    }
    run(&mut tablets, &edited, true);

    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    // The reference: the same district handed over as one export file, read and merged.
    let file = cohort.to_json();
    group.bench_function(
        "reference: the same district as one export file, imported into an empty cohort",
        |b| {
            b.iter(|| {
                let theirs =
                    import(file.as_bytes(), Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()).expect("a valid file");
                merge(&Snapshot::default(), &theirs).0
            })
        },
    );
    group.bench_function(
        format!("first pull of a 2000-employee district ({docs} documents) into an empty cohort"),
        |b| {
            b.iter_batched(
                || Device {
                    snapshot: Snapshot::default(),
                    people: BTreeMap::new(),
                    state: SyncState::default(),
                },
                |mut d| run(&mut d, &couch, false),
                BatchSize::LargeInput,
            )
        },
    );
    group.bench_function("incremental pull after 50 edits, 2000-employee district", |b| {
        b.iter_batched(
            || Device {
                snapshot: trainer.snapshot.clone(),
                people: BTreeMap::new(),
                state: trainer.state.clone(),
            },
            |mut d| run(&mut d, &edited, false),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(sync_benches, benches);
criterion_main!(sync_benches);
