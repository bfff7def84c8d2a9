//! Import: bytes from a file → a checked, current-schema `Snapshot`, or every problem found.
//!
//! Order matters for hostile input: the size is checked before parsing, serde_json's recursion
//! limit (128) stays on, the document is checked for being a Lentera export before anything
//! else is read, newer schemas are refused, older ones migrated, and only then are records
//! read one by one so that every bad record is reported with its JSON path, in both languages.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::document::{RecordKind, Snapshot, TableVisitor, TableVisitorMut, FORMAT, MAX_IMPORT_BYTES, SCHEMA_VERSION};
use super::migrate::migrate;
use crate::domain::catalog::MAX_MODULE_JP;
use crate::domain::json;
use crate::domain::lang::{Lang, Text};
use crate::domain::model::competency::MAX_LEVEL;
use crate::domain::model::employee::Grade;
use crate::domain::model::lock::{PinHash, ProfileLock};
use crate::domain::model::nip::Nip;
use crate::domain::model::pack::PACK_FORMAT;
use crate::domain::model::plan::PlanItem;
use crate::domain::model::progress::Progress;
use crate::domain::record::{Id, Record, RecordData, Table};
use chrono::{DateTime, Utc};

use super::bounds;

/// One thing wrong with an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path (`employees[2].data.nip`); empty for the whole file.
    pub path: String,
    pub text: Text,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, id: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            text: Text::new(id, en),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.text.get(lang).to_string()
        } else {
            format!("{}: {}", self.path, self.text.get(lang))
        }
    }
}

/// Stop collecting after this many problems: a wholly wrong file need not list 100,000 lines.
pub const MAX_PROBLEMS: usize = 200;

/// Reads an export file. On error nothing is returned to merge, so nothing can change.
/// `now` is the importing device's clock: nothing in a file may be dated after it (with a day's
/// slack). Every bound is in `bounds.rs`.
pub fn import(bytes: &[u8], now: DateTime<Utc>) -> Result<Snapshot, Vec<Problem>> {
    check_size(bytes)?;
    import_value(parse(bytes)?, now)
}

/// Reads a file that is already JSON (see `import`).
pub fn import_value(doc: Value, now: DateTime<Utc>) -> Result<Snapshot, Vec<Problem>> {
    read(doc, Source::File { now })
}

/// Reads what this device stored itself (`stored.rs`): the same checks of shape and relations,
/// without the import bounds, and with the device-local locks, which a file never supplies.
/// A store written before schema 2 kept PINs inside employee records: they become locks. No
/// size limit: a trainer's cohort may grow past what one file may hold, and must stay readable.
pub fn import_stored(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    read(parse(bytes)?, Source::Device)
}

#[derive(Clone, Copy)]
enum Source {
    File { now: DateTime<Utc> },
    Device,
}

fn check_size(bytes: &[u8]) -> Result<(), Vec<Problem>> {
    if bytes.len() <= MAX_IMPORT_BYTES {
        return Ok(());
    }
    const MIB: usize = 1024 * 1024;
    Err(vec![Problem::new(
        "",
        format!(
            "Berkas terlalu besar ({} MiB; batas {} MiB).",
            bytes.len() / MIB,
            MAX_IMPORT_BYTES / MIB
        ),
        format!(
            "The file is too large ({} MiB; the limit is {} MiB).",
            bytes.len() / MIB,
            MAX_IMPORT_BYTES / MIB
        ),
    )])
}

fn parse(bytes: &[u8]) -> Result<Value, Vec<Problem>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(vec![Problem::new("", "Berkas kosong.", "The file is empty.")]);
    }
    crate::domain::json::parse_value(bytes).map_err(|e| {
        vec![Problem::new(
            "",
            format!("Berkas bukan JSON yang sah (baris {}, kolom {}).", e.line(), e.column()),
            format!("The file is not valid JSON (line {}, column {}).", e.line(), e.column()),
        )]
    })
}

