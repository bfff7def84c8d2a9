//! Employees (pegawai) and their positions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::nip::Nip;
use crate::domain::lang::Text;
use crate::domain::record::{DeviceId, Id};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    pub nip: Nip,
    pub name: String,
    pub position: Position,
    pub unit: String,
    pub grade: Grade,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<Id>,
    /// The public half of this person's signing key (Ed25519, hex), once they have signed a
    /// verification as a supervisor (`domain::signing`). Set once; files cannot change it on a
    /// device that already knows it (`snapshot::authority`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
    /// Forgotten PINs a trainer reset on a device (`Snapshot::reset_pin`): kept on the profile,
    /// so its owner and whoever collects the record see that it happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pin_resets: Vec<PinReset>,
    // The profile PIN is not here: it belongs to the device, not to the record
    // (`model::lock`). Files written before schema 2 carry a `pin` field; it is ignored.
}

/// One PIN reset: when, and on which device (the PIN itself stays on that device).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinReset {
    pub at: DateTime<Utc>,
    pub device: DeviceId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub title: String,
    pub kind: PositionKind,
}

/// Kinds of ASN position (UU 20/2023): structural levels and functional grades (jenjang).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    FungsionalPemula,
    FungsionalTerampil,
    FungsionalMahir,
    FungsionalPenyelia,
    FungsionalAhliPertama,
    FungsionalAhliMuda,
    FungsionalAhliMadya,
    FungsionalAhliUtama,
}

impl PositionKind {
    pub const ALL: [PositionKind; 14] = [
        PositionKind::JptUtama,
        PositionKind::JptMadya,
        PositionKind::JptPratama,
        PositionKind::Administrator,
        PositionKind::Pengawas,
        PositionKind::Pelaksana,
        PositionKind::FungsionalPemula,
        PositionKind::FungsionalTerampil,
        PositionKind::FungsionalMahir,
        PositionKind::FungsionalPenyelia,
        PositionKind::FungsionalAhliPertama,
        PositionKind::FungsionalAhliMuda,
        PositionKind::FungsionalAhliMadya,
        PositionKind::FungsionalAhliUtama,
    ];

    pub fn label(self) -> Text {
        use PositionKind::*;
        match self {
            JptUtama => Text::new("JPT Utama", "Senior executive (Utama)"),
            JptMadya => Text::new("JPT Madya", "Senior executive (Madya)"),
            JptPratama => Text::new("JPT Pratama", "Senior executive (Pratama)"),
            Administrator => Text::new("Administrator", "Administrator"),
            Pengawas => Text::new("Pengawas", "Supervisor (Pengawas)"),
            Pelaksana => Text::new("Pelaksana", "Staff (Pelaksana)"),
            FungsionalPemula => Text::new("Fungsional Pemula", "Functional, beginner"),
            FungsionalTerampil => Text::new("Fungsional Terampil", "Functional, skilled"),
            FungsionalMahir => Text::new("Fungsional Mahir", "Functional, advanced"),
            FungsionalPenyelia => Text::new("Fungsional Penyelia", "Functional, supervisor"),
            FungsionalAhliPertama => Text::new("Fungsional Ahli Pertama", "Functional expert, first"),
            FungsionalAhliMuda => Text::new("Fungsional Ahli Muda", "Functional expert, junior"),
            FungsionalAhliMadya => Text::new("Fungsional Ahli Madya", "Functional expert, middle"),
            FungsionalAhliUtama => Text::new("Fungsional Ahli Utama", "Functional expert, senior"),
        }
    }
}

/// Golongan/ruang, I/a … IV/e. Only real combinations can be built: IV has a–e, the others a–d.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Grade {
    golongan: u8,
    ruang: char,
}

impl Grade {
    pub fn new(golongan: u8, ruang: char) -> Option<Grade> {
        let last = match golongan {
            1..=3 => 'd',
            4 => 'e',
            _ => return None,
        };
        ('a'..=last).contains(&ruang).then_some(Grade { golongan, ruang })
    }

