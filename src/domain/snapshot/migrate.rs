//! Schema migrations: pure steps from one released schema to the next.
//!
//! `STEPS[i]` turns a schema `i + 1` document into schema `i + 2`. When the format changes,
//! bump `SCHEMA_VERSION`, add a step here and a fixture of the old version under
//! `tests/fixtures/`; `tests/snapshot_import.rs` checks every fixture migrates and re-exports
//! in the current format.

use serde_json::Value;

use super::document::SCHEMA_VERSION;
use crate::domain::lang::Text;

pub type Step = fn(Value) -> Result<Value, Text>;

pub const STEPS: &[Step] = &[v1_to_v2];

/// Schema 2 keeps profile PINs on the device only: the `pin` of every employee version is
/// dropped (a device's own store moves them to its locks before this step, `import.rs`).
/// Tombstones of schema 1 still carry data; reading drops it (`record.rs`).
fn v1_to_v2(mut doc: Value) -> Result<Value, Text> {
    if let Some(items) = doc.get_mut("employees").and_then(Value::as_array_mut) {
        for item in items {
            if let Some(data) = item.get_mut("data").and_then(Value::as_object_mut) {
                data.remove("pin");
            }
            if let Some(conflicts) = item.get_mut("conflicts").and_then(Value::as_array_mut) {
                for c in conflicts {
                    if let Some(data) = c.get_mut("data").and_then(Value::as_object_mut) {
                        data.remove("pin");
                    }
                }
            }
        }
    }
    Ok(doc)
}

/// Brings a document from schema `from` to `SCHEMA_VERSION`.
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, Text> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(Text::new(
            format!("Versi skema {from} tidak dikenal."),
            format!("Unknown schema version {from}."),
        ));
    }
    for step in &STEPS[(from as usize - 1)..] {
        doc = step(doc)?;
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_one_step_per_schema_bump() {
        assert_eq!(STEPS.len() as u32, SCHEMA_VERSION - 1);
    }

    #[test]
    fn version_1_loses_its_pins() {
        let doc = serde_json::json!({"format": "lentera", "schema_version": 1, "employees": [
            {"id": "e", "data": {"name": "A", "pin": {"scheme": "x", "salt": "", "hash": ""}},
             "conflicts": [{"data": {"name": "B", "pin": {"scheme": "x", "salt": "", "hash": ""}}}]}]});
        let out = migrate(doc, 1).unwrap();
        assert!(!out.to_string().contains("pin"), "{out}");
        assert_eq!(out["schema_version"], 2);
    }

    #[test]
    fn unknown_versions_are_refused() {
        assert!(migrate(Value::Null, 0).is_err());
        assert!(migrate(Value::Null, SCHEMA_VERSION + 1).is_err());
    }
}
