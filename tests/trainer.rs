//! Trainer-side domain: the Moodle framework import and the cohort report.

mod common;

use common::*;
use lentera::domain::catalog::{add_pack, Catalog, PackChange};
use lentera::domain::generate;
use lentera::domain::lang::Lang;
use lentera::domain::moodle::framework_pack;
use lentera::domain::rules::jp::JpStatus;
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::report::{csv, sort_rows, CohortRow, Column, RowFilter, CSV_COLUMNS};

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/moodle-framework.csv"
    ))
    .unwrap()
}

#[test]
fn a_moodle_framework_becomes_technical_competencies() {
    let pack = framework_pack(&fixture(), None).unwrap();
    assert_eq!(pack.id, "moodle-dukcapil-2026");
    assert_eq!(pack.title.id, "Kompetensi Teknis Dinas Kependudukan");
    let codes: Vec<&str> = pack.competencies.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["TK.ADM", "TK.DATA", "TK.DATA.1", "TK.DATA.2"]);
    let data = &pack.competencies[1];
    assert_eq!(data.definition.id, "Mampu mengelola data kependudukan secara akurat, aman, dan mutakhir. Mencakup verifikasi dan pemutakhiran data pada SIAK.");
    assert!(pack.competencies[2]
        .definition
        .id
        .ends_with("(Bagian dari: Pengelolaan Data Kependudukan.)"));
    assert_eq!(data.levels[3].description.id, "Skala kerangka: Kompeten");
    let (packs, change) = add_pack(&[], pack.clone()).unwrap();
    assert_eq!(change, PackChange::Added);
    let cat = Catalog::with_packs(packs.iter()).unwrap();
    assert!(cat.competencies.contains_key("TK.DATA.2"));

    // The same file again changes nothing; an edited one is a new edition.
    assert_eq!(framework_pack(&fixture(), Some(&pack)).unwrap().version, 1);
    let edited = fixture().replace("Verifikasi data", "Verifikasi data penduduk");
    assert_eq!(framework_pack(&edited, Some(&pack)).unwrap().version, 2);
    // Semicolons (Moodle's importer allows them) read the same.
    let semi = "Parent ID number;ID number;Short name;Description;Description format;Scale values;Scale configuration;Rule type (optional);Rule outcome (optional);Rule config (optional);Cross-referenced competency ID numbers;Exported ID (optional);Is framework;Taxonomy\n\
                ;FW;Kerangka;;1;a,b;;;;;;;1;competency\n\
                ;K1;\"Arsip; digital\";Deskripsi;1;;;;0;null;;1;;\n";
    let p = framework_pack(semi, None).unwrap();
    assert_eq!(p.competencies[0].name.id, "Arsip; digital");
    assert_eq!(
        p.competencies[0].levels[0].description.id,
        "Memahami dasar-dasarnya dan bekerja dengan arahan."
    );
}

#[test]
fn a_malformed_framework_csv_is_refused_with_reasons() {
    assert!(framework_pack("", None).is_err());
    let no_framework = fixture().replace(",1,\"domain", ",,\"domain");
    let e = framework_pack(&no_framework, None).unwrap_err();
    assert!(e.iter().any(|t| t.id.contains("Is framework")), "{e:?}");
    let short_row = format!("{}\nTK.X,only,three\n", fixture().trim_end());
    let e = framework_pack(&short_row, None).unwrap_err();
    assert!(e[0].id.contains("3 kolom"), "{e:?}");
    let orphan = fixture().replace("TK.DATA,TK.DATA.1", "TK.NONE,TK.DATA.1");
    assert!(framework_pack(&orphan, None).unwrap_err()[0]
        .en
        .contains("missing parent TK.NONE"));
    assert!(framework_pack("\"unclosed,\n", None).unwrap_err()[0]
        .en
        .contains("unclosed quote"));
    // ID numbers become competency codes, parts of plan record ids: the code rule applies.
    let bad_code = fixture().replace(",TK.ADM,", ",TK:ADM 1,");
    let e = framework_pack(&bad_code, None).unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].en
            .starts_with("Line 3, ID number column: Competency code \"TK:ADM 1\" is invalid"),
        "{e:?}"
    );
    assert!(
        e[0].id
            .starts_with("Baris 3, kolom ID number: Kode kompetensi \"TK:ADM 1\" tidak sah"),
        "{e:?}"
    );
}

