//! The sections of an unlocked profile, and the way to lock it again.

use leptos::prelude::*;

use crate::domain::record::Id;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, use_route, Route};
use crate::ui::state::use_store;

#[component]
pub fn ProfileNav(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let route = use_route();
    let e = employee.clone();
    let items: Vec<(Route, &'static str, &'static str)> = vec![
        (Route::Dashboard(e.clone()), "Ringkasan", "Overview"),
        (Route::Assess(e.clone()), "Penilaian diri", "Self-assessment"),
        (Route::Learn(e.clone()), "Belajar", "Learn"),
        (Route::Activities(e.clone()), "Kegiatan", "Activities"),
        (Route::Plan(e.clone()), "Rencana", "Plan"),
        (Route::Supervisor(e.clone()), "Atasan", "Supervisor"),
        (Route::MyData(e.clone()), "Data saya", "My data"),
    ];
    let links = items
        .into_iter()
        .map(|(r, id, en)| {
            let href = r.href();
            let target = r.clone();
            let current = move || {
                let now = route.get();
                let same = match (&now, &target) {
                    (Route::Module(..) | Route::Lesson(..) | Route::Quiz(..), Route::Learn(_)) => true,
                    (a, b) => a == b,
                };
                same.then_some("page")
            };
            view! { <a href=href aria-current=current>{i18n.tr(id, en)}</a> }
        })
        .collect_view();
    let lock = move |_| {
        store.session.set(None);
        navigate(&Route::Profiles);
    };
    view! {
        <nav class="profile-nav" aria-label=i18n.tr("Bagian profil", "Profile sections")>
            {links}
            <button type="button" class="button-quiet" on:click=lock>{i18n.tr("Kunci / ganti profil", "Lock / switch profile")}</button>
        </nav>
    }
}