    /// Reads `III/a` (also `iii/a`, `III a`, `3/a`).
    pub fn parse(s: &str) -> Option<Grade> {
        let s = s.trim();
        let (g, r) = s.split_once(['/', ' '])?;
        let golongan = match g.trim().to_ascii_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            "IV" | "4" => 4,
            _ => return None,
        };
        let mut rest = r.trim().chars();
        let ruang = rest.next()?.to_ascii_lowercase();
        if rest.next().is_some() {
            return None;
        }
        Grade::new(golongan, ruang)
    }

    pub fn all() -> impl Iterator<Item = Grade> {
        (1..=4u8).flat_map(|g| ('a'..='e').filter_map(move |r| Grade::new(g, r)))
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let roman = ["I", "II", "III", "IV"][(self.golongan - 1) as usize];
        write!(f, "{roman}/{}", self.ruang)
    }
}

impl TryFrom<String> for Grade {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Grade::parse(&s).ok_or_else(|| format!("invalid golongan `{s}` (expected I/a … IV/e)"))
    }
}

impl From<Grade> for String {
    fn from(g: Grade) -> String {
        g.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_i_a_to_iv_e_only() {
        assert_eq!(Grade::all().count(), 4 + 4 + 4 + 5);
        assert_eq!(Grade::parse("III/a").unwrap().to_string(), "III/a");
        assert_eq!(Grade::parse("4/E").unwrap().to_string(), "IV/e");
        assert!(Grade::parse("III/e").is_none());
        assert!(Grade::parse("V/a").is_none());
        assert!(Grade::parse("II/ab").is_none());
    }
}

/// The youngest age at which a person is appointed a civil-service candidate (CPNS): 18 years
/// (PP 11/2017 on ASN management, Pasal 23 (1) a, "usia paling rendah 18 tahun"). A NIP whose
/// appointment month (digits 9–14) comes earlier is mistyped.
pub const MIN_APPOINTMENT_AGE: u32 = 18;

/// What a person types into the profile form, before checking.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmployeeForm {
    pub nip: String,
    pub name: String,
    pub title: String,
    pub kind: Option<PositionKind>,
    pub unit: String,
    pub grade: String,
}

/// Which form field a problem belongs to, so the UI can show it next to that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Nip,
    Name,
    Title,
    Kind,
    Unit,
    Grade,
}

impl EmployeeForm {
    /// Checks every field; all problems at once, each tied to its field.
    pub fn check(&self) -> Result<Employee, Vec<(Field, Text)>> {
        let mut errs = Vec::new();
        let nip = super::nip::Nip::parse(&self.nip)
            .map_err(|e| errs.push((Field::Nip, e.text())))
            .ok();
        let required = |v: &str, f: Field, id: &str, en: &str, errs: &mut Vec<(Field, Text)>| {
            if v.trim().is_empty() {
                errs.push((f, Text::new(format!("{id} wajib diisi."), format!("{en} is required."))));
            } else if let Some(problem) = crate::domain::snapshot::bounds::text_problem(v.trim(), true) {
                // The import bounds: what this form saves always imports on another device.
                errs.push((f, problem));
            }
        };
        required(&self.name, Field::Name, "Nama", "The name", &mut errs);
        required(
            &self.title,
            Field::Title,
            "Nama jabatan",
            "The position title",
            &mut errs,
        );
        required(&self.unit, Field::Unit, "Unit kerja", "The work unit", &mut errs);
        if self.kind.is_none() {
            errs.push((
                Field::Kind,
                Text::new("Pilih jenis jabatan.", "Choose the position type."),
            ));
        }
        let grade = Grade::parse(&self.grade);
        if grade.is_none() {
            errs.push((
                Field::Grade,
                Text::new(
                    "Pilih golongan/ruang (I/a sampai IV/e).",
                    "Choose the grade (I/a to IV/e).",
                ),
            ));
        }
        match (nip, self.kind, grade) {
            (Some(nip), Some(kind), Some(grade)) if errs.is_empty() => Ok(Employee {
                nip,
                name: self.name.trim().to_string(),
                position: Position {
                    title: self.title.trim().to_string(),
                    kind,
                },
                unit: self.unit.trim().to_string(),
                grade,
                signing_key: None,
                supervisor: None,
                pin_resets: Vec::new(),
            }),
            _ => Err(errs),
        }
    }

