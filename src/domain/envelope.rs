//! Export files protected with a passphrase: an AES-256-GCM envelope around the export JSON.
//!
//! Exports travel by chat and USB stick and carry NIPs (birth date, sex), levels, ratings and
//! supervisors' notes. An envelope keeps them unreadable to whoever else gets the file, and
//! any change to it (header or ciphertext) makes it refuse to open. Pure Rust (RustCrypto), so
//! it works where WebCrypto does not: on a plain-http address.
//!
//! ```json
//! {"format": "lentera-encrypted", "version": 1,
//!  "kdf": {"name": "pbkdf2-sha256", "rounds": 150000, "salt": "<16 bytes, hex>"},
//!  "cipher": "aes-256-gcm", "nonce": "<12 bytes, hex>", "ciphertext": "<base64>"}
//! ```
//!
//! The key is PBKDF2-HMAC-SHA256 of the passphrase with a random salt; the nonce is random.
//! Everything before `ciphertext`, written canonically, is the AEAD's associated data, so the
//! header cannot be altered either. Only the parameters this build writes are accepted: a file
//! cannot ask for a round count of its own (a huge one would freeze the device).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use pbkdf2::pbkdf2_hmac;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::domain::lang::Text;

pub const ENVELOPE_FORMAT: &str = "lentera-encrypted";
const VERSION: u32 = 1;
const KDF: &str = "pbkdf2-sha256";
const CIPHER: &str = "aes-256-gcm";
/// The same cost as a PIN hash (≈ 0.5 s on a cheap tablet, `docs/benchmarks.md`); a passphrase
/// is longer than a PIN, so each guess buys an attacker far less.
pub const ROUNDS: u32 = 150_000;
/// Shortest passphrase accepted when protecting a file.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Kdf {
    name: String,
    rounds: u32,
    salt: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: String,
    nonce: String,
}

/// The file: the header's fields and the ciphertext (spelled out, not `flatten`, which would
/// buffer the whole ciphertext once more).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: String,
    nonce: String,
    ciphertext: String,
}

impl Envelope {
    fn header(&self) -> Header {
        Header {
            format: self.format.clone(),
            version: self.version,
            kdf: self.kdf.clone(),
            cipher: self.cipher.clone(),
            nonce: self.nonce.clone(),
        }
    }
}

/// Why an envelope did not open. Deliberately one kind for a wrong passphrase and a changed
/// file: AES-GCM cannot tell them apart, and saying which would help an attacker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// Not an envelope (or not one this build writes).
    NotEnvelope,
    /// The passphrase is wrong, or the file was changed after it was protected.
    WrongPassphraseOrChanged,
}

impl OpenError {
    pub fn text(self) -> Text {
        match self {
            OpenError::NotEnvelope => Text::new(
                "Berkas terkunci ini tidak dikenal (rusak atau dibuat oleh Lentera yang lebih baru). Tidak ada yang berubah.",
                "This protected file is not recognised (damaged, or made by a newer Lentera). Nothing was changed.",
            ),
            OpenError::WrongPassphraseOrChanged => Text::new(
                "Kata sandi salah, atau berkas telah diubah setelah dikunci. Tidak ada yang berubah.",
                "Wrong passphrase, or the file was changed after it was protected. Nothing was changed.",
            ),
        }
    }
}

/// Whether `bytes` look like an envelope (a JSON object naming the envelope format), so the
/// app asks for a passphrase rather than reporting a bad export.
pub fn is_envelope(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    head.trim_start().starts_with('{') && head.contains(ENVELOPE_FORMAT)
}

/// A passphrase long enough to protect a file.
pub fn check_passphrase(p: &str) -> Result<(), Text> {
    if p.chars().count() >= MIN_PASSPHRASE_CHARS {
        Ok(())
    } else {
        Err(Text::new(
            format!("Kata sandi minimal {MIN_PASSPHRASE_CHARS} karakter."),
            format!("The passphrase needs at least {MIN_PASSPHRASE_CHARS} characters."),
        ))
    }
}

/// A key derived from a passphrase and a salt, kept in memory while it is needed (the trainer's
/// open cohort) and never stored: every save can seal again without another half-second
/// derivation.
#[derive(Clone, PartialEq, Eq)]
pub struct Key {
    key: [u8; 32],
    salt: [u8; 16],
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    pub fn derive(passphrase: &str, salt: [u8; 16]) -> Key {
        let mut key = [0u8; 32];
        pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), &salt, ROUNDS, &mut key);
        Key { key, salt }
    }

    /// The key for an existing envelope: derived with that envelope's own salt.
    pub fn for_envelope(text: &[u8], passphrase: &str) -> Result<Key, OpenError> {
        let env = parse(text)?;
        Ok(Key::derive(passphrase, env.1))
    }
}

