//! Device-wide preferences (not part of any employee's record, never exported). Small values
//! with no durability stakes: gloo-storage's typed get/set serve them well.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::jpm_choice::JpmChoice;
use crate::domain::lang::Lang;
use crate::domain::pin::{Attempts, PinHash};
use crate::domain::record::{DeviceId, Id};

use super::key;

const LANG: &str = "pref.lang";
const DEVICE: &str = "device";
const AGENCY: &str = "pref.agency";
const JPM: &str = "pref.jpm";

/// The language chosen on this device; Indonesian when none was chosen or storage is unreadable.
pub fn load_lang() -> Lang {
    LocalStorage::get::<String>(key(LANG))
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language. A failure is returned, so the UI can say it will not survive a reload.
pub fn save_lang(lang: Lang) -> Result<(), String> {
    LocalStorage::set(key(LANG), lang.code()).map_err(|e| e.to_string())
}

/// The agency named at the head of the workbench's printed reports (empty until a trainer
/// types it).
pub fn agency() -> String {
    LocalStorage::get::<String>(key(AGENCY)).unwrap_or_default()
}

pub fn save_agency(name: &str) -> Result<(), String> {
    LocalStorage::set(key(AGENCY), name).map_err(|e| e.to_string())
}

/// How JPM is computed on this device (the settings screen); no choice when none is stored.
pub fn jpm_choice() -> JpmChoice {
    super::get(JPM).as_deref().map(JpmChoice::read).unwrap_or_default()
}

pub fn save_jpm_choice(choice: &JpmChoice) -> Result<(), super::WriteError> {
    super::set(JPM, &choice.write())
}

/// This browser's device id, created on first use. It names this device in every record's
/// version vector.
pub fn device_id(fresh: impl FnOnce() -> Id) -> DeviceId {
    if let Some(id) = LocalStorage::get::<String>(key(DEVICE))
        .ok()
        .and_then(|s| Id::parse(&s).ok())
    {
        return id;
    }
    let id = fresh();
    let _ = LocalStorage::set(key(DEVICE), id.as_str());
    id
}

/// Wrong-PIN attempts at a gate (`pin.<profile id>`, or `trainer` for trainer mode), kept
/// across reloads so reloading does not skip the wait. Device-local: never exported.
pub fn attempts(gate: &str) -> Attempts {
    // Read with the app's one JSON reader (`domain::json`), not a second typed reader.
    LocalStorage::get::<serde_json::Value>(key(&format!("pin.{gate}")))
        .ok()
        .and_then(|v| crate::domain::json::from_value(&v).ok())
        .unwrap_or_default()
}

pub fn set_attempts(gate: &str, a: Attempts) {
    let k = key(&format!("pin.{gate}"));
    if a == Attempts::default() {
        LocalStorage::delete(k);
    } else {
        let _ = LocalStorage::set(k, a);
    }
}

/// The gate name of trainer mode's attempts (profile gates use the profile id, which cannot
/// contain a space).
pub const TRAINER_GATE: &str = "trainer mode";

const LEGACY_TRAINER_PIN: &str = "trainer.pin";

/// The trainer PIN as older builds kept it (localStorage); it now lives with the cohort.
pub fn legacy_trainer_pin() -> Option<PinHash> {
    LocalStorage::get::<serde_json::Value>(key(LEGACY_TRAINER_PIN))
        .ok()
        .and_then(|v| crate::domain::json::from_value(&v).ok())
}

pub fn forget_legacy_trainer_pin() {
    LocalStorage::delete(key(LEGACY_TRAINER_PIN));
}
