//! The workbench's print layouts (`TrainerTab::Print`): the cohort table, the per-unit summary,
//! the 9-box grid and one person's individual development plan (IDP) with signature lines. On
//! screen each shows the agency field, a print button and the report as it will print; on paper
//! (`@media print` in `style/main.css`) only the report: no navigation, tables that wrap instead
//! of scrolling, and on every page the agency, the title, the date and the page number (CSS page
//! margin boxes, written into a `<style>` here because they take text, not markup).

use leptos::prelude::*;

use crate::ui::components::jpm_summary::{jpm_line, JpmBasis};

use super::cohort::UnitSummary;
use super::person::action_text;
use super::talent::TalentGrid;
use super::Cohort;
use crate::browser;
use crate::domain::format::{self, css_string};
use crate::domain::lang::Text;
use crate::domain::model::plan::PlanStatus;
use crate::domain::record::Id;
use crate::domain::rules::profile::{person_detail, EmployeeProfile};
use crate::domain::rules::report::{jp_status_label, ReevaluationState};
use crate::domain::rules::roster::supervisor_check;
use crate::domain::sort;
use crate::route::{PrintDoc, TrainerTab};
use crate::storage;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_store;

fn title(doc: &PrintDoc) -> Text {
    match doc {
        PrintDoc::Cohort => Text::new("Kohort", "Cohort"),
        PrintDoc::Units => Text::new("Ringkasan per unit kerja", "Summary per work unit"),
        PrintDoc::Talent => Text::new("Matriks talenta (9 kotak)", "Talent grid (9 boxes)"),
        PrintDoc::Plan(_) => Text::new(
            "Rencana pengembangan individu (IDP)",
            "Individual development plan (IDP)",
        ),
    }
}

#[component]
pub fn PrintView(cohort: Cohort, doc: PrintDoc) -> impl IntoView {
    let i18n = use_i18n();
    let agency = RwSignal::new(storage::prefs::agency());
    let saved = RwSignal::new(None::<bool>);
    let today = browser::today();
    let heading = title(&doc);
    let (h1, h2) = (heading.clone(), heading.clone());
    // The page headers and footers of every printed page.
    let page_css = move || {
        let lang = i18n.lang();
        format!(
            "@page {{ @top-left {{ content: {}; font-size: 9pt; }} @top-right {{ content: {}; font-size: 9pt; }} \
             @bottom-right {{ content: {} counter(page) {} counter(pages); font-size: 9pt; }} }}",
            css_string(&agency.get()),
            css_string(&format!("{} · {}", i18n.text(&h1), format::date(lang, today))),
            css_string(i18n.t("Halaman ", "Page ")),
            css_string(i18n.t(" dari ", " of ")),
        )
    };
    let back = match &doc {
        PrintDoc::Cohort | PrintDoc::Units => TrainerTab::Cohort,
        PrintDoc::Talent => TrainerTab::Talent,
        PrintDoc::Plan(id) => TrainerTab::Person(id.clone()),
    };
    let portrait = matches!(doc, PrintDoc::Plan(_));
    let body = match doc {
        PrintDoc::Cohort => view! { <CohortTable cohort=cohort/> }.into_any(),
        PrintDoc::Units => view! { <UnitSummary cohort=cohort/> }.into_any(),
        PrintDoc::Talent => view! { <TalentGrid cohort=cohort every_name=true/> }.into_any(),
        PrintDoc::Plan(id) => view! { <PlanSheet cohort=cohort employee=id/> }.into_any(),
    };
    view! {
        <style>{page_css}</style>
        <div class="print-controls page">
            <p><a href=back.href()>{i18n.tr("← Kembali", "← Back")}</a></p>
            <div class="field">
                <label for="p-agency">{i18n.tr("Nama instansi (kepala setiap halaman)", "Agency name (heads every page)")}</label>
                <input id="p-agency" type="text" maxlength="120" prop:value=agency
                    on:input=move |e| agency.set(event_target_value(&e))
                    on:change=move |_| saved.set(Some(storage::prefs::save_agency(&agency.get_untracked()).is_ok()))/>
            </div>
            <Show when=move || saved.get() == Some(false)>
                <p class="notice notice-warn" role="status">{i18n.tr("Nama instansi tidak dapat disimpan di perangkat ini; tetap dipakai untuk cetakan ini.", "The agency name could not be stored on this device; it is still used for this printout.")}</p>
            </Show>
            <p class="actions"><button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{i18n.tr("Cetak", "Print")}</button></p>
            <p class="muted">{i18n.tr(
                "Di jendela cetak, pilih \"Simpan sebagai PDF\" untuk berkas PDF. Navigasi dan tombol tidak ikut tercetak.",
                "In the print dialog, choose \"Save as PDF\" for a PDF file. Navigation and buttons are not printed.",
            )}</p>
        </div>
        <article class=if portrait { "print-doc print-portrait" } else { "print-doc" } data-testid="print-doc">
            <header class="print-head">
                <p class="print-agency muted">{move || agency.get()}</p>
                <h1>{move || i18n.text(&h2)}</h1>
                <p class="muted">{move || format::date(i18n.lang(), today)}</p>
            </header>
            {body}
        </article>
    }
}

