//! Development activities outside the app, by the methods of Peraturan LAN 10/2018.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::session::SessionLink;

use super::competency::CompetencyCode;
use crate::domain::lang::Text;
use crate::domain::record::{Id, RecordData};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub employee: Id,
    pub title: String,
    pub method: Method,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Hours of actual learning; JP follows from the method's credit rule.
    pub hours: f64,
    /// Competencies the activity developed (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<CompetencyCode>,
    /// Certificate number, organiser, notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The group session it came from, when recorded together (`model::session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionLink>,
}

impl RecordData for Activity {
    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }
}

/// The most hours one activity may record (a year of full-time study assignment is about 1,800).
pub const MAX_HOURS: f64 = 2_000.0;

impl Activity {
    /// Dates in order and hours above 0 and at most `MAX_HOURS`.
    pub fn is_plausible(&self) -> bool {
        self.end >= self.start && self.hours > 0.0 && self.hours <= MAX_HOURS
    }
}

/// Hours in a day: the most one activity can take per day of its date range.
pub const HOURS_PER_DAY: f64 = 24.0;

/// The activity form's fields, to put each problem beside its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityField {
    Title,
    Method,
    Start,
    End,
    Hours,
    Evidence,
}

/// The activity form as typed: checked here, like `EmployeeForm`, so the screen only shows
/// each problem beside its field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityForm {
    pub title: String,
    pub method: Option<Method>,
    /// `YYYY-MM-DD` (or `YYYYMMDD`); the end defaults to the start.
    pub start: String,
    pub end: String,
    /// Hours, with a decimal point or comma.
    pub hours: String,
    pub evidence: String,
}

impl ActivityForm {
    pub fn from_activity(a: &Activity) -> ActivityForm {
        ActivityForm {
            title: a.title.clone(),
            method: Some(a.method),
            start: a.start.to_string(),
            end: a.end.to_string(),
            hours: a.hours.to_string(),
            evidence: a.evidence.clone(),
        }
    }

    /// A new activity of `employee`, or the first problem, in the user's words.
    pub fn check(&self, employee: &Id, today: NaiveDate) -> Result<Activity, Text> {
        self.check_all(employee, today).map_err(|mut e| e.remove(0).1)
    }

    /// `check`, with every problem found, each beside its field (the form shows them all and
    /// moves focus to the first).
    pub fn check_all(&self, employee: &Id, today: NaiveDate) -> Result<Activity, Vec<(ActivityField, Text)>> {
        use crate::domain::format::parse_date;
        use crate::domain::snapshot::bounds::{date_problem, required_line, text_problem};
        let mut errs = Vec::new();
        let title = self.title.trim();
        if let Some(p) = required_line(title, Text::new("Isi nama kegiatan.", "Enter the activity's name.")) {
            errs.push((ActivityField::Title, p));
        }
        if self.method.is_none() {
            errs.push((ActivityField::Method, Text::new("Pilih metode.", "Choose a method.")));
        }
        let start = parse_date(&self.start);
        let end = if self.end.trim().is_empty() {
            start
        } else {
            parse_date(&self.end)
        };
        match start {
            None => errs.push((
                ActivityField::Start,
                Text::new("Isi tanggal mulai.", "Enter the start date."),
            )),
            Some(s) => {
                if let Some(p) = date_problem(s, today) {
                    errs.push((ActivityField::Start, p));
                }
            }
        }
        match (start, end) {
            (_, None) => errs.push((
                ActivityField::End,
                Text::new("Tanggal selesai tidak terbaca.", "The end date cannot be read."),
            )),
            (Some(s), Some(e)) if e < s => errs.push((
                ActivityField::End,
                Text::new(
                    "Tanggal selesai sebelum tanggal mulai.",
                    "The end date is before the start date.",
                ),
            )),
            (Some(s), Some(e)) if e != s => {
                if let Some(p) = date_problem(e, today) {
                    errs.push((ActivityField::End, p));
                }
            }
            _ => {}
        }
        let hours = crate::domain::format::parse_hours(&self.hours);
        match (hours, start, end) {
            (None, ..) => errs.push((
                ActivityField::Hours,
                Text::new("Isi jumlah jam (angka).", "Enter the hours (a number)."),
            )),
            (Some(h), _, _) if !(h > 0.0 && h <= MAX_HOURS) => errs.push((
                ActivityField::Hours,
                Text::new(
                    format!("Jumlah jam harus lebih dari 0 dan paling banyak {MAX_HOURS}."),
                    format!("Hours must be above 0 and at most {MAX_HOURS}."),
                ),
            )),
            // A day has 24 hours: more than that over the range is a typing slip (and would be
            // silently capped by the JP rules otherwise).
            (Some(h), Some(s), Some(e)) if e >= s => {
                let days = (e - s).num_days() + 1;
                let most = HOURS_PER_DAY * days as f64;
                if h > most {
                    errs.push((
                        ActivityField::Hours,
                        Text::new(
                            format!("Dalam {days} hari paling banyak {most} jam; periksa jumlah jam atau tanggalnya."),
                            format!("{days} days hold at most {most} hours; check the hours or the dates."),
                        ),
                    ));
                }
            }
            _ => {}
        }
        if let Some(p) = text_problem(self.evidence.trim(), false) {
            errs.push((ActivityField::Evidence, p));
        }
        match (self.method, start, end, hours) {
            (Some(method), Some(start), Some(end), Some(hours)) if errs.is_empty() => Ok(Activity {
                employee: employee.clone(),
                title: title.to_string(),
                method,
                start,
                end,
                hours,
                competencies: vec![],
                evidence: self.evidence.trim().to_string(),
                session: None,
            }),
            _ => Err(errs),
        }
    }

