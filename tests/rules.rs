//! Every rule against cases computed by hand from DESIGN.md's numbers.

mod common;

use std::collections::BTreeMap;

use chrono::Duration;
use chrono::{DateTime, Utc};
use common::*;
use lentera::domain::catalog::Catalog;
use lentera::domain::lang::Text;
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::assessment::Assessment;
use lentera::domain::model::assessment::AssessmentKind::{SelfAssessment, Verified};
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::evaluation::{Performance, Potential, Rating};
use lentera::domain::model::pack::{ContentPack, Lesson, Module, ModuleTarget, Question, Quiz, PACK_FORMAT};
use lentera::domain::model::progress::{Completion, Progress, QuizAttempt};
use lentera::domain::record::Id;
use lentera::domain::record::Record;
use lentera::domain::rules::cohort::{promotion_ranking, summary};
use lentera::domain::rules::jp::{activity_jp, jp_year, JpStatus};
use lentera::domain::rules::jpm::{jpm, jpm_weighted, TypeSplit};
use lentera::domain::rules::levels::{current_levels, standings, AssessmentRef, LevelSource};
use lentera::domain::rules::plan::proposed_items;
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::proof::{Proof, Verifier};
use lentera::domain::rules::recommend::{recommend, MentoringReason};
use lentera::domain::rules::schedule::{reevaluation, Reevaluation};
use lentera::domain::rules::talent::{talent_box, PotentialSource};
use lentera::domain::rules_config::RulesConfig;
use lentera::domain::rules_config::TypeWeights;
use lentera::domain::signing::SecretKey;
use lentera::domain::snapshot::Snapshot;

/// Assessments as the rules see them, every verified one proven (signed by a supervisor whose
/// key checks here; the proof itself is tested in `verification.rs`).
fn proven<'a>(items: &[(&'a Id, &'a Assessment, DateTime<Utc>)]) -> Vec<AssessmentRef<'a>> {
    items
        .iter()
        .map(|(i, a, w)| {
            let proof = if a.kind == Verified {
                Proof::Signed(std::sync::Arc::new(Verifier {
                    id: id("atasan"),
                    name: "Ibu Kepala".into(),
                    nip: "198001012005012001".into(),
                }))
            } else {
                Proof::SelfReported
            };
            AssessmentRef::new(i, a, *w, proof)
        })
        .collect()
}

fn rules() -> RulesConfig {
    RulesConfig::default()
}

fn pengawas_required() -> BTreeMap<String, u8> {
    let cat = Catalog::default();
    cat.required_levels(&employee("x", PositionKind::Pengawas).position)
}

#[test]
fn required_levels_follow_the_position_table_and_pack_standards() {
    let cat = Catalog::default();
    let req = pengawas_required();
    assert_eq!(req.len(), 9);
    assert!(req.values().all(|l| *l == 2));
    let jpt = cat.required_levels(&employee("x", PositionKind::JptPratama).position);
    assert!(jpt.values().all(|l| *l == 4));

    // A pack's standard for a position raises one managerial level and adds a technical
    // competency, for every Pengawas, or only for one title.
    use lentera::domain::model::pack::{PositionStandard, RequiredLevel};
    let mut pack = test_pack(vec![]);
    pack.standards = vec![
        PositionStandard {
            position: PositionKind::Pengawas,
            title: None,
            required: vec![RequiredLevel {
                competency: "M.01".into(),
                level: 3,
            }],
        },
        PositionStandard {
            position: PositionKind::Pengawas,
            title: Some("Kepala Seksi Pelayanan".into()),
            required: vec![RequiredLevel {
                competency: "M.02".into(),
                level: 4,
            }],
        },
    ];
    let with_pack = Catalog::with_packs([&pack]).expect("a valid pack");
    let seksi = with_pack.required_levels(&employee("x", PositionKind::Pengawas).position);
    assert_eq!((seksi["M.01"], seksi["M.02"], seksi["M.03"]), (3, 4, 2));
    let mut other = employee("y", PositionKind::Pengawas).position;
    other.title = "Kepala Subbagian Umum".into();
    let other = with_pack.required_levels(&other);
    assert_eq!(
        (other["M.01"], other["M.02"]),
        (3, 2),
        "the titled standard applies to its title only"
    );
}

