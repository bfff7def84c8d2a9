//! The cohort table a trainer sees and exports: one row per employee, filters, sorting, and the
//! CSV report (columns documented in `docs/cohort-csv.md`).

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Serialize;

use super::jp::JpStatus;
use super::profile::EmployeeProfile;
use super::proof::Verified;
use super::schedule::Reevaluation;
use crate::domain::lang::{Lang, Text};
use crate::domain::model::employee::PositionKind;
use crate::domain::record::Id;
use crate::domain::sort;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReevaluationState {
    NeverAssessed,
    UpToDate,
    Due,
    Overdue,
}

impl ReevaluationState {
    pub fn of(r: &Reevaluation) -> Self {
        match r {
            Reevaluation::NeverAssessed => Self::NeverAssessed,
            Reevaluation::UpToDate { .. } => Self::UpToDate,
            Reevaluation::Due { .. } => Self::Due,
            Reevaluation::Overdue { .. } => Self::Overdue,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Self::NeverAssessed => Text::new("Belum pernah dinilai", "Never assessed"),
            Self::UpToDate => Text::new("Terkini", "Up to date"),
            Self::Due => Text::new("Jatuh tempo", "Due"),
            Self::Overdue => Text::new("Terlambat", "Overdue"),
        }
    }
}

pub fn jp_status_label(s: JpStatus) -> Text {
    match s {
        JpStatus::Met => Text::new("Tercapai", "Met"),
        JpStatus::OnTrack => Text::new("Sesuai jadwal", "On track"),
        JpStatus::Behind => Text::new("Tertinggal", "Behind"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortRow {
    pub id: Id,
    pub name: String,
    pub nip: String,
    pub unit: String,
    pub position_title: String,
    pub position: PositionKind,
    pub jpm: Option<f64>,
    /// Every level behind the JPM verified by a supervisor (`Jpm::verified`).
    pub jpm_verified: bool,
    pub category: Option<(String, Text)>,
    pub jp_year: i32,
    pub jp_earned: f64,
    pub jp_status: JpStatus,
    pub last_assessment: Option<NaiveDate>,
    pub reevaluation: ReevaluationState,
    pub talent_box: Option<u8>,
    /// The latest proven verification of levels (`rules::proof`).
    pub verified: Option<Verified>,
    /// Who signed the rating behind the talent box.
    pub rated: Option<Verified>,
    /// "Verified" records whose signature does not check.
    pub unproven: usize,
}

impl CohortRow {
    pub fn of(p: &EmployeeProfile) -> CohortRow {
        CohortRow {
            id: p.id.clone(),
            name: p.name.clone(),
            nip: p.nip.clone(),
            unit: p.unit.clone(),
            position_title: p.position.title.clone(),
            position: p.position.kind,
            jpm: p.jpm.as_ref().map(|j| crate::domain::round::one_decimal(j.percent)),
            jpm_verified: p.jpm.as_ref().is_some_and(|j| j.verified()),
            category: p.jpm.as_ref().map(|j| (j.band.key.clone(), j.band.label.clone())),
            jp_year: p.jp.year,
            jp_earned: p.jp.earned,
            jp_status: p.jp.status,
            last_assessment: p.last_assessment,
            reevaluation: ReevaluationState::of(&p.reevaluation),
            talent_box: p.talent.as_ref().map(|t| t.rule.number),
            verified: p.verified.clone(),
            rated: p.rated.clone(),
            unproven: p.unproven,
        }
    }
}

/// What the trainer narrows the table to; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowFilter {
    pub unit: Option<String>,
    pub position: Option<PositionKind>,
    /// A JPM band key, or `"none"` for not yet assessed.
    pub category: Option<String>,
    pub jp_status: Option<JpStatus>,
    pub reevaluation: Option<ReevaluationState>,
    /// Case-insensitive part of the name or NIP.
    pub text: String,
}

impl RowFilter {
    pub fn keeps(&self, r: &CohortRow) -> bool {
        let text = self.text.trim().to_lowercase();
        self.unit.as_ref().is_none_or(|u| &r.unit == u)
            && self.position.is_none_or(|p| r.position == p)
            && self.category.as_ref().is_none_or(|c| match &r.category {
                Some((k, _)) => k == c,
                None => c == "none",
            })
            && self.jp_status.is_none_or(|s| r.jp_status == s)
            && self.reevaluation.is_none_or(|s| r.reevaluation == s)
            && (text.is_empty() || r.name.to_lowercase().contains(&text) || r.nip.contains(&text))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Unit,
    Position,
    Jpm,
    JpEarned,
    LastAssessment,
    Reevaluation,
}

/// Sorts by `column` (ascending or not); ties keep name order. Missing values go last.
pub fn sort_rows(rows: &mut [CohortRow], column: Column, ascending: bool) {
    fn opt<T: PartialOrd>(a: &Option<T>, b: &Option<T>, asc: bool) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if asc {
                    o
                } else {
                    o.reverse()
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    sort::sort_by(rows, |a, b| {
        let dir = |o: Ordering| if ascending { o } else { o.reverse() };
        let o = match column {
            Column::Name => dir(a.name.to_lowercase().cmp(&b.name.to_lowercase())),
            Column::Unit => dir(a.unit.cmp(&b.unit)),
            Column::Position => dir(a.position.cmp(&b.position)),
            Column::Jpm => opt(&a.jpm, &b.jpm, ascending),
            Column::JpEarned => dir(a.jp_earned.total_cmp(&b.jp_earned)),
            Column::LastAssessment => opt(&a.last_assessment, &b.last_assessment, ascending),
            Column::Reevaluation => dir(a.reevaluation.cmp(&b.reevaluation)),
        };
        o.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// The column names of the CSV report, in order.
pub const CSV_COLUMNS: [&str; 19] = [
    "nip",
    "nama",
    "unit_kerja",
    "jabatan",
    "jenis_jabatan",
    "jpm_persen",
    "kategori_jpm",
    "tahun_jp",
    "jp_tahun_ini",
    "status_jp",
    "penilaian_terakhir",
    "status_evaluasi_ulang",
    "kotak_talenta",
    "diverifikasi_oleh",
    "nip_pemverifikasi",
    "tanggal_verifikasi",
    "kinerja_ditandatangani_oleh",
    "tanpa_tanda_tangan_sah",
    "id_pegawai",
];

/// The cohort as CSV: UTF-8 with a byte-order mark (so spreadsheet programs detect the
/// encoding), comma-separated, every field quoted, CRLF line ends, labels in `lang`.
/// Numbers use a decimal point whatever the language, so spreadsheets read them as numbers
/// after choosing the delimiter.
pub fn csv(rows: &[CohortRow], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let line = |fields: &[String]| {
        let mut l = fields
            .iter()
            .map(|f| format!("\"{}\"", neutralise(f).replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(",");
        l.push_str("\r\n");
        l
    };
    out.push_str(&line(&CSV_COLUMNS.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
    for r in rows {
        out.push_str(&line(&[
            r.nip.clone(),
            r.name.clone(),
            r.unit.clone(),
            r.position_title.clone(),
            r.position.label().get(lang).to_string(),
            r.jpm.map(|j| format!("{j:.1}")).unwrap_or_default(),
            r.category
                .as_ref()
                .map(|(_, t)| t.get(lang).to_string())
                .unwrap_or_default(),
            r.jp_year.to_string(),
            format!("{:.1}", r.jp_earned),
            jp_status_label(r.jp_status).get(lang).to_string(),
            r.last_assessment.map(|d| d.to_string()).unwrap_or_default(),
            r.reevaluation.label().get(lang).to_string(),
            r.talent_box.map(|b| b.to_string()).unwrap_or_default(),
            r.verified.as_ref().map(|v| v.by.name.clone()).unwrap_or_default(),
            r.verified.as_ref().map(|v| v.by.nip.clone()).unwrap_or_default(),
            r.verified.as_ref().map(|v| v.date.to_string()).unwrap_or_default(),
            r.rated.as_ref().map(|v| v.by.name.clone()).unwrap_or_default(),
            r.unproven.to_string(),
            r.id.to_string(),
        ]));
    }
    out
}

/// A text starting with `=`, `+`, `-` or `@` would run as a formula in a spreadsheet (CSV
/// injection); a leading apostrophe keeps it text. Imported names are never trusted.
fn neutralise(field: &str) -> String {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}"),
        _ => field.to_string(),
    }
}
