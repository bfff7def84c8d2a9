//! The optional passphrase that protects an export file (`domain::envelope`), typed twice.

use leptos::prelude::*;

use crate::domain::envelope::check_passphrase;
use crate::domain::lang::Text;
use crate::ui::i18n::use_i18n;

/// What the two fields hold: no protection (both empty), a passphrase, or why not.
pub fn chosen(value: RwSignal<String>, repeat: RwSignal<String>) -> Result<Option<String>, Text> {
    let (p, r) = (value.get_untracked(), repeat.get_untracked());
    if p.is_empty() && r.is_empty() {
        return Ok(None);
    }
    check_passphrase(&p)?;
    if p != r {
        return Err(Text::new("Kedua kata sandi tidak sama.", "The two passphrases differ."));
    }
    Ok(Some(p))
}

/// Two password fields under a short explanation; `id` prefixes their element ids.
#[component]
pub fn ExportPassphrase(id: &'static str, value: RwSignal<String>, repeat: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let first = format!("{id}-pass");
    let second = format!("{id}-pass2");
    view! {
        <div class="field">
            <label for=first.clone()>{i18n.tr("Kunci berkas dengan kata sandi (opsional)", "Protect the file with a passphrase (optional)")}</label>
            <input id=first type="password" autocomplete="new-password" prop:value=value on:input=move |e| value.set(event_target_value(&e))/>
            <p class="field-hint">{i18n.tr(
                "Minimal 8 karakter. Tanpa kata sandi ini berkas tidak dapat dibuka — sampaikan kepada penerima lewat jalur lain.",
                "At least 8 characters. The file cannot be opened without it — tell the recipient by another channel.",
            )}</p>
        </div>
        <div class="field">
            <label for=second.clone()>{i18n.tr("Ulangi kata sandi berkas", "Repeat the file passphrase")}</label>
            <input id=second type="password" autocomplete="new-password" prop:value=repeat on:input=move |e| repeat.set(event_target_value(&e))/>
        </div>
    }
}
