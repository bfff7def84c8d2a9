//! Job Person Match: Σ current levels ÷ Σ required levels × 100 %, and its category under the
//! chosen scheme.

use serde::Serialize;

use super::levels::Standing;
use crate::domain::rules_config::{JpmBand, RulesConfig};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Jpm {
    pub percent: f64,
    pub band: JpmBand,
    pub scheme: String,
    /// How many required competencies had no level yet (counted as 0).
    pub unassessed: usize,
}

/// `None` when nothing is required or nothing has been assessed yet.
pub fn jpm(standings: &[Standing], rules: &RulesConfig) -> Option<Jpm> {
    let required: u32 = standings.iter().map(|s| s.required as u32).sum();
    let unassessed = standings.iter().filter(|s| s.current.is_none()).count();
    if required == 0 || unassessed == standings.len() {
        return None;
    }
    let held: u32 = standings.iter().map(|s| s.level() as u32).sum();
    let mut percent = held as f64 / required as f64 * 100.0;
    if rules.jpm.cap_at_100.value {
        percent = percent.min(100.0);
    }
    let scheme = rules.scheme()?;
    let band = category(percent, &scheme.bands)?.clone();
    Some(Jpm {
        percent,
        band,
        scheme: scheme.id.clone(),
        unassessed,
    })
}

/// The first band (highest first) whose threshold the percentage reaches.
pub fn category(percent: f64, bands: &[JpmBand]) -> Option<&JpmBand> {
    // Round to 2 decimals first so 89.999… (a float artefact of 8.1/9) is not "below 90".
    let p = (percent * 100.0).round() / 100.0;
    bands.iter().find(|b| p >= b.min)
}
