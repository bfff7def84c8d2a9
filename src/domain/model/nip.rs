//! NIP (Nomor Induk Pegawai), the 18-digit civil-servant number.
//!
//! Layout: birth date `YYYYMMDD`, appointment month `YYYYMM`, sex `1` (male) or `2` (female),
//! sequence `001`–`999`. Each part is checked on its own so the form can say exactly which part
//! is wrong, in the user's language.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::domain::format::parse_date;
use serde::{Deserialize, Serialize};

use crate::domain::lang::{Lang, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

/// A NIP that passed every check; only `Nip::parse` makes one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NipError {
    Empty,
    Length(usize),
    NotDigits,
    BirthDate(String),
    AppointmentMonth(String),
    AppointedBeforeBirth,
    Sex(char),
    Sequence,
}

impl NipError {
    /// A message for the person typing the NIP.
    pub fn text(&self) -> Text {
        match self {
            NipError::Empty => Text::new("NIP wajib diisi.", "NIP is required."),
            NipError::Length(n) => Text::new(
                format!("NIP harus 18 digit; yang diisi {n} digit."),
                format!("NIP must have 18 digits; {n} given."),
            ),
            NipError::NotDigits => Text::new("NIP hanya boleh berisi angka.", "NIP may contain digits only."),
            NipError::BirthDate(s) => Text::new(
                format!("Digit 1–8 harus tanggal lahir (TTTTBBHH) yang sah; \"{s}\" bukan tanggal."),
                format!("Digits 1–8 must be a valid birth date (YYYYMMDD); \"{s}\" is not a date."),
            ),
            NipError::AppointmentMonth(s) => Text::new(
                format!("Digit 9–14 harus tahun dan bulan pengangkatan (TTTTBB); \"{s}\" tidak sah."),
                format!("Digits 9–14 must be the appointment year and month (YYYYMM); \"{s}\" is invalid."),
            ),
            NipError::AppointedBeforeBirth => Text::new(
                "Bulan pengangkatan (digit 9–14) tidak boleh sebelum tanggal lahir.",
                "The appointment month (digits 9–14) cannot be before the birth date.",
            ),
            NipError::Sex(c) => Text::new(
                format!("Digit ke-15 adalah jenis kelamin: 1 (pria) atau 2 (wanita), bukan {c}."),
                format!("Digit 15 is the sex: 1 (male) or 2 (female), not {c}."),
            ),
            NipError::Sequence => Text::new(
                "Digit 16–18 adalah nomor urut 001–999; 000 tidak sah.",
                "Digits 16–18 are a sequence number 001–999; 000 is invalid.",
            ),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }
}

impl fmt::Display for NipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for NipError {}

impl Nip {
    /// Checks every part of a NIP. Spaces and dots that people type to group digits
    /// (`19850312 201001 1 002`) are ignored.
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
        if digits.is_empty() {
            return Err(NipError::Empty);
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length(digits.len()));
        }
        let birth_s = &digits[0..8];
        let birth = parse_date(birth_s).ok_or_else(|| NipError::BirthDate(birth_s.to_string()))?;
        let appt_s = &digits[8..14];
        let appt = parse_date(&format!("{appt_s}01")).ok_or_else(|| NipError::AppointmentMonth(appt_s.to_string()))?;
        let month_of_birth = birth.with_day0(0).unwrap_or(birth);
        if appt < month_of_birth {
            return Err(NipError::AppointedBeforeBirth);
        }
        let sex_c = digits.as_bytes()[14] as char;
        if sex_c != '1' && sex_c != '2' {
            return Err(NipError::Sex(sex_c));
        }
        if &digits[15..18] == "000" {
            return Err(NipError::Sequence);
        }
        Ok(Nip(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        parse_date(&self.0[0..8]).expect("checked by parse")
    }

    /// The first day of the appointment month.
    pub fn appointment_month(&self) -> NaiveDate {
        parse_date(&format!("{}01", &self.0[8..14])).expect("checked by parse")
    }

    pub fn sex(&self) -> Sex {
        if self.0.as_bytes()[14] == b'1' {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    pub fn sequence(&self) -> u16 {
        self.0[15..18].parse().expect("checked by parse")
    }

    /// Grouped the way it is printed on SK documents: `19850312 201001 1 002`.
    pub fn grouped(&self) -> String {
        format!(
            "{} {} {} {}",
            &self.0[0..8],
            &self.0[8..14],
            &self.0[14..15],
            &self.0[15..18]
        )
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Nip::parse(&s)
    }
}

impl From<Nip> for String {
    fn from(n: Nip) -> String {
        n.0
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_nip_decodes_every_part() {
        let nip = Nip::parse("19850312 201001 2 002").unwrap();
        assert_eq!(nip.as_str(), "198503122010012002");
        assert_eq!(nip.birth_date(), NaiveDate::from_ymd_opt(1985, 3, 12).unwrap());
        assert_eq!(nip.appointment_month(), NaiveDate::from_ymd_opt(2010, 1, 1).unwrap());
        assert_eq!(nip.sex(), Sex::Female);
        assert_eq!(nip.sequence(), 2);
        assert_eq!(nip.grouped(), "19850312 201001 2 002");
    }

    #[test]
    fn each_wrong_part_gets_its_own_reason() {
        assert_eq!(Nip::parse(""), Err(NipError::Empty));
        assert_eq!(Nip::parse("1985031220100110"), Err(NipError::Length(16)));
        assert_eq!(Nip::parse("19850312201001100A"), Err(NipError::NotDigits));
        assert_eq!(
            Nip::parse("198502302010011002"),
            Err(NipError::BirthDate("19850230".into()))
        );
        assert_eq!(
            Nip::parse("198503122010131002"),
            Err(NipError::AppointmentMonth("201013".into()))
        );
        assert_eq!(Nip::parse("198503121984121002"), Err(NipError::AppointedBeforeBirth));
        assert_eq!(Nip::parse("198503122010013002"), Err(NipError::Sex('3')));
        assert_eq!(Nip::parse("198503122010011000"), Err(NipError::Sequence));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let e = Nip::parse("198503122010013002").unwrap_err();
        assert!(e.message(Lang::Id).contains("jenis kelamin"));
        assert!(e.message(Lang::En).contains("sex"));
    }

    #[test]
    fn serde_refuses_an_invalid_nip() {
        let ok: Nip = serde_json::from_str("\"198503122010011002\"").unwrap();
        assert_eq!(ok.sex(), Sex::Male);
        assert!(serde_json::from_str::<Nip>("\"198503122010011000\"").is_err());
    }
}
