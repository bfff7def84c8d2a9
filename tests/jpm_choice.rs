//! This device's JPM choices (`domain::jpm_choice`) under the packs' rules.

use lentera::domain::catalog::Catalog;
use lentera::domain::jpm_choice::{fixed_by, JpmChoice, JpmSetting, CHOSEN_HERE};
use lentera::domain::model::pack::{ContentPack, PACK_FORMAT};

fn pack(id: &str, rules: serde_json::Value) -> ContentPack {
    let mut p: ContentPack = lentera::domain::json::from_value(&serde_json::json!({
        "format": PACK_FORMAT, "id": id, "version": 1, "title": {"id": id}, "modules": []
    }))
    .expect("a minimal pack");
    p.rules = Some(rules);
    p
}

#[test]
fn a_device_chooses_the_scheme_and_the_rules_say_it_was_chosen_here() {
    let choice = JpmChoice {
        scheme: Some("memenuhi_syarat".into()),
        no_compensation: Some(true),
        ..JpmChoice::default()
    };
    let cat = Catalog::with_choice_and_packs(&choice, []).unwrap();
    assert_eq!(cat.rules.scheme().unwrap().id, "memenuhi_syarat");
    assert!(cat.rules.jpm.no_compensation.value);
    assert_eq!(cat.rules.jpm.scheme.source, CHOSEN_HERE);
    // What it did not choose stays as the built-in rules have it, source and all.
    assert_eq!(cat.rules.jpm.cap_at_100, Catalog::default().rules.jpm.cap_at_100);
    assert_eq!(JpmChoice::read(&choice.write()), choice);
    assert_eq!(JpmChoice::read("not json"), JpmChoice::default());
}

#[test]
fn the_agencys_pack_wins_over_the_device_and_is_named() {
    let agency = pack("dinas", serde_json::json!({"jpm": {"scheme": {"value": "optimal"}}}));
    let other = pack("lain", serde_json::json!({"jp": {"annual_target": {"value": 24}}}));
    let choice = JpmChoice {
        scheme: Some("memenuhi_syarat".into()),
        no_compensation: Some(true),
        ..JpmChoice::default()
    };
    let cat = Catalog::with_choice_and_packs(&choice, [&agency, &other]).unwrap();
    assert_eq!(cat.rules.scheme().unwrap().id, "optimal", "the pack's scheme");
    assert!(
        cat.rules.jpm.no_compensation.value,
        "the device's choice where the pack is silent"
    );
    assert_eq!(
        fixed_by([&agency, &other], JpmSetting::Scheme).map(|p| p.id.as_str()),
        Some("dinas")
    );
    assert!(fixed_by([&agency, &other], JpmSetting::NoCompensation).is_none());
}

#[test]
fn a_choice_the_packs_made_impossible_never_stops_them_loading() {
    // The agency's pack keeps only its own scheme: the device's earlier choice is gone.
    let mut only = Catalog::default().rules.jpm.schemes.value;
    only.retain(|s| s.id == "optimal");
    let agency = pack("dinas", serde_json::json!({"jpm": {"schemes": {"value": only}}}));
    let choice = JpmChoice {
        scheme: Some("memenuhi_syarat".into()),
        ..JpmChoice::default()
    };
    let cat = Catalog::with_choice_and_packs(&choice, [&agency]).unwrap();
    assert_eq!(cat.rules.scheme().unwrap().id, "optimal");
    assert_eq!(cat.packs.len(), 1);
}
