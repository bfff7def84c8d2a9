//! The only code that speaks HTTP: the CouchDB replication protocol of `domain::sync` over
//! `fetch`, to the one origin the user configured (`docs/sync.md`). Nothing here runs until a
//! user has typed a sync address.

pub mod account;
pub mod fetch;
pub mod learner;
pub mod trainer;
