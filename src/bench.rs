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
