//! Learning together: the facilitator (this open profile) records a group session once, and
//! each attendee on this device confirms — with their own PIN, by a tap on a profile that has
//! no PIN, or through the facilitator's sign-in list. Saving credits every confirmed attendee
//! with the session as an activity in their own record (`Snapshot::record_session`).

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::model::session::{Confirmed, SessionField, SessionForm, SessionKind};
use crate::domain::record::Id;
use crate::domain::rules::jp::preview_jp;
use crate::domain::sort;
use crate::ui::form_value::{errors_of, focus_by_id, key, parse};
use crate::ui::i18n::use_i18n;
use crate::ui::pages::unlock::try_unlock;
use crate::ui::route::{Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn TogetherPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (topic, kind, date, hours, sign_in) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(browser::today().to_string()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // Who has confirmed so far, and how.
    let confirmed = RwSignal::new(Vec::<(Id, Confirmed)>::new());
    let errors = RwSignal::new(Vec::<(SessionField, Text)>::new());
    let saved = RwSignal::new(None::<String>);
    let error_for = move |field: SessionField| errors_of(errors, field, i18n);
    let confirm = move |who: Id, how: Confirmed| {
        confirmed.update(|c| {
            c.retain(|(w, _)| w != &who);
            c.push((who, how));
        });
    };
    let unconfirm = move |who: Id| confirmed.update(|c| c.retain(|(w, _)| w != &who));

    // Everyone on this device, the facilitator first.
    let me = employee.clone();
    let people = move || {
        store.snapshot.with(|s| {
            let mut all: Vec<(Id, String, bool)> = s
                .employees
                .live()
                .map(|r| (r.id.clone(), r.data().name.clone(), s.is_locked(&r.id)))
                .collect();
            sort::sort_by(&mut all, |a, b| {
                (a.0 != me)
                    .cmp(&(b.0 != me))
                    .then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase()))
            });
            all
        })
    };
    let lead = employee.clone();
    let rows = move || {
        people()
            .into_iter()
            .map(|(id, name, has_pin)| {
                let is_lead = id == lead;
                let status = {
                    let id = id.clone();
                    move || confirmed.with(|c| c.iter().find(|(w, _)| w == &id).map(|(_, how)| how.clone()))
                };
                let pin = RwSignal::new(String::new());
                let pin_error = RwSignal::new(None::<String>);
                let input_id = format!("pin-{}", id.as_str());
                let error_id = format!("pin-error-{}", id.as_str());
                let (id_pin, id_tap, id_list, id_undo) = (id.clone(), id.clone(), id.clone(), id.clone());
                let check_pin = move |_| match try_unlock(store, &id_pin, &pin.get_untracked()) {
                    Ok(()) => {
                        pin.set(String::new());
                        pin_error.set(None);
                        confirm(id_pin.clone(), Confirmed::OwnPin);
                    }
                    Err(t) => {
                        pin.set(String::new());
                        pin_error.set(Some(i18n.text(&t)));
                    }
                };
                let by_list = move |_| confirm(id_list.clone(), Confirmed::SignInList { reference: sign_in.get_untracked().trim().to_string() });
                let how = move |c: &Confirmed| match c {
                    Confirmed::OwnPin => i18n.t("✓ hadir, dikonfirmasi dengan PIN-nya", "✓ present, confirmed with their PIN"),
                    Confirmed::OpenProfile => i18n.t("✓ hadir (profil tanpa PIN)", "✓ present (profile without a PIN)"),
                    Confirmed::SignInList { .. } => i18n.t("✓ hadir, menurut daftar hadir", "✓ present, per the sign-in list"),
                };
                let label = name.clone();
                view! {
                    <li class="attendee" data-testid="attendee">
                        <strong>{name}</strong>
                        {is_lead.then(|| view! { <span class="muted">{i18n.tr(" (fasilitator)", " (facilitator)")}</span> })}
                        {move || match status() {
                            Some(c) => {
                                let undo = id_undo.clone();
                                view! {
                                    <p class="status-good">{how(&c)}" "
                                        <button type="button" class="button-quiet" on:click=move |_| unconfirm(undo.clone())>{i18n.tr("Batalkan", "Undo")}</button>
                                    </p>
                                }.into_any()
                            }
                            None => {
                                let (tap, input_id, error_id) = (id_tap.clone(), input_id.clone(), error_id.clone());
                                let (pin_label, list_label, tap_label) = (label.clone(), label.clone(), label.clone());
                                view! {
                                    <div class="attendee-confirm">
                                        {if has_pin && !is_lead {
                                            view! {
                                                <div class="field">
                                                    <label for=input_id.clone()>{format!("{} {}", i18n.t("PIN", "PIN of"), pin_label.clone())}</label>
                                                    <input id=input_id type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                                                        aria-describedby=error_id.clone() prop:value=pin on:input=move |e| pin.set(event_target_value(&e))/>
                                                    <p class="field-error" id=error_id role="alert">{move || pin_error.get()}</p>
                                                </div>
                                                <button type="button" class="button button-secondary" on:click=check_pin.clone()>{i18n.tr("Konfirmasi dengan PIN", "Confirm with PIN")}</button>
                                            }.into_any()
                                        } else {
                                            // The facilitator's own profile is open; a profile without a PIN opens for anyone.
                                            view! {
                                                <button type="button" class="button button-secondary" aria-label=format!("{} {tap_label}", i18n.t("Hadir:", "Present:"))
                                                    on:click=move |_| confirm(tap.clone(), if is_lead { Confirmed::OwnPin } else { Confirmed::OpenProfile })>
                                                    {i18n.tr("Hadir", "Present")}
                                                </button>
                                            }.into_any()
                                        }}
                                        " "
                                        <button type="button" class="button-quiet" aria-label=format!("{} {list_label}", i18n.t("Tercatat di daftar hadir:", "On the sign-in list:")) on:click=by_list.clone()>
                                            {i18n.tr("Tercatat di daftar hadir", "On the sign-in list")}
                                        </button>
                                    </div>
                                }.into_any()
                            }
                        }}
                    </li>
                }
            })
            .collect_view()
    };

    let preview = move || {
        let rules = store.catalog.with(|c| c.rules.clone());
        let method = parse::<SessionKind>(&kind.get()).map(SessionKind::method);
        preview_jp(method, &hours.get(), &rules).map(|(jp, capped)| {
            let mut t = format!(
                "{} {} JP",
                i18n.t("Setiap peserta akan dicatat:", "Each attendee will be credited:"),
                format::number(i18n.lang(), jp)
            );
            if capped {
                t.push_str(i18n.t(
                    " (batas metode ini per kegiatan)",
                    " (this method's limit per activity)",
                ));
            }
            t
        })
    };
    let facilitator = employee.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = SessionForm {
            topic: topic.get_untracked(),
            kind: parse(&kind.get_untracked()),
            date: date.get_untracked(),
            hours: hours.get_untracked(),
            sign_in_list: sign_in.get_untracked(),
        };
        // The sign-in list's number as typed now, for everyone confirmed through it.
        let reference = form.sign_in_list.trim().to_string();
        let list: Vec<(Id, Confirmed)> = confirmed
            .get_untracked()
            .into_iter()
            .map(|(w, c)| match c {
                Confirmed::SignInList { .. } => (
                    w,
                    Confirmed::SignInList {
                        reference: reference.clone(),
                    },
                ),
                other => (w, other),
            })
            .collect();
        let lead = facilitator.clone();
        let outcome = store.try_change(move |s, dev, now| {
            s.record_session(
                &lead,
                &form,
                &list,
                browser::new_id(),
                browser::new_id,
                browser::today(),
                dev,
                now,
            )
            .map(|_| ())
        });
        match outcome {
            Ok(true) => {
                let n = confirmed.with_untracked(|c| c.len());
                saved.set(Some(format!(
                    "{} {n} {}",
                    i18n.t("Sesi dicatat untuk", "Session recorded for"),
                    i18n.t("peserta.", "attendees.")
                )));
                errors.set(Vec::new());
                confirmed.set(Vec::new());
                for s in [topic, hours, sign_in] {
                    s.set(String::new());
                }
            }
            Ok(false) => {}
            Err(e) => {
                let first = FIELD_ORDER.iter().find(|f| e.iter().any(|(g, _)| g == *f));
                errors.set(e);
                saved.set(None);
                if let Some(f) = first {
                    focus_by_id(field_id(*f));
                }
            }
        }
    };
    let kinds = SessionKind::ALL
        .iter()
        .map(|k| {
            let value = key(k);
            let label = k.label();
            view! { <option value=value.clone() selected=move || kind.get() == value>{move || i18n.text(&label)}</option> }
        })
        .collect_view();
    let activities = Route::Profile(employee.clone(), Screen::Activities).href();

    view! {
        <section class="page">
            <h1>{i18n.tr("Belajar bersama", "Learning together")}</h1>
            <p class="lead">{i18n.tr(
                "Catat sesi komunitas praktik, forum kelompok kerja, diskusi rutin atau coaching internal yang Anda pandu. Setiap peserta di perangkat ini mengonfirmasi kehadirannya sendiri; yang sudah mengonfirmasi mendapat kegiatan ini dengan JP-nya.",
                "Record a community-of-practice session, working-group forum, routine discussion or in-house coaching that you led. Every attendee on this device confirms their own attendance; those who have confirmed get the activity with its JP.",
            )}</p>
            <form class="form" on:submit=save novalidate>
                <div class="field"><label for="s-topic">{i18n.tr("Topik", "Topic")}</label>
                    <input id="s-topic" type="text" aria-describedby="e-s-topic" prop:value=topic on:input=move |e| topic.set(event_target_value(&e))/>
                    <p class="field-error" id="e-s-topic" role="alert">{error_for(SessionField::Topic)}</p></div>
                <div class="field"><label for="s-kind">{i18n.tr("Jenis sesi", "Kind of session")}</label>
                    <select id="s-kind" aria-describedby="e-s-kind" on:change=move |e| kind.set(event_target_value(&e))>
                        <option value="" selected=move || kind.get().is_empty()>{i18n.tr("— pilih —", "— choose —")}</option>
                        {kinds}
                    </select>
                    <p class="field-error" id="e-s-kind" role="alert">{error_for(SessionField::Kind)}</p></div>
                <div class="field-row">
                    <div class="field"><label for="s-date">{i18n.tr("Tanggal", "Date")}</label>
                        <input id="s-date" type="date" aria-describedby="e-s-date" prop:value=date on:input=move |e| date.set(event_target_value(&e))/>
                        <p class="field-error" id="e-s-date" role="alert">{error_for(SessionField::Date)}</p></div>
                    <div class="field"><label for="s-hours">{i18n.tr("Lama (jam)", "Length (hours)")}</label>
                        <input id="s-hours" type="text" inputmode="decimal" aria-describedby="e-s-hours s-jp" prop:value=hours on:input=move |e| hours.set(event_target_value(&e))/>
                        <p class="field-error" id="e-s-hours" role="alert">{error_for(SessionField::Hours)}</p></div>
                </div>
                <p class="field-hint" id="s-jp" data-testid="session-jp" aria-live="polite">{preview}</p>
                <div class="field"><label for="s-list">{i18n.tr("Nomor daftar hadir (bila ada)", "Sign-in list number (if any)")}</label>
                    <input id="s-list" type="text" aria-describedby="e-s-list" prop:value=sign_in on:input=move |e| sign_in.set(event_target_value(&e))/>
                    <p class="field-error" id="e-s-list" role="alert">{error_for(SessionField::SignInList)}</p></div>
                <h2 id="s-attendees">{i18n.tr("Peserta di perangkat ini", "Attendees on this device")}</h2>
                <p class="muted">{i18n.tr(
                    "Serahkan perangkat kepada setiap peserta untuk mengetik PIN-nya. Peserta yang tercatat di daftar hadir bertanda tangan dapat dikonfirmasi lewat daftar itu; nomornya disimpan sebagai bukti.",
                    "Hand the device to each attendee to type their PIN. Attendees on a signed sign-in list can be confirmed through it; its number is kept as the evidence.",
                )}</p>
                <ul class="attendees" aria-labelledby="s-attendees">{rows}</ul>
                <p class="field-error" id="e-s-attendees" role="alert" tabindex="-1">{error_for(SessionField::Attendees)}</p>
                <p class="actions"><button type="submit" class="button">{i18n.tr("Simpan sesi", "Save the session")}</button></p>
            </form>
            {move || saved.get().map(|t| view! {
                <p class="notice notice-ok" role="status" data-testid="session-saved">{t}" "
                    <a href=activities.clone()>{i18n.t("Lihat kegiatan", "See the activities")}</a></p>
            })}
        </section>
    }
}

/// The form's fields in screen order, for the first error's focus.
const FIELD_ORDER: [SessionField; 6] = [
    SessionField::Topic,
    SessionField::Kind,
    SessionField::Date,
    SessionField::Hours,
    SessionField::SignInList,
    SessionField::Attendees,
];

fn field_id(f: SessionField) -> &'static str {
    match f {
        SessionField::Topic => "s-topic",
        SessionField::Kind => "s-kind",
        SessionField::Date => "s-date",
        SessionField::Hours => "s-hours",
        SessionField::SignInList => "s-list",
        SessionField::Attendees => "e-s-attendees",
    }
}
