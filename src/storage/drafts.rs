//! The trainer's pack drafts (`domain::authoring`), kept in IndexedDB so a long lesson text
//! never competes with the learners' records for localStorage. Drafts are teaching content, not
//! personal data: stored plain. A stored value this build cannot read is set aside, never
//! overwritten.

use crate::domain::json;
use crate::domain::model::pack::ContentPack;

use super::{aside, idb};

const KEY: &str = "pack.drafts";

/// The drafts on this device (`Err`: storage unavailable, or the stored drafts unreadable).
pub async fn load() -> Result<Vec<ContentPack>, String> {
    match idb::get(KEY).await.map_err(|e| format!("{e:?}"))? {
        None => Ok(Vec::new()),
        Some(text) => json::from_str(&text).map_err(|e| e.to_string()),
    }
}

/// Saves `drafts` in place of the stored ones; resolves once on disk.
pub async fn save(drafts: &[ContentPack]) -> Result<(), String> {
    let text = serde_json::to_string(drafts).expect("drafts serialise");
    let now = js_sys::Date::now();
    idb::update(KEY, move |stored| {
        let mut writes = Vec::new();
        if let Some(old) = stored.filter(|s| json::from_str::<Vec<ContentPack>>(s).is_err()) {
            writes.push((aside::durable_key("drafts", now, 0), old));
        }
        writes.push((KEY.to_string(), text));
        writes
    })
    .await
    .map_err(|e| format!("{e:?}"))
}
