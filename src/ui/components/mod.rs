//! Pieces shared by several screens.

pub mod gap_table;
pub mod language_switch;
pub mod level_chart;
pub mod markdown;
pub mod offline_status;
pub mod passphrase;
pub mod profile_nav;
pub mod public_feedback;
pub mod secure_context_notice;
pub mod status_bar;
pub mod typed_confirm;