#[test]
fn verified_level_beats_a_later_self_assessment() {
    let a1 = assessment("e1", Verified, d(2025, 12, 1), &[("M.01", 2)]);
    let a2 = assessment("e1", SelfAssessment, d(2026, 1, 10), &[("M.01", 3), ("M.02", 4)]);
    let (i1, i2) = (id("a1"), id("a2"));
    let cur = current_levels(&proven(&[(&i1, &a1, t(2026, 1, 1)), (&i2, &a2, t(2026, 1, 1))]));
    assert_eq!(cur["M.01"].level, 2);
    assert_eq!(cur["M.01"].source, LevelSource::Verified);
    assert_eq!(cur["M.02"].level, 4);
    assert_eq!(cur["M.02"].source, LevelSource::SelfAssessed);
}

#[test]
fn the_latest_self_assessment_counts_and_drafts_do_not() {
    let a1 = assessment("e1", SelfAssessment, d(2025, 6, 1), &[("M.01", 2)]);
    let a2 = assessment("e1", SelfAssessment, d(2026, 1, 10), &[("M.01", 3)]);
    let mut draft = assessment("e1", SelfAssessment, d(2026, 2, 1), &[("M.01", 5)]);
    draft.status = lentera::domain::model::assessment::AssessmentStatus::Draft;
    let (i1, i2, i3) = (id("a1"), id("a2"), id("a3"));
    let cur = current_levels(&proven(&[
        (&i2, &a2, t(2026, 1, 1)),
        (&i1, &a1, t(2026, 1, 1)),
        (&i3, &draft, t(2026, 1, 1)),
    ]));
    assert_eq!(cur["M.01"].level, 3);

    // Two on the same day: the one written later counts, whatever the ids.
    let morning = assessment("e1", SelfAssessment, d(2026, 3, 1), &[("M.01", 4)]);
    let evening = assessment("e1", SelfAssessment, d(2026, 3, 1), &[("M.01", 2)]);
    let (iz, ia) = (id("zzz"), id("aaa"));
    let cur = current_levels(&proven(&[
        (&iz, &morning, t(2026, 3, 1)),
        (&ia, &evening, t(2026, 3, 2)),
    ]));
    assert_eq!(cur["M.01"].level, 2);
}

#[test]
fn jpm_is_sum_of_levels_over_sum_required_with_both_schemes() {
    // Pengawas: 9 competencies × level 2 = 18 required. Held: 7 × 2 + 2 × 1 = 16 → 88.9 %.
    let a = assessment(
        "e1",
        SelfAssessment,
        d(2026, 1, 10),
        &levels_all(2, &[("M.01", 1), ("M.02", 1)]),
    );
    let i = id("a");
    let st = standings(
        &pengawas_required(),
        &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])),
    );
    assert_eq!(st.iter().find(|s| s.competency == "M.01").unwrap().gap(), 1);
    let r = rules();
    let j = jpm(&st, &r).unwrap();
    assert!((j.percent - 88.888).abs() < 0.01, "{}", j.percent);
    assert_eq!(j.band.key, "cukup_optimal");

    let r2 = r
        .with_override(&serde_json::json!({"jpm": {"scheme": {"value": "memenuhi_syarat"}}}))
        .unwrap();
    assert_eq!(jpm(&st, &r2).unwrap().band.key, "memenuhi_syarat");

    // 14/18 = 77.8 % → below 78: Kurang Optimal; but ≥ 68: Masih Memenuhi Syarat.
    let a = assessment(
        "e1",
        SelfAssessment,
        d(2026, 1, 10),
        &levels_all(2, &[("M.01", 1), ("M.02", 1), ("M.03", 1), ("M.04", 1)]),
    );
    let st = standings(
        &pengawas_required(),
        &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])),
    );
    assert_eq!(jpm(&st, &r).unwrap().band.key, "kurang_optimal");
    assert_eq!(jpm(&st, &r2).unwrap().band.key, "masih_memenuhi_syarat");
}