fn read(doc: Value, source: Source) -> Result<Snapshot, Vec<Problem>> {
    let version = check_envelope(&doc).map_err(|p| vec![p])?;
    let legacy_locks = match source {
        Source::Device if version < 2 => legacy_pins(&doc),
        _ => Table::default(),
    };
    let doc = migrate(doc, version).map_err(|t| {
        vec![Problem {
            path: "schema_version".into(),
            text: t,
        }]
    })?;
    let mut problems = Vec::new();
    if let Source::File { now } = source {
        bounds::check_document(&doc, now, &mut problems);
        if !problems.is_empty() {
            problems.truncate(MAX_PROBLEMS);
            return Err(problems);
        }
    }
    let mut at = Positions::default();
    let mut snapshot = read_tables(&doc, &mut problems, &mut at);
    if let Source::Device = source {
        snapshot.locks = read_table(&doc, "locks", &mut problems, &mut at);
        for r in legacy_locks.all() {
            snapshot.locks.upsert(r.clone());
        }
    }
    if problems.is_empty() {
        check_relations(&snapshot, &at, &mut problems);
    }
    if let (true, Source::File { .. }) = (problems.is_empty(), source) {
        bounds::check_records(&snapshot, &mut problems);
    }
    problems.truncate(MAX_PROBLEMS);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(problems)
    }
}

/// Schema 1 stores kept each profile's PIN hash in the employee record. They move to the
/// device's locks with a fixed clock, so every tab migrating the same store makes the same
/// lock records (and later edits on this device supersede them). Any version's PIN counts: a
/// profile that had a PIN in any version stays locked.
fn legacy_pins(doc: &Value) -> Table<ProfileLock> {
    let mut out = Table::default();
    let Some(items) = doc.get("employees").and_then(Value::as_array) else {
        return out;
    };
    let legacy = Id::parse("legacy").expect("valid");
    for item in items {
        let Some(id) = item.get("id").and_then(Value::as_str).and_then(|s| Id::parse(s).ok()) else {
            continue;
        };
        let versions =
            std::iter::once(item).chain(item.get("conflicts").and_then(Value::as_array).into_iter().flatten());
        let pin = versions
            .filter(|v| v.get("deleted").and_then(Value::as_bool) != Some(true))
            .find_map(|v| v.get("data")?.get("pin"))
            .and_then(|p| json::from_value::<PinHash>(p).ok());
        let when = item
            .get("updated_at")
            .and_then(Value::as_str)
            .and_then(|t| t.parse::<DateTime<Utc>>().ok());
        if let (Some(pin), Some(when)) = (pin, when) {
            out.upsert(Record::create(id, &legacy, when, ProfileLock { pin, signing: None }));
        }
    }
    out
}

/// Is this a Lentera export at all, and of a schema this build can read?
fn check_envelope(doc: &Value) -> Result<u32, Problem> {
    let not_ours = || {
        Problem::new(
            "",
            "Berkas ini bukan ekspor Lentera.",
            "This file is not a Lentera export.",
        )
    };
    let obj = doc.as_object().ok_or_else(not_ours)?;
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(PACK_FORMAT) => {
            return Err(Problem::new(
                "format",
                "Berkas ini paket konten, bukan ekspor data. Muat lewat menu paket konten.",
                "This file is a content pack, not a data export. Load it from the content pack menu.",
            ))
        }
        _ => return Err(not_ours()),
    }
    let v = obj.get("schema_version").and_then(Value::as_u64).ok_or_else(|| {
        Problem::new(
            "schema_version",
            "Versi skema tidak ada atau bukan angka.",
            "The schema version is missing or not a number.",
        )
    })?;
    if v > SCHEMA_VERSION as u64 {
        return Err(Problem::new(
            "schema_version",
            format!("Berkas dibuat oleh Lentera yang lebih baru (skema {v}; aplikasi ini membaca sampai skema {SCHEMA_VERSION}). Perbarui aplikasi lalu impor lagi."),
            format!("The file was made by a newer Lentera (schema {v}; this app reads up to schema {SCHEMA_VERSION}). Update the app, then import again."),
        ));
    }
    if v == 0 {
        return Err(Problem::new(
            "schema_version",
            "Versi skema 0 tidak sah.",
            "Schema version 0 is invalid.",
        ));
    }
    Ok(v as u32)
}

/// Where each record was in the file, so relation problems point at `table[index]`.
#[derive(Default)]
struct Positions(std::collections::HashMap<(&'static str, Id), usize>);

impl Positions {
    fn path(&self, table: &'static str, id: &Id, rest: &str) -> String {
        let i = self.0.get(&(table, id.clone())).copied().unwrap_or(0);
        format!("{table}[{i}]{rest}")
    }
}

fn read_tables(doc: &Value, problems: &mut Vec<Problem>, at: &mut Positions) -> Snapshot {
    let mut s = Snapshot::default();
    if let Some(export) = doc.get("export") {
        match from_value_at(export, "export") {
            Ok(e) => s.export = Some(e),
            Err(p) => problems.push(p),
        }
    }
    struct Read<'a> {
        doc: &'a Value,
        problems: &'a mut Vec<Problem>,
        at: &'a mut Positions,
    }
    impl TableVisitorMut for Read<'_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &mut Table<T>) {
            *t = read_table(self.doc, kind.key(), self.problems, self.at);
        }
    }
    s.visit_mut(&mut Read { doc, problems, at });
    s
}

