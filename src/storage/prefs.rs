//! Device-wide preferences (not part of any employee's record, never exported). Small values
//! with no durability stakes: gloo-storage's typed get/set serve them well.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::lang::Lang;
use crate::domain::record::{DeviceId, Id};

use super::key;

const LANG: &str = "pref.lang";
const DEVICE: &str = "device";

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

/// Wrong-PIN count and the time (ms since epoch) until which the profile is locked, kept
/// across reloads so reloading does not skip the wait.
pub fn pin_failures(profile: &Id) -> (u32, f64) {
    LocalStorage::get::<(u32, f64)>(key(&format!("pin.{profile}"))).unwrap_or((0, 0.0))
}

pub fn set_pin_failures(profile: &Id, failures: u32, locked_until_ms: f64) {
    let k = key(&format!("pin.{profile}"));
    if failures == 0 {
        LocalStorage::delete(k);
    } else {
        let _ = LocalStorage::set(k, (failures, locked_until_ms));
    }
}

const TRAINER_PIN: &str = "trainer.pin";

/// The trainer-mode PIN (hashed), which keeps a cohort's data from learners using the same
/// device.
pub fn trainer_pin() -> Option<crate::domain::model::employee::PinHash> {
    LocalStorage::get(key(TRAINER_PIN)).ok()
}

pub fn set_trainer_pin(hash: &crate::domain::model::employee::PinHash) -> Result<(), String> {
    LocalStorage::set(key(TRAINER_PIN), hash).map_err(|e| e.to_string())
}
