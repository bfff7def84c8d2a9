//! The browser shell: screens and components. It calls `domain` for every rule and `storage`
//! for every read or write; it never computes a rule itself.

pub mod app;
pub mod components;
pub mod form_value;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;
