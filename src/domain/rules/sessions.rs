//! The group sessions in a set of records (the trainer's cohort): each attendee's activity
//! carries its session (`model::session`), so a session is gathered back from them.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::model::session::{Confirmed, SessionKind};
use crate::domain::record::Id;
use crate::domain::rules::jp::activity_jp;
use crate::domain::rules_config::RulesConfig;
use crate::domain::snapshot::Snapshot;
use crate::domain::sort;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub id: Id,
    pub topic: String,
    pub kind: SessionKind,
    pub date: NaiveDate,
    pub hours: f64,
    pub facilitator_name: String,
    /// The JP each attendee was credited.
    pub jp: f64,
    /// Who was credited, by name, and how they confirmed; by name.
    pub attendees: Vec<(String, Confirmed)>,
}

/// Every session of `snapshot`, newest first.
pub fn sessions(snapshot: &Snapshot, rules: &RulesConfig) -> Vec<SessionSummary> {
    let mut by_id: BTreeMap<Id, SessionSummary> = BTreeMap::new();
    for a in snapshot.activities.live().map(|r| r.data()) {
        let Some(link) = &a.session else { continue };
        let name = snapshot
            .employees
            .get(&a.employee)
            .filter(|r| !r.is_deleted())
            .map(|r| r.data().name.clone())
            .unwrap_or_default();
        let entry = by_id.entry(link.id.clone()).or_insert_with(|| SessionSummary {
            id: link.id.clone(),
            topic: a.title.clone(),
            kind: link.kind,
            date: a.end,
            hours: a.hours,
            facilitator_name: link.facilitator_name.clone(),
            jp: activity_jp(a, rules),
            attendees: Vec::new(),
        });
        entry.attendees.push((name, link.confirmed.clone()));
    }
    let mut out: Vec<SessionSummary> = by_id.into_values().collect();
    for s in &mut out {
        sort::sort_by(&mut s.attendees, |a, b| a.0.to_lowercase().cmp(&b.0.to_lowercase()));
    }
    sort::sort_by(&mut out, |a, b| b.date.cmp(&a.date).then_with(|| a.topic.cmp(&b.topic)));
    out
}
