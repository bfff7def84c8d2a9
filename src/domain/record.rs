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
    ///
    /// Always a valid id, whatever the parts (a pack stored before identifiers were checked, an
    /// employee id from an old file): a character `parse` would refuse becomes `_`, and an id
    /// past `MAX_LEN` keeps its start and ends in a hash of the whole. The same parts give the
    /// same id on every device; an invalid id would make the whole stored snapshot unreadable.
    pub fn derived(parts: &[&str]) -> Id {
        let joined = parts.join(":");
        if Id::parse(&joined).is_ok() {
            return Id(joined);
        }
        let mut safe: String = joined
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.:".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if safe.len() > Self::MAX_LEN || safe != joined {
            // FNV-1a of the original, so that two parts that differ only in refused characters
            // still get different ids.
            let h = joined.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
            });
            safe.truncate(Self::MAX_LEN - 17);
            safe.push_str(&format!(".{h:016x}"));
        }
        Id(safe)
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

    /// One more edit by `device`. Saturates rather than wraps: a wrapped counter would make
    /// every later edit lose to older ones (imports refuse counters above `MAX_COUNTER`).
    pub fn tick(&mut self, device: &DeviceId) {
        let n = self.0.entry(device.clone()).or_insert(0);
        *n = n.saturating_add(1);
    }

    /// Total number of edits seen: the revision number shown to people and the first key of
    /// the deterministic winner order.
    pub fn revision(&self) -> u64 {
        self.0.values().fold(0u64, |a, n| a.saturating_add(*n))
    }

    /// The largest per-device counter (import bounds it).
    pub fn max_counter(&self) -> u64 {
        self.0.values().copied().max().unwrap_or(0)
    }

    /// How many devices have edited.
    pub fn width(&self) -> usize {
        self.0.len()
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

    /// Whether `join` is defined (data that only grows): then all versions fold into one.
    const JOINS: bool = false;

    /// The employee this data belongs to, for data owned by one (everything but the employee
    /// record itself, whose owner is its own id). A deletion keeps it, so that it still travels
    /// with that person's export and is authorised as theirs.
    fn owner(&self) -> Option<&Id> {
        None
    }
}

/// One version of a record. `data` is `None` for a deletion: a tombstone keeps the clock, the
/// device, the deletion time and whose record it was — nothing of the person's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Version<T> {
    pub clock: Clock,
    /// The device that wrote this version.
    pub device: DeviceId,
    /// When it was written, by that device's clock (informative; ordering uses `clock`).
    pub updated_at: DateTime<Utc>,
    pub data: Option<T>,
    /// For a deletion of an owned record: the employee it belonged to.
    pub owner: Option<Id>,
}

impl<T: RecordData> Version<T> {
    pub fn is_deleted(&self) -> bool {
        self.data.is_none()
    }

    /// Whose version this is: the data's owner, or the owner a deletion kept.
    pub fn owner(&self) -> Option<&Id> {
        match &self.data {
            Some(d) => d.owner(),
            None => self.owner.as_ref(),
        }
    }

    /// The deterministic winner order among concurrent versions: most edits seen, then latest
    /// write, then device id, then content — the same answer on every device.
    fn rank_key(&self) -> (u64, DateTime<Utc>, &DeviceId, bool) {
        (
            self.clock.revision(),
            self.updated_at,
            &self.device,
            self.data.is_some(),
        )
    }

    fn outranks(&self, other: &Self) -> std::cmp::Ordering {
        self.rank_key().cmp(&other.rank_key()).then_with(|| {
            let a = serde_json::to_string(&self.data).unwrap_or_default();
            let b = serde_json::to_string(&other.data).unwrap_or_default();
            a.cmp(&b)
                .then_with(|| self.clock.cmp(&other.clock))
                .then_with(|| self.owner.cmp(&other.owner))
        })
    }
}

