//! Records that can be merged across devices without losing work.
//!
//! Every stored thing (an employee, an assessment, an activity, a module's progress…) is a
//! `Record<T>`: a stable id plus one or more *versions*. Each version carries a per-record
//! version vector (`Clock`: device → number of edits that device made), the device that wrote
//! it, when, and whether it is a deletion (tombstone).
//!
//! Merging two copies of a record keeps every version that no other version supersedes. If one
//! device's edit was made on top of the other's, its clock dominates and it simply wins. If two
//! devices edited independently, both versions survive: the deterministic winner is shown, the
//! other is a *conflict* the user can see and resolve. Nothing is silently dropped.
//!
//! Some data cannot conflict because it only grows (module progress: lessons done, quiz
//! attempts). Such types implement `RecordData::join`, and their versions are always folded into
//! one. Both behaviours make `merge` idempotent, commutative and associative (tested by property
//! tests in `tests/merge_laws.rs`).

use std::collections::BTreeMap;
use std::fmt;

use crate::domain::sort;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A stable record id (a UUID for records created in the app; derived ids such as
/// `<employee>:<module>` for one-per-pair records).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl Id {
    pub const MAX_LEN: usize = 128;

    /// Formats 16 random bytes as a version-4 UUID. The caller supplies the randomness
    /// (`crypto.getRandomValues` in the browser, a seeded generator in tests).
    pub fn from_random(mut b: [u8; 16]) -> Id {
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
        Id(format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        ))
    }

    /// An id made of other ids, for records that exist once per pair (progress per
    /// employee × module): two devices starting the same module get the same id and merge.
    pub fn derived(parts: &[&str]) -> Id {
        Id(parts.join(":"))
    }

    pub fn parse(s: &str) -> Result<Id, String> {
        if s.is_empty() || s.len() > Self::MAX_LEN {
            return Err(format!("an id must have 1–{} characters", Self::MAX_LEN));
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)) {
            return Err("an id may contain only letters, digits and - _ . :".into());
        }
        Ok(Id(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::parse(&s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who edits: a random id each browser profile creates once. Same rules as record ids.
pub type DeviceId = Id;

/// A version vector: for each device, how many edits it has made to this record. A device with
/// no edits has no entry (a stored `0` is dropped on reading), so equal clocks are equal maps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "BTreeMap<DeviceId, u64>")]
pub struct Clock(BTreeMap<DeviceId, u64>);

impl From<BTreeMap<DeviceId, u64>> for Clock {
    fn from(mut m: BTreeMap<DeviceId, u64>) -> Clock {
        m.retain(|_, n| *n > 0);
        Clock(m)
    }
}

impl Clock {
    pub fn get(&self, device: &DeviceId) -> u64 {
        self.0.get(device).copied().unwrap_or(0)
    }

    /// `self` has seen every edit `other` has seen.
    pub fn covers(&self, other: &Clock) -> bool {
        other.0.iter().all(|(d, n)| self.get(d) >= *n)
    }

    /// `self` has seen everything `other` has and more: `other` is superseded. A strict order:
    /// two clocks never supersede each other.
    pub fn supersedes(&self, other: &Clock) -> bool {
        self.covers(other) && !other.covers(self)
    }

    pub fn join(&self, other: &Clock) -> Clock {
        let mut out = self.clone();
        for (d, n) in &other.0 {
            let e = out.0.entry(d.clone()).or_insert(0);
            *e = (*e).max(*n);
        }
        out
    }

    pub fn tick(&mut self, device: &DeviceId) {
        *self.0.entry(device.clone()).or_insert(0) += 1;
    }

    /// Total number of edits seen: the revision number shown to people and the first key of
    /// the deterministic winner order.
    pub fn revision(&self) -> u64 {
        self.0.values().sum()
    }

    pub fn devices(&self) -> impl Iterator<Item = (&DeviceId, u64)> {
        self.0.iter().map(|(d, n)| (d, *n))
    }
}

/// Record data that belongs to one employee: everything but the employee record itself.
pub trait Owned {
    fn employee(&self) -> &Id;
}

/// What a record's data must provide to be merged.
pub trait RecordData: Clone + PartialEq + Serialize + DeserializeOwned {
    /// For data that only grows, the union of two versions; `None` (the default) means
    /// concurrent versions are kept side by side as a conflict.
    fn join(&self, _other: &Self) -> Option<Self> {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version<T> {
    pub clock: Clock,
    /// The device that wrote this version.
    pub device: DeviceId,
    /// When it was written, by that device's clock (informative; ordering uses `clock`).
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    pub data: T,
}

impl<T: RecordData> Version<T> {
    /// The deterministic winner order among concurrent versions: most edits seen, then latest
    /// write, then device id, then content — the same answer on every device.
    fn rank_key(&self) -> (u64, DateTime<Utc>, &DeviceId, bool) {
        (self.clock.revision(), self.updated_at, &self.device, !self.deleted)
    }

    fn outranks(&self, other: &Self) -> std::cmp::Ordering {
        self.rank_key().cmp(&other.rank_key()).then_with(|| {
            let a = serde_json::to_string(&self.data).unwrap_or_default();
            let b = serde_json::to_string(&other.data).unwrap_or_default();
            a.cmp(&b).then_with(|| self.clock.cmp(&other.clock))
        })
    }
}

/// A record: id, creation time and its surviving versions, winner first.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<T> {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    versions: Vec<Version<T>>,
}

impl<T: RecordData> Record<T> {
    /// A new record written by `device` at `now`.
    pub fn create(id: Id, device: &DeviceId, now: DateTime<Utc>, data: T) -> Record<T> {
        let mut clock = Clock::default();
        clock.tick(device);
        Record {
            id,
            created_at: now,
            versions: vec![Version {
                clock,
                device: device.clone(),
                updated_at: now,
                deleted: false,
                data,
            }],
        }
    }

    /// Builds a record from stored versions (as read from a file), normalising them.
    pub fn from_versions(id: Id, created_at: DateTime<Utc>, versions: Vec<Version<T>>) -> Option<Record<T>> {
        if versions.is_empty() {
            return None;
        }
        Some(Record {
            id,
            created_at,
            versions: normalise(versions),
        })
    }

    /// The version to show: the deterministic winner.
    pub fn current(&self) -> &Version<T> {
        &self.versions[0]
    }

    pub fn data(&self) -> &T {
        &self.current().data
    }

    pub fn is_deleted(&self) -> bool {
        self.current().deleted
    }

    /// Versions that lost to the winner but were edited independently: the user decides.
    pub fn conflicts(&self) -> &[Version<T>] {
        &self.versions[1..]
    }

    pub fn versions(&self) -> &[Version<T>] {
        &self.versions
    }

    pub fn updated_at(&self) -> DateTime<Utc> {
        self.current().updated_at
    }

    /// A new edit on top of everything this device has seen of the record, which also settles
    /// any conflict in favour of `data`.
    pub fn edit(&mut self, device: &DeviceId, now: DateTime<Utc>, data: T) {
        self.write(device, now, data, false);
    }

    /// Deletes by writing a tombstone: the data is kept so the deletion can merge and be undone.
    pub fn delete(&mut self, device: &DeviceId, now: DateTime<Utc>) {
        let data = self.data().clone();
        self.write(device, now, data, true);
    }

    /// Resolves a conflict by keeping version `index` of `versions()`.
    pub fn resolve(&mut self, device: &DeviceId, now: DateTime<Utc>, index: usize) -> bool {
        let Some(chosen) = self.versions.get(index).cloned() else {
            return false;
        };
        self.write(device, now, chosen.data, chosen.deleted);
        true
    }

    fn write(&mut self, device: &DeviceId, now: DateTime<Utc>, data: T, deleted: bool) {
        let mut clock = self.versions.iter().fold(Clock::default(), |c, v| c.join(&v.clock));
        clock.tick(device);
        self.versions = vec![Version {
            clock,
            device: device.clone(),
            updated_at: now,
            deleted,
            data,
        }];
    }

    /// Merges another copy of the same record.
    pub fn merge(&self, other: &Record<T>) -> Record<T> {
        debug_assert_eq!(self.id, other.id);
        let mut all = self.versions.clone();
        all.extend(other.versions.iter().cloned());
        Record {
            id: self.id.clone(),
            created_at: self.created_at.min(other.created_at),
            versions: normalise(all),
        }
    }
}

/// Keeps the versions nothing supersedes (or folds joinable data into one), winner first.
fn normalise<T: RecordData>(mut all: Vec<Version<T>>) -> Vec<Version<T>> {
    sort::sort_by(&mut all, |a, b| b.outranks(a));
    all.dedup();
    if all.len() > 1 && all[0].data.join(&all[1].data).is_some() {
        return vec![fold_joinable(all)];
    }
    let keep: Vec<bool> = all
        .iter()
        .map(|v| !all.iter().any(|w| w.clock.supersedes(&v.clock)))
        .collect();
    // `supersedes` is a strict order on a finite set, so at least one version is kept.
    all.into_iter().zip(keep).filter_map(|(v, k)| k.then_some(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    impl RecordData for u8 {}

    /// Found by the fuzzer: `{"a": 1, "b": 0}` and `{"a": 1}` are the same clock; they must not
    /// supersede each other (which once dropped both versions of a record).
    #[test]
    fn zero_entries_do_not_make_clocks_differ() {
        let with_zero: Clock = serde_json::from_str(r#"{"a": 1, "b": 0}"#).unwrap();
        let without: Clock = serde_json::from_str(r#"{"a": 1}"#).unwrap();
        assert_eq!(with_zero, without);
        assert!(!with_zero.supersedes(&without) && !without.supersedes(&with_zero));
        let json = r#"{"id": "r", "created_at": "2026-01-01T00:00:00Z", "clock": {"a": 1, "b": 0}, "device": "b",
            "updated_at": "2026-01-01T00:00:00Z", "data": 1,
            "conflicts": [{"clock": {"a": 1}, "device": "a", "updated_at": "2026-01-01T00:00:00Z", "data": 2}]}"#;
        let r: Record<u8> = serde_json::from_str(json).unwrap();
        assert_eq!(r.versions().len(), 2);
    }
}

/// Joinable data: clocks join, data joins, the latest write names the device and time.
fn fold_joinable<T: RecordData>(sorted: Vec<Version<T>>) -> Version<T> {
    let mut iter = sorted.into_iter();
    let mut acc = iter.next().expect("non-empty");
    for v in iter {
        acc.clock = acc.clock.join(&v.clock);
        acc.data = acc.data.join(&v.data).expect("joinable");
        acc.deleted = acc.deleted && v.deleted;
        if (v.updated_at, &v.device) > (acc.updated_at, &acc.device) {
            acc.updated_at = v.updated_at;
            acc.device = v.device;
        }
    }
    acc
}

/// How a record is written in a snapshot: the winner's fields at the top, conflicts beside.
#[derive(Serialize, Deserialize)]
struct RecordRepr<T> {
    id: Id,
    created_at: DateTime<Utc>,
    clock: Clock,
    device: DeviceId,
    updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    deleted: bool,
    data: T,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<Version<T>>,
}

impl<T: RecordData> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cur = self.current();
        RecordRepr {
            id: self.id.clone(),
            created_at: self.created_at,
            clock: cur.clock.clone(),
            device: cur.device.clone(),
            updated_at: cur.updated_at,
            deleted: cur.deleted,
            data: cur.data.clone(),
            conflicts: self.conflicts().to_vec(),
        }
        .serialize(s)
    }
}

impl<'de, T: RecordData> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RecordRepr::<T>::deserialize(d)?;
        let mut versions = vec![Version {
            clock: r.clock,
            device: r.device,
            updated_at: r.updated_at,
            deleted: r.deleted,
            data: r.data,
        }];
        versions.extend(r.conflicts);
        Ok(Record::from_versions(r.id, r.created_at, versions).expect("at least one version"))
    }
}

/// All records of one type, by id. Written as a JSON array sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<T>(BTreeMap<Id, Record<T>>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(BTreeMap::new())
    }
}

impl<T: RecordData> Table<T> {
    pub fn get(&self, id: &Id) -> Option<&Record<T>> {
        self.0.get(id)
    }

    pub fn get_mut(&mut self, id: &Id) -> Option<&mut Record<T>> {
        self.0.get_mut(id)
    }

    /// Adds a record, merging it with a copy already present under the same id.
    pub fn upsert(&mut self, record: Record<T>) {
        let merged = match self.0.get(&record.id) {
            Some(existing) => existing.merge(&record),
            None => record,
        };
        self.0.insert(merged.id.clone(), merged);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every record, tombstones included.
    pub fn records(&self) -> impl Iterator<Item = &Record<T>> {
        self.0.values()
    }

    /// Records whose winning version is not a deletion.
    pub fn live(&self) -> impl Iterator<Item = &Record<T>> {
        self.0.values().filter(|r| !r.is_deleted())
    }

    /// The live records that belong to `employee`.
    pub fn live_of<'a>(&'a self, employee: &'a Id) -> impl Iterator<Item = &'a Record<T>> + 'a
    where
        T: Owned,
    {
        self.live().filter(move |r| r.data().employee() == employee)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&Record<T>) -> bool) {
        self.0.retain(|_, r| keep(r));
    }
}

impl<T: RecordData> FromIterator<Record<T>> for Table<T> {
    fn from_iter<I: IntoIterator<Item = Record<T>>>(iter: I) -> Self {
        let mut t = Table::default();
        for r in iter {
            t.upsert(r);
        }
        t
    }
}

impl<T: RecordData> Serialize for Table<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.values())
    }
}

impl<'de, T: RecordData> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Record<T>>::deserialize(d)?.into_iter().collect())
    }
}
