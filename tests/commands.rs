//! The record changes the screens ask for (`snapshot::commands`): each keeps what its form does
//! not show, refuses bad input without changing anything, and touches only the person's own
//! records.

mod common;

use common::*;
use lentera::domain::model::activity::{ActivityForm, Method};
use lentera::domain::model::assessment::{AssessmentEntry, AssessmentStatus};
use lentera::domain::model::employee::{EmployeeForm, PositionKind};
use lentera::domain::model::evaluation::{FeedbackForm, Sentiment};
use lentera::domain::model::plan::{PlanAction, PlanItem, PlanStatus};
use lentera::domain::snapshot::Snapshot;

fn two_people() -> Snapshot {
    let mut s = Snapshot::default();
    s.employees
        .upsert(employee_record("siti", "Siti Aminah", PositionKind::Pengawas));
    // Two people, two NIPs (`employee()` gives everyone the same one).
    let mut budi = employee_record("budi", "Budi Santoso", PositionKind::Pelaksana);
    let mut data = budi.data().clone();
    data.nip = lentera::domain::model::nip::Nip::parse("199002142015031001").unwrap();
    budi.edit(&device("dev-a"), t(2026, 1, 2), data);
    s.employees.upsert(budi);
    s
}

fn seminar() -> ActivityForm {
    ActivityForm {
        title: "Seminar pelayanan publik".into(),
        method: Some(Method::Seminar),
        start: "2026-03-02".into(),
        end: String::new(),
        hours: "6,5".into(),
        evidence: "Sertifikat 12/2026".into(),
    }
}

#[test]
fn a_profile_edit_keeps_every_field_the_form_does_not_show() {
    let mut s = two_people();
    let mut siti = s.employees.get(&id("siti")).unwrap().data().clone();
    siti.supervisor = Some(id("budi"));
    siti.signing_key = Some("cd".repeat(32));
    s.employees
        .get_mut(&id("siti"))
        .unwrap()
        .edit(&device("dev-a"), t(2026, 2, 1), siti.clone());
    let form = EmployeeForm {
        unit: "Kecamatan Sukamakmur".into(),
        ..EmployeeForm::from_employee(&siti)
    };
    s.edit_profile(&id("siti"), &form, &device("dev-a"), t(2026, 3, 1))
        .unwrap();
    let after = s.employees.get(&id("siti")).unwrap().data();
    assert_eq!(after.unit, "Kecamatan Sukamakmur");
    assert_eq!(
        (&after.supervisor, &after.signing_key),
        (&siti.supervisor, &siti.signing_key)
    );
    // A form with a problem changes nothing.
    let bad = EmployeeForm {
        nip: "123".into(),
        ..form
    };
    let before = s.to_json();
    assert!(s
        .edit_profile(&id("siti"), &bad, &device("dev-a"), t(2026, 3, 2))
        .is_err());
    assert_eq!(s.to_json(), before);
}

#[test]
fn activities_are_checked_kept_and_only_the_owners() {
    let mut s = two_people();
    let (dev, today) = (device("dev-a"), d(2026, 11, 30));
    let a = s
        .save_activity(&id("siti"), None, &seminar(), id("act-1"), today, &dev, t(2026, 3, 3))
        .unwrap();
    let saved = s.activities.get(&a).unwrap().data().clone();
    assert_eq!(
        (saved.hours, saved.end),
        (6.5, d(2026, 3, 2)),
        "comma decimals; the end defaults to the start"
    );

    // Competencies (not on the form) survive an edit.
    let mut tagged = saved.clone();
    tagged.competencies = vec!["M.01".into()];
    s.activities.get_mut(&a).unwrap().edit(&dev, t(2026, 3, 4), tagged);
    let longer = ActivityForm {
        hours: "8".into(),
        ..seminar()
    };
    s.save_activity(&id("siti"), Some(&a), &longer, id("unused"), today, &dev, t(2026, 3, 5))
        .unwrap();
    let edited = s.activities.get(&a).unwrap().data();
    assert_eq!(
        (edited.hours, edited.competencies.clone()),
        (8.0, vec!["M.01".to_string()])
    );
    assert!(s.activities.get(&id("unused")).is_none());

    // Budi can neither edit nor delete Siti's activity through his screens.
    let before = s.to_json();
    assert!(s
        .save_activity(&id("budi"), Some(&a), &longer, id("x"), today, &dev, t(2026, 3, 6))
        .is_err());
    assert!(!s.delete_activity(&id("budi"), &a, &dev, t(2026, 3, 6)));
    assert_eq!(s.to_json(), before);

    // Bad forms: each refused with its own message, nothing written.
    let cases = [
        ActivityForm {
            title: " ".into(),
            ..seminar()
        },
        ActivityForm {
            method: None,
            ..seminar()
        },
        ActivityForm {
            end: "2026-03-01".into(),
            ..seminar()
        },
        ActivityForm {
            hours: "banyak".into(),
            ..seminar()
        },
        ActivityForm {
            hours: "2001".into(),
            ..seminar()
        },
        ActivityForm {
            start: "2027-01-01".into(),
            ..seminar()
        },
    ];
    let mut messages: Vec<String> = Vec::new();
    for f in cases {
        let e = s
            .save_activity(&id("siti"), None, &f, id("bad"), today, &dev, t(2026, 3, 7))
            .unwrap_err();
        assert_eq!(e.len(), 1, "one problem, beside its field: {e:?}");
        messages.push(e[0].1.id.clone());
    }
    messages.dedup();
    assert_eq!(messages.len(), 6, "{messages:?}");
    assert_eq!(s.to_json(), before);
    assert!(s.delete_activity(&id("siti"), &a, &dev, t(2026, 3, 8)));
    assert!(s.activities.get(&a).is_none());
}

