//! The profile picker: who is using the shared tablet now.

use leptos::prelude::*;

use crate::domain::record::Id;
use crate::domain::sort;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route, Screen};
use crate::ui::state::use_store;

/// Two letters for the avatar: first letters of the first two words.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let open = move |id: Id, has_pin: bool| {
        if has_pin {
            navigate(&Route::Unlock(id));
        } else {
            store.session.set(Some(id.clone()));
            navigate(&Route::Profile(id, Screen::Dashboard));
        }
    };
    let cards = move || {
        let mut people: Vec<(Id, String, String, bool)> = store.snapshot.with(|s| {
            s.employees
                .live()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.data().name.clone(),
                        r.data().unit.clone(),
                        s.is_locked(&r.id),
                    )
                })
                .collect()
        });
        sort::sort_by(&mut people, |a, b| a.1.to_lowercase().cmp(&b.1.to_lowercase()));
        people
            .into_iter()
            .map(|(id, name, unit, has_pin)| {
                let label = name.clone();
                view! {
                    <li>
                        <button type="button" class="profile-card" on:click=move |_| open(id.clone(), has_pin)>
                            <span class="avatar" aria-hidden="true">{initials(&name)}</span>
                            <span class="profile-text">
                                <span class="profile-name">{label}</span>
                                <span class="profile-unit">{unit}</span>
                            </span>
                            {has_pin.then(|| view! { <span class="pin-badge">{i18n.tr("ber-PIN", "PIN")}</span> })}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || store.snapshot.with(|s| s.employees.live().next().is_none());
    view! {
        <section class="page">
            <h1>{i18n.tr("Siapa yang belajar hari ini?", "Who is learning today?")}</h1>
            <Show when=empty>
                <p class="lead">
                    {move || i18n.text(&store.catalog.with(|c| crate::domain::rules::wording::welcome(&c.rules)))}
                </p>
            </Show>
            <ul class="profile-grid">{cards}</ul>
            <p class="actions">
                <a class="button" href=Route::NewProfile.href()>{i18n.tr("Tambah profil", "Add a profile")}</a>
                <a class="button button-secondary" href=Route::Data.href()>{i18n.tr("Data: impor dan ekspor", "Data: import and export")}</a>
                <a class="button button-secondary" href=crate::route::TrainerTab::Cohort.from_learner_app()>{i18n.tr("Mode pelatih", "Trainer mode")}</a>
            </p>
        </section>
    }
}
