//! A link that names no screen (an old bookmark, a typo) still lands somewhere useful.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.tr("Halaman tidak ditemukan", "Page not found")}</h1>
            <p>
                {i18n.tr("Tidak ada halaman di alamat ", "There is no page at ")}
                <code>{format!("#/{path}")}</code>"."
            </p>
            <p><a class="button" href=Route::Profiles.href()>{i18n.tr("Ke beranda", "Go to the start page")}</a></p>
        </section>
    }
}
