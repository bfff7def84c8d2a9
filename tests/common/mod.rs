//! Builders shared by the native integration tests.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use lentera::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use lentera::domain::model::employee::{Employee, Grade, Position, PositionKind};
use lentera::domain::model::nip::Nip;
use lentera::domain::record::{DeviceId, Id, Record};

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
    }
}

/// All nine built-in competencies at one level, except the overrides.
pub fn levels_all(level: u8, overrides: &[(&'static str, u8)]) -> Vec<(&'static str, u8)> {
    ALL9.iter()
        .map(|c| (*c, overrides.iter().find(|(o, _)| o == c).map_or(level, |(_, l)| *l)))
        .collect()
}
