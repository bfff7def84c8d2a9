//! The whole store as one versioned document, and how documents move between devices:
//! export, import (parse → validate → migrate), merge. Format: `docs/export-format.md`.

pub mod authority;
pub mod bounds;
pub mod commands;
pub mod conflicts;
pub mod document;
pub mod evaluation;
pub mod export;
pub mod import;
pub mod merge;
pub mod migrate;
pub mod stored;

pub use document::{ExportInfo, Snapshot, FORMAT, MAX_IMPORT_BYTES, SCHEMA_VERSION};
