//! The cohort at a glance: charts of JPM categories and 20-JP compliance, and a sortable,
//! filterable table, exportable as CSV.

use leptos::prelude::*;

use super::sessions::SessionList;
use crate::ui::components::jpm_summary::JpmBasis;

use super::Cohort;
use crate::browser;
use crate::domain::format;
use crate::domain::model::employee::PositionKind;
use crate::domain::rules::cohort::{by_unit, duplicate_nips, summary};
use crate::domain::rules::jp::JpStatus;
use crate::domain::rules::report::{csv, jp_status_label, sort_rows, CohortRow, Column, ReevaluationState, RowFilter};
use crate::domain::rules::report_xlsx::cohort_workbook;
use crate::domain::sort;
use crate::route::{PrintDoc, TrainerTab};
use crate::ui::files::{download, download_bytes};
use crate::ui::form_value::key;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

/// Every row is exactly this tall (see `.grid-body .grid-row` in the CSS), so the table can
/// render only the rows on screen: a 2,000-person cohort re-sorts as fast as a 20-person one.
const ROW_PX: f64 = 64.0;
/// Rows rendered above and below the screen, so fast scrolling shows no gaps.
const BUFFER: usize = 12;

#[component]
pub fn CohortView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let filter = RwSignal::new(RowFilter::default());
    let sort = RwSignal::new((Column::Name, true));
    // The window of rows on screen, from the page's scroll position and height.
    let body_ref = NodeRef::<leptos::html::Div>::new();
    let scroll = RwSignal::new(0.0f64);
    let h1 = window_event_listener(leptos::ev::scroll, move |_| {
        scroll.set(window().scroll_y().unwrap_or(0.0))
    });
    let h2 = window_event_listener(leptos::ev::resize, move |_| scroll.update(|s| *s += 0.0));
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });
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
    // Two records claiming one NIP: shown for the trainer to decide, never merged silently.
    let duplicates = move || {
        let dups = cohort
            .snapshot
            .with(|s| s.as_ref().map(duplicate_nips).unwrap_or_default());
        (!dups.is_empty()).then(|| {
            let names = cohort.snapshot.with(|s| {
                dups.iter()
                    .map(|(nip, ids)| {
                        let links = ids
                            .iter()
                            .map(|id| {
                                let name = s.as_ref().and_then(|s| s.employees.get(id)).map(|r| r.data().name.clone()).unwrap_or_default();
                                view! { " " <a href=TrainerTab::Person(id.clone()).href()>{name}</a> }
                            })
                            .collect_view();
                        view! { <li>{format!("NIP {nip}:")}{links}</li> }
                    })
                    .collect_view()
            });
            view! {
                <div class="notice notice-warn" role="status" data-testid="duplicate-nips">
                    <p>{i18n.t(
                        "NIP yang sama dipakai lebih dari satu profil. Keduanya tetap di kohort dan dihitung masing-masing; periksa apakah ini orang yang sama dari dua perangkat, atau salah ketik:",
                        "One NIP is used by more than one profile. Both stay in the cohort and count separately; check whether this is one person from two devices, or a typing mistake:")}</p>
                    <ul>{names}</ul>
                </div>
            }
        })
    };
    let unit_summary = view! { <UnitSummary cohort=cohort/> };

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
                <BarChart title=format!("{} ({} % {})", i18n.text(&store.catalog.with(|c| crate::domain::rules::wording::jp_target(&c.rules))), format::number(lang, s.jp_compliance * 100.0), i18n.t("tercapai", "met")) bars=jp total=s.total testid="chart-jp"/>
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
                    {i18n.tr(id, en)}
                </button>
            </div>
        }
    };
    // Keyed rows: sorting and filtering move the existing rows instead of rebuilding them.
    let window_rows = Memo::new(move |_| {
        scroll.track();
        let len = rows.with(|r| r.len());
        let top = body_ref
            .get()
            .map(|el| el.get_bounding_client_rect().top())
            .unwrap_or(0.0);
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1280.0);
        let first = ((-top) / ROW_PX).floor().max(0.0) as usize;
        let start = first.saturating_sub(BUFFER).min(len);
        let end = (first + (height / ROW_PX).ceil() as usize + BUFFER).min(len);
        (start, end.max(start))
    });
    let visible = move || {
        let (start, end) = window_rows.get();
        rows.with(|r| {
            r[start..end]
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, row)| (start + i, row))
                .collect::<Vec<_>>()
        })
    };
    let pad_top = move || format!("height: {}px", window_rows.get().0 as f64 * ROW_PX);
    let pad_bottom = move || {
        format!(
            "height: {}px",
            rows.with(|r| r.len()).saturating_sub(window_rows.get().1) as f64 * ROW_PX
        )
    };
    let row = move |(index, r): (usize, CohortRow)| {
        let position = r.position.label();
        let category = r.category.clone().map(|(_, t)| t);
        let status = jp_status_label(r.jp_status);
        let reevaluation = r.reevaluation.label();
        let (jpm, jp, last, jpm_verified) = (r.jpm, r.jp_earned, r.last_assessment, r.jpm_verified);
        let (verified, unproven) = (r.verified.clone(), r.unproven);
        view! {
            <div role="row" class="grid-row" aria-rowindex=index + 2>
                <div role="rowheader"><a href=TrainerTab::Person(r.id.clone()).href()><strong>{r.name}</strong></a><div class="muted small">{r.nip}</div></div>
                <div role="cell">{r.unit}</div>
                <div role="cell">{move || i18n.text(&position)}</div>
                <div role="cell">
                    {move || jpm.map(|j| format!("{} %", format::number(i18n.lang(), j))).unwrap_or_else(|| "—".into())}
                    <div class="small">{move || category.as_ref().map(|t| i18n.text(t))}</div>
                    {(jpm.is_some() && !jpm_verified).then(|| view! { <div class="small status-warn">{i18n.tr("belum diverifikasi", "not yet verified")}</div> })}
                </div>
                <div role="cell">{move || format::number(i18n.lang(), jp)}<div class="small">{move || i18n.text(&status)}</div></div>
                <div role="cell">{move || last.map(|d| format::date(i18n.lang(), d)).unwrap_or_else(|| "—".into())}
                    <div class="small" data-testid="verified-by">{move || match (&verified, unproven) {
                        (Some(v), _) => format!("✓ {} {}, {}", i18n.t("diverifikasi", "verified by"), v.by.name, format::date(i18n.lang(), v.date)),
                        (None, n) if n > 0 => format!("⚠ {n} {}", i18n.t("tanpa tanda tangan sah", "without a valid signature")),
                        _ => String::new(),
                    }}</div>
                </div>
                <div role="cell">{move || i18n.text(&reevaluation)}</div>
            </div>
        }
    };
    let units = move || {
        let mut u: Vec<String> = cohort.profiles.with(|ps| ps.iter().map(|p| p.unit.clone()).collect());
        sort::sort(&mut u);
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

    // The same people as the CSV (the rows the filters keep), as a workbook: a summary sheet and
    // one sheet per work unit (`docs/cohort-xlsx.md`).
    let xlsx_failed = RwSignal::new(false);
    let export_xlsx = move |_| {
        let mut shown = std::collections::BTreeSet::new();
        rows.with_untracked(|r| shown.extend(r.iter().map(|r| r.id.clone())));
        let people: Vec<_> = cohort
            .profiles
            .with_untracked(|ps| ps.iter().filter(|p| shown.contains(&p.id)).cloned().collect());
        let lang = i18n.lang();
        let today = browser::today();
        let bytes = store.catalog.with_untracked(|c| {
            cohort_workbook(&people, &c.rules, lang, chrono::Datelike::year(&today), browser::now())
        });
        xlsx_failed.set(bytes.is_err());
        if let Ok(bytes) = bytes {
            download_bytes(
                &format!("lentera-kohort-{today}.xlsx"),
                &bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            );
        }
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Kohort", "Cohort")}</h1>
            <Show when=move || cohort.snapshot.with(|s| s.is_none())>
                <p role="status">{i18n.tr("Memuat kohort…", "Loading the cohort…")}</p>
            </Show>
            <p data-testid="cohort-count">{move || format!("{} {}", sum.with(|s| s.total), i18n.t("pegawai dalam kohort", "employees in the cohort"))}</p>
            {duplicates}
            {charts}
            {unit_summary}
            <div class="filters">
                <div class="field"><label for="c-text">{i18n.tr("Cari nama/NIP", "Search name/NIP")}</label>
                    <input id="c-text" type="text" on:input=move |e| { let v = event_target_value(&e); filter.update(|f| f.text = v) }/></div>
                <div class="field"><label for="c-unit">{i18n.tr("Unit kerja", "Work unit")}</label>
                    <select id="c-unit" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.unit = (!v.is_empty()).then_some(v)) }>
                        <option value="">{i18n.tr("Semua", "All")}</option>{units}</select></div>
                <div class="field"><label for="c-pos">{i18n.tr("Jenis jabatan", "Position type")}</label>
                    <select id="c-pos" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.position = crate::ui::form_value::parse(&v)) }>
                        <option value="">{i18n.tr("Semua", "All")}</option>
                        {PositionKind::ALL.iter().map(|k| { let l = k.label(); view! { <option value=key(k)>{move || i18n.text(&l)}</option> } }).collect_view()}
                    </select></div>
                <div class="field"><label for="c-cat">{i18n.tr("Kategori JPM", "JPM category")}</label>
                    <select id="c-cat" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.category = (!v.is_empty()).then_some(v)) }>
                        <option value="">{i18n.tr("Semua", "All")}</option>{bands}
                        <option value="none">{i18n.tr("Belum dinilai", "Not assessed")}</option></select></div>
                <div class="field"><label for="c-jp">{i18n.tr("Status JP", "JP status")}</label>
                    <select id="c-jp" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.jp_status = crate::ui::form_value::parse(&v)) }>
                        <option value="">{i18n.tr("Semua", "All")}</option>
                        {[JpStatus::Met, JpStatus::OnTrack, JpStatus::Behind].into_iter().map(|s| view! { <option value=key(&s)>{move || i18n.text(&jp_status_label(s))}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="c-re">{i18n.tr("Evaluasi ulang", "Re-evaluation")}</label>
                    <select id="c-re" on:change=move |e| { let v = event_target_value(&e); filter.update(|f| f.reevaluation = crate::ui::form_value::parse(&v)) }>
                        <option value="">{i18n.tr("Semua", "All")}</option>
                        {[ReevaluationState::NeverAssessed, ReevaluationState::UpToDate, ReevaluationState::Due, ReevaluationState::Overdue].into_iter().map(|s| view! { <option value=key(&s)>{move || i18n.text(&s.label())}</option> }).collect_view()}
                    </select></div>
            </div>
            <p class="actions">
                <button type="button" class="button" on:click=export_csv>{i18n.tr("Unduh laporan CSV", "Download CSV report")}</button>
                " "
                <button type="button" class="button" on:click=export_xlsx>{i18n.tr("Unduh laporan Excel", "Download Excel report")}</button>
                " "
                <a class="button button-secondary" href=TrainerTab::Print(PrintDoc::Cohort).href()>{i18n.tr("Versi cetak: kohort", "Printable: cohort")}</a>
                " "
                <a class="button button-secondary" href=TrainerTab::Print(PrintDoc::Units).href()>{i18n.tr("Versi cetak: ringkasan per unit", "Printable: summary per unit")}</a>
            </p>
            <Show when=move || xlsx_failed.get()>
                <p class="notice notice-error" role="alert">{i18n.tr("Laporan Excel tidak dapat dibuat.", "The Excel report could not be made.")}</p>
            </Show>
            <JpmBasis/>
            <div class="table-wrap">
                // An ARIA table of fixed-height rows rather than <table>: only the rows on screen
                // are in the page (`window_rows`), with spacers for the rest.
                <div role="table" class="grid-table" data-testid="cohort-table" aria-label=i18n.tr("Tabel kohort", "Cohort table")
                    aria-rowcount=move || rows.with(|r| r.len()) + 1>
                    <div role="rowgroup"><div role="row" class="grid-row grid-head" aria-rowindex="1">
                        {header(Column::Name, "Nama", "Name")}
                        {header(Column::Unit, "Unit kerja", "Work unit")}
                        {header(Column::Position, "Jenis jabatan", "Position type")}
                        {header(Column::Jpm, "JPM", "JPM")}
                        {header(Column::JpEarned, "JP tahun ini", "JP this year")}
                        {header(Column::LastAssessment, "Penilaian terakhir", "Last assessment")}
                        {header(Column::Reevaluation, "Evaluasi ulang", "Re-evaluation")}
                    </div></div>
                    <div role="rowgroup" class="grid-body" node_ref=body_ref>
                        <div aria-hidden="true" style=pad_top></div>
                        <For each=visible key=|(_, r)| r.id.clone() children=row/>
                        <div aria-hidden="true" style=pad_bottom></div>
                    </div>
                </div>
            </div>
            <p class="muted" data-testid="rows-shown">{move || format!("{} {}", rows.with(|r| r.len()), i18n.t("baris", "rows"))}</p>
            <h2>{i18n.tr("Belajar bersama", "Learning together")}</h2>
            <SessionList cohort=cohort/>
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

/// Per work unit: headcount, JPM categories, JP compliance, overdue re-evaluations — the
/// figures an agency reports upward (on the cohort page and its print layout).
#[component]
pub fn UnitSummary(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let lang = i18n.lang();
        let cat = store.catalog.get();
        let bands = cat.rules.scheme().map(|sc| sc.bands.clone()).unwrap_or_default();
        let per_unit = cohort.profiles.with(|ps| by_unit(ps, &cat.rules));
        let head = bands
            .iter()
            .map(|b| view! { <th scope="col">{i18n.text(&b.label)}</th> })
            .collect_view();
        let body = per_unit
            .into_iter()
            .map(|(unit, s)| {
                let cells = s
                    .by_category
                    .iter()
                    .map(|(_, n)| view! { <td>{*n}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{unit}</th>
                        <td>{s.total}</td>
                        {cells}
                        <td>{s.not_assessed}</td>
                        <td>{format!("{} %", format::number(lang, s.jp_compliance * 100.0))}</td>
                        <td>{s.overdue.len()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            // Focusable, so a table wider than the screen scrolls by keyboard too.
            <div class="table-wrap" tabindex="0" role="region" aria-label=i18n.t("Ringkasan per unit kerja", "Summary per work unit")>
                <table class="table" data-testid="unit-summary">
                    <caption>{i18n.t("Ringkasan per unit kerja", "Summary per work unit")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("Unit kerja", "Work unit")}</th>
                        <th scope="col">{i18n.t("Pegawai", "Employees")}</th>
                        {head}
                        <th scope="col">{i18n.t("Belum dinilai", "Not assessed")}</th>
                        <th scope="col">{i18n.text(&crate::domain::rules::wording::jp_target(&cat.rules))}</th>
                        <th scope="col">{i18n.t("Evaluasi ulang terlambat", "Overdue re-evaluations")}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    }
}
