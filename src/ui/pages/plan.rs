//! The individual development plan: proposed from the gaps (modules, mentoring, other methods),
//! kept as records whose status the employee marks planned or done.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::model::plan::{PlanAction, PlanItem, PlanStatus};
use crate::domain::record::Id;
use crate::domain::rules::plan::{is_overdue, passed_on, proposed_items};
use crate::domain::sort;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{ModuleRef, Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn PlanPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let profile = store.profile_of(employee.clone());
    let emp = employee.clone();
    let proposals = Memo::new(move |_| {
        let recs = profile
            .with(|p| p.as_ref().map(|p| p.recommendations.clone()))
            .unwrap_or_default();
        let items = proposed_items(&emp, &recs);
        store.snapshot.with(|s| {
            items
                .into_iter()
                .filter(|(id, _)| s.plan.get(id).is_none())
                .collect::<Vec<_>>()
        })
    });
    let add_all = move |_| {
        let items = proposals.get_untracked();
        store.change(move |s, dev, now| s.add_plan_items(items, dev, now));
    };
    let describe = move |item: &PlanItem| -> (String, Option<String>) {
        let cat = store.catalog.get();
        let comp = cat
            .competencies
            .get(&item.competency)
            .map(|c| i18n.text(&c.name))
            .unwrap_or_default();
        let head = format!(
            "{} {comp} → {} {}",
            item.competency,
            i18n.t("tingkat", "level"),
            item.target_level
        );
        match &item.action {
            PlanAction::Module { pack, module } => {
                let title = cat
                    .module(pack, module)
                    .map(|m| i18n.text(&m.module.title))
                    .unwrap_or_else(|| module.clone());
                (
                    format!("{head}: {} {title}", i18n.t("modul", "module")),
                    Some(
                        Route::Profile(
                            item.employee.clone(),
                            Screen::Module(ModuleRef {
                                pack: pack.clone(),
                                module: module.clone(),
                            }),
                        )
                        .href(),
                    ),
                )
            }
            PlanAction::Mentoring => (
                format!(
                    "{head}: {}",
                    i18n.t(
                        "pendampingan mentor oleh pegawai senior",
                        "mentoring by a senior colleague"
                    )
                ),
                None,
            ),
            PlanAction::Method { method } => (format!("{head}: {}", i18n.text(&method.label())), None),
        }
    };
    let emp2 = employee.clone();
    let saved = move || {
        // Each item with the day its module was passed, if it was: such an item is done by
        // the passing itself (`rules::plan::passed_on`).
        let mut items: Vec<(Id, PlanItem, Option<chrono::DateTime<chrono::Utc>>)> = store.snapshot.with(|s| {
            s.plan
                .live_of(&emp2)
                .map(|r| (r.id.clone(), r.data().clone(), passed_on(r.data(), s)))
                .collect()
        });
        let is_done =
            |i: &(Id, PlanItem, Option<chrono::DateTime<chrono::Utc>>)| i.1.status == PlanStatus::Done || i.2.is_some();
        sort::sort_by(&mut items, |a, b| {
            // Open items first, the nearest target first, those without one after.
            let key = |i: &(Id, PlanItem, Option<chrono::DateTime<chrono::Utc>>)| {
                (is_done(i), i.1.due.is_none(), i.1.due, i.1.competency.clone())
            };
            key(a).cmp(&key(b))
        });
        let today = browser::today();
        items.into_iter().enumerate().map(|(n, (id, item, passed))| {
            let (text, href) = describe(&item);
            let ticked = item.status == PlanStatus::Done;
            let done = ticked || passed.is_some();
            let late = is_overdue(&item, done, today);
            let (tid, twho) = (id.clone(), item.employee.clone());
            let toggle = move |_| {
                let (id, who) = (tid.clone(), twho.clone());
                store.change(move |s, dev, now| s.set_plan_done(&who, &id, !ticked, dev, now));
            };
            let action = match passed {
                Some(at) => view! {
                    <span class="status-good">{format!("{} {}", i18n.t("Modul lulus", "Module passed"), format::date(i18n.lang(), at.date_naive()))}</span>
                }.into_any(),
                None => view! {
                    <button type="button" class="button button-secondary" on:click=toggle>{if ticked { i18n.t("Tandai direncanakan", "Mark planned") } else { i18n.t("Tandai selesai", "Mark done") }}</button>
                }.into_any(),
            };
            // The target day: set while the item is open; shown (and said when late) after.
            let due_error = RwSignal::new(None::<crate::domain::lang::Text>);
            let (field, error_id) = (format!("plan-due-{n}"), format!("e-plan-due-{n}"));
            let who = item.employee.clone();
            let set_due = move |e: leptos::ev::Event| {
                let value = event_target_value(&e);
                let due = chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
                let (id, who) = (id.clone(), who.clone());
                let outcome = store.try_change(move |s, dev, now| s.set_plan_due(&who, &id, due, today, dev, now));
                due_error.set(outcome.err());
            };
            let due_text = item.due.map(|d| format::date(i18n.lang(), d));
            let due_value = item.due.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
            let target = if done {
                due_text.map(|d| view! { <span class="muted">{format!("{} {d}", i18n.t("Target", "Target"))}</span> }.into_any())
            } else {
                Some(view! {
                    <span class="field plan-due">
                        <label for=field.clone()>{i18n.tr("Target selesai", "Done by")}</label>
                        <input id=field type="date" min=today.format("%Y-%m-%d").to_string() prop:value=due_value aria-describedby=error_id.clone() on:change=set_due/>
                        {late.then(|| view! { <span class="status-bad">{i18n.tr("Lewat target", "Past its target")}</span> })}
                        <span class="field-error" id=error_id role="alert">{move || due_error.get().map(|t| i18n.text(&t))}</span>
                    </span>
                }.into_any())
            };
            view! {
                <li class:plan-done=done class:plan-late=late>
                    <span>{if done { "✓ " } else { "" }}{text}</span>
                    {target}
                    <span class="plan-actions">
                        {href.filter(|_| !done).map(|h| view! { <a class="button" href=h>{i18n.t("Buka modul", "Open the module")}</a> })}
                        {action}
                    </span>
                </li>
            }
        }).collect_view()
    };
    let proposed = move || {
        proposals
            .get()
            .into_iter()
            .map(|(_, item)| {
                let (text, _) = describe(&item);
                view! { <li>{text}</li> }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Rencana pengembangan", "Development plan")}</h1>
            <Show when=move || !proposals.with(|p| p.is_empty())>
                <h2>{i18n.tr("Usulan dari kesenjangan Anda", "Proposed from your gaps")}</h2>
                <ul data-testid="plan-proposals">{proposed}</ul>
                <p class="actions"><button type="button" class="button" on:click=add_all>{i18n.tr("Masukkan ke rencana", "Add to my plan")}</button></p>
            </Show>
            <h2>{i18n.tr("Rencana saya", "My plan")}</h2>
            <ul class="plan-list" data-testid="plan">{saved}</ul>
            <Show when=move || store.snapshot.with(|s| !s.plan.live().any(|r| r.data().employee == employee)) && proposals.with(|p| p.is_empty())>
                <p>{i18n.tr("Belum ada rencana. Lakukan penilaian diri agar Lentera dapat mengusulkan langkah pengembangan.", "No plan yet. Do a self-assessment so Lentera can propose development steps.")}</p>
            </Show>
        </section>
    }
}
