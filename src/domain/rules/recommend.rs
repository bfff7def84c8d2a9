//! Follow-up for gaps: modules that develop the competency toward the required level, best
//! first; mentoring when the gap is large or a module was failed repeatedly; other methods.

use std::collections::BTreeMap;

use serde::Serialize;

use super::levels::Standing;
use crate::domain::catalog::Catalog;
use crate::domain::model::activity::Method;
use crate::domain::model::competency::CompetencyCode;
use crate::domain::model::pack::{ModuleId, PackId};
use crate::domain::model::progress::Progress;
use crate::domain::rules_config::RulesConfig;
use crate::domain::sort;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub competency: CompetencyCode,
    pub current: u8,
    pub required: u8,
    pub gap: i16,
    /// Best first.
    pub modules: Vec<ModuleSuggestion>,
    pub mentoring: Option<MentoringReason>,
    pub methods: Vec<Method>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleSuggestion {
    pub pack: PackId,
    pub module: ModuleId,
    /// The level the module builds.
    pub level: u8,
    pub jp: f64,
    pub started: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum MentoringReason {
    LargeGap {
        gap: i16,
    },
    FailedModule {
        pack: PackId,
        module: ModuleId,
        failures: usize,
    },
}

/// Recommendations for every competency with a gap, the largest gap first.
/// `progress` maps (pack, module) to this employee's progress in it.
pub fn recommend(
    standings: &[Standing],
    catalog: &Catalog,
    progress: &BTreeMap<(PackId, ModuleId), &Progress>,
    rules: &RulesConfig,
) -> Vec<Recommendation> {
    let mut recs: Vec<Recommendation> = standings
        .iter()
        .filter(|s| s.gap() > 0)
        .map(|s| recommend_one(s, catalog, progress, rules))
        .collect();
    sort::sort_by(&mut recs, |a, b| {
        b.gap.cmp(&a.gap).then_with(|| a.competency.cmp(&b.competency))
    });
    recs
}

fn recommend_one(
    s: &Standing,
    catalog: &Catalog,
    progress: &BTreeMap<(PackId, ModuleId), &Progress>,
    rules: &RulesConfig,
) -> Recommendation {
    let current = s.level();
    let mut modules = Vec::new();
    let mut failed: Option<MentoringReason> = None;
    for m in catalog.modules.iter() {
        let Some(target) = m.module.targets.iter().find(|t| t.competency == s.competency) else {
            continue;
        };
        let p = progress.get(&(m.pack.clone(), m.module.id.clone()));
        let failures = p.map_or(0, |p| if p.is_complete() { 0 } else { p.failed_attempts() });
        if failures >= rules.mentoring.failed_attempts.value as usize && failed.is_none() {
            failed = Some(MentoringReason::FailedModule {
                pack: m.pack.clone(),
                module: m.module.id.clone(),
                failures,
            });
        }
        let done = p.is_some_and(|p| p.is_complete());
        if m.module.archived || done || target.level <= current {
            continue;
        }
        let started = p.is_some_and(|p| p.started());
        modules.push(ModuleSuggestion {
            pack: m.pack.clone(),
            module: m.module.id.clone(),
            level: target.level,
            jp: m.module.jp,
            started,
        });
    }
    // Best first: the module whose level is closest to the required one (reaching it preferred),
    // then one already started, then the shorter one.
    let distance = |m: &ModuleSuggestion| {
        let d = m.level as i16 - s.required as i16;
        if d >= 0 {
            (0, d)
        } else {
            (1, -d)
        }
    };
    sort::sort_by(&mut modules, |a, b| {
        distance(a)
            .cmp(&distance(b))
            .then_with(|| b.started.cmp(&a.started))
            .then_with(|| a.jp.total_cmp(&b.jp))
            .then_with(|| (&a.pack, &a.module).cmp(&(&b.pack, &b.module)))
    });
    let gap = s.gap();
    let mentoring = if gap >= rules.mentoring.min_gap.value as i16 {
        Some(MentoringReason::LargeGap { gap })
    } else {
        failed
    };
    let methods = catalog
        .competency_type(&s.competency)
        .and_then(|t| rules.mentoring.methods_by_type.value.get(&t).cloned())
        .unwrap_or_default();
    Recommendation {
        competency: s.competency.clone(),
        current,
        required: s.required,
        gap,
        modules,
        mentoring,
        methods,
    }
}
