//! Required vs current level per competency, drawn as SVG.
//!
//! Readable without colour: the required level is an outlined bar, the current level a solid
//! bar, and every row also states both numbers in text ("current / required", as the legend
//! says). A current level short of the standard is drawn in the warning colour as well. Each
//! row is named by code and name (the full name in its tooltip when it is cut).

use leptos::prelude::*;

use crate::domain::model::competency::MAX_LEVEL;
use crate::domain::rules::levels::Standing;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

const ROW: f64 = 34.0;
const LABEL: f64 = 270.0;
/// Characters of a competency's name that fit beside its code at the chart's font size.
const NAME_CHARS: usize = 26;
const UNIT: f64 = 46.0;

#[component]
pub fn LevelChart(standings: Vec<Standing>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name_of = move |code: &str| {
        store
            .catalog
            .with(|c| c.competencies.get(code).map(|c| i18n.text(&c.name)).unwrap_or_default())
    };
    let height = ROW * standings.len() as f64 + 40.0;
    let width = LABEL + UNIT * MAX_LEVEL as f64 + 90.0;
    let rows = standings
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let y = 30.0 + i as f64 * ROW;
            let cur = s.level();
            let name = name_of(&s.competency);
            let full = format!("{} {name}", s.competency);
            let shown = if name.chars().count() > NAME_CHARS {
                format!("{} {}…", s.competency, name.chars().take(NAME_CHARS - 1).collect::<String>().trim_end())
            } else {
                full.clone()
            };
            let bar = if s.gap() > 0 { "chart-current chart-short" } else { "chart-current" };
            view! {
                <g>
                    <title>{full}</title>
                    <text x="0" y=y + 16.0 class="chart-label">{shown}</text>
                    <rect x=LABEL y=y + 2.0 width=UNIT * s.required as f64 height="22" class="chart-required"/>
                    <rect x=LABEL y=y + 8.0 width=UNIT * cur as f64 height="10" class=bar/>
                    <text x=LABEL + UNIT * MAX_LEVEL as f64 + 8.0 y=y + 16.0 class="chart-value">{format!("{cur} / {}", s.required)}</text>
                </g>
            }
        })
        .collect_view();
    let ticks = (1..=MAX_LEVEL)
        .map(|l| view! { <text x=LABEL + UNIT * l as f64 - 4.0 y="18" class="chart-tick">{l}</text> })
        .collect_view();
    view! {
        <figure class="level-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img"
                aria-label=i18n.tr("Grafik tingkat kompetensi: standar dan saat ini", "Competency levels chart: required and current")>
                {ticks}
                {rows}
            </svg>
            <figcaption>
                <span class="legend-item"><span class="legend legend-required"></span>{i18n.tr(" standar jabatan", " required")}</span>
                <span class="legend-item"><span class="legend legend-current"></span>{i18n.tr(" tingkat saat ini", " current level")}</span>
                <span class="legend-item"><span class="legend legend-short"></span>{i18n.tr(" di bawah standar", " below the standard")}</span>
                <span class="legend-item">{i18n.tr("Angka di kanan: saat ini / standar.", "Figures on the right: current / required.")}</span>
            </figcaption>
        </figure>
    }
}
