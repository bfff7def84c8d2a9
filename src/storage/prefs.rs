//! Device-wide preferences (not part of any employee's record, never exported).

use gloo_storage::{LocalStorage, Storage};

use crate::domain::lang::Lang;

const LANG: &str = "pref.lang";

/// The language chosen on this device; Indonesian when none was chosen or storage is unreadable.
pub fn load_lang() -> Lang {
    LocalStorage::get::<String>(super::key(LANG))
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language. A failure (storage disabled or full) is returned, not hidden,
/// so the UI can say the choice will not survive a reload.
pub fn save_lang(lang: Lang) -> Result<(), String> {
    LocalStorage::set(super::key(LANG), lang.code()).map_err(|e| e.to_string())
}
