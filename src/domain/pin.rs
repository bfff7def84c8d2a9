//! Profile PINs on a shared tablet.
//!
//! A PIN keeps colleagues from opening each other's profile *through the app*. It is stored only
//! as a salted PBKDF2-HMAC-SHA256 hash; the salt comes from the caller (the browser's
//! `crypto.getRandomValues`). With 4–6 digits it cannot stop someone who copies the browser's
//! storage and tries every PIN offline, and the docs say so.

use pbkdf2::pbkdf2_hmac;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::domain::lang::Text;
pub use crate::domain::model::lock::PinHash;

const SCHEME: &str = "pbkdf2-sha256";

/// PBKDF2 rounds for new PIN hashes: about half a second on a cheap tablet (measured by the
/// browser benchmark, `docs/benchmarks.md`), so guessing through the app is slow and an
/// offline guess of every 4-digit PIN costs over an hour of one such core.
pub const ROUNDS: u32 = 150_000;

/// Round counts this app has written. Anything else never verifies: a stored hash cannot ask
/// for a round count of its own choosing (`pbkdf2-sha256:4294967295` would freeze the unlock).
const ACCEPTED_ROUNDS: [u32; 2] = [ROUNDS, LEGACY_ROUNDS];

/// The round count of the first release; such hashes are rehashed at the next unlock.
const LEGACY_ROUNDS: u32 = 60_000;

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

fn accepted_rounds(stored: &PinHash) -> Option<u32> {
    let rounds: u32 = stored.scheme.strip_prefix(SCHEME)?.strip_prefix(':')?.parse().ok()?;
    ACCEPTED_ROUNDS.contains(&rounds).then_some(rounds)
}

/// `true` when `pin` matches. An unknown scheme or round count never matches.
pub fn verify_pin(pin: &str, stored: &PinHash) -> bool {
    let Some(rounds) = accepted_rounds(stored) else {
        return false;
    };
    let Some(salt) = unhex(&stored.salt).filter(|s| s.len() == 16) else {
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

/// The hash was made with fewer rounds than new hashes get: rehash it after a successful
/// unlock (the PIN is known then).
pub fn needs_rehash(stored: &PinHash) -> bool {
    accepted_rounds(stored) != Some(ROUNDS)
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

/// Wrong-PIN attempts at one gate (a profile or trainer mode) and the wait they impose. One type
/// for every gate, kept on the device across reloads so a reload does not skip the wait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Attempts {
    pub failures: u32,
    /// Milliseconds since the epoch until which no attempt is taken.
    pub locked_until_ms: f64,
}

/// Why an attempt did not open the gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Refusal {
    /// Still waiting after earlier wrong PINs; the PIN was not even checked.
    Wait { seconds: u64 },
    /// Wrong PIN; `wait` seconds before the next try (0: try again now).
    Wrong { wait: u64 },
}

impl Refusal {
    /// The message where the secret is a passphrase (trainer mode).
    pub fn passphrase_text(self) -> Text {
        self.about(("Kata sandi", "kata sandi"), ("passphrase", "passphrases"))
    }

    /// The message where the secret is a PIN.
    pub fn text(self) -> Text {
        self.about(("PIN", "PIN"), ("PIN", "PINs"))
    }

    /// One wording for every gate: `id` is the Indonesian noun (capitalised, in a sentence),
    /// `en` the English one (singular, plural).
    fn about(self, id: (&str, &str), en: (&str, &str)) -> Text {
        match self {
            Refusal::Wait { seconds } => Text::new(
                format!("Terlalu banyak {} salah. Coba lagi dalam {seconds} detik.", id.1),
                format!("Too many wrong {}. Try again in {seconds} seconds.", en.1),
            ),
            Refusal::Wrong { wait: 0 } => Text::new(format!("{} salah.", id.0), format!("Wrong {}.", en.0)),
            Refusal::Wrong { wait } => Text::new(
                format!("{} salah. Tunggu {wait} detik sebelum mencoba lagi.", id.0),
                format!("Wrong {}. Wait {wait} seconds before trying again.", en.0),
            ),
        }
    }
}

impl Attempts {
    /// Tries `pin` against `stored` at `now_ms`: refused without checking while a wait runs;
    /// a wrong PIN counts and may start a wait; the right one clears the count.
    pub fn attempt(&mut self, pin: &str, stored: &PinHash, now_ms: f64) -> Result<(), Refusal> {
        self.check(now_ms)?;
        if verify_pin(pin, stored) {
            self.succeeded();
            Ok(())
        } else {
            Err(self.failed(now_ms))
        }
    }

    /// Whether an attempt may be made now (for secrets checked elsewhere, such as the trainer
    /// passphrase, which the cohort's encryption checks).
    pub fn check(&self, now_ms: f64) -> Result<(), Refusal> {
        if now_ms < self.locked_until_ms {
            let seconds = ((self.locked_until_ms - now_ms) / 1000.0).ceil() as u64;
            return Err(Refusal::Wait { seconds });
        }
        Ok(())
    }

    /// A wrong secret: counts, and may start a wait.
    pub fn failed(&mut self, now_ms: f64) -> Refusal {
        self.failures = self.failures.saturating_add(1);
        let wait = lockout_seconds(self.failures);
        self.locked_until_ms = now_ms + wait as f64 * 1000.0;
        Refusal::Wrong { wait }
    }

    /// The right secret: the count starts again.
    pub fn succeeded(&mut self) {
        *self = Attempts::default();
    }
}

fn derive(pin: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds.max(1), &mut out);
    out
}

use crate::domain::hex::{decode as unhex, encode as hex};

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
    fn only_the_apps_own_round_counts_verify() {
        let h = hash_pin("2468", [7; 16]);
        assert!(!needs_rehash(&h));
        let frozen = PinHash {
            scheme: "pbkdf2-sha256:4294967295".into(),
            ..h.clone()
        };
        assert!(!verify_pin("2468", &frozen));
        let one_round = PinHash {
            scheme: "pbkdf2-sha256:1".into(),
            salt: h.salt.clone(),
            hash: hex(&derive("2468", &[7; 16], 1)),
        };
        assert!(!verify_pin("2468", &one_round));
        let legacy = PinHash {
            scheme: format!("pbkdf2-sha256:{LEGACY_ROUNDS}"),
            salt: h.salt.clone(),
            hash: hex(&derive("2468", &[7; 16], LEGACY_ROUNDS)),
        };
        assert!(verify_pin("2468", &legacy) && needs_rehash(&legacy));
    }

    #[test]
    fn attempts_wait_after_three_wrong_pins_and_clear_on_success() {
        let h = hash_pin("2468", [7; 16]);
        let mut a = Attempts::default();
        assert_eq!(a.attempt("1111", &h, 0.0), Err(Refusal::Wrong { wait: 0 }));
        assert_eq!(a.attempt("1111", &h, 0.0), Err(Refusal::Wrong { wait: 0 }));
        assert_eq!(a.attempt("1111", &h, 0.0), Err(Refusal::Wrong { wait: 30 }));
        // During the wait even the right PIN is not checked.
        assert_eq!(a.attempt("2468", &h, 10_000.0), Err(Refusal::Wait { seconds: 20 }));
        assert_eq!(a.attempt("2468", &h, 30_000.0), Ok(()));
        assert_eq!(a, Attempts::default());
    }

    #[test]
    fn repeated_wrong_pins_wait_longer() {
        assert_eq!(lockout_seconds(2), 0);
        assert_eq!(lockout_seconds(3), 30);
        assert_eq!(lockout_seconds(4), 60);
        assert_eq!(lockout_seconds(20), 900);
    }
}
