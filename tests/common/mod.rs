//! Builders shared by the native integration tests.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use lentera::domain::model::activity::{Activity, Method};
use lentera::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use lentera::domain::model::employee::{Employee, Grade, Position, PositionKind};
use lentera::domain::model::evaluation::{Feedback, Performance, Rating, Sentiment};
use lentera::domain::model::nip::Nip;
use lentera::domain::model::plan::{PlanAction, PlanItem, PlanStatus};
use lentera::domain::model::progress::Progress;
use lentera::domain::record::{DeviceId, Id, Record};
use lentera::domain::snapshot::Snapshot;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn t(y: i32, m: u32, day: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, 8, 0, 0).unwrap()
}

pub fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

pub fn device(s: &str) -> DeviceId {
    Id::parse(s).unwrap()
}

pub fn employee(name: &str, kind: PositionKind) -> Employee {
    Employee {
        nip: Nip::parse("198503122010011002").unwrap(),
        name: name.into(),
        position: Position {
            title: "Kepala Seksi Pelayanan".into(),
            kind,
        },
        unit: "Kecamatan Sukamaju".into(),
        grade: Grade::parse("III/c").unwrap(),
        supervisor: None,
        signing_key: None,
        pin_resets: Vec::new(),
    }
}

pub fn employee_record(key: &str, name: &str, kind: PositionKind) -> Record<Employee> {
    Record::create(id(key), &device("dev-a"), t(2026, 1, 1), employee(name, kind))
}

pub const ALL9: [&str; 9] = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"];

/// A final assessment giving `levels` (code, level) on `date`.
pub fn assessment(emp: &str, kind: AssessmentKind, date: NaiveDate, levels: &[(&str, u8)]) -> Assessment {
    Assessment {
        employee: id(emp),
        kind,
        status: AssessmentStatus::Final,
        date,
        assessor: (kind == AssessmentKind::Verified).then(|| "Ibu Kepala".into()),
        entries: levels
            .iter()
            .map(|(c, l)| AssessmentEntry {
                competency: c.to_string(),
                level: Some(*l),
                indicators: vec![],
                evidence: String::new(),
            })
            .collect(),
        note: String::new(),
        feedback: vec![],
        signature: None,
    }
}

/// All nine built-in competencies at one level, except the overrides.
pub fn levels_all(level: u8, overrides: &[(&'static str, u8)]) -> Vec<(&'static str, u8)> {
    ALL9.iter()
        .map(|c| (*c, overrides.iter().find(|(o, _)| o == c).map_or(level, |(_, l)| *l)))
        .collect()
}

/// `person` ("Ratna Sari") with one record of every kind, plus Budi with one activity: as
/// every device starts in the erase and conflict tests.
pub fn one_record_of_every_kind(person: &str) -> Snapshot {
    let a = device("dev-a");
    let at = t(2026, 1, 1);
    let mut s = Snapshot::default();
    s.employees.upsert(Record::create(
        id(person),
        &a,
        at,
        Employee {
            nip: Nip::parse("199002142015032001").unwrap(),
            name: "Ratna Sari".into(),
            position: Position {
                title: "Analis Kepegawaian".into(),
                kind: PositionKind::FungsionalAhliMuda,
            },
            unit: "Bagian Umum Ratna".into(),
            grade: Grade::parse("III/c").unwrap(),
            supervisor: None,
            signing_key: None,
            pin_resets: Vec::new(),
        },
    ));
    s.employees
        .upsert(employee_record("budi", "Budi Santoso", PositionKind::Pelaksana));
    let mut own = assessment(person, AssessmentKind::SelfAssessment, d(2026, 2, 1), &[("M.01", 3)]);
    own.note = "Catatan penilaian diri".into();
    s.assessments.upsert(Record::create(id("ratna-as"), &a, at, own));
    s.activities.upsert(Record::create(
        id("ratna-act"),
        &a,
        at,
        Activity {
            employee: id(person),
            title: "Seminar kearsipan digital".into(),
            method: Method::Seminar,
            start: d(2026, 3, 2),
            end: d(2026, 3, 2),
            hours: 6.0,
            competencies: vec![],
            evidence: "Sertifikat 123/ARSIP".into(),
            session: None,
        },
    ));
    s.ratings.upsert(Record::create(
        id("ratna-rating"),
        &a,
        at,
        Rating {
            employee: id(person),
            year: 2026,
            half: 1,
            performance: Performance::Above,
            potential: None,
            rater: "Ibu Kepala".into(),
            date: d(2026, 6, 30),
            note: "Sangat teliti".into(),
            signature: None,
        },
    ));
    s.feedback.upsert(Record::create(
        id("ratna-fb"),
        &a,
        at,
        Feedback {
            employee: id(person),
            date: d(2026, 5, 5),
            source: "Kotak saran".into(),
            sentiment: Sentiment::Positive,
            note: "Pelayanan ramah sekali".into(),
        },
    ));
    let action = PlanAction::Mentoring;
    s.plan.upsert(Record::create(
        PlanItem::id_for(&id(person), "M.01", &action),
        &a,
        at,
        PlanItem {
            employee: id(person),
            competency: "M.01".into(),
            target_level: 4,
            action,
            status: PlanStatus::Planned,
            note: "Catatan rencana".into(),
            due: None,
        },
    ));
    let mut p = Progress::new(id(person), "pack-a".into(), "mod-1".into());
    p.lessons_done.insert("lesson-secret".into());
    s.progress.upsert(Record::create(
        Progress::id_for(&id(person), "pack-a", "mod-1"),
        &a,
        at,
        p,
    ));
    s.activities.upsert(Record::create(
        id("budi-act"),
        &a,
        at,
        Activity {
            employee: id("budi"),
            title: "Kursus layanan".into(),
            method: Method::Kursus,
            start: d(2026, 3, 2),
            end: d(2026, 3, 2),
            hours: 6.0,
            competencies: vec![],
            evidence: String::new(),
            session: None,
        },
    ));
    s
}
