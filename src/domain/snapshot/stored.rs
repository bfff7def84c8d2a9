//! How the snapshot is kept in browser storage: a one-line header with a revision and a
//! checksum, then the JSON.
//!
//! The checksum turns a truncated or damaged value into a clear "corrupt" result instead of a
//! confusing parse error or, worse, a silently partial load; the revision lets a tab see that
//! another tab saved since it last read.

use super::document::Snapshot;
use super::import::{import_stored, Problem};

const MAGIC: &str = "LENTERA1";

#[derive(Debug)]
pub enum StoredError {
    /// The header is missing or wrong, or the checksum does not match the data.
    Damaged,
    /// Intact, but not a snapshot this build can read.
    Unreadable(Vec<Problem>),
}

/// `LENTERA1 <revision> <fnv-1a 64 of the json, hex>\n<json>`
pub fn encode(revision: u64, snapshot: &Snapshot) -> String {
    let json = snapshot.to_json();
    format!("{MAGIC} {revision} {:016x}\n{json}", fnv1a(json.as_bytes()))
}

pub fn decode(stored: &str) -> Result<(u64, Snapshot), StoredError> {
    let (header, json) = stored.split_once('\n').ok_or(StoredError::Damaged)?;
    let mut parts = header.split(' ');
    if parts.next() != Some(MAGIC) {
        return Err(StoredError::Damaged);
    }
    let revision: u64 = parts.next().and_then(|r| r.parse().ok()).ok_or(StoredError::Damaged)?;
    let sum = parts
        .next()
        .and_then(|s| u64::from_str_radix(s, 16).ok())
        .ok_or(StoredError::Damaged)?;
    if fnv1a(json.as_bytes()) != sum {
        return Err(StoredError::Damaged);
    }
    let snapshot = import_stored(json.as_bytes()).map_err(StoredError::Unreadable)?;
    Ok((revision, snapshot))
}

/// Revision and checksum of a stored value: two values with the same stamp are the same value.
/// Tabs compare stamps, not revisions alone, because two tabs can write the same revision.
pub type Stamp = (u64, u64);

pub fn stamp(stored: &str) -> Option<Stamp> {
    let header = stored.split('\n').next()?;
    let mut parts = header.split(' ');
    (parts.next()? == MAGIC).then_some(())?;
    let rev = parts.next()?.parse().ok()?;
    let sum = u64::from_str_radix(parts.next()?, 16).ok()?;
    Some((rev, sum))
}

/// Whether the checksum matches (cheaper than `decode`, which also validates every record).
pub fn intact(stored: &str) -> bool {
    let Some((header, json)) = stored.split_once('\n') else {
        return false;
    };
    let sum = header.split(' ').nth(2).and_then(|s| u64::from_str_radix(s, 16).ok());
    header.starts_with(MAGIC) && sum == Some(fnv1a(json.as_bytes()))
}

/// The revision in a stored value's header, without reading the rest.
pub fn revision(stored: &str) -> Option<u64> {
    let header = stored.split('\n').next()?;
    let mut parts = header.split(' ');
    (parts.next()? == MAGIC).then_some(())?;
    parts.next()?.parse().ok()
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage_is_detected() {
        let cat = crate::domain::generate::catalog(1, 4);
        let s = crate::domain::generate::cohort(1, 3, &cat, chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), 1);
        let enc = encode(7, &s);
        assert_eq!(revision(&enc), Some(7));
        assert_eq!(stamp(&enc).map(|s| s.0), Some(7));
        assert_ne!(stamp(&enc), stamp(&encode(7, &Snapshot::default())));
        let (rev, back) = decode(&enc).unwrap();
        assert_eq!((rev, back), (7, s));
        let truncated = &enc[..enc.len() - 10];
        assert!(matches!(decode(truncated), Err(StoredError::Damaged)));
        assert!(intact(&enc) && !intact(truncated));
        let flipped = enc.replacen("\"employees\"", "\"employeeX\"", 1);
        assert!(matches!(decode(&flipped), Err(StoredError::Damaged)));
        assert!(matches!(decode("{}"), Err(StoredError::Damaged)));
    }
}

/// A set-aside value as it may leave the device (the "download the raw data" button): the
/// text as stored, except that the value of every `"hash"`, `"salt"` and `"sealed"` key is
/// blanked, so no PIN hash or sealed signing key leaves the device even in data the app could
/// not read. Works on damaged text too:
/// it scans for the keys rather than parsing.
pub fn redact_secrets(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        let next = ["\"hash\"", "\"salt\"", "\"sealed\""]
            .iter()
            .filter_map(|k| rest.find(k).map(|i| (i, k.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        // `: "value"` — blank what is inside the quotes (up to the closing quote).
        let trimmed = rest.trim_start_matches([' ', '\n', '\r', '\t', ':']);
        let skipped = rest.len() - trimmed.len();
        if let Some(value) = trimmed.strip_prefix('"') {
            let end = value.find('"').unwrap_or(value.len());
            out.push_str(&rest[..skipped]);
            out.push_str("\"\"");
            rest = value.get(end + 1..).unwrap_or("");
        }
    }
}

#[cfg(test)]
mod redact_tests {
    use super::redact_secrets;

    #[test]
    fn hashes_and_salts_are_blanked_even_in_damaged_text() {
        let raw = r#"{"locks":[{"data":{"pin":{"scheme":"pbkdf2-sha256:150000","salt":"0a0b","hash" : "deadbeef"},"signing":{"salt":"0c0d","nonce":"01","sealed":"5ea1ed"}}}],"name":"Siti","employees":[{"data":{"pin":{"hash":"cafe"#;
        let out = redact_secrets(raw);
        assert!(
            !out.contains("deadbeef") && !out.contains("0a0b") && !out.contains("cafe") && !out.contains("5ea1ed"),
            "{out}"
        );
        assert!(
            out.contains(r#""salt":"""#) && out.contains(r#""hash" : """#) && out.contains("Siti"),
            "{out}"
        );
        assert_eq!(redact_secrets("no secrets here"), "no secrets here");
    }
}
