//! A link that names no screen (an old bookmark, a typo) still lands somewhere useful.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t("Halaman tidak ditemukan", "Page not found")}</h1>
            <p>
                {move || i18n.t("Tidak ada halaman di alamat ", "There is no page at ")}
                <code>{format!("#/{path}")}</code>"."
            </p>
            <p><a class="button" href=Route::Profiles.href()>{move || i18n.t("Ke beranda", "Go to the start page")}</a></p>
        </section>
    }
}
