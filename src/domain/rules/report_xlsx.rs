//! The cohort as an Excel workbook, for agencies that report in spreadsheets
//! (`docs/cohort-xlsx.md`): a summary sheet with one row per work unit (the figures of the
//! per-unit summary), then one sheet per work unit with one row per employee — NIP as text (a
//! spreadsheet turns an 18-digit number into `1.98503E+17`), grade, JPM, each competency's level
//! and gap, JP, rating and talent box, verification. Headers in the interface language; dates
//! and numbers as real cells, so the spreadsheet shows them in its own locale.
//!
//! Built with `rust_xlsxwriter` (pure Rust); the workbench downloads the bytes.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::cohort::{by_unit, summary, CohortSummary};
use super::jp::JpStatus;
use super::profile::EmployeeProfile;
use super::report::{jp_status_label, ReevaluationState};
use crate::domain::lang::{Lang, Text};
use crate::domain::rules_config::RulesConfig;
use crate::domain::sort;

/// Excel's limit on a sheet name's length.
const SHEET_NAME_MAX: usize = 31;

/// The summary sheet's name.
fn summary_sheet(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Ringkasan",
        Lang::En => "Summary",
    }
}

/// A sheet name for `unit`: Excel refuses `[]:*?/\`, more than 31 characters, names that
/// differ only in case, and "History". Made unique against `used` with a number.
pub fn sheet_name(unit: &str, used: &[String]) -> String {
    let clean: String = unit
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect::<String>()
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_string();
    let base = if clean.is_empty() || clean.eq_ignore_ascii_case("history") {
        format!("Unit {clean}").trim().to_string()
    } else {
        clean
    };
    let taken = |n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    let cut = |s: &str, max: usize| s.chars().take(max).collect::<String>().trim_end().to_string();
    let first = cut(&base, SHEET_NAME_MAX);
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            format!("{}{suffix}", cut(&base, SHEET_NAME_MAX - suffix.chars().count()))
        })
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The columns of a unit sheet before the competencies, and after them.
fn person_columns_before() -> [Text; 7] {
    [
        Text::new("NIP", "NIP"),
        Text::new("Nama", "Name"),
        Text::new("Jabatan", "Position"),
        Text::new("Jenis jabatan", "Position type"),
        Text::new("Golongan", "Grade"),
        Text::new("JPM (%)", "JPM (%)"),
        Text::new("Kategori JPM", "JPM category"),
    ]
}

fn person_columns_after(year: i32) -> [Text; 11] {
    [
        Text::new(format!("JP {year}"), format!("JP {year}")),
        Text::new("Status JP", "JP status"),
        Text::new("Penilaian terakhir", "Last assessment"),
        Text::new("Evaluasi ulang", "Re-evaluation"),
        Text::new("Kinerja", "Performance"),
        Text::new("Potensi", "Potential"),
        Text::new("Kotak talenta", "Talent box"),
        Text::new("Diverifikasi oleh", "Verified by"),
        Text::new("NIP pemverifikasi", "Verifier's NIP"),
        Text::new("Tanggal verifikasi", "Verification date"),
        Text::new(
            "Penilaian tanpa tanda tangan sah",
            "Evaluations without a valid signature",
        ),
    ]
}

/// The competencies' column headers: level and gap (required − level, as in `docs/rules.md`;
/// positive means short of the standard).
fn competency_headers(code: &str) -> [Text; 2] {
    [
        Text::new(format!("{code} tingkat"), format!("{code} level")),
        Text::new(format!("{code} kesenjangan"), format!("{code} gap")),
    ]
}

