//! Every conflict is visible and resolvable, whatever kind of record it is on (issue 10: public
//! feedback conflicts were once never listed). The list is built from the kind registry, so a
//! kind added later cannot be left out.

mod common;

use std::collections::BTreeSet;

use common::*;
use lentera::domain::lang::Lang;
use lentera::domain::record::{DeviceId, RecordData, Table};
use lentera::domain::snapshot::conflicts::conflicts;
use lentera::domain::snapshot::document::RecordKind;
use lentera::domain::snapshot::merge::merge;
use lentera::domain::snapshot::Snapshot;

/// Every record edited on `dev` without seeing any other device's edit.
fn touch_everything(mut s: Snapshot, dev: &DeviceId) -> Snapshot {
    fn touch<T: RecordData>(table: &mut Table<T>, dev: &DeviceId) {
        let ids: Vec<_> = table.records().map(|r| r.id.clone()).collect();
        for id in ids {
            let r = table.get_mut(&id).unwrap();
            let data = r.data().clone();
            r.edit(dev, t(2026, 11, 2), data);
        }
    }
    touch(&mut s.employees, dev);
    touch(&mut s.assessments, dev);
    touch(&mut s.progress, dev);
    touch(&mut s.activities, dev);
    touch(&mut s.ratings, dev);
    touch(&mut s.feedback, dev);
    touch(&mut s.plan, dev);
    s
}

#[test]
fn concurrent_edits_of_every_kind_are_listed_and_each_can_be_settled() {
    let base = one_record_of_every_kind("ratna");
    let a = touch_everything(base.clone(), &device("tab-a"));
    let b = touch_everything(base, &device("tab-b"));
    let (mut both, _) = merge(&a, &b);

    let everyone = |_: &lentera::domain::record::Id| true;
    let listed = conflicts(&both, &everyone, Lang::Id);
    let kinds: BTreeSet<RecordKind> = listed.iter().map(|c| c.kind).collect();
    // Progress only grows: its versions join and never conflict. Every other kind is listed,
    // public feedback included.
    let expected: BTreeSet<RecordKind> = RecordKind::ALL
        .into_iter()
        .filter(|k| *k != RecordKind::Progress)
        .collect();
    assert_eq!(kinds, expected);
    assert!(listed
        .iter()
        .all(|c| c.versions.len() == 2 && c.versions.iter().all(|v| v.summary.is_some())));
    assert_eq!(both.conflict_count(), listed.len());

    // Only the people the viewer may see.
    let only_budi = conflicts(&both, &|o| o.as_str() == "budi", Lang::Id);
    assert!(only_budi.iter().all(|c| c.owner.as_str() == "budi"));
    assert_eq!(only_budi.len(), 2, "Budi's profile and his one activity");

    for c in listed {
        // The version shown first is not at index 1: nothing is settled by a stale choice.
        assert!(!both.resolve(c.kind, &c.id, 1, &c.versions[0].clock, &device("tab-c"), t(2026, 11, 3)));
        assert!(
            both.resolve(c.kind, &c.id, 1, &c.versions[1].clock, &device("tab-c"), t(2026, 11, 3)),
            "{:?} {}",
            c.kind,
            c.id
        );
    }
    assert!(conflicts(&both, &everyone, Lang::En).is_empty());
    assert_eq!(both.conflict_count(), 0);
}

#[test]
fn settling_keeps_exactly_the_chosen_version_and_a_deletion_can_be_chosen() {
    let base = one_record_of_every_kind("ratna");
    let (a_dev, b_dev) = (device("tab-a"), device("tab-b"));
    let mut a = base.clone();
    let mut b = base;
    // The profile renamed on both; an activity deleted on A and edited on B.
    for (s, dev, name) in [(&mut a, &a_dev, "Ratna A"), (&mut b, &b_dev, "Ratna B")] {
        let r = s.employees.get_mut(&id("ratna")).unwrap();
        let mut e = r.data().clone();
        e.name = name.into();
        r.edit(dev, t(2026, 11, 2), e);
    }
    let act = id("ratna-act");
    assert!(a.activities.delete(&act, &a_dev, t(2026, 11, 2)));
    let r = b.activities.get_mut(&act).unwrap();
    let mut edited = r.data().clone();
    edited.hours = 9.0;
    r.edit(&b_dev, t(2026, 11, 2), edited);
    let (mut both, _) = merge(&a, &b);

    let everyone = |_: &lentera::domain::record::Id| true;
    let listed = conflicts(&both, &everyone, Lang::En);
    let profile = listed.iter().find(|c| c.kind == RecordKind::Employees).unwrap();
    let b_at = profile
        .versions
        .iter()
        .position(|v| v.summary.as_deref().is_some_and(|s| s.starts_with("Ratna B")))
        .unwrap();
    assert!(both.resolve(
        RecordKind::Employees,
        &profile.id,
        b_at,
        &profile.versions[b_at].clock,
        &device("tab-c"),
        t(2026, 11, 3)
    ));
    assert_eq!(both.employees.get(&id("ratna")).unwrap().data().name, "Ratna B");

    let activity = listed
        .iter()
        .find(|c| c.kind == RecordKind::Activities && c.id == act)
        .unwrap();
    let deletion = activity
        .versions
        .iter()
        .position(|v| v.summary.is_none())
        .expect("the deletion is listed");
    assert!(both.resolve(
        RecordKind::Activities,
        &act,
        deletion,
        &activity.versions[deletion].clock,
        &device("tab-c"),
        t(2026, 11, 3)
    ));
    assert!(
        both.activities.get(&act).is_none(),
        "keeping the deletion erases the activity"
    );
    assert!(conflicts(&both, &everyone, Lang::En)
        .iter()
        .all(|c| c.id != act && c.kind != RecordKind::Employees));
}
