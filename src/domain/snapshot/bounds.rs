//! Bounds on what an imported file may hold, so that no file can break the device: wrap a
//! counter, make merging slow at every start, fill storage with one name, hide text behind
//! control characters, or claim to come from the future. Each bound is documented in
//! `docs/export-format.md`; each refusal names the place in the file, in both languages.
//!
//! Data the device wrote itself is not checked again when read back (it passed these checks
//! on the way in, or was typed into the app's forms, which check the same).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::Value;

use super::document::{RecordKind, Snapshot, TableVisitor};
use super::import::Problem;
use crate::domain::record::{RecordData, Table};

/// Largest edit counter of one device in one record's version vector. A person makes a few
/// edits a day; 2³² is far beyond any real history and far from wrapping `u64` arithmetic.
pub const MAX_COUNTER: u64 = 1 << 32;
/// Devices in one version vector (a district has tens of tablets).
pub const MAX_CLOCK_DEVICES: usize = 1_000;
/// Versions of one record (the winner plus unresolved conflicts). Merging compares versions
/// pairwise, so this bound keeps a merge fast however the file was made.
pub const MAX_VERSIONS: usize = 32;
/// Records of one kind in one file: a 2,000-person cohort with years of history fits.
pub const MAX_RECORDS: usize = 200_000;
/// Names, units, position and activity titles: one line of at most this many characters
/// (the profile form allows the same).
pub const MAX_NAME_CHARS: usize = 200;
/// Any other text (notes, evidence, feedback).
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Employee record ids: they are part of derived ids (progress, plan), which must stay valid.
pub const MAX_EMPLOYEE_ID_CHARS: usize = crate::domain::model::ident::MAX_EMPLOYEE_ID_LEN;
/// Timestamps and dates may be at most this far ahead of the importing device's clock (time
/// zones and slightly fast clocks), never years ahead.
pub const FUTURE_SLACK_HOURS: i64 = 24;

/// Keys whose text is a one-line name.
const NAME_KEYS: [&str; 3] = ["name", "unit", "title"];
/// Keys holding a timestamp (RFC 3339) or a date (YYYY-MM-DD).
const TIME_KEYS: [&str; 4] = ["created_at", "updated_at", "exported_at", "at"];
const DATE_KEYS: [&str; 3] = ["date", "start", "end"];

/// Characters no imported text may contain: C0/C1 controls (other than tab and line breaks in
/// multi-line text) and the bidirectional overrides and isolates that can make a name read
/// differently from what it is; in names also line breaks and the invisible marks (zero-width
/// space, direction marks, byte-order mark) that make two names look alike.
fn forbidden(c: char, one_line: bool) -> bool {
    let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let invisible = matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}');
    control || bidi || (one_line && (invisible || matches!(c, '\n' | '\r' | '\t')))
}

/// The same rule for a text typed into a form, so that everything the app saves passes the
/// import bounds on another device. `one_line`: a name, unit or title.
/// A required one-line text (a name, a title): `missing` when empty, else `text_problem`.
pub fn required_line(s: &str, missing: crate::domain::lang::Text) -> Option<crate::domain::lang::Text> {
    if s.is_empty() {
        Some(missing)
    } else {
        text_problem(s, true)
    }
}

pub fn text_problem(s: &str, one_line: bool) -> Option<crate::domain::lang::Text> {
    let max = if one_line { MAX_NAME_CHARS } else { MAX_TEXT_CHARS };
    if s.chars().count() > max {
        return Some(crate::domain::lang::Text::new(
            format!("Teks terlalu panjang (maks. {max} huruf)."),
            format!("The text is too long (max. {max} characters)."),
        ));
    }
    s.chars().any(|c| forbidden(c, one_line)).then(|| {
        crate::domain::lang::Text::new(
            "Teks memuat karakter tak terlihat atau karakter kendali; ketik ulang tanpa menempelkan.",
            "The text contains invisible or control characters; type it again rather than pasting it.",
        )
    })
}

/// A date typed into a form may not lie ahead of today (what the import accepts is a day more,
/// for time zones).
pub fn date_problem(d: NaiveDate, today: NaiveDate) -> Option<crate::domain::lang::Text> {
    (d > today).then(|| {
        crate::domain::lang::Text::new(
            "Tanggal tidak boleh setelah hari ini.",
            "The date cannot be after today.",
        )
    })
}

/// Checks every string and every time in the raw document.
pub fn check_document(doc: &Value, now: DateTime<Utc>, problems: &mut Vec<Problem>) {
    let latest = now + Duration::hours(FUTURE_SLACK_HOURS);
    walk(doc, &mut String::new(), None, latest, problems);
}

