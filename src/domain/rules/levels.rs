//! Current level per competency, where it came from, and the gap to the required level.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::model::assessment::{Assessment, AssessmentKind, AssessmentStatus};
use crate::domain::model::competency::CompetencyCode;
use crate::domain::record::Id;
use crate::domain::rules::proof::{Proof, Verifier};
use crate::domain::sort;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// A verification signed by the supervisor, whose signature checks (`rules::proof`).
    Verified,
    SelfAssessed,
    /// Called "verified" but not proven (no signature, or one that does not check): counts
    /// exactly like a self-assessment.
    Unproven,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentLevel {
    pub level: u8,
    pub source: LevelSource,
    pub date: NaiveDate,
    /// When the assessment record was written.
    pub written: DateTime<Utc>,
    pub assessment: Id,
    /// Who signed, for a proven verification.
    pub verifier: Option<Arc<Verifier>>,
}

/// An assessment with its record id, when the record was written (which orders two
/// assessments of the same day), and whether its signature checks.
#[derive(Debug, Clone)]
pub struct AssessmentRef<'a> {
    pub id: &'a Id,
    pub data: &'a Assessment,
    pub written: DateTime<Utc>,
    /// `rules::proof::proof_of`; only matters for a verified assessment.
    pub proof: Proof,
}

impl<'a> AssessmentRef<'a> {
    pub fn new(id: &'a Id, data: &'a Assessment, written: DateTime<Utc>, proof: Proof) -> Self {
        AssessmentRef {
            id,
            data,
            written,
            proof,
        }
    }

    /// Where this assessment's levels come from.
    pub fn source(&self) -> LevelSource {
        match (self.data.kind, &self.proof) {
            (AssessmentKind::SelfAssessment, _) => LevelSource::SelfAssessed,
            (AssessmentKind::Verified, Proof::Signed(_)) => LevelSource::Verified,
            (AssessmentKind::Verified, _) => LevelSource::Unproven,
        }
    }
}

/// The current level of each competency: the latest proven verified level, else the latest
/// self-assessed (or unproven) one. Drafts do not count. Same-day assessments are ordered by
/// when they were written, then by id (deterministic).
pub fn current_levels<'a, 'b>(
    assessments: impl IntoIterator<Item = &'b AssessmentRef<'a>>,
) -> BTreeMap<CompetencyCode, CurrentLevel>
where
    'a: 'b,
{
    let mut out: BTreeMap<CompetencyCode, CurrentLevel> = BTreeMap::new();
    for r in assessments {
        let a = r.data;
        if a.status != AssessmentStatus::Final {
            continue;
        }
        let source = r.source();
        for e in &a.entries {
            let Some(level) = e.level else { continue };
            let candidate = CurrentLevel {
                level,
                source,
                date: a.date,
                written: r.written,
                assessment: r.id.clone(),
                verifier: r.proof.verifier().cloned(),
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
            c.written,
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

/// The level the ticked indicators point to: the highest level at which at least half of the
/// indicators are ticked. `None` when nothing is ticked.
pub fn suggest_level(
    competency: &crate::domain::model::competency::Competency,
    ticked: &[crate::domain::model::assessment::IndicatorRef],
) -> Option<u8> {
    competency
        .levels
        .iter()
        .filter(|l| !l.indicators.is_empty())
        .filter(|l| {
            let n = ticked
                .iter()
                .filter(|t| t.level == l.level && (t.index as usize) < l.indicators.len())
                .count();
            n * 2 >= l.indicators.len() && n > 0
        })
        .map(|l| l.level)
        .max()
}

/// How each competency's level moved from one assessment to the next (only those that differ).
pub fn changes(previous: &Assessment, next: &Assessment) -> Vec<(CompetencyCode, Option<u8>, Option<u8>)> {
    let mut codes: Vec<&CompetencyCode> = previous
        .entries
        .iter()
        .chain(&next.entries)
        .map(|e| &e.competency)
        .collect();
    sort::sort(&mut codes);
    codes.dedup();
    codes
        .into_iter()
        .filter_map(|c| {
            let (a, b) = (previous.level_of(c), next.level_of(c));
            (a != b).then(|| (c.clone(), a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::builtin_dictionary;
    use crate::domain::model::assessment::IndicatorRef;

    #[test]
    fn ticked_indicators_suggest_the_highest_level_with_half_ticked() {
        let c = &builtin_dictionary()[0];
        let n2 = c.level(2).unwrap().indicators.len();
        let mut ticked: Vec<IndicatorRef> = (0..n2 as u8).map(|i| IndicatorRef { level: 2, index: i }).collect();
        assert_eq!(suggest_level(c, &ticked), Some(2));
        ticked.push(IndicatorRef { level: 4, index: 0 });
        // One indicator of four (or three) at level 4 is less than half.
        let n4 = c.level(4).unwrap().indicators.len();
        assert_eq!(suggest_level(c, &ticked), if n4 <= 2 { Some(4) } else { Some(2) });
        assert_eq!(suggest_level(c, &[]), None);
    }
}
