//! Create or edit a profile, with every field checked by the domain and errors beside the field.

use leptos::prelude::*;

use crate::browser;
use crate::domain::lang::Text;
use crate::domain::model::employee::{EmployeeForm, Field, Grade, PositionKind};
use crate::domain::model::lock::ProfileLock;
use crate::domain::pin::{check_pin, hash_pin};
use crate::domain::record::DeviceId;
use crate::domain::record::Id;
use crate::domain::snapshot::Snapshot;
use crate::storage::prefs;
use crate::ui::form_value::{errors_of, focus_by_id};
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route, Screen};
use crate::ui::state::use_store;
use chrono::{DateTime, Utc};

#[component]
pub fn ProfileFormPage(#[prop(optional)] editing: Option<Id>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let existing = editing.as_ref().and_then(|id| {
        store
            .snapshot
            .with_untracked(|s| s.employees.get(id).map(|r| r.data().clone()))
    });
    let initial = existing.as_ref().map(EmployeeForm::from_employee).unwrap_or_default();
    let had_pin = editing
        .as_ref()
        .is_some_and(|id| store.snapshot.with_untracked(|s| s.is_locked(id)));
    // A profile that signs supervisors' evaluations keeps its key sealed with its PIN: a new
    // PIN needs the current one (to seal the key again), and the PIN cannot be removed.
    let old_lock = editing
        .as_ref()
        .and_then(|id| store.snapshot.with_untracked(|s| s.lock_of(id).cloned()));
    let signs = old_lock.as_ref().is_some_and(|l| l.signing.is_some());
    let current_pin = RwSignal::new(String::new());

    let nip = RwSignal::new(initial.nip.clone());
    let name = RwSignal::new(initial.name.clone());
    let title = RwSignal::new(initial.title.clone());
    let kind = RwSignal::new(initial.kind);
    let unit = RwSignal::new(initial.unit.clone());
    let grade = RwSignal::new(initial.grade.clone());
    let pin = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let remove_pin = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<(Field, Text)>::new());
    let pin_error = RwSignal::new(None::<Text>);
    let failed = RwSignal::new(false);

    let form = move || EmployeeForm {
        nip: nip.get_untracked(),
        name: name.get_untracked(),
        title: title.get_untracked(),
        kind: kind.get_untracked(),
        unit: unit.get_untracked(),
        grade: grade.get_untracked(),
    };
    // The NIP is checked as it is typed once it has 18 digits, so its parts are explained early.
    let editing_for_nip = StoredValue::new(editing.clone());
    let check_nip = move || {
        let f = form();
        let nip_errs: Vec<(Field, Text)> = store
            .snapshot
            .with_untracked(|s| editing_for_nip.with_value(|e| s.check_profile(&f, e.as_ref(), browser::today())))
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|(fl, _)| *fl == Field::Nip)
            .collect();
        errors.update(|e| {
            e.retain(|(fl, _)| *fl != Field::Nip);
            e.extend(nip_errs);
        });
    };
    let error_for = move |field: Field| errors_of(errors, field, i18n);

    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let checked = store
            .snapshot
            .with_untracked(|s| s.check_profile(&form(), editing_id.as_ref(), browser::today()));
        let p = pin.get_untracked();
        let pin_check = if p.is_empty() {
            Ok(None)
        } else if p != pin2.get_untracked() {
            Err(Text::new("Kedua PIN tidak sama.", "The two PINs differ."))
        } else {
            check_pin(&p).map(|_| Some(p))
        };
        pin_error.set(pin_check.as_ref().err().cloned());
        match checked {
            Err(e) => {
                // Every problem beside its field, and the focus on the first of them.
                let first = FIELD_ORDER.iter().find(|f| e.iter().any(|(g, _)| g == *f)).copied();
                errors.set(e);
                if let Some(f) = first {
                    focus_field(f);
                }
            }
            Ok(employee) => {
                errors.set(Vec::new());
                let Ok(new_pin) = pin_check else { return };
                // The PIN is the device's, not the record's (`model::lock`).
                let lock = match (new_pin, &old_lock, &editing_id) {
                    (Some(p), Some(old), Some(owner)) if old.signing.is_some() => {
                        let mut attempts = prefs::attempts(owner.as_str());
                        let now_ms = js_sys::Date::now();
                        if let Err(r) = attempts.check(now_ms) {
                            pin_error.set(Some(r.text()));
                            return;
                        }
                        let hash = hash_pin(&p, browser::random_bytes());
                        let resealed = match (browser::secure_bytes(), browser::secure_bytes()) {
                            (Some(salt), Some(nonce)) => {
                                old.with_new_pin(owner, &current_pin.get_untracked(), hash, &p, salt, nonce)
                            }
                            _ => None,
                        };
                        current_pin.set(String::new());
                        match resealed {
                            Some(l) => {
                                attempts.succeeded();
                                prefs::set_attempts(owner.as_str(), attempts);
                                Some(l)
                            }
                            None => {
                                let r = attempts.failed(now_ms);
                                prefs::set_attempts(owner.as_str(), attempts);
                                pin_error.set(Some(Text::new(
                                    format!("PIN saat ini salah. {}", r.text().id),
                                    format!("The current PIN is wrong. {}", r.text().en),
                                )));
                                return;
                            }
                        }
                    }
                    (Some(p), _, _) => Some(ProfileLock {
                        pin: hash_pin(&p, browser::random_bytes()),
                        signing: None,
                    }),
                    (None, _, _) => None,
                };
                let remove = remove_pin.get_untracked() && !signs;
                let edited = form();
                match &editing_id {
                    None => match store.add_employee(employee, lock) {
                        Some(id) => {
                            store.session.set(Some(id.clone()));
                            navigate(&Route::Profile(id, Screen::Dashboard));
                        }
                        None => failed.set(true),
                    },
                    Some(id) => {
                        let rid = id.clone();
                        let edit = move |s: &mut Snapshot, dev: &DeviceId, now: DateTime<Utc>| {
                            // Only the form's fields change; the rest of the record is kept. The
                            // form was checked above, so it cannot be refused here.
                            let _ = s.edit_profile(&rid, &edited, dev, now);
                            match (lock, remove) {
                                (Some(lock), _) => s.set_lock(&rid, lock, dev, now),
                                (None, true) => s.remove_lock(&rid, dev, now),
                                (None, false) => {}
                            }
                        };
                        // Removing a PIN deletes its hash: not kept in the backup copy either.
                        let ok = if remove {
                            store.change_deleting(edit)
                        } else {
                            store.change(edit)
                        };
                        if ok {
                            navigate(&Route::Profile(id.clone(), Screen::Dashboard));
                        } else {
                            failed.set(true);
                        }
                    }
                }
            }
        }
    };

    let kinds = PositionKind::ALL
        .iter()
        .map(|k| {
            let value = crate::ui::form_value::key(&k);
            let label = k.label();
            let selected = initial.kind == Some(*k);
            view! { <option value=value selected=selected>{move || i18n.text(&label)}</option> }
        })
        .collect_view();
    let grades = Grade::all()
        .map(|g| {
            let s = g.to_string();
            let selected = initial.grade == s;
            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
        })
        .collect_view();
    let is_edit = editing.is_some();
    let cancel = editing.clone().map(Route::dashboard).unwrap_or(Route::Profiles);

    view! {
        <section class="page">
            <h1>{move || if is_edit { i18n.t("Ubah profil", "Edit profile") } else { i18n.t("Profil baru", "New profile") }}</h1>
            <form class="form" on:submit=submit novalidate>
                {text_field("name", i18n.tr("Nama lengkap", "Full name"), name, "name", error_for(Field::Name))}
                <div class="field">
                    <label for="f-nip">"NIP"</label>
                    <input id="f-nip" type="text" inputmode="numeric" autocomplete="off" prop:value=nip
                        on:input=move |e| {
                            nip.set(event_target_value(&e));
                            if nip.get_untracked().chars().filter(char::is_ascii_digit).count() >= 18 { check_nip() }
                        }
                        on:blur=move |_| check_nip()
                        aria-describedby="h-nip e-nip"/>
                    <p class="field-hint" id="h-nip">{i18n.tr("18 digit: tanggal lahir, bulan pengangkatan, jenis kelamin, nomor urut.", "18 digits: birth date, appointment month, sex, sequence number.")}</p>
                    <p class="field-error" id="e-nip" role="alert" data-testid="nip-error">{error_for(Field::Nip)}</p>
                </div>
                {text_field("title", i18n.tr("Nama jabatan", "Position title"), title, "on", error_for(Field::Title))}
                <div class="field">
                    <label for="f-kind">{i18n.tr("Jenis jabatan", "Position type")}</label>
                    <select id="f-kind" aria-describedby="e-kind" on:change=move |e| {
                        kind.set(crate::ui::form_value::parse(&event_target_value(&e)))
                    }>
                        <option value="" selected=initial.kind.is_none()>{i18n.tr("— pilih —", "— choose —")}</option>
                        {kinds}
                    </select>
                    <p class="field-error" id="e-kind" role="alert">{error_for(Field::Kind)}</p>
                </div>
                {text_field("unit", i18n.tr("Unit kerja", "Work unit"), unit, "on", error_for(Field::Unit))}
                <div class="field">
                    <label for="f-grade">{i18n.tr("Golongan/ruang", "Grade (golongan)")}</label>
                    <select id="f-grade" aria-describedby="e-grade" on:change=move |e| grade.set(event_target_value(&e))>
                        <option value="" selected=initial.grade.is_empty()>{i18n.tr("— pilih —", "— choose —")}</option>
                        {grades}
                    </select>
                    <p class="field-error" id="e-grade" role="alert">{error_for(Field::Grade)}</p>
                </div>
                <fieldset class="field">
                    <legend>{i18n.tr("PIN (pilihan)", "PIN (optional)")}</legend>
                    <p class="field-hint" id="h-pin">{move || if had_pin {
                        i18n.t("Profil ini ber-PIN. Kosongkan untuk tetap memakai PIN lama.", "This profile has a PIN. Leave empty to keep it.")
                    } else {
                        i18n.t("4–6 angka. Dengan PIN, rekan yang memakai tablet yang sama tidak dapat membuka profil Anda lewat aplikasi.", "4–6 digits. With a PIN, colleagues sharing the tablet cannot open your profile through the app.")
                    }}</p>
                    <Show when=move || signs>
                        <p class="field-hint" id="h-current-pin">{i18n.tr(
                            "Profil ini menandatangani penilaian atasan; kunci tanda tangannya terkunci dengan PIN ini. Untuk mengganti PIN, masukkan juga PIN saat ini. PIN tidak dapat dihapus.",
                            "This profile signs supervisors' evaluations; its signing key is locked with this PIN. To change the PIN, also enter the current one. The PIN cannot be removed.")}</p>
                        <label for="f-current-pin">{i18n.tr("PIN saat ini", "Current PIN")}</label>
                        <input id="f-current-pin" type="password" inputmode="numeric" autocomplete="current-password" maxlength="6"
                            prop:value=current_pin on:input=move |e| current_pin.set(event_target_value(&e)) aria-describedby="h-current-pin e-pin"/>
                    </Show>
                    <label for="f-pin">{i18n.tr("PIN baru", "New PIN")}</label>
                    <input id="f-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="6"
                        prop:value=pin on:input=move |e| pin.set(event_target_value(&e)) aria-describedby="h-pin e-pin"/>
                    <label for="f-pin2">{i18n.tr("Ulangi PIN", "Repeat the PIN")}</label>
                    <input id="f-pin2" type="password" inputmode="numeric" autocomplete="new-password" maxlength="6"
                        prop:value=pin2 on:input=move |e| pin2.set(event_target_value(&e)) aria-describedby="e-pin"/>
                    <p class="field-error" id="e-pin" role="alert">{move || pin_error.get().map(|t| i18n.text(&t))}</p>
                    <Show when=move || had_pin && !signs>
                        <label class="check">
                            <input type="checkbox" on:change=move |e| remove_pin.set(event_target_checked(&e))/>
                            {i18n.tr("Hapus PIN", "Remove the PIN")}
                        </label>
                    </Show>
                </fieldset>
                <Show when=move || failed.get()>
                    <p class="notice notice-error" role="alert">{i18n.tr("Profil tidak tersimpan. Lihat pesan di atas.", "The profile was not saved. See the message above.")}</p>
                </Show>
                <p class="actions">
                    <button type="submit" class="button">{i18n.tr("Simpan profil", "Save profile")}</button>
                    <a class="button button-secondary" href=cancel.href()>{i18n.tr("Batal", "Cancel")}</a>
                </p>
            </form>
        </section>
    }
}

/// The form's fields in screen order, for the first error's focus.
const FIELD_ORDER: [Field; 6] = [
    Field::Name,
    Field::Nip,
    Field::Title,
    Field::Kind,
    Field::Unit,
    Field::Grade,
];

fn focus_field(f: Field) {
    focus_by_id(match f {
        Field::Name => "f-name",
        Field::Nip => "f-nip",
        Field::Title => "f-title",
        Field::Kind => "f-kind",
        Field::Unit => "f-unit",
        Field::Grade => "f-grade",
    });
}

/// A labelled text input and its error line: `f-{key}` and `e-{key}` tie them together for
/// screen readers and tests.
fn text_field(
    key: &'static str,
    label: impl IntoView,
    value: RwSignal<String>,
    autocomplete: &'static str,
    error: impl IntoView,
) -> impl IntoView {
    let (input, error_id) = (format!("f-{key}"), format!("e-{key}"));
    view! {
        <div class="field">
            <label for=input.clone()>{label}</label>
            <input id=input type="text" autocomplete=autocomplete prop:value=value
                on:input=move |e| value.set(event_target_value(&e)) aria-describedby=error_id.clone()/>
            <p class="field-error" id=error_id role="alert">{error}</p>
        </div>
    }
}
