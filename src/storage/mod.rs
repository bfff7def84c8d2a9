//! The only code that touches browser storage.
//!
//! Everything else asks this module to load or save and gets plain values back, so a change of
//! storage technology (localStorage today, IndexedDB where durability needs it) stays here.

pub mod prefs;

/// Every key Lentera writes starts with this, so the app never reads or clobbers another
/// app's data on the same origin.
const KEY_PREFIX: &str = "lentera.";

fn key(name: &str) -> String {
    format!("{KEY_PREFIX}{name}")
}