fn read_table<T: RecordData>(
    doc: &Value,
    key: &'static str,
    problems: &mut Vec<Problem>,
    at: &mut Positions,
) -> Table<T> {
    let Some(v) = doc.get(key) else {
        return Table::default();
    };
    let Some(items) = v.as_array() else {
        problems.push(Problem::new(
            key,
            "harus berupa daftar (array).",
            "must be a list (array).",
        ));
        return Table::default();
    };
    let mut records = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        match from_value_at::<Record<T>>(item, &format!("{key}[{i}]")) {
            Ok(r) => {
                if let Some(first) = at.0.get(&(key, r.id.clone())) {
                    problems.push(Problem::new(
                        format!("{key}[{i}].id"),
                        format!(
                            "id {} sudah dipakai catatan {key}[{first}]; setiap catatan muncul sekali.",
                            r.id
                        ),
                        format!(
                            "id {} is already used by {key}[{first}]; each record appears once.",
                            r.id
                        ),
                    ));
                    continue;
                }
                at.0.insert((key, r.id.clone()), i);
                records.push(r)
            }
            Err(p) => problems.push(p),
        }
    }
    records.into_iter().collect()
}

/// Deserialises `v`, reporting the first error with its full JSON path below `base`.
fn from_value_at<T: DeserializeOwned>(v: &Value, base: &str) -> Result<T, Problem> {
    json::from_value(v).map_err(|e| {
        let at = e.path.as_ref();
        let inner = at.map(|p| p.to_string()).unwrap_or_else(|| ".".into());
        let path = if inner == "." {
            base.to_string()
        } else {
            format!("{base}.{inner}")
        };
        let text = at.and_then(|p| typed_reason(v, p)).unwrap_or_else(|| explain(&e));
        Problem { path, text }
    })
}

/// For fields with their own validation (NIP, golongan), the precise bilingual reason of that
/// validation rather than serde's one-language message.
fn typed_reason(root: &Value, path: &json::Path) -> Option<Text> {
    use json::Segment;
    let mut v = root;
    let mut last = None;
    for seg in path.iter() {
        v = match seg {
            Segment::Seq { index } => v.get(*index)?,
            Segment::Map { key } => {
                last = Some(key.as_str());
                v.get(key.as_str())?
            }
        };
    }
    let s = v.as_str()?;
    match last? {
        "nip" => Nip::parse(s).err().map(|e| e.text()),
        "grade" => Grade::parse(s).is_none().then(|| {
            Text::new(
                format!("golongan \"{s}\" tidak sah (I/a sampai IV/e)."),
                format!("grade \"{s}\" is invalid (I/a to IV/e)."),
            )
        }),
        _ => None,
    }
}

/// serde's messages are English and technical: each kind of failure gets a plain reason in
/// both languages, chosen by its kind (`json::ErrorKind`) and, for a value its type refused,
/// by the field it is in; serde's own words are only quoted.
fn explain(e: &json::ReadError) -> Text {
    use json::ErrorKind;
    let msg = &e.reason;
    let field = e.path.as_ref().and_then(|p| {
        p.iter().rev().find_map(|s| match s {
            json::Segment::Map { key } => Some(key.as_str()),
            json::Segment::Seq { .. } => None,
        })
    });
    match &e.kind {
        ErrorKind::MissingField(name) => Text::new(
            format!("kolom \"{name}\" wajib ada."),
            format!("field \"{name}\" is required."),
        ),
        ErrorKind::InvalidType => Text::new(
            format!("jenis nilai salah ({msg})."),
            format!("wrong kind of value ({msg})."),
        ),
        ErrorKind::UnknownVariant(name) => Text::new(
            format!("nilai \"{name}\" tidak dikenal."),
            format!("value \"{name}\" is not recognised."),
        ),
        ErrorKind::Invalid if field.is_some_and(|f| TIME_FIELDS.contains(&f)) => Text::new(
            format!("format tanggal/waktu tidak sah ({msg})."),
            format!("invalid date/time ({msg})."),
        ),
        ErrorKind::Invalid if field.is_some_and(|f| ID_FIELDS.contains(&f)) => Text::new(
            format!("id tidak sah (1–{} karakter: huruf, angka, - _ . :).", Id::MAX_LEN),
            format!("invalid id (1–{} characters: letters, digits, - _ . :).", Id::MAX_LEN),
        ),
        ErrorKind::Invalid | ErrorKind::Syntax => {
            Text::new(format!("nilai tidak sah: {msg}"), format!("invalid value: {msg}"))
        }
    }
}

