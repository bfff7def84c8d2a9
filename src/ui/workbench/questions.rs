//! Difficult questions (item analysis, `rules::items`): per module, the questions the cohort
//! missed most at their first attempt, and the wrong answer most of them chose.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::rules::items::item_analysis;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

use super::Cohort;

#[component]
pub fn QuestionsView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let modules = move || {
        let lang = i18n.lang();
        let cat = store.catalog.get();
        let items = cohort
            .snapshot
            .with(|s| s.as_ref().map(|s| item_analysis(s, &cat)).unwrap_or_default());
        if items.is_empty() {
            return view! { <p data-testid="no-questions">{i18n.t("Belum ada kuis yang dikerjakan dalam kohort ini.", "Nobody in this cohort has taken a quiz yet.")}</p> }.into_any();
        }
        items
            .into_iter()
            .filter_map(|mi| {
                let m = cat.module(&mi.pack, &mi.module)?;
                let rows = mi
                    .questions
                    .iter()
                    .filter(|q| q.wrong > 0)
                    .map(|q| {
                        let question = &m.module.quiz.questions[q.index];
                        let answer = q.common_wrong.as_ref().map(|(choices, n)| {
                            let text = choices.iter().filter_map(|c| question.choices.get(*c)).map(|c| i18n.text(c)).collect::<Vec<_>>().join("; ");
                            format!("{text} ({n}×)")
                        });
                        view! {
                            <tr>
                                <th scope="row">{format!("{}. {}", q.index + 1, i18n.text(&question.prompt))}</th>
                                <td>{format!("{} / {} ({} %)", q.wrong, mi.people, format::number(lang, mi.share(q) * 100.0))}</td>
                                <td>{answer.unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let all_right = mi.questions.iter().all(|q| q.wrong == 0);
                let title = i18n.text(&m.module.title);
                Some(view! {
                    <section class="module-items" data-testid="module-items">
                        <h2>{title.clone()}</h2>
                        <p class="muted">{format!("{} {}", mi.people, i18n.t("orang mengerjakan kuisnya (percobaan pertama dihitung).", "people took its quiz (first attempts counted)."))}</p>
                        {if all_right {
                            view! { <p>{i18n.t("Semua soal dijawab benar pada percobaan pertama.", "Every question was answered right at the first attempt.")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap" tabindex="0" role="region" aria-label=title>
                                    <table class="table">
                                        <thead><tr>
                                            <th scope="col">{i18n.t("Soal", "Question")}</th>
                                            <th scope="col">{i18n.t("Salah pada percobaan pertama", "Wrong at the first attempt")}</th>
                                            <th scope="col">{i18n.t("Jawaban salah terbanyak", "Most common wrong answer")}</th>
                                        </tr></thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                    </section>
                })
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Soal sulit", "Difficult questions")}</h1>
            <p class="muted">{i18n.tr(
                "Per modul, soal yang paling sering salah dijawab pada percobaan pertama, dan jawaban salah yang paling sering dipilih: bahan untuk memperbaiki isi modul atau membahasnya di kelas.",
                "Per module, the questions most often answered wrongly at the first attempt, and the wrong answer chosen most: what to fix in the module or go over in class.")}</p>
            {modules}
        </section>
    }
}
