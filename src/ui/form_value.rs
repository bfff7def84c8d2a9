//! Form plumbing shared by the screens: `<select>` values for domain enums (the enum's own
//! serialised name, `"pengawas"`, `"workshop"`, so a form value and the export format always
//! agree), each problem beside its field, and the focus on the first.

use crate::domain::json;
use crate::domain::lang::Text;
use crate::ui::i18n::I18n;
use leptos::prelude::{RwSignal, With};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The name an enum value is serialised under.
pub fn key<T: Serialize>(value: &T) -> String {
    crate::domain::json::to_value(value)
        .as_str()
        .map(String::from)
        .unwrap_or_default()
}

/// The enum value a `<select>` holds; `None` for the empty "choose" option or anything else.
pub fn parse<T: DeserializeOwned>(key: &str) -> Option<T> {
    json::from_value(&serde_json::Value::String(key.to_string())).ok()
}

/// Moves the focus to the element `id` (a form's first field in error), if it is there.
pub fn focus_by_id(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The problems of `errors` that belong to `field`, in the interface language: what a form
/// shows beside that field (reactive: a closure for the view).
pub fn errors_of<F: PartialEq + Copy + Send + Sync + 'static>(
    errors: RwSignal<Vec<(F, Text)>>,
    field: F,
    i18n: I18n,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        errors.with(|e| {
            e.iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, t)| i18n.text(t))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}
