//! The language of the interface, shared through context.
//!
//! UI strings are written next to the markup as an (Indonesian, English) pair rather than
//! behind keys: a reader sees both texts where they are used, and a missing translation is a
//! compile-time impossibility rather than a runtime blank.

use leptos::prelude::*;

use crate::domain::lang::{Lang, Text};
use crate::storage;

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// Set when the choice could not be stored, so the UI can say it will not survive a reload.
    save_error: RwSignal<Option<String>>,
}

impl I18n {
    pub fn provide() -> I18n {
        let i18n = I18n {
            lang: RwSignal::new(storage::prefs::load_lang()),
            save_error: RwSignal::new(None),
        };
        provide_context(i18n);
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Picks the text for the current language (reactive: call inside a closure in views).
    pub fn t(&self, id: &'static str, en: &'static str) -> &'static str {
        match self.lang.get() {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// A fixed text that follows the language, for a view's text or attribute: write
    /// `{i18n.tr("Simpan", "Save")}` rather than `{i18n.tr("Simpan", "Save")}`. Every call
    /// returns the same closure type, so Leptos' reactive render code for it is compiled once;
    /// each closure written inline was its own copy (about 150 of them in the app).
    pub fn tr(self, id: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(id, en)
    }

    /// Picks from a domain `Text` (pack content, validation messages).
    pub fn text(&self, text: &Text) -> String {
        text.get(self.lang.get()).to_string()
    }

    pub fn save_error(&self) -> Option<String> {
        self.save_error.get()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.save_error.set(storage::prefs::save_lang(lang).err());
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
