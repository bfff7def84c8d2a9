//! PIN entry for a protected profile, with a growing wait after repeated wrong PINs.

use leptos::prelude::*;

use crate::browser;
use crate::domain::model::lock::ProfileLock;
use crate::domain::pin::{hash_pin, needs_rehash};
use crate::domain::record::Id;
use crate::storage::prefs;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route};
use crate::ui::state::{use_store, Store};

/// Checks `pin` for `employee` at this device's gate (waits and counts kept across reloads).
/// On success, a hash made with an older round count is replaced by a current one.
pub fn try_unlock(store: Store, employee: &Id, pin: &str) -> Result<(), crate::domain::lang::Text> {
    let Some(lock) = store.snapshot.with_untracked(|s| s.lock_of(employee).cloned()) else {
        return Ok(());
    };
    let mut attempts = prefs::attempts(employee.as_str());
    let result = attempts.attempt(pin, &lock.pin, js_sys::Date::now());
    prefs::set_attempts(employee.as_str(), attempts);
    result.map_err(|r| r.text())?;
    if needs_rehash(&lock.pin) {
        // Only the hash is renewed; a sealed signing key has its own derivation and stays.
        let fresh = ProfileLock {
            pin: hash_pin(pin, browser::random_bytes()),
            ..lock
        };
        let who = employee.clone();
        store.change(move |s, dev, now| s.set_lock(&who, fresh, dev, now));
    }
    Ok(())
}

#[component]
pub fn UnlockPage(employee: Id, then: Route) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let person = store.snapshot.with_untracked(|s| {
        s.employees
            .get(&employee)
            .filter(|r| !r.is_deleted())
            .map(|r| (r.data().name.clone(), s.is_locked(&employee)))
    });
    let Some((name, true)) = person else {
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
        match try_unlock(store, &id, &pin.get_untracked()) {
            Ok(()) => {
                store.session.set(Some(id.clone()));
                navigate(&then);
            }
            Err(t) => {
                pin.set(String::new());
                message.set(Some(i18n.text(&t)));
            }
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
            <details class="help">
                <summary>{i18n.tr("Lupa PIN?", "Forgot your PIN?")}</summary>
                <p>{i18n.tr(
                    "Data Anda tidak hilang. Mintalah pelatih atau pengelola kepegawaian mengatur ulang PIN di perangkat ini: Mode pelatih → Profil di perangkat ini. Anda sendiri yang mengetik PIN baru.",
                    "Your data is not lost. Ask your trainer or HR officer to reset the PIN on this device: Trainer mode → Profiles on this device. You type the new PIN yourself.",
                )}</p>
            </details>
        </section>
    }
    .into_any()
}
