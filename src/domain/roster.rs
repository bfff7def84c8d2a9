//! The trainer's roster: the people a class or a work unit expects — NIP, name, unit, position
//! and, where known, their supervisor's NIP — read from a CSV file a spreadsheet program wrote
//! (format: `docs/roster.md`). The workbench compares it with the cohort (`rules::roster`) to see
//! who has not handed in data, who is new, and which NIPs are claimed twice.
//!
//! A roster with any bad line is refused whole, with every problem by line: a half-read list
//! would report people as missing who are only unreadable.

use serde::{Deserialize, Serialize};

use crate::domain::csv;
use crate::domain::lang::Text;
use crate::domain::model::nip::Nip;

/// Larger files are refused before reading: a district's roster of 2,000 people is ~200 KB.
pub const MAX_ROSTER_BYTES: usize = 4 * 1024 * 1024;
/// At most this many people on one roster.
pub const MAX_ROSTER_PEOPLE: usize = 20_000;
/// At most this many problems are listed; the count of the rest is given.
const MAX_PROBLEMS: usize = 20;
/// Longest name, unit or position kept (longer ones are refused, as in export files).
const MAX_TEXT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub nip: Nip,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub position: String,
    /// The NIP of the supervisor who should verify this person's levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<Nip>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Roster {
    /// The file it was read from, shown beside the comparison.
    pub source: String,
    pub entries: Vec<RosterEntry>,
}

/// The columns, each by the header names people write for it (compared without case, spaces,
/// `_` or `-`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Nip,
    Name,
    Unit,
    Position,
    Supervisor,
}

const HEADERS: [(Column, &[&str]); 5] = [
    (Column::Nip, &["nip"]),
    (Column::Name, &["nama", "name", "namalengkap", "fullname"]),
    (Column::Unit, &["unit", "unitkerja", "workunit"]),
    (Column::Position, &["jabatan", "namajabatan", "position"]),
    (
        Column::Supervisor,
        &["nipatasan", "atasan", "supervisornip", "supervisor"],
    ),
];

fn column_of(header: &str) -> Option<Column> {
    let key: String = header
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(c, _)| *c)
}

/// A NIP cell as a spreadsheet program may have mangled it: `1.98503E+17` in a CSV, `1.98503E17`
/// from a number cell of a workbook (the column was a number, the last digits are lost).
fn looks_scientific(cell: &str) -> bool {
    let c = cell.trim().to_ascii_uppercase();
    c.starts_with(|ch: char| ch.is_ascii_digit())
        && c.contains('E')
        && c.chars().all(|ch| ch.is_ascii_digit() || ".,E+".contains(ch))
}

/// The first sheet of an XLSX workbook as rows of text, read with calamine. Numbers are written
/// as a spreadsheet shows them: whole ones plainly, long ones (a NIP typed into a number cell,
/// its last digits already lost) in scientific form, which the NIP check then explains.
fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Vec<Text>> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: String| {
        vec![Text::new(
            format!("Berkas XLSX tidak dapat dibaca ({e})."),
            format!("The XLSX file cannot be read ({e})."),
        )]
    };
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("no sheet".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    let cell = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f:.5E}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    Ok(range.rows().map(|r| r.iter().map(cell).collect()).collect())
}

