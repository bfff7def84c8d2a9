//! Profile PINs on a shared tablet.
//!
//! A PIN keeps colleagues from opening each other's profile *through the app*. It is stored only
//! as a salted PBKDF2-HMAC-SHA256 hash; the salt comes from the caller (the browser's
//! `crypto.getRandomValues`). With 4–6 digits it cannot stop someone who copies the browser's
//! storage and tries every PIN offline, and the docs say so.

use pbkdf2::pbkdf2_hmac;
use sha2::Sha256;

use crate::domain::lang::Text;
use crate::domain::model::employee::PinHash;

const SCHEME: &str = "pbkdf2-sha256";
/// Slow enough to make guessing through the app pointless, fast enough (≈0.1–0.3 s in wasm on
/// a cheap tablet) not to annoy.
pub const ROUNDS: u32 = 60_000;

/// A PIN is 4–6 digits.
pub fn check_pin(pin: &str) -> Result<(), Text> {
    if (4..=6).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Text::new("PIN harus 4–6 angka.", "The PIN must be 4–6 digits."))
    }
}

pub fn hash_pin(pin: &str, salt: [u8; 16]) -> PinHash {
    PinHash {
        scheme: format!("{SCHEME}:{ROUNDS}"),
        salt: hex(&salt),
        hash: hex(&derive(pin, &salt, ROUNDS)),
    }
}

/// `true` when `pin` matches. An unknown scheme never matches.
pub fn verify_pin(pin: &str, stored: &PinHash) -> bool {
    let Some(rounds) = stored
        .scheme
        .strip_prefix(SCHEME)
        .and_then(|r| r.strip_prefix(':'))
        .and_then(|r| r.parse().ok())
    else {
        return false;
    };
    let Some(salt) = unhex(&stored.salt) else {
        return false;
    };
    let got = hex(&derive(pin, &salt, rounds));
    // Constant-time comparison: same length strings, fold every byte.
    got.len() == stored.hash.len()
        && got
            .bytes()
            .zip(stored.hash.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Seconds to wait before the next try after `failures` wrong PINs in a row: none for the
/// first three, then 30 s doubling up to 15 minutes.
pub fn lockout_seconds(failures: u32) -> u64 {
    if failures < 3 {
        0
    } else {
        (30u64 << (failures - 3).min(5)).min(900)
    }
}

fn derive(pin: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds.max(1), &mut out);
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_pin_verifies_and_a_wrong_one_does_not() {
        let h = hash_pin("2468", [7; 16]);
        assert!(!h.hash.contains("2468"));
        assert!(verify_pin("2468", &h));
        assert!(!verify_pin("2469", &h));
        let other_salt = hash_pin("2468", [8; 16]);
        assert_ne!(h.hash, other_salt.hash);
        assert!(!verify_pin(
            "2468",
            &PinHash {
                scheme: "md5".into(),
                ..h
            }
        ));
    }

    #[test]
    fn pins_are_four_to_six_digits() {
        assert!(check_pin("1234").is_ok());
        assert!(check_pin("123456").is_ok());
        assert!(check_pin("123").is_err());
        assert!(check_pin("12a4").is_err());
        assert!(check_pin("1234567").is_err());
    }

    #[test]
    fn repeated_wrong_pins_wait_longer() {
        assert_eq!(lockout_seconds(2), 0);
        assert_eq!(lockout_seconds(3), 30);
        assert_eq!(lockout_seconds(4), 60);
        assert_eq!(lockout_seconds(20), 900);
    }
}