impl Key {
    /// AES-256-GCM of `plain` bound to `aad`, for small secrets kept on the device (a profile's
    /// signing key, `domain::signing`); files use the envelope.
    pub(crate) fn seal_bytes(&self, plain: &[u8], aad: &[u8], nonce: [u8; 12]) -> Vec<u8> {
        Aes256Gcm::new(&self.key.into())
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad })
            .expect("AES-GCM encrypts any length the app produces")
    }

    /// The inverse of `seal_bytes`; `None` for a wrong key or changed bytes.
    pub(crate) fn open_bytes(&self, sealed: &[u8], aad: &[u8], nonce: [u8; 12]) -> Option<Vec<u8>> {
        Aes256Gcm::new(&self.key.into())
            .decrypt(Nonce::from_slice(&nonce), Payload { msg: sealed, aad })
            .ok()
    }
}

fn aad(h: &Header) -> Vec<u8> {
    serde_json::to_vec(h).expect("a header always serialises")
}

/// Protects `plain` with `passphrase`. `salt` and `nonce` must be fresh random bytes (the
/// browser's `crypto.getRandomValues`); they are arguments so the domain stays pure.
pub fn seal(plain: &[u8], passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> String {
    seal_with(&Key::derive(passphrase, salt), plain, nonce)
}

/// Protects `plain` with an already derived key; `nonce` must be fresh for every sealing.
pub fn seal_with(key: &Key, plain: &[u8], nonce: [u8; 12]) -> String {
    let header = Header {
        format: ENVELOPE_FORMAT.into(),
        version: VERSION,
        kdf: Kdf {
            name: KDF.into(),
            rounds: ROUNDS,
            salt: hex(&key.salt),
        },
        cipher: CIPHER.into(),
        nonce: hex(&nonce),
    };
    let cipher = Aes256Gcm::new(&key.key.into());
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &aad(&header),
            },
        )
        .expect("AES-GCM encrypts any length the app produces");
    serde_json::to_string(&Envelope {
        format: header.format,
        version: header.version,
        kdf: header.kdf,
        cipher: header.cipher,
        nonce: header.nonce,
        ciphertext: base64_encode(&sealed),
    })
    .expect("an envelope always serialises")
}

/// An envelope's parts: header, salt, nonce and sealed bytes.
type Parts = (Header, [u8; 16], [u8; 12], Vec<u8>);

/// The parts of an envelope this build writes.
fn parse(text: &[u8]) -> Result<Parts, OpenError> {
    let value = crate::domain::json::parse_value(text).map_err(|_| OpenError::NotEnvelope)?;
    let env: Envelope = crate::domain::json::from_value(&value).map_err(|_| OpenError::NotEnvelope)?;
    drop(value);
    let h = env.header();
    let known = h.format == ENVELOPE_FORMAT
        && h.version == VERSION
        && h.kdf.name == KDF
        && h.kdf.rounds == ROUNDS
        && h.cipher == CIPHER;
    let salt = unhex(&h.kdf.salt).and_then(|s| <[u8; 16]>::try_from(s).ok());
    let nonce = unhex(&h.nonce).and_then(|n| <[u8; 12]>::try_from(n).ok());
    let sealed = base64_decode(&env.ciphertext);
    match (known, salt, nonce, sealed) {
        (true, Some(salt), Some(nonce), Some(sealed)) => Ok((h, salt, nonce, sealed)),
        _ => Err(OpenError::NotEnvelope),
    }
}

/// Opens an envelope: the plain bytes, or why not. Nothing is derived from a header this build
/// did not write.
pub fn open(text: &[u8], passphrase: &str) -> Result<Vec<u8>, OpenError> {
    let key = Key::for_envelope(text, passphrase)?;
    open_with(&key, text)
}

/// Opens an envelope with an already derived key (which must come from the envelope's salt).
pub fn open_with(key: &Key, text: &[u8]) -> Result<Vec<u8>, OpenError> {
    let (h, salt, nonce, sealed) = parse(text)?;
    if salt != key.salt {
        return Err(OpenError::WrongPassphraseOrChanged);
    }
    Aes256Gcm::new(&key.key.into())
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: &aad(&h),
            },
        )
        .map_err(|_| OpenError::WrongPassphraseOrChanged)
}

