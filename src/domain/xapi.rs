//! A learner's records as xAPI 1.0.3 statements, for a Learning Record Store (`docs/xapi.md`).
//!
//! - **Actor**: the person by their NIP as an account (`account.homePage` = BKN, which issues
//!   NIPs; `account.name` = the NIP), with their name.
//! - **Statements**: a module completed (`completed`), each quiz attempt (`passed` / `failed`,
//!   with the score), each development activity outside the app (`attended`, with its hours as
//!   an ISO 8601 duration). JP travel as a result extension.
//! - **Ids**: every statement id is a name-based UUID (version 5, RFC 4122) of what the
//!   statement reports — the record and the event, never the time of export — so sending the
//!   same export twice, or two exports that overlap, changes nothing in an LRS.
//! - **Activity ids** are IRIs under the site's own address (`base`), where the agency publishes
//!   Lentera: `<base>xapi/module/<pack>/<module>`, `…/quiz/…`, `<base>xapi/activity/<record id>`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde_json::{json, Map, Value};
use sha1::{Digest, Sha1};

use super::catalog::Catalog;
use super::lang::Text;
use super::model::activity::Activity;
use super::model::employee::Employee;
use super::model::progress::Progress;
use super::record::Id;
use super::rules::jp::activity_jp;
use super::rules_config::RulesConfig;
use super::snapshot::Snapshot;
use super::sort;

/// Where NIPs are issued: the `homePage` of every actor's account.
pub const NIP_HOME_PAGE: &str = "https://www.bkn.go.id";

/// The namespace of Lentera's statement ids (a fixed random UUID, so that no other system's
/// name-based ids collide with them).
const NAMESPACE: [u8; 16] = [
    0x6c, 0x9a, 0x2e, 0x41, 0x0d, 0x57, 0x4b, 0x8e, 0x9f, 0x13, 0xa4, 0x22, 0x7b, 0xc1, 0x58, 0x3d,
];

pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
pub const VERB_ATTENDED: &str = "http://adlnet.gov/expapi/verbs/attended";

const TYPE_MODULE: &str = "http://adlnet.gov/expapi/activities/module";
const TYPE_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
const TYPE_COURSE: &str = "http://adlnet.gov/expapi/activities/course";

