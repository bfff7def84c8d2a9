//! The competency dictionary (Permenpan RB 38/2017): technical, managerial and socio-cultural
//! competencies, each with five levels described in words and behavioural indicators.

use serde::{Deserialize, Serialize};

use crate::domain::lang::Text;

/// A competency code such as `M.01`, `SK.01` or a pack's technical code (`T.TIK.01`).
pub type CompetencyCode = String;

/// Levels run 1..=MAX_LEVEL; 0 means "not (yet) held" in gap arithmetic.
pub const MAX_LEVEL: u8 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetencyType {
    /// Defined per position by the agency; comes from content packs.
    Teknis,
    Manajerial,
    SosialKultural,
}

impl CompetencyType {
    pub fn label(self) -> Text {
        match self {
            CompetencyType::Teknis => Text::new("Teknis", "Technical"),
            CompetencyType::Manajerial => Text::new("Manajerial", "Managerial"),
            CompetencyType::SosialKultural => Text::new("Sosial kultural", "Socio-cultural"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competency {
    pub code: CompetencyCode,
    #[serde(rename = "type")]
    pub kind: CompetencyType,
    pub name: Text,
    #[serde(default)]
    pub definition: Text,
    /// Exactly five, for levels 1..=5 in order.
    pub levels: Vec<LevelDescription>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelDescription {
    pub level: u8,
    pub description: Text,
    #[serde(default)]
    pub indicators: Vec<Text>,
}

impl Competency {
    pub fn level(&self, level: u8) -> Option<&LevelDescription> {
        self.levels.iter().find(|l| l.level == level)
    }
}
