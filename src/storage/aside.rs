//! Stored data the app cannot read, kept aside until the user explicitly discards it.
//!
//! A value that fails its checksum or cannot be read by this build (damaged, cut short by a
//! crash, written by a buggy or newer build) is never overwritten or deleted by the app. It is
//! copied under a key of its own — in localStorage for the device's data, in IndexedDB for the
//! durable copy and the trainer's cohort — and listed on the Data page with "download the raw
//! data" and "discard" buttons. Two set-aside values never share a key, and the same value is
//! not kept twice.

use super::{get, idb, local, set, WriteError, KEY_PREFIX};

const LOCAL_PREFIX: &str = "aside.";
const DURABLE_PREFIX: &str = "aside.";

/// Where a set-aside value is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Local,
    Durable,
}

/// One value kept aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    pub place: Place,
    /// The storage key (without Lentera's prefix for localStorage).
    pub key: String,
    /// What it was: `data`, `mirror` (the durable copy) or `cohort`.
    pub origin: String,
    /// When it was set aside (ms since the epoch).
    pub at_ms: f64,
    pub chars: usize,
}

fn key_for(origin: &str, at_ms: f64, n: u32) -> String {
    format!("{LOCAL_PREFIX}{origin}.{}.{n}", at_ms as u64)
}

fn parse(place: Place, key: &str, chars: usize) -> Option<Aside> {
    let rest = key.strip_prefix(LOCAL_PREFIX)?;
    let mut parts = rest.split('.');
    let origin = parts.next()?.to_string();
    let at_ms = parts.next()?.parse::<u64>().ok()? as f64;
    Some(Aside {
        place,
        key: key.to_string(),
        origin,
        at_ms,
        chars,
    })
}

/// Keeps `value` (from `origin`) aside in localStorage. Already kept: nothing to do. Fails
/// (and the caller must then not overwrite the original) when storage is full.
pub fn keep_local(origin: &str, value: &str, now_ms: f64) -> Result<(), WriteError> {
    if list_local().iter().any(|a| get(&a.key).as_deref() == Some(value)) {
        return Ok(());
    }
    let mut n = 0;
    while get(&key_for(origin, now_ms, n)).is_some() {
        n += 1;
    }
    set(&key_for(origin, now_ms, n), value)
}

/// The key under which `value` read from IndexedDB key `origin` is kept aside (same
/// transaction as the write that replaces it, `idb::update`).
pub fn durable_key(origin: &str, now_ms: f64, salt: u32) -> String {
    format!("{DURABLE_PREFIX}{origin}.{}.{salt}", now_ms as u64)
}

pub fn list_local() -> Vec<Aside> {
    let Some(s) = local() else { return vec![] };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<Aside> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            let short = k.strip_prefix(KEY_PREFIX)?.to_string();
            let chars = s.get_item(&k).ok().flatten().map_or(0, |v| v.len());
            parse(Place::Local, &short, chars)
        })
        .collect();
    crate::domain::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
    out
}

pub async fn list_durable() -> Vec<Aside> {
    let Ok(keys) = idb::keys_with_prefix(DURABLE_PREFIX).await else {
        return vec![];
    };
    let mut out = Vec::new();
    for k in keys {
        let chars = idb::get(&k).await.ok().flatten().map_or(0, |v| v.len());
        out.extend(parse(Place::Durable, &k, chars));
    }
    out
}

/// Everything kept aside, localStorage first.
pub async fn list() -> Vec<Aside> {
    let mut out = list_local();
    out.extend(list_durable().await);
    out
}

/// The raw text of a set-aside value (for download).
pub async fn read(a: &Aside) -> Option<String> {
    match a.place {
        Place::Local => get(&a.key),
        Place::Durable => idb::get(&a.key).await.ok().flatten(),
    }
}

/// Deletes a set-aside value: only ever on the user's explicit request.
pub async fn discard(a: &Aside) {
    match a.place {
        Place::Local => super::remove(&a.key),
        Place::Durable => {
            let _ = idb::delete(&a.key).await;
        }
    }
}