/// A name-based UUID, version 5 (RFC 4122 §4.3): SHA-1 of the namespace and the name.
pub fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    let mut h = Sha1::new();
    h.update(namespace);
    h.update(name.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// An ISO 8601 duration of `hours`, to the minute: `PT6H`, `PT1H30M`, `PT0M`.
pub fn iso_duration(hours: f64) -> String {
    let minutes = (hours.max(0.0) * 60.0).round() as u64;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// A language map (xAPI 1.0.3 §4.1.11) of a bilingual text.
fn lang_map(t: &Text) -> Value {
    let mut m = Map::new();
    m.insert("id-ID".into(), Value::from(t.id.clone()));
    if !t.en.is_empty() {
        m.insert("en-US".into(), Value::from(t.en.clone()));
    }
    Value::Object(m)
}

fn iri_segment(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The statements of `employee`'s records in `snapshot`, oldest first. `base`: the site's
/// address, ending in `/`. Activity names come from `catalog` where it knows the module.
pub fn statements(snapshot: &Snapshot, employee: &Id, catalog: &Catalog, base: &str) -> Vec<Value> {
    let Some(person) = snapshot.employees.get(employee).filter(|r| !r.is_deleted()) else {
        return Vec::new();
    };
    let actor = actor(person.data());
    // (when, order among statements of the same moment: an attempt before the completion it
    // brought, statement)
    let mut out: Vec<(DateTime<Utc>, u8, Value)> = Vec::new();
    for p in snapshot.progress.live_of(employee).map(|r| r.data()) {
        module_statements(p, &actor, catalog, base, &mut out);
    }
    for r in snapshot.activities.live_of(employee) {
        let (at, statement) = activity_statement(&r.id, r.data(), &actor, &catalog.rules, base);
        out.push((at, 0, statement));
    }
    sort::sort_by(&mut out, |a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| a.2["id"].as_str().cmp(&b.2["id"].as_str()))
    });
    out.into_iter().map(|(_, _, s)| s).collect()
}

fn actor(e: &Employee) -> Value {
    json!({
        "objectType": "Agent",
        "name": e.name,
        "account": { "homePage": NIP_HOME_PAGE, "name": e.nip.as_str() },
    })
}

fn verb(id: &str, id_text: &str, en: &str) -> Value {
    json!({ "id": id, "display": { "id-ID": id_text, "en-US": en } })
}

fn context(parent: Option<Value>) -> Value {
    let mut c = json!({ "platform": "Lentera", "language": "id-ID" });
    if let Some(p) = parent {
        c["contextActivities"] = json!({ "parent": [p] });
    }
    c
}

/// The result extension carrying JP (*jam pelajaran*), under the site's address.
pub fn jp_iri(base: &str) -> String {
    format!("{base}xapi/extensions/jp")
}

/// `{ <jp extension>: jp }`.
fn jp_extension(base: &str, jp: f64) -> Value {
    let mut m = Map::new();
    m.insert(jp_iri(base), Value::from(jp));
    Value::Object(m)
}

fn module_statements(
    p: &Progress,
    actor: &Value,
    catalog: &Catalog,
    base: &str,
    out: &mut Vec<(DateTime<Utc>, u8, Value)>,
) {
    let (pack, module) = (iri_segment(&p.pack), iri_segment(&p.module));
    let title = catalog
        .module(&p.pack, &p.module)
        .map(|m| m.module.title.clone())
        .unwrap_or_else(|| Text::new(p.module.clone(), String::new()));
    let module_object = json!({
        "objectType": "Activity",
        "id": format!("{base}xapi/module/{pack}/{module}"),
        "definition": { "type": TYPE_MODULE, "name": lang_map(&title) },
    });
    let quiz_object = json!({
        "objectType": "Activity",
        "id": format!("{base}xapi/quiz/{pack}/{module}"),
        "definition": {
            "type": TYPE_ASSESSMENT,
            "name": lang_map(&Text::new(format!("Kuis: {}", title.id), if title.en.is_empty() { String::new() } else { format!("Quiz: {}", title.en) })),
        },
    });
    for (attempt, a) in &p.attempts {
        let (verb_id, id_text, en) = if a.passed {
            (VERB_PASSED, "lulus", "passed")
        } else {
            (VERB_FAILED, "tidak lulus", "failed")
        };
        let statement = json!({
            "id": uuid_v5(&NAMESPACE, &format!("quiz-attempt/{}/{}/{}/{}", p.employee.as_str(), p.pack, p.module, attempt.as_str())),
            "actor": actor,
            "verb": verb(verb_id, id_text, en),
            "object": quiz_object,
            "result": {
                "score": { "scaled": a.score as f64 / 100.0, "raw": a.correct, "min": 0, "max": a.total },
                "success": a.passed,
                "completion": true,
            },
            "context": context(Some(json!({ "id": module_object["id"], "objectType": "Activity" }))),
            "timestamp": a.at.to_rfc3339(),
        });
        out.push((a.at, 0, statement));
    }
    if let Some(c) = &p.completion {
        let statement = json!({
            "id": uuid_v5(&NAMESPACE, &format!("module-completed/{}/{}/{}", p.employee.as_str(), p.pack, p.module)),
            "actor": actor,
            "verb": verb(VERB_COMPLETED, "menyelesaikan", "completed"),
            "object": module_object,
            "result": { "completion": true, "success": true, "extensions": jp_extension(base, c.jp) },
            "context": context(None),
            "timestamp": c.at.to_rfc3339(),
        });
        out.push((c.at, 1, statement));
    }
}

fn activity_statement(id: &Id, a: &Activity, actor: &Value, rules: &RulesConfig, base: &str) -> (DateTime<Utc>, Value) {
    let at = end_of(a.end);
    let statement = json!({
        "id": uuid_v5(&NAMESPACE, &format!("activity/{}/{}", a.employee.as_str(), id.as_str())),
        "actor": actor,
        "verb": verb(VERB_ATTENDED, "mengikuti", "attended"),
        "object": {
            "objectType": "Activity",
            "id": format!("{base}xapi/activity/{}", iri_segment(id.as_str())),
            "definition": {
                "type": TYPE_COURSE,
                "name": lang_map(&Text::new(a.title.clone(), String::new())),
                "description": lang_map(&a.method.label()),
            },
        },
        "result": {
            "completion": true,
            "duration": iso_duration(a.hours),
            "extensions": jp_extension(base, activity_jp(a, rules)),
        },
        "context": context(None),
        "timestamp": at.to_rfc3339(),
    });
    (at, statement)
}

/// An activity is reported at the start of its last day (UTC): Lentera keeps days, not times.
fn end_of(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

/// The statements as the file a learner downloads: a JSON array, ready for an LRS's
/// `POST /statements`.
pub fn export_json(snapshot: &Snapshot, employee: &Id, catalog: &Catalog, base: &str) -> String {
    serde_json::to_string_pretty(&Value::Array(statements(snapshot, employee, catalog, base)))
        .expect("JSON values serialise")
}

/// `lentera-xapi-<name>-<date>.json`.
pub fn file_name(label: &str, date: NaiveDate) -> String {
    super::snapshot::export::file_name(&format!("xapi {label}"), date)
}
