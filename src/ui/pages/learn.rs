//! E-learning: the catalog (recommended first, filter by competency and status), a module's
//! page, the lesson reader and the quiz.

use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::CatalogModule;
use crate::domain::format;
use crate::domain::model::progress::{ModuleStatus, Progress, QuizAttempt};
use crate::domain::record::Id;
use crate::domain::rules::quiz::grade;
use crate::domain::sort;
use crate::ui::components::markdown::Markdown;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{navigate, ModuleRef, Route, Screen};
use crate::ui::state::{use_store, Store};

fn progress_of(store: &Store, employee: &Id, m: &ModuleRef) -> Option<Progress> {
    let id = Progress::id_for(employee, &m.pack, &m.module);
    store.snapshot.with(|s| s.progress.get(&id).map(|r| r.data().clone()))
}

/// Applies `edit` to this employee's progress in module `m` (creating it) and saves.
fn update_progress(
    store: &Store,
    employee: &Id,
    m: &ModuleRef,
    edit: impl FnOnce(&mut Progress, &Id, chrono::DateTime<chrono::Utc>),
) -> bool {
    let (employee, m) = (employee.clone(), m.clone());
    store.change(move |s, dev, now| s.update_progress(&employee, &m.pack, &m.module, dev, now, edit))
}

fn status_label(i18n: crate::ui::i18n::I18n, s: ModuleStatus) -> &'static str {
    match s {
        ModuleStatus::NotStarted => i18n.t("Belum mulai", "Not started"),
        ModuleStatus::InProgress => i18n.t("Sedang dipelajari", "In progress"),
        ModuleStatus::Completed => i18n.t("Selesai", "Completed"),
    }
}

#[component]
pub fn LearnPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let profile = store.profile_of(employee.clone());
    let competency = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let e = employee.clone();
    let list = move || {
        let lang = i18n.lang();
        let cat = store.catalog.get();
        let recommended: Vec<(String, String)> = profile
            .with(|p| {
                p.as_ref().map(|p| {
                    p.recommendations
                        .iter()
                        .flat_map(|r| r.modules.iter().map(|m| (m.pack.clone(), m.module.clone())))
                        .collect()
                })
            })
            .unwrap_or_default();
        let mut modules: Vec<(Option<usize>, &CatalogModule)> = cat
            .offered_modules()
            .map(|m| {
                (
                    recommended
                        .iter()
                        .position(|(p, id)| *p == m.pack && *id == m.module.id),
                    m,
                )
            })
            .collect();
        sort::sort_by_key(&mut modules, |(rank, _)| rank.unwrap_or(usize::MAX));
        let comp_filter = competency.get();
        let status_filter = status.get();
        let rows = modules
            .into_iter()
            .filter(|(_, m)| comp_filter.is_empty() || m.module.targets.iter().any(|t| t.competency == comp_filter))
            .filter_map(|(rank, m)| {
                let r = ModuleRef { pack: m.pack.clone(), module: m.module.id.clone() };
                let st = Progress::status(progress_of(&store, &e, &r).as_ref());
                let st_key = crate::ui::form_value::key(&st);
                if !status_filter.is_empty() && status_filter != st_key {
                    return None;
                }
                let targets = m.module.targets.iter().map(|t| format!("{} → {}", t.competency, t.level)).collect::<Vec<_>>().join(", ");
                Some(view! {
                    <li class="module-card">
                        <a href=Route::Profile(e.clone(), Screen::Module(r)).href()><strong>{i18n.text(&m.module.title)}</strong></a>
                        {rank.map(|_| view! { <span class="badge">{i18n.t("disarankan", "recommended")}</span> })}
                        <p>{i18n.text(&m.module.summary)}</p>
                        <p class="muted">{format!("{targets} · {} JP · {}", format::number(lang, m.module.jp), status_label(i18n, st))}</p>
                    </li>
                })
            })
            .collect_view();
        rows
    };
    let comp_options = move || {
        store.catalog.with(|c| {
            c.competencies.values().map(|comp| view! { <option value=comp.code.clone()>{format!("{} {}", comp.code, i18n.text(&comp.name))}</option> }).collect_view()
        })
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Katalog modul", "Module catalog")}</h1>
            <div class="filters">
                <div class="field">
                    <label for="f-comp">{i18n.tr("Kompetensi", "Competency")}</label>
                    <select id="f-comp" on:change=move |e| competency.set(event_target_value(&e))>
                        <option value="">{i18n.tr("Semua", "All")}</option>
                        {comp_options}
                    </select>
                </div>
                <div class="field">
                    <label for="f-status">{i18n.tr("Status", "Status")}</label>
                    <select id="f-status" on:change=move |e| status.set(event_target_value(&e))>
                        <option value="">{i18n.tr("Semua", "All")}</option>
                        <option value="not_started">{i18n.tr("Belum mulai", "Not started")}</option>
                        <option value="in_progress">{i18n.tr("Sedang dipelajari", "In progress")}</option>
                        <option value="completed">{i18n.tr("Selesai", "Completed")}</option>
                    </select>
                </div>
            </div>
            <Show when=move || store.catalog.with(|c| c.modules.is_empty())>
                <p class="notice notice-warn">{i18n.tr("Belum ada paket konten di perangkat ini. Sambungkan ke jaringan sekali agar paket bawaan termuat, atau minta pelatih memuat paket.", "No content pack on this device yet. Connect once so the default pack loads, or ask your trainer to load a pack.")}</p>
            </Show>
            <ul class="module-list" data-testid="catalog">{list}</ul>
        </section>
    }
}