#[test]
fn jpm_cap_is_a_parameter_and_boundaries_belong_to_the_upper_band() {
    let a = assessment("e1", SelfAssessment, d(2026, 1, 10), &levels_all(3, &[]));
    let i = id("a");
    let st = standings(
        &pengawas_required(),
        &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])),
    );
    assert_eq!(jpm(&st, &rules()).unwrap().percent, 100.0);
    let uncapped = rules()
        .with_override(&serde_json::json!({"jpm": {"cap_at_100": {"value": false}}}))
        .unwrap();
    assert_eq!(jpm(&st, &uncapped).unwrap().percent, 150.0);

    // Administrator (level 3 × 9 = 27): held 24.3 is impossible, but 9 × 3 − 3 = 24 → 88.9;
    // exactly 90 % needs a 10-competency total: check the band function directly.
    let bands = &rules().scheme().unwrap().bands.clone();
    assert_eq!(
        lentera::domain::rules::jpm::category(90.0, bands).unwrap().key,
        "optimal"
    );
    assert_eq!(
        lentera::domain::rules::jpm::category(78.0, bands).unwrap().key,
        "cukup_optimal"
    );
    assert_eq!(
        lentera::domain::rules::jpm::category(77.99, bands).unwrap().key,
        "kurang_optimal"
    );
}

#[test]
fn without_compensation_a_level_above_the_standard_no_longer_hides_one_below() {
    // docs/rules.md §4: a Pengawas (2 × 9 = 18) at 1 in M.01 and M.02 and 3 in the other seven.
    let a = assessment(
        "e1",
        SelfAssessment,
        d(2026, 1, 10),
        &levels_all(3, &[("M.01", 1), ("M.02", 1)]),
    );
    let i = id("a");
    let st = standings(
        &pengawas_required(),
        &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])),
    );
    let with = jpm(&st, &rules()).unwrap();
    assert_eq!(
        (with.percent, with.band.key.as_str()),
        (100.0, "optimal"),
        "23 ÷ 18, capped"
    );
    assert_eq!(
        (with.meeting, with.required),
        (7, 9),
        "two below the standard, said beside it"
    );
    assert!(!with.no_compensation);
    let strict = rules()
        .with_override(&serde_json::json!({"jpm": {"no_compensation": {"value": true}}}))
        .unwrap();
    let without = jpm(&st, &strict).unwrap();
    assert!(
        (without.percent - 16.0 / 18.0 * 100.0).abs() < 1e-9,
        "{}",
        without.percent
    );
    assert_eq!(without.band.key, "cukup_optimal");
    assert!(without.no_compensation);
    // Without compensation nothing is above 100 %, capped or not.
    let uncapped = strict
        .with_override(&serde_json::json!({"jpm": {"cap_at_100": {"value": false}}}))
        .unwrap();
    assert_eq!(jpm(&st, &uncapped).unwrap().percent, without.percent);
}

