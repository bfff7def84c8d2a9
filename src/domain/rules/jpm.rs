//! Job Person Match: Σ current levels ÷ Σ required levels × 100 %, and its category under the
//! chosen scheme. The rules decide whether a level above the standard makes up for one below
//! (`jpm.no_compensation`), whether JPM is capped at 100 %, and whether technical competencies
//! weigh differently from managerial and socio-cultural ones for a position
//! (`jpm.type_weights`). The result says how it was computed, so every screen can say it too.

use serde::Serialize;

use super::levels::{LevelSource, Standing};
use crate::domain::rules_config::{JpmBand, RulesConfig, TypeWeights};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Jpm {
    pub percent: f64,
    pub band: JpmBand,
    pub scheme: String,
    /// How many required competencies had no level yet (counted as 0).
    pub unassessed: usize,
    /// Required competencies whose level reaches the standard.
    pub meeting: usize,
    /// Required competencies in all.
    pub required: usize,
    /// Levels counted that no supervisor has verified (self-assessed, or a verification whose
    /// signature does not check): while any is, the JPM is the person's own estimate.
    pub unverified: usize,
    /// A level above the standard counted only up to it.
    pub no_compensation: bool,
    /// Capped at 100 %.
    pub capped: bool,
    /// The weights used, when the position has some and the person has both kinds of
    /// competency to weigh.
    pub weights: Option<TypeWeights>,
}

impl Jpm {
    /// Every level counted was verified by a supervisor.
    pub fn verified(&self) -> bool {
        self.unverified == 0 && self.unassessed == 0
    }
}

/// Which competencies are technical, with the weights of the person's position: what
/// `jpm_weighted` needs beyond the standings.
pub struct TypeSplit<'a> {
    pub weights: TypeWeights,
    pub technical: &'a dyn Fn(&str) -> bool,
}

/// JPM without weights per competency type. `None` when nothing is required or nothing has been
/// assessed yet.
pub fn jpm(standings: &[Standing], rules: &RulesConfig) -> Option<Jpm> {
    jpm_weighted(standings, None, rules)
}

/// JPM with the weights of `split` when given. With weights, JPM is
/// `w_technical × JPM(technical) + w_other × JPM(managerial and socio-cultural)`; a person with
/// only one of the two kinds required gets the unweighted figure (and `weights: None` says so).
pub fn jpm_weighted(standings: &[Standing], split: Option<TypeSplit<'_>>, rules: &RulesConfig) -> Option<Jpm> {
    let unassessed = standings.iter().filter(|s| s.current.is_none()).count();
    if standings.is_empty() || unassessed == standings.len() {
        return None;
    }
    let no_compensation = rules.jpm.no_compensation.value;
    let ratio = |part: &mut dyn Iterator<Item = &Standing>| -> Option<f64> {
        let (held, required) = part.fold((0u32, 0u32), |(h, r), s| {
            let level = if no_compensation {
                s.level().min(s.required)
            } else {
                s.level()
            };
            (h + level as u32, r + s.required as u32)
        });
        (required > 0).then(|| held as f64 / required as f64 * 100.0)
    };
    let plain = ratio(&mut standings.iter())?;
    let weighted = split.and_then(|sp| {
        let technical = ratio(&mut standings.iter().filter(|s| (sp.technical)(&s.competency)))?;
        let other = ratio(&mut standings.iter().filter(|s| !(sp.technical)(&s.competency)))?;
        let w = sp.weights;
        Some((
            (w.technical * technical + w.managerial_socio_cultural * other) / 100.0,
            w,
        ))
    });
    let (mut percent, weights) = match weighted {
        Some((p, w)) => (p, Some(w)),
        None => (plain, None),
    };
    let capped = rules.jpm.cap_at_100.value;
    if capped {
        percent = percent.min(100.0);
    }
    let scheme = rules.scheme()?;
    let band = category(percent, &scheme.bands)?.clone();
    Some(Jpm {
        percent,
        band,
        scheme: scheme.id.clone(),
        unassessed,
        meeting: standings.iter().filter(|s| s.gap() <= 0).count(),
        required: standings.len(),
        unverified: standings
            .iter()
            .filter(|s| s.current.as_ref().is_some_and(|c| c.source != LevelSource::Verified))
            .count(),
        no_compensation,
        capped,
        weights,
    })
}

/// The first band (highest first) whose threshold the percentage reaches.
pub fn category(percent: f64, bands: &[JpmBand]) -> Option<&JpmBand> {
    // Round to 2 decimals first so 89.999… (a float artefact of 8.1/9) is not "below 90".
    let p = (percent * 100.0).round() / 100.0;
    bands.iter().find(|b| p >= b.min)
}
