//! PIN entry for a protected profile, with a growing wait after repeated wrong PINs.

use leptos::prelude::*;

use crate::domain::pin::{lockout_seconds, verify_pin};
use crate::domain::record::Id;
use crate::storage::prefs;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route};
use crate::ui::state::use_store;

#[component]
pub fn UnlockPage(employee: Id, then: Route) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let person = store.snapshot.with_untracked(|s| {
        s.employees
            .get(&employee)
            .map(|r| (r.data().name.clone(), r.data().pin.clone()))
    });
    let Some((name, Some(stored))) = person else {
        // No such profile, or no PIN: nothing to unlock.
        if person.is_some() {
            store.session.set(Some(employee.clone()));
            navigate(&then);
        }
        return view! { <section class="page"><h1>{i18n.tr("Profil tidak ditemukan", "Profile not found")}</h1>
            <p><a class="button" href=Route::Profiles.href()>{i18n.tr("Ke daftar profil", "To the profiles")}</a></p></section> }
        .into_any();
    };
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let id = employee.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = js_sys::Date::now();
        let (failures, until) = prefs::pin_failures(&id);
        if now < until {
            let secs = ((until - now) / 1000.0).ceil();
            message.set(Some(format!(
                "{} {secs} {}",
                i18n.t(
                    "Terlalu banyak PIN salah. Coba lagi dalam",
                    "Too many wrong PINs. Try again in"
                ),
                i18n.t("detik.", "seconds.")
            )));
            return;
        }
        if verify_pin(&pin.get_untracked(), &stored) {
            prefs::set_pin_failures(&id, 0, 0.0);
            store.session.set(Some(id.clone()));
            navigate(&then);
        } else {
            let failures = failures + 1;
            let wait = lockout_seconds(failures);
            prefs::set_pin_failures(&id, failures, now + wait as f64 * 1000.0);
            pin.set(String::new());
            message.set(Some(if wait > 0 {
                format!(
                    "{} {wait} {}",
                    i18n.t("PIN salah. Tunggu", "Wrong PIN. Wait"),
                    i18n.t("detik sebelum mencoba lagi.", "seconds before trying again.")
                )
            } else {
                i18n.t("PIN salah.", "Wrong PIN.").to_string()
            }));
        }
    };
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Buka profil", "Open profile")}</h1>
            <p class="lead">{name}</p>
            <form class="form" on:submit=submit>
                <div class="field">
                    <label for="f-unlock">{i18n.tr("PIN", "PIN")}</label>
                    <input id="f-unlock" type="password" inputmode="numeric" autocomplete="off" maxlength="6" autofocus
                        prop:value=pin on:input=move |e| pin.set(event_target_value(&e)) aria-describedby="e-unlock"/>
                    <p class="field-error" id="e-unlock" role="alert" data-testid="unlock-error">{move || message.get()}</p>
                </div>
                <p class="actions">
                    <button type="submit" class="button">{i18n.tr("Buka", "Open")}</button>
                    <a class="button button-secondary" href=Route::Profiles.href()>{i18n.tr("Kembali", "Back")}</a>
                </p>
            </form>
        </section>
    }
    .into_any()
}
