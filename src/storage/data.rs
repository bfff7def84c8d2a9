//! The employees' data: one snapshot, saved all-or-nothing with the previous good copy kept.
//!
//! - A save writes the previous value to `data.backup` first, then the new value to `data`.
//!   Each `setItem` is atomic, so after a crash at any point one of the two is whole.
//! - Every value carries a revision and a checksum (`domain::snapshot::stored`). A damaged main
//!   copy is recovered from the backup and the user is told; the damaged value is set aside,
//!   never deleted.
//! - Another tab may have saved since this tab last read. A save then merges what is stored
//!   into what it writes (the domain merge loses nothing), so a stale tab cannot overwrite.
//! - Data written by a newer version of Lentera is never overwritten: the app becomes
//!   read-only and asks for an update.
//! - Chromium keeps localStorage in memory and writes it to disk in batches, so a browser
//!   killed right after a save can lose it. Every save is therefore also written to IndexedDB
//!   with `durability: "strict"` (`mirror`), and the app says "saved" only once that commit is
//!   done. At start, a mirror newer than localStorage is merged back in (`recover_mirror`).

use crate::domain::snapshot::merge::merge;
use crate::domain::snapshot::stored::{decode, encode, revision, StoredError};
use crate::domain::snapshot::{Snapshot, SCHEMA_VERSION};

use super::{get, remove, set, WriteError};

const MAIN: &str = "data";
const BACKUP: &str = "data.backup";
const DAMAGED: &str = "data.damaged";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// The main copy was damaged; the previous good copy was loaded.
    FromBackup,
    /// Both copies were unreadable; the app starts empty and the damaged value is kept aside.
    NothingReadable,
    /// The data was saved by a newer Lentera: shown read-only, never overwritten.
    NewerVersion,
}

pub struct Loaded {
    pub snapshot: Snapshot,
    pub revision: u64,
    pub recovery: Option<Recovery>,
}

pub fn load() -> Loaded {
    let Some(main) = get(MAIN) else {
        return Loaded {
            snapshot: Snapshot::default(),
            revision: 0,
            recovery: None,
        };
    };
    match decode(&main) {
        Ok((revision, snapshot)) => Loaded {
            snapshot,
            revision,
            recovery: None,
        },
        Err(StoredError::Unreadable(_)) if is_newer(&main) => Loaded {
            snapshot: Snapshot::default(),
            revision: revision(&main).unwrap_or(0),
            recovery: Some(Recovery::NewerVersion),
        },
        Err(_) => {
            let _ = set(DAMAGED, &main);
            let rev = revision(&main).unwrap_or(0);
            match get(BACKUP).map(|b| decode(&b)) {
                Some(Ok((_, snapshot))) => Loaded {
                    snapshot,
                    revision: rev,
                    recovery: Some(Recovery::FromBackup),
                },
                _ => Loaded {
                    snapshot: Snapshot::default(),
                    revision: rev,
                    recovery: Some(Recovery::NothingReadable),
                },
            }
        }
    }
}

fn is_newer(stored: &str) -> bool {
    let json = stored.split_once('\n').map_or("", |(_, j)| j);
    let head: String = json.chars().take(200).collect();
    // The schema version sits near the start of the document; read it without parsing the rest.
    head.split("\"schema_version\":")
        .nth(1)
        .and_then(|r| r.trim_start().split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|v| v > SCHEMA_VERSION)
}

pub struct Saved {
    pub revision: u64,
    /// Set when another tab had saved in between: what was written (ours merged with theirs).
    pub merged: Option<Snapshot>,
    /// The stored value, for the durable mirror.
    pub value: String,
}

/// Saves `snapshot`, which this tab based on revision `known`. On error nothing changed.
pub fn save(snapshot: &Snapshot, known: u64) -> Result<Saved, WriteError> {
    let stored = get(MAIN);
    let stored_rev = stored.as_deref().and_then(revision).unwrap_or(0);
    let mut merged = None;
    if stored_rev != known {
        if let Some(Ok((_, theirs))) = stored.as_deref().map(decode) {
            merged = Some(merge(snapshot, &theirs).0);
        }
    }
    let next = stored_rev.max(known) + 1;
    let value = encode(next, merged.as_ref().unwrap_or(snapshot));
    if let Some(prev) = &stored {
        if decode(prev).is_ok() {
            if let Err(e) = set(BACKUP, prev) {
                // No room for a second copy: better one good copy than no save at all is *not*
                // our call to make silently; report it and change nothing.
                return Err(e);
            }
        }
    }
    set(MAIN, &value)?;
    Ok(Saved {
        revision: next,
        merged,
        value,
    })
}

const MIRROR: &str = "data";

/// Writes a saved value to IndexedDB durably (unless a newer revision is already there).
/// Resolves once it is on disk.
pub async fn mirror(value: String, revision: u64) -> Result<(), String> {
    super::idb::put_snapshot_if_newer(MIRROR, value, revision)
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// The mirrored snapshot, if it is newer than what localStorage gave at start (the browser was
/// killed before localStorage reached the disk).
pub async fn recover_mirror(loaded_revision: u64) -> Option<(u64, Snapshot)> {
    let value = super::idb::get(MIRROR).await.ok()??;
    match decode(&value) {
        Ok((rev, s)) if rev > loaded_revision => Some((rev, s)),
        _ => None,
    }
}

/// What another tab saved, if it is newer than `known`.
pub fn newer_than(known: u64) -> Option<(u64, Snapshot)> {
    let stored = get(MAIN)?;
    if revision(&stored)? <= known {
        return None;
    }
    decode(&stored).ok()
}

/// The storage key another tab's save changes (for `storage` events).
pub fn main_key() -> String {
    super::key(MAIN)
}

/// Forgets the set-aside damaged value once the user has been told and the data saved again.
pub fn clear_damaged() {
    remove(DAMAGED);
}
