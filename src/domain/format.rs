//! Dates and numbers written the way each language writes them.

use chrono::{Datelike, NaiveDate};

use crate::domain::lang::Lang;

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `22 November 2026` / `22 November 2026`, `5 Mei 2026` / `5 May 2026`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let months = if lang == Lang::Id { &BULAN } else { &MONTHS };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// One decimal at most, decimal comma in Indonesian: `88,9` / `88.9`; whole numbers bare.
pub fn number(lang: Lang, x: f64) -> String {
    let r = crate::domain::round::one_decimal(x);
    let s = if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    };
    if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A count with thousands grouped as the language writes them: `1.200` / `1,200`.
pub fn count(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::Id { '.' } else { ',' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Bytes as KB or MB (1 KB = 1,000 bytes), in the language's number format.
pub fn bytes(lang: Lang, n: u64) -> String {
    if n >= 1_000_000 {
        format!("{} MB", number(lang, n as f64 / 1e6))
    } else {
        format!("{} KB", number(lang, n as f64 / 1e3))
    }
}

/// A date written `YYYY-MM-DD` (what `<input type="date">` holds), or `YYYYMMDD` (as in a NIP).
/// Hand-written: chrono's general format parser costs about 10 KiB of the wasm download.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // `get`, never slicing: a multi-byte character at a cut would panic (the app aborts).
    let (y, m, d) = match s.len() {
        10 if s.get(4..5) == Some("-") && s.get(7..8) == Some("-") => (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?),
        8 => (s.get(0..4)?, s.get(4..6)?, s.get(6..8)?),
        _ => return None,
    };
    let num = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
}

/// `text` as a CSS string literal (for `content:` in a print stylesheet's page headers): quotes
/// and backslashes escaped, line breaks and other control characters as code points, so no text
/// can end the string or the rule.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Hours as typed in a form, with a decimal point or comma (`1,5`): a finite number, or `None`.
pub fn parse_hours(text: &str) -> Option<f64> {
    text.replace(',', ".")
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite())
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_strings_cannot_end_their_rule() {
        assert_eq!(css_string("Dinas Kesehatan"), "\"Dinas Kesehatan\"");
        assert_eq!(css_string("a\"} body{x"), "\"a\\\"} body{x\"");
        assert_eq!(css_string("a\\b\nc"), "\"a\\\\b\\a c\"");
    }

    use super::*;

    #[test]
    fn counts_group_thousands_per_language() {
        assert_eq!(count(Lang::Id, 1200), "1.200");
        assert_eq!(count(Lang::En, 1200), "1,200");
        assert_eq!(count(Lang::Id, 340), "340");
        assert_eq!(count(Lang::Id, 1_234_567), "1.234.567");
        assert_eq!(count(Lang::En, 0), "0");
    }

    #[test]
    fn dates_and_numbers_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 5).unwrap();
        assert_eq!(date(Lang::Id, d), "5 Mei 2026");
        assert_eq!(date(Lang::En, d), "5 May 2026");
        assert_eq!(number(Lang::Id, 88.888), "88,9");
        assert_eq!(number(Lang::En, 88.888), "88.9");
        assert_eq!(number(Lang::Id, 20.0), "20");
        assert_eq!(number(Lang::Id, [0.0f64; 0].iter().sum()), "0");
        assert_eq!(bytes(Lang::Id, 1_234_567), "1,2 MB");
        assert_eq!(bytes(Lang::En, 2_500), "2.5 KB");
    }

    #[test]
    fn parses_both_date_spellings_and_rejects_the_rest() {
        let d = NaiveDate::from_ymd_opt(1985, 3, 12).unwrap();
        assert_eq!(parse_date("1985-03-12"), Some(d));
        assert_eq!(parse_date("19850312"), Some(d));
        for bad in [
            "",
            "1985-3-12",
            "1985-02-30",
            "19851312",
            "1985/03/12",
            "+985-03-12",
            "１９８５0312",
            "198é-03-12",
            "1985-0é-1",
            "19é50312",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
