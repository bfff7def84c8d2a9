//! The talent box (Permenpan RB 3/2020): performance × potential → boxes 1–9 with the standard
//! follow-up.

use serde::Serialize;

use crate::domain::model::evaluation::{Performance, Potential, Rating};
use crate::domain::rules_config::{RulesConfig, TalentBoxRule};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PotentialSource {
    /// Given by the supervisor with the rating.
    Rated,
    /// Derived from JPM with the rules' cut-offs.
    FromJpm,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TalentPlacement {
    pub performance: Performance,
    pub potential: Potential,
    pub potential_source: PotentialSource,
    pub rule: TalentBoxRule,
}

/// The latest rating by period (then date) among `ratings`.
pub fn latest_rating<'a>(ratings: impl IntoIterator<Item = &'a Rating>) -> Option<&'a Rating> {
    ratings
        .into_iter()
        .max_by(|a, b| (a.year, a.half, a.date).cmp(&(b.year, b.half, b.date)))
}

pub fn potential_from_jpm(jpm: f64, rules: &RulesConfig) -> Potential {
    let c = rules.talent.potential_from_jpm.value;
    if jpm >= c.high_min {
        Potential::High
    } else if jpm >= c.medium_min {
        Potential::Medium
    } else {
        Potential::Low
    }
}

/// `None` without a performance rating, or without any potential (no rating potential, no JPM).
pub fn talent_box(rating: Option<&Rating>, jpm: Option<f64>, rules: &RulesConfig) -> Option<TalentPlacement> {
    let rating = rating?;
    let (potential, potential_source) = match (rating.potential, jpm) {
        (Some(p), _) => (p, PotentialSource::Rated),
        (None, Some(j)) => (potential_from_jpm(j, rules), PotentialSource::FromJpm),
        (None, None) => return None,
    };
    let rule = rules
        .talent
        .boxes
        .value
        .iter()
        .find(|b| b.performance == rating.performance && b.potential == potential)?
        .clone();
    Some(TalentPlacement {
        performance: rating.performance,
        potential,
        potential_source,
        rule,
    })
}