#[test]
fn jpm_weighs_technical_against_other_competencies_where_the_position_has_weights() {
    // docs/rules.md §4: Ahli Madya, 40 % technical / 60 % managerial and socio-cultural.
    // Managerial and socio-cultural: 9 × 3 held of 9 × 3 required (100 %); technical T.A and
    // T.B required 3, held 3 and 2 (5 ÷ 6 = 83.3 %). Weighted: 0.4 × 83.3 + 0.6 × 100 = 93.3 %;
    // unweighted: 32 ÷ 33 = 97.0 %.
    let mut req: BTreeMap<String, u8> = levels_all(3, &[]).iter().map(|(c, l)| (c.to_string(), *l)).collect();
    req.insert("T.A".into(), 3);
    req.insert("T.B".into(), 3);
    let mut held = levels_all(3, &[]);
    held.extend([("T.A", 3), ("T.B", 2)]);
    let a = assessment("e1", Verified, d(2026, 1, 10), &held);
    let i = id("a");
    let st = standings(&req, &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])));
    let technical = |c: &str| c.starts_with("T.");
    let on = rules()
        .with_override(&serde_json::json!({"jpm": {"use_type_weights": {"value": true}}}))
        .unwrap();
    let weights = on
        .type_weights_for(PositionKind::FungsionalAhliMadya)
        .expect("Ahli Madya has weights");
    assert_eq!(
        weights,
        TypeWeights {
            technical: 40.0,
            managerial_socio_cultural: 60.0
        }
    );
    let j = jpm_weighted(
        &st,
        Some(TypeSplit {
            weights,
            technical: &technical,
        }),
        &on,
    )
    .unwrap();
    assert!((j.percent - (0.4 * 500.0 / 6.0 + 60.0)).abs() < 1e-9, "{}", j.percent);
    assert_eq!(j.weights, Some(weights));
    assert!(j.verified(), "every level signed by the supervisor");
    assert!((jpm(&st, &on).unwrap().percent - 3200.0 / 33.0).abs() < 1e-9);
    // Off by default, and a position without weights is not weighted.
    assert_eq!(rules().type_weights_for(PositionKind::FungsionalAhliMadya), None);
    assert_eq!(on.type_weights_for(PositionKind::Pengawas), None);
    // Someone with no technical competency required is measured unweighted, and says so.
    let managerial_only: Vec<_> = st.iter().filter(|s| !technical(&s.competency)).cloned().collect();
    let j = jpm_weighted(
        &managerial_only,
        Some(TypeSplit {
            weights,
            technical: &technical,
        }),
        &on,
    )
    .unwrap();
    assert_eq!((j.percent, j.weights), (100.0, None));
}

#[test]
fn a_self_assessed_jpm_says_it_is_not_verified() {
    let a = assessment("e1", SelfAssessment, d(2026, 1, 10), &levels_all(2, &[]));
    let i = id("a");
    let st = standings(
        &pengawas_required(),
        &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])),
    );
    let j = jpm(&st, &rules()).unwrap();
    assert_eq!(j.unverified, 9);
    assert!(!j.verified());
}

#[test]
fn jpm_needs_at_least_one_assessed_competency() {
    let st = standings(&pengawas_required(), &BTreeMap::new());
    assert!(jpm(&st, &rules()).is_none());
}

fn activity(method: Method, hours: f64, end: chrono::NaiveDate) -> Activity {
    Activity {
        employee: id("e1"),
        title: "x".into(),
        method,
        start: end,
        end,
        hours,
        competencies: vec![],
        evidence: String::new(),
        session: None,
    }
}

#[test]
fn activity_jp_is_hours_in_45_minute_units_times_the_method_factor_capped() {
    let r = rules();
    assert_eq!(activity_jp(&activity(Method::Workshop, 3.0, d(2026, 3, 1)), &r), 4.0);
    assert_eq!(activity_jp(&activity(Method::Seminar, 12.0, d(2026, 3, 1)), &r), 8.0); // 16 capped at 8
    assert_eq!(
        activity_jp(&activity(Method::BelajarMandiri, 9.0, d(2026, 3, 1)), &r),
        6.0
    ); // 12 × 0.5
}

#[test]
fn jp_year_status_and_pace() {
    let r = rules();
    let today = d(2026, 7, 1); // day 182 of 365: pro-rata share 9.97 JP
    let acts = [
        activity(Method::Workshop, 3.0, d(2026, 2, 1)),
        activity(Method::Workshop, 3.0, d(2025, 12, 31)),
    ];
    let y = jp_year(2026, today, [(d(2026, 5, 5), 6.0)], acts.iter(), &r);
    assert_eq!((y.from_modules, y.from_activities, y.earned), (6.0, 4.0, 10.0));
    assert_eq!(y.status, JpStatus::OnTrack);
    assert_eq!(y.months_left, 6);
    assert_eq!(y.remaining, 10.0);
    assert_eq!(y.pace_per_month, 1.7);

    let behind = jp_year(2026, today, [(d(2026, 5, 5), 5.0)], acts.iter(), &r);
    assert_eq!(behind.status, JpStatus::Behind);

    let past = jp_year(2025, today, [], acts.iter(), &r);
    assert_eq!(
        (past.earned, past.status, past.pace_per_month),
        (4.0, JpStatus::Behind, 0.0)
    );

    let met = jp_year(2026, today, [(d(2026, 1, 9), 20.0)], [].iter(), &r);
    assert_eq!((met.status, met.remaining), (JpStatus::Met, 0.0));
}

