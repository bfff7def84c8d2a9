//! The only code that touches browser storage.
//!
//! Everything else asks this module to load or save and gets plain values back, so a change of
//! storage technology stays here.

pub mod aside;
pub mod cohort;
pub mod data;
pub mod drafts;
pub mod first_screen;
pub mod idb;
pub mod packs;
pub mod prefs;
pub mod sync;

use wasm_bindgen::JsCast;

/// Every key Lentera writes starts with this, so the app never reads or clobbers another
/// app's data on the same origin.
const KEY_PREFIX: &str = "lentera.";

fn key(name: &str) -> String {
    format!("{KEY_PREFIX}{name}")
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// The browser's storage quota is full.
    Quota,
    /// Storage is disabled or failed otherwise.
    Unavailable(String),
    /// Another tab of a newer Lentera saved; this one must not overwrite it.
    NewerVersion,
}

fn get(name: &str) -> Option<String> {
    local()?.get_item(&key(name)).ok().flatten()
}

fn set(name: &str, value: &str) -> Result<(), WriteError> {
    let storage = local().ok_or_else(|| WriteError::Unavailable("localStorage".into()))?;
    storage.set_item(&key(name), value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            WriteError::Quota
        } else {
            WriteError::Unavailable(format!("{e:?}"))
        }
    })
}

fn remove(name: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(&key(name));
    }
}

/// Bytes used by Lentera's keys (localStorage keeps UTF-16: two bytes a character).
pub fn bytes_used() -> u64 {
    let Some(s) = local() else { return 0 };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .map(|k| {
            let v = s.get_item(&k).ok().flatten().unwrap_or_default();
            2 * (k.encode_utf16().count() + v.encode_utf16().count()) as u64
        })
        .sum()
}

/// Chromium gives each origin 5 MiB of localStorage, counted in UTF-16 characters; other
/// browsers are similar.
pub const LOCAL_STORAGE_BYTES: u64 = 10 * 1024 * 1024;
