//! A trainer's cohort: the merged exports of many employees. It can outgrow localStorage
//! (2,000 employees with a year of history is ~10 MB), so it lives in IndexedDB, written with
//! the same checksummed format as the device data, beside the trainer PIN that guards it.
//!
//! The cohort and its PIN are one unit: a cohort is never stored without the PIN (first use
//! writes both in one transaction), and while a cohort — readable or not — is stored, no new
//! PIN can be set over it (`gate`).

use crate::domain::model::lock::PinHash;
use crate::domain::snapshot::stored::{decode, encode};
use crate::domain::snapshot::Snapshot;

use super::{aside, idb};

const KEY: &str = "cohort";
const PIN: &str = "trainer.pin";

pub enum CohortLoad {
    Empty,
    Loaded(Snapshot),
    /// Stored but unreadable (damaged or from a newer Lentera): kept, not overwritten.
    Unreadable,
}

pub async fn load() -> Result<CohortLoad, String> {
    match idb::get(KEY).await.map_err(|e| format!("{e:?}"))? {
        None => Ok(CohortLoad::Empty),
        Some(s) => Ok(match decode(&s) {
            // A cohort comes from files, which never carry locks; a cohort stored by an older
            // build kept learners' PIN hashes in its employee records: it is written again
            // without them at once.
            Ok((_, mut snapshot)) => {
                snapshot.locks = Default::default();
                if s.contains("\"pin\":") {
                    save(&snapshot).await?;
                }
                CohortLoad::Loaded(snapshot)
            }
            Err(_) => CohortLoad::Unreadable,
        }),
    }
}

/// Saves the cohort, merged inside the transaction with what is stored (another tab may have
/// imported meanwhile; the merge loses nothing); resolves once IndexedDB has committed it. An
/// unreadable stored cohort is never replaced: it is kept aside in the same transaction first.
pub async fn save(snapshot: &Snapshot) -> Result<(), String> {
    let snapshot = snapshot.clone();
    let now = js_sys::Date::now();
    idb::update(KEY, move |stored| {
        let mut writes = Vec::new();
        let value = match stored.as_deref().map(decode) {
            Some(Ok((_, theirs))) => encode(0, &crate::domain::snapshot::merge::merge(&theirs, &snapshot).0),
            Some(Err(_)) => {
                writes.push((aside::durable_key("cohort", now, 0), stored.unwrap_or_default()));
                encode(0, &snapshot)
            }
            None => encode(0, &snapshot),
        };
        writes.push((KEY.to_string(), value));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))
}

/// What guards trainer mode on this device.
#[derive(Clone)]
pub enum Gate {
    /// The PIN stored with the cohort.
    Pin(PinHash),
    /// No PIN and nothing stored: first use may set one.
    FirstUse,
    /// A cohort (or a set-aside one) is stored but its PIN is missing: setting a new PIN over
    /// it is refused.
    Orphaned,
}

/// The trainer PIN, migrating one kept by an older build in localStorage (`legacy`).
pub async fn gate(legacy: Option<PinHash>) -> Result<Gate, String> {
    let stored = idb::get(PIN).await.map_err(|e| format!("{e:?}"))?;
    if let Some(pin) = stored.and_then(|s| crate::domain::json::from_str::<PinHash>(&s).ok()) {
        return Ok(Gate::Pin(pin));
    }
    if let Some(pin) = legacy {
        return Ok(Gate::Pin(pin));
    }
    let cohort = idb::get(KEY).await.map_err(|e| format!("{e:?}"))?.is_some();
    let aside = !idb::keys_with_prefix("aside.cohort")
        .await
        .unwrap_or_default()
        .is_empty();
    Ok(if cohort || aside {
        Gate::Orphaned
    } else {
        Gate::FirstUse
    })
}

/// Stores the trainer PIN with the cohort (the cohort, if any, stays as it is).
pub async fn set_pin(pin: &PinHash) -> Result<(), String> {
    let json = serde_json::to_string(pin).map_err(|e| e.to_string())?;
    idb::put_all(&[(PIN, &json)]).await.map_err(|e| format!("{e:?}"))
}

/// Deletes the stored cohort, its set-aside copies and its PIN: only on the trainer's typed
/// confirmation, when the PIN is lost and the cohort can never be opened again.
pub async fn delete_all() -> Result<(), String> {
    let mut keys = idb::keys_with_prefix("aside.cohort")
        .await
        .map_err(|e| format!("{e:?}"))?;
    keys.push(KEY.to_string());
    keys.push(PIN.to_string());
    for k in keys {
        idb::delete(&k).await.map_err(|e| format!("{e:?}"))?;
    }
    Ok(())
}
