//! Content packs kept on this device, so a pack loaded once (the default one, or one a trainer
//! gave) is there offline.

use crate::domain::json;
use crate::domain::model::pack::ContentPack;

use super::{get, set, WriteError};

const PACKS: &str = "packs";

pub fn load() -> Vec<ContentPack> {
    get(PACKS).and_then(|s| json::from_str(&s).ok()).unwrap_or_default()
}

pub fn save(packs: &[ContentPack]) -> Result<(), WriteError> {
    set(PACKS, &serde_json::to_string(packs).expect("packs serialise"))
}
