//! The trainer's roster (`domain::roster`, `rules::roster`): the file a spreadsheet program
//! writes is read or refused with every problem by line; compared with the cohort it names who
//! has not handed in data since a day, who is new, which NIPs two profiles claim, and whether a
//! verification came from the supervisor the roster names.

mod common;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use common::{d, device, id, t};
use lentera::domain::catalog::Catalog;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::nip::Nip;
use lentera::domain::record::{Id, Record};
use lentera::domain::roster::{parse, Roster, MAX_ROSTER_BYTES};
use lentera::domain::rules::profile::profiles;
use lentera::domain::rules::proof::{Verified, Verifier};
use lentera::domain::rules::roster::{compare, supervisor_check, SignedBy};
use lentera::domain::snapshot::Snapshot;

const SITI: &str = "198503122010011002";
const BUDI: &str = "198701012012011003";
const ANI: &str = "199002142015032001";
const DEWI: &str = "199112122019032002";
const KEPALA: &str = "197905052005011001";

fn roster(text: &str) -> Roster {
    parse(text.as_bytes(), "kelas.csv").unwrap_or_else(|e| panic!("{e:?}"))
}

fn problems(text: &[u8]) -> Vec<String> {
    parse(text, "kelas.csv")
        .unwrap_err()
        .into_iter()
        .map(|t| t.id)
        .collect()
}

/// A person whose profile was last written at `at`.
fn person(key: &str, name: &str, nip: &str, at: DateTime<Utc>) -> Record<lentera::domain::model::employee::Employee> {
    let mut e = common::employee(name, PositionKind::Pelaksana);
    e.nip = Nip::parse(nip).unwrap();
    Record::create(id(key), &device("dev-a"), at, e)
}

#[test]
fn a_spreadsheet_roster_is_read_with_its_column_names_in_any_order() {
    // As Excel in the Indonesian locale saves it: a byte-order mark, `;`, the NIP grouped.
    let text = format!(
        "\u{feff}Nama;NIP;Unit Kerja;Jabatan;NIP Atasan\r\nSiti Aminah;19850312 201001 1 002;Kecamatan Sukamaju;Kepala Seksi;{KEPALA}\r\n\"Budi; S.E.\";{BUDI};Dinas Kependudukan;;\r\n;;;;\r\n"
    );
    let r = roster(&text);
    assert_eq!(r.source, "kelas.csv");
    assert_eq!(r.entries.len(), 2, "the empty line is skipped");
    assert_eq!(r.entries[0].nip.as_str(), SITI);
    assert_eq!(r.entries[0].name, "Siti Aminah");
    assert_eq!(r.entries[0].position, "Kepala Seksi");
    assert_eq!(r.entries[0].supervisor.as_ref().map(Nip::as_str), Some(KEPALA));
    assert_eq!(r.entries[1].name, "Budi; S.E.");
    assert_eq!(r.entries[1].supervisor, None);
    // English headers and commas work too; the position and supervisor columns are optional.
    let r = roster(&format!("nip,name,work_unit\n{ANI},Ani,Dinas\n"));
    assert_eq!(r.entries[0].unit, "Dinas");
}

#[test]
fn a_roster_with_any_bad_line_is_refused_whole_with_every_problem_by_line() {
    let p = problems(format!("nip;nama;unit\n1.98503E+17;Siti;Sukamaju\n{BUDI};;Dinas\n12345;Ani;Dinas\n{DEWI};Dewi;Dinas\n{DEWI};Dewi lagi;Dinas\n").as_bytes());
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(
        p[0].starts_with("Baris 2: NIP tertulis sebagai angka (1.98503E+17)") && p[0].contains("Teks"),
        "{}",
        p[0]
    );
    assert!(p[1].starts_with("Baris 3: nama kosong"), "{}", p[1]);
    assert!(p[2].starts_with("Baris 4: NIP harus 18 digit"), "{}", p[2]);
    assert!(
        p[3].starts_with(&format!("Baris 6: NIP {DEWI} sudah tercantum di baris 5")),
        "{}",
        p[3]
    );

    let p = problems(format!("nip;nama\n{BUDI};Budi\n").as_bytes());
    assert!(p[0].contains("tidak ada kolom: unit_kerja"), "{p:?}");
    assert!(problems(b"nip;nama;unit\n")[0].contains("tidak memuat seorang pun"));
    assert!(problems(b"")[0].contains("kosong"));
    assert!(problems(&[0xff, 0xfe, 0x00])[0].contains("UTF-8"));
    assert!(problems(&vec![b'a'; MAX_ROSTER_BYTES + 1])[0].contains("terlalu besar"));
    assert!(
        problems(format!("nip;nama;unit;nip_atasan\n{BUDI};Budi;Dinas;123\n").as_bytes())[0]
            .starts_with("Baris 2: NIP atasan: ")
    );
    // Many bad lines: the first twenty, and how many more.
    let many: String = (0..30).map(|_| "1;x;y\n").collect();
    let p = problems(format!("nip;nama;unit\n{many}").as_bytes());
    assert_eq!(p.len(), 21);
    assert!(p[20].contains("10 masalah lain"), "{}", p[20]);
}

