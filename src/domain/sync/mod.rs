//! District sync through CouchDB (`docs/sync.md`): the replication protocol's logic as plain
//! Rust — revision ids, the record ↔ document mapping, checkpoints, conflict folding, batching —
//! driven over any `Remote`: `fetch` in the browser (`src/sync/`), an in-memory server in the
//! native tests.

pub mod absorb;
pub mod address;
pub mod checkpoint;
pub mod doc;
pub mod fold;
pub mod remote;
pub mod replicate;
pub mod revs;
pub mod status;
