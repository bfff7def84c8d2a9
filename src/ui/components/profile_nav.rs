//! The sections of an unlocked profile, and the way to lock it again.

use leptos::prelude::*;

use crate::domain::record::Id;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, use_route, Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn ProfileNav(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let route = use_route();
    let e = employee.clone();
    let items: Vec<(Screen, &'static str, &'static str)> = vec![
        (Screen::Dashboard, "Ringkasan", "Overview"),
        (Screen::Assess, "Penilaian diri", "Self-assessment"),
        (Screen::Learn, "Belajar", "Learn"),
        (Screen::Activities, "Kegiatan", "Activities"),
        (Screen::Together, "Belajar bersama", "Learning together"),
        (Screen::Plan, "Rencana", "Plan"),
        (Screen::Supervisor, "Atasan", "Supervisor"),
        (Screen::MyData, "Data saya", "My data"),
    ];
    let links = items
        .into_iter()
        .map(|(screen, id, en)| {
            let href = Route::Profile(e.clone(), screen.clone()).href();
            let e = e.clone();
            let current = move || {
                let same = route.with(|now| match (now, &screen) {
                    (Route::Profile(_, Screen::Module(..) | Screen::Lesson(..) | Screen::Quiz(..)), Screen::Learn) => {
                        true
                    }
                    (Route::Profile(who, now), target) => who == &e && now == target,
                    _ => false,
                });
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
