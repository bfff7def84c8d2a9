//! A person's competency levels against the standard, with where each level comes from
//! (verified, and by whom, self-assessed, or self-reported): the learner's dashboard and the
//! trainer's person view show the same table.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::rules::levels::{CurrentLevel, LevelSource, Standing};
use crate::domain::rules::wording;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_store;

/// Where a level comes from, in the interface language; `dated` adds the assessment's date.
pub fn level_source(i18n: I18n, c: &CurrentLevel, dated: bool) -> String {
    let text = match (c.source, &c.verifier) {
        (LevelSource::Verified, Some(v)) => format!("{} {}", i18n.t("diverifikasi", "verified by"), v.name),
        (LevelSource::Verified, None) => i18n.t("diverifikasi", "verified").to_string(),
        (LevelSource::SelfAssessed, _) => i18n.t("penilaian diri", "self-assessed").to_string(),
        (LevelSource::Unproven, _) => i18n
            .t(
                "dilaporkan sendiri, tanpa tanda tangan atasan yang sah",
                "self-reported, without a valid supervisor's signature",
            )
            .to_string(),
    };
    if dated {
        format!("{text}, {}", format::date(i18n.lang(), c.date))
    } else {
        text
    }
}

/// The gap cell's colour: short of the standard, at it, above it (the sign and the words carry
/// the same, so colour is never the only cue).
pub fn gap_class(gap: i16) -> &'static str {
    match gap {
        g if g > 0 => "gap-open",
        0 => "gap-closed",
        _ => "gap-above",
    }
}

#[component]
pub fn GapTable(standings: Vec<Standing>, testid: &'static str, #[prop(optional)] dated: bool) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let rows = move || {
        let cat = store.catalog.get();
        standings
            .iter()
            .map(|s| {
                let name = cat.competencies.get(&s.competency).map(|c| i18n.text(&c.name)).unwrap_or_default();
                let source = s.current.as_ref().map(|c| level_source(i18n, c, dated));
                let gap = s.gap();
                view! {
                    <tr>
                        <th scope="row">{format!("{} {name}", s.competency)}</th>
                        <td>{s.required}</td>
                        <td>{s.current.as_ref().map(|c| c.level.to_string()).unwrap_or_else(|| "—".into())}{source.map(|t| format!(" ({t})"))}</td>
                        <td class=gap_class(gap)>{format!("{} {}", if gap > 0 { "✗" } else { "✓" }, i18n.text(&wording::gap(gap)))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="table" data-testid=testid>
                <caption class="visually-hidden">{i18n.t("Kesenjangan kompetensi", "Competency gaps")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("Kompetensi", "Competency")}</th>
                    <th scope="col">{i18n.t("Standar", "Required")}</th>
                    <th scope="col">{i18n.t("Saat ini", "Current")}</th>
                    <th scope="col">{i18n.t("Kesenjangan", "Gap")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
    }
}