#[test]
fn reevaluation_is_due_after_six_months_and_overdue_after_nine() {
    let r = rules();
    let last = Some(d(2026, 1, 15));
    assert!(matches!(
        reevaluation(last, d(2026, 7, 14), &r),
        Reevaluation::UpToDate { .. }
    ));
    assert!(matches!(
        reevaluation(last, d(2026, 7, 15), &r),
        Reevaluation::Due { .. }
    ));
    assert!(matches!(
        reevaluation(last, d(2026, 10, 15), &r),
        Reevaluation::Overdue { .. }
    ));
    assert_eq!(reevaluation(None, d(2026, 1, 1), &r), Reevaluation::NeverAssessed);
}

fn module(id: &str, code: &str, level: u8, jp: f64) -> Module {
    Module {
        id: id.into(),
        title: Text::new(id, ""),
        summary: Text::new("s", ""),
        targets: vec![ModuleTarget {
            competency: code.into(),
            level,
        }],
        jp,
        lessons: vec![Lesson {
            id: "l1".into(),
            title: Text::new("t", ""),
            body: Text::new("b", ""),
        }],
        quiz: Quiz {
            pass_mark: 70,
            questions: vec![Question {
                id: "q1".into(),
                prompt: Text::new("p", ""),
                choices: vec![Text::new("a", ""), Text::new("b", "")],
                correct: vec![0],
                explanation: Text::new("e", ""),
            }],
        },
        archived: false,
    }
}

fn test_pack(modules: Vec<Module>) -> ContentPack {
    ContentPack {
        format: PACK_FORMAT.into(),
        id: "p".into(),
        version: 1,
        title: Text::new("p", ""),
        description: Text::default(),
        rules: None,
        competencies: vec![],
        standards: vec![],
        modules,
    }
}

#[test]
fn recommendations_put_the_module_reaching_the_required_level_first_and_add_mentoring() {
    let cat = Catalog::with_packs([&test_pack(vec![
        module("m01-l2", "M.01", 2, 2.0),
        module("m01-l4", "M.01", 4, 3.0),
        module("m01-l3", "M.01", 3, 4.0),
        module("m02-l3", "M.02", 3, 2.0),
        module("m03-l2", "M.03", 2, 2.0),
    ])])
    .unwrap();
    let emp = employee("x", PositionKind::Administrator); // required 3 everywhere
    let req = cat.required_levels(&emp.position);
    let a = assessment(
        "e1",
        SelfAssessment,
        d(2026, 1, 10),
        &levels_all(3, &[("M.01", 1), ("M.02", 2)]),
    );
    let i = id("a");
    let st = standings(&req, &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])));

    // M.02: two failed attempts at its module → mentoring though the gap is 1.
    let mut p = Progress::new(id("e1"), "p".into(), "m02-l3".into());
    for k in 0..2 {
        p.attempts.insert(
            id(&format!("at{k}")),
            QuizAttempt {
                at: t(2026, 2, 1 + k),
                answers: vec![vec![1]],
                correct: 0,
                total: 1,
                score: 0,
                passed: false,
            },
        );
    }
    let progress = BTreeMap::from([(("p".to_string(), "m02-l3".to_string()), &p)]);
    let recs = recommend(&st, &cat, &progress, &cat.rules);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].competency, "M.01"); // largest gap first
    assert_eq!(recs[0].gap, 2);
    let order: Vec<_> = recs[0].modules.iter().map(|m| m.module.as_str()).collect();
    assert_eq!(order, ["m01-l3", "m01-l4", "m01-l2"]);
    assert_eq!(recs[0].mentoring, Some(MentoringReason::LargeGap { gap: 2 }));
    assert!(recs[0].methods.contains(&Method::Coaching));
    assert_eq!(recs[1].competency, "M.02");
    assert!(matches!(
        recs[1].mentoring,
        Some(MentoringReason::FailedModule { failures: 2, .. })
    ));

    let plan = proposed_items(&id("e1"), &recs);
    let kinds: Vec<String> = plan.iter().map(|(i, _)| i.to_string()).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}"); // module + mentoring for each
    assert_eq!(
        proposed_items(&id("e1"), &recs),
        plan,
        "regenerating gives the same ids"
    );
}