#[component]
pub fn ModulePage(employee: Id, module: ModuleRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let e = employee.clone();
    move || {
        let lang = i18n.lang();
        let Some(m) = store.catalog.with(|c| c.module(&module.pack, &module.module).cloned()) else {
            return module_not_found();
        };
        let p = progress_of(&store, &e, &module);
        let done = |l: &str| p.as_ref().is_some_and(|p| p.lessons_done.contains(l));
        let resume = p
            .as_ref()
            .and_then(|p| p.resume.as_ref().map(|r| r.lesson.clone()))
            .unwrap_or_else(|| m.module.lessons.first().map(|l| l.id.clone()).unwrap_or_default());
        let lessons = m.module.lessons.iter().map(|l| {
            let mark = if done(&l.id) { "✓ " } else { "" };
            view! { <li><a href=Route::Profile(e.clone(), Screen::Lesson(module.clone(), l.id.clone())).href()>{format!("{mark}{}", i18n.text(&l.title))}</a></li> }
        }).collect_view();
        let attempts = p.as_ref().map(|p| p.attempts_in_order().into_iter().map(|(_, a)| {
            view! { <li>{format!("{} — {} % ({}/{}) {}", format::date(lang, a.at.date_naive()), a.score, a.correct, a.total, if a.passed { i18n.t("lulus", "passed") } else { i18n.t("belum lulus", "not passed") })}</li> }
        }).collect_view());
        let completion = p.as_ref().and_then(|p| p.completion.clone());
        let started = p.as_ref().is_some_and(|p| p.started());
        view! {
            <section class="page">
                <p><a href=Route::Profile(e.clone(), Screen::Learn).href()>{i18n.t("← Katalog", "← Catalog")}</a></p>
                <h1>{i18n.text(&m.module.title)}</h1>
                <p class="lead">{i18n.text(&m.module.summary)}</p>
                <p class="muted">{format!("{} JP · {} {} %", format::number(lang, m.module.jp), i18n.t("nilai lulus kuis", "quiz pass mark"), m.module.quiz.pass_mark)}</p>
                {completion.map(|c| view! { <p class="notice notice-ok" data-testid="module-complete">{format!("{} {} — {} JP {}", i18n.t("Modul selesai pada", "Module completed on"), format::date(lang, c.at.date_naive()), format::number(lang, c.jp), i18n.t("tercatat", "credited"))}</p> })}
                <p class="actions">
                    <a class="button" href=Route::Profile(e.clone(), Screen::Lesson(module.clone(), resume)).href()>{if started { i18n.t("Lanjutkan belajar", "Continue learning") } else { i18n.t("Mulai belajar", "Start learning") }}</a>
                    <a class="button button-secondary" href=Route::Profile(e.clone(), Screen::Quiz(module.clone())).href()>{i18n.t("Kerjakan kuis", "Take the quiz")}</a>
                </p>
                <h2>{i18n.t("Pelajaran", "Lessons")}</h2>
                <ol class="lesson-list">{lessons}</ol>
                <h2>{i18n.t("Riwayat kuis", "Quiz attempts")}</h2>
                <ul data-testid="attempts">{attempts}</ul>
            </section>
        }.into_any()
    }
}

