//! The talent grid (who is in which of the nine boxes, with the follow-up), the
//! promotion-readiness ranking and the overdue re-evaluations.

use leptos::prelude::*;

use crate::ui::components::jpm_summary::jpm_line;

use super::Cohort;
use crate::domain::format;
use crate::domain::model::evaluation::{Performance, Potential};
use crate::domain::rules::cohort::{promotion_ranking, summary};
use crate::domain::rules::jp::JpStatus;
use crate::domain::rules::schedule::Reevaluation;
use crate::route::{PrintDoc, TrainerTab};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

/// Names listed per box before "and N more".
const NAMES_PER_BOX: usize = 6;

#[component]
pub fn TalentView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let grid = view! { <TalentGrid cohort=cohort/> };
    let unplaced = move || {
        store
            .catalog
            .with(|c| cohort.profiles.with(|ps| summary(ps, &c.rules).unplaced))
    };
    let ranking = move || {
        let lang = i18n.lang();
        let rules = store.catalog.with(|c| c.rules.clone());
        cohort.profiles.with(|ps| {
            promotion_ranking(ps, &rules).into_iter().filter(|&i| ps[i].jpm.is_some()).take(20).map(|i| {
                let p = &ps[i];
                view! {
                    <li>
                        <strong>{p.name.clone()}</strong>
                        {p.jpm.as_ref().map(|j| format!(" — JPM {}", jpm_line(i18n, j)))}
                        {p.improvement.map(|d| format!(", {} {}{}", i18n.t("perubahan", "change"), if d >= 0.0 { "+" } else { "" }, format::number(lang, d)))}
                        {format!(", {}", if p.jp.status == JpStatus::Met { i18n.t("target JP tercapai", "JP target met") } else { i18n.t("target JP belum tercapai", "JP target not met") })}
                    </li>
                }
            }).collect_view()
        })
    };
    let overdue = move || {
        let lang = i18n.lang();
        cohort.profiles.with(|ps| {
            ps.iter().filter_map(|p| match p.reevaluation {
                Reevaluation::Overdue { overdue_from, .. } => Some(view! { <li>{format!("{} — {} {}", p.name, i18n.t("terlambat sejak", "overdue since"), format::date(lang, overdue_from))}</li> }.into_any()),
                Reevaluation::NeverAssessed => Some(view! { <li>{format!("{} — {}", p.name, i18n.t("belum pernah dinilai", "never assessed"))}</li> }.into_any()),
                _ => None,
            }).collect_view()
        })
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Matriks talenta (9 kotak)", "Talent grid (9 boxes)")}</h1>
            <p class="muted">{i18n.tr("Kinerja dari penilaian atasan terakhir yang ditandatangani atasan (✓: tanda tangan sah); penilaian tanpa tanda tangan sah tidak dihitung. Potensial dari atasan atau, bila kosong, dari JPM (Permenpan RB 3/2020).", "Performance from the latest rating signed by the supervisor (✓: the signature checks); ratings without a valid signature do not count. Potential from the supervisor or, when missing, from JPM (Permenpan RB 3/2020).")}</p>
            {grid}
            <p><a class="button button-secondary" href=TrainerTab::Print(PrintDoc::Talent).href()>{i18n.tr("Versi cetak: matriks talenta", "Printable: talent grid")}</a></p>
            <p class="muted">{move || format!("{} {}", unplaced(), i18n.t("pegawai belum dapat ditempatkan (belum ada penilaian kinerja atau JPM).", "employees cannot be placed yet (no performance rating or JPM)."))}</p>
            <h2>{i18n.tr("Kesiapan promosi", "Promotion readiness")}</h2>
            <p class="muted">{move || i18n.text(&store.catalog.with(|c| crate::domain::rules::wording::promotion_order(&c.rules)))}</p>
            <ol data-testid="promotion">{ranking}</ol>
            <h2>{i18n.tr("Evaluasi ulang terlambat", "Overdue re-evaluations")}</h2>
            <ul data-testid="overdue">{overdue}</ul>
        </section>
    }
}

/// The nine boxes with who is in each (signed ratings only) and the follow-up; on paper
/// (`every_name`) with every name rather than the first few.
#[component]
pub fn TalentGrid(cohort: Cohort, #[prop(optional)] every_name: bool) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let shown = if every_name { usize::MAX } else { NAMES_PER_BOX };
    move || {
        let rules = store.catalog.with(|c| c.rules.clone());
        cohort.profiles.with(|ps| {
            let rows = [Potential::High, Potential::Medium, Potential::Low].into_iter().map(|pot| {
                let cells = [Performance::Below, Performance::Meets, Performance::Above].into_iter().map(|perf| {
                    let rule = rules.talent.boxes.value.iter().find(|b| b.performance == perf && b.potential == pot).cloned();
                    let people: Vec<(String, String)> = ps.iter().filter(|p| p.talent.as_ref().is_some_and(|t| t.performance == perf && t.potential == pot)).map(|p| (
                        p.name.clone(),
                        p.rated.as_ref().map(|r| format!("{} {}, {}", i18n.t("kinerja ditandatangani", "rating signed by"), r.by.name, format::date(i18n.lang(), r.date))).unwrap_or_default(),
                    )).collect();
                    let n = people.len();
                    let more = n.saturating_sub(shown);
                    let number = rule.as_ref().map(|r| r.number).unwrap_or(0);
                    view! {
                        <td class="talent-cell" data-testid=format!("box-{number}")>
                            <div class="talent-head"><strong>{rule.as_ref().map(|r| i18n.text(&r.label))}</strong><span class="talent-count">{n}</span></div>
                            <ul class="talent-names">{people.into_iter().take(shown).map(|(name, rated)| view! { <li>{name}<div class="small muted">{format!("✓ {rated}")}</div></li> }).collect_view()}</ul>
                            {(more > 0).then(|| view! { <p class="small">{format!("+{more} {}", i18n.t("lainnya", "more"))}</p> })}
                            <p class="small muted">{rule.as_ref().map(|r| i18n.text(&r.follow_up))}</p>
                        </td>
                    }
                }).collect_view();
                view! { <tr><th scope="row">{i18n.text(&pot.label())}</th>{cells}</tr> }
            }).collect_view();
            view! {
                <div class="table-wrap">
                    <table class="talent-grid" data-testid="talent-grid">
                        <caption>{i18n.t("Potensial (baris) × kinerja (kolom)", "Potential (rows) × performance (columns)")}</caption>
                        <thead><tr><td></td>
                            {[Performance::Below, Performance::Meets, Performance::Above].into_iter().map(|p| view! { <th scope="col">{i18n.text(&p.label())}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}
