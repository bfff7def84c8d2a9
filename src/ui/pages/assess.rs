//! Self-assessment: one competency per step with its level descriptions and behavioural
//! indicators. Ticked indicators suggest a level (a domain rule); every step is saved as a
//! draft, so a learner can stop and resume; finishing makes it final. Below: the history, with
//! what changed since the time before.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus, IndicatorRef};
use crate::domain::record::Id;
use crate::domain::rules::levels::{changes, suggest_level};
use crate::domain::rules::proof::{proof_of, Proof};
use crate::domain::sort;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn AssessPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let Some(codes) = store.required_competencies(&employee) else {
        return view! { <p>{i18n.t("Profil tidak ditemukan.", "Profile not found.")}</p> }.into_any();
    };
    let draft = store.snapshot.with_untracked(|s| {
        s.assessments
            .live()
            .find(|r| {
                r.data().employee == employee
                    && r.data().kind == AssessmentKind::SelfAssessment
                    && r.data().status == AssessmentStatus::Draft
            })
            .map(|r| (r.id.clone(), r.data().entries.clone()))
    });
    let draft_id = StoredValue::new(draft.as_ref().map(|(id, _)| id.clone()));
    let entries = RwSignal::new(draft.map(|(_, e)| e).unwrap_or_default());
    // Resume at the first competency without a level.
    let first_open = codes
        .iter()
        .position(|c| !entries.with_untracked(|es| es.iter().any(|e| &e.competency == c && e.level.is_some())))
        .unwrap_or(0);
    let step = RwSignal::new(first_open);
    let total = codes.len();
    // Levels whose description and indicators the learner opened on this step (the others show
    // their title and choice only): reset when the step changes.
    let opened = RwSignal::new(Vec::<u8>::new());
    // The standard's level per competency, where the collapsed list is centred before anything
    // is ticked.
    let required = store.snapshot.with_untracked(|s| {
        s.employees
            .get(&employee)
            .map(|r| store.catalog.with_untracked(|c| c.required_levels(&r.data().position)))
            .unwrap_or_default()
    });
    let codes = StoredValue::new(codes);
    let finished = RwSignal::new(false);

    let entry_for = move |code: &str| {
        entries
            .with(|es| es.iter().find(|e| e.competency == code).cloned())
            .unwrap_or(AssessmentEntry {
                competency: code.to_string(),
                level: None,
                indicators: vec![],
                evidence: String::new(),
            })
    };
    let set_entry = move |entry: AssessmentEntry| {
        entries.update(|es| {
            es.retain(|e| e.competency != entry.competency);
            es.push(entry);
            sort::sort_by(es, |a, b| a.competency.cmp(&b.competency));
        })
    };
    let emp = employee.clone();
    let save = move |status: AssessmentStatus| -> bool {
        let (emp, list, draft) = (emp.clone(), entries.get_untracked(), draft_id.get_value());
        let written = std::rc::Rc::new(std::cell::Cell::new(None::<Id>));
        let out = written.clone();
        let ok = store.change(move |s, dev, now| {
            let id = s.save_self_assessment(
                &emp,
                draft.as_ref(),
                list,
                status,
                browser::new_id(),
                browser::today(),
                dev,
                now,
            );
            out.set(Some(id));
        });
        if ok {
            draft_id.set_value(if status == AssessmentStatus::Draft {
                written.take()
            } else {
                None
            });
        }
        ok
    };

    let step_view = move || {
        let i = step.get();
        let code = codes.with_value(|c| c.get(i).cloned());
        let Some(code) = code else {
            return view! { <p>{i18n.t("Tidak ada kompetensi untuk jabatan ini.", "No competencies for this position.")}</p> }.into_any();
        };
        let Some(comp) = store.catalog.with(|c| c.competencies.get(&code).cloned()) else {
            return ().into_any();
        };
        let entry = entry_for(&code);
        let suggestion = suggest_level(&comp, &entry.indicators);
        let chosen = entry.level;
        // Open: the chosen level, else the suggested one, else the standard's, and their
        // neighbours; every other level is one tap away.
        let centre = chosen
            .or(suggestion)
            .or_else(|| required.get(&code).copied())
            .unwrap_or(1);
        let shown_by_default = move |level: u8| level.abs_diff(centre) <= 1;
        let levels = comp.levels.iter().map(|l| {
            let level = l.level;
            let expanded = move || shown_by_default(level) || opened.with(|o| o.contains(&level));
            let code2 = code.clone();
            let inds = l.indicators.iter().enumerate().map(|(k, ind)| {
                let r = IndicatorRef { level, index: k as u8 };
                let ticked = entry.indicators.contains(&r);
                let code3 = code2.clone();
                let input_id = format!("ind-{level}-{k}");
                view! {
                    <li>
                        <input type="checkbox" id=input_id.clone() prop:checked=ticked on:change=move |ev| {
                            let mut e = entry_for(&code3);
                            if event_target_checked(&ev) { if !e.indicators.contains(&r) { e.indicators.push(r) } } else { e.indicators.retain(|x| *x != r) }
                            sort::sort(&mut e.indicators);
                            set_entry(e);
                        }/>
                        <label for=input_id>{i18n.text(ind)}</label>
                    </li>
                }
            }).collect_view();
            let code4 = code.clone();
            let radio_id = format!("lvl-{level}");
            let details_id = format!("lvl-{level}-details");
            let toggle = move |_| {
                opened.update(|o| {
                    if o.contains(&level) {
                        o.retain(|x| *x != level)
                    } else {
                        o.push(level)
                    }
                })
            };
            view! {
                <div class="level-option" class:level-chosen=chosen == Some(level)>
                    <input type="radio" name="level" id=radio_id.clone() prop:checked=chosen == Some(level) on:change=move |_| {
                        let mut e = entry_for(&code4);
                        e.level = Some(level);
                        set_entry(e);
                    }/>
                    <label for=radio_id class="level-title">{format!("{} {level}", i18n.t("Tingkat", "Level"))}{(suggestion == Some(level)).then(|| view! { <span class="badge">{i18n.t("disarankan", "suggested")}</span> })}</label>
                    <Show when=move || !shown_by_default(level)>
                        <button type="button" class="button-quiet level-toggle" aria-expanded=move || expanded().to_string() aria-controls=details_id.clone() on:click=toggle>
                            {move || if expanded() { i18n.t("Sembunyikan uraian", "Hide the description") } else { i18n.t("Lihat uraian", "Show the description") }}
                        </button>
                    </Show>
                    <div id=format!("lvl-{level}-details") prop:hidden=move || !expanded() data-testid=format!("level-{level}-details")>
                        <p>{i18n.text(&l.description)}</p>
                        <ul class="indicators" aria-label=format!("{} {level}", i18n.t("Indikator perilaku tingkat", "Behavioural indicators, level"))>{inds}</ul>
                    </div>
                </div>
            }
        }).collect_view();
        let code5 = code.clone();
        view! {
            <div class="assess-step" id="assess-step-top">
                <p class="muted">{format!("{} {} {} {}", i18n.t("Kompetensi", "Competency"), i + 1, i18n.t("dari", "of"), total)}</p>
                <h2 id="assess-step" tabindex="-1">{format!("{} {}", comp.code, i18n.text(&comp.name))}</h2>
                <p>{i18n.text(&comp.definition)}</p>
                <p class="field-hint">{i18n.t("Centang perilaku yang sudah biasa Anda tunjukkan; Lentera menyarankan tingkatnya. Lalu pilih tingkat Anda.", "Tick the behaviours you already show; Lentera suggests a level. Then choose your level.")}</p>
                <fieldset class="levels">
                    <legend class="visually-hidden">{format!("{} {}", i18n.t("Tingkat untuk", "Level for"), i18n.text(&comp.name))}</legend>
                    {levels}
                </fieldset>
                {suggestion.map(|s| view! { <p class="notice notice-ok" data-testid="suggested">{format!("{} {s}", i18n.t("Saran dari indikator yang dicentang: tingkat", "Suggested by the ticked indicators: level"))}</p> })}
                <div class="field">
                    <label for="f-evidence">{i18n.t("Bukti atau contoh (pilihan)", "Evidence or example (optional)")}</label>
                    <textarea id="f-evidence" rows="2" maxlength="10000" prop:value=entry.evidence.clone() on:change=move |ev| {
                        let mut e = entry_for(&code5);
                        e.evidence = event_target_value(&ev);
                        set_entry(e);
                    }></textarea>
                </div>
            </div>
        }.into_any()
    };

    let has_level = move || {
        let i = step.get();
        codes
            .with_value(|c| c.get(i).cloned())
            .is_some_and(|code| entries.with(|es| es.iter().any(|e| e.competency == code && e.level.is_some())))
    };
    let emp2 = employee.clone();
    let next = move |_| {
        let last = step.get_untracked() + 1 >= total;
        if last {
            if save(AssessmentStatus::Final) {
                finished.set(true);
                navigate(&Route::Profile(emp2.clone(), Screen::Dashboard));
            }
        } else if save(AssessmentStatus::Draft) {
            step.update(|s| *s += 1);
        }
    };
    let prev = move |_| step.update(|s| *s = s.saturating_sub(1));
    // A new step opens at its top with the focus on its heading (not scrolled to where the
    // previous, longer step ended), its levels collapsed afresh.
    Effect::new(move |previous: Option<usize>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            opened.set(Vec::new());
            request_animation_frame(|| {
                use leptos::wasm_bindgen::JsCast;
                if let Some(top) = document().get_element_by_id("assess-step-top") {
                    top.scroll_into_view();
                }
                if let Some(h) = document()
                    .get_element_by_id("assess-step")
                    .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
                {
                    let _ = h.focus();
                }
            });
        }
        now
    });

    let emp3 = employee.clone();
    let emp_empty = employee.clone();
    let history = move || {
        let lang = i18n.lang();
        // By assessment date, then by when it was written (two on one day).
        let mut done: Vec<(chrono::DateTime<chrono::Utc>, Assessment, Proof)> = store.snapshot.with(|s| {
            s.assessments
                .live_of(&emp3)
                .filter(|r| r.data().status == AssessmentStatus::Final)
                .map(|r| {
                    (
                        r.updated_at(),
                        r.data().clone(),
                        proof_of(&r.id, r.data(), &s.employees),
                    )
                })
                .collect()
        });
        sort::sort_by(&mut done, |a, b| (a.1.date, a.0).cmp(&(b.1.date, b.0)));
        let proofs: Vec<Proof> = done.iter().map(|(_, _, p)| p.clone()).collect();
        let done: Vec<Assessment> = done.into_iter().map(|(_, a, _)| a).collect();
        let mut rows = Vec::new();
        for (k, a) in done.iter().enumerate().rev() {
            let kind = match a.kind {
                AssessmentKind::SelfAssessment => i18n.t("Penilaian diri", "Self-assessment").to_string(),
                AssessmentKind::Verified => format!(
                    "{}{}",
                    match &proofs[k] {
                        Proof::Signed(v) => format!(
                            "{} ({}, {})",
                            i18n.t("Diverifikasi atasan", "Verified by supervisor"),
                            v.name,
                            i18n.t("tanda tangan sah", "signature checks")
                        ),
                        other => format!(
                            "{} ({}): {}",
                            i18n.t("Penilaian atasan belum terbukti", "Supervisor's evaluation not proven"),
                            a.assessor.clone().unwrap_or_default(),
                            i18n.text(&other.label())
                        ),
                    },
                    if a.feedback.is_empty() {
                        String::new()
                    } else {
                        format!(
                            ", {} {}",
                            a.feedback.len(),
                            i18n.t("umpan balik publik dipertimbangkan", "public feedback notes considered")
                        )
                    }
                ),
            };
            let diff = if k > 0 {
                let ch = changes(&done[k - 1], a);
                if ch.is_empty() {
                    i18n.t("tidak ada perubahan", "no changes").to_string()
                } else {
                    ch.iter()
                        .map(|(c, from, to)| {
                            format!(
                                "{c}: {} → {}",
                                from.map_or("—".into(), |l| l.to_string()),
                                to.map_or("—".into(), |l| l.to_string())
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            } else {
                i18n.t("penilaian pertama", "first assessment").to_string()
            };
            rows.push(view! { <li><strong>{format::date(lang, a.date)}</strong>{format!(" — {kind}. ")}{diff}</li> });
        }
        rows.collect_view()
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Penilaian diri", "Self-assessment")}</h1>
            <div class="progress-steps"><progress max=total value=move || step.get() aria-label=i18n.tr("Kemajuan penilaian", "Assessment progress")></progress></div>
            {step_view}
            // Stays on screen at the bottom while the step scrolls.
            <div class="actions save-bar" data-testid="save-bar">
                <span class="save-bar-progress" data-testid="assess-progress">{move || format!("{} / {total}", (step.get() + 1).min(total))}</span>
                <button type="button" class="button button-secondary" on:click=prev disabled=move || step.get() == 0>{i18n.tr("Sebelumnya", "Previous")}</button>
                <button type="button" class="button" on:click=next disabled=move || !has_level()>
                    {move || if step.get() + 1 >= total { i18n.t("Selesai dan simpan", "Finish and save") } else { i18n.t("Simpan dan lanjut", "Save and continue") }}
                </button>
            </div>
            <p class="field-hint">{i18n.tr("Setiap langkah tersimpan sebagai draf; Anda dapat berhenti dan melanjutkan nanti.", "Every step is saved as a draft; you can stop and continue later.")}</p>
            <h2>{i18n.tr("Riwayat penilaian", "Assessment history")}</h2>
            <ul class="history" data-testid="history">{history}</ul>
            <Show when=move || store.snapshot.with(|s| !s.assessments.live_of(&emp_empty).any(|r| r.data().status == AssessmentStatus::Final))>
                <p class="muted" data-testid="history-empty">{i18n.tr("Belum ada penilaian yang selesai.", "No finished assessment yet.")}</p>
            </Show>
        </section>
    }
    .into_any()
}
