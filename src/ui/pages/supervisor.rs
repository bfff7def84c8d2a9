//! For the supervisor (atasan), sitting with the employee: record verified levels and a
//! performance rating for the half-year, each with the supervisor's name and the date.

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use crate::domain::model::evaluation::{feedback_for_evaluation, Performance, Potential, Rating};
use crate::domain::record::{Id, Record};
use crate::domain::sort;
use crate::ui::components::public_feedback::PublicFeedback;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

#[component]
pub fn SupervisorPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let Some(codes) = store.required_competencies(&employee) else {
        return view! { <p>{i18n.tr("Profil tidak ditemukan.", "Profile not found.")}</p> }.into_any();
    };
    let today = browser::today();
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(today.to_string());
    let levels = RwSignal::new(codes.iter().map(|c| (c.clone(), 0u8)).collect::<Vec<_>>());
    let performance = RwSignal::new(String::new());
    let potential = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let emp = employee.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rater = name.get_untracked().trim().to_string();
        let Some(day) = format::parse_date(&date.get_untracked()) else {
            message.set(Some((
                false,
                i18n.t("Isi tanggal penilaian.", "Enter the date.").to_string(),
            )));
            return;
        };
        if rater.is_empty() {
            message.set(Some((
                false,
                i18n.t("Isi nama atasan.", "Enter the supervisor's name.").to_string(),
            )));
            return;
        }
        {
            use crate::domain::snapshot::bounds::{date_problem, text_problem};
            if let Some(p) = date_problem(day, browser::today()).or_else(|| text_problem(&rater, false)) {
                message.set(Some((false, i18n.text(&p))));
                return;
            }
        }
        let entries: Vec<AssessmentEntry> = levels
            .get_untracked()
            .into_iter()
            .filter(|(_, l)| *l > 0)
            .map(|(c, l)| AssessmentEntry {
                competency: c,
                level: Some(l),
                indicators: vec![],
                evidence: String::new(),
            })
            .collect();
        let perf: Option<Performance> = crate::ui::form_value::parse(&performance.get_untracked());
        let pot: Option<Potential> = crate::ui::form_value::parse(&potential.get_untracked());
        if entries.is_empty() && perf.is_none() {
            message.set(Some((
                false,
                i18n.t(
                    "Isi minimal satu tingkat kompetensi atau penilaian kinerja.",
                    "Enter at least one competency level or a performance rating.",
                )
                .to_string(),
            )));
            return;
        }
        let emp = emp.clone();
        let ok = store.change(move |s, dev, now| {
            if !entries.is_empty() {
                let previous = s
                    .assessments
                    .live()
                    .filter(|r| {
                        r.data().employee == emp && r.data().kind == AssessmentKind::Verified && r.data().date <= day
                    })
                    .map(|r| r.data().date)
                    .max();
                let feedback =
                    feedback_for_evaluation(s.feedback.live().map(|r| (&r.id, r.data())), &emp, previous, day);
                let a = Assessment {
                    employee: emp.clone(),
                    kind: AssessmentKind::Verified,
                    status: AssessmentStatus::Final,
                    date: day,
                    assessor: Some(rater.clone()),
                    entries,
                    note: String::new(),
                    feedback,
                };
                s.assessments.upsert(Record::create(browser::new_id(), dev, now, a));
            }
            if let Some(performance) = perf {
                let r = Rating {
                    employee: emp,
                    year: day.year(),
                    half: Rating::half_of(day),
                    performance,
                    potential: pot,
                    rater,
                    date: day,
                    note: String::new(),
                };
                s.ratings.upsert(Record::create(browser::new_id(), dev, now, r));
            }
        });
        message.set(Some(if ok {
            (true, i18n.t("Tersimpan.", "Saved.").to_string())
        } else {
            (false, i18n.t("Tidak tersimpan.", "Not saved.").to_string())
        }));
    };
    let rows = codes.into_iter().enumerate().map(|(i, code)| {
        let label = store.catalog.with_untracked(|c| c.competencies.get(&code).map(|c| c.name.clone())).unwrap_or_default();
        let id = format!("v-{i}");
        view! {
            <div class="field field-inline">
                <label for=id.clone()>{let code = code.clone(); move || format!("{code} {}", i18n.text(&label))}</label>
                <select id=id on:change=move |e| { let v: u8 = event_target_value(&e).parse().unwrap_or(0); levels.update(|ls| ls[i].1 = v) }>
                    <option value="0">{i18n.tr("— tidak dinilai —", "— not rated —")}</option>
                    {(1..=5).map(|l| view! { <option value=l.to_string()>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    }).collect_view();
    let emp2 = employee.clone();
    let ratings = move || {
        let lang = i18n.lang();
        let mut rs: Vec<Rating> = store
            .snapshot
            .with(|s| s.ratings.live_of(&emp2).map(|r| r.data().clone()).collect());
        sort::sort_by(&mut rs, |a, b| b.date.cmp(&a.date));
        rs.into_iter().map(|r| view! {
            <li>{format!("{} {}/{} — {}{} ({}, {})", i18n.t("Semester", "Half"), r.half, r.year, i18n.text(&r.performance.label()),
                r.potential.map(|p| format!(", {} {}", i18n.t("potensi", "potential"), i18n.text(&p.label()))).unwrap_or_default(), r.rater, format::date(lang, r.date))}</li>
        }).collect_view()
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Penilaian oleh atasan", "Supervisor's evaluation")}</h1>
            <p class="muted">{i18n.tr("Diisi atasan bersama pegawai. Tingkat terverifikasi menggantikan penilaian diri dalam perhitungan JPM.", "Filled in by the supervisor with the employee. Verified levels replace self-assessed ones in the JPM.")}</p>
            <form class="form" on:submit=submit novalidate>
                <div class="field-row">
                    <div class="field"><label for="s-name">{i18n.tr("Nama atasan", "Supervisor's name")}</label>
                        <input id="s-name" type="text" prop:value=name on:input=move |e| name.set(event_target_value(&e))/></div>
                    <div class="field"><label for="s-date">{i18n.tr("Tanggal", "Date")}</label>
                        <input id="s-date" type="date" prop:value=date on:input=move |e| date.set(event_target_value(&e))/></div>
                </div>
                <h2>{i18n.tr("Tingkat kompetensi terverifikasi", "Verified competency levels")}</h2>
                {rows}
                <h2>{i18n.tr("Kinerja semester ini", "Performance this half-year")}</h2>
                <div class="field-row">
                    <div class="field"><label for="s-perf">{i18n.tr("Kinerja", "Performance")}</label>
                        <select id="s-perf" on:change=move |e| performance.set(event_target_value(&e))>
                            <option value="">{i18n.tr("— tidak dinilai —", "— not rated —")}</option>
                            {[Performance::Above, Performance::Meets, Performance::Below].into_iter().map(|p| {
                                let key = crate::ui::form_value::key(&p);
                                view! { <option value=key>{move || i18n.text(&p.label())}</option> }
                            }).collect_view()}
                        </select></div>
                    <div class="field"><label for="s-pot">{i18n.tr("Potensi (pilihan)", "Potential (optional)")}</label>
                        <select id="s-pot" on:change=move |e| potential.set(event_target_value(&e))>
                            <option value="">{i18n.tr("— dari JPM —", "— from JPM —")}</option>
                            {[Potential::High, Potential::Medium, Potential::Low].into_iter().map(|p| {
                                let key = crate::ui::form_value::key(&p);
                                view! { <option value=key>{move || i18n.text(&p.label())}</option> }
                            }).collect_view()}
                        </select></div>
                </div>
                <p role="status" class=move || match message.get() { Some((true, _)) => "notice notice-ok", Some((false, _)) => "notice notice-error", None => "" }>{move || message.get().map(|(_, m)| m)}</p>
                <p class="actions"><button type="submit" class="button">{i18n.tr("Simpan penilaian atasan", "Save the evaluation")}</button></p>
            </form>
            <h2>{i18n.tr("Penilaian kinerja", "Performance ratings")}</h2>
            <ul>{ratings}</ul>
            <PublicFeedback employee=employee.clone()/>
        </section>
    }
    .into_any()
}
