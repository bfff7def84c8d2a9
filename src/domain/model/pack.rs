//! Content packs: the learning material and local standards an agency hands out.
//!
//! A pack is data the app loads (the default one ships in `public/packs/`), never code. Its
//! text is shown as plain text or through the safe Markdown renderer, never as raw HTML.
//! Format: `docs/content-pack.md`.

use serde::{Deserialize, Serialize};

use super::competency::{Competency, CompetencyCode};
use super::employee::PositionKind;
use crate::domain::lang::Text;

pub const PACK_FORMAT: &str = "lentera-pack";

pub type PackId = String;
pub type ModuleId = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentPack {
    /// Always `"lentera-pack"`: tells a pack from an export or any other JSON.
    pub format: String,
    /// Stable across versions of the same pack (`"lentera-dasar"`).
    pub id: PackId,
    /// Increases with every published edition; a newer edition replaces an older one.
    pub version: u32,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// Rule parameters this pack overrides, as a partial rules document (JSON merge patch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<serde_json::Value>,
    /// Competencies this pack defines: technical ones, or a full managerial dictionary.
    #[serde(default)]
    pub competencies: Vec<Competency>,
    /// Required levels per position, replacing the rules' default table where given.
    #[serde(default)]
    pub standards: Vec<PositionStandard>,
    #[serde(default)]
    pub modules: Vec<Module>,
}

/// Required level of each listed competency for one kind of position, optionally narrowed to
/// a position title (e.g. a technical standard for "Analis Data").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionStandard {
    pub position: PositionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub required: Vec<RequiredLevel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredLevel {
    pub competency: CompetencyCode,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Module {
    pub id: ModuleId,
    pub title: Text,
    pub summary: Text,
    /// The competencies this module develops and the level it brings a learner to.
    pub targets: Vec<ModuleTarget>,
    /// Learning hours credited when the module is completed.
    pub jp: f64,
    pub lessons: Vec<Lesson>,
    pub quiz: Quiz,
    /// Set when a newer pack edition dropped the module: kept for history, no longer offered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleTarget {
    pub competency: CompetencyCode,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: String,
    pub title: Text,
    /// Markdown (a safe subset: headings, paragraphs, lists, emphasis, quotes).
    pub body: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// Percentage of questions answered correctly needed to pass (0–100).
    pub pass_mark: u8,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub prompt: Text,
    pub choices: Vec<Text>,
    /// Indexes into `choices`; more than one means "choose all that apply".
    pub correct: Vec<usize>,
    pub explanation: Text,
}
