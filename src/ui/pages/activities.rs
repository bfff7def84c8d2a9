//! The development log: activities outside the app (all methods of Peraturan LAN 10/2018),
//! with JP computed by the rules. Deleting leaves a tombstone, so the deletion reaches other
//! devices on the next import instead of the activity coming back.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::model::activity::{Activity, ActivityField, ActivityForm, Method};
use crate::domain::record::Id;
use crate::domain::rules::jp::{activity_jp, preview_jp};
use crate::domain::sort;
use crate::ui::form_value::{errors_of, focus_by_id, key, parse};
use crate::ui::i18n::use_i18n;
use crate::ui::route::{Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn ActivitiesPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let editing = RwSignal::new(None::<Id>);
    let title = RwSignal::new(String::new());
    let method = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    // Every problem of the last save, beside its field (`None`: the record itself).
    let errors = RwSignal::new(Vec::<(Option<ActivityField>, Text)>::new());
    let clear = move || {
        editing.set(None);
        for s in [title, method, start, end, hours, evidence] {
            s.set(String::new());
        }
        errors.set(Vec::new());
    };
    let error_for = move |field: Option<ActivityField>| errors_of(errors, field, i18n);
    // The JP this activity will be credited, shown as it is typed.
    let preview = move || {
        let rules = store.catalog.with(|c| c.rules.clone());
        preview_jp(parse(&method.get()), &hours.get(), &rules).map(|(jp, capped)| {
            let lang = i18n.lang();
            let mut text = format!(
                "{} {} JP",
                i18n.t("Akan dicatat:", "Will be credited:"),
                format::number(lang, jp)
            );
            if capped {
                text.push_str(i18n.t(
                    " (batas metode ini per kegiatan)",
                    " (this method's limit per activity)",
                ));
            }
            text
        })
    };
    let emp = employee.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ActivityForm {
            title: title.get_untracked(),
            method: parse(&method.get_untracked()),
            start: start.get_untracked(),
            end: end.get_untracked(),
            hours: hours.get_untracked(),
            evidence: evidence.get_untracked(),
        };
        let target = editing.get_untracked();
        let emp = emp.clone();
        let saved = store.try_change(move |s, dev, now| {
            s.save_activity(
                &emp,
                target.as_ref(),
                &form,
                browser::new_id(),
                browser::today(),
                dev,
                now,
            )
            .map(|_| ())
        });
        match saved {
            Err(e) => {
                // The focus goes to the first field in error, in screen order.
                let first = FIELD_ORDER
                    .iter()
                    .find(|f| e.iter().any(|(g, _)| g.as_ref() == Some(*f)));
                errors.set(e);
                if let Some(f) = first {
                    focus_by_id(field_id(*f));
                }
            }
            Ok(true) => clear(),
            Ok(false) => {}
        }
    };
    let emp2 = employee.clone();
    let emp_empty = employee.clone();
    let emp_nav = employee.clone();
    let emp3 = employee.clone();
    let list = move || {
        let lang = i18n.lang();
        let rules = store.catalog.with(|c| c.rules.clone());
        let mut acts: Vec<(Id, Activity)> = store.snapshot.with(|s| {
            s.activities
                .live_of(&emp2)
                .map(|r| (r.id.clone(), r.data().clone()))
                .collect()
        });
        sort::sort_by(&mut acts, |a, b| b.1.end.cmp(&a.1.end));
        acts.into_iter().map(|(id, a)| {
            let jp = activity_jp(&a, &rules);
            let (id1, id2, a1, emp3) = (id.clone(), id.clone(), a.clone(), emp3.clone());
            let edit = move |_| {
                let f = ActivityForm::from_activity(&a1);
                editing.set(Some(id1.clone()));
                title.set(f.title);
                method.set(f.method.map(|m| key(&m)).unwrap_or_default());
                start.set(f.start);
                end.set(f.end);
                hours.set(f.hours);
                evidence.set(f.evidence);
            };
            let delete = move |_| {
                let ok = window().confirm_with_message(i18n.t("Hapus kegiatan ini?", "Delete this activity?")).unwrap_or(false);
                if ok {
                    let (id, who) = (id2.clone(), emp3.clone());
                    store.change_deleting(move |s, dev, now| { s.delete_activity(&who, &id, dev, now); });
                }
            };
            view! {
                <li class="activity">
                    <strong>{a.title.clone()}</strong>
                    <span class="muted">{format!(" — {} · {} · {} {} → {} JP", i18n.text(&a.method.label()), format::date(lang, a.end), format::number(lang, a.hours), i18n.t("jam", "hours"), format::number(lang, jp))}</span>
                    {(!a.evidence.is_empty()).then(|| view! { <div class="muted">{a.evidence.clone()}</div> })}
                    {a.session.as_ref().map(|l| view! { <div class="muted">{format!("{} · {} {}", i18n.text(&l.kind.label()), i18n.t("fasilitator", "facilitator"), l.facilitator_name)}</div> })}
                    <div class="row-actions">
                        <button type="button" class="button-quiet" on:click=edit>{i18n.t("Ubah", "Edit")}</button>
                        <button type="button" class="button-quiet" on:click=delete>{i18n.t("Hapus", "Delete")}</button>
                    </div>
                </li>
            }
        }).collect_view()
    };
    let methods = Method::ALL.iter().map(|m| {
        let label = m.label();
        let value = key(m);
        view! { <option value=value.clone() selected=move || method.get() == value>{move || i18n.text(&label)}</option> }
    }).collect_view();
    view! {
        <section class="page">
            <h1>{i18n.tr("Kegiatan pengembangan", "Development activities")}</h1>
            <p class="muted">{i18n.tr("Pelatihan, seminar, coaching, mentoring, magang, belajar mandiri… di luar aplikasi. JP dihitung menurut aturan metode.", "Training, seminars, coaching, mentoring, internships, self-study… outside the app. JP follows each method's rule.")}
                " "<a href=Route::Profile(emp_nav.clone(), Screen::Together).href()>{i18n.tr("Memandu sesi bersama rekan? Catat di Belajar bersama.", "Led a session with colleagues? Record it in Learning together.")}</a></p>
            <form class="form" on:submit=save novalidate>
                <h2>{move || if editing.get().is_some() { i18n.t("Ubah kegiatan", "Edit activity") } else { i18n.t("Tambah kegiatan", "Add an activity") }}</h2>
                <div class="field"><label for="a-title">{i18n.tr("Nama kegiatan", "Activity name")}</label>
                    <input id="a-title" type="text" aria-describedby="e-a-title" prop:value=title on:input=move |e| title.set(event_target_value(&e))/>
                    <p class="field-error" id="e-a-title" role="alert">{error_for(Some(ActivityField::Title))}</p></div>
                <div class="field"><label for="a-method">{i18n.tr("Metode", "Method")}</label>
                    <select id="a-method" aria-describedby="e-a-method" on:change=move |e| method.set(event_target_value(&e))>
                        <option value="" selected=move || method.get().is_empty()>{i18n.tr("— pilih —", "— choose —")}</option>
                        {methods}
                    </select>
                    <p class="field-error" id="e-a-method" role="alert">{error_for(Some(ActivityField::Method))}</p></div>
                <div class="field-row">
                    <div class="field"><label for="a-start">{i18n.tr("Mulai", "Start")}</label>
                        <input id="a-start" type="date" aria-describedby="e-a-start" prop:value=start on:input=move |e| start.set(event_target_value(&e))/>
                        <p class="field-error" id="e-a-start" role="alert">{error_for(Some(ActivityField::Start))}</p></div>
                    <div class="field"><label for="a-end">{i18n.tr("Selesai", "End")}</label>
                        <input id="a-end" type="date" aria-describedby="e-a-end" prop:value=end on:input=move |e| end.set(event_target_value(&e))/>
                        <p class="field-error" id="e-a-end" role="alert">{error_for(Some(ActivityField::End))}</p></div>
                    <div class="field"><label for="a-hours">{i18n.tr("Jam belajar", "Hours")}</label>
                        <input id="a-hours" type="text" inputmode="decimal" aria-describedby="e-a-hours a-jp" prop:value=hours on:input=move |e| hours.set(event_target_value(&e))/>
                        <p class="field-error" id="e-a-hours" role="alert">{error_for(Some(ActivityField::Hours))}</p></div>
                </div>
                <p class="field-hint" id="a-jp" data-testid="jp-preview" aria-live="polite">{preview}</p>
                <div class="field"><label for="a-evidence">{i18n.tr("Bukti (no. sertifikat, penyelenggara)", "Evidence (certificate no., organiser)")}</label>
                    <input id="a-evidence" type="text" aria-describedby="e-a-evidence" prop:value=evidence on:input=move |e| evidence.set(event_target_value(&e))/>
                    <p class="field-error" id="e-a-evidence" role="alert">{error_for(Some(ActivityField::Evidence))}</p></div>
                <p class="field-error" role="alert">{error_for(None)}</p>
                <p class="actions">
                    <button type="submit" class="button">{i18n.tr("Simpan kegiatan", "Save activity")}</button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" class="button button-secondary" on:click=move |_| clear()>{i18n.tr("Batal", "Cancel")}</button>
                    </Show>
                </p>
            </form>
            <h2>{i18n.tr("Catatan kegiatan", "Activity log")}</h2>
            <ul class="activity-list" data-testid="activities">{list}</ul>
            <Show when=move || store.snapshot.with(|s| s.activities.live_of(&emp_empty).next().is_none())>
                <p class="muted" data-testid="activities-empty">{i18n.tr(
                    "Belum ada kegiatan tercatat. Catat pelatihan, seminar, lokakarya atau belajar mandiri dengan formulir di atas; JP-nya dihitung otomatis.",
                    "No activity recorded yet. Record a training, seminar, workshop or self-study with the form above; its JP are counted for you.",
                )}</p>
            </Show>
        </section>
    }
}

/// The form's fields in screen order, for the first error's focus.
const FIELD_ORDER: [ActivityField; 6] = [
    ActivityField::Title,
    ActivityField::Method,
    ActivityField::Start,
    ActivityField::End,
    ActivityField::Hours,
    ActivityField::Evidence,
];

fn field_id(f: ActivityField) -> &'static str {
    match f {
        ActivityField::Title => "a-title",
        ActivityField::Method => "a-method",
        ActivityField::Start => "a-start",
        ActivityField::End => "a-end",
        ActivityField::Hours => "a-hours",
        ActivityField::Evidence => "a-evidence",
    }
}
