//! The two languages of the app and bilingual text.
//!
//! Domain messages (validation errors, rule explanations) are produced in both languages at
//! once so the UI only picks one; Bahasa Indonesia is the default everywhere.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// BCP 47 tag, used for `<html lang>` and for persisting the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Unknown or missing codes fall back to Indonesian rather than failing.
    pub fn from_code(code: &str) -> Lang {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Lang::En,
            _ => Lang::Id,
        }
    }
}

/// A piece of text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`; English falls back to Indonesian when no translation exists.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_code_falls_back_to_indonesian() {
        assert_eq!(Lang::from_code("fr"), Lang::Id);
        assert_eq!(Lang::from_code(" EN "), Lang::En);
        assert_eq!(Lang::from_code(Lang::En.code()), Lang::En);
    }

    #[test]
    fn missing_english_falls_back_to_indonesian() {
        let t = Text::new("Integritas", "");
        assert_eq!(t.get(Lang::En), "Integritas");
        let t = Text::new("Kerja Sama", "Teamwork");
        assert_eq!(t.get(Lang::En), "Teamwork");
        assert_eq!(t.get(Lang::Id), "Kerja Sama");
    }
}
