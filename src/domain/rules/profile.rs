//! Everything the rules say about one employee, computed in one pass: the dashboard's and the
//! cohort table's single source.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::jp::{jp_year, JpYear};
use super::jpm::{jpm_weighted, Jpm, TypeSplit};
use super::levels::{current_levels, standings, AssessmentRef, LevelSource, Standing};
use super::proof::{proof_of, Proof, Verified};
use super::recommend::{recommend, Recommendation};
use super::schedule::{reevaluation, Reevaluation};
use super::talent::{latest_rating, talent_box, TalentPlacement};
use crate::domain::catalog::Catalog;
use crate::domain::model::activity::Activity;
use crate::domain::model::assessment::{Assessment, AssessmentKind, AssessmentStatus};
use crate::domain::model::competency::CompetencyType;
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
    /// Each rating with whether its signature checks.
    pub ratings: Vec<(&'a Rating, Proof)>,
}

fn assessment_ref<'a>(snapshot: &'a Snapshot, r: &'a Record<Assessment>) -> AssessmentRef<'a> {
    // Only a verified assessment's signature matters; self-assessments skip the check.
    let proof = match r.data().kind {
        AssessmentKind::Verified => proof_of(&r.id, r.data(), &snapshot.employees),
        AssessmentKind::SelfAssessment => Proof::SelfReported,
    };
    AssessmentRef::new(&r.id, r.data(), r.updated_at(), proof)
}

fn rating_ref<'a>(snapshot: &'a Snapshot, r: &'a Record<Rating>) -> (&'a Rating, Proof) {
    (r.data(), proof_of(&r.id, r.data(), &snapshot.employees))
}

/// Groups the live (not deleted) records of `snapshot` by employee.
pub fn index(snapshot: &Snapshot) -> HashMap<&Id, EmployeeRecords<'_>> {
    let mut by: HashMap<&Id, EmployeeRecords> = HashMap::new();
    for r in snapshot.assessments.live() {
        by.entry(&r.data().employee)
            .or_default()
            .assessments
            .push(assessment_ref(snapshot, r));
    }
    for r in snapshot.progress.live() {
        by.entry(&r.data().employee).or_default().progress.push(r.data());
    }
    for r in snapshot.activities.live() {
        by.entry(&r.data().employee).or_default().activities.push(r.data());
    }
    for r in snapshot.ratings.live() {
        by.entry(&r.data().employee)
            .or_default()
            .ratings
            .push(rating_ref(snapshot, r));
    }
    by
}