#[component]
pub fn LessonPage(employee: Id, module: ModuleRef, lesson: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let Some(m) = catalog_module(&store, &module) else {
        return module_not_found();
    };
    let Some(idx) = m.module.lessons.iter().position(|l| l.id == lesson) else {
        return view! { <section class="page"><h1>{i18n.tr("Pelajaran tidak ditemukan", "Lesson not found")}</h1></section> }.into_any();
    };
    // Opening a lesson is where "resume" will bring the learner back.
    let opened = lesson.clone();
    update_progress(&store, &employee, &module, move |p, dev, now| {
        p.open_lesson(&opened, now, dev)
    });
    let l = m.module.lessons[idx].clone();
    let next = m
        .module
        .lessons
        .get(idx + 1)
        .map(|n| Route::Profile(employee.clone(), Screen::Lesson(module.clone(), n.id.clone())))
        .unwrap_or(Route::Profile(employee.clone(), Screen::Quiz(module.clone())));
    let is_last = idx + 1 == m.module.lessons.len();
    // The learner's note beside the lesson (its exercises ask them to write): saved when the
    // box is left and before moving on, with their progress.
    let note = RwSignal::new(
        progress_of(&store, &employee, &module)
            .map(|p| p.note(&lesson).to_string())
            .unwrap_or_default(),
    );
    let note_state = RwSignal::new(None::<Result<(), crate::domain::lang::Text>>);
    let (ne, nm, nl) = (employee.clone(), module.clone(), lesson.clone());
    let save_note = move || -> bool {
        let (e, m, l, text) = (ne.clone(), nm.clone(), nl.clone(), note.get_untracked());
        let outcome =
            store.try_change(move |s, dev, now| s.write_lesson_note(&e, &m.pack, &m.module, &l, &text, dev, now));
        let ok = matches!(outcome, Ok(true));
        note_state.set(match outcome {
            Ok(_) => Some(Ok(())),
            Err(problem) => Some(Err(problem)),
        });
        ok
    };
    let save_on_leave = save_note.clone();
    let (e, mr, lid) = (employee.clone(), module.clone(), lesson.clone());
    let finish = move |_| {
        if !save_note() {
            crate::ui::form_value::focus_by_id("lesson-note");
            return;
        }
        let lid = lid.clone();
        if update_progress(&store, &e, &mr, move |p, _, _| {
            p.lessons_done.insert(lid);
        }) {
            navigate(&next);
        }
    };
    let count = m.module.lessons.len();
    view! {
        <article class="page lesson">
            <p><a href=Route::Profile(employee.clone(), Screen::Module(module.clone())).href()>{move || format!("← {}", i18n.text(&m.module.title))}</a></p>
            <p class="muted">{move || format!("{} {} {} {}", i18n.t("Pelajaran", "Lesson"), idx + 1, i18n.t("dari", "of"), count)}</p>
            <h1>{let t = l.title.clone(); move || i18n.text(&t)}</h1>
            {let body = l.body.clone(); move || view! { <Markdown source=i18n.text(&body)/> }}
            <div class="field lesson-note">
                <label for="lesson-note">{i18n.tr("Catatan dan jawaban latihan Anda", "Your notes and exercise answers")}</label>
                <p class="muted" id="lesson-note-help">{i18n.tr("Tersimpan di perangkat ini bersama kemajuan belajar Anda, dan ikut dalam berkas ekspor Anda.", "Kept on this device with your learning progress, and included in your export file.")}</p>
                <textarea id="lesson-note" rows="6" aria-describedby="lesson-note-help lesson-note-state" prop:value=move || note.get()
                    on:input=move |e| { note.set(event_target_value(&e)); note_state.set(None); }
                    on:change=move |_| { save_on_leave(); }></textarea>
                <p id="lesson-note-state" class="note-state" role="status" class:field-error=move || matches!(note_state.get(), Some(Err(_)))>{move || match note_state.get() {
                    Some(Ok(())) => i18n.t("Catatan tersimpan.", "Note saved.").to_string(),
                    Some(Err(problem)) => i18n.text(&problem),
                    None => String::new(),
                }}</p>
            </div>
            <p class="actions">
                <button type="button" class="button" on:click=finish>
                    {move || if is_last { i18n.t("Selesai, lanjut ke kuis", "Done, go to the quiz") } else { i18n.t("Selesai, pelajaran berikutnya", "Done, next lesson") }}
                </button>
            </p>
        </article>
    }
    .into_any()
}