#[test]
fn public_feedback_is_checked_before_it_is_kept() {
    let mut s = two_people();
    let (dev, today) = (device("dev-a"), d(2026, 11, 30));
    let ok = FeedbackForm {
        date: "2026-11-02".into(),
        source: "Kotak saran".into(),
        sentiment: Some(Sentiment::Negative),
        note: " Antrean lama. ".into(),
    };
    s.record_feedback(&id("siti"), &ok, id("fb-1"), today, &dev, t(2026, 11, 2))
        .unwrap();
    assert_eq!(s.feedback.get(&id("fb-1")).unwrap().data().note, "Antrean lama.");
    for bad in [
        FeedbackForm {
            note: "  ".into(),
            ..ok.clone()
        },
        FeedbackForm {
            sentiment: None,
            ..ok.clone()
        },
        FeedbackForm {
            date: "kemarin".into(),
            ..ok.clone()
        },
        FeedbackForm {
            note: "a\u{202E}b".into(),
            ..ok.clone()
        },
    ] {
        assert!(s
            .record_feedback(&id("siti"), &bad, id("fb-2"), today, &dev, t(2026, 11, 3))
            .is_err());
    }
    assert!(s.feedback.get(&id("fb-2")).is_none());
}

#[test]
fn a_self_assessment_draft_becomes_final_in_the_same_record() {
    let mut s = two_people();
    let dev = device("dev-a");
    let entry = |level| AssessmentEntry {
        competency: "M.01".into(),
        level: Some(level),
        indicators: vec![],
        evidence: String::new(),
    };
    let draft = s.save_self_assessment(
        &id("siti"),
        None,
        vec![entry(2)],
        AssessmentStatus::Draft,
        id("as-1"),
        d(2026, 11, 1),
        &dev,
        t(2026, 11, 1),
    );
    let done = s.save_self_assessment(
        &id("siti"),
        Some(&draft),
        vec![entry(3)],
        AssessmentStatus::Final,
        id("as-2"),
        d(2026, 11, 2),
        &dev,
        t(2026, 11, 2),
    );
    assert_eq!(done, draft);
    let a = s.assessments.get(&draft).unwrap().data();
    assert_eq!(
        (a.status, a.level_of("M.01"), a.date),
        (AssessmentStatus::Final, Some(3), d(2026, 11, 2))
    );
    // A final assessment is never reopened, and Budi's screen cannot write into Siti's draft.
    let next = s.save_self_assessment(
        &id("siti"),
        Some(&draft),
        vec![entry(4)],
        AssessmentStatus::Draft,
        id("as-3"),
        d(2026, 11, 3),
        &dev,
        t(2026, 11, 3),
    );
    assert_eq!(next, id("as-3"));
    let budi = s.save_self_assessment(
        &id("budi"),
        Some(&id("as-3")),
        vec![entry(1)],
        AssessmentStatus::Draft,
        id("as-4"),
        d(2026, 11, 3),
        &dev,
        t(2026, 11, 3),
    );
    assert_eq!(budi, id("as-4"));
    assert_eq!(s.assessments.get(&id("as-3")).unwrap().data().level_of("M.01"), Some(4));
}

