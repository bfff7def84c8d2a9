//! Competency assessments: self-assessments and levels verified by a supervisor.
//!
//! History is kept: each assessment is its own record, never overwritten by the next one.
//! A self-assessment may be saved midway (draft) and resumed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::competency::CompetencyCode;
use crate::domain::record::{Id, RecordData};
use crate::domain::signing::Signature;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// By the employee.
    SelfAssessment,
    /// Recorded by the supervisor (atasan) or an assessor; beats a self-assessment.
    Verified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    Draft,
    Final,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub employee: Id,
    pub kind: AssessmentKind,
    pub status: AssessmentStatus,
    pub date: NaiveDate,
    /// Name of the supervisor or assessor for a verified assessment, as shown where the
    /// signer's own profile is not at hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    pub entries: Vec<AssessmentEntry>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Public feedback notes considered in this evaluation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Id>,
    /// The supervisor's signature on a verified assessment. Without one that checks
    /// (`rules::proof`) a "verified" assessment counts as self-reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentEntry {
    pub competency: CompetencyCode,
    /// 1–5; `None` while a draft has not reached this competency.
    pub level: Option<u8>,
    /// Behavioural indicators the person recognised in themselves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// Indicator `index` (0-based) of level `level` in the competency's dictionary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IndicatorRef {
    pub level: u8,
    pub index: u8,
}

impl Assessment {
    pub fn level_of(&self, competency: &str) -> Option<u8> {
        self.entries
            .iter()
            .find(|e| e.competency == competency)
            .and_then(|e| e.level)
    }
}

crate::signable!(Assessment, "assessment");

impl RecordData for Assessment {
    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }
}
