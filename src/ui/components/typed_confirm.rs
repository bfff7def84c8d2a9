//! A destructive act confirmed by typing a word (HAPUS / DELETE): one tap cannot erase a
//! person or a cohort by accident on a shared tablet.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;

/// The confirmation field and the danger button; `on_confirm` runs only once the word is typed.
#[component]
pub fn TypedConfirm(
    /// The input's id (unique on the page).
    field: &'static str,
    /// The button's text (Indonesian, English).
    button: (&'static str, &'static str),
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let word = move || i18n.t("HAPUS", "DELETE");
    let ready = move || typed.get().trim() == word();
    view! {
        <div class="field">
            <label for=field>{i18n.tr("Ketik HAPUS untuk mengonfirmasi", "Type DELETE to confirm")}</label>
            <input id=field type="text" autocomplete="off" prop:value=typed on:input=move |e| typed.set(event_target_value(&e))/>
        </div>
        <p class="actions">
            <button type="button" class="button button-danger" disabled=move || !ready()
                on:click=move |_| if ready() { on_confirm.run(()) }>{i18n.tr(button.0, button.1)}</button>
        </p>
    }
}
