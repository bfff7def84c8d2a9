//! The rules configuration: every number the rules use, each with its source.
//!
//! The defaults live in `default_rules.json` (data, not code). A content pack may override any
//! part of it with a partial document, applied as a JSON merge patch (RFC 7386); the result is
//! checked before use. Rule functions take a `&RulesConfig` and never hard-code a number.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::json;
use crate::domain::lang::Text;
use crate::domain::model::activity::Method;
use crate::domain::model::competency::CompetencyType;
use crate::domain::model::employee::PositionKind;
use crate::domain::model::evaluation::{Performance, Potential};

const DEFAULT_RULES: &str = include_str!("default_rules.json");

/// A value and where it comes from. `weak` marks values whose source is thin, so the UI and
/// `docs/rules.md` can say they are Lentera's defaults rather than regulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param<T> {
    pub value: T,
    pub source: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RulesConfig {
    pub id: String,
    pub version: u32,
    pub jp: JpRules,
    pub reevaluation: ReevaluationRules,
    pub jpm: JpmRules,
    pub mentoring: MentoringRules,
    /// Required level of every managerial and socio-cultural competency, per position kind.
    pub required_levels: Param<BTreeMap<PositionKind, u8>>,
    pub talent: TalentRules,
    pub promotion: PromotionRules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JpRules {
    pub annual_target: Param<f64>,
    pub minutes_per_jp: Param<f64>,
    pub methods: Param<BTreeMap<Method, MethodCredit>>,
}

/// JP for an activity = hours × 60 ÷ minutes_per_jp × factor, capped at `max_jp` per activity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MethodCredit {
    pub factor: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_jp: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReevaluationRules {
    pub interval_months: Param<u32>,
    pub overdue_after_months: Param<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JpmRules {
    /// Id of the scheme in use.
    pub scheme: Param<String>,
    pub cap_at_100: Param<bool>,
    /// A level above the standard counts only up to the standard: it does not make up for a
    /// level below it elsewhere (`docs/rules.md` §4).
    pub no_compensation: Param<bool>,
    /// Whether `type_weights` applies.
    pub use_type_weights: Param<bool>,
    /// Per position kind: how much the technical competencies weigh against the managerial and
    /// socio-cultural ones. A kind without an entry is not weighted.
    pub type_weights: Param<BTreeMap<PositionKind, TypeWeights>>,
    pub schemes: Param<Vec<JpmScheme>>,
}

/// Percentages that add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TypeWeights {
    pub technical: f64,
    pub managerial_socio_cultural: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JpmScheme {
    pub id: String,
    pub name: Text,
    /// Highest band first; a JPM falls in the first band whose `min` it reaches.
    pub bands: Vec<JpmBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JpmBand {
    pub key: String,
    pub min: f64,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringRules {
    /// A gap of at least this many levels also recommends mentoring.
    pub min_gap: Param<u8>,
    /// This many failed quiz attempts on a module also recommend mentoring.
    pub failed_attempts: Param<u32>,
    /// Development methods suggested beside modules, per competency type.
    pub methods_by_type: Param<BTreeMap<CompetencyType, Vec<Method>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentRules {
    pub potential_from_jpm: Param<PotentialCutoffs>,
    pub boxes: Param<Vec<TalentBoxRule>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PotentialCutoffs {
    pub high_min: f64,
    pub medium_min: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentBoxRule {
    #[serde(rename = "box")]
    pub number: u8,
    pub performance: Performance,
    pub potential: Potential,
    pub label: Text,
    pub follow_up: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotionRules {
    pub order: Param<Vec<PromotionKey>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromotionKey {
    /// Higher JPM first.
    Jpm,
    /// Larger JPM improvement since the previous assessment first.
    Improvement,
    /// Those who met this year's JP target first.
    JpTarget,
}

impl Default for RulesConfig {
    fn default() -> Self {
        json::from_str(DEFAULT_RULES).expect("default_rules.json is valid (tested)")
    }
}

/// One number of the built-in rules by its JSON pointer (`/jp/annual_target/value`), read
/// without the typed reader: the first screen (`domain::first_screen`) needs one value, and the
/// typed reading code for the whole configuration would be most of its download.
pub fn default_number(pointer: &str) -> Option<f64> {
    json::parse_value(DEFAULT_RULES.as_bytes())
        .ok()?
        .pointer(pointer)?
        .as_f64()
}

impl RulesConfig {
    /// The config with a pack's partial override applied, or every problem found in it.
    pub fn with_override(&self, patch: &serde_json::Value) -> Result<RulesConfig, Vec<Text>> {
        let mut doc = json::to_value(self);
        merge_patch(&mut doc, patch);
        let cfg: RulesConfig = json::from_value(&doc).map_err(|e| {
            vec![Text::new(
                format!("Aturan paket tidak sah: {e}"),
                format!("The pack's rules are invalid: {e}"),
            )]
        })?;
        let problems = cfg.problems();
        if problems.is_empty() {
            Ok(cfg)
        } else {
            Err(problems)
        }
    }

    /// Checks the relations serde cannot: ranges, ordering, completeness.
    // `!(x > 0.0)` on purpose: a NaN from a pack must fail the check, and `x <= 0.0` would let
    // it through.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    pub fn problems(&self) -> Vec<Text> {
        let mut p = Vec::new();
        let mut bad = |id: String, en: String| p.push(Text::new(id, en));
        if !(self.jp.annual_target.value > 0.0) {
            bad(
                "Target JP tahunan harus lebih dari 0.".into(),
                "The annual JP target must be above 0.".into(),
            );
        }
        if !(self.jp.minutes_per_jp.value > 0.0) {
            bad(
                "Menit per JP harus lebih dari 0.".into(),
                "Minutes per JP must be above 0.".into(),
            );
        }
        for (m, c) in &self.jp.methods.value {
            if !(c.factor >= 0.0) || c.max_jp.is_some_and(|x| !(x >= 0.0)) {
                bad(
                    format!("Faktor JP metode {m:?} tidak sah."),
                    format!("JP credit of method {m:?} is invalid."),
                );
            }
        }
        let r = &self.reevaluation;
        if r.interval_months.value == 0 || r.overdue_after_months.value < r.interval_months.value {
            bad(
                "Interval evaluasi harus > 0 dan batas terlambat tidak boleh lebih awal dari jatuh tempo.".into(),
                "The re-evaluation interval must be > 0 and overdue cannot come before due.".into(),
            );
        }
        if self.scheme().is_none() {
            bad(
                format!("Skema JPM \"{}\" tidak ada.", self.jpm.scheme.value),
                format!("JPM scheme \"{}\" does not exist.", self.jpm.scheme.value),
            );
        }
        for (kind, w) in &self.jpm.type_weights.value {
            let sum = w.technical + w.managerial_socio_cultural;
            if !(w.technical >= 0.0 && w.managerial_socio_cultural >= 0.0 && (sum - 100.0).abs() < 1e-9) {
                bad(
                    format!("Bobot JPM untuk {kind:?} harus dua persentase yang berjumlah 100."),
                    format!("The JPM weights for {kind:?} must be two percentages adding up to 100."),
                );
            }
        }
        for s in &self.jpm.schemes.value {
            let sorted = s.bands.windows(2).all(|w| w[0].min > w[1].min);
            if s.bands.is_empty() || !sorted || s.bands.last().is_some_and(|b| b.min > 0.0) {
                bad(
                    format!(
                        "Kategori skema JPM \"{}\" harus urut dari ambang tertinggi dan berakhir di 0.",
                        s.id
                    ),
                    format!(
                        "JPM scheme \"{}\" bands must go from the highest threshold down to 0.",
                        s.id
                    ),
                );
            }
        }
        if self
            .required_levels
            .value
            .values()
            .any(|l| !(1..=crate::domain::model::competency::MAX_LEVEL).contains(l))
        {
            bad(
                "Tingkat kompetensi wajib harus 1–5.".into(),
                "Required levels must be 1–5.".into(),
            );
        }
        let c = self.talent.potential_from_jpm.value;
        if !(c.high_min > c.medium_min) {
            bad(
                "Ambang potensi tinggi harus di atas ambang menengah.".into(),
                "The high-potential cut-off must be above the medium one.".into(),
            );
        }
        for perf in [Performance::Below, Performance::Meets, Performance::Above] {
            for pot in [Potential::Low, Potential::Medium, Potential::High] {
                let n = self
                    .talent
                    .boxes
                    .value
                    .iter()
                    .filter(|b| b.performance == perf && b.potential == pot)
                    .count();
                if n != 1 {
                    bad(
                        format!("Matriks talenta harus punya tepat satu kotak untuk {perf:?} × {pot:?}."),
                        format!("The talent grid needs exactly one box for {perf:?} × {pot:?}."),
                    );
                }
            }
        }
        p
    }

    pub fn scheme(&self) -> Option<&JpmScheme> {
        self.jpm.schemes.value.iter().find(|s| s.id == self.jpm.scheme.value)
    }

    /// The weights JPM uses for `kind`: only when `use_type_weights` is on and the kind has some.
    pub fn type_weights_for(&self, kind: PositionKind) -> Option<TypeWeights> {
        self.jpm
            .use_type_weights
            .value
            .then(|| self.jpm.type_weights.value.get(&kind).copied())
            .flatten()
    }

    /// JP credit for a method; a method missing from the table earns hours-based JP in full.
    pub fn method_credit(&self, method: Method) -> MethodCredit {
        self.jp.methods.value.get(&method).copied().unwrap_or(MethodCredit {
            factor: 1.0,
            max_jp: None,
        })
    }
}

/// RFC 7386: objects merge key by key, `null` removes, anything else replaces.
fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let t = target.as_object_mut().expect("object");
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        other => *target = other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_parse_and_hold_the_numbers_of_design_md() {
        let c = RulesConfig::default();
        assert!(c.problems().is_empty(), "{:?}", c.problems());
        assert_eq!(c.jp.annual_target.value, 20.0);
        assert_eq!(c.jp.minutes_per_jp.value, 45.0);
        assert_eq!(c.reevaluation.interval_months.value, 6);
        assert_eq!(c.required_levels.value[&PositionKind::JptPratama], 4);
        assert_eq!(c.required_levels.value[&PositionKind::Pelaksana], 1);
        assert_eq!(c.jp.methods.value.len(), Method::ALL.len());
        assert_eq!(c.talent.boxes.value.len(), 9);
        let ids: Vec<_> = c.jpm.schemes.value.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["optimal", "memenuhi_syarat"]);
        assert!(!c.jp.annual_target.source.is_empty());
    }

    #[test]
    fn a_pack_override_changes_only_what_it_names() {
        let base = RulesConfig::default();
        let c = base
            .with_override(
                &json!({"jp": {"annual_target": {"value": 24}}, "jpm": {"scheme": {"value": "memenuhi_syarat"}}}),
            )
            .unwrap();
        assert_eq!(c.jp.annual_target.value, 24.0);
        assert_eq!(c.jp.annual_target.source, base.jp.annual_target.source);
        assert_eq!(c.scheme().unwrap().id, "memenuhi_syarat");
        assert_eq!(c.reevaluation, base.reevaluation);
    }

    #[test]
    fn an_override_that_breaks_a_relation_is_refused_with_reasons() {
        let base = RulesConfig::default();
        let err = base
            .with_override(
                &json!({"jpm": {"scheme": {"value": "nope"}}, "reevaluation": {"interval_months": {"value": 0}}}),
            )
            .unwrap_err();
        assert_eq!(err.len(), 2);
        assert!(base
            .with_override(&json!({"jp": {"annual_target": {"value": "dua puluh"}}}))
            .is_err());
    }
}