#[test]
fn plan_items_are_added_once_and_marked_by_their_owner_only() {
    let mut s = two_people();
    let dev = device("dev-a");
    let item = PlanItem {
        employee: id("siti"),
        competency: "M.01".into(),
        target_level: 3,
        action: PlanAction::Mentoring,
        status: PlanStatus::Planned,
        note: "Dengan Pak Budi".into(),
        due: None,
    };
    let pid = PlanItem::id_for(&id("siti"), "M.01", &PlanAction::Mentoring);
    s.add_plan_items(vec![(pid.clone(), item.clone())], &dev, t(2026, 11, 1));
    s.set_plan_done(&id("siti"), &pid, true, &dev, t(2026, 11, 2));
    // Proposing it again does not reset it; Budi cannot mark it.
    s.add_plan_items(vec![(pid.clone(), item)], &dev, t(2026, 11, 3));
    s.set_plan_done(&id("budi"), &pid, false, &dev, t(2026, 11, 4));
    let r = s.plan.get(&pid).unwrap();
    assert_eq!(
        (r.data().status, r.data().note.as_str()),
        (PlanStatus::Done, "Dengan Pak Budi")
    );
    assert!(
        s.plan.all().all(|r| r.conflicts().is_empty()),
        "no command made a conflict on one device"
    );
}

#[test]
fn a_plan_target_day_is_set_by_the_owner_and_never_in_the_past() {
    use lentera::domain::rules::plan::is_overdue;
    let mut s = two_people();
    let dev = device("dev-a");
    let pid = PlanItem::id_for(&id("siti"), "M.01", &PlanAction::Mentoring);
    let item = PlanItem {
        employee: id("siti"),
        competency: "M.01".into(),
        target_level: 3,
        action: PlanAction::Mentoring,
        status: PlanStatus::Planned,
        note: String::new(),
        due: None,
    };
    s.add_plan_items(vec![(pid.clone(), item)], &dev, t(2026, 11, 1));
    let today = d(2026, 11, 30);
    let due = |s: &Snapshot| s.plan.get(&pid).unwrap().data().due;
    assert!(s
        .set_plan_due(&id("siti"), &pid, Some(d(2026, 11, 29)), today, &dev, t(2026, 11, 30))
        .is_err());
    assert_eq!(due(&s), None, "a refused day changes nothing");
    s.set_plan_due(&id("siti"), &pid, Some(d(2027, 1, 15)), today, &dev, t(2026, 11, 30))
        .unwrap();
    assert_eq!(due(&s), Some(d(2027, 1, 15)));
    // Budi cannot move Siti's target.
    s.set_plan_due(&id("budi"), &pid, None, today, &dev, t(2026, 12, 1))
        .unwrap();
    assert_eq!(due(&s), Some(d(2027, 1, 15)));
    let item = s.plan.get(&pid).unwrap().data().clone();
    assert!(!is_overdue(&item, false, d(2027, 1, 15)), "due today is not late");
    assert!(is_overdue(&item, false, d(2027, 1, 16)));
    assert!(!is_overdue(&item, true, d(2027, 1, 16)), "a done item is never late");
    s.set_plan_due(&id("siti"), &pid, None, today, &dev, t(2026, 12, 2))
        .unwrap();
    assert_eq!(due(&s), None, "the target can be cleared");
}

#[test]
fn a_lesson_note_is_kept_with_progress_and_the_latest_write_wins_on_merge() {
    use lentera::domain::model::progress::Progress;
    use lentera::domain::record::RecordData;
    let mut a = Progress::new(id("siti"), "pack".into(), "m1".into());
    let mut b = a.clone();
    assert!(a.write_note("l1", "Tiga alternatif: A, B, C", t(2026, 11, 2), &device("tab-a")));
    assert!(
        !a.write_note("l1", "Tiga alternatif: A, B, C", t(2026, 11, 3), &device("tab-a")),
        "unchanged text is no write"
    );
    assert!(b.write_note("l1", "Draf lama", t(2026, 11, 1), &device("tab-b")));
    assert!(b.write_note("l2", "Catatan lain", t(2026, 11, 1), &device("tab-b")));
    let ab = a.join(&b).unwrap();
    assert_eq!(ab, b.join(&a).unwrap(), "the merge is the same either way");
    assert_eq!(ab.note("l1"), "Tiga alternatif: A, B, C");
    assert_eq!(ab.note("l2"), "Catatan lain");
    assert_eq!(ab.note("l3"), "");
    // Emptying the box later wins over the older text.
    let mut c = ab.clone();
    assert!(c.write_note("l1", "", t(2026, 11, 4), &device("tab-b")));
    assert_eq!(c.join(&ab).unwrap().note("l1"), "");
}