#[component]
pub fn QuizPage(employee: Id, module: ModuleRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let Some(m) = catalog_module(&store, &module) else {
        return module_not_found();
    };
    let quiz = StoredValue::new(m.module.quiz.clone());
    let jp = m.module.jp;
    let total = m.module.quiz.questions.len();
    let answers = RwSignal::new(vec![Vec::<usize>::new(); total]);
    let current = RwSignal::new(0usize);
    let result = RwSignal::new(None::<QuizAttempt>);
    let (e, mr) = (employee.clone(), module.clone());
    let submit = StoredValue::new(move || {
        let a = answers.get_untracked();
        let g = quiz.with_value(|q| grade(q, &a));
        let attempt = QuizAttempt {
            at: browser::now(),
            answers: a,
            correct: g.correct,
            total: g.total,
            score: g.score,
            passed: g.passed,
        };
        let rec = attempt.clone();
        if update_progress(&store, &e, &mr, move |p, _, _| {
            p.record_attempt(browser::new_id(), rec, jp)
        }) {
            result.set(Some(attempt));
        }
    });
    // Attempts made before this one: the first shows the choices as written, a retake
    // shuffled (`quiz::choice_order`).
    let (pe, pm) = (employee.clone(), module.clone());
    let attempts_before = Signal::derive(move || {
        store.snapshot.with(|s| {
            s.progress
                .get(&crate::domain::model::progress::Progress::id_for(
                    &pe, &pm.pack, &pm.module,
                ))
                .map_or(0, |r| r.data().attempts.len())
        })
    });
    let seed = StoredValue::new(format!("{}/{}/{}", employee.as_str(), module.pack, module.module));
    let question = move || {
        let i = current.get();
        let q = quiz.with_value(|qz| qz.questions.get(i).cloned())?;
        let multi = q.correct.len() > 1;
        // Read once per attempt: recording this attempt must not reorder its review.
        let order = crate::domain::rules::quiz::choice_order(
            q.choices.len(),
            attempts_before.get_untracked(),
            &seed.with_value(|s| format!("{s}/{i}")),
        );
        let choices = order.into_iter().filter_map(|k| q.choices.get(k).map(|c| (k, c))).map(|(k, c)| {
            let id = format!("c-{i}-{k}");
            let checked = move || answers.with(|a| a[i].contains(&k));
            view! {
                <li class="choice">
                    <input type=if multi { "checkbox" } else { "radio" } name=format!("q{i}") id=id.clone() prop:checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        answers.update(|a| {
                            if multi {
                                if on { a[i].push(k) } else { a[i].retain(|x| *x != k) }
                            } else {
                                a[i] = vec![k];
                            }
                        });
                    }/>
                    <label for=id>{i18n.text(c)}</label>
                </li>
            }
        }).collect_view();
        Some(view! {
            <fieldset class="question">
                <legend><span class="muted">{format!("{} {} {} {}. ", i18n.t("Soal", "Question"), i + 1, i18n.t("dari", "of"), total)}</span>{i18n.text(&q.prompt)}</legend>
                {multi.then(|| view! { <p class="field-hint">{i18n.t("Pilih semua jawaban yang benar.", "Choose every correct answer.")}</p> })}
                <ul class="choices">{choices}</ul>
            </fieldset>
        })
    };
    let answered = move || answers.with(|a| !a[current.get()].is_empty());
    let review = move || {
        let r = result.get()?;
        let lang = i18n.lang();
        let items = quiz.with_value(|q| {
            let rights = crate::domain::rules::quiz::question_results(q, &r.answers);
            q.questions.iter().zip(rights).map(|(qu, right)| {
                let mut key = qu.correct.clone();
                sort::sort(&mut key);
                key.dedup();
                view! {
                    <li>
                        <p><strong>{if right { "✓ " } else { "✗ " }}</strong>{i18n.text(&qu.prompt)}</p>
                        {if key.len() == 1 {
                            view! { <p class="muted">{format!("{} {}", i18n.t("Jawaban benar:", "Correct answer:"), key.first().and_then(|k| qu.choices.get(*k)).map(|c| i18n.text(c)).unwrap_or_default())}</p> }.into_any()
                        } else {
                            view! {
                                <p class="muted">{i18n.t("Jawaban benar:", "Correct answers:")}</p>
                                <ul class="muted">{key.iter().filter_map(|k| qu.choices.get(*k)).map(|c| view! { <li>{i18n.text(c)}</li> }).collect_view()}</ul>
                            }.into_any()
                        }}
                        <p>{i18n.text(&qu.explanation)}</p>
                    </li>
                }
            }).collect_view()
        });
        let pass_mark = quiz.with_value(|q| q.pass_mark);
        Some(view! {
            <div class=if r.passed { "notice notice-ok" } else { "notice notice-warn" } role="status" data-testid="quiz-result">
                <p><strong>{format!("{} {} % ({}/{}). ", i18n.t("Nilai Anda", "Your score"), r.score, r.correct, r.total)}</strong>
                {format!("{} {} %. ", i18n.t("Nilai lulus", "Pass mark"), pass_mark)}
                {if r.passed { format!("{} {} JP.", i18n.t("Lulus! Modul selesai dan tercatat", "Passed! The module is complete, credited with"), format::number(lang, jp)) } else { i18n.t("Belum lulus. Baca lagi pelajarannya lalu coba kembali.", "Not passed yet. Read the lessons again and retry.").to_string() }}</p>
            </div>
            <h2>{i18n.t("Pembahasan", "Explanations")}</h2>
            <ol class="review">{items}</ol>
        })
    };
    let (e2, mr2) = (employee.clone(), module.clone());
    let retry = move |_| {
        answers.set(vec![Vec::new(); total]);
        current.set(0);
        result.set(None);
    };
    view! {
        <section class="page">
            <p><a href=Route::Profile(employee.clone(), Screen::Module(module.clone())).href()>{let t = m.module.title.clone(); move || format!("← {}", i18n.text(&t))}</a></p>
            <h1>{i18n.tr("Kuis", "Quiz")}</h1>
            <Show when=move || result.get().is_none() fallback=move || view! {
                {review}
                <p class="actions">
                    <a class="button" href=Route::Profile(e2.clone(), Screen::Module(mr2.clone())).href()>{i18n.tr("Kembali ke modul", "Back to the module")}</a>
                    <button type="button" class="button button-secondary" on:click=retry>{i18n.tr("Ulangi kuis", "Retake the quiz")}</button>
                </p>
            }>
                {question}
                <p class="actions">
                    <button type="button" class="button button-secondary" disabled=move || current.get() == 0 on:click=move |_| current.update(|c| *c -= 1)>{i18n.tr("Sebelumnya", "Previous")}</button>
                    <Show when=move || current.get() + 1 < total fallback=move || view! {
                        <button type="button" class="button" disabled=move || !answered() on:click=move |_| submit.with_value(|f| f())>{i18n.tr("Kirim jawaban", "Submit answers")}</button>
                    }>
                        <button type="button" class="button" disabled=move || !answered() on:click=move |_| current.update(|c| *c += 1)>{i18n.tr("Berikutnya", "Next")}</button>
                    </Show>
                </p>
            </Show>
        </section>
    }
    .into_any()
}

/// The module a route names, as the catalog holds it now.
fn catalog_module(store: &Store, m: &ModuleRef) -> Option<CatalogModule> {
    store.catalog.with_untracked(|c| c.module(&m.pack, &m.module).cloned())
}

/// A module address that names no module (a pack removed, an old bookmark).
fn module_not_found() -> AnyView {
    let i18n = use_i18n();
    view! { <section class="page"><h1>{i18n.tr("Modul tidak ditemukan", "Module not found")}</h1></section> }.into_any()
}