    /// `check`, and what the day and this device know: the appointment month in the NIP (digits
    /// 9–14) not after `today` nor before the 18th birthday (`MIN_APPOINTMENT_AGE`), and no other
    /// profile of `others` (this device's live profiles but the one edited) with the same NIP —
    /// named, so the person finds their own profile instead of making a second one.
    pub fn check_on_device<'a>(
        &self,
        today: chrono::NaiveDate,
        others: impl IntoIterator<Item = &'a Employee>,
    ) -> Result<Employee, Vec<(Field, Text)>> {
        let checked = self.check();
        let Ok(nip) = super::nip::Nip::parse(&self.nip) else {
            return checked;
        };
        let mut errs = checked.as_ref().err().cloned().unwrap_or_default();
        let appointed = nip.appointment_month();
        if appointed > today {
            errs.push((
                Field::Nip,
                Text::new(
                    "Bulan pengangkatan dalam NIP (digit 9–14) belum tiba; periksa NIP.",
                    "The appointment month in the NIP (digits 9–14) has not come yet; check the NIP.",
                ),
            ));
        }
        // Compared by month, as the NIP gives the appointment: the month of the 18th birthday
        // counts.
        let birth = nip.birth_date();
        let adult = chrono::Datelike::with_day(&birth, 1)
            .and_then(|b| b.checked_add_months(chrono::Months::new(12 * MIN_APPOINTMENT_AGE)))
            .unwrap_or(birth);
        if appointed < adult {
            errs.push((
                Field::Nip,
                Text::new(
                    format!("Menurut NIP, pengangkatan (digit 9–14) terjadi sebelum usia {MIN_APPOINTMENT_AGE} tahun; periksa NIP."),
                    format!("By the NIP, the appointment (digits 9–14) came before age {MIN_APPOINTMENT_AGE}; check the NIP."),
                ),
            ));
        }
        if let Some(other) = others.into_iter().find(|o| o.nip == nip) {
            errs.push((
                Field::Nip,
                Text::new(
                    format!("NIP ini sudah dipakai profil \"{}\" ({}) di perangkat ini. Buka profil itu, jangan membuat profil kedua.", other.name, other.unit),
                    format!("This NIP is already used by the profile \"{}\" ({}) on this device. Open that profile rather than making a second one.", other.name, other.unit),
                ),
            ));
        }
        match checked {
            Ok(e) if errs.is_empty() => Ok(e),
            _ => Err(errs),
        }
    }

    pub fn from_employee(e: &Employee) -> EmployeeForm {
        EmployeeForm {
            nip: e.nip.to_string(),
            name: e.name.clone(),
            title: e.position.title.clone(),
            kind: Some(e.position.kind),
            unit: e.unit.clone(),
            grade: e.grade.to_string(),
        }
    }

    /// `existing` edited with the form: the form's fields replaced, every other field (the
    /// supervisor, the signing key, any field added later) kept as it was.
    pub fn apply_to(&self, existing: &Employee) -> Result<Employee, Vec<(Field, Text)>> {
        let edited = self.check()?;
        Ok(Employee {
            nip: edited.nip,
            name: edited.name,
            position: edited.position,
            unit: edited.unit,
            grade: edited.grade,
            ..existing.clone()
        })
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn editing_keeps_the_fields_the_form_does_not_show() {
        let form = EmployeeForm {
            nip: "19850312 201001 2 002".into(),
            name: "Siti Aminah".into(),
            title: "Analis".into(),
            kind: Some(PositionKind::Pelaksana),
            unit: "Dinas".into(),
            grade: "III/a".into(),
        };
        let mut existing = form.check().unwrap();
        existing.supervisor = Some(Id::parse("budi").unwrap());
        existing.signing_key = Some("ab".repeat(32));
        let edited = EmployeeForm {
            name: "Siti Aminah Lubis".into(),
            ..form
        }
        .apply_to(&existing)
        .unwrap();
        assert_eq!(edited.name, "Siti Aminah Lubis");
        assert_eq!(edited.supervisor, existing.supervisor);
        assert_eq!(edited.signing_key, existing.signing_key);
    }

    #[test]
    fn every_field_problem_is_reported_at_its_field() {
        let errs = EmployeeForm {
            nip: "1985".into(),
            ..Default::default()
        }
        .check()
        .unwrap_err();
        let fields: Vec<Field> = errs.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                Field::Nip,
                Field::Name,
                Field::Title,
                Field::Unit,
                Field::Kind,
                Field::Grade
            ]
        );
        let ok = EmployeeForm {
            nip: "19850312 201001 2 002".into(),
            name: " Siti Aminah ".into(),
            title: "Kepala Seksi".into(),
            kind: Some(PositionKind::Pengawas),
            unit: "Kecamatan Sukamaju".into(),
            grade: "III/c".into(),
        }
        .check()
        .unwrap();
        assert_eq!(ok.name, "Siti Aminah");
    }
}
