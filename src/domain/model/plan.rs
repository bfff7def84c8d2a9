//! The individual development plan (IDP): items generated from recommendations, whose status
//! the employee keeps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Method;
use super::competency::CompetencyCode;
use super::pack::{ModuleId, PackId};
use crate::domain::record::{Id, RecordData};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub employee: Id,
    pub competency: CompetencyCode,
    pub target_level: u8,
    pub action: PlanAction,
    pub status: PlanStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The day the employee means to have it done by (none until they set one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PlanAction {
    Module { pack: PackId, module: ModuleId },
    Mentoring,
    Method { method: Method },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Planned,
    Done,
}

impl PlanItem {
    /// One plan item per employee × competency × action, so regenerating a plan on two
    /// devices yields the same records instead of duplicates.
    pub fn id_for(employee: &Id, competency: &str, action: &PlanAction) -> Id {
        let what = match action {
            PlanAction::Module { pack, module } => format!("module.{pack}.{module}"),
            PlanAction::Mentoring => "mentoring".to_string(),
            PlanAction::Method { method } => {
                let m = crate::domain::json::to_value(method).as_str().map(String::from);
                format!("method.{}", m.unwrap_or_default())
            }
        };
        Id::derived(&["plan", employee.as_str(), competency, &what])
    }
}

impl RecordData for PlanItem {
    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }
}