#[test]
fn the_profile_form_refuses_a_nip_used_here_a_future_appointment_and_one_before_eighteen() {
    use lentera::domain::model::employee::Field;
    let mut s = Snapshot::default();
    s.employees
        .upsert(employee_record("siti", "Siti Aminah", PositionKind::Pelaksana));
    let today = d(2026, 11, 30);
    let mut form = EmployeeForm {
        nip: "19850312 201001 1 002".into(),
        name: "Siti A.".into(),
        title: "Analis".into(),
        kind: Some(PositionKind::Pelaksana),
        unit: "Dinas".into(),
        grade: "III/a".into(),
    };
    let nip_errors =
        |s: &Snapshot, form: &EmployeeForm, editing: Option<&lentera::domain::record::Id>| -> Vec<String> {
            match s.check_profile(form, editing, today) {
                Ok(_) => vec![],
                Err(e) => e
                    .into_iter()
                    .filter(|(f, _)| *f == Field::Nip)
                    .map(|(_, t)| t.id)
                    .collect(),
            }
        };
    // A second profile with Siti's NIP is refused, naming her profile.
    let e = nip_errors(&s, &form, None);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("\"Siti Aminah\" (Kecamatan Sukamaju)"), "{}", e[0]);
    // Her own profile, edited, keeps its NIP.
    assert_eq!(nip_errors(&s, &form, Some(&id("siti"))), Vec::<String>::new());
    // A deleted profile's NIP is free again.
    let mut gone = s.clone();
    gone.erase_person(&id("siti"), &device("dev-a"), t(2026, 11, 1));
    assert_eq!(nip_errors(&gone, &form, None), Vec::<String>::new());
    // The appointment month (digits 9–14) may not lie ahead.
    form.nip = "199001012027011001".into();
    assert!(nip_errors(&s, &form, None)[0].contains("belum tiba"));
    form.nip = "199001012026111001".into();
    assert_eq!(nip_errors(&s, &form, None), Vec::<String>::new(), "this month is fine");
    // Nor before the 18th birthday (by month: the birthday's month counts).
    form.nip = "200005012018041001".into();
    assert!(nip_errors(&s, &form, None)[0].contains("sebelum usia 18 tahun"));
    form.nip = "200005012018051001".into();
    assert_eq!(nip_errors(&s, &form, None), Vec::<String>::new());
    // The edit command refuses the same way and changes nothing.
    s.employees
        .upsert(employee_record("budi", "Budi", PositionKind::Pelaksana));
    form.nip = "198503122010011002".into();
    let mut budi = s.employees.get(&id("budi")).unwrap().data().clone();
    budi.nip = lentera::domain::model::nip::Nip::parse("199002142015032001").unwrap();
    s.employees
        .get_mut(&id("budi"))
        .unwrap()
        .edit(&device("dev-a"), t(2026, 2, 1), budi);
    let before_edit = s.clone();
    assert!(s
        .edit_profile(&id("budi"), &form, &device("dev-a"), t(2026, 3, 1))
        .is_err());
    assert_eq!(s, before_edit);
}

#[test]
fn an_activity_holds_at_most_24_hours_a_day() {
    let form = |start: &str, end: &str, hours: &str| ActivityForm {
        title: "Bimtek SIAK".into(),
        method: Some(Method::Workshop),
        start: start.into(),
        end: end.into(),
        hours: hours.into(),
        evidence: String::new(),
    };
    let today = d(2026, 11, 30);
    let e = form("2026-03-01", "", "25").check(&id("siti"), today).unwrap_err();
    assert!(e.id.contains("Dalam 1 hari paling banyak 24 jam"), "{}", e.id);
    assert!(form("2026-03-01", "2026-03-02", "48").check(&id("siti"), today).is_ok());
    assert!(form("2026-03-01", "2026-03-02", "48,5")
        .check(&id("siti"), today)
        .is_err());
    // And never in the future.
    assert!(form("2026-12-01", "", "2").check(&id("siti"), today).is_err());
}