    /// `existing` edited with the form: the form's fields replaced, every other field (the
    /// competencies, any field added later) kept.
    pub fn apply_to(&self, existing: &Activity, today: NaiveDate) -> Result<Activity, Vec<(ActivityField, Text)>> {
        let edited = self.check_all(&existing.employee, today)?;
        Ok(Activity {
            title: edited.title,
            method: edited.method,
            start: edited.start,
            end: edited.end,
            hours: edited.hours,
            evidence: edited.evidence,
            ..existing.clone()
        })
    }
}

/// The three families of development path in Peraturan LAN 10/2018.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MethodFamily {
    Pendidikan,
    Klasikal,
    NonKlasikal,
}

/// Development methods (Peraturan LAN 10/2018, Bab III).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    TugasBelajar,
    PelatihanKepemimpinan,
    PelatihanManajerial,
    PelatihanTeknis,
    PelatihanFungsional,
    PelatihanSosialKultural,
    Seminar,
    Workshop,
    Kursus,
    Penataran,
    BimbinganTeknis,
    Sosialisasi,
    ELearning,
    Coaching,
    Mentoring,
    PembelajaranJarakJauh,
    Detasering,
    PembelajaranAlamTerbuka,
    PatokBanding,
    PertukaranPnsSwasta,
    BelajarMandiri,
    KomunitasBelajar,
    BimbinganDiTempatKerja,
    Magang,
}

impl Method {
    pub const ALL: [Method; 24] = [
        Method::TugasBelajar,
        Method::PelatihanKepemimpinan,
        Method::PelatihanManajerial,
        Method::PelatihanTeknis,
        Method::PelatihanFungsional,
        Method::PelatihanSosialKultural,
        Method::Seminar,
        Method::Workshop,
        Method::Kursus,
        Method::Penataran,
        Method::BimbinganTeknis,
        Method::Sosialisasi,
        Method::ELearning,
        Method::Coaching,
        Method::Mentoring,
        Method::PembelajaranJarakJauh,
        Method::Detasering,
        Method::PembelajaranAlamTerbuka,
        Method::PatokBanding,
        Method::PertukaranPnsSwasta,
        Method::BelajarMandiri,
        Method::KomunitasBelajar,
        Method::BimbinganDiTempatKerja,
        Method::Magang,
    ];

    pub fn family(self) -> MethodFamily {
        use Method::*;
        match self {
            TugasBelajar => MethodFamily::Pendidikan,
            PelatihanKepemimpinan
            | PelatihanManajerial
            | PelatihanTeknis
            | PelatihanFungsional
            | PelatihanSosialKultural
            | Seminar
            | Workshop
            | Kursus
            | Penataran
            | BimbinganTeknis
            | Sosialisasi => MethodFamily::Klasikal,
            _ => MethodFamily::NonKlasikal,
        }
    }

    pub fn label(self) -> Text {
        use Method::*;
        let (id, en) = match self {
            TugasBelajar => (
                "Tugas belajar (pendidikan formal)",
                "Study assignment (formal education)",
            ),
            PelatihanKepemimpinan => ("Pelatihan kepemimpinan", "Leadership training"),
            PelatihanManajerial => ("Pelatihan manajerial", "Managerial training"),
            PelatihanTeknis => ("Pelatihan teknis", "Technical training"),
            PelatihanFungsional => ("Pelatihan fungsional", "Functional training"),
            PelatihanSosialKultural => ("Pelatihan sosial kultural", "Socio-cultural training"),
            Seminar => ("Seminar / konferensi", "Seminar / conference"),
            Workshop => ("Lokakarya (workshop)", "Workshop"),
            Kursus => ("Kursus", "Course"),
            Penataran => ("Penataran", "Upgrading course (penataran)"),
            BimbinganTeknis => ("Bimbingan teknis", "Technical guidance"),
            Sosialisasi => ("Sosialisasi", "Socialisation session"),
            ELearning => ("E-learning", "E-learning"),
            Coaching => ("Coaching", "Coaching"),
            Mentoring => ("Mentoring", "Mentoring"),
            PembelajaranJarakJauh => ("Pembelajaran jarak jauh", "Distance learning"),
            Detasering => ("Detasering (penugasan sementara)", "Secondment (detasering)"),
            PembelajaranAlamTerbuka => ("Pembelajaran alam terbuka (outbound)", "Outdoor learning (outbound)"),
            PatokBanding => ("Patok banding (benchmarking)", "Benchmarking"),
            PertukaranPnsSwasta => ("Pertukaran PNS dengan swasta", "Civil servant–private sector exchange"),
            BelajarMandiri => ("Belajar mandiri", "Self-study"),
            KomunitasBelajar => ("Komunitas belajar", "Community of practice"),
            BimbinganDiTempatKerja => ("Bimbingan di tempat kerja", "On-the-job guidance"),
            Magang => ("Magang / praktik kerja", "Internship (magang)"),
        };
        Text::new(id, en)
    }
}