#[test]
fn cohort_rows_filter_sort_and_export_as_csv_with_bom() {
    let cat = generate::catalog(3, 12);
    let s = generate::cohort(3, 40, &cat, d(2026, 11, 22), 2);
    let ps = profiles(&s, &cat, d(2026, 11, 22));
    let mut rows: Vec<CohortRow> = ps.iter().map(CohortRow::of).collect();
    assert_eq!(rows.len(), 40);

    sort_rows(&mut rows, Column::Jpm, false);
    let jpms: Vec<f64> = rows.iter().filter_map(|r| r.jpm).collect();
    assert!(jpms.windows(2).all(|w| w[0] >= w[1]));
    assert!(rows.iter().skip(jpms.len()).all(|r| r.jpm.is_none()), "unassessed last");

    let unit = rows[0].unit.clone();
    let f = RowFilter {
        unit: Some(unit.clone()),
        ..Default::default()
    };
    let kept: Vec<&CohortRow> = rows.iter().filter(|r| f.keeps(r)).collect();
    assert!(!kept.is_empty() && kept.iter().all(|r| r.unit == unit));
    let behind = RowFilter {
        jp_status: Some(JpStatus::Behind),
        ..Default::default()
    };
    // It keeps exactly the rows behind, and there are some of each kind to tell apart.
    let (kept, dropped): (Vec<&CohortRow>, Vec<&CohortRow>) = rows.iter().partition(|r| behind.keeps(r));
    assert!(
        !kept.is_empty() && !dropped.is_empty(),
        "{} kept, {} dropped",
        kept.len(),
        dropped.len()
    );
    assert!(kept.iter().all(|r| r.jp_status == JpStatus::Behind));
    assert!(dropped.iter().all(|r| r.jp_status != JpStatus::Behind));
    // A unit no row has keeps nothing; a name typed in part finds its row.
    assert!(!rows.iter().any(|r| RowFilter {
        unit: Some("Tidak ada".into()),
        ..Default::default()
    }
    .keeps(r)));
    let someone = rows[3].name.clone();
    let part = RowFilter {
        text: someone[..4].to_uppercase(),
        ..Default::default()
    };
    assert!(rows.iter().filter(|r| part.keeps(r)).any(|r| r.name == someone));

    let text = csv(&rows, Lang::Id);
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 41);
    assert_eq!(
        lines[0],
        CSV_COLUMNS
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(lines[1].contains(&rows[0].nip));
}

