//! Pieces shared by several screens.

pub mod language_switch;
pub mod secure_context_notice;