use crate::domain::hex::{decode as unhex, encode as hex};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4): a 10 MB export grows by a third, not double.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if !s.len().is_multiple_of(4) {
        return None;
    }
    let val = |c: u8| B64.iter().position(|&x| x == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for (k, chunk) in s.chunks(4).enumerate() {
        let last = k == s.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { val(c)? };
            n |= v << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &[u8] = br#"{"format":"lentera","schema_version":2,"employees":[]}"#;

    #[test]
    fn a_sealed_export_opens_with_its_passphrase_only() {
        let sealed = seal(PLAIN, "kelas-bimtek-2026", [1; 16], [2; 12]);
        assert!(is_envelope(sealed.as_bytes()));
        assert!(!sealed.contains("schema_version"), "the content is not readable");
        assert_eq!(open(sealed.as_bytes(), "kelas-bimtek-2026").unwrap(), PLAIN);
        assert_eq!(
            open(sealed.as_bytes(), "kelas-bimtek-2025"),
            Err(OpenError::WrongPassphraseOrChanged)
        );
    }

    #[test]
    fn any_change_to_the_file_refuses_to_open() {
        let sealed = seal(PLAIN, "kelas-bimtek-2026", [1; 16], [2; 12]);
        let mut env: serde_json::Value = serde_json::from_str(&sealed).unwrap();
        // A flipped ciphertext byte.
        let mut ct = base64_decode(env["ciphertext"].as_str().unwrap()).unwrap();
        ct[3] ^= 1;
        let mut flipped = env.clone();
        flipped["ciphertext"] = base64_encode(&ct).into();
        assert_eq!(
            open(flipped.to_string().as_bytes(), "kelas-bimtek-2026"),
            Err(OpenError::WrongPassphraseOrChanged)
        );
        // A changed header (another nonce of the right length) is not accepted either.
        env["nonce"] = "000000000000000000000000".into();
        assert_eq!(
            open(env.to_string().as_bytes(), "kelas-bimtek-2026"),
            Err(OpenError::WrongPassphraseOrChanged)
        );
    }

    #[test]
    fn a_file_cannot_choose_its_own_cost_or_cipher() {
        let sealed = seal(PLAIN, "kelas-bimtek-2026", [1; 16], [2; 12]);
        for (path, value) in [
            ("/kdf/rounds", serde_json::json!(4_294_967_295u32)),
            ("/kdf/name", serde_json::json!("scrypt")),
            ("/cipher", serde_json::json!("aes-128-gcm")),
            ("/version", serde_json::json!(2)),
        ] {
            let mut env: serde_json::Value = serde_json::from_str(&sealed).unwrap();
            *env.pointer_mut(path).unwrap() = value;
            assert_eq!(
                open(env.to_string().as_bytes(), "kelas-bimtek-2026"),
                Err(OpenError::NotEnvelope),
                "{path}"
            );
        }
        assert_eq!(open(b"{\"format\": \"lentera\"}", "x"), Err(OpenError::NotEnvelope));
        assert_eq!(open(b"not json", "x"), Err(OpenError::NotEnvelope));
    }

    #[test]
    fn a_kept_key_seals_again_and_opens_what_it_sealed() {
        let key = Key::derive("kata-sandi-pelatih", [5; 16]);
        let first = seal_with(&key, PLAIN, [1; 12]);
        let second = seal_with(&key, b"lain", [2; 12]);
        assert_eq!(open_with(&key, first.as_bytes()).unwrap(), PLAIN);
        assert_eq!(open_with(&key, second.as_bytes()).unwrap(), b"lain");
        assert_eq!(open(second.as_bytes(), "kata-sandi-pelatih").unwrap(), b"lain");
        let other = Key::derive("kata-sandi-pelatih", [6; 16]);
        assert_eq!(
            open_with(&other, first.as_bytes()),
            Err(OpenError::WrongPassphraseOrChanged)
        );
        assert_eq!(format!("{key:?}"), "Key(…)", "a key never prints");
    }

    #[test]
    fn passphrases_have_a_minimum_length() {
        assert!(check_passphrase("1234567").is_err());
        assert!(check_passphrase("12345678").is_ok());
    }

    /// AES-256-GCM, test case 16 of McGrew & Viega, "The Galois/Counter Mode of Operation"
    /// (the GCM specification's own vectors; also in NIST's GCM test set).
    #[test]
    fn aes_256_gcm_matches_the_specifications_test_vector() {
        let key = unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308").unwrap();
        let iv = unhex("cafebabefacedbaddecaf888").unwrap();
        let pt = unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39").unwrap();
        let aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2").unwrap();
        let ct = unhex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662").unwrap();
        let tag = unhex("76fc6ece0f4e1768cddf8853bb2d551b").unwrap();
        let cipher = Aes256Gcm::new_from_slice(&key).unwrap();
        let out = cipher
            .encrypt(Nonce::from_slice(&iv), Payload { msg: &pt, aad: &aad })
            .unwrap();
        assert_eq!(&out[..pt.len()], &ct[..]);
        assert_eq!(&out[pt.len()..], &tag[..]);
    }

    /// PBKDF2-HMAC-SHA256, RFC 7914 §11 ("passwd", "salt", 1 round, 64 bytes).
    #[test]
    fn pbkdf2_sha256_matches_rfc_7914() {
        let mut out = [0u8; 64];
        pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(
            hex(&out),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        );
    }

    #[test]
    fn base64_round_trips_and_refuses_bad_input() {
        for n in 0..20 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64_decode(&base64_encode(&bytes)).unwrap(), bytes);
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert!(
            base64_decode("Zm8").is_none() && base64_decode("Z=8=").is_none() && base64_decode("Zm8=Zm8=").is_none()
        );
    }
}