#[test]
fn csv_neutralises_formulas_in_names() {
    let cat = generate::catalog(3, 4);
    let s = generate::cohort(3, 1, &cat, d(2026, 11, 22), 1);
    let mut rows: Vec<CohortRow> = profiles(&s, &cat, d(2026, 11, 22)).iter().map(CohortRow::of).collect();
    rows[0].name = "=HYPERLINK(\"http://x\")".into();
    assert!(csv(&rows, Lang::En).contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
}

#[test]
fn the_unit_summary_adds_up_to_the_cohort() {
    use lentera::domain::rules::cohort::{by_unit, summary};
    let cat = generate::catalog(3, 12);
    let s = generate::cohort(3, 60, &cat, d(2026, 11, 22), 2);
    let ps = profiles(&s, &cat, d(2026, 11, 22));
    let all = summary(&ps, &cat.rules);
    let units = by_unit(&ps, &cat.rules);
    assert!(units.len() > 1, "the generated cohort has several units");
    assert!(units.windows(2).all(|w| w[0].0 < w[1].0), "in unit order, each once");
    let sum =
        |f: fn(&lentera::domain::rules::cohort::CohortSummary) -> usize| units.iter().map(|(_, u)| f(u)).sum::<usize>();
    assert_eq!(sum(|u| u.total), all.total);
    assert_eq!(sum(|u| u.jp_met), all.jp_met);
    assert_eq!(sum(|u| u.overdue.len()), all.overdue.len());
    assert_eq!(sum(|u| u.not_assessed), all.not_assessed);
    for (unit, u) in &units {
        assert_eq!(u.total, ps.iter().filter(|p| &p.unit == unit).count());
    }
}

#[test]
fn the_person_view_shows_this_years_records_and_how_fresh_they_are() {
    use lentera::domain::rules::profile::person_detail;
    let cat = generate::catalog(3, 12);
    let s = generate::cohort(3, 40, &cat, d(2026, 11, 22), 2);
    // Someone with activities in more than one year, or at least some.
    let who = s
        .employees
        .live()
        .map(|r| r.id.clone())
        .find(|id| s.activities.live_of(id).count() >= 2)
        .expect("the generated cohort has people with activities");
    let detail = person_detail(&s, &who, &cat.rules, 2026);
    let theirs_2026 = s
        .activities
        .live_of(&who)
        .filter(|r| r.data().end.format("%Y").to_string() == "2026")
        .count();
    assert_eq!(detail.activities.len(), theirs_2026);
    assert!(
        detail.activities.windows(2).all(|w| w[0].0.end >= w[1].0.end),
        "newest first"
    );
    assert!(detail
        .activities
        .iter()
        .all(|(a, jp)| *jp == lentera::domain::rules::jp::activity_jp(a, &cat.rules)));
    // The freshest write among their records, whichever kind.
    let mut latest = s.employees.get(&who).unwrap().updated_at();
    for t in [
        s.assessments.live_of(&who).map(|r| r.updated_at()).max(),
        s.activities.live_of(&who).map(|r| r.updated_at()).max(),
        s.progress.live_of(&who).map(|r| r.updated_at()).max(),
        s.ratings.live_of(&who).map(|r| r.updated_at()).max(),
    ]
    .into_iter()
    .flatten()
    {
        latest = latest.max(t);
    }
    assert_eq!(detail.last_written, Some(latest));
    // Nobody in another year.
    assert!(person_detail(&s, &who, &cat.rules, 2019).activities.is_empty());
}

#[test]
fn difficult_questions_count_first_attempts_and_the_common_wrong_answer() {
    use lentera::domain::model::progress::{Progress, QuizAttempt};
    use lentera::domain::record::Record;
    use lentera::domain::rules::items::item_analysis;
    use lentera::domain::snapshot::Snapshot;
    let cat = generate::catalog(3, 4);
    let m = &cat.modules[0];
    let quiz = &m.module.quiz;
    assert!(quiz.questions.len() >= 3);
    let right: Vec<Vec<usize>> = quiz.questions.iter().map(|q| q.correct.clone()).collect();
    let wrong_choice = |q: usize| {
        (0..quiz.questions[q].choices.len())
            .find(|c| !quiz.questions[q].correct.contains(c))
            .unwrap()
    };
    let mut s = Snapshot::default();
    let attempt = |minute: u32, answers: Vec<Vec<usize>>| QuizAttempt {
        at: t(2026, 11, 1) + chrono::Duration::minutes(minute as i64),
        answers,
        correct: 0,
        total: 0,
        score: 0,
        passed: false,
    };
    let add = |s: &mut Snapshot, who: &str, attempts: Vec<QuizAttempt>| {
        let mut p = Progress::new(id(who), m.pack.clone(), m.module.id.clone());
        for (i, a) in attempts.into_iter().enumerate() {
            p.attempts.insert(id(&format!("{who}-a{i}")), a);
        }
        s.progress.upsert(Record::create(
            Progress::id_for(&id(who), &m.pack, &m.module.id),
            &device("d"),
            t(2026, 11, 2),
            p,
        ));
    };
    // Ani and Budi miss question 1 the same way at first; Ani passes later (not counted).
    let mut ani = right.clone();
    ani[1] = vec![wrong_choice(1)];
    add(&mut s, "ani", vec![attempt(1, ani.clone()), attempt(9, right.clone())]);
    add(&mut s, "budi", vec![attempt(2, ani.clone())]);
    // Cici misses question 2; Dedi answered an older edition with fewer questions (left out).
    let mut cici = right.clone();
    cici[2] = vec![wrong_choice(2), wrong_choice(2)];
    add(&mut s, "cici", vec![attempt(3, cici)]);
    add(&mut s, "dedi", vec![attempt(4, right[..1].to_vec())]);

    let items = item_analysis(&s, &cat);
    assert_eq!(items.len(), 1, "only the attempted module");
    let mi = &items[0];
    assert_eq!(mi.people, 3);
    assert_eq!(
        (mi.questions[0].index, mi.questions[0].wrong),
        (1, 2),
        "the most missed first"
    );
    assert_eq!(mi.questions[0].common_wrong, Some((vec![wrong_choice(1)], 2)));
    assert_eq!((mi.questions[1].index, mi.questions[1].wrong), (2, 1));
    assert_eq!(
        mi.questions[1].common_wrong,
        Some((vec![wrong_choice(2)], 1)),
        "a choice sent twice is one choice"
    );
    assert!((mi.share(&mi.questions[0]) - 2.0 / 3.0).abs() < 1e-9);
    assert!(mi.questions[2..]
        .iter()
        .all(|q| q.wrong == 0 && q.common_wrong.is_none()));
}

#[test]
fn two_records_with_one_nip_are_flagged_not_merged() {
    use lentera::domain::model::employee::PositionKind;
    use lentera::domain::rules::cohort::duplicate_nips;
    use lentera::domain::snapshot::Snapshot;
    let mut s = Snapshot::default();
    // `employee()` gives everyone the same NIP; Ani's is changed to one of her own.
    s.employees
        .upsert(employee_record("siti-a", "Siti Aminah", PositionKind::Pengawas));
    s.employees
        .upsert(employee_record("siti-b", "Siti Aminah", PositionKind::Pengawas));
    let mut ani = employee_record("ani", "Ani", PositionKind::Pelaksana);
    let mut data = ani.data().clone();
    data.nip = lentera::domain::model::nip::Nip::parse("199002142015032001").unwrap();
    ani.edit(&device("dev-a"), t(2026, 2, 1), data);
    s.employees.upsert(ani);
    let dups = duplicate_nips(&s);
    assert_eq!(
        dups,
        vec![(
            s.employees.get(&id("siti-a")).unwrap().data().nip.to_string(),
            vec![id("siti-a"), id("siti-b")]
        )]
    );
    // Both records stay in the cohort.
    assert_eq!(s.employees.live().count(), 3);
}
