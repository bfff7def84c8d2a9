//! Inputs of the six-monthly evaluation besides competency levels: the supervisor's
//! performance rating (for the talent box) and public feedback on service quality.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::lang::Text;
use crate::domain::record::{Id, RecordData};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Performance {
    Below,
    Meets,
    Above,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Potential {
    Low,
    Medium,
    High,
}

impl Performance {
    pub fn label(self) -> Text {
        match self {
            Performance::Below => Text::new("Di bawah ekspektasi", "Below expectations"),
            Performance::Meets => Text::new("Sesuai ekspektasi", "Meets expectations"),
            Performance::Above => Text::new("Di atas ekspektasi", "Above expectations"),
        }
    }
}

impl Potential {
    pub fn label(self) -> Text {
        match self {
            Potential::Low => Text::new("Rendah", "Low"),
            Potential::Medium => Text::new("Menengah", "Medium"),
            Potential::High => Text::new("Tinggi", "High"),
        }
    }
}

/// A supervisor's rating for one half-year period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub employee: Id,
    pub year: i32,
    /// 1 = January–June, 2 = July–December.
    pub half: u8,
    pub performance: Performance,
    /// When the supervisor does not give one, potential is derived from JPM (rules config).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential: Option<Potential>,
    pub rater: String,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl RecordData for Rating {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

/// A note from the public about the service an employee gave (complaint box, survey, SP4N-LAPOR!).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub employee: Id,
    pub date: NaiveDate,
    pub source: String,
    pub sentiment: Sentiment,
    pub note: String,
}

impl RecordData for Feedback {}
