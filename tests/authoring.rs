//! Offline pack authoring (`domain::authoring`): a pack written only through editor commands
//! passes the validation every shipped pack passes, problems are located for the field they
//! concern, and a new edition keeps what learners did in the old one.

use lentera::domain::authoring::{draft_of, draft_problems, edition_to_publish, new_draft, PackEdit, TextAt};
use lentera::domain::catalog::{add_pack, Catalog, PackChange, Place};
use lentera::domain::lang::Lang;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::pack::ContentPack;

fn default_pack() -> ContentPack {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/packs/default.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text(at: TextAt, value: &str) -> PackEdit {
    PackEdit::Text {
        at,
        lang: Lang::Id,
        value: value.into(),
    }
}

/// A pack with one module: one lesson, a 5-question quiz, a standard — all by edits.
fn written_pack() -> ContentPack {
    let mut d = new_draft("dinas-kependudukan", "Paket Dinas Kependudukan");
    let edits = vec![
        PackEdit::AddModule,
        text(TextAt::ModuleTitle(0), "Pelayanan Prima KTP-el"),
        text(
            TextAt::ModuleSummary(0),
            "Melayani perekaman KTP-el dengan ramah dan tepat.",
        ),
        PackEdit::Target {
            module: 0,
            competency: "M.06".into(),
            level: 2,
        },
        PackEdit::Jp(0, 3.0),
        text(TextAt::LessonTitle(0, 0), "Menyambut warga"),
        text(
            TextAt::LessonBody(0, 0),
            "## Menyambut\n\nSapa warga dengan **ramah**.\n\n- Tanyakan keperluan\n- Jelaskan antrean",
        ),
        PackEdit::PassMark(0, 80),
    ];
    for e in edits {
        assert!(d.apply(e));
    }
    for q in 0..5 {
        if q > 0 {
            assert!(d.apply(PackEdit::AddQuestion(0)));
        }
        assert!(d.apply(text(TextAt::Prompt(0, q), &format!("Soal nomor {}?", q + 1))));
        for c in 0..4 {
            assert!(d.apply(text(TextAt::Choice(0, q, c), &format!("Pilihan {}", c + 1))));
        }
        assert!(d.apply(PackEdit::Correct {
            module: 0,
            question: q,
            choice: q % 4,
            correct: true
        }));
        assert!(d.apply(text(TextAt::Explanation(0, q), "Karena begitu aturannya.")));
    }
    assert!(d.apply(PackEdit::AddStandard));
    assert!(d.apply(PackEdit::StandardPosition(0, PositionKind::Pelaksana)));
    assert!(d.apply(PackEdit::StandardTitle(0, "Operator KTP-el".into())));
    assert!(d.apply(PackEdit::Requirement {
        standard: 0,
        index: 0,
        competency: "M.06".into(),
        level: 2
    }));
    d
}

#[test]
fn a_pack_written_by_edits_passes_the_shipped_packs_validation_and_is_offered() {
    let installed = vec![default_pack()];
    let d = written_pack();
    assert_eq!(draft_problems(&d, &installed), vec![]);
    assert_eq!(d.modules[0].quiz.questions.len(), 5);
    let ids: Vec<&str> = d.modules[0].quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1", "q2", "q3", "q4", "q5"]);
    // Through JSON, as the exported file travels, and onto a device.
    let file = serde_json::to_string(&d).unwrap();
    let back: ContentPack = serde_json::from_str(&file).unwrap();
    let (packs, change) = add_pack(&installed, back).unwrap();
    assert_eq!(change, PackChange::Added);
    let cat = Catalog::with_packs(packs.iter()).unwrap();
    let m = cat.module("dinas-kependudukan", "modul-1").expect("offered");
    assert_eq!(m.module.jp, 3.0);
}

#[test]
fn each_problem_names_the_field_it_concerns() {
    let installed = vec![default_pack()];
    let mut d = new_draft("Paket Saya!", "");
    d.apply(PackEdit::AddModule);
    let places: Vec<Place> = draft_problems(&d, &installed).into_iter().map(|(p, _)| p).collect();
    for expected in [
        Place::PackId,
        Place::PackTitle,
        Place::ModuleTitle(0),
        Place::ModuleTargets(0),
        Place::Lesson(0, 0),
        Place::Question(0, 0),
    ] {
        assert!(places.contains(&expected), "{expected:?} in {places:?}");
    }
    // A module pointing at a competency nobody defines.
    let mut d = written_pack();
    d.apply(PackEdit::Target {
        module: 0,
        competency: "X.99".into(),
        level: 2,
    });
    d.apply(PackEdit::Jp(0, 0.0));
    let found = draft_problems(&d, &installed);
    assert!(
        found
            .iter()
            .any(|(p, t)| *p == Place::ModuleTargets(0) && t.id.contains("X.99")),
        "{found:?}"
    );
    assert!(found.iter().any(|(p, _)| *p == Place::ModuleJp(0)));
}

#[test]
fn removing_a_choice_keeps_the_answer_key_pointing_at_the_same_choices() {
    let mut d = written_pack();
    // Question 3 (index 2) has choice 3 (index 2) correct; mark choice 4 too.
    d.apply(PackEdit::Correct {
        module: 0,
        question: 2,
        choice: 3,
        correct: true,
    });
    assert_eq!(d.modules[0].quiz.questions[2].correct, vec![2, 3]);
    assert!(d.apply(PackEdit::RemoveChoice(0, 2, 0)));
    let q = &d.modules[0].quiz.questions[2];
    assert_eq!(q.choices.len(), 3);
    assert_eq!(q.correct, vec![1, 2]);
    assert_eq!(q.choices[1].id, "Pilihan 3");
    // Removing a correct choice removes it from the key.
    assert!(d.apply(PackEdit::RemoveChoice(0, 2, 1)));
    assert_eq!(d.modules[0].quiz.questions[2].correct, vec![1]);
}

#[test]
fn edits_naming_nothing_change_nothing() {
    let d0 = written_pack();
    let mut d = d0.clone();
    for e in [
        PackEdit::RemoveModule(3),
        PackEdit::AddLesson(1),
        text(TextAt::Choice(0, 9, 0), "x"),
        PackEdit::Correct {
            module: 0,
            question: 0,
            choice: 7,
            correct: true,
        },
        PackEdit::RemoveRequirement(0, 5),
        PackEdit::StandardTitle(4, "x".into()),
    ] {
        assert!(!d.apply(e.clone()), "{e:?}");
    }
    assert_eq!(d, d0);
}

#[test]
fn a_new_edition_keeps_learners_progress_and_the_same_one_changes_nothing() {
    let base = vec![default_pack()];
    let v1 = written_pack();
    let (installed, _) = add_pack(&base, v1.clone()).unwrap();
    // Publishing the unchanged draft again is the same edition.
    assert_eq!(edition_to_publish(&draft_of(&v1), &installed), 1);
    // The next edition: a second module, the first one's title improved.
    let mut d = draft_of(installed.iter().find(|p| p.id == v1.id).unwrap());
    d.apply(text(TextAt::ModuleTitle(0), "Pelayanan Prima KTP-el (revisi)"));
    d.apply(PackEdit::AddModule);
    assert_eq!(d.modules[1].id, "modul-2");
    d.apply(PackEdit::RemoveModule(1));
    assert_eq!(edition_to_publish(&d, &installed), 2);
    d.version = edition_to_publish(&d, &installed);
    let (after, change) = add_pack(&installed, d).unwrap();
    assert_eq!(change, PackChange::Upgraded { from: 1, archived: 0 });
    // The module a learner passed is still the same module: their progress keeps its meaning.
    let cat = Catalog::with_packs(after.iter()).unwrap();
    let m = cat.module("dinas-kependudukan", "modul-1").unwrap();
    assert_eq!(m.module.title.id, "Pelayanan Prima KTP-el (revisi)");
    // An edition that drops the module keeps it, archived, for those who took it.
    let mut d = draft_of(after.iter().find(|p| p.id == v1.id).unwrap());
    d.apply(PackEdit::AddModule);
    d.apply(PackEdit::RemoveModule(0));
    for (i, e) in [
        text(TextAt::ModuleTitle(0), "Modul baru"),
        PackEdit::Target {
            module: 0,
            competency: "M.06".into(),
            level: 3,
        },
        text(TextAt::LessonTitle(0, 0), "Pelajaran"),
        text(TextAt::LessonBody(0, 0), "Isi."),
        text(TextAt::Prompt(0, 0), "Soal?"),
        text(TextAt::Choice(0, 0, 0), "Ya"),
        text(TextAt::Choice(0, 0, 1), "Tidak"),
        PackEdit::RemoveChoice(0, 0, 3),
        PackEdit::RemoveChoice(0, 0, 2),
        PackEdit::Correct {
            module: 0,
            question: 0,
            choice: 0,
            correct: true,
        },
    ]
    .into_iter()
    .enumerate()
    {
        assert!(d.apply(e), "edit {i}");
    }
    assert_eq!(draft_problems(&d, &after), vec![]);
    d.version = edition_to_publish(&d, &after);
    assert_eq!(d.version, 3);
    let (last, change) = add_pack(&after, d).unwrap();
    assert_eq!(change, PackChange::Upgraded { from: 2, archived: 1 });
    let cat = Catalog::with_packs(last.iter()).unwrap();
    assert!(cat.module("dinas-kependudukan", "modul-1").unwrap().module.archived);
}
