//! Entry points for the browser benchmark (`scripts/browser-bench.mjs`), built only with the
//! `bench` feature into a separate site: the same domain code as the app, timed inside wasm.

use wasm_bindgen::prelude::*;

use crate::domain::generate;
use crate::domain::rules::cohort::summary;
use crate::domain::rules::profile::profiles;
use crate::domain::snapshot::import::import;
use crate::domain::snapshot::merge::merge;

const SEED: u64 = 2026;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Median milliseconds of `runs` runs of the full rules recompute (every profile + the cohort
/// summary) for a generated cohort of `n` employees with 40 modules — the native criterion
/// benchmark's workload.
#[wasm_bindgen]
pub fn bench_rules(n: u32, runs: u32) -> f64 {
    rules_runs(n, runs, false)
}

/// The same with no signature verdict remembered (`domain::signing`): the first pass after the
/// cohort opens, when every supervisor's signature is checked once.
#[wasm_bindgen]
pub fn bench_rules_first_pass(n: u32, runs: u32) -> f64 {
    rules_runs(n, runs, true)
}

fn rules_runs(n: u32, runs: u32, first_pass: bool) -> f64 {
    let cat = generate::catalog(SEED, 40);
    let cohort = generate::cohort(SEED, n as usize, &cat, generate::reference_day(), 3);
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            if first_pass {
                crate::domain::signing::forget_verdicts();
            }
            let t = now_ms();
            let ps = profiles(&cohort, &cat, generate::reference_day());
            let s = summary(&ps, &cat.rules);
            std::hint::black_box(s);
            now_ms() - t
        })
        .collect();
    crate::domain::sort::sort_by(&mut times, f64::total_cmp);
    times[times.len() / 2]
}

/// A generated export of about `bytes` bytes (JSON text), to feed `bench_import`.
#[wasm_bindgen]
pub fn bench_export(bytes: u32) -> String {
    let cat = generate::catalog(SEED, 40);
    let mut n = 2000usize;
    loop {
        let json = generate::cohort(SEED, n, &cat, generate::reference_day(), 3).to_json();
        if json.len() >= bytes as usize {
            return json;
        }
        n = n * bytes as usize / json.len().max(1) + 100;
    }
}

/// Milliseconds to parse, validate and merge `json` into a device that already holds 200
/// employees of its own.
#[wasm_bindgen]
pub fn bench_import(json: &str) -> f64 {
    let cat = generate::catalog(SEED, 40);
    let local = generate::cohort(SEED ^ 1, 200, &cat, generate::reference_day(), 1);
    let t = now_ms();
    let incoming = import(json.as_bytes(), crate::browser::now()).expect("generated export is valid");
    let merged = merge(&local, &incoming);
    std::hint::black_box(merged);
    now_ms() - t
}

/// Stores a generated cohort of `n` employees as the trainer's cohort (IndexedDB), for the
/// table-rendering measurement. Resolves once it is written.
#[wasm_bindgen]
pub async fn bench_seed_cohort(n: u32) -> Result<(), JsValue> {
    let cat = generate::catalog(SEED, 40);
    let cohort = generate::cohort(SEED, n as usize, &cat, generate::reference_day(), 3);
    // The cohort is stored encrypted with the bench's trainer passphrase.
    crate::storage::cohort::store_sealed("kata-sandi-bench", &cohort)
        .await
        .map_err(|e| JsValue::from_str(&e))
}

/// Milliseconds to hash one PIN the way the app does (`domain::pin::ROUNDS` PBKDF2 rounds):
/// what an unlock costs, and what each offline guess costs an attacker on the same hardware.
#[wasm_bindgen]
pub fn bench_pin_hash() -> f64 {
    let t = now_ms();
    std::hint::black_box(crate::domain::pin::hash_pin("2468", [7; 16]));
    now_ms() - t
}

/// The documents of a generated district of `n` employees, as the tablets would have pushed
/// them (each record at its first revision): a JSON array for `_bulk_docs` with
/// `new_edits: false`, loaded into the sync benchmark's server.
#[wasm_bindgen]
pub fn bench_district_docs(n: u32) -> String {
    district_writes(n, 0)
}

/// The same district after `edits` activities were edited on a tablet: only the edited
/// documents, each as the child of its first revision.
#[wasm_bindgen]
pub fn bench_district_edits(n: u32, edits: u32) -> String {
    district_writes(n, edits)
}

/// The same district as one export file (the reference of the sync benchmark).
#[wasm_bindgen]
pub fn bench_district_file(n: u32) -> String {
    let cat = generate::catalog(SEED, 40);
    generate::cohort(SEED, n as usize, &cat, generate::reference_day(), 3).to_json()
}

fn district_writes(n: u32, edits: u32) -> String {
    use crate::domain::sync::doc::docs_of;
    use crate::domain::sync::revs::Rev;
    let cat = generate::catalog(SEED, 40);
    let mut cohort = generate::cohort(SEED, n as usize, &cat, generate::reference_day(), 3);
    let people = cohort
        .employees
        .records()
        .map(|r| (r.id.clone(), r.data().nip.to_string()))
        .collect();
    let first: std::collections::BTreeMap<String, Rev> = docs_of(&cohort, &people)
        .into_iter()
        .map(|d| (d.doc_id_of(), Rev::child(None, &d.content_hash(), false)))
        .collect();
    if edits == 0 {
        let docs: Vec<serde_json::Value> = docs_of(&cohort, &people)
            .iter()
            .map(|d| d.to_write(&first[&d.doc_id_of()], None))
            .collect();
        return serde_json::Value::Array(docs).to_string();
    }
    let device = crate::domain::record::Id::parse("bench-tablet").expect("an id");
    let ids: Vec<_> = cohort
        .activities
        .records()
        .take(edits as usize)
        .map(|r| r.id.clone())
        .collect();
    for id in &ids {
        if let Some(r) = cohort.activities.get_mut(id) {
            let mut a = r.data().clone();
            a.hours += 1.0;
            r.edit(
                &device,
                chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default(),
                a,
            );
        }
    }
    let docs: Vec<serde_json::Value> = docs_of(&cohort, &people)
        .iter()
        .filter(|d| ids.contains(&d.id))
        .map(|d| {
            let parent = &first[&d.doc_id_of()];
            d.to_write(&Rev::child(Some(parent), &d.content_hash(), false), Some(parent))
        })
        .collect();
    serde_json::Value::Array(docs).to_string()
}
