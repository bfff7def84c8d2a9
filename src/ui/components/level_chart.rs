//! Required vs current level per competency, drawn as SVG.
//!
//! Readable without colour: the required level is an outlined bar, the current level a solid
//! hatched-free dark bar, and every row also states both numbers in text.

use leptos::prelude::*;

use crate::domain::model::competency::MAX_LEVEL;
use crate::domain::rules::levels::Standing;
use crate::ui::i18n::use_i18n;

const ROW: f64 = 34.0;
const LABEL: f64 = 70.0;
const UNIT: f64 = 46.0;

#[component]
pub fn LevelChart(standings: Vec<Standing>) -> impl IntoView {
    let i18n = use_i18n();
    let height = ROW * standings.len() as f64 + 40.0;
    let width = LABEL + UNIT * MAX_LEVEL as f64 + 90.0;
    let rows = standings
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let y = 30.0 + i as f64 * ROW;
            let cur = s.level();
            view! {
                <g>
                    <text x="0" y=y + 16.0 class="chart-label">{s.competency.clone()}</text>
                    <rect x=LABEL y=y + 2.0 width=UNIT * s.required as f64 height="22" class="chart-required"/>
                    <rect x=LABEL y=y + 8.0 width=UNIT * cur as f64 height="10" class="chart-current"/>
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
                <span class="legend legend-required"></span>{i18n.tr(" standar jabatan   ", " required   ")}
                <span class="legend legend-current"></span>{i18n.tr(" tingkat saat ini", " current level")}
            </figcaption>
        </figure>
    }
}
