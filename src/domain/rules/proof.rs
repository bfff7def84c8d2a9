//! Whether a verified level or a performance rating is proven: signed by a supervisor whose
//! employee record, here, holds the key that checks the signature (`domain::signing`).
//!
//! Only a proven verification beats a self-assessment (`rules::levels`) or places someone in
//! the talent box (`rules::talent`). Anything else that calls itself "verified" — typed into
//! the employee's own profile, changed after signing, signed by the employee themselves, or
//! signed by someone whose profile is not here — counts as the employee's own claim.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::lang::Text;
use crate::domain::model::employee::Employee;
use crate::domain::record::{Id, Table};
use crate::domain::signing::{checks, Signable};

/// Who signed, as their employee record here says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verifier {
    pub id: Id,
    pub name: String,
    pub nip: String,
}

/// A proven verification: who, and the date it carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    pub by: Arc<Verifier>,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Proof {
    /// Signed by `Verifier`, and the signature checks against their key here. Shared, not
    /// copied: every level of the assessment points to it.
    Signed(Arc<Verifier>),
    /// No signature: typed into the employee's own profile, or written before signatures.
    SelfReported,
    /// A signature that does not check: the record was changed after signing, the employee
    /// signed for themselves, or the signer's key here is another one.
    Broken,
    /// Signed by someone whose profile (with its key) is not on this device, so the signature
    /// cannot be checked here.
    SignerUnknown,
}

impl Proof {
    pub fn verifier(&self) -> Option<&Arc<Verifier>> {
        match self {
            Proof::Signed(v) => Some(v),
            _ => None,
        }
    }

    /// What a screen or report says about a record that is not proven.
    pub fn label(&self) -> Text {
        match self {
            Proof::Signed(v) => Text::new(format!("ditandatangani {}", v.name), format!("signed by {}", v.name)),
            Proof::SelfReported => Text::new(
                "dilaporkan sendiri (tanpa tanda tangan atasan)",
                "self-reported (no supervisor's signature)",
            ),
            Proof::Broken => Text::new(
                "tanda tangan tidak sah (diubah setelah ditandatangani)",
                "signature does not check (changed after signing)",
            ),
            Proof::SignerUnknown => Text::new(
                "tanda tangan belum dapat diperiksa (profil atasan tidak ada di perangkat ini)",
                "signature cannot be checked (the supervisor's profile is not on this device)",
            ),
        }
    }

    /// A one-word code for CSV files.
    pub fn code(&self) -> &'static str {
        match self {
            Proof::Signed(_) => "signed",
            Proof::SelfReported => "self_reported",
            Proof::Broken => "broken",
            Proof::SignerUnknown => "signer_unknown",
        }
    }
}

/// The proof of record `id` holding `data`, against the employee records of this device.
pub fn proof_of<T: Signable>(id: &Id, data: &T, employees: &Table<Employee>) -> Proof {
    let Some(sig) = data.signature() else {
        return Proof::SelfReported;
    };
    if &sig.signer == data.subject() {
        return Proof::Broken;
    }
    let Some(signer) = employees.get(&sig.signer) else {
        return Proof::SignerUnknown;
    };
    let Some(key) = signer.data().signing_key.as_deref() else {
        return Proof::SignerUnknown;
    };
    if checks(id, data, key) {
        Proof::Signed(Arc::new(Verifier {
            id: sig.signer.clone(),
            name: signer.data().name.clone(),
            nip: signer.data().nip.to_string(),
        }))
    } else {
        Proof::Broken
    }
}
