//! Lentera: offline-first competency development for Indonesian civil servants (ASN).
//!
//! The crate is split so that the rules can be trusted without a browser:
//! `domain` is pure Rust (no web-sys, no signals, no clock reads) and is tested natively;
//! `storage` and `ui` exist only when compiling for the browser (wasm32).

pub mod domain;
pub mod route;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
