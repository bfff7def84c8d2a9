//! The employees' data: one snapshot, saved all-or-nothing with the previous good copy kept.
//!
//! - A save writes the previous value to `data.backup` first, then the new value to `data`.
//!   Each `setItem` is atomic, so after a crash at any point one of the two is whole.
//! - Every value carries a revision and a checksum (`domain::snapshot::stored`). A damaged or
//!   unreadable main copy is recovered from the backup and the user is told; every value the
//!   app cannot read is set aside (`aside`) until the user explicitly discards it — never
//!   overwritten, never deleted by the app. If there is no room to set it aside, the app stays
//!   read-only rather than overwrite it.
//! - Another tab may have saved since this tab last read. A save then merges what is stored
//!   into what it writes (the domain merge loses nothing), so a stale tab cannot overwrite.
//! - Data written by a newer version of Lentera is never overwritten: the app becomes
//!   read-only and asks for an update.
//! - Chromium keeps localStorage in memory and writes it to disk in batches, so a browser
//!   killed right after a save can lose it. Every save is therefore also written to IndexedDB
//!   with `durability: "strict"` (`mirror`), and the app says "saved" only once that commit is
//!   done. At start, the durable copy is merged back in (`read_mirror`).
//! - Chromium's localStorage is only eventually consistent between tabs: a tab may read a value
//!   another tab has already replaced. The IndexedDB copy is merged inside one transaction, so
//!   it always holds every tab's saves; and a tab that learns of another tab's save writes back
//!   whatever that save lacked (`ui::state`).

use crate::domain::snapshot::merge::merge;
use crate::domain::snapshot::stored::{decode, encode, intact, stamp, Stamp, StoredError};
use crate::domain::snapshot::{Snapshot, SCHEMA_VERSION};

use super::{aside, get, set, WriteError};

const MAIN: &str = "data";
const BACKUP: &str = "data.backup";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// The main copy was damaged; the previous good copy was loaded.
    FromBackup,
    /// Both copies were unreadable; the app starts empty and the damaged value is kept aside.
    NothingReadable,
    /// The data was saved by a newer Lentera: shown read-only, never overwritten.
    NewerVersion,
    /// The stored data could not be read and there was no room to set it aside: the app stays
    /// read-only so that nothing overwrites it until the user downloads it.
    NoRoomToSetAside,
}

pub struct Loaded {
    pub snapshot: Snapshot,
    /// What was read, to tell later whether another tab has saved since.
    pub stamp: Stamp,
    pub recovery: Option<Recovery>,
}

pub fn load() -> Loaded {
    let Some(main) = get(MAIN) else {
        return Loaded {
            snapshot: Snapshot::default(),
            stamp: (0, 0),
            recovery: None,
        };
    };
    let read = stamp(&main).unwrap_or((0, 0));
    let (snapshot, recovery) = match decode(&main) {
        Ok((_, snapshot)) => (snapshot, None),
        Err(StoredError::Unreadable(_)) if is_newer(&main) => (Snapshot::default(), Some(Recovery::NewerVersion)),
        Err(_) => {
            let now = js_sys::Date::now();
            let backup = get(BACKUP);
            let from_backup = backup.as_deref().map(decode);
            let mut kept = aside::keep_local("data", &main, now);
            if let (Some(b), Some(Err(_))) = (&backup, &from_backup) {
                kept = kept.and(aside::keep_local("backup", b, now));
            }
            match (kept, from_backup) {
                (Err(_), Some(Ok((_, snapshot)))) => (snapshot, Some(Recovery::NoRoomToSetAside)),
                (Err(_), _) => (Snapshot::default(), Some(Recovery::NoRoomToSetAside)),
                (Ok(()), Some(Ok((_, snapshot)))) => (snapshot, Some(Recovery::FromBackup)),
                (Ok(()), _) => (Snapshot::default(), Some(Recovery::NothingReadable)),
            }
        }
    };
    Loaded {
        snapshot,
        stamp: read,
        recovery,
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
    pub stamp: Stamp,
    /// Set when another tab had saved in between: what was written (ours merged with theirs).
    pub merged: Option<Snapshot>,
}

/// Saves `snapshot`, which this tab based on the stored value `known`. On error nothing changed.
/// `scrub`: the previous copy must not survive either (a person was erased), so the backup
/// becomes the new value too.
pub fn save(snapshot: &Snapshot, known: Stamp, scrub: bool) -> Result<Saved, WriteError> {
    let stored = get(MAIN);
    let stored_stamp = stored.as_deref().and_then(stamp).unwrap_or((0, 0));
    let mut merged = None;
    if stored_stamp != known {
        match stored.as_deref().map(decode) {
            Some(Ok((_, theirs))) => merged = Some(merge(snapshot, &theirs).0),
            // Another tab of a newer build saved: never overwrite what this build cannot read.
            Some(Err(StoredError::Unreadable(_))) if stored.as_deref().is_some_and(is_newer) => {
                return Err(WriteError::NewerVersion)
            }
            // Damaged since this tab read it: set aside before anything overwrites it.
            Some(Err(_)) => aside::keep_local("data", stored.as_deref().unwrap_or_default(), js_sys::Date::now())?,
            None => {}
        }
    }
    let value = encode(stored_stamp.0.max(known.0) + 1, merged.as_ref().unwrap_or(snapshot));
    if scrub {
        set(BACKUP, &value)?;
    } else if let Some(prev) = &stored {
        if intact(prev) {
            // No room for the previous copy: report it and change nothing, rather than save
            // without a fallback.
            set(BACKUP, prev)?;
        }
    }
    set(MAIN, &value)?;
    Ok(Saved {
        stamp: stamp(&value).expect("just encoded"),
        merged,
    })
}

const MIRROR: &str = "data";

/// Merges `snapshot` into the durable copy in IndexedDB (read, merge, write in one transaction,
/// so tabs saving at the same moment all end up in it). Resolves once it is on disk.
pub async fn mirror(snapshot: Snapshot, revision: u64) -> Result<(), String> {
    let now = js_sys::Date::now();
    super::idb::update(MIRROR, move |stored| {
        let mut writes = Vec::new();
        let (rev, merged) = match stored.as_deref().map(decode) {
            Some(Ok((r, theirs))) => {
                let merged = merge(&theirs, &snapshot).0;
                if merged == theirs {
                    return writes;
                }
                (r.max(revision) + 1, merged)
            }
            // Unreadable: kept aside in the same transaction, then replaced.
            Some(Err(_)) => {
                let raw = stored.expect("present");
                writes.push((aside::durable_key("mirror", now, revision as u32), raw));
                (revision, snapshot)
            }
            None => (revision, snapshot),
        };
        writes.push((MIRROR.to_string(), encode(rev, &merged)));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))
}

/// The durable copy, to merge into what localStorage gave at start (the browser may have been
/// killed before localStorage reached the disk).
pub async fn read_mirror() -> Option<Snapshot> {
    let value = super::idb::get(MIRROR).await.ok()??;
    decode(&value).ok().map(|(_, s)| s)
}

/// What another tab saved, if the stored value is no longer the one this tab knows.
pub fn changed_since(known: Stamp) -> Option<(Stamp, Snapshot)> {
    let stored = get(MAIN)?;
    let now = stamp(&stored)?;
    if now == known {
        return None;
    }
    decode(&stored).ok().map(|(_, s)| (now, s))
}

/// The storage key another tab's save changes (for `storage` events).
pub fn main_key() -> String {
    super::key(MAIN)
}
