//! The functional core: plain data and pure functions.
//!
//! Nothing here touches the browser, reads the clock or holds signals, so every rule can be
//! tested natively and the same code runs unchanged inside the wasm app. Callers pass "today"
//! and the device id in.

pub mod authoring;
pub mod catalog;
pub mod csv;
pub mod envelope;
pub mod first_screen;
pub mod format;
pub mod generate;
pub mod hex;
pub mod jpm_choice;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod model;
pub mod moodle;
pub mod pin;
pub mod record;
pub mod roster;
pub mod round;
pub mod rules;
pub mod rules_config;
pub mod signing;
pub mod snapshot;
pub mod sort;
pub mod sync;
pub mod xapi;