/// The live records of one employee (for a single profile's screens).
pub fn employee_records<'a>(snapshot: &'a Snapshot, employee: &'a Id) -> EmployeeRecords<'a> {
    EmployeeRecords {
        assessments: snapshot
            .assessments
            .live_of(employee)
            .map(|r| assessment_ref(snapshot, r))
            .collect(),
        progress: snapshot.progress.live_of(employee).map(|r| r.data()).collect(),
        activities: snapshot.activities.live_of(employee).map(|r| r.data()).collect(),
        ratings: snapshot
            .ratings
            .live_of(employee)
            .map(|r| rating_ref(snapshot, r))
            .collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeProfile {
    pub id: Id,
    pub name: String,
    pub nip: String,
    pub unit: String,
    pub position: Position,
    /// The civil-service grade (golongan/ruang, e.g. `III/c`), as written.
    pub grade: String,
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
    /// The latest proven verification of levels: who signed, and its date.
    pub verified: Option<Verified>,
    /// Who signed the rating behind `talent`.
    pub rated: Option<Verified>,
    /// Verified assessments and ratings whose signature does not check (self-reported,
    /// changed, or signer unknown here): shown, never counted as verified.
    pub unproven: usize,
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
    let current = current_levels(&recs.assessments);
    let standings = standings(&required, &current);
    let technical = |code: &str| catalog.competency_type(code) == Some(CompetencyType::Teknis);
    let split = || {
        rules.type_weights_for(e.position.kind).map(|weights| TypeSplit {
            weights,
            technical: &technical,
        })
    };
    let jpm_now = jpm_weighted(&standings, split(), rules);

    let mut dates: Vec<NaiveDate> = recs
        .assessments
        .iter()
        .filter(|r| r.data.status == AssessmentStatus::Final)
        .map(|r| r.data.date)
        .collect();
    sort::sort(&mut dates);
    dates.dedup();
    let last_assessment = dates.last().copied();
    let previous_jpm = last_assessment.and_then(|last| {
        let before = recs.assessments.iter().filter(|r| r.data.date < last);
        let prev = super::levels::standings(&required, &current_levels(before));
        jpm_weighted(&prev, split(), rules).map(|j| j.percent)
    });
    let improvement = match (&jpm_now, previous_jpm) {
        (Some(now), Some(prev)) => Some(crate::domain::round::one_decimal(now.percent - prev)),
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
    // Only a signed rating places someone in the talent box.
    let rating = latest_rating(
        recs.ratings
            .iter()
            .filter(|(_, p)| p.verifier().is_some())
            .map(|(r, _)| *r),
    );
    let rated = rating.and_then(|r| {
        let (_, proof) = recs.ratings.iter().find(|(x, _)| std::ptr::eq(*x, r))?;
        Some(Verified {
            by: proof.verifier()?.clone(),
            date: r.date,
        })
    });
    let talent = talent_box(rating, jpm_now.as_ref().map(|j| j.percent), rules);
    let verified = recs
        .assessments
        .iter()
        .filter(|r| r.data.status == AssessmentStatus::Final)
        .filter_map(|r| r.proof.verifier().map(|v| (r.data.date, r.written, v)))
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(date, _, v)| Verified { by: v.clone(), date });
    let unproven = recs
        .assessments
        .iter()
        .filter(|r| r.data.status == AssessmentStatus::Final && r.source() == LevelSource::Unproven)
        .count()
        + recs.ratings.iter().filter(|(_, p)| p.verifier().is_none()).count();

    EmployeeProfile {
        id: record.id.clone(),
        name: e.name.clone(),
        nip: e.nip.to_string(),
        unit: e.unit.clone(),
        position: e.position.clone(),
        grade: e.grade.to_string(),
        standings,
        jpm: jpm_now,
        previous_jpm,
        improvement,
        jp,
        last_assessment,
        reevaluation: reevaluation(last_assessment, today, rules),
        recommendations,
        talent,
        verified,
        rated,
        unproven,
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

/// The records behind one person's figures, for the trainer's person view.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonDetail {
    /// Activities of `year`, newest first, each with the JP the rules credit.
    pub activities: Vec<(crate::domain::model::activity::Activity, f64)>,
    /// Modules completed in `year`: pack, module, the day, JP credited. Newest first.
    pub modules: Vec<(String, String, NaiveDate, f64)>,
    pub plan: Vec<crate::domain::model::plan::PlanItem>,
    /// When a record of theirs was last written, on whichever device: how fresh the trainer's
    /// copy is.
    pub last_written: Option<chrono::DateTime<chrono::Utc>>,
    /// PINs a trainer reset on one of their devices (`Snapshot::reset_pin`), oldest first.
    pub pin_resets: Vec<crate::domain::model::employee::PinReset>,
}

pub fn person_detail(
    snapshot: &Snapshot,
    employee: &Id,
    rules: &crate::domain::rules_config::RulesConfig,
    year: i32,
) -> PersonDetail {
    let mut activities: Vec<_> = snapshot
        .activities
        .live_of(employee)
        .map(|r| r.data())
        .filter(|a| a.end.year() == year)
        .map(|a| (a.clone(), super::jp::activity_jp(a, rules)))
        .collect();
    sort::sort_by(&mut activities, |a, b| b.0.end.cmp(&a.0.end));
    let mut modules: Vec<_> = snapshot
        .progress
        .live_of(employee)
        .filter_map(|r| {
            let p = r.data();
            let c = p.completion.as_ref()?;
            (c.at.year() == year).then(|| (p.pack.clone(), p.module.clone(), c.at.date_naive(), c.jp))
        })
        .collect();
    sort::sort_by(&mut modules, |a, b| b.2.cmp(&a.2));
    let mut plan: Vec<_> = snapshot.plan.live_of(employee).map(|r| r.data().clone()).collect();
    sort::sort_by(&mut plan, |a, b| a.competency.cmp(&b.competency));
    PersonDetail {
        activities,
        modules,
        plan,
        last_written: last_written(snapshot).get(employee).copied(),
        pin_resets: snapshot
            .employees
            .get(employee)
            .map(|r| r.data().pin_resets.clone())
            .unwrap_or_default(),
    }
}

/// When a record of each person was last written, on whichever device: how fresh the trainer's
/// copy of them is. Deleted records count too (a deletion is news).
pub fn last_written(snapshot: &Snapshot) -> std::collections::BTreeMap<Id, chrono::DateTime<chrono::Utc>> {
    use crate::domain::record::{RecordData, Table};
    use crate::domain::snapshot::document::{RecordKind, TableVisitor};
    struct Latest(std::collections::BTreeMap<Id, chrono::DateTime<chrono::Utc>>);
    impl TableVisitor for Latest {
        fn visit<T: RecordData>(&mut self, kind: RecordKind, t: &Table<T>) {
            for r in t.records() {
                let person = match kind {
                    RecordKind::Employees => Some(&r.id),
                    _ => r.owner(),
                };
                if let Some(person) = person {
                    let at = r.updated_at();
                    let e = self.0.entry(person.clone()).or_insert(at);
                    *e = (*e).max(at);
                }
            }
        }
    }
    let mut latest = Latest(Default::default());
    snapshot.visit(&mut latest);
    latest.0
}
