//! What the learner app's first screen shows: who uses this tablet, and the welcome.
//!
//! The learner app comes in two downloads (`docs/architecture.md`, "First screen"): a small
//! one that draws the profile picker at once, and the whole app, fetched right after. The
//! small one cannot read the stored snapshot (its reading code is most of the app's size),
//! so the whole app keeps this summary beside it, rewritten whenever a profile or the rules
//! change. It holds only what the profile picker already shows anyone holding the tablet:
//! names, units, whether a PIN guards the profile. Nothing here is authoritative: the whole
//! app takes over from it within a moment and reads the real data.

use serde::{Deserialize, Serialize};

use super::json;
use super::lang::Text;
use super::record::Id;
use super::rules::wording;
use super::rules_config::{self, RulesConfig};
use super::snapshot::Snapshot;
use super::sort;

/// Where the built-in rules keep the yearly JP target the welcome states.
const ANNUAL_TARGET: &str = "/jp/annual_target/value";

/// The summary's format version: a summary of another version is ignored, never misread.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstScreen {
    pub version: u32,
    /// The live profiles, in the order the picker shows them.
    pub profiles: Vec<ProfileCard>,
    /// The welcome shown while there is no profile; its numbers come from the rules in force.
    pub welcome: Text,
}

/// One profile as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileCard {
    pub id: Id,
    pub name: String,
    pub unit: String,
    /// A PIN guards this profile on this device (the PIN itself never leaves its record).
    pub has_pin: bool,
}

impl FirstScreen {
    /// The summary of `snapshot` under `rules`: live profiles by name, case-insensitively.
    pub fn of(snapshot: &Snapshot, rules: &RulesConfig) -> FirstScreen {
        let mut profiles: Vec<ProfileCard> = snapshot
            .employees
            .live()
            .map(|r| ProfileCard {
                id: r.id.clone(),
                name: r.data().name.clone(),
                unit: r.data().unit.clone(),
                has_pin: snapshot.is_locked(&r.id),
            })
            .collect();
        sort::sort_by(&mut profiles, |a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        });
        FirstScreen {
            version: VERSION,
            profiles,
            welcome: wording::welcome(rules),
        }
    }

    /// A tablet that has never run the whole app: no profile, the built-in rules' welcome.
    /// The same as `of` an empty snapshot under `RulesConfig::default()` (tested), without the
    /// typed reading of the whole configuration.
    pub fn fresh() -> FirstScreen {
        let target =
            rules_config::default_number(ANNUAL_TARGET).expect("default_rules.json has the yearly JP target (tested)");
        FirstScreen {
            version: VERSION,
            profiles: Vec::new(),
            welcome: wording::welcome_with(target),
        }
    }

    /// Reads a stored summary. Anything unreadable or of another version is `None`: the
    /// caller shows the fresh screen until the whole app has loaded.
    pub fn read(text: &str) -> Option<FirstScreen> {
        json::from_str::<FirstScreen>(text)
            .ok()
            .filter(|s| s.version == VERSION)
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("plain strings and booleans serialise")
    }
}
