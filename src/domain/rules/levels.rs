//! Current level per competency, where it came from, and the gap to the required level.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::model::assessment::{Assessment, AssessmentKind, AssessmentStatus};
use crate::domain::model::competency::CompetencyCode;
use crate::domain::record::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    Verified,
    SelfAssessed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentLevel {
    pub level: u8,
    pub source: LevelSource,
    pub date: NaiveDate,
    pub assessment: Id,
}

/// The current level of each competency: the latest verified level, else the latest
/// self-assessed one. Drafts do not count. Ties on a date go to the larger id (deterministic).
pub fn current_levels<'a>(
    assessments: impl IntoIterator<Item = (&'a Id, &'a Assessment)>,
) -> BTreeMap<CompetencyCode, CurrentLevel> {
    let mut out: BTreeMap<CompetencyCode, CurrentLevel> = BTreeMap::new();
    for (id, a) in assessments {
        if a.status != AssessmentStatus::Final {
            continue;
        }
        let source = match a.kind {
            AssessmentKind::Verified => LevelSource::Verified,
            AssessmentKind::SelfAssessment => LevelSource::SelfAssessed,
        };
        for e in &a.entries {
            let Some(level) = e.level else { continue };
            let candidate = CurrentLevel {
                level,
                source,
                date: a.date,
                assessment: id.clone(),
            };
            match out.get(&e.competency) {
                Some(cur) if !beats(&candidate, cur) => {}
                _ => {
                    out.insert(e.competency.clone(), candidate);
                }
            }
        }
    }
    out
}

fn beats(a: &CurrentLevel, b: &CurrentLevel) -> bool {
    let rank = |c: &CurrentLevel| {
        (
            c.source == LevelSource::Verified,
            c.date,
            c.assessment.clone(),
        )
    };
    rank(a) > rank(b)
}

/// One competency of a profile: what is required, what is held, and the gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub competency: CompetencyCode,
    pub required: u8,
    pub current: Option<CurrentLevel>,
}

impl Standing {
    /// The held level, 0 when never assessed.
    pub fn level(&self) -> u8 {
        self.current.as_ref().map_or(0, |c| c.level)
    }

    /// required − current; negative when the person is above the standard.
    pub fn gap(&self) -> i16 {
        self.required as i16 - self.level() as i16
    }
}

/// Standings for every required competency, in code order.
pub fn standings(
    required: &BTreeMap<CompetencyCode, u8>,
    current: &BTreeMap<CompetencyCode, CurrentLevel>,
) -> Vec<Standing> {
    required
        .iter()
        .map(|(code, req)| Standing {
            competency: code.clone(),
            required: *req,
            current: current.get(code).cloned(),
        })
        .collect()
}
