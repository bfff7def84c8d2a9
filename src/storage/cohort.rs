//! A trainer's cohort: the merged exports of many employees. It can outgrow localStorage
//! (2,000 employees with a year of history is ~10 MB), so it lives in IndexedDB — encrypted
//! at rest: the checksummed stored form (`snapshot::stored`) inside a passphrase envelope
//! (`domain::envelope`, AES-256-GCM). The key is derived from the trainer's passphrase when
//! trainer mode opens and kept in memory only; nobody reads the cohort from the browser's
//! storage without it.
//!
//! Older builds kept the cohort in plain form beside a trainer PIN hash (`trainer.pin`). Such a
//! cohort is encrypted at the first unlock: the old PIN proves it is the trainer, then the new
//! passphrase seals the cohort in one transaction, and only then is the PIN hash removed.
//! While any cohort is stored, no new passphrase can be set over it (`gate`).

use crate::domain::envelope::{self, Key, OpenError};
use crate::domain::json;
use crate::domain::model::lock::PinHash;
use crate::domain::roster::Roster;
use crate::domain::snapshot::merge::merge;
use crate::domain::snapshot::stored::{decode, encode};
use crate::domain::snapshot::Snapshot;

use super::{aside, idb};

const KEY: &str = "cohort";
const PIN: &str = "trainer.pin";
/// The trainer's roster (`domain::roster`): it names people too, so it is sealed with the
/// cohort's key.
const ROSTER: &str = "cohort.roster";

fn fresh_nonce() -> [u8; 12] {
    let mut n = [0u8; 12];
    n.copy_from_slice(&crate::browser::random_bytes()[..12]);
    n
}

/// The cohort as stored and sealed with `key`.
fn sealed(key: &Key, snapshot: &Snapshot) -> String {
    envelope::seal_with(key, encode(0, snapshot).as_bytes(), fresh_nonce())
}

/// A cohort without the device-local locks (a cohort comes from files, which never carry them).
fn without_locks(mut s: Snapshot) -> Snapshot {
    s.locks = Default::default();
    s
}

/// What guards trainer mode on this device.
#[derive(Clone)]
pub enum Gate {
    /// An encrypted cohort: its passphrase opens it.
    Locked,
    /// A plain cohort of an older build with its trainer PIN: the PIN, then a new passphrase.
    Legacy(PinHash),
    /// Nothing stored: first use sets a passphrase.
    FirstUse,
    /// A plain cohort (or a set-aside one) whose PIN is missing: no passphrase can be set over it.
    Orphaned,
}

/// The gate, reading an older build's PIN kept in localStorage (`legacy`) too.
pub async fn gate(legacy: Option<PinHash>) -> Result<Gate, String> {
    let stored = idb::get(KEY).await.map_err(|e| format!("{e:?}"))?;
    if stored.as_deref().is_some_and(|s| envelope::is_envelope(s.as_bytes())) {
        return Ok(Gate::Locked);
    }
    let pin = idb::get(PIN).await.map_err(|e| format!("{e:?}"))?;
    if let Some(pin) = pin
        .and_then(|s| crate::domain::json::from_str::<PinHash>(&s).ok())
        .or(legacy)
    {
        return Ok(Gate::Legacy(pin));
    }
    let aside = !idb::keys_with_prefix("aside.cohort")
        .await
        .unwrap_or_default()
        .is_empty();
    Ok(if stored.is_some() || aside {
        Gate::Orphaned
    } else {
        Gate::FirstUse
    })
}

/// Why trainer mode did not open.
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockError {
    Wrong,
    /// The cohort opened but cannot be read by this build: kept as it is.
    Unreadable,
    Storage(String),
}

/// Opens the encrypted cohort with `passphrase`: the key (kept in memory) and the cohort.
pub async fn unlock(passphrase: &str) -> Result<(Key, Snapshot), UnlockError> {
    let stored = idb::get(KEY)
        .await
        .map_err(|e| UnlockError::Storage(format!("{e:?}")))?
        .ok_or(UnlockError::Wrong)?;
    let key = Key::for_envelope(stored.as_bytes(), passphrase).map_err(|_| UnlockError::Unreadable)?;
    let plain = envelope::open_with(&key, stored.as_bytes()).map_err(|e| match e {
        OpenError::WrongPassphraseOrChanged => UnlockError::Wrong,
        OpenError::NotEnvelope => UnlockError::Unreadable,
    })?;
    let text = String::from_utf8(plain).map_err(|_| UnlockError::Unreadable)?;
    let (_, snapshot) = decode(&text).map_err(|_| UnlockError::Unreadable)?;
    Ok((key, without_locks(snapshot)))
}

/// First use: an empty cohort sealed with a new passphrase. Refused if anything is stored by
/// now (another tab).
pub async fn create(passphrase: &str) -> Result<Key, String> {
    if !matches!(gate(None).await?, Gate::FirstUse) {
        return Err("a cohort is already stored".into());
    }
    let key = Key::derive(passphrase, crate::browser::random_bytes());
    let value = sealed(&key, &Snapshot::default());
    idb::put_all(&[(KEY, &value)]).await.map_err(|e| format!("{e:?}"))?;
    Ok(key)
}