/// Reads a roster file named `source`: CSV, or the first sheet of an XLSX workbook.
pub fn parse(bytes: &[u8], source: &str) -> Result<Roster, Vec<Text>> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(vec![Text::new(
            format!(
                "Berkas daftar terlalu besar (lebih dari {} MB).",
                MAX_ROSTER_BYTES / (1024 * 1024)
            ),
            format!(
                "The roster file is too large (over {} MB).",
                MAX_ROSTER_BYTES / (1024 * 1024)
            ),
        )]);
    }
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)?
    } else {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return Err(vec![Text::new(
                "Berkas daftar bukan CSV (UTF-8) atau XLSX. Di program lembar kerja, simpan sebagai \"CSV UTF-8\" atau \"Buku Kerja Excel (.xlsx)\".",
                "The roster file is neither CSV (UTF-8) nor XLSX. In the spreadsheet program, save it as \"CSV UTF-8\" or \"Excel Workbook (.xlsx)\".",
            )]);
        };
        csv::read(text).map_err(|e| vec![e])?
    };
    let Some(header) = rows.first() else {
        return Err(vec![Text::new(
            "Daftar tidak memuat seorang pun.",
            "The roster lists nobody.",
        )]);
    };
    let mut columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    // A column named twice counts once: the first.
    for i in 0..columns.len() {
        if columns[..i].contains(&columns[i]) {
            columns[i] = None;
        }
    }
    let missing: Vec<&str> = [
        (Column::Nip, "nip"),
        (Column::Name, "nama"),
        (Column::Unit, "unit_kerja"),
    ]
    .into_iter()
    .filter(|(c, _)| !columns.contains(&Some(*c)))
    .map(|(_, n)| n)
    .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return Err(vec![Text::new(
            format!("Baris pertama harus memuat nama kolom; tidak ada kolom: {list}. Lihat format daftar."),
            format!("The first line must name the columns; missing: {list}. See the roster format."),
        )]);
    }
    let people = rows.len() - 1;
    if people > MAX_ROSTER_PEOPLE {
        return Err(vec![Text::new(
            format!("Daftar memuat {people} orang; paling banyak {MAX_ROSTER_PEOPLE}."),
            format!("The roster lists {people} people; at most {MAX_ROSTER_PEOPLE}."),
        )]);
    }
    let mut problems: Vec<Text> = Vec::new();
    let mut entries: Vec<RosterEntry> = Vec::new();
    let mut lines_of: std::collections::BTreeMap<Nip, usize> = std::collections::BTreeMap::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let line = i + 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |col: Column| {
            columns
                .iter()
                .position(|c| *c == Some(col))
                .and_then(|k| row.get(k))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut bad = |id: String, en: String| {
            problems.push(Text::new(format!("Baris {line}: {id}"), format!("Line {line}: {en}")))
        };
        let nip_cell = cell(Column::Nip);
        let nip = if looks_scientific(nip_cell) {
            bad(
                format!("NIP tertulis sebagai angka ({nip_cell}), digit terakhirnya hilang. Format kolom NIP sebagai Teks, ketik ulang, lalu simpan lagi."),
                format!("The NIP was written as a number ({nip_cell}) and lost its last digits. Format the NIP column as Text, type it again and save."),
            );
            None
        } else {
            match Nip::parse(nip_cell) {
                Ok(n) => Some(n),
                Err(e) => {
                    let t = e.text();
                    bad(t.id.clone(), t.en.clone());
                    None
                }
            }
        };
        let supervisor = match cell(Column::Supervisor) {
            "" => Some(None),
            s => match Nip::parse(s) {
                Ok(n) => Some(Some(n)),
                Err(e) => {
                    let t = e.text();
                    bad(format!("NIP atasan: {}", t.id), format!("Supervisor's NIP: {}", t.en));
                    None
                }
            },
        };
        let (name, unit, position) = (cell(Column::Name), cell(Column::Unit), cell(Column::Position));
        if name.is_empty() {
            bad("nama kosong.".into(), "the name is empty.".into());
        }
        if unit.is_empty() {
            bad("unit kerja kosong.".into(), "the work unit is empty.".into());
        }
        if [name, unit, position].iter().any(|t| t.chars().count() > MAX_TEXT) {
            bad(
                format!("teks lebih dari {MAX_TEXT} karakter."),
                format!("a text is longer than {MAX_TEXT} characters."),
            );
        }
        let (Some(nip), Some(supervisor)) = (nip, supervisor) else {
            continue;
        };
        if let Some(first) = lines_of.get(&nip) {
            bad(
                format!(
                    "NIP {} sudah tercantum di baris {first}. Satu NIP satu baris.",
                    nip.as_str()
                ),
                format!(
                    "NIP {} is already listed on line {first}. One line per NIP.",
                    nip.as_str()
                ),
            );
            continue;
        }
        lines_of.insert(nip.clone(), line);
        entries.push(RosterEntry {
            nip,
            name: name.to_string(),
            unit: unit.to_string(),
            position: position.to_string(),
            supervisor,
        });
    }
    if problems.is_empty() && entries.is_empty() {
        problems.push(Text::new(
            "Daftar tidak memuat seorang pun.",
            "The roster lists nobody.",
        ));
    }
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        if more > 0 {
            problems.push(Text::new(
                format!("… dan {more} masalah lain."),
                format!("… and {more} more problems."),
            ));
        }
        return Err(problems);
    }
    Ok(Roster {
        source: source.chars().take(MAX_TEXT).collect(),
        entries,
    })
}
