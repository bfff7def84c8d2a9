//! Every unresolved conflict, of every kind of record, in one list a person can act on.
//!
//! A conflict is two versions of one record edited on two devices without seeing each other
//! (`record.rs`). Each kind says how one of its versions reads in a line (`Describe`); the
//! list is built from the kind registry, so no kind can be left out of it.

use chrono::{DateTime, Utc};

use super::document::{RecordKind, Snapshot};
use crate::domain::format::{date, number};
use crate::domain::lang::Lang;
use crate::domain::model::activity::Activity;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::employee::Employee;
use crate::domain::model::evaluation::{Feedback, Rating};
use crate::domain::model::plan::{PlanAction, PlanItem, PlanStatus};
use crate::domain::model::progress::Progress;
use crate::domain::record::{Clock, DeviceId, Id, Record, RecordData, Table};

/// One line describing a version of a record, in `lang`.
pub trait Describe {
    fn describe(&self, lang: Lang) -> String;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictVersion {
    /// `None` for a deletion.
    pub summary: Option<String>,
    /// Which version this is (`Snapshot::resolve` checks it is still there).
    pub clock: Clock,
    pub updated_at: DateTime<Utc>,
    pub device: DeviceId,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: RecordKind,
    pub id: Id,
    /// Whose record it is.
    pub owner: Id,
    /// Every version, the one shown now first; `Snapshot::resolve(kind, id, index)` keeps one.
    pub versions: Vec<ConflictVersion>,
}

/// The conflicts of the people `visible` accepts (who may see and settle them here).
pub fn conflicts(s: &Snapshot, visible: &dyn Fn(&Id) -> bool, lang: Lang) -> Vec<Conflict> {
    let mut out = Vec::new();
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Employees => collect(kind, &s.employees, |r| Some(&r.id), visible, lang, &mut out),
            RecordKind::Assessments => collect(kind, &s.assessments, Record::owner, visible, lang, &mut out),
            RecordKind::Progress => collect(kind, &s.progress, Record::owner, visible, lang, &mut out),
            RecordKind::Activities => collect(kind, &s.activities, Record::owner, visible, lang, &mut out),
            RecordKind::Ratings => collect(kind, &s.ratings, Record::owner, visible, lang, &mut out),
            RecordKind::Feedback => collect(kind, &s.feedback, Record::owner, visible, lang, &mut out),
            RecordKind::Plan => collect(kind, &s.plan, Record::owner, visible, lang, &mut out),
        }
    }
    out
}

fn collect<T: RecordData + Describe>(
    kind: RecordKind,
    t: &Table<T>,
    owner: impl Fn(&Record<T>) -> Option<&Id>,
    visible: &dyn Fn(&Id) -> bool,
    lang: Lang,
    out: &mut Vec<Conflict>,
) {
    for r in t.all().filter(|r| !r.conflicts().is_empty()) {
        let Some(o) = owner(r).filter(|o| visible(o)) else {
            continue;
        };
        out.push(Conflict {
            kind,
            id: r.id.clone(),
            owner: o.clone(),
            versions: r
                .versions()
                .iter()
                .map(|v| ConflictVersion {
                    summary: v.data.as_ref().map(|d| d.describe(lang)),
                    clock: v.clock.clone(),
                    updated_at: v.updated_at,
                    device: v.device.clone(),
                })
                .collect(),
        });
    }
}

impl Describe for Employee {
    fn describe(&self, lang: Lang) -> String {
        format!(
            "{} · {} ({}) · {} · {}",
            self.name,
            self.position.title,
            self.position.kind.label().get(lang),
            self.unit,
            self.grade
        )
    }
}

impl Describe for Assessment {
    fn describe(&self, lang: Lang) -> String {
        let levels: Vec<String> = self
            .entries
            .iter()
            .map(|e| format!("{} {}", e.competency, e.level.map_or("–".into(), |l| l.to_string())))
            .collect();
        format!("{} · {}", date(lang, self.date), levels.join(", "))
    }
}

impl Describe for Progress {
    fn describe(&self, lang: Lang) -> String {
        let done = if lang == Lang::Id {
            "pelajaran selesai"
        } else {
            "lessons done"
        };
        format!("{} / {} · {} {done}", self.pack, self.module, self.lessons_done.len())
    }
}

impl Describe for Activity {
    fn describe(&self, lang: Lang) -> String {
        let hours = if lang == Lang::Id { "jam" } else { "hours" };
        format!(
            "{} · {} {hours} · {} – {}",
            self.title,
            number(lang, self.hours),
            date(lang, self.start),
            date(lang, self.end)
        )
    }
}

impl Describe for Rating {
    fn describe(&self, lang: Lang) -> String {
        format!(
            "{}/{} · {} · {}",
            self.half,
            self.year,
            self.performance.label().get(lang),
            self.rater
        )
    }
}

impl Describe for Feedback {
    fn describe(&self, lang: Lang) -> String {
        let note: String = self.note.chars().take(80).collect();
        format!("{} · {} · {note}", date(lang, self.date), self.source)
    }
}

impl Describe for PlanItem {
    fn describe(&self, lang: Lang) -> String {
        let action = match &self.action {
            PlanAction::Module { pack, module } => format!("{pack} / {module}"),
            PlanAction::Mentoring => if lang == Lang::Id { "pendampingan" } else { "mentoring" }.to_string(),
            PlanAction::Method { method } => method.label().get(lang).to_string(),
        };
        let status = match (self.status, lang) {
            (PlanStatus::Done, Lang::Id) => "selesai",
            (PlanStatus::Done, _) => "done",
            (PlanStatus::Planned, Lang::Id) => "direncanakan",
            (PlanStatus::Planned, _) => "planned",
        };
        format!("{} → {} · {action} · {status}", self.competency, self.target_level)
    }
}
