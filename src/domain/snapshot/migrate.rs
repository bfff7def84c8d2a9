//! Schema migrations: pure steps from one released schema to the next.
//!
//! `STEPS[i]` turns a schema `i + 1` document into schema `i + 2`. When the format changes,
//! bump `SCHEMA_VERSION`, add a step here and a fixture of the old version under
//! `tests/fixtures/`; `tests/snapshot_import.rs` checks every fixture migrates and re-exports
//! in the current format.

use serde_json::Value;

use super::format::SCHEMA_VERSION;
use crate::domain::lang::Text;

pub type Step = fn(Value) -> Result<Value, Text>;

/// Schema 1 is the first released format: nothing to migrate yet.
pub const STEPS: &[Step] = &[];

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
    fn unknown_versions_are_refused() {
        assert!(migrate(Value::Null, 0).is_err());
        assert!(migrate(Value::Null, SCHEMA_VERSION + 1).is_err());
    }
}
