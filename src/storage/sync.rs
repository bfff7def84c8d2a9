//! Where each profile's sync setup is kept (`sync.<employee id>`, and `sync.workbench` for the
//! trainer's): the address, the account name and the replication state — never a password.
//! Device-local like the PIN attempts: not part of any record, never exported.

use crate::domain::sync::address::SyncSetup;

use super::WriteError;

fn name(owner: &str) -> String {
    format!("sync.{owner}")
}

/// The setup for `owner` (an employee id, or `workbench`), if sync was configured.
pub fn load(owner: &str) -> Option<SyncSetup> {
    let text = super::get(&name(owner))?;
    crate::domain::json::from_str(&text).ok()
}

pub fn save(owner: &str, setup: &SyncSetup) -> Result<(), WriteError> {
    let text = serde_json::to_string(setup).map_err(|e| WriteError::Unavailable(e.to_string()))?;
    super::set(&name(owner), &text)
}

/// Turns sync off for `owner`: the setup and what it knew of the server go.
pub fn forget(owner: &str) {
    super::remove(&name(owner));
}
