//! Device-local profile locks: the PIN hash that keeps a colleague from opening a profile on a
//! shared tablet.
//!
//! A lock belongs to the device, not to the person's record: it is kept in the device's own
//! store beside the records (`Snapshot::locks`), never exported, never sent to a trainer or a
//! server, and never taken from a file. Each lock is a record of its own (id = the employee's
//! id) so two tabs changing a PIN at once still merge lawfully; removing a PIN deletes it.

use serde::{Deserialize, Serialize};

use crate::domain::record::RecordData;
use crate::domain::signing::SealedKey;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileLock {
    pub pin: PinHash,
    /// The person's signing key, sealed with their PIN, once they have signed a verification
    /// on this device (`domain::signing`). Never leaves the device, like the hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing: Option<SealedKey>,
}

/// A salted slow hash of a PIN (never the PIN itself). `scheme` names the algorithm and its
/// parameters, e.g. `pbkdf2-sha256:600000`; only the app's own schemes verify (`domain::pin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub scheme: String,
    pub salt: String,
    pub hash: String,
}

impl RecordData for ProfileLock {}
