//! How JPM is computed on this device: the choices of the settings screen (*Pengaturan*).
//!
//! The product brief wants both JPM categorisations selectable, and issue 14 the
//! no-compensation rule and the weights per competency type. A device keeps its choices; an
//! agency's content pack that sets the same rule wins over them (the agency decides how its
//! people are measured), and the settings screen says which pack fixed what. Applied as a
//! rules override under the packs' (`Catalog::with_choice_and_packs`).

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::json;
use super::model::pack::ContentPack;

/// Each `None` leaves the rule as the built-in rules (or a pack) have it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpmChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_at_100: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_compensation: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_type_weights: Option<bool>,
}

/// The rules a device may choose, by their key under `jpm` in the rules configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JpmSetting {
    Scheme,
    CapAt100,
    NoCompensation,
    UseTypeWeights,
}

impl JpmSetting {
    pub const ALL: [JpmSetting; 4] = [
        JpmSetting::Scheme,
        JpmSetting::CapAt100,
        JpmSetting::NoCompensation,
        JpmSetting::UseTypeWeights,
    ];

    pub fn key(self) -> &'static str {
        match self {
            JpmSetting::Scheme => "scheme",
            JpmSetting::CapAt100 => "cap_at_100",
            JpmSetting::NoCompensation => "no_compensation",
            JpmSetting::UseTypeWeights => "use_type_weights",
        }
    }
}

/// What the rules say a value's source is when this device chose it.
pub const CHOSEN_HERE: &str = "Dipilih di perangkat ini (Pengaturan).";

impl JpmChoice {
    /// The rules override (a JSON merge patch) these choices make.
    pub fn patch(&self) -> Value {
        let mut jpm = Map::new();
        let mut put = |setting: JpmSetting, value: Option<Value>| {
            if let Some(v) = value {
                jpm.insert(
                    setting.key().into(),
                    json!({ "value": v, "source": CHOSEN_HERE, "weak": false }),
                );
            }
        };
        put(JpmSetting::Scheme, self.scheme.clone().map(Value::from));
        put(JpmSetting::CapAt100, self.cap_at_100.map(Value::from));
        put(JpmSetting::NoCompensation, self.no_compensation.map(Value::from));
        put(JpmSetting::UseTypeWeights, self.use_type_weights.map(Value::from));
        json!({ "jpm": jpm })
    }

    /// Chooses `on` for a yes/no `setting` (the scheme is chosen by its id, not here).
    pub fn set(&mut self, setting: JpmSetting, on: bool) {
        match setting {
            JpmSetting::CapAt100 => self.cap_at_100 = Some(on),
            JpmSetting::NoCompensation => self.no_compensation = Some(on),
            JpmSetting::UseTypeWeights => self.use_type_weights = Some(on),
            JpmSetting::Scheme => {}
        }
    }

    /// Reads stored choices; anything unreadable is no choice at all.
    pub fn read(text: &str) -> JpmChoice {
        json::from_str(text).unwrap_or_default()
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("plain values serialise")
    }
}

/// The pack that sets `setting` for everyone on the device, if any: the last of `packs` (in the
/// order they are applied) whose rules override names it.
pub fn fixed_by<'a>(packs: impl IntoIterator<Item = &'a ContentPack>, setting: JpmSetting) -> Option<&'a ContentPack> {
    packs
        .into_iter()
        .filter(|p| {
            p.rules
                .as_ref()
                .and_then(|r| r.get("jpm"))
                .and_then(|j| j.get(setting.key()))
                .is_some_and(|v| !v.is_null())
        })
        .last()
}
