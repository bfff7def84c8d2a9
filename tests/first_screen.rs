//! The first screen's summary (`domain::first_screen`): what the small first download shows
//! before the whole learner app has loaded.

mod common;

use common::*;
use lentera::domain::first_screen::{FirstScreen, VERSION};
use lentera::domain::lang::Lang;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::lock::ProfileLock;
use lentera::domain::pin::hash_pin;
use lentera::domain::rules_config::RulesConfig;
use lentera::domain::snapshot::Snapshot;

fn tablet() -> Snapshot {
    let mut s = Snapshot::default();
    for (key, name) in [("c", "citra Lestari"), ("a", "Budi Santoso"), ("b", "Ayu Wulandari")] {
        s.employees.upsert(employee_record(key, name, PositionKind::Pelaksana));
    }
    let lock = ProfileLock {
        pin: hash_pin("2468", [7; 16]),
        signing: None,
    };
    s.set_lock(&id("b"), lock, &device("tab"), t(2026, 2, 1));
    s
}

#[test]
fn the_summary_lists_live_profiles_by_name_with_their_pin_but_never_the_pin() {
    let mut s = tablet();
    s.erase_person(&id("a"), &device("tab"), t(2026, 3, 1));
    let summary = FirstScreen::of(&s, &RulesConfig::default());
    let names: Vec<&str> = summary.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ayu Wulandari", "citra Lestari"],
        "sorted case-insensitively, the erased one gone"
    );
    assert!(summary.profiles[0].has_pin);
    assert!(!summary.profiles[1].has_pin);
    let text = summary.write();
    assert!(
        !text.contains("pin\":{") && !text.contains("salt") && !text.contains("hash"),
        "{text}"
    );
}

#[test]
fn the_welcome_states_the_rules_in_force() {
    let mut rules = RulesConfig::default();
    rules.jp.annual_target.value = 24.0;
    let summary = FirstScreen::of(&Snapshot::default(), &rules);
    assert!(
        summary.welcome.get(Lang::Id).contains("mencatat 24 JP"),
        "{:?}",
        summary.welcome
    );
}

#[test]
fn a_new_tablet_shows_what_the_whole_app_would_with_the_built_in_rules() {
    assert_eq!(
        FirstScreen::fresh(),
        FirstScreen::of(&Snapshot::default(), &RulesConfig::default())
    );
}

#[test]
fn a_stored_summary_reads_back_and_anything_else_is_ignored() {
    let summary = FirstScreen::of(&tablet(), &RulesConfig::default());
    assert_eq!(FirstScreen::read(&summary.write()), Some(summary.clone()));
    let other = summary
        .write()
        .replace(&format!("\"version\":{VERSION}"), "\"version\":99");
    assert_eq!(FirstScreen::read(&other), None, "another version is not misread");
    assert_eq!(FirstScreen::read("{\"profiles\":"), None);
    assert_eq!(FirstScreen::read("[]"), None);
}
