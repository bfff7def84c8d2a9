//! The shipped content: the built-in competency dictionary and the default pack in `public/`
//! must be complete and valid by the same checks the app runs when it loads a pack.

use std::collections::BTreeSet;

use lentera::domain::catalog::{builtin_dictionary, pack_problems, Catalog};
use lentera::domain::lang::Text;
use lentera::domain::model::competency::{Competency, CompetencyType};
use lentera::domain::model::ident::{self, IdentKind, RULES};
use lentera::domain::model::pack::ContentPack;

fn default_pack() -> ContentPack {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/packs/default.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("default pack parses")
}

fn both(t: &Text) -> bool {
    !t.id.trim().is_empty() && !t.en.trim().is_empty()
}

fn assert_full_dictionary_entry(c: &Competency) {
    assert!(both(&c.name) && both(&c.definition), "{}", c.code);
    let levels: Vec<u8> = c.levels.iter().map(|l| l.level).collect();
    assert_eq!(levels, [1, 2, 3, 4, 5], "{}", c.code);
    for l in &c.levels {
        assert!(both(&l.description), "{} level {}", c.code, l.level);
        assert!(l.indicators.len() >= 3, "{} level {}", c.code, l.level);
        assert!(l.indicators.iter().all(both), "{} level {}", c.code, l.level);
    }
}

#[test]
fn the_builtin_dictionary_holds_the_eight_managerial_competencies_and_perekat_bangsa() {
    let dict = builtin_dictionary();
    let codes: Vec<&str> = dict.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(
        codes,
        ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]
    );
    assert!(dict[..8].iter().all(|c| c.kind == CompetencyType::Manajerial));
    assert_eq!(dict[8].kind, CompetencyType::SosialKultural);
    dict.iter().for_each(assert_full_dictionary_entry);
}

#[test]
fn the_default_pack_is_valid() {
    let pack = default_pack();
    let problems = pack_problems(&pack, &Catalog::default());
    assert!(problems.is_empty(), "{problems:#?}");
    Catalog::with_packs([&pack]).expect("applies");
}

#[test]
fn the_default_pack_covers_every_competency_with_substantial_modules() {
    let pack = default_pack();
    assert!(pack.modules.len() >= 12);
    let technical: Vec<&Competency> = pack
        .competencies
        .iter()
        .filter(|c| c.kind == CompetencyType::Teknis)
        .collect();
    assert!(technical.len() >= 3);
    technical.iter().for_each(|c| assert_full_dictionary_entry(c));

    let targeted: BTreeSet<&str> = pack
        .modules
        .iter()
        .flat_map(|m| m.targets.iter().map(|t| t.competency.as_str()))
        .collect();
    for code in ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"] {
        assert!(targeted.contains(code), "no module for {code}");
    }
    for c in &technical {
        assert!(targeted.contains(c.code.as_str()), "no module for {}", c.code);
    }
    for m in &pack.modules {
        assert!(both(&m.title) && both(&m.summary), "{}", m.id);
        assert!(m.lessons.len() >= 3, "{} has {} lessons", m.id, m.lessons.len());
        for l in &m.lessons {
            let words = l.body.id.split_whitespace().count();
            assert!(words >= 150, "{} / {}: only {words} words", m.id, l.id);
            assert!(!l.body.id.contains('<'), "{} / {}: raw HTML in a lesson", m.id, l.id);
        }
        assert!(m.quiz.questions.len() >= 5, "{}", m.id);
        assert!(
            m.quiz.questions.iter().all(|q| both(&q.prompt) && both(&q.explanation)),
            "{}",
            m.id
        );
        assert!(m.jp > 0.0);
    }
}

#[test]
fn a_malformed_pack_is_refused_with_reasons() {
    let mut pack = default_pack();
    pack.format = "something".into();
    pack.modules[0].quiz.questions[0].correct = vec![99];
    pack.modules[1].targets[0].competency = "X.99".into();
    pack.modules[2].id = pack.modules[3].id.clone();
    let problems = pack_problems(&pack, &Catalog::default());
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems.iter().all(both));
}

#[test]
fn the_shipped_identifiers_follow_the_rules() {
    for c in builtin_dictionary() {
        assert_eq!(ident::check(IdentKind::Competency, &c.code), Ok(()));
    }
    let pack = default_pack();
    assert_eq!(ident::check(IdentKind::Pack, &pack.id), Ok(()));
    for c in &pack.competencies {
        assert_eq!(ident::check(IdentKind::Competency, &c.code), Ok(()));
    }
    for m in &pack.modules {
        assert_eq!(ident::check(IdentKind::Module, &m.id), Ok(()));
        for l in &m.lessons {
            assert_eq!(ident::check(IdentKind::Lesson, &l.id), Ok(()));
        }
    }
}

/// The problems of the default pack after `edit`, which must be exactly one, in both languages.
fn only_problem(edit: impl FnOnce(&mut ContentPack)) -> Text {
    let mut pack = default_pack();
    edit(&mut pack);
    let problems = pack_problems(&pack, &Catalog::default());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(both(&problems[0]));
    problems.into_iter().next().unwrap()
}

#[test]
fn identifiers_that_would_break_record_ids_are_refused_naming_the_field() {
    let p = only_problem(|p| p.modules[0].id = "mod satu".into());
    assert!(p.en.starts_with("Module id \"mod satu\" is invalid"), "{}", p.en);
    assert!(p.id.starts_with("Id modul \"mod satu\" tidak sah"), "{}", p.id);

    let p = only_problem(|p| p.id = "lentera:dasar".into());
    assert!(p.en.starts_with("Pack id \"lentera:dasar\" is invalid"), "{}", p.en);
    assert!(p.en.contains("1–20 characters"));

    let long = "mod-m08-pengambilan-keputusan-lanjutan";
    let p = only_problem(|p| p.modules[7].id = long.into());
    assert!(p.en.starts_with(&format!("Module id \"{long}\"")), "{}", p.en);
    assert!(
        p.en.contains("too long: 38 characters") && p.en.contains("1–32 characters"),
        "{}",
        p.en
    );

    let p = only_problem(|p| {
        let mut c = p.competencies[0].clone();
        c.code = "T:TIK:02".into();
        p.competencies.push(c);
    });
    assert!(
        p.en.starts_with("Pack competency: Competency code \"T:TIK:02\""),
        "{}",
        p.en
    );

    let p = only_problem(|p| p.modules[0].lessons[1].id = "l.2".into());
    assert!(
        p.en.starts_with("Module \"mod-m01-integritas\": Lesson id \"l.2\""),
        "{}",
        p.en
    );

    // A malformed reference is reported as such, not also as unknown.
    let p = only_problem(|p| p.modules[0].targets[0].competency = "M 01".into());
    assert!(p.en.contains("target: Competency code \"M 01\""), "{}", p.en);
}

#[test]
fn a_competency_code_defined_twice_in_a_pack_is_refused() {
    let p = only_problem(|p| {
        let again = p.competencies[0].clone();
        p.competencies.push(again);
    });
    assert!(p.en.contains("\"T.TIK.01\" is defined twice"), "{}", p.en);
}

#[test]
fn the_identifier_rules_are_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content-pack.md")).unwrap();
    for r in &RULES {
        let row = format!(
            "| {} | {} | letters, digits and `{}` | {} |",
            r.field.1,
            r.json,
            r.punctuation_shown(),
            r.max_len
        );
        assert!(doc.contains(&row), "docs/content-pack.md lacks the row\n{row}");
    }
    assert!(doc.contains(&format!("| {} |", ident::MAX_EMPLOYEE_ID_LEN)));
}
