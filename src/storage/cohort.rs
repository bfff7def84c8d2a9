//! A trainer's cohort: the merged exports of many employees. It can outgrow localStorage
//! (2,000 employees with a year of history is ~10 MB), so it lives in IndexedDB, written with
//! the same checksummed format as the device data.

use crate::domain::snapshot::stored::{decode, encode};
use crate::domain::snapshot::Snapshot;

const KEY: &str = "cohort";

pub enum CohortLoad {
    Empty,
    Loaded(Snapshot),
    /// Stored but unreadable (damaged or from a newer Lentera): kept, not overwritten.
    Unreadable,
}

pub async fn load() -> Result<CohortLoad, String> {
    match super::idb::get(KEY).await.map_err(|e| format!("{e:?}"))? {
        None => Ok(CohortLoad::Empty),
        Some(s) => Ok(match decode(&s) {
            Ok((_, snapshot)) => CohortLoad::Loaded(snapshot),
            Err(_) => CohortLoad::Unreadable,
        }),
    }
}

/// Saves the cohort; resolves once IndexedDB has committed it.
pub async fn save(snapshot: &Snapshot) -> Result<(), String> {
    super::idb::put(KEY, &encode(0, snapshot))
        .await
        .map_err(|e| format!("{e:?}"))
}
