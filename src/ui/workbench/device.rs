//! The profiles on this device (not the cohort): who has a PIN here, and the reset of a
//! forgotten one. Behind the workbench's passphrase, which is the authority for a reset on a
//! shared device (`Snapshot::reset_pin`); the owner types the new PIN in the trainer's
//! presence, and the reset is logged on their profile.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::pin::{check_pin, hash_pin};
use crate::domain::record::Id;
use crate::domain::snapshot::commands::ResetRefusal;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

#[component]
pub fn DeviceView() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // The profile whose PIN is being reset, and the outcome of the last reset.
    let resetting = RwSignal::new(None::<Id>);
    let done = RwSignal::new(None::<Result<String, Text>>);
    let rows = move || {
        let lang = i18n.lang();
        store.snapshot.with(|s| {
            let mut people: Vec<_> = s
                .employees
                .live()
                .map(|r| {
                    let e = r.data();
                    let last = e.pin_resets.last().map(|x| format::date(lang, x.at.date_naive()));
                    (r.id.clone(), e.name.clone(), e.nip.to_string(), e.unit.clone(), s.is_locked(&r.id), last)
                })
                .collect();
            crate::domain::sort::sort_by(&mut people, |a, b| a.1.to_lowercase().cmp(&b.1.to_lowercase()));
            people
                .into_iter()
                .map(|(id, name, nip, unit, locked, last)| {
                    let open = id.clone();
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}<div class="muted small">{format!("NIP {nip}")}</div></th>
                            <td>{unit}</td>
                            <td>{if locked { i18n.t("ber-PIN", "has a PIN") } else { i18n.t("tanpa PIN", "no PIN") }}</td>
                            <td>{last.unwrap_or_else(|| "—".into())}</td>
                            <td>{locked.then(|| view! {
                                <button type="button" class="button button-secondary" aria-label=format!("{} {name}", i18n.t("Atur ulang PIN", "Reset the PIN of"))
                                    on:click=move |_| { done.set(None); resetting.set(Some(open.clone())); }>
                                    {i18n.t("Atur ulang PIN", "Reset PIN")}
                                </button>
                            })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Profil di perangkat ini", "Profiles on this device")}</h1>
            <p class="lead">{i18n.tr(
                "Profil yang dibuat di perangkat ini (bukan kohort). Bila seseorang lupa PIN-nya, atur ulang di sini bersama orangnya: ia mengetik PIN barunya sendiri. Semua datanya tetap; pengaturan ulang dicatat di profilnya.",
                "The profiles made on this device (not the cohort). When someone forgets their PIN, reset it here together with them: they type their new PIN themselves. All their data stays; the reset is recorded on their profile.",
            )}</p>
            <div class="table-wrap">
                <table class="table" data-testid="device-profiles">
                    <caption class="visually-hidden">{i18n.tr("Profil di perangkat ini", "Profiles on this device")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.tr("Nama", "Name")}</th>
                        <th scope="col">{i18n.tr("Unit kerja", "Work unit")}</th>
                        <th scope="col">"PIN"</th>
                        <th scope="col">{i18n.tr("PIN terakhir diatur ulang", "PIN last reset")}</th>
                        <th scope="col"><span class="visually-hidden">{i18n.tr("Tindakan", "Action")}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || resetting.get().map(|id| view! { <ResetForm employee=id resetting=resetting done=done/> })}
            {move || done.get().map(|r| match r {
                Ok(name) => view! {
                    <p class="notice notice-ok" role="status" data-testid="pin-reset-done">
                        {format!("{} {name}. {}", i18n.t("PIN diatur ulang untuk", "PIN reset for"), i18n.t("Pengaturan ulang ini dicatat di profilnya.", "The reset is recorded on their profile."))}
                    </p>
                }.into_any(),
                Err(why) => view! { <p class="notice notice-error" role="alert">{i18n.text(&why)}</p> }.into_any(),
            })}
        </section>
    }
}

/// The new PIN, typed twice by the profile's owner.
#[component]
fn ResetForm(
    employee: Id,
    resetting: RwSignal<Option<Id>>,
    done: RwSignal<Option<Result<String, Text>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (name, signs) = store.snapshot.with_untracked(|s| {
        (
            s.employees
                .get(&employee)
                .map(|r| r.data().name.clone())
                .unwrap_or_default(),
            s.lock_of(&employee).is_some_and(|l| l.signing.is_some()),
        )
    });
    let (pin, pin2) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<Text>);
    let who = name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pin.get_untracked();
        if let Err(t) = check_pin(&p) {
            error.set(Some(t));
            return;
        }
        if p != pin2.get_untracked() {
            error.set(Some(Text::new("Kedua PIN berbeda.", "The two PINs differ.")));
            return;
        }
        error.set(None);
        let hash = hash_pin(&p, browser::random_bytes());
        let outcome = store.try_change(|s, dev, now| s.reset_pin(&employee, hash, dev, now));
        done.set(Some(match outcome {
            Ok(true) => Ok(who.clone()),
            Ok(false) => Err(Text::new(
                "Pengaturan ulang tidak tersimpan; PIN lama tetap berlaku.",
                "The reset was not saved; the old PIN still applies.",
            )),
            Err(ResetRefusal::NoProfile) => Err(Text::new(
                "Profil ini tidak ada lagi di perangkat ini.",
                "This profile is no longer on this device.",
            )),
        }));
        resetting.set(None);
    };
    view! {
        <form class="form" on:submit=submit data-testid="pin-reset">
            <h2>{format!("{} {name}", i18n.t("Atur ulang PIN:", "Reset the PIN:"))}</h2>
            <p>{i18n.tr(
                "Serahkan perangkat kepada pemilik profil: ia mengetik PIN barunya (4–6 angka) dua kali.",
                "Hand the device to the profile's owner: they type their new PIN (4–6 digits) twice.",
            )}</p>
            {signs.then(|| view! {
                <p class="notice notice-warn">{i18n.tr(
                    "Profil ini menyimpan kunci tanda tangan atasan yang terkunci dengan PIN lama. Setelah diatur ulang, kunci itu tidak dapat dibuka lagi: ia tidak dapat menandatangani verifikasi di perangkat ini, hanya di perangkat lain tempat kuncinya tersimpan.",
                    "This profile holds a supervisor's signing key locked with the old PIN. After the reset that key cannot be opened: they can no longer sign verifications on this device, only on another device that holds their key.",
                )}</p>
            })}
            <div class="field">
                <label for="reset-pin">{i18n.tr("PIN baru", "New PIN")}</label>
                <input id="reset-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="6"
                    aria-describedby="reset-error" prop:value=pin on:input=move |e| pin.set(event_target_value(&e))/>
            </div>
            <div class="field">
                <label for="reset-pin2">{i18n.tr("Ulangi PIN baru", "Repeat the new PIN")}</label>
                <input id="reset-pin2" type="password" inputmode="numeric" autocomplete="new-password" maxlength="6"
                    aria-describedby="reset-error" prop:value=pin2 on:input=move |e| pin2.set(event_target_value(&e))/>
            </div>
            <p class="field-error" id="reset-error" role="alert">{move || error.get().map(|t| i18n.text(&t))}</p>
            <p class="actions">
                <button type="submit" class="button">{i18n.tr("Simpan PIN baru", "Save the new PIN")}</button>
                <button type="button" class="button button-secondary" on:click=move |_| resetting.set(None)>{i18n.tr("Batal", "Cancel")}</button>
            </p>
        </form>
    }
}
