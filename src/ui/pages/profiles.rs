//! The profile picker: who is using the shared tablet now. Drawn first by the small first
//! download (`ui::first_screen`) from the stored summary, then by the whole app from the data.

use leptos::prelude::*;

use crate::domain::first_screen::FirstScreen;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route};
use crate::ui::state::use_store;

/// Two letters for the avatar: first letters of the first two words.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The picker in the whole app, from the data on this device.
#[component]
pub fn ProfilesPage() -> impl IntoView {
    let store = use_store();
    view! { <ProfilePicker summary=store.first_screen.into()/> }
}

/// The picker itself. A profile's card goes to its PIN screen, or (without a PIN) to its
/// dashboard, which the app opens only after its own check (`ui::app::screen`).
#[component]
pub fn ProfilePicker(summary: Signal<FirstScreen>) -> impl IntoView {
    let i18n = use_i18n();
    let cards = move || {
        summary.with(|s| {
            s.profiles
                .iter()
                .map(|p| {
                    let to = if p.has_pin { Route::Unlock(p.id.clone()) } else { Route::dashboard(p.id.clone()) };
                    view! {
                        <li>
                            <button type="button" class="profile-card" on:click=move |_| navigate(&to)>
                                <span class="avatar" aria-hidden="true">{initials(&p.name)}</span>
                                <span class="profile-text">
                                    <span class="profile-name">{p.name.clone()}</span>
                                    <span class="profile-unit">{p.unit.clone()}</span>
                                </span>
                                {p.has_pin.then(|| view! { <span class="pin-badge">{i18n.tr("ber-PIN", "PIN")}</span> })}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || summary.with(|s| s.profiles.is_empty());
    view! {
        <section class="page">
            <h1>{i18n.tr("Siapa yang belajar hari ini?", "Who is learning today?")}</h1>
            <Show when=empty>
                <p class="lead">{move || summary.with(|s| i18n.text(&s.welcome))}</p>
            </Show>
            <ul class="profile-grid">{cards}</ul>
            <p class="actions">
                <a class="button" href=Route::NewProfile.href()>{i18n.tr("Tambah profil", "Add a profile")}</a>
                <a class="button button-secondary" href=Route::Data.href()>{i18n.tr("Data: impor dan ekspor", "Data: import and export")}</a>
                <a class="button button-secondary" href=Route::Settings.href()>{i18n.tr("Pengaturan", "Settings")}</a>
                <a class="button button-secondary" href=crate::route::TrainerTab::Cohort.from_learner_app()>{i18n.tr("Mode pelatih", "Trainer mode")}</a>
            </p>
        </section>
    }
}