/// How a version is read: `deleted: true` and no `data` for a tombstone (`write_version`
/// writes it). Files written before deletions were erased carry the old data in their
/// tombstones; it is dropped on reading (only its owner is kept).
#[derive(Deserialize)]
struct VersionRepr<T> {
    clock: Clock,
    device: DeviceId,
    updated_at: DateTime<Utc>,
    #[serde(default)]
    deleted: bool,
    #[serde(default = "none")]
    data: Option<T>,
    #[serde(default)]
    owner: Option<Id>,
}

fn none<T>() -> Option<T> {
    None
}

impl<T: RecordData> VersionRepr<T> {
    fn into_version<E: serde::de::Error>(self) -> Result<Version<T>, E> {
        let (data, owner) = match (self.deleted, self.data) {
            (false, Some(d)) => (Some(d), None),
            (false, None) => return Err(E::missing_field("data")),
            (true, old) => (
                None,
                self.owner.or_else(|| old.as_ref().and_then(|d| d.owner().cloned())),
            ),
        };
        Ok(Version {
            clock: self.clock,
            device: self.device,
            updated_at: self.updated_at,
            data,
            owner,
        })
    }
}

/// Writes a version's fields into a record or version object, borrowing (a save serialises
/// every record; nothing is cloned for it).
fn write_version<S: serde::ser::SerializeStruct, T: Serialize>(st: &mut S, v: &Version<T>) -> Result<(), S::Error> {
    st.serialize_field("clock", &v.clock)?;
    st.serialize_field("device", &v.device)?;
    st.serialize_field("updated_at", &v.updated_at)?;
    match &v.data {
        Some(d) => st.serialize_field("data", d),
        None => {
            st.serialize_field("deleted", &true)?;
            match &v.owner {
                Some(o) => st.serialize_field("owner", o),
                None => Ok(()),
            }
        }
    }
}

impl<T: RecordData> Serialize for Version<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Version", 5)?;
        write_version(&mut st, self)?;
        st.end()
    }
}

impl<'de, T: RecordData> Deserialize<'de> for Version<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        VersionRepr::<T>::deserialize(d)?.into_version()
    }
}

