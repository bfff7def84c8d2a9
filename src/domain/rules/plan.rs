//! The individual development plan (IDP), generated from recommendations.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::lang::Text;

use crate::domain::model::plan::{PlanAction, PlanItem, PlanStatus};
use crate::domain::model::progress::Progress;
use crate::domain::record::Id;
use crate::domain::snapshot::Snapshot;

use super::recommend::Recommendation;

/// Plan items for the recommendations: the best module of each gap, mentoring where advised,
/// and the first other method when no module exists. Ids are derived, so generating the plan
/// again (on any device) proposes the same items, never duplicates.
pub fn proposed_items(employee: &Id, recs: &[Recommendation]) -> Vec<(Id, PlanItem)> {
    let mut out = Vec::new();
    for r in recs {
        let mut push = |action: PlanAction| {
            let id = PlanItem::id_for(employee, &r.competency, &action);
            out.push((
                id,
                PlanItem {
                    employee: employee.clone(),
                    competency: r.competency.clone(),
                    target_level: r.required,
                    action,
                    status: PlanStatus::Planned,
                    note: String::new(),
                    due: None,
                },
            ));
        };
        if let Some(m) = r.modules.first() {
            push(PlanAction::Module {
                pack: m.pack.clone(),
                module: m.module.clone(),
            });
        }
        if r.mentoring.is_some() {
            push(PlanAction::Mentoring);
        }
        if r.modules.is_empty() {
            if let Some(method) = r.methods.first() {
                push(PlanAction::Method { method: *method });
            }
        }
    }
    out
}

/// When a plan item was done by passing its module: the module's completion time, if the
/// item is a module and the person has passed it. The plan shows such an item as done without
/// anyone ticking it (and without writing anything: the completion is the record of it).
pub fn passed_on(item: &PlanItem, snapshot: &Snapshot) -> Option<DateTime<Utc>> {
    let PlanAction::Module { pack, module } = &item.action else {
        return None;
    };
    let id = Progress::id_for(&item.employee, pack, module);
    snapshot
        .progress
        .get(&id)
        .filter(|r| !r.is_deleted())
        .and_then(|r| r.data().completion.as_ref().map(|c| c.at))
}

/// Why `due` cannot be a plan item's target day: a target is set ahead, not in the past.
pub fn due_problem(due: NaiveDate, today: NaiveDate) -> Option<Text> {
    (due < today).then(|| {
        Text::new(
            "Target tidak boleh sebelum hari ini.",
            "The target cannot be before today.",
        )
    })
}

/// A plan item still open after its target day.
pub fn is_overdue(item: &PlanItem, done: bool, today: NaiveDate) -> bool {
    !done && item.due.is_some_and(|d| d < today)
}