struct Formats {
    header: Format,
    text: Format,
    date: Format,
    one_decimal: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            text: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            one_decimal: Format::new().set_num_format("0.0"),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn headers(ws: &mut Worksheet, names: &[Text], lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    for (c, t) in names.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, t.get(lang), &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The workbook's bytes. `profiles` is the cohort (any order: sheets follow unit order, rows
/// name order); `year` is the JP year shown; `created` goes into the file's properties.
pub fn cohort_workbook(
    profiles: &[EmployeeProfile],
    rules: &RulesConfig,
    lang: Lang,
    year: i32,
    created: DateTime<Utc>,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let created =
        excel_date(created.date_naive())?.and_hms(created.hour() as u16, created.minute() as u8, created.second())?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title("Lentera"),
    );
    let units = by_unit(profiles, rules);
    let mut used = vec![summary_sheet(lang).to_string()];

    // The summary: one row per unit, then the whole cohort.
    let bands: Vec<(String, Text)> = rules
        .scheme()
        .map(|s| s.bands.iter().map(|b| (b.key.clone(), b.label.clone())).collect())
        .unwrap_or_default();
    let ws = wb.add_worksheet();
    ws.set_name(summary_sheet(lang))?;
    let mut cols = vec![Text::new("Unit kerja", "Work unit"), Text::new("Pegawai", "Employees")];
    cols.extend(bands.iter().map(|(_, label)| label.clone()));
    cols.extend([
        Text::new("Belum dinilai", "Not assessed"),
        Text::new("Target JP tercapai", "JP target met"),
        Text::new("Kepatuhan JP", "JP compliance"),
        Text::new("Evaluasi ulang terlambat", "Overdue re-evaluations"),
    ]);
    headers(ws, &cols, lang, &f)?;
    ws.set_column_width(0, 32)?;
    let total = summary(profiles.iter(), rules);
    let all = Text::new("Semua unit", "All units");
    let rows = units
        .iter()
        .map(|(u, s)| (u.as_str(), s))
        .chain([(all.get(lang), &total)]);
    for (r, (unit, s)) in rows.enumerate() {
        summary_row(ws, r as u32 + 1, unit, s, &bands, &f)?;
    }

    // One sheet per unit.
    for (unit, _) in &units {
        let name = sheet_name(unit, &used);
        used.push(name.clone());
        let mut people: Vec<&EmployeeProfile> = profiles.iter().filter(|p| &p.unit == unit).collect();
        sort::sort_by(&mut people, |a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.nip.cmp(&b.nip))
        });
        let mut codes: Vec<&str> = people
            .iter()
            .flat_map(|p| p.standings.iter().map(|s| s.competency.as_str()))
            .collect();
        sort::sort(&mut codes);
        codes.dedup();
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let mut cols: Vec<Text> = person_columns_before().to_vec();
        for c in &codes {
            cols.extend(competency_headers(c));
        }
        cols.extend(person_columns_after(year));
        headers(ws, &cols, lang, &f)?;
        ws.set_column_format(0, &f.text)?;
        ws.set_column_width(0, 20)?;
        ws.set_column_width(1, 28)?;
        for (r, p) in people.iter().enumerate() {
            person_row(ws, r as u32 + 1, p, &codes, lang, &f)?;
        }
    }
    wb.save_to_buffer()
}

fn summary_row(
    ws: &mut Worksheet,
    r: u32,
    unit: &str,
    s: &CohortSummary,
    bands: &[(String, Text)],
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string(r, 0, unit)?;
    ws.write_number(r, 1, s.total as f64)?;
    let mut c = 2u16;
    for (key, _) in bands {
        let n = s.by_category.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n);
        ws.write_number(r, c, n as f64)?;
        c += 1;
    }
    ws.write_number(r, c, s.not_assessed as f64)?;
    ws.write_number(r, c + 1, s.jp_met as f64)?;
    ws.write_number_with_format(r, c + 2, s.jp_compliance, &f.percent)?;
    ws.write_number(r, c + 3, s.overdue.len() as f64)?;
    Ok(())
}

fn person_row(
    ws: &mut Worksheet,
    r: u32,
    p: &EmployeeProfile,
    codes: &[&str],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, 0, &p.nip, &f.text)?;
    ws.write_string(r, 1, &p.name)?;
    ws.write_string(r, 2, &p.position.title)?;
    ws.write_string(r, 3, p.position.kind.label().get(lang))?;
    ws.write_string(r, 4, &p.grade)?;
    if let Some(j) = &p.jpm {
        ws.write_number_with_format(r, 5, crate::domain::round::one_decimal(j.percent), &f.one_decimal)?;
        ws.write_string(r, 6, j.band.label.get(lang))?;
    }
    let mut c = 7u16;
    for code in codes {
        if let Some(s) = p.standings.iter().find(|s| s.competency == *code) {
            ws.write_number(r, c, s.level() as f64)?;
            ws.write_number(r, c + 1, s.gap() as f64)?;
        }
        c += 2;
    }
    ws.write_number_with_format(r, c, p.jp.earned, &f.one_decimal)?;
    let status: JpStatus = p.jp.status;
    ws.write_string(r, c + 1, jp_status_label(status).get(lang))?;
    if let Some(d) = p.last_assessment {
        ws.write_datetime_with_format(r, c + 2, excel_date(d)?, &f.date)?;
    }
    ws.write_string(r, c + 3, ReevaluationState::of(&p.reevaluation).label().get(lang))?;
    if let Some(t) = &p.talent {
        ws.write_string(r, c + 4, t.performance.label().get(lang))?;
        ws.write_string(r, c + 5, t.potential.label().get(lang))?;
        ws.write_number(r, c + 6, t.rule.number as f64)?;
    }
    if let Some(v) = &p.verified {
        ws.write_string(r, c + 7, &v.by.name)?;
        ws.write_string_with_format(r, c + 8, &v.by.nip, &f.text)?;
        ws.write_datetime_with_format(r, c + 9, excel_date(v.date)?, &f.date)?;
    }
    ws.write_number(r, c + 10, p.unproven as f64)?;
    Ok(())
}