/// An older build's plain cohort, sealed with a new passphrase in one transaction (an
/// unreadable one is set aside first, never lost); then the old PIN hash goes.
pub async fn encrypt_legacy(passphrase: &str) -> Result<(Key, Snapshot), String> {
    let key = Key::derive(passphrase, crate::browser::random_bytes());
    let k = key.clone();
    let now = js_sys::Date::now();
    let nonce = fresh_nonce();
    idb::update(KEY, move |stored| {
        let mut writes = Vec::new();
        let snapshot = match stored.as_deref().map(decode) {
            Some(Ok((_, s))) => without_locks(s),
            Some(Err(_)) => {
                writes.push((aside::durable_key("cohort", now, 0), stored.clone().unwrap_or_default()));
                Snapshot::default()
            }
            None => Snapshot::default(),
        };
        writes.push((
            KEY.to_string(),
            envelope::seal_with(&k, encode(0, &snapshot).as_bytes(), nonce),
        ));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))?;
    idb::delete(PIN).await.map_err(|e| format!("{e:?}"))?;
    let (_, snapshot) = unlock_with(&key).await.map_err(|e| format!("{e:?}"))?;
    Ok((key, snapshot))
}

/// The cohort opened with the key already in memory.
pub async fn unlock_with(key: &Key) -> Result<(Key, Snapshot), UnlockError> {
    let stored = idb::get(KEY)
        .await
        .map_err(|e| UnlockError::Storage(format!("{e:?}")))?
        .ok_or(UnlockError::Unreadable)?;
    let plain = envelope::open_with(key, stored.as_bytes()).map_err(|_| UnlockError::Wrong)?;
    let text = String::from_utf8(plain).map_err(|_| UnlockError::Unreadable)?;
    let (_, snapshot) = decode(&text).map_err(|_| UnlockError::Unreadable)?;
    Ok((key.clone(), without_locks(snapshot)))
}

/// Saves the cohort sealed with `key`, merged inside the transaction with what is stored
/// (another tab may have imported meanwhile; the merge loses nothing); resolves once IndexedDB
/// has committed it. A stored value this key cannot open is never replaced: it is set aside
/// in the same transaction first.
pub async fn save(key: &Key, snapshot: &Snapshot) -> Result<(), String> {
    let snapshot = snapshot.clone();
    let key = key.clone();
    let now = js_sys::Date::now();
    let nonce = fresh_nonce();
    idb::update(KEY, move |stored| {
        let mut writes = Vec::new();
        let theirs = stored.as_deref().and_then(|s| {
            let plain = envelope::open_with(&key, s.as_bytes()).ok()?;
            decode(&String::from_utf8(plain).ok()?).ok().map(|(_, t)| t)
        });
        let next = match (&stored, theirs) {
            (_, Some(theirs)) => merge(&theirs, &snapshot).0,
            (Some(old), None) => {
                writes.push((aside::durable_key("cohort", now, 0), old.clone()));
                snapshot
            }
            (None, None) => snapshot,
        };
        writes.push((
            KEY.to_string(),
            envelope::seal_with(&key, encode(0, &next).as_bytes(), nonce),
        ));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))
}

/// The stored roster, opened with the cohort's key (`Ok(None)`: there is none). One this key
/// cannot open, or this build cannot read, is an error and stays stored (`save_roster` sets it
/// aside before writing another).
pub async fn load_roster(key: &Key) -> Result<Option<Roster>, String> {
    let Some(stored) = idb::get(ROSTER).await.map_err(|e| format!("{e:?}"))? else {
        return Ok(None);
    };
    open_roster(key, &stored).ok_or_else(|| "unreadable roster".to_string())
}

/// The stored value opened: `Some(None)` is a removed roster.
fn open_roster(key: &Key, stored: &str) -> Option<Option<Roster>> {
    let plain = envelope::open_with(key, stored.as_bytes()).ok()?;
    json::from_str(&String::from_utf8(plain).ok()?).ok()
}

/// Saves `roster` (or, with `None`, removes the roster) sealed with `key`. A stored roster this
/// key cannot open is set aside first, never overwritten.
pub async fn save_roster(key: &Key, roster: Option<&Roster>) -> Result<(), String> {
    let key = key.clone();
    let text = serde_json::to_string(&roster).expect("a roster serialises");
    let now = js_sys::Date::now();
    let nonce = fresh_nonce();
    idb::update(ROSTER, move |stored| {
        let mut writes = Vec::new();
        if let Some(old) = stored.as_deref().filter(|s| open_roster(&key, s).is_none()) {
            writes.push((aside::durable_key("cohort", now, 1), old.to_string()));
        }
        writes.push((ROSTER.to_string(), envelope::seal_with(&key, text.as_bytes(), nonce)));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))
}

/// Deletes the stored cohort, its set-aside copies and any old PIN: only on the trainer's typed
/// confirmation, when the cohort can never be opened again.
pub async fn delete_all() -> Result<(), String> {
    let mut keys = idb::keys_with_prefix("aside.cohort")
        .await
        .map_err(|e| format!("{e:?}"))?;
    keys.push(KEY.to_string());
    keys.push(PIN.to_string());
    keys.push(ROSTER.to_string());
    for k in keys {
        idb::delete(&k).await.map_err(|e| format!("{e:?}"))?;
    }
    Ok(())
}

/// For the benchmark build: a cohort stored sealed with `passphrase` (replacing what is there).
#[cfg(feature = "bench")]
pub async fn store_sealed(passphrase: &str, snapshot: &Snapshot) -> Result<(), String> {
    let key = Key::derive(passphrase, crate::browser::random_bytes());
    idb::put_all(&[(KEY, &sealed(&key, snapshot))])
        .await
        .map_err(|e| format!("{e:?}"))
}