fn walk(v: &Value, path: &mut String, key: Option<&str>, latest: DateTime<Utc>, problems: &mut Vec<Problem>) {
    if problems.len() >= super::import::MAX_PROBLEMS {
        return;
    }
    match v {
        Value::String(s) => check_string(s, path, key, latest, problems),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                // Written in place: a temporary string per array element adds up in a 10 MB file.
                let _ = std::fmt::Write::write_fmt(path, format_args!("[{i}]"));
                walk(item, path, None, latest, problems);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(item, path, Some(k), latest, problems);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn check_string(s: &str, path: &str, key: Option<&str>, latest: DateTime<Utc>, problems: &mut Vec<Problem>) {
    let one_line = key.is_some_and(|k| NAME_KEYS.contains(&k));
    let max = if one_line { MAX_NAME_CHARS } else { MAX_TEXT_CHARS };
    // Bytes first: a 20 MB name is refused without counting its characters, and a string of
    // at most `max` bytes has at most `max` characters.
    if s.len() > 4 * max || (s.len() > max && s.chars().count() > max) {
        problems.push(Problem::new(
            path,
            format!("teks terlalu panjang (maks. {max} huruf)."),
            format!("text too long (max. {max} characters)."),
        ));
        return;
    }
    // Printable ASCII (most text) needs no closer look.
    let plain = s.bytes().all(|b| (0x20..0x7f).contains(&b));
    if !plain && s.chars().any(|c| forbidden(c, one_line)) {
        problems.push(Problem::new(
            path,
            if one_line {
                "teks memuat karakter kendali atau pembalik arah tulisan, atau baris baru (tidak diizinkan pada nama)."
            } else {
                "teks memuat karakter kendali atau pembalik arah tulisan."
            },
            if one_line {
                "text contains control or direction-override characters, or a line break (not allowed in names)."
            } else {
                "text contains control or direction-override characters."
            },
        ));
        return;
    }
    let Some(k) = key else { return };
    // Parsed exactly as the records are read (chrono's `FromStr`, which serde uses): it also
    // takes relaxed forms (`9999-01-01 00:00:00 UTC`, `2030-01-01 `) that a strict RFC 3339 or
    // `%Y-%m-%d` parse rejects, and a date this check cannot read must not pass it.
    let future = if TIME_KEYS.contains(&k) {
        s.parse::<DateTime<Utc>>().is_ok_and(|t| t > latest)
    } else if DATE_KEYS.contains(&k) {
        s.parse::<NaiveDate>().is_ok_and(|d| d > latest.date_naive())
    } else {
        false
    };
    if future {
        problems.push(Problem::new(
            path,
            format!("waktu \"{s}\" ada di masa depan (lebih dari {FUTURE_SLACK_HOURS} jam dari jam perangkat ini)."),
            format!(
                "the time \"{s}\" is in the future (more than {FUTURE_SLACK_HOURS} hours past this device's clock)."
            ),
        ));
    }
}

/// Checks every record's version vectors and version count, and the record count per kind.
pub fn check_records(s: &Snapshot, problems: &mut Vec<Problem>) {
    struct Check<'a>(&'a mut Vec<Problem>);
    impl TableVisitor for Check<'_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
            let key = kind.key();
            if t.len() > MAX_RECORDS {
                self.0.push(Problem::new(
                    key,
                    format!("terlalu banyak catatan ({}; maks. {MAX_RECORDS}).", t.len()),
                    format!("too many records ({}; max. {MAX_RECORDS}).", t.len()),
                ));
                return;
            }
            for r in t.all() {
                if self.0.len() >= super::import::MAX_PROBLEMS {
                    return;
                }
                let at = format!("{key}[id={}]", r.id);
                if r.versions().len() > MAX_VERSIONS {
                    self.0.push(Problem::new(
                        &at,
                        format!("terlalu banyak versi ({}; maks. {MAX_VERSIONS}).", r.versions().len()),
                        format!("too many versions ({}; max. {MAX_VERSIONS}).", r.versions().len()),
                    ));
                }
                for v in r.versions() {
                    if v.clock.max_counter() > MAX_COUNTER || v.clock.width() > MAX_CLOCK_DEVICES {
                        self.0.push(Problem::new(
                            format!("{at}.clock"),
                            format!("penghitung suntingan tidak wajar (maks. {MAX_COUNTER} per perangkat, {MAX_CLOCK_DEVICES} perangkat)."),
                            format!("implausible edit counter (max. {MAX_COUNTER} per device, {MAX_CLOCK_DEVICES} devices)."),
                        ));
                        break;
                    }
                }
            }
        }
    }
    s.visit(&mut Check(problems));
    for r in s.employees.all() {
        // No `:` either: it separates the parts of derived ids, which name their person first.
        if r.id.as_str().len() > MAX_EMPLOYEE_ID_CHARS || r.id.as_str().contains(':') {
            problems.push(Problem::new(
                format!("employees[id={}].id", r.id),
                format!("id pegawai terlalu panjang (maks. {MAX_EMPLOYEE_ID_CHARS} karakter) atau memuat \":\"."),
                format!("employee id too long (max. {MAX_EMPLOYEE_ID_CHARS} characters) or containing \":\"."),
            ));
        }
    }
}

/// Whether a file of `file_bytes` can be kept on this device, whose storage for the data holds
/// `quota_bytes` of which `used_bytes` are used. The data is stored as UTF-16 (two bytes a
/// character) and kept twice (the main copy and the previous one), so a file needs about four
/// times its size in free storage.
pub fn fits_device(file_bytes: u64, used_bytes: u64, quota_bytes: u64) -> Result<(), crate::domain::lang::Text> {
    let free = quota_bytes.saturating_sub(used_bytes);
    // `checked`, not `saturating`: four times a huge file must not saturate to a "fit".
    if file_bytes.checked_mul(4).is_some_and(|need| need <= free) {
        return Ok(());
    }
    let mb = |b: u64| format!("{:.1}", b as f64 / 1_000_000.0);
    Err(crate::domain::lang::Text::new(
        format!(
            "Berkas ini ({} MB) terlalu besar untuk ruang yang tersisa di perangkat ini (berkas sampai sekitar {} MB dapat disimpan). Tidak ada yang diubah.",
            mb(file_bytes),
            mb(free / 4)
        ),
        format!(
            "This file ({} MB) is too large for the space left on this device (files up to about {} MB fit). Nothing was changed.",
            mb(file_bytes),
            mb(free / 4)
        ),
    ))
}