#[test]
fn the_roster_against_the_cohort_names_who_is_missing_new_or_claimed_twice() {
    let r = roster(&format!(
        "nip;nama;unit\n{SITI};Siti Aminah;Sukamaju\n{BUDI};Budi;Dinas\n{ANI};Ani;Dinas\n"
    ));
    let mut cohort = Snapshot::default();
    // Siti handed in after the class began; Budi only before; Ani never.
    cohort
        .employees
        .upsert(person("siti", "Siti Aminah", SITI, t(2026, 3, 2)));
    cohort.employees.upsert(person("budi", "Budi", BUDI, t(2026, 1, 10)));
    // Dewi is not on the roster; two profiles claim Siti's NIP (one from another tablet).
    cohort.employees.upsert(person("dewi", "Dewi", DEWI, t(2026, 3, 5)));
    cohort
        .employees
        .upsert(person("siti-2", "Siti A.", SITI, t(2026, 2, 1)));

    let report = compare(&r, &cohort, d(2026, 3, 1));
    assert_eq!((report.expected, report.handed_in), (3, 1));
    let missing: Vec<(&str, Option<DateTime<Utc>>)> =
        report.missing.iter().map(|m| (m.entry.name.as_str(), m.last)).collect();
    assert_eq!(missing, vec![("Budi", Some(t(2026, 1, 10))), ("Ani", None)]);
    let new: Vec<&str> = report.new.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(new, vec!["Dewi"]);
    assert_eq!(report.duplicates.len(), 1);
    let dup = &report.duplicates[0];
    assert_eq!(dup.nip, SITI);
    assert_eq!(dup.listed_as.as_deref(), Some("Siti Aminah"));
    let ids: Vec<&Id> = dup.people.iter().map(|p| &p.id).collect();
    assert_eq!(
        ids,
        vec![&id("siti"), &id("siti-2")],
        "both records stay, for the trainer to decide"
    );
    assert_eq!(cohort.employees.live().count(), 4, "nothing merged");

    // An assessment written later counts as handed in; so does the day itself.
    let mut later = cohort.clone();
    let mut a = common::assessment(
        "budi",
        lentera::domain::model::assessment::AssessmentKind::SelfAssessment,
        d(2026, 3, 1),
        &[("M.01", 2)],
    );
    a.employee = id("budi");
    later
        .assessments
        .upsert(Record::create(id("budi-a1"), &device("dev-b"), t(2026, 3, 1), a));
    let report = compare(&r, &later, d(2026, 3, 1));
    assert_eq!(report.handed_in, 2);
    assert_eq!(report.missing.len(), 1);
}

#[test]
fn the_person_view_can_tell_whether_the_roster_supervisor_signed() {
    let r = roster(&format!(
        "nip;nama;unit;nip_atasan\n{SITI};Siti Aminah;Sukamaju;{KEPALA}\n{KEPALA};Ibu Kepala;Sukamaju;\n{BUDI};Budi;Dinas;\n"
    ));
    let mut cohort = Snapshot::default();
    cohort
        .employees
        .upsert(person("siti", "Siti Aminah", SITI, t(2026, 3, 2)));
    cohort.employees.upsert(person("budi", "Budi", BUDI, t(2026, 3, 2)));
    let cat = Catalog::with_packs(std::iter::empty()).unwrap();
    let mut ps = profiles(&cohort, &cat, d(2026, 3, 10));
    let siti = ps.iter().position(|p| p.id == id("siti")).unwrap();
    let budi = ps.iter().position(|p| p.id == id("budi")).unwrap();

    let check = supervisor_check(&r, &ps[siti]).unwrap();
    assert_eq!(check.supervisor.as_str(), KEPALA);
    assert_eq!(check.supervisor_name.as_deref(), Some("Ibu Kepala"));
    assert_eq!(check.signed, SignedBy::Nobody);
    assert_eq!(supervisor_check(&r, &ps[budi]), None, "no supervisor on the roster");

    let signer = |name: &str, nip: &str| {
        Some(Verified {
            by: Arc::new(Verifier {
                id: id("someone"),
                name: name.into(),
                nip: nip.into(),
            }),
            date: d(2026, 3, 3),
        })
    };
    ps[siti].verified = signer("Ibu Kepala", KEPALA);
    assert_eq!(
        supervisor_check(&r, &ps[siti]).unwrap().signed,
        SignedBy::RosterSupervisor
    );
    ps[siti].verified = signer("Pak Lain", DEWI);
    assert_eq!(
        supervisor_check(&r, &ps[siti]).unwrap().signed,
        SignedBy::Other {
            name: "Pak Lain".into(),
            nip: DEWI.into()
        }
    );
}

/// A roster workbook as a spreadsheet program saves one: headers, NIPs typed as text, and
/// (`nip_as_number`) one NIP in a number cell.
fn workbook(nip_as_number: bool) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["NIP", "Nama", "Unit Kerja", "Jabatan"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, SITI).unwrap();
    ws.write_string(1, 1, "Siti Aminah").unwrap();
    ws.write_string(1, 2, "Kecamatan Sukamaju").unwrap();
    ws.write_string(1, 3, "Kepala Seksi").unwrap();
    if nip_as_number {
        ws.write_number(2, 0, BUDI.parse::<f64>().unwrap()).unwrap();
    } else {
        ws.write_string(2, 0, BUDI).unwrap();
    }
    ws.write_string(2, 1, "Budi").unwrap();
    ws.write_string(2, 2, "Dinas").unwrap();
    ws.write_number(2, 3, 7).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_roster_is_read_from_its_first_sheet_and_a_nip_in_a_number_cell_is_refused() {
    let r = parse(&workbook(false), "kelas.xlsx").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(r.entries.len(), 2);
    assert_eq!(r.entries[0].nip.as_str(), SITI);
    assert_eq!(r.entries[1].nip.as_str(), BUDI);
    assert_eq!(
        r.entries[1].position, "7",
        "a whole number reads as the spreadsheet shows it"
    );
    let p = problems(&workbook(true));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("Baris 3: NIP tertulis sebagai angka (1.98701E17)"),
        "{}",
        p[0]
    );
    // A damaged workbook is a message, not a crash.
    let mut broken = workbook(false);
    broken.truncate(200);
    assert!(problems(&broken)[0].starts_with("Berkas XLSX tidak dapat dibaca"));
}