/// Every person of the cohort by unit, then name: every column, wrapped to the page.
#[component]
fn CohortTable(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang();
        let mut people: Vec<EmployeeProfile> = cohort.profiles.get();
        sort::sort_by(&mut people, |a, b| {
            a.unit
                .cmp(&b.unit)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.id.cmp(&b.id))
        });
        let year = people.first().map(|p| p.jp.year);
        let rows = people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let verified = p
                    .verified
                    .as_ref()
                    .map(|v| format!("{}, {}", v.by.name, format::date(lang, v.date)))
                    .unwrap_or_else(|| i18n.t("belum", "not yet").to_string());
                view! {
                    <tr>
                        <td>{i + 1}</td>
                        <th scope="row">{p.name.clone()}</th>
                        <td class="nowrap">{p.nip.clone()}</td>
                        <td>{p.unit.clone()}</td>
                        <td>{p.position.title.clone()}</td>
                        <td>{p.grade.clone()}</td>
                        <td>{p.jpm.as_ref().map(|j| format!("{} % {}{}", format::number(lang, j.percent), i18n.text(&j.band.label), if j.verified() { "" } else { " *" })).unwrap_or_else(|| "—".into())}</td>
                        <td>{format!("{} ({})", format::number(lang, p.jp.earned), i18n.text(&jp_status_label(p.jp.status)))}</td>
                        <td>{p.last_assessment.map(|d| format::date(lang, d)).unwrap_or_else(|| "—".into())}</td>
                        <td>{verified}</td>
                        <td>{i18n.text(&ReevaluationState::of(&p.reevaluation).label())}</td>
                        <td>{p.talent.as_ref().map(|t| t.rule.number.to_string()).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <JpmBasis/>
            <p class="muted">{i18n.t("* JPM dari tingkat yang belum diverifikasi atasan.", "* JPM from levels not yet verified by a supervisor.")}</p>
            <table class="table print-table" data-testid="print-cohort">
                <thead><tr>
                    <th scope="col" class="nowrap">"No."</th>
                    <th scope="col">{i18n.t("Nama", "Name")}</th>
                    <th scope="col">"NIP"</th>
                    <th scope="col">{i18n.t("Unit kerja", "Work unit")}</th>
                    <th scope="col">{i18n.t("Jabatan", "Position")}</th>
                    <th scope="col" class="nowrap">{i18n.t("Gol.", "Grade")}</th>
                    <th scope="col">"JPM"</th>
                    <th scope="col">{format!("JP {}", year.map(|y| y.to_string()).unwrap_or_default())}</th>
                    <th scope="col">{i18n.t("Penilaian terakhir", "Last assessment")}</th>
                    <th scope="col">{i18n.t("Diverifikasi atasan", "Verified by supervisor")}</th>
                    <th scope="col">{i18n.t("Evaluasi ulang", "Re-evaluation")}</th>
                    <th scope="col">{i18n.t("Kotak talenta", "Talent box")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}

/// One person's development plan: what they lack against the standard, what they will do, and
/// lines for the employee and the supervisor to sign.
#[component]
fn PlanSheet(cohort: Cohort, employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let lang = i18n.lang();
        let Some(p) = cohort.profiles.with(|ps| ps.iter().find(|p| p.id == employee).cloned()) else {
            return view! { <p>{i18n.t("Pegawai ini tidak ada di kohort.", "This person is not in the cohort.")}</p> }
                .into_any();
        };
        let cat = store.catalog.get();
        let year = p.jp.year;
        let Some(detail) = cohort
            .snapshot
            .with(|s| s.as_ref().map(|s| person_detail(s, &employee, &cat.rules, year)))
        else {
            return ().into_any();
        };
        let supervisor = supervisor_name(cohort, &p);
        let items = detail
            .plan
            .iter()
            .map(|item| {
                let name = cat.competencies.get(&item.competency).map(|c| i18n.text(&c.name)).unwrap_or_default();
                let held = p.standings.iter().find(|s| s.competency == item.competency).map(|s| s.level());
                view! {
                    <tr>
                        <th scope="row">{format!("{} {name}", item.competency)}</th>
                        <td>{held.map(|l| l.to_string()).unwrap_or_else(|| "—".into())}</td>
                        <td>{item.target_level}</td>
                        <td>{action_text(&item.action, &cat, i18n)}</td>
                        <td>{if item.status == PlanStatus::Done { i18n.t("Selesai", "Done") } else { i18n.t("Direncanakan", "Planned") }}</td>
                    </tr>
                }
            })
            .collect_view();
        let empty = detail.plan.is_empty();
        view! {
            <dl class="facts">
                <dt>{i18n.t("Nama", "Name")}</dt><dd>{p.name.clone()}</dd>
                <dt>"NIP"</dt><dd>{p.nip.clone()}</dd>
                <dt>{i18n.t("Jabatan", "Position")}</dt><dd>{format!("{} ({})", p.position.title, i18n.text(&p.position.kind.label()))}</dd>
                <dt>{i18n.t("Golongan", "Grade")}</dt><dd>{p.grade.clone()}</dd>
                <dt>{i18n.t("Unit kerja", "Work unit")}</dt><dd>{p.unit.clone()}</dd>
                <dt>"JPM"</dt><dd>{p.jpm.as_ref().map(|j| jpm_line(i18n, j)).unwrap_or_else(|| i18n.t("belum dinilai", "not assessed").to_string())}</dd>
                <dt>{format!("JP {year}")}</dt><dd>{format!("{} / {}", format::number(lang, p.jp.earned), format::number(lang, p.jp.target))}</dd>
            </dl>
            {if empty {
                view! { <p>{i18n.t("Belum ada rencana pengembangan.", "No development plan yet.")}</p> }.into_any()
            } else {
                view! {
                    <table class="table print-table" data-testid="print-plan">
                        <thead><tr>
                            <th scope="col">{i18n.t("Kompetensi", "Competency")}</th>
                            <th scope="col">{i18n.t("Tingkat saat ini", "Level now")}</th>
                            <th scope="col">{i18n.t("Target", "Target")}</th>
                            <th scope="col">{i18n.t("Kegiatan pengembangan", "Development activity")}</th>
                            <th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>{items}</tbody>
                    </table>
                }.into_any()
            }}
            <div class="signatures" data-testid="signatures">
                {signature(i18n, i18n.t("Pegawai", "Employee"), Some((p.name.clone(), p.nip.clone())))}
                {signature(i18n, i18n.t("Atasan langsung", "Direct supervisor"), supervisor)}
            </div>
        }
        .into_any()
    }
}

/// The supervisor to sign: the one the roster names, else the one the profile names (when
/// they are in the cohort); `None` leaves the name to be written by hand.
fn supervisor_name(cohort: Cohort, p: &EmployeeProfile) -> Option<(String, String)> {
    if let Some(c) = cohort.roster.with(|r| r.as_ref().and_then(|r| supervisor_check(r, p))) {
        return Some((c.supervisor_name.unwrap_or_default(), c.supervisor.as_str().to_string()));
    }
    cohort.snapshot.with(|s| {
        let s = s.as_ref()?;
        let boss = s.employees.get(&p.id)?.data().supervisor.clone()?;
        let b = s.employees.get(&boss).filter(|r| !r.is_deleted())?.data();
        Some((b.name.clone(), b.nip.as_str().to_string()))
    })
}

/// A signature block: the role, room to sign, the date line, the name and NIP (or lines for them).
fn signature(i18n: I18n, role: &'static str, who: Option<(String, String)>) -> impl IntoView {
    let (name, nip) = who.unwrap_or_default();
    view! {
        <div class="signature">
            <p>{role}</p>
            <p class="signature-space" aria-hidden="true"></p>
            <p class="signature-line">{if name.is_empty() { "\u{a0}".to_string() } else { name }}</p>
            <p>{format!("NIP {}", if nip.is_empty() { "____________________".to_string() } else { nip })}</p>
            <p>{format!("{} ____________________", i18n.t("Tanggal", "Date"))}</p>
        </div>
    }
}