#[test]
fn a_completed_module_is_no_longer_recommended() {
    let cat = Catalog::with_packs([&test_pack(vec![module("m01-l3", "M.01", 3, 4.0)])]).unwrap();
    let req = cat.required_levels(&employee("x", PositionKind::Administrator).position);
    let a = assessment("e1", SelfAssessment, d(2026, 1, 10), &levels_all(3, &[("M.01", 2)]));
    let i = id("a");
    let st = standings(&req, &current_levels(&proven(&[(&i, &a, t(2026, 1, 1))])));
    let mut p = Progress::new(id("e1"), "p".into(), "m01-l3".into());
    p.completion = Some(Completion {
        at: t(2026, 2, 1),
        attempt: id("x"),
        jp: 4.0,
    });
    let progress = BTreeMap::from([(("p".to_string(), "m01-l3".to_string()), &p)]);
    let recs = recommend(&st, &cat, &progress, &cat.rules);
    assert!(recs[0].modules.is_empty());
}

fn rating(perf: Performance, pot: Option<Potential>) -> Rating {
    Rating {
        employee: id("e1"),
        year: 2026,
        half: 1,
        performance: perf,
        potential: pot,
        rater: "r".into(),
        date: d(2026, 6, 30),
        note: String::new(),
        signature: None,
    }
}

#[test]
fn talent_box_from_rating_and_potential_or_jpm() {
    let r = rules();
    let star = talent_box(Some(&rating(Performance::Above, Some(Potential::High))), None, &r).unwrap();
    assert_eq!(star.rule.number, 9);
    let mid = talent_box(Some(&rating(Performance::Meets, None)), Some(80.0), &r).unwrap();
    assert_eq!((mid.rule.number, mid.potential_source), (5, PotentialSource::FromJpm));
    let low = talent_box(Some(&rating(Performance::Below, None)), Some(50.0), &r).unwrap();
    assert_eq!(low.rule.number, 1);
    assert_eq!(
        talent_box(Some(&rating(Performance::Above, Some(Potential::Low))), None, &r)
            .unwrap()
            .rule
            .number,
        4
    );
    assert_eq!(
        talent_box(Some(&rating(Performance::Below, Some(Potential::High))), None, &r)
            .unwrap()
            .rule
            .number,
        6
    );
    assert!(talent_box(None, Some(99.0), &r).is_none());
    assert!(talent_box(Some(&rating(Performance::Above, None)), None, &r).is_none());
}