/// A record: id, creation time and its surviving versions, winner first.
///
/// A record whose versions are all deletions is *erased*: it keeps only id, clocks, deletion
/// times and owner. `Table` hands out only records that still have data (`get`, `records`,
/// `live`), so `data()` is always defined there; `Table::all` also yields erased ones.
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
                data: Some(data),
                owner: None,
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

    /// The data of the first version that has any (the winner's, unless the winner is a
    /// deletion in conflict with an edit). `None` only for an erased record.
    pub fn content(&self) -> Option<&T> {
        self.versions.iter().find_map(|v| v.data.as_ref())
    }

    /// The data to show. Defined for every record a `Table` hands out through `get`,
    /// `records` and `live`; an erased record (only reachable through `Table::all`) has none.
    pub fn data(&self) -> &T {
        self.content().expect("Table hands out only records with data")
    }

    pub fn is_deleted(&self) -> bool {
        self.current().is_deleted()
    }

    /// Every version is a deletion: nothing of the record's data is left.
    pub fn is_erased(&self) -> bool {
        self.versions.iter().all(Version::is_deleted)
    }

    /// Whose record this is, for owned kinds (the employee record's owner is its own id).
    pub fn owner(&self) -> Option<&Id> {
        self.versions.iter().find_map(Version::owner)
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
        self.write(device, now, Some(data));
    }

    /// Deletes by writing a tombstone that keeps no data, only whose record it was. The
    /// deletion merges like any edit; the data is gone from this copy.
    fn erase(&mut self, device: &DeviceId, now: DateTime<Utc>) {
        let owner = self.owner().cloned();
        self.write(device, now, None);
        self.versions[0].owner = owner;
    }

    /// Resolves a conflict by keeping version `index` of `versions()`.
    fn resolve(&mut self, device: &DeviceId, now: DateTime<Utc>, index: usize) -> bool {
        let Some(chosen) = self.versions.get(index).cloned() else {
            return false;
        };
        let owner = self.owner().cloned();
        self.write(device, now, chosen.data);
        if self.versions[0].data.is_none() {
            self.versions[0].owner = owner;
        }
        true
    }

    fn write(&mut self, device: &DeviceId, now: DateTime<Utc>, data: Option<T>) {
        let mut clock = self.versions.iter().fold(Clock::default(), |c, v| c.join(&v.clock));
        clock.tick(device);
        self.versions = vec![Version {
            clock,
            device: device.clone(),
            updated_at: now,
            data,
            owner: None,
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
///
/// Cost: sorting is O(n log n); the supersession check compares each version only with those
/// of a higher revision (only they can supersede it), O(n²) in the worst case — which is why
/// imports bound the versions per record (`snapshot::bounds`).
fn normalise<T: RecordData>(mut all: Vec<Version<T>>) -> Vec<Version<T>> {
    sort::sort_by(&mut all, |a, b| b.outranks(a));
    all.dedup();
    if T::JOINS && all.len() > 1 {
        return vec![fold_joinable(all)];
    }
    let revisions: Vec<u64> = all.iter().map(|v| v.clock.revision()).collect();
    let keep: Vec<bool> = all
        .iter()
        .enumerate()
        .map(|(i, v)| {
            // Sorted by revision, highest first: a superseding version has a strictly higher
            // revision, so it comes earlier.
            !all[..i]
                .iter()
                .zip(&revisions)
                .take_while(|(_, r)| **r > revisions[i])
                .any(|(w, _)| w.clock.supersedes(&v.clock))
        })
        .collect();
    // `supersedes` is a strict order on a finite set, so at least one version is kept.
    all.into_iter().zip(keep).filter_map(|(v, k)| k.then_some(v)).collect()
}

/// Joinable data: clocks join, data joins, the latest write names the device and time. A
/// deletion absorbs: once any copy is deleted, the folded version is a deletion (erasing a
/// person must not be undone by progress another device still holds).
fn fold_joinable<T: RecordData>(sorted: Vec<Version<T>>) -> Version<T> {
    let mut iter = sorted.into_iter();
    let mut acc = iter.next().expect("non-empty");
    for v in iter {
        acc.clock = acc.clock.join(&v.clock);
        acc.owner = acc.owner().cloned().max(v.owner().cloned());
        acc.data = match (acc.data.take(), v.data) {
            (Some(a), Some(b)) => Some(a.join(&b).expect("joinable")),
            _ => None,
        };
        if (v.updated_at, &v.device) > (acc.updated_at, &acc.device) {
            acc.updated_at = v.updated_at;
            acc.device = v.device;
        }
    }
    if acc.data.is_some() {
        acc.owner = None;
    }
    acc
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

    #[test]
    fn derived_ids_are_always_valid_and_stable() {
        let ok = Id::derived(&["e1", "pack", "mod-1"]);
        assert_eq!(ok.as_str(), "e1:pack:mod-1");
        let long = "x".repeat(200);
        for parts in [
            vec!["e1", "pack", "mod satu"],
            vec!["e1", "pâck", "m"],
            vec![long.as_str(), "p", "m"],
        ] {
            let id = Id::derived(&parts);
            assert!(Id::parse(id.as_str()).is_ok(), "{id}");
            assert_eq!(id, Id::derived(&parts), "stable");
        }
        assert_ne!(Id::derived(&["e", "a b"]), Id::derived(&["e", "a/b"]));
    }

    #[test]
    fn counters_saturate_instead_of_wrapping() {
        let d = Id::parse("d").unwrap();
        let mut c: Clock = serde_json::from_str(r#"{"d": 18446744073709551615, "e": 5}"#).unwrap();
        c.tick(&d);
        assert_eq!(c.get(&d), u64::MAX);
        assert_eq!(c.revision(), u64::MAX);
    }

    #[test]
    fn a_deletion_keeps_no_data_and_still_supersedes() {
        let d = Id::parse("d").unwrap();
        let now = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap();
        let mut t: Table<u8> = Table::default();
        let id = Id::parse("r").unwrap();
        t.upsert(Record::create(id.clone(), &d, now, 7));
        let before = t.clone();
        assert!(t.delete(&id, &d, now));
        assert!(t.get(&id).is_none() && t.records().next().is_none());
        let erased = t.all().next().unwrap();
        assert!(erased.is_erased() && erased.versions().len() == 1);
        let json = serde_json::to_string(&t).unwrap();
        assert!(!json.contains("\"data\""), "{json}");
        // The deletion wins over the copy it was made from, in either order.
        let mut a = before.clone();
        a.upsert(erased.clone());
        assert!(a.get(&id).is_none());
        let back: Table<u8> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn old_tombstones_lose_their_data_on_reading() {
        let json = r#"[{"id": "r", "created_at": "2026-01-01T00:00:00Z", "clock": {"a": 2}, "device": "a",
            "updated_at": "2026-01-01T00:00:00Z", "deleted": true, "data": 9}]"#;
        let t: Table<u8> = serde_json::from_str(json).unwrap();
        assert!(t.all().next().unwrap().versions()[0].data.is_none());
    }
}

/// How a record is written in a snapshot: the winner's fields at the top, conflicts beside.
/// (Spelled out rather than `#[serde(flatten)]`, which buffers every record before reading it.)
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: RecordData"))]
struct RecordRepr<T> {
    id: Id,
    created_at: DateTime<Utc>,
    clock: Clock,
    device: DeviceId,
    updated_at: DateTime<Utc>,
    #[serde(default)]
    deleted: bool,
    #[serde(default = "none")]
    data: Option<T>,
    #[serde(default)]
    owner: Option<Id>,
    #[serde(default = "Vec::new")]
    conflicts: Vec<Version<T>>,
}

impl<T: RecordData> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Record", 8)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("created_at", &self.created_at)?;
        write_version(&mut st, self.current())?;
        if !self.conflicts().is_empty() {
            st.serialize_field("conflicts", self.conflicts())?;
        }
        st.end()
    }
}

impl<'de, T: RecordData> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RecordRepr::<T>::deserialize(d)?;
        let winner = VersionRepr {
            clock: r.clock,
            device: r.device,
            updated_at: r.updated_at,
            deleted: r.deleted,
            data: r.data,
            owner: r.owner,
        };
        let mut versions = vec![winner.into_version()?];
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
    /// The record with this id, unless it is erased.
    pub fn get(&self, id: &Id) -> Option<&Record<T>> {
        self.0.get(id).filter(|r| !r.is_erased())
    }

    /// The record with this id, erased or not (merging, authority, export).
    pub fn get_any(&self, id: &Id) -> Option<&Record<T>> {
        self.0.get(id)
    }

    pub fn get_mut(&mut self, id: &Id) -> Option<&mut Record<T>> {
        self.0.get_mut(id).filter(|r| !r.is_erased())
    }

    /// Adds a record, merging it with a copy already present under the same id.
    pub fn upsert(&mut self, record: Record<T>) {
        let merged = match self.0.get(&record.id) {
            Some(existing) => existing.merge(&record),
            None => record,
        };
        self.0.insert(merged.id.clone(), merged);
    }

    /// Deletes a record: its data is erased from this copy, the deletion merges everywhere.
    pub fn delete(&mut self, id: &Id, device: &DeviceId, now: DateTime<Utc>) -> bool {
        match self.0.get_mut(id) {
            Some(r) => {
                r.erase(device, now);
                true
            }
            None => false,
        }
    }

    /// Settles a conflict by keeping version `index` of the record's `versions()`.
    pub fn resolve(&mut self, id: &Id, device: &DeviceId, now: DateTime<Utc>, index: usize) -> bool {
        self.0.get_mut(id).is_some_and(|r| r.resolve(device, now, index))
    }

    /// Number of records, erased ones included.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every record that still has data (deleted-in-conflict ones included).
    pub fn records(&self) -> impl Iterator<Item = &Record<T>> {
        self.0.values().filter(|r| !r.is_erased())
    }

    /// Every record, erased ones included: what merges and travels.
    pub fn all(&self) -> impl Iterator<Item = &Record<T>> {
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
