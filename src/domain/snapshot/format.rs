//! The snapshot document: `{"format": "lentera", "schema_version": N, …tables}`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::activity::Activity;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::employee::Employee;
use crate::domain::model::evaluation::{Feedback, Rating};
use crate::domain::model::pack::PackId;
use crate::domain::model::plan::PlanItem;
use crate::domain::model::progress::Progress;
use crate::domain::record::{DeviceId, Id, Table};

pub const FORMAT: &str = "lentera";

/// The schema this build writes. Older ones are migrated on import (`migrate.rs`); newer
/// ones are refused with a message asking to update the app.
pub const SCHEMA_VERSION: u32 = 1;

/// Files above this size are refused before parsing: a phone-sized JSON parser on a cheap
/// tablet must not be asked to hold an arbitrarily large document. 64 MiB fits a 2,000-person
/// cohort with years of history several times over.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub schema_version: u32,
    /// Present in export files: who exported what, when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportInfo>,
    #[serde(default)]
    pub employees: Table<Employee>,
    #[serde(default)]
    pub assessments: Table<Assessment>,
    #[serde(default)]
    pub progress: Table<Progress>,
    #[serde(default)]
    pub activities: Table<Activity>,
    #[serde(default)]
    pub ratings: Table<Rating>,
    #[serde(default)]
    pub feedback: Table<Feedback>,
    #[serde(default)]
    pub plan: Table<PlanItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportInfo {
    pub app_version: String,
    pub device: DeviceId,
    pub exported_at: DateTime<Utc>,
    /// The employees exported; empty means every employee on the device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employees: Vec<Id>,
    /// Content packs in use on the exporting device, so the importer can tell what is missing.
    #[serde(default)]
    pub packs: Vec<PackRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRef {
    pub id: PackId,
    pub version: u32,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            export: None,
            employees: Table::default(),
            assessments: Table::default(),
            progress: Table::default(),
            activities: Table::default(),
            ratings: Table::default(),
            feedback: Table::default(),
            plan: Table::default(),
        }
    }
}

impl Snapshot {
    /// The document as JSON text (compact: exports are for machines; the docs show it pretty).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a snapshot always serialises")
    }

    /// Total number of unresolved conflicts across all tables.
    pub fn conflict_count(&self) -> usize {
        fn n<T: crate::domain::record::RecordData>(t: &Table<T>) -> usize {
            t.records().filter(|r| !r.conflicts().is_empty()).count()
        }
        n(&self.employees)
            + n(&self.assessments)
            + n(&self.progress)
            + n(&self.activities)
            + n(&self.ratings)
            + n(&self.feedback)
            + n(&self.plan)
    }
}
