//! Supervisors' signatures: a verified level or performance rating carries an Ed25519
//! signature by the supervisor's own key, so "verified" stays provable after the record
//! travels by file to another device or to the trainer.
//!
//! Each profile that signs has one key pair. The public key sits in the person's employee
//! record (`Employee::signing_key`) and travels with it; the secret key never leaves the device
//! where it was made: it is kept in that device's lock table (`model::lock`), sealed with
//! AES-256-GCM under a key derived from the person's PIN, so only that PIN unlocks it.
//!
//! A signature covers the whole record (every field but the signature itself), the record's
//! id, the signer's id and what kind of record it is, so a level changed after signing, a
//! signature copied onto another record, or a rating's signature presented as an
//! assessment's, all fail to check (`rules::proof`).

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::domain::envelope::Key;
use crate::domain::hex;
use crate::domain::record::Id;

/// A supervisor's signature on a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signer's employee id: their record holds the public key that must check.
    pub signer: Id,
    /// 64 bytes of Ed25519 signature, hex.
    pub value: String,
}

/// A record that a supervisor can sign.
pub trait Signable: Serialize + Clone {
    /// Names the kind of record inside the signed bytes.
    const PURPOSE: &'static str;
    /// The person the record is about (who must not sign it).
    fn subject(&self) -> &Id;
    fn signature(&self) -> Option<&Signature>;
    fn signature_mut(&mut self) -> &mut Option<Signature>;
}

/// `Signable` for a record type with `employee` and `signature` fields: `purpose` names it in
/// the signed bytes.
#[macro_export]
macro_rules! signable {
    ($t:ty, $purpose:literal) => {
        impl $crate::domain::signing::Signable for $t {
            const PURPOSE: &'static str = $purpose;
            fn subject(&self) -> &$crate::domain::record::Id {
                &self.employee
            }
            fn signature(&self) -> Option<&$crate::domain::signing::Signature> {
                self.signature.as_ref()
            }
            fn signature_mut(&mut self) -> &mut Option<$crate::domain::signing::Signature> {
                &mut self.signature
            }
        }
    };
}

/// The bytes a signature covers: a fixed prefix, the purpose, the record id, the signer's id,
/// and the record's JSON without its signature (field order fixed by the type, so the same
/// record always gives the same bytes).
pub fn message<T: Signable>(record: &Id, data: &T, signer: &Id) -> Vec<u8> {
    let mut unsigned = data.clone();
    *unsigned.signature_mut() = None;
    let mut out = format!("lentera-signature-v1\n{}\n{record}\n{signer}\n", T::PURPOSE).into_bytes();
    serde_json::to_writer(&mut out, &unsigned).expect("a record always serialises");
    out
}

/// A profile's secret signing key, unlocked for one signing and then dropped (zeroised).
pub struct SecretKey(SigningKey);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

impl SecretKey {
    /// A key from 32 fresh random bytes (the browser's `crypto.getRandomValues`).
    pub fn from_seed(seed: [u8; 32]) -> SecretKey {
        SecretKey(SigningKey::from_bytes(&seed))
    }

    /// The public key, hex: what goes into the employee record.
    pub fn public(&self) -> String {
        hex::encode(self.0.verifying_key().as_bytes())
    }

    /// Signs `data` (record `record`) as `signer`, replacing any signature it had.
    pub fn sign<T: Signable>(&self, record: &Id, data: &mut T, signer: &Id) {
        let sig = self.0.sign(&message(record, data, signer));
        *data.signature_mut() = Some(Signature {
            signer: signer.clone(),
            value: hex::encode(&sig.to_bytes()),
        });
    }
}

/// Whether `data`'s signature checks against the public key `public` (hex). Strict Ed25519
/// verification: malleable or small-order signatures and keys do not check.
pub fn checks<T: Signable>(record: &Id, data: &T, public: &str) -> bool {
    let Some(sig) = data.signature() else { return false };
    let (Some(key), Some(value)) = (hex::decode_array::<32>(public), hex::decode_array::<64>(&sig.value)) else {
        return false;
    };
    let msg = message(record, data, &sig.signer);
    remembered(&key, &value, &msg, || {
        let Ok(key) = VerifyingKey::from_bytes(&key) else {
            return false;
        };
        key.verify_strict(&msg, &ed25519_dalek::Signature::from_bytes(&value))
            .is_ok()
    })
}

/// Most entries cached before the memory is given back (a 2,000-person cohort has a few
/// thousand signatures).
const REMEMBERED: usize = 100_000;

std::thread_local! {
    /// Verdicts by SHA-256 of (key, signature, message): a verification costs about as much as
    /// 50 such hashes, and the rules re-check every signature of a cohort on every change.
    /// The key is the complete input, so a remembered verdict is the verdict.
    static VERDICTS: std::cell::RefCell<std::collections::HashMap<[u8; 32], bool>> = Default::default();
}

/// Forgets every remembered verdict: for benchmarks of a first pass over a cohort (after opening
/// trainer mode, say) and nothing else.
pub fn forget_verdicts() {
    VERDICTS.with(|m| m.borrow_mut().clear());
}

