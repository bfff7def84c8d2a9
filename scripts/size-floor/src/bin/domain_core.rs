//! Every part of Lentera's domain core the app calls, and no screen: import and validation,
//! merge, the built-in dictionary and rules, a content pack, the rules for a cohort, the
//! cohort CSV, a Moodle framework, export, the stored format and lesson Markdown.

use lentera::domain::{catalog, json, lang, markdown, model, moodle, rules, snapshot};
use wasm_bindgen::prelude::*;

fn main() {}

#[wasm_bindgen]
pub fn run(export: &str, pack: &str, framework_csv: &str, year: i32) -> String {
    let Some(today) = chrono::NaiveDate::from_ymd_opt(year, 11, 22) else {
        return String::new();
    };
    let Ok(snap) = snapshot::import::import(export.as_bytes()) else {
        return String::new();
    };
    let (merged, report) = snapshot::merge::merge(&snap, &snap);
    let Ok(pack) = json::from_str::<model::pack::ContentPack>(pack) else {
        return String::new();
    };
    let Ok(cat) = catalog::Catalog::with_packs([&pack]) else {
        return String::new();
    };
    let profiles = rules::profile::profiles(&merged, &cat, today);
    let summary = rules::cohort::summary(&profiles, &cat.rules);
    let mut rows: Vec<_> = profiles.iter().map(rules::report::CohortRow::of).collect();
    rules::report::sort_rows(&mut rows, rules::report::Column::Name, true);
    let csv = rules::report::csv(&rows, lang::Lang::Id);
    let framework = moodle::framework_pack(framework_csv, None).map(|p| p.modules.len());
    let stored = snapshot::stored::encode(1, &merged);
    let back = snapshot::stored::decode(&stored).is_ok();
    let blocks = markdown::parse(export).len();
    format!(
        "{} {} {} {:?} {} {} {}",
        stored.len(),
        csv.len(),
        summary.total,
        framework.ok(),
        report.changes_anything(),
        back,
        blocks
    )
}
