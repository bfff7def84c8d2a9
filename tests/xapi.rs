//! A learner's records as xAPI 1.0.3 statements (`domain::xapi`, `docs/xapi.md`), checked
//! against the statement rules of the specification (Part 2, §2.2–§2.4): required properties,
//! identifier formats, language maps, scores, ISO 8601 durations and timestamps, id uniqueness.

mod common;

use common::*;
use lentera::domain::catalog::Catalog;
use lentera::domain::model::progress::{Completion, Progress, QuizAttempt};
use lentera::domain::record::Record;
use lentera::domain::snapshot::Snapshot;
use lentera::domain::xapi::{
    iso_duration, statements, uuid_v5, NIP_HOME_PAGE, VERB_ATTENDED, VERB_COMPLETED, VERB_FAILED, VERB_PASSED,
};
use serde_json::Value;

const BASE: &str = "https://dinas.example.go.id/lentera/";

/// Ratna (one activity, a module in progress) plus: two attempts at `pack-a/mod-2`, the
/// second passing and completing it.
fn learner() -> Snapshot {
    let mut s = one_record_of_every_kind("ratna");
    let mut p = Progress::new(id("ratna"), "pack-a".into(), "mod-2".into());
    for (k, (score, passed)) in [(40u8, false), (80, true)].into_iter().enumerate() {
        p.attempts.insert(
            id(&format!("try-{k}")),
            QuizAttempt {
                at: t(2026, 4, 1 + k as u32),
                answers: vec![vec![0]; 5],
                correct: score as u32 / 20,
                total: 5,
                score,
                passed,
            },
        );
    }
    p.completion = Some(Completion {
        at: t(2026, 4, 2),
        attempt: id("try-1"),
        jp: 3.0,
    });
    s.progress.upsert(Record::create(
        Progress::id_for(&id("ratna"), "pack-a", "mod-2"),
        &device("tab"),
        t(2026, 4, 2),
        p,
    ));
    s
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && s.chars()
            .enumerate()
            .all(|(i, c)| [8, 13, 18, 23].contains(&i) || c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        && (b'1'..=b'5').contains(&b[14])
        && b"89ab".contains(&b[19])
}

fn is_absolute_iri(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !s.contains(' ')
    })
}

fn is_language_map(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        !m.is_empty()
            && m.iter().all(|(tag, text)| {
                tag.len() >= 2 && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && text.is_string()
            })
    })
}

/// ISO 8601 duration: P[nY][nM][nD][T[nH][nM][n[.n]S]] with at least one part after P/T.
fn is_iso_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else { return false };
    let (date, time) = rest.split_once('T').map_or((rest, None), |(d, t)| (d, Some(t)));
    let parts = |x: &str, units: &str| -> bool {
        let mut num = String::new();
        let mut last = None;
        for c in x.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
            } else {
                let Some(pos) = units.find(c) else { return false };
                if num.is_empty() || last.is_some_and(|l| pos <= l) {
                    return false;
                }
                last = Some(pos);
                num.clear();
            }
        }
        num.is_empty()
    };
    parts(date, "YMWD") && time.is_none_or(|t| !t.is_empty() && parts(t, "HMS")) && (!date.is_empty() || time.is_some())
}

/// Every rule of xAPI 1.0.3 Part 2 §2.4 the statements use; returns what breaks one.
fn problems(s: &Value) -> Vec<String> {
    let mut p = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            p.push(format!("{what}: {s}"));
        }
    };
    need(s["id"].as_str().is_some_and(is_uuid), "id is a lowercase RFC 4122 UUID");
    let actor = &s["actor"];
    need(actor["objectType"] == "Agent", "actor is an Agent");
    let ifis = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .filter(|k| actor.get(**k).is_some())
        .count();
    need(ifis == 1, "actor has exactly one inverse functional identifier");
    need(
        actor["account"]["homePage"].as_str().is_some_and(is_absolute_iri),
        "account.homePage is an IRL",
    );
    need(
        actor["account"]["name"]
            .as_str()
            .is_some_and(|n| n.len() == 18 && n.bytes().all(|b| b.is_ascii_digit())),
        "account.name is the NIP",
    );
    need(
        s["verb"]["id"].as_str().is_some_and(is_absolute_iri),
        "verb.id is an IRI",
    );
    need(is_language_map(&s["verb"]["display"]), "verb.display is a language map");
    let object = &s["object"];
    need(object["objectType"] == "Activity", "object is an Activity");
    need(
        object["id"].as_str().is_some_and(is_absolute_iri),
        "object.id is an IRI",
    );
    need(
        object["definition"]["type"].as_str().is_some_and(is_absolute_iri),
        "definition.type is an IRI",
    );
    need(
        is_language_map(&object["definition"]["name"]),
        "definition.name is a language map",
    );
    if let Some(score) = s["result"].get("score") {
        let scaled = score["scaled"].as_f64().unwrap_or(f64::NAN);
        need((-1.0..=1.0).contains(&scaled), "score.scaled in [-1, 1]");
        let (raw, min, max) = (score["raw"].as_f64(), score["min"].as_f64(), score["max"].as_f64());
        need(
            raw.zip(min)
                .zip(max)
                .is_some_and(|((r, lo), hi)| lo <= r && r <= hi && lo < hi),
            "min ≤ raw ≤ max",
        );
    }
    if let Some(d) = s["result"].get("duration") {
        need(
            d.as_str().is_some_and(is_iso_duration),
            "result.duration is an ISO 8601 duration",
        );
    }
    if let Some(ext) = s["result"].get("extensions") {
        need(
            ext.as_object().is_some_and(|m| m.keys().all(|k| is_absolute_iri(k))),
            "extension keys are IRIs",
        );
    }
    need(
        s["timestamp"]
            .as_str()
            .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok()),
        "timestamp is ISO 8601 with a time zone",
    );
    let allowed = ["id", "actor", "verb", "object", "result", "context", "timestamp"];
    need(
        s.as_object()
            .is_some_and(|m| m.keys().all(|k| allowed.contains(&k.as_str()))),
        "no property the LRS sets or the spec lacks",
    );
    p
}

