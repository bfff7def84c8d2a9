//! `<select>` values for domain enums: the enum's own serialised name (`"pengawas"`,
//! `"workshop"`), so a form value and the export format always agree.

use crate::domain::json;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The name an enum value is serialised under.
pub fn key<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The enum value a `<select>` holds; `None` for the empty "choose" option or anything else.
pub fn parse<T: DeserializeOwned>(key: &str) -> Option<T> {
    json::from_value(&serde_json::Value::String(key.to_string())).ok()
}
