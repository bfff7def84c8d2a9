//! Learning together (`model::session`, `Snapshot::record_session`, `rules::sessions`): a
//! group session credits each attendee who confirmed it, in their own record, with the JP of
//! the session kind's method; the trainer gathers the sessions back.

mod common;

use common::*;
use lentera::domain::model::activity::Method;
use lentera::domain::model::employee::PositionKind;
use lentera::domain::model::session::{Confirmed, SessionField, SessionForm, SessionKind};
use lentera::domain::rules::jp::activity_jp;
use lentera::domain::rules::sessions::sessions;
use lentera::domain::rules_config::RulesConfig;
use lentera::domain::snapshot::Snapshot;

fn office() -> Snapshot {
    let mut s = Snapshot::default();
    for (k, n) in [
        ("siti", "Siti Aminah"),
        ("budi", "Budi Santoso"),
        ("ayu", "Ayu Lestari"),
        ("dedi", "Dedi Kurnia"),
    ] {
        s.employees.upsert(employee_record(k, n, PositionKind::Pelaksana));
    }
    s
}

fn form() -> SessionForm {
    SessionForm {
        topic: "Berbagi praktik baik pelayanan KTP".into(),
        kind: Some(SessionKind::CommunityOfPractice),
        date: "2026-11-27".into(),
        hours: "3".into(),
        sign_in_list: "DH-014/XI/2026".into(),
    }
}

#[test]
fn a_session_credits_each_confirmed_attendee_by_the_methods_rule() {
    let mut s = office();
    let mut n = 0;
    let confirmed = [
        (id("budi"), Confirmed::OwnPin),
        (id("ayu"), Confirmed::OpenProfile),
        (
            id("dedi"),
            Confirmed::SignInList {
                reference: "DH-014/XI/2026".into(),
            },
        ),
    ];
    let credited = s
        .record_session(
            &id("siti"),
            &form(),
            &confirmed,
            id("sesi-1"),
            || {
                n += 1;
                id(&format!("act-{n}"))
            },
            d(2026, 11, 30),
            &device("tab"),
            t(2026, 11, 30),
        )
        .unwrap();
    assert_eq!(credited, 3);
    let rules = RulesConfig::default();
    for who in ["budi", "ayu", "dedi"] {
        let mine: Vec<_> = s.activities.live_of(&id(who)).map(|r| r.data().clone()).collect();
        assert_eq!(mine.len(), 1, "{who}");
        let a = &mine[0];
        assert_eq!(a.method, Method::KomunitasBelajar);
        // docs/rules.md §5: community of practice, factor 0.5: 3 h × 60 ÷ 45 × 0.5 = 2 JP.
        assert_eq!(activity_jp(a, &rules), 2.0);
        let link = a.session.as_ref().unwrap();
        assert_eq!(
            (link.id.as_str(), link.facilitator_name.as_str()),
            ("sesi-1", "Siti Aminah")
        );
    }
    assert_eq!(
        s.activities.live_of(&id("siti")).count(),
        0,
        "the facilitator only when listed"
    );
    let dedi = s.activities.live_of(&id("dedi")).next().unwrap().data().clone();
    assert_eq!(dedi.evidence, "Daftar hadir DH-014/XI/2026");

    let seen = sessions(&s, &rules);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].topic, "Berbagi praktik baik pelayanan KTP");
    assert_eq!(seen[0].jp, 2.0);
    let names: Vec<&str> = seen[0].attendees.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Ayu Lestari", "Budi Santoso", "Dedi Kurnia"]);
}

#[test]
fn a_session_nobody_confirmed_or_with_bad_fields_writes_nothing() {
    let mut s = office();
    let before = s.to_json();
    let bad = SessionForm {
        topic: " ".into(),
        kind: None,
        date: "2099-01-01".into(),
        hours: "30".into(),
        sign_in_list: String::new(),
    };
    let errs = s
        .record_session(
            &id("siti"),
            &bad,
            &[(
                id("dedi"),
                Confirmed::SignInList {
                    reference: String::new(),
                },
            )],
            id("s"),
            || id("x"),
            d(2026, 11, 30),
            &device("tab"),
            t(2026, 11, 30),
        )
        .unwrap_err();
    let fields: Vec<SessionField> = errs.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            SessionField::Topic,
            SessionField::Kind,
            SessionField::Date,
            SessionField::Hours,
            SessionField::SignInList
        ]
    );
    let none = s.record_session(
        &id("siti"),
        &form(),
        &[],
        id("s"),
        || id("x"),
        d(2026, 11, 30),
        &device("tab"),
        t(2026, 11, 30),
    );
    assert_eq!(none.unwrap_err()[0].0, SessionField::Attendees);
    // Someone not on this device, or twice: refused.
    for list in [
        vec![(id("nobody"), Confirmed::OwnPin)],
        vec![(id("budi"), Confirmed::OwnPin), (id("budi"), Confirmed::OpenProfile)],
    ] {
        assert!(s
            .record_session(
                &id("siti"),
                &form(),
                &list,
                id("s"),
                || id("x"),
                d(2026, 11, 30),
                &device("tab"),
                t(2026, 11, 30)
            )
            .is_err());
    }
    assert_eq!(s.to_json(), before);
}
