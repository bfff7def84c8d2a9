//! Bahasa Indonesia / English toggle; the choice is remembered on this device.

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::ui::i18n::use_i18n;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="lang-option"
                lang=lang.code()
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.set_lang(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=i18n.tr("Bahasa", "Language")>
            {option(Lang::Id, "Bahasa Indonesia")}
            {option(Lang::En, "English")}
        </div>
        <Show when=move || i18n.save_error().is_some()>
            <p class="notice notice-warn" role="status">
                {i18n.tr(
                    "Pilihan bahasa tidak dapat disimpan di perangkat ini; akan kembali ke bawaan setelah dimuat ulang.",
                    "The language choice could not be stored on this device; it will reset after a reload.",
                )}
            </p>
        </Show>
    }
}
