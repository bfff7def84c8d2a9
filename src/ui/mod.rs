//! The browser shell of two apps built from this one crate: the learner app (`app`, `pages`;
//! `src/main.rs`, what tablets open) and the trainer workbench (`workbench`;
//! `src/bin/pelatih.rs`, in `pelatih/`). They share the components, the state, the files glue
//! and the storage layer; each binary links only the screens its own shell names, so the
//! learner's download carries no workbench screen. The shell calls `domain` for every rule and
//! `storage` for every read or write; it never computes a rule itself.

pub mod app;
pub mod components;
pub mod files;
pub mod first_screen;
pub mod form_value;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;
pub mod workbench;
