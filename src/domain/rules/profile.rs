//! Everything the rules say about one employee, computed in one pass: the dashboard's and the
//! cohort table's single source.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::jp::{jp_year, JpYear};
use super::jpm::{jpm, Jpm};
use super::levels::{current_levels, standings, AssessmentRef, Standing};
use super::recommend::{recommend, Recommendation};
use super::schedule::{reevaluation, Reevaluation};
use super::talent::{latest_rating, talent_box, TalentPlacement};
use crate::domain::catalog::Catalog;
use crate::domain::model::activity::Activity;
use crate::domain::model::assessment::AssessmentStatus;
use crate::domain::model::employee::{Employee, Position};
use crate::domain::model::evaluation::Rating;
use crate::domain::model::progress::Progress;
use crate::domain::record::{Id, Record};
use crate::domain::snapshot::Snapshot;
use crate::domain::sort;

/// One employee's live records, gathered once so rules over a cohort stay linear.
#[derive(Debug, Default)]
pub struct EmployeeRecords<'a> {
    pub assessments: Vec<AssessmentRef<'a>>,
    pub progress: Vec<&'a Progress>,
    pub activities: Vec<&'a Activity>,
    pub ratings: Vec<&'a Rating>,
}

/// Groups the live (not deleted) records of `snapshot` by employee.
pub fn index(snapshot: &Snapshot) -> HashMap<&Id, EmployeeRecords<'_>> {
    let mut by: HashMap<&Id, EmployeeRecords> = HashMap::new();
    for r in snapshot.assessments.live() {
        by.entry(&r.data().employee)
            .or_default()
            .assessments
            .push((&r.id, r.data(), r.updated_at()));
    }
    for r in snapshot.progress.live() {
        by.entry(&r.data().employee).or_default().progress.push(r.data());
    }
    for r in snapshot.activities.live() {
        by.entry(&r.data().employee).or_default().activities.push(r.data());
    }
    for r in snapshot.ratings.live() {
        by.entry(&r.data().employee).or_default().ratings.push(r.data());
    }
    by
}

/// The live records of one employee (for a single profile's screens).
pub fn employee_records<'a>(snapshot: &'a Snapshot, employee: &'a Id) -> EmployeeRecords<'a> {
    EmployeeRecords {
        assessments: snapshot
            .assessments
            .live_of(employee)
            .map(|r| (&r.id, r.data(), r.updated_at()))
            .collect(),
        progress: snapshot.progress.live_of(employee).map(|r| r.data()).collect(),
        activities: snapshot.activities.live_of(employee).map(|r| r.data()).collect(),
        ratings: snapshot.ratings.live_of(employee).map(|r| r.data()).collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeProfile {
    pub id: Id,
    pub name: String,
    pub nip: String,
    pub unit: String,
    pub position: Position,
    pub standings: Vec<Standing>,
    pub jpm: Option<Jpm>,
    /// JPM as it stood before the latest assessment date.
    pub previous_jpm: Option<f64>,
    /// JPM change since the previous assessment (percentage points).
    pub improvement: Option<f64>,
    pub jp: JpYear,
    pub last_assessment: Option<NaiveDate>,
    pub reevaluation: Reevaluation,
    pub recommendations: Vec<Recommendation>,
    pub talent: Option<TalentPlacement>,
}

pub fn profile(
    record: &Record<Employee>,
    recs: &EmployeeRecords,
    catalog: &Catalog,
    today: NaiveDate,
) -> EmployeeProfile {
    let rules = &catalog.rules;
    let e = record.data();
    let required = catalog.required_levels(&e.position);
    let current = current_levels(recs.assessments.iter().copied());
    let standings = standings(&required, &current);
    let jpm_now = jpm(&standings, rules);

    let mut dates: Vec<NaiveDate> = recs
        .assessments
        .iter()
        .filter(|(_, a, _)| a.status == AssessmentStatus::Final)
        .map(|(_, a, _)| a.date)
        .collect();
    sort::sort(&mut dates);
    dates.dedup();
    let last_assessment = dates.last().copied();
    let previous_jpm = last_assessment.and_then(|last| {
        let before = recs.assessments.iter().copied().filter(|(_, a, _)| a.date < last);
        let prev = super::levels::standings(&required, &current_levels(before));
        jpm(&prev, rules).map(|j| j.percent)
    });
    let improvement = match (&jpm_now, previous_jpm) {
        (Some(now), Some(prev)) => Some(((now.percent - prev) * 10.0).round() / 10.0),
        _ => None,
    };

    let completions = recs
        .progress
        .iter()
        .filter_map(|p| p.completion.as_ref().map(|c| (c.at.date_naive(), c.jp)));
    let jp = jp_year(today.year(), today, completions, recs.activities.iter().copied(), rules);

    // `collect`, unlike elsewhere (see `domain::sort`): it builds the map in bulk, and
    // inserting one by one made the 2,000-employee rules benchmark 35 % slower.
    let by_module: BTreeMap<_, _> = recs
        .progress
        .iter()
        .map(|p| ((p.pack.clone(), p.module.clone()), *p))
        .collect();
    let recommendations = recommend(&standings, catalog, &by_module, rules);
    let talent = talent_box(
        latest_rating(recs.ratings.iter().copied()),
        jpm_now.as_ref().map(|j| j.percent),
        rules,
    );

    EmployeeProfile {
        id: record.id.clone(),
        name: e.name.clone(),
        nip: e.nip.to_string(),
        unit: e.unit.clone(),
        position: e.position.clone(),
        standings,
        jpm: jpm_now,
        previous_jpm,
        improvement,
        jp,
        last_assessment,
        reevaluation: reevaluation(last_assessment, today, rules),
        recommendations,
        talent,
    }
}

/// Profiles of every live employee, in name order.
pub fn profiles(snapshot: &Snapshot, catalog: &Catalog, today: NaiveDate) -> Vec<EmployeeProfile> {
    let idx = index(snapshot);
    let empty = EmployeeRecords::default();
    let mut out: Vec<EmployeeProfile> = snapshot
        .employees
        .live()
        .map(|r| profile(r, idx.get(&r.id).unwrap_or(&empty), catalog, today))
        .collect();
    sort::sort_by(&mut out, |a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}