#[test]
fn every_statement_keeps_the_rules_of_xapi_1_0_3() {
    let all = statements(&learner(), &id("ratna"), &Catalog::default(), BASE);
    let verbs: Vec<&str> = all.iter().map(|s| s["verb"]["id"].as_str().unwrap()).collect();
    // Oldest first: the seminar (2 March), the failed and the passing attempt, the completion.
    assert_eq!(verbs, [VERB_ATTENDED, VERB_FAILED, VERB_PASSED, VERB_COMPLETED]);
    for s in &all {
        assert_eq!(problems(s), Vec::<String>::new());
        assert_eq!(s["actor"]["account"]["homePage"], NIP_HOME_PAGE);
    }
    let ids: std::collections::BTreeSet<&str> = all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), all.len(), "statement ids are unique");
    // What the records say, carried over.
    assert_eq!(all[0]["result"]["duration"], "PT6H");
    assert_eq!(
        all[0]["object"]["definition"]["name"]["id-ID"],
        "Seminar kearsipan digital"
    );
    assert_eq!(all[1]["result"]["score"]["scaled"], 0.4);
    assert_eq!(all[1]["result"]["success"], false);
    assert_eq!(
        all[2]["context"]["contextActivities"]["parent"][0]["id"],
        format!("{BASE}xapi/module/pack-a/mod-2")
    );
    assert_eq!(all[3]["result"]["extensions"][format!("{BASE}xapi/extensions/jp")], 3.0);
    // Only Ratna's: Budi's activity is not among them.
    assert!(all.iter().all(|s| s["actor"]["name"] == "Ratna Sari"));
}

#[test]
fn sending_again_changes_nothing_statement_ids_depend_on_what_happened_only() {
    let once = statements(&learner(), &id("ratna"), &Catalog::default(), BASE);
    let again = statements(&learner(), &id("ratna"), &Catalog::default(), BASE);
    assert_eq!(once, again, "the same export twice: the same statements");
    // A later export, after another activity, repeats the earlier statements unchanged.
    let mut later = learner();
    let mut more = later.activities.get(&id("ratna-act")).unwrap().data().clone();
    more.title = "Workshop arsip".into();
    later
        .activities
        .upsert(Record::create(id("ratna-act-2"), &device("tab"), t(2026, 5, 1), more));
    let after = statements(&later, &id("ratna"), &Catalog::default(), BASE);
    assert_eq!(after.len(), once.len() + 1);
    for s in &once {
        assert!(after.contains(s), "{s}");
    }
}

#[test]
fn uuids_are_version_5_and_durations_iso_8601() {
    // RFC 4122 appendix B's example (namespace DNS, "www.example.com") — as computed by
    // Python's uuid.uuid5.
    let dns = [
        0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ];
    assert_eq!(uuid_v5(&dns, "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    assert_eq!(iso_duration(6.0), "PT6H");
    assert_eq!(iso_duration(1.5), "PT1H30M");
    assert_eq!(iso_duration(0.25), "PT15M");
    assert_eq!(iso_duration(0.0), "PT0M");
    for d in ["PT6H", "PT1H30M", "P1D", "PT0.5S"] {
        assert!(is_iso_duration(d), "{d}");
    }
    for d in ["6H", "PT", "P", "PTH", "PT30M1H"] {
        assert!(!is_iso_duration(d), "{d}");
    }
}

#[test]
fn nothing_for_someone_not_on_the_device() {
    assert!(statements(&learner(), &id("nobody"), &Catalog::default(), BASE).is_empty());
}
