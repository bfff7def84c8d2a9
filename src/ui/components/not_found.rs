//! A link that names no screen (an old bookmark, a typo) still lands somewhere useful: the
//! start of the app it was meant for (`home`).

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;

#[component]
pub fn NotFoundPage(path: String, home: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.tr("Halaman tidak ditemukan", "Page not found")}</h1>
            <p>
                {i18n.tr("Tidak ada halaman di alamat ", "There is no page at ")}
                <code>{format!("#/{path}")}</code>"."
            </p>
            <p><a class="button" href=home>{i18n.tr("Ke beranda", "Go to the start page")}</a></p>
        </section>
    }
}
