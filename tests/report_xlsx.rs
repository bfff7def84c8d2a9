//! The trainer's Excel report (`rules::report_xlsx`), read back with a maintained reader
//! (calamine): the documented sheets and columns, NIPs as text, levels and gaps per competency,
//! headers in the interface language, and sheet names Excel accepts.

mod common;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use lentera::domain::catalog::Catalog;
use lentera::domain::generate;
use lentera::domain::lang::Lang;
use lentera::domain::model::pack::ContentPack;
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::report_xlsx::{cohort_workbook, sheet_name};

fn catalog() -> Catalog {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/packs/default.json");
    let pack: ContentPack = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Catalog::with_packs([pack].iter()).unwrap()
}

fn rows(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    wb.worksheet_range(sheet).unwrap().rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => panic!("expected text, found {other:?}"),
    }
}

#[test]
fn the_workbook_has_a_summary_and_one_sheet_per_unit_with_the_documented_columns() {
    let cat = catalog();
    let today = generate::reference_day();
    let cohort = generate::cohort(7, 60, &cat, today, 3);
    let ps = profiles(&cohort, &cat, today);
    let bytes = cohort_workbook(&ps, &cat.rules, Lang::Id, 2026, common::t(2026, 11, 30)).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();

    let mut units: Vec<String> = ps.iter().map(|p| p.unit.clone()).collect();
    units.sort();
    units.dedup();
    let names = wb.sheet_names();
    assert_eq!(names[0], "Ringkasan");
    assert_eq!(names.len(), units.len() + 1, "{names:?}");

    // The summary: a row per unit and one for everyone, headcounts adding up.
    let summary = rows(&mut wb, "Ringkasan");
    let head: Vec<String> = summary[0].iter().map(text).collect();
    assert_eq!(head[..2], ["Unit kerja", "Pegawai"]);
    assert_eq!(
        head[head.len() - 4..],
        [
            "Belum dinilai",
            "Target JP tercapai",
            "Kepatuhan JP",
            "Evaluasi ulang terlambat"
        ]
    );
    assert_eq!(summary.len(), units.len() + 2);
    let count = |r: &Vec<Data>| match r[1] {
        Data::Float(f) => f as usize,
        Data::Int(i) => i as usize,
        ref o => panic!("{o:?}"),
    };
    assert_eq!(text(&summary[units.len() + 1][0]), "Semua unit");
    assert_eq!(count(&summary[units.len() + 1]), ps.len());
    assert_eq!(summary[1..=units.len()].iter().map(count).sum::<usize>(), ps.len());

    // A unit sheet: NIPs as text, exactly as in the profiles; level and gap per competency.
    let unit = &units[0];
    let sheet = rows(&mut wb, &names[1]);
    let head: Vec<String> = sheet[0].iter().map(text).collect();
    assert_eq!(
        head[..7],
        [
            "NIP",
            "Nama",
            "Jabatan",
            "Jenis jabatan",
            "Golongan",
            "JPM (%)",
            "Kategori JPM"
        ]
    );
    assert_eq!(head[7], "M.01 tingkat");
    assert_eq!(head[8], "M.01 kesenjangan");
    assert_eq!(
        head[head.len() - 11..],
        [
            "JP 2026",
            "Status JP",
            "Penilaian terakhir",
            "Evaluasi ulang",
            "Kinerja",
            "Potensi",
            "Kotak talenta",
            "Diverifikasi oleh",
            "NIP pemverifikasi",
            "Tanggal verifikasi",
            "Penilaian tanpa tanda tangan sah",
        ]
    );
    let people: Vec<_> = ps.iter().filter(|p| &p.unit == unit).collect();
    assert_eq!(sheet.len(), people.len() + 1);
    for row in &sheet[1..] {
        let nip = text(&row[0]);
        assert_eq!(nip.len(), 18, "{nip}");
        let p = people
            .iter()
            .find(|p| p.nip == nip)
            .expect("a NIP of the unit, digit for digit");
        assert_eq!(text(&row[1]), p.name);
        assert_eq!(text(&row[4]), p.grade);
        if let Some(s) = p.standings.iter().find(|s| s.competency == "M.01") {
            assert_eq!(row[7], Data::Float(s.level() as f64));
            assert_eq!(row[8], Data::Float(s.gap() as f64), "gap = required − level");
        }
    }

    // In English, the headers follow.
    let bytes = cohort_workbook(&ps, &cat.rules, Lang::En, 2026, common::t(2026, 11, 30)).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names()[0], "Summary");
    let second = wb.sheet_names()[1].clone();
    let sheet = rows(&mut wb, &second);
    assert_eq!(text(&sheet[0][1]), "Name");
    assert_eq!(text(&sheet[0][8]), "M.01 gap");
}

#[test]
fn unit_names_become_sheet_names_excel_accepts() {
    let used = vec!["Ringkasan".to_string()];
    assert_eq!(sheet_name("Dinas Kesehatan", &used), "Dinas Kesehatan");
    assert_eq!(
        sheet_name("Bagian Umum/Keuangan [2026]?", &used),
        "Bagian Umum-Keuangan -2026--"
    );
    let long = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten";
    let first = sheet_name(long, &used);
    assert_eq!(first.chars().count(), 31);
    let second = sheet_name(&long.replace("Kabupaten", "Kota"), &[used[0].clone(), first.clone()]);
    assert!(second.ends_with(" (2)") && second.chars().count() <= 31, "{second}");
    assert_eq!(
        sheet_name("ringkasan", &used),
        "ringkasan (2)",
        "names differing only in case clash"
    );
    assert_eq!(sheet_name("History", &used), "Unit History");
    assert_eq!(sheet_name("  ", &used), "Unit");
}
