//! Moodle competency frameworks (CSV of Moodle's "Import competency framework" tool,
//! `admin/tool/lpimportcsv`) as technical competencies, so agencies that already keep their
//! frameworks in Moodle can bring them.
//!
//! The file has a header row and 14 columns: Parent ID number, ID number, Short name,
//! Description, Description format, Scale values, Scale configuration, Rule type, Rule outcome,
//! Rule config, Cross-referenced competency ID numbers, Exported ID, Is framework, Taxonomy.
//! Exactly one row is the framework itself ("Is framework" = 1); every other row is a
//! competency, nested by "Parent ID number". Moodle writes UTF-8, comma-separated; the importer
//! also accepts semicolons, so both are read here.

use std::collections::BTreeSet;

use crate::domain::csv;
use crate::domain::lang::Text;
use crate::domain::model::competency::{Competency, CompetencyType, LevelDescription};
use crate::domain::model::ident::{self, IdentKind};
use crate::domain::model::pack::{ContentPack, PACK_FORMAT};

pub const COLUMNS: usize = 14;

/// Reads a Moodle framework CSV into a content pack of technical competencies. `existing` is
/// the pack made from an earlier import of the same framework, whose version is then raised.
pub fn framework_pack(text: &str, existing: Option<&ContentPack>) -> Result<ContentPack, Vec<Text>> {
    let rows = csv::read(text).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let mut framework: Option<&Vec<String>> = None;
    let mut comps: Vec<&Vec<String>> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let line = i + 1;
        if row.len() == 1 && row[0].trim().is_empty() {
            continue;
        }
        if row.len() != COLUMNS {
            problems.push(Text::new(
                format!(
                    "Baris {line}: {} kolom, seharusnya {COLUMNS} (format kerangka kompetensi Moodle).",
                    row.len()
                ),
                format!(
                    "Line {line}: {} columns, expected {COLUMNS} (Moodle competency framework format).",
                    row.len()
                ),
            ));
            continue;
        }
        if truthy(&row[12]) {
            if framework.is_some() {
                problems.push(Text::new(
                    format!("Baris {line}: lebih dari satu baris kerangka."),
                    format!("Line {line}: more than one framework row."),
                ));
            }
            framework = Some(row);
        } else if row[1].trim().is_empty() || row[2].trim().is_empty() {
            problems.push(Text::new(
                format!("Baris {line}: kompetensi tanpa ID number atau Short name."),
                format!("Line {line}: a competency without ID number or short name."),
            ));
        } else {
            // The ID number becomes the competency code, a part of plan record ids.
            if let Err(e) = ident::check(IdentKind::Competency, row[1].trim()) {
                problems.push(Text::new(
                    format!("Baris {line}, kolom ID number: {}", e.id),
                    format!("Line {line}, ID number column: {}", e.en),
                ));
            }
            comps.push(row);
        }
    }
    if rows.first().is_none_or(|h| h.len() != COLUMNS) {
        problems.insert(
            0,
            Text::new(
                format!("Baris judul harus punya {COLUMNS} kolom kerangka kompetensi Moodle."),
                format!("The header row must have the {COLUMNS} columns of a Moodle competency framework."),
            ),
        );
    }
    let Some(fw) = framework else {
        problems.push(Text::new(
            "Tidak ada baris kerangka (kolom \"Is framework\" = 1).",
            "No framework row (column \"Is framework\" = 1).",
        ));
        return Err(problems);
    };
    if comps.is_empty() {
        problems.push(Text::new(
            "Kerangka tidak berisi kompetensi.",
            "The framework has no competencies.",
        ));
    }
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    ids.extend(comps.iter().map(|r| r[1].trim()));
    if ids.len() != comps.len() {
        problems.push(Text::new(
            "Ada ID number kompetensi yang dipakai dua kali.",
            "A competency ID number is used twice.",
        ));
    }
    for r in &comps {
        let parent = r[0].trim();
        if !parent.is_empty() && !ids.contains(parent) {
            problems.push(Text::new(
                format!("Kompetensi {} merujuk induk {parent} yang tidak ada.", r[1].trim()),
                format!("Competency {} refers to a missing parent {parent}.", r[1].trim()),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let scale: Vec<String> = fw[5]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let fw_name = plain(&fw[2]);
    let competencies = comps
        .iter()
        .map(|r| {
            let parent = r[0].trim();
            let parent_name = comps.iter().find(|p| p[1].trim() == parent).map(|p| plain(&p[2]));
            let mut definition = plain(&r[3]);
            if let Some(p) = &parent_name {
                definition = format!("{definition} (Bagian dari: {p}.)").trim().to_string();
            }
            Competency {
                code: r[1].trim().to_string(),
                kind: CompetencyType::Teknis,
                name: Text::new(plain(&r[2]), ""),
                definition: Text::new(definition, ""),
                levels: (1..=crate::domain::model::competency::MAX_LEVEL)
                    .map(|l| LevelDescription {
                        level: l,
                        description: level_text(l, &scale),
                        indicators: vec![],
                    })
                    .collect(),
            }
        })
        .collect();
    let id = pack_id(&fw[1]);
    let mut pack = ContentPack {
        format: PACK_FORMAT.into(),
        id,
        version: 1,
        title: Text::new(fw_name, ""),
        description: Text::new(plain(&fw[3]), ""),
        rules: None,
        competencies,
        standards: vec![],
        modules: vec![],
    };
    if let Some(old) = existing {
        let same = old.competencies == pack.competencies && old.title == pack.title;
        pack.version = if same { old.version } else { old.version + 1 };
        pack.modules = old.modules.clone();
        pack.standards = old.standards.clone();
    }
    Ok(pack)
}

/// A level description: the framework's own scale when it has five values, else a generic
/// description of the five levels.
fn level_text(level: u8, scale: &[String]) -> Text {
    if scale.len() == 5 {
        let v = &scale[level as usize - 1];
        return Text::new(format!("Skala kerangka: {v}"), format!("Framework scale: {v}"));
    }
    let (id, en) = match level {
        1 => (
            "Memahami dasar-dasarnya dan bekerja dengan arahan.",
            "Knows the basics and works under guidance.",
        ),
        2 => (
            "Menerapkan dalam tugas sendiri secara mandiri.",
            "Applies it in own work independently.",
        ),
        3 => (
            "Menerapkan dalam situasi beragam dan membimbing rekan.",
            "Applies it in varied situations and guides colleagues.",
        ),
        4 => (
            "Mengembangkan cara kerja unit dan menjadi rujukan.",
            "Improves the unit's practice and is the reference.",
        ),
        _ => (
            "Menetapkan arah dan standar di tingkat instansi.",
            "Sets direction and standards for the agency.",
        ),
    };
    Text::new(id, en)
}

fn truthy(s: &str) -> bool {
    matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes")
}

/// Moodle descriptions are HTML: keep the text only (it is shown as text anyway).
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pack id for a framework: `moodle-<slug of its ID number>`, which must fit the pack-id
/// rule (`ident`, 20 characters). Moodle allows 100-character ID numbers, so a slug longer than
/// the 13 characters left keeps its first 6 and adds 6 hex digits of a hash of the whole ID
/// number: re-importing the same framework still finds the same pack, and two long ID numbers
/// with the same start still get different packs.
fn pack_id(idnumber: &str) -> String {
    const PREFIX: &str = "moodle-";
    let room = IdentKind::Pack.rule().max_len - PREFIX.len();
    let slug = slug(idnumber);
    if slug.len() <= room {
        return format!("{PREFIX}{slug}");
    }
    let head = slug[..room - 7].trim_end_matches('-');
    format!("{PREFIX}{head}-{:06x}", fnv1a(idnumber.trim().as_bytes()) & 0xff_ffff)
}

/// 32-bit FNV-1a: tiny and fixed forever (the standard library's hasher may change between
/// releases, and pack ids must not).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0x811c_9dc5, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

fn slug(s: &str) -> String {
    let s: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "kerangka".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_framework_id_number_still_gives_a_valid_stable_pack_id() {
        assert_eq!(pack_id("DUKCAPIL-2026"), "moodle-dukcapil-2026");
        assert_eq!(pack_id(" "), "moodle-kerangka");
        let a = pack_id("KERANGKA-KOMPETENSI-TEKNIS-2026");
        let b = pack_id("KERANGKA-KOMPETENSI-TEKNIS-2027");
        assert!(a.starts_with("moodle-kerang-") && a != b, "{a} {b}");
        assert_eq!(a, pack_id("KERANGKA-KOMPETENSI-TEKNIS-2026"));
        for s in [
            a,
            b,
            pack_id("A-----------------------------x"),
            pack_id(&"é".repeat(50)),
        ] {
            assert_eq!(ident::check(IdentKind::Pack, &s), Ok(()), "{s}");
        }
    }

    #[test]
    fn html_descriptions_become_text() {
        assert_eq!(plain("<p>Satu &amp; dua</p><p>tiga</p>"), "Satu & dua tiga");
    }
}
