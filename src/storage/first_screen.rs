//! The first screen's summary of this tablet's profiles (`domain::first_screen`), kept in
//! localStorage so that the small first download can draw the profile picker before the whole
//! app has loaded. A cache: losing it or failing to write it costs only a moment of the fresh
//! screen, so write errors are not reported.

use crate::domain::first_screen::FirstScreen;

use super::{get, set};

const KEY: &str = "first_screen";

/// The stored summary, or the fresh screen when there is none (or none this version reads).
pub fn load() -> FirstScreen {
    get(KEY)
        .as_deref()
        .and_then(FirstScreen::read)
        .unwrap_or_else(FirstScreen::fresh)
}

/// Stores `summary` unless the same is stored already.
pub fn save(summary: &FirstScreen) {
    let text = summary.write();
    if get(KEY).as_deref() != Some(text.as_str()) {
        let _ = set(KEY, &text);
    }
}
