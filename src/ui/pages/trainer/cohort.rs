//! The cohort at a glance: charts of JPM categories and 20-JP compliance, and a sortable,
//! filterable table, exportable as CSV.

use leptos::prelude::*;

use super::Cohort;
use crate::browser;
use crate::domain::format;
use crate::domain::model::employee::PositionKind;
use crate::domain::rules::cohort::summary;
use crate::domain::rules::jp::JpStatus;
use crate::domain::rules::report::{csv, jp_status_label, sort_rows, CohortRow, Column, ReevaluationState, RowFilter};
use crate::ui::form_value::key;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::data::download;
use crate::ui::state::use_store;

/// Rows rendered at first; more on request, so a 2,000-person cohort stays quick on a tablet.
const PAGE: usize = 200;

#[component]
pub fn CohortView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let filter = RwSignal::new(RowFilter::default());
    let sort = RwSignal::new((Column::Name, true));
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let f = filter.get();
        let (col, asc) = sort.get();
        let mut rows: Vec<CohortRow> = cohort
            .profiles
            .with(|ps| ps.iter().map(CohortRow::of).filter(|r| f.keeps(r)).collect());
        sort_rows(&mut rows, col, asc);
        rows
    });
    let sum = Memo::new(move |_| store.catalog.with(|c| cohort.profiles.with(|ps| summary(ps, &c.rules))));

    let charts = move || {
        let s = sum.get();
        let lang = i18n.lang();
        let cat = store.catalog.get();
        let bands = cat.rules.scheme().map(|sc| sc.bands.clone()).unwrap_or_default();
        let mut bars: Vec<(String, usize)> = s
            .by_category
            .iter()
            .map(|(k, n)| {
                (
                    bands
                        .iter()
                        .find(|b| &b.key == k)
                        .map(|b| i18n.text(&b.label))
                        .unwrap_or_else(|| k.clone()),
                    *n,
                )
            })
            .collect();
        bars.push((i18n.t("Belum dinilai", "Not assessed").to_string(), s.not_assessed));
        let jp = vec![
            (i18n.text(&jp_status_label(JpStatus::Met)), s.jp_met),
            (i18n.text(&jp_status_label(JpStatus::OnTrack)), s.jp_on_track),
            (i18n.text(&jp_status_label(JpStatus::Behind)), s.jp_behind),
        ];
        view! {
            <div class="stats">
                <BarChart title=i18n.t("Kategori JPM", "JPM categories").to_string() bars=bars total=s.total testid="chart-jpm"/>
                <BarChart title=format!("{} ({} % {})", i18n.t("Target 20 JP", "20-JP target"), format::number(lang, s.jp_compliance * 100.0), i18n.t("tercapai", "met")) bars=jp total=s.total testid="chart-jp"/>
            </div>
        }
    };

    let header = move |col: Column, id: &'static str, en: &'static str| {
        let aria = move || {
            let (c, asc) = sort.get();
            if c == col {
                if asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        view! {
            <div role="columnheader" aria-sort=aria>
                <button type="button" class="th-sort" on:click=move |_| sort.update(|(c, asc)| { if *c == col { *asc = !*asc } else { *c = col; *asc = true } })>
                    {move || i18n.t(id, en)}
                </button>
            </div>
        }
    };
    // Keyed rows: sorting and filtering move the existing rows instead of rebuilding them.
    let visible = move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let row = move |r: CohortRow| {
        let position = r.position.label();
        let category = r.category.clone().map(|(_, t)| t);
        let status = jp_status_label(r.jp_status);
        let reevaluation = r.reevaluation.label();
        let (jpm, jp, last) = (r.jpm, r.jp_earned, r.last_assessment);
        view! {
            <div role="row" class="grid-row">
                <div role="rowheader"><strong>{r.name}</strong><div class="muted small">{r.nip}</div></div>
                <div role="cell">{r.unit}</div>
                <div role="cell">{move || i18n.text(&position)}</div>
                <div role="cell">
                    {move || jpm.map(|j| format!("{} %", format::number(i18n.lang(), j))).unwrap_or_else(|| "—".into())}
                    <div class="small">{move || category.as_ref().map(|t| i18n.text(t))}</div>
                </div>
                <div role="cell">{move || format::number(i18n.lang(), jp)}<div class="small">{move || i18n.text(&status)}</div></div>
                <div role="cell">{move || last.map(|d| format::date(i18n.lang(), d)).unwrap_or_else(|| "—".into())}</div>
                <div role="cell">{move || i18n.text(&reevaluation)}</div>
            </div>
        }
    };
    let units = move || {
        let mut u: Vec<String> = cohort.profiles.with(|ps| ps.iter().map(|p| p.unit.clone()).collect());
        u.sort();
        u.dedup();
        u.into_iter()
            .map(|u| view! { <option value=u.clone()>{u.clone()}</option> })
            .collect_view()
    };
    let bands = move || {
        store.catalog.with(|c| {
            c.rules.scheme().map(|s| {
                s.bands
                    .iter()
                    .map(|b| view! { <option value=b.key.clone()>{i18n.text(&b.label)}</option> })
                    .collect_view()
            })
        })
    };
    let export_csv = move |_| {
        let text = rows.with_untracked(|r| csv(r, i18n.lang()));
        download(
            &format!("lentera-kohort-{}.csv", browser::today()),
            &text,
            "text/csv;charset=utf-8",
        );
    };

    view! {
        <section class="page">
            <h1>{move || i18n.t("Kohort", "Cohort")}</h1>
            <Show when=move || cohort.snapshot.with(|s| s.is_none())>
                <p role="status">{move || i18n.t("Memuat kohort…", "Loading the cohort…")}</p>
            </Show>
            <p data-testid="cohort-count">{move || format!("{} {}", sum.with(|s| s.total), i18n.t("pegawai dalam kohort", "employees in the cohort"))}</p>
            {charts}
            <div class="filters">
                <div class="field"><label for="c-text">{move || i18n.t("Cari nama/NIP", "Search name/NIP")}</label>
                    <input id="c-text" type="text" on:input=move |e| { let v = event_target_value(&e); filter.update(|f| f.text = v); shown.set(PAGE) }/></div>
                <div class="field"><label for="c-unit">{move || i18n.t("Unit kerja", "Work unit")}</label>
                    <select id="c-unit" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.unit = (!v.is_empty()).then_some(v)) }>
                        <option value="">{move || i18n.t("Semua", "All")}</option>{units}</select></div>
                <div class="field"><label for="c-pos">{move || i18n.t("Jenis jabatan", "Position type")}</label>
                    <select id="c-pos" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.position = crate::ui::form_value::parse(&v)) }>
                        <option value="">{move || i18n.t("Semua", "All")}</option>
                        {PositionKind::ALL.iter().map(|k| { let l = k.label(); view! { <option value=key(k)>{move || i18n.text(&l)}</option> } }).collect_view()}
                    </select></div>
                <div class="field"><label for="c-cat">{move || i18n.t("Kategori JPM", "JPM category")}</label>
                    <select id="c-cat" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.category = (!v.is_empty()).then_some(v)) }>
                        <option value="">{move || i18n.t("Semua", "All")}</option>{bands}
                        <option value="none">{move || i18n.t("Belum dinilai", "Not assessed")}</option></select></div>
                <div class="field"><label for="c-jp">{move || i18n.t("Status JP", "JP status")}</label>
                    <select id="c-jp" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.jp_status = crate::ui::form_value::parse(&v)) }>
                        <option value="">{move || i18n.t("Semua", "All")}</option>
                        {[JpStatus::Met, JpStatus::OnTrack, JpStatus::Behind].into_iter().map(|s| view! { <option value=key(&s)>{move || i18n.text(&jp_status_label(s))}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="c-re">{move || i18n.t("Evaluasi ulang", "Re-evaluation")}</label>
                    <select id="c-re" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.reevaluation = crate::ui::form_value::parse(&v)) }>
                        <option value="">{move || i18n.t("Semua", "All")}</option>
                        {[ReevaluationState::NeverAssessed, ReevaluationState::UpToDate, ReevaluationState::Due, ReevaluationState::Overdue].into_iter().map(|s| view! { <option value=key(&s)>{move || i18n.text(&s.label())}</option> }).collect_view()}
                    </select></div>
            </div>
            <p class="actions"><button type="button" class="button" on:click=export_csv>{move || i18n.t("Unduh laporan CSV", "Download CSV report")}</button></p>
            <div class="table-wrap">
                // An ARIA grid of rows rather than <table>: each row can skip layout and paint while
                // off screen (`content-visibility`), which a table row cannot; with 1,000 rows that
                // is most of the cost of re-sorting on a tablet.
                <div role="table" class="grid-table" data-testid="cohort-table" aria-label=move || i18n.t("Tabel kohort", "Cohort table")>
                    <div role="rowgroup"><div role="row" class="grid-row grid-head">
                        {header(Column::Name, "Nama", "Name")}
                        {header(Column::Unit, "Unit kerja", "Work unit")}
                        {header(Column::Position, "Jenis jabatan", "Position type")}
                        {header(Column::Jpm, "JPM", "JPM")}
                        {header(Column::JpEarned, "JP tahun ini", "JP this year")}
                        {header(Column::LastAssessment, "Penilaian terakhir", "Last assessment")}
                        {header(Column::Reevaluation, "Evaluasi ulang", "Re-evaluation")}
                    </div></div>
                    <div role="rowgroup" class="grid-body"><For each=visible key=|r| r.id.clone() children=row/></div>
                </div>
            </div>
            <p class="muted" data-testid="rows-shown">{move || format!("{} {} {}", rows.with(|r| r.len().min(shown.get())), i18n.t("dari", "of"), rows.with(|r| r.len()))}</p>
            <Show when=move || rows.with(|r| r.len() > shown.get())>
                <button type="button" class="button button-secondary" on:click=move |_| shown.update(|s| *s += PAGE)>{move || i18n.t("Tampilkan lebih banyak", "Show more")}</button>
            </Show>
        </section>
    }
}

/// Horizontal bars with their counts written out (readable without colour).
#[component]
pub fn BarChart(title: String, bars: Vec<(String, usize)>, total: usize, testid: &'static str) -> impl IntoView {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let h = 34.0 * bars.len() as f64 + 8.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let y = 4.0 + i as f64 * 34.0;
            let w = 180.0 * *n as f64 / max;
            view! {
                <g>
                    <text x="0" y=y + 18.0 class="chart-label">{label.clone()}</text>
                    <rect x="150" y=y + 4.0 width=w.max(1.0) height="20" class="chart-current"/>
                    <text x=158.0 + w y=y + 19.0 class="chart-value">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let summary = bars
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="stat bar-chart" data-testid=testid>
            <figcaption class="stat-label">{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 380 {h}") role="img" aria-label=format!("{title}: {summary} ({total})")>{rows}</svg>
        </figure>
    }
}