/// Fields holding a date or a time, whose refusals are explained as such.
const TIME_FIELDS: [&str; 8] = [
    "date",
    "start",
    "end",
    "at",
    "created_at",
    "updated_at",
    "exported_at",
    "deleted_at",
];
/// Fields holding a record or device id.
const ID_FIELDS: [&str; 8] = [
    "id",
    "employee",
    "device",
    "signer",
    "supervisor",
    "attempt",
    "feedback",
    "clock",
];

/// Checks between records: everything an employee owns points to an employee in the file, and
/// every version of a record (deletions included) belongs to the same employee; derived ids
/// match their parts; levels are 1–5; dates are in order; JP and scores are in range.
fn check_relations(s: &Snapshot, at: &Positions, problems: &mut Vec<Problem>) {
    let mut employees: BTreeSet<&Id> = BTreeSet::new();
    employees.extend(s.employees.all().map(|r| &r.id));
    let employees = &employees;
    /// Every version of a person's record names one owner, who is in the file.
    struct Owners<'a> {
        employees: &'a BTreeSet<&'a Id>,
        at: &'a Positions,
        problems: &'a mut Vec<Problem>,
    }
    impl TableVisitor for Owners<'_> {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
            if kind == RecordKind::Employees {
                return;
            }
            owners(kind.key(), t, self.employees, self.at, self.problems);
        }
    }
    fn owners<T: RecordData>(
        table: &'static str,
        t: &Table<T>,
        employees: &BTreeSet<&Id>,
        at: &Positions,
        problems: &mut Vec<Problem>,
    ) {
        for r in t.all() {
            let first = r.versions()[0].owner();
            let same = r.versions().iter().all(|v| v.owner() == first);
            match first {
                Some(emp) if same && employees.contains(emp) => {}
                Some(emp) if same => problems.push(Problem::new(
                    at.path(table, &r.id, ".data.employee"),
                    format!("catatan {} merujuk pegawai {emp} yang tidak ada di berkas.", r.id),
                    format!("record {} refers to employee {emp}, who is not in the file.", r.id),
                )),
                _ => problems.push(Problem::new(
                    at.path(table, &r.id, ".data.employee"),
                    format!("versi-versi catatan {} tidak menyebut pegawai yang sama.", r.id),
                    format!("the versions of record {} do not name the same employee.", r.id),
                )),
            }
        }
    }
    s.visit(&mut Owners {
        employees,
        at,
        problems,
    });
    // A derived id names its person: every version of such a record, deletions included, must
    // belong to that person (a deletion under a colleague's derived id would otherwise sit
    // beside her own record and make the two owners' versions unreadable together).
    let derived =
        |table: &'static str, r_id: &Id, person: Option<&str>, owner: Option<&Id>, problems: &mut Vec<Problem>| {
            if person.is_none() || owner.map(Id::as_str) != person {
                problems.push(Problem::new(
                    at.path(table, r_id, ".id"),
                    format!("id {r_id} milik pegawai lain daripada yang disebut catatan ini."),
                    format!("id {r_id} belongs to another employee than the one this record names."),
                ));
            }
        };
    for r in s.progress.all() {
        let person = r.id.as_str().split(':').next();
        for v in r.versions() {
            derived("progress", &r.id, person, v.owner(), problems);
        }
    }
    for r in s.plan.all() {
        let person =
            r.id.as_str()
                .strip_prefix("plan:")
                .and_then(|rest| rest.split(':').next());
        for v in r.versions() {
            derived("plan", &r.id, person, v.owner(), problems);
        }
    }
    for r in s.assessments.all() {
        for v in r.versions() {
            for e in v.data.iter().flat_map(|d| &d.entries) {
                let level_ok = e.level.is_none_or(|l| (1..=MAX_LEVEL).contains(&l));
                let ind_ok = e.indicators.iter().all(|x| (1..=MAX_LEVEL).contains(&x.level));
                if !level_ok || !ind_ok {
                    problems.push(Problem::new(
                        at.path("assessments", &r.id, ".data.entries"),
                        format!("tingkat kompetensi {} harus 1–5.", e.competency),
                        format!("the level of competency {} must be 1–5.", e.competency),
                    ));
                }
            }
        }
    }
    for r in s.progress.all() {
        for p in r.versions().iter().filter_map(|v| v.data.as_ref()) {
            if r.id != Progress::id_for(&p.employee, &p.pack, &p.module) {
                problems.push(Problem::new(
                    at.path("progress", &r.id, ".id"),
                    "id kemajuan harus <pegawai>:<paket>:<modul>.",
                    "a progress id must be <employee>:<pack>:<module>.",
                ));
            }
            if p.attempts.values().any(|a| a.score > 100 || a.correct > a.total) {
                problems.push(Problem::new(
                    at.path("progress", &r.id, ".data.attempts"),
                    "nilai kuis tidak sah.",
                    "invalid quiz score.",
                ));
            }
            if p.completion
                .as_ref()
                .is_some_and(|c| !(c.jp > 0.0 && c.jp <= MAX_MODULE_JP))
            {
                problems.push(Problem::new(
                    at.path("progress", &r.id, ".data.completion.jp"),
                    format!("JP penyelesaian harus lebih dari 0 dan paling banyak {MAX_MODULE_JP} (JP terbesar satu modul)."),
                    format!("completion JP must be above 0 and at most {MAX_MODULE_JP} (the most one module may give)."),
                ));
            }
        }
    }
    for r in s.activities.all() {
        if r.versions()
            .iter()
            .filter_map(|v| v.data.as_ref())
            .any(|a| !a.is_plausible())
        {
            problems.push(Problem::new(
                at.path("activities", &r.id, ".data"),
                "tanggal selesai sebelum tanggal mulai, atau jumlah jam tidak sah.",
                "the end date is before the start date, or the hours are invalid.",
            ));
        }
    }
    for r in s.ratings.all() {
        if r.versions()
            .iter()
            .filter_map(|v| v.data.as_ref())
            .any(|d| !(1..=2).contains(&d.half))
        {
            problems.push(Problem::new(
                at.path("ratings", &r.id, ".data.half"),
                "semester harus 1 atau 2.",
                "the half-year must be 1 or 2.",
            ));
        }
    }
    for r in s.plan.all() {
        for p in r.versions().iter().filter_map(|v| v.data.as_ref()) {
            if r.id != PlanItem::id_for(&p.employee, &p.competency, &p.action) {
                problems.push(Problem::new(
                    at.path("plan", &r.id, ".id"),
                    "id rencana tidak sesuai isinya (plan:<pegawai>:<kompetensi>:<tindakan>).",
                    "a plan item id does not match its content (plan:<employee>:<competency>:<action>).",
                ));
            }
        }
    }
    for r in s.employees.all() {
        if r.versions()
            .iter()
            .filter_map(|v| v.data.as_ref())
            .any(|e| e.name.trim().is_empty())
        {
            problems.push(Problem::new(
                at.path("employees", &r.id, ".data.name"),
                "nama wajib diisi.",
                "the name is required.",
            ));
        }
    }
}

/// Checks an imported file against the content this device knows: a module completion may
/// credit at most the module's JP (a module this device does not know is bounded by
/// `MAX_MODULE_JP` at import). Run after `import`, before the preview.
pub fn check_against_catalog(s: &Snapshot, catalog: &crate::domain::catalog::Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    for r in s.progress.all() {
        for p in r.versions().iter().filter_map(|v| v.data.as_ref()) {
            let (Some(c), Some(m)) = (&p.completion, catalog.module(&p.pack, &p.module)) else {
                continue;
            };
            // A hundredth of a JP of slack for decimal rounding in other tools.
            if c.jp > m.module.jp + 0.01 {
                problems.push(Problem::new(
                    format!("progress[id={}].data.completion.jp", r.id),
                    format!(
                        "JP penyelesaian ({}) melebihi JP modul {} ({}).",
                        c.jp, p.module, m.module.jp
                    ),
                    format!(
                        "completion JP ({}) exceeds the JP of module {} ({}).",
                        c.jp, p.module, m.module.jp
                    ),
                ));
            }
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    problems
}
