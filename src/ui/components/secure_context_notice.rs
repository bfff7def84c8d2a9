//! Tells the user when no offline copy can be installed.
//!
//! Service workers (and so offline use) exist only in a secure context: `https://` or
//! `localhost`. A tablet that opened the site from a laptop at `http://192.168.…` works while
//! connected but keeps nothing for later; the user must know before they walk out of Wi-Fi range.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;

#[component]
pub fn SecureContextNotice() -> impl IntoView {
    let i18n = use_i18n();
    let secure = window().is_secure_context();
    view! {
        <Show when=move || !secure>
            <aside class="notice notice-warn" role="note" data-testid="insecure-context">
                <strong>{i18n.tr("Salinan offline tidak tersedia. ", "Offline copy unavailable. ")}</strong>
                {i18n.tr(
                    "Situs ini dibuka lewat alamat http biasa, sehingga peramban tidak dapat menyimpannya untuk dipakai tanpa jaringan. Aplikasi tetap berfungsi selama tersambung. Minta pelatih membagikan alamat https:// atau menjalankan Lentera di perangkat ini (localhost).",
                    "This site was opened from a plain http address, so the browser cannot keep it for use without a network. The app still works while connected. Ask your trainer for an https:// address or to run Lentera on this device (localhost).",
                )}
            </aside>
        </Show>
    }
}