#[test]
fn profiles_cohort_summary_and_promotion_ranking() {
    let today = d(2026, 11, 22);
    let dev = device("dev-a");
    let mut s = Snapshot::default();
    // Ani: JPM 100, improved from 88.9; Budi: JPM 100, no earlier assessment; Cici: 88.9 and overdue.
    // Cici is also Ani's supervisor, who signs her rating.
    let cici_key = SecretKey::from_seed([42; 32]);
    for (key, name) in [("ani", "Ani"), ("budi", "Budi"), ("cici", "Cici")] {
        let mut e = employee(name, PositionKind::Pengawas);
        if key == "cici" {
            e.signing_key = Some(cici_key.public());
        }
        s.employees.upsert(Record::create(id(key), &dev, t(2026, 1, 1), e));
    }
    let add = |s: &mut Snapshot, key: &str, emp: &str, date, levels: Vec<(&str, u8)>| {
        s.assessments.upsert(Record::create(
            id(key),
            &dev,
            t(2026, 1, 1),
            assessment(emp, SelfAssessment, date, &levels),
        ));
    };
    add(
        &mut s,
        "a1",
        "ani",
        d(2026, 3, 1),
        levels_all(2, &[("M.01", 1), ("M.02", 1)]),
    );
    add(&mut s, "a2", "ani", d(2026, 9, 1), levels_all(2, &[]));
    add(&mut s, "b1", "budi", d(2026, 9, 1), levels_all(2, &[]));
    add(
        &mut s,
        "c1",
        "cici",
        d(2026, 1, 1),
        levels_all(2, &[("M.01", 1), ("M.02", 1)]),
    );
    s.activities.upsert(Record::create(
        id("act"),
        &dev,
        t(2026, 1, 1),
        Activity {
            employee: id("budi"),
            ..activity(Method::Workshop, 15.0, d(2026, 4, 1))
        },
    ));
    let mut signed = Rating {
        employee: id("ani"),
        ..rating(Performance::Above, None)
    };
    cici_key.sign(&id("r1"), &mut signed, &id("cici"));
    s.ratings
        .upsert(Record::create(id("r1"), &dev, t(2026, 1, 1), signed.clone()));
    // Budi's rating is self-reported: shown, but it places him nowhere.
    s.ratings.upsert(Record::create(
        id("r2"),
        &dev,
        t(2026, 1, 1),
        Rating {
            employee: id("budi"),
            signature: None,
            ..signed
        },
    ));

    let cat = Catalog::default();
    let ps = profiles(&s, &cat, today);
    let names: Vec<_> = ps.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ani", "Budi", "Cici"]);
    let ani = &ps[0];
    assert_eq!(ani.jpm.as_ref().unwrap().percent, 100.0);
    assert_eq!(ani.improvement, Some(11.1));
    assert_eq!(ani.talent.as_ref().unwrap().rule.number, 9);
    assert_eq!(ani.rated.as_ref().unwrap().by.name, "Cici");
    assert!(ps[1].talent.is_none() && ps[1].unproven == 1);
    assert_eq!(ps[1].jp.earned, 20.0);
    assert!(matches!(ps[2].reevaluation, Reevaluation::Overdue { .. }));

    let sum = summary(&ps, &cat.rules);
    assert_eq!(sum.total, 3);
    assert_eq!(
        sum.by_category,
        vec![
            ("optimal".into(), 2),
            ("cukup_optimal".into(), 1),
            ("kurang_optimal".into(), 0)
        ]
    );
    assert_eq!((sum.jp_met, sum.jp_behind), (1, 2));
    assert!((sum.jp_compliance - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(sum.overdue, vec![id("cici")]);
    assert_eq!(sum.boxes[8], 1);
    assert_eq!(sum.unplaced, 2);

    // JPM first (Ani = Budi = 100), then improvement (Ani +11.1, Budi none), then Cici.
    let rank: Vec<_> = promotion_ranking(&ps, &cat.rules)
        .into_iter()
        .map(|i| ps[i].name.as_str())
        .collect();
    assert_eq!(rank, ["Ani", "Budi", "Cici"]);

    // With the JP target first, Budi (met) leads.
    let r = cat
        .rules
        .with_override(&serde_json::json!({"promotion": {"order": {"value": ["jp_target", "jpm"]}}}))
        .unwrap();
    let rank: Vec<_> = promotion_ranking(&ps, &r)
        .into_iter()
        .map(|i| ps[i].name.as_str())
        .collect();
    assert_eq!(rank[0], "Budi");
    let _ = Duration::days(1);
}

#[test]
fn a_retake_shows_the_choices_in_another_order_and_grades_the_same() {
    use lentera::domain::rules::quiz::choice_order;
    // The first attempt as written.
    assert_eq!(choice_order(4, 0, "siti/p/m/0"), [0, 1, 2, 3]);
    // Retakes: a permutation, stable for the same attempt, not the same for every attempt.
    let orders: Vec<Vec<usize>> = (1..=6).map(|a| choice_order(4, a, "siti/p/m/0")).collect();
    for o in &orders {
        let mut sorted = o.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 1, 2, 3], "{o:?}");
    }
    assert_eq!(orders[0], choice_order(4, 1, "siti/p/m/0"), "a reload keeps the order");
    assert!(orders.iter().any(|o| o != &vec![0, 1, 2, 3]), "{orders:?}");
    assert!(orders.windows(2).any(|w| w[0] != w[1]), "{orders:?}");
    // Many choices draw from a stretched digest.
    let mut long = choice_order(40, 3, "x");
    long.sort();
    assert_eq!(long, (0..40).collect::<Vec<_>>());
}