fn remembered(key: &[u8; 32], sig: &[u8; 64], msg: &[u8], verify: impl FnOnce() -> bool) -> bool {
    use sha2::{Digest, Sha256};
    let digest: [u8; 32] = Sha256::new()
        .chain_update(key)
        .chain_update(sig)
        .chain_update(msg)
        .finalize()
        .into();
    if let Some(v) = VERDICTS.with(|m| m.borrow().get(&digest).copied()) {
        return v;
    }
    let verdict = verify();
    VERDICTS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(digest, verdict);
    });
    verdict
}

const SEAL_SCHEME: &str = "pbkdf2-sha256:150000/aes-256-gcm";

/// A secret key sealed with the owner's PIN, kept only in the device's lock table. The AEAD's
/// associated data is the owner's id, so a sealed key moved onto another profile's lock does
/// not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedKey {
    pub scheme: String,
    pub salt: String,
    pub nonce: String,
    pub sealed: String,
}

fn aad(owner: &Id) -> Vec<u8> {
    format!("lentera-signing-key-v1\n{owner}").into_bytes()
}

impl SecretKey {
    /// Seals the key with `pin` (one slow derivation); `salt` and `nonce` must be fresh.
    pub fn seal(&self, pin: &str, owner: &Id, salt: [u8; 16], nonce: [u8; 12]) -> SealedKey {
        let key = Key::derive(pin, salt);
        SealedKey {
            scheme: SEAL_SCHEME.into(),
            salt: hex::encode(&salt),
            nonce: hex::encode(&nonce),
            sealed: hex::encode(&key.seal_bytes(&self.0.to_bytes(), &aad(owner), nonce)),
        }
    }
}

impl SealedKey {
    /// The secret key, or `None` for a wrong PIN, another owner, or a changed or unknown seal.
    pub fn open(&self, pin: &str, owner: &Id) -> Option<SecretKey> {
        if self.scheme != SEAL_SCHEME {
            return None;
        }
        let salt = hex::decode_array::<16>(&self.salt)?;
        let nonce = hex::decode_array::<12>(&self.nonce)?;
        let sealed = hex::decode(&self.sealed)?;
        let plain = Key::derive(pin, salt).open_bytes(&sealed, &aad(owner), nonce)?;
        let seed: [u8; 32] = plain.try_into().ok()?;
        Some(SecretKey::from_seed(seed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8032 §7.1, TEST 1 and TEST 2: the crate's Ed25519 gives the published public keys
    /// and signatures.
    #[test]
    fn rfc8032_known_answers() {
        let cases = [
            (
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            ),
            (
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            ),
        ];
        for (secret, public, msg, sig) in cases {
            let key = SigningKey::from_bytes(&hex::decode_array(secret).unwrap());
            assert_eq!(hex::encode(key.verifying_key().as_bytes()), public);
            let got = key.sign(&hex::decode(msg).unwrap());
            assert_eq!(hex::encode(&got.to_bytes()), sig);
        }
    }

    #[derive(Debug, Clone, Serialize)]
    struct Note {
        about: Id,
        level: u8,
        signature: Option<Signature>,
    }

    impl Signable for Note {
        const PURPOSE: &'static str = "note";
        fn subject(&self) -> &Id {
            &self.about
        }
        fn signature(&self) -> Option<&Signature> {
            self.signature.as_ref()
        }
        fn signature_mut(&mut self) -> &mut Option<Signature> {
            &mut self.signature
        }
    }

    fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    #[test]
    fn a_signature_checks_until_anything_it_covers_changes() {
        let key = SecretKey::from_seed([3; 32]);
        let mut note = Note {
            about: id("siti"),
            level: 3,
            signature: None,
        };
        key.sign(&id("r1"), &mut note, &id("budi"));
        assert!(checks(&id("r1"), &note, &key.public()));
        // Another record id, another level, another claimed signer, another key.
        assert!(!checks(&id("r2"), &note, &key.public()));
        let mut raised = note.clone();
        raised.level = 4;
        assert!(!checks(&id("r1"), &raised, &key.public()));
        let mut other_signer = note.clone();
        other_signer.signature.as_mut().unwrap().signer = id("andi");
        assert!(!checks(&id("r1"), &other_signer, &key.public()));
        assert!(!checks(&id("r1"), &note, &SecretKey::from_seed([4; 32]).public()));
        // Garbage in the fields never panics.
        let mut junk = note.clone();
        junk.signature.as_mut().unwrap().value = "zz".into();
        assert!(!checks(&id("r1"), &junk, &key.public()));
        assert!(!checks(&id("r1"), &note, "not-a-key"));
    }

    #[test]
    fn a_sealed_key_opens_with_its_owners_pin_only() {
        let key = SecretKey::from_seed([5; 32]);
        let sealed = key.seal("2468", &id("budi"), [1; 16], [2; 12]);
        assert!(!sealed.sealed.contains(&hex::encode(&[5; 32])));
        assert_eq!(sealed.open("2468", &id("budi")).unwrap().public(), key.public());
        assert!(sealed.open("1357", &id("budi")).is_none());
        assert!(sealed.open("2468", &id("siti")).is_none(), "bound to its owner");
        let mut changed = sealed.clone();
        changed
            .sealed
            .replace_range(0..2, if &changed.sealed[0..2] == "00" { "01" } else { "00" });
        assert!(changed.open("2468", &id("budi")).is_none());
        let mut unknown = sealed;
        unknown.scheme = "pbkdf2-sha256:1/aes-256-gcm".into();
        assert!(unknown.open("2468", &id("budi")).is_none());
    }
}