#[test]
fn a_trainer_resets_a_forgotten_pin_keeping_every_record_and_logging_it_on_the_profile() {
    use lentera::domain::model::lock::ProfileLock;
    use lentera::domain::pin::{hash_pin, verify_pin};
    use lentera::domain::signing::SecretKey;
    use lentera::domain::snapshot::commands::ResetRefusal;

    let mut s = one_record_of_every_kind("ratna");
    let sealed = SecretKey::from_seed([3; 32]).seal("1357", &id("ratna"), [1; 16], [2; 12]);
    let old = ProfileLock {
        pin: hash_pin("1357", [4; 16]),
        signing: Some(sealed),
    };
    s.set_lock(&id("ratna"), old, &device("tab"), t(2026, 2, 1));
    let before = s.clone();

    s.reset_pin(&id("ratna"), hash_pin("8642", [5; 16]), &device("tab"), t(2026, 3, 1))
        .unwrap();

    let lock = s.lock_of(&id("ratna")).expect("still guarded, by the new PIN");
    assert!(verify_pin("8642", &lock.pin));
    assert!(!verify_pin("1357", &lock.pin));
    assert!(lock.signing.is_none(), "the key sealed with the forgotten PIN is gone");
    let resets = &s.employees.get(&id("ratna")).unwrap().data().pin_resets;
    assert_eq!(resets.len(), 1);
    assert_eq!((resets[0].at, &resets[0].device), (t(2026, 3, 1), &device("tab")));
    // Every record stays as it was; the profile differs only by the log.
    let mut logged = before.employees.get(&id("ratna")).unwrap().data().clone();
    logged.pin_resets = resets.clone();
    assert_eq!(s.employees.get(&id("ratna")).unwrap().data(), &logged);
    assert_eq!(s.assessments, before.assessments);
    assert_eq!(s.progress, before.progress);
    assert_eq!(s.activities, before.activities);
    assert_eq!(s.plan, before.plan);
    // Nobody to reset where there is no profile.
    assert_eq!(
        s.reset_pin(&id("nobody"), hash_pin("1111", [6; 16]), &device("tab"), t(2026, 3, 1)),
        Err(ResetRefusal::NoProfile)
    );
}

#[test]
fn an_activity_form_says_every_problem_beside_its_field_and_its_jp_before_saving() {
    use lentera::domain::model::activity::ActivityField;
    use lentera::domain::rules::jp::preview_jp;
    use lentera::domain::rules_config::RulesConfig;
    let form = ActivityForm {
        title: " ".into(),
        method: None,
        start: "2026-12-01".into(),
        end: String::new(),
        hours: "banyak".into(),
        evidence: String::new(),
    };
    let errs = form.check_all(&id("siti"), d(2026, 11, 30)).unwrap_err();
    let fields: Vec<ActivityField> = errs.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            ActivityField::Title,
            ActivityField::Method,
            ActivityField::Start,
            ActivityField::Hours
        ]
    );
    // JP before saving, by the method's rule (docs/rules.md §5): seminar 6 h = 8 JP, capped at 8.
    let rules = RulesConfig::default();
    assert_eq!(preview_jp(Some(Method::Seminar), "6", &rules), Some((8.0, false)));
    assert_eq!(preview_jp(Some(Method::Seminar), "9", &rules), Some((8.0, true)));
    assert_eq!(
        preview_jp(Some(Method::BelajarMandiri), "3", &rules),
        Some((2.0, false))
    );
    assert_eq!(preview_jp(None, "3", &rules), None);
    assert_eq!(preview_jp(Some(Method::Workshop), "", &rules), None);
}

#[test]
fn a_plan_item_is_done_once_its_module_is_passed() {
    use lentera::domain::model::progress::{Completion, Progress};
    use lentera::domain::rules::plan::passed_on;
    let mut s = one_record_of_every_kind("ratna");
    let item = PlanItem {
        employee: id("ratna"),
        competency: "M.01".into(),
        target_level: 3,
        action: PlanAction::Module {
            pack: "pack-a".into(),
            module: "mod-1".into(),
        },
        status: PlanStatus::Planned,
        note: String::new(),
        due: None,
    };
    assert_eq!(passed_on(&item, &s), None, "in progress, not passed");
    let pid = Progress::id_for(&id("ratna"), "pack-a", "mod-1");
    let mut p = s.progress.get(&pid).unwrap().data().clone();
    p.completion = Some(Completion {
        at: t(2026, 4, 2),
        attempt: id("try"),
        jp: 3.0,
    });
    s.progress.get_mut(&pid).unwrap().edit(&device("tab"), t(2026, 4, 2), p);
    assert_eq!(passed_on(&item, &s), Some(t(2026, 4, 2)));
    // Mentoring is never ticked by a module.
    let mentoring = PlanItem {
        action: PlanAction::Mentoring,
        ..item
    };
    assert_eq!(passed_on(&mentoring, &s), None);
}
