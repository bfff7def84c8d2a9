//! Cohort views for trainers: counts per JPM category, 20-JP compliance, re-evaluations due,
//! the talent grid, and the promotion-readiness ranking.

use std::cmp::Ordering;

use serde::Serialize;

use super::jp::JpStatus;
use super::profile::EmployeeProfile;
use super::schedule::Reevaluation;
use crate::domain::record::Id;
use crate::domain::rules_config::{PromotionKey, RulesConfig};
use crate::domain::sort;

/// The talent grid's boxes: 3 performance × 3 potential (Permenpan RB 3/2020).
pub const TALENT_BOXES: usize = 9;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortSummary {
    pub total: usize,
    /// Per band of the chosen JPM scheme, highest first: (band key, count).
    pub by_category: Vec<(String, usize)>,
    pub not_assessed: usize,
    pub jp_met: usize,
    pub jp_on_track: usize,
    pub jp_behind: usize,
    /// Share of the cohort that met the annual JP target, 0–1.
    pub jp_compliance: f64,
    pub never_assessed: Vec<Id>,
    pub due: Vec<Id>,
    pub overdue: Vec<Id>,
    /// Count per talent box, index 0 = box 1.
    pub boxes: [usize; TALENT_BOXES],
    pub unplaced: usize,
}

pub fn summary<'a>(profiles: impl IntoIterator<Item = &'a EmployeeProfile>, rules: &RulesConfig) -> CohortSummary {
    let mut by_category: Vec<(String, usize)> = rules
        .scheme()
        .map(|s| s.bands.iter().map(|b| (b.key.clone(), 0)).collect())
        .unwrap_or_default();
    let mut s = CohortSummary {
        total: 0,
        by_category: Vec::new(),
        not_assessed: 0,
        jp_met: 0,
        jp_on_track: 0,
        jp_behind: 0,
        jp_compliance: 0.0,
        never_assessed: Vec::new(),
        due: Vec::new(),
        overdue: Vec::new(),
        boxes: [0; TALENT_BOXES],
        unplaced: 0,
    };
    for p in profiles {
        s.total += 1;
        match &p.jpm {
            Some(j) => {
                if let Some(slot) = by_category.iter_mut().find(|(k, _)| *k == j.band.key) {
                    slot.1 += 1;
                }
            }
            None => s.not_assessed += 1,
        }
        match p.jp.status {
            JpStatus::Met => s.jp_met += 1,
            JpStatus::OnTrack => s.jp_on_track += 1,
            JpStatus::Behind => s.jp_behind += 1,
        }
        match p.reevaluation {
            Reevaluation::NeverAssessed => s.never_assessed.push(p.id.clone()),
            Reevaluation::Due { .. } => s.due.push(p.id.clone()),
            Reevaluation::Overdue { .. } => s.overdue.push(p.id.clone()),
            Reevaluation::UpToDate { .. } => {}
        }
        match &p.talent {
            Some(t) if (1..=TALENT_BOXES as u8).contains(&t.rule.number) => s.boxes[t.rule.number as usize - 1] += 1,
            _ => s.unplaced += 1,
        }
    }
    s.by_category = by_category;
    s.jp_compliance = if s.total == 0 {
        0.0
    } else {
        s.jp_met as f64 / s.total as f64
    };
    s
}

/// The summary of each work unit, in unit order: the figures an agency reports upward.
pub fn by_unit(profiles: &[EmployeeProfile], rules: &RulesConfig) -> Vec<(String, CohortSummary)> {
    let mut units: Vec<&str> = profiles.iter().map(|p| p.unit.as_str()).collect();
    sort::sort(&mut units);
    units.dedup();
    units
        .into_iter()
        .map(|u| (u.to_string(), summary(profiles.iter().filter(|p| p.unit == u), rules)))
        .collect()
}

/// Indexes into `profiles`, most ready for promotion first, by the configured criteria.
/// Employees without a JPM come last.
pub fn promotion_ranking(profiles: &[EmployeeProfile], rules: &RulesConfig) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..profiles.len()).collect();
    sort::sort_by(&mut idx, |&a, &b| {
        let (pa, pb) = (&profiles[a], &profiles[b]);
        let mut ord = pb.jpm.is_some().cmp(&pa.jpm.is_some());
        for key in &rules.promotion.order.value {
            ord = ord.then_with(|| match key {
                PromotionKey::Jpm => desc(pa.jpm.as_ref().map(|j| j.percent), pb.jpm.as_ref().map(|j| j.percent)),
                PromotionKey::Improvement => desc(pa.improvement, pb.improvement),
                PromotionKey::JpTarget => (pb.jp.status == JpStatus::Met).cmp(&(pa.jp.status == JpStatus::Met)),
            });
        }
        ord.then_with(|| pa.name.cmp(&pb.name)).then_with(|| pa.id.cmp(&pb.id))
    });
    idx
}

/// Larger first; a missing value after any value.
fn desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// NIPs claimed by more than one live employee record: the same person exported from two
/// devices under two profiles, or a typing mistake. Never merged or dropped silently: the
/// trainer sees them and decides. Each NIP with its records' ids, in NIP order.
pub fn duplicate_nips(snapshot: &crate::domain::snapshot::Snapshot) -> Vec<(String, Vec<Id>)> {
    let mut by_nip: std::collections::BTreeMap<String, Vec<Id>> = std::collections::BTreeMap::new();
    for r in snapshot.employees.live() {
        by_nip.entry(r.data().nip.to_string()).or_default().push(r.id.clone());
    }
    by_nip.into_iter().filter(|(_, ids)| ids.len() > 1).collect()
}
