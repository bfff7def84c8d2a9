//! Pieces shared by several screens.

pub mod frame;
pub mod gap_table;
pub mod jpm_summary;
pub mod language_switch;
pub mod level_chart;
pub mod markdown;
pub mod not_found;
pub mod offline_status;
pub mod pack_files;
pub mod passphrase;
pub mod profile_nav;
pub mod public_feedback;
pub mod secure_context_notice;
pub mod set_aside;
pub mod status_bar;
pub mod sync_words;
pub mod typed_confirm;
