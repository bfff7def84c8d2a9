//! The roster tab: the list of people a class or a work unit expects, loaded from a CSV file
//! (`docs/roster.md`) and compared with the cohort (`rules::roster`): who has not handed in
//! data since a chosen day, who is in the cohort without being on the list, and NIPs that two
//! profiles claim — shown for the trainer to decide, never merged or dropped by the app.

use chrono::Duration;
use leptos::prelude::*;

use super::app::use_session;
use super::Cohort;
use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::roster;
use crate::domain::rules::roster::{compare, Person};
use crate::route::TrainerTab;
use crate::ui::files::read_files;
use crate::ui::i18n::use_i18n;

/// How far back the "handed in since" day starts: a month, about one round of collecting.
const DEFAULT_SINCE_DAYS: i64 = 30;

#[component]
pub fn RosterView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let since = RwSignal::new(browser::today() - Duration::days(DEFAULT_SINCE_DAYS));
    let problems = RwSignal::new(Vec::<Text>::new());
    let loaded = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        problems.set(vec![]);
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_files(&ev).await.into_iter().next() else {
                return;
            };
            match roster::parse(&bytes, &name) {
                Ok(r) => {
                    if cohort.save_roster(Some(r)).await {
                        loaded.set(Some(name));
                    }
                }
                Err(p) => problems.set(p),
            }
        });
    };
    let remove = move |_| {
        leptos::task::spawn_local(async move {
            if cohort.save_roster(None).await {
                loaded.set(None);
            }
        });
    };
    let report = Memo::new(move |_| {
        let day = since.get();
        cohort.roster.with(|r| {
            let r = r.as_ref()?;
            cohort.snapshot.with(|s| s.as_ref().map(|s| compare(r, s, day)))
        })
    });
    let person_link = |p: &Person| {
        view! { <a href=TrainerTab::Person(p.id.clone()).href()>{p.name.clone()}</a> }
    };

    let summary = move || {
        let lang = i18n.lang();
        let (r, source) = (
            report.get()?,
            cohort.roster.with(|r| r.as_ref().map(|r| r.source.clone()))?,
        );
        let day = format::date(lang, since.get());
        let missing_rows = r
            .missing
            .iter()
            .map(|m| {
                let last = match m.last {
                    Some(t) => format::date(lang, t.date_naive()),
                    None => i18n.t("belum pernah", "never").to_string(),
                };
                view! {
                    <tr><th scope="row">{m.entry.name.clone()}</th><td>{m.entry.nip.as_str().to_string()}</td><td>{m.entry.unit.clone()}</td><td>{last}</td></tr>
                }
            })
            .collect_view();
        let new_items = r
            .new
            .iter()
            .map(|p| view! { <li>{person_link(p)}{format!(" — NIP {} · {}", p.nip, p.unit)}</li> })
            .collect_view();
        let duplicate_items = r
            .duplicates
            .iter()
            .map(|d| {
                let listed = match &d.listed_as {
                    Some(name) => format!("{} {name}", i18n.t("di daftar:", "on the roster:")),
                    None => i18n.t("tidak ada di daftar", "not on the roster").to_string(),
                };
                let people = d
                    .people
                    .iter()
                    .map(|p| view! { <li>{person_link(p)}{format!(" · {}", p.unit)}</li> })
                    .collect_view();
                view! { <li><strong>{format!("NIP {}", d.nip)}</strong>{format!(" ({listed})")}<ul>{people}</ul></li> }
            })
            .collect_view();
        Some(view! {
            <p class="muted" data-testid="roster-source">{format!(
                "{} {source}: {} {}",
                i18n.t("Daftar dari", "Roster from"),
                format::number(lang, r.expected as f64),
                i18n.t("orang", "people")
            )}</p>
            <p class="lead" data-testid="roster-summary">{format!(
                "{} {} {} {} {day}.",
                format::number(lang, r.handed_in as f64),
                i18n.t("dari", "of"),
                format::number(lang, r.expected as f64),
                i18n.t("orang sudah menyerahkan data sejak", "people have handed in data since"),
            )}</p>
            <h2>{i18n.t("Belum menyerahkan data", "Not handed in")}</h2>
            {if r.missing.is_empty() {
                view! { <p data-testid="roster-missing-none">{i18n.t("Semua orang di daftar sudah menyerahkan data.", "Everyone on the roster has handed in data.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=i18n.t("Belum menyerahkan data", "Not handed in")>
                        <table class="table" data-testid="roster-missing">
                            <thead><tr>
                                <th scope="col">{i18n.t("Nama", "Name")}</th><th scope="col">"NIP"</th>
                                <th scope="col">{i18n.t("Unit kerja", "Work unit")}</th><th scope="col">{i18n.t("Data terakhir", "Last data")}</th>
                            </tr></thead>
                            <tbody>{missing_rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h2>{i18n.t("Baru: di kohort, tidak ada di daftar", "New: in the cohort, not on the roster")}</h2>
            {if r.new.is_empty() {
                view! { <p data-testid="roster-new-none">{i18n.t("Tidak ada.", "None.")}</p> }.into_any()
            } else {
                view! { <ul class="plain-list" data-testid="roster-new">{new_items}</ul> }.into_any()
            }}
            <h2>{i18n.t("NIP ganda", "Duplicate NIPs")}</h2>
            {if r.duplicates.is_empty() {
                view! { <p data-testid="roster-duplicates-none">{i18n.t("Tidak ada NIP yang diklaim dua profil.", "No NIP is claimed by two profiles.")}</p> }.into_any()
            } else {
                view! {
                    <div class="notice notice-warn" role="status">
                        <p>{i18n.t(
                            "Profil-profil ini memakai NIP yang sama. Aplikasi tidak menggabungkan atau membuang salah satunya: periksa dengan pegawai yang bersangkutan, perbaiki NIP di profilnya dan minta ekspor baru.",
                            "These profiles use the same NIP. The app neither merges them nor drops one: check with the employees concerned, correct the NIP in their profile and ask for a new export.",
                        )}</p>
                        <ul data-testid="roster-duplicates">{duplicate_items}</ul>
                    </div>
                }.into_any()
            }}
        })
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Daftar peserta", "Roster")}</h1>
            <p>{i18n.tr(
                "Muat daftar orang yang diharapkan dari satu kelas atau unit kerja (berkas CSV atau XLSX dengan kolom nip, nama, unit_kerja, dan bila ada jabatan dan nip_atasan). Daftar dibandingkan dengan kohort: siapa yang belum menyerahkan data, siapa yang baru, dan NIP ganda. Daftar disimpan terenkripsi bersama kohort.",
                "Load the list of people a class or a work unit expects (a CSV or XLSX file with the columns nip, nama, unit_kerja and, where known, jabatan and nip_atasan). It is compared with the cohort: who has not handed in data, who is new, and duplicate NIPs. The roster is stored encrypted with the cohort.",
            )}</p>
            <Show when=move || session.roster_unreadable.get()>
                <p class="notice notice-warn" role="status">{i18n.tr(
                    "Daftar peserta yang tersimpan tidak dapat dibaca. Daftar itu tidak ditimpa: bila Anda memuat daftar baru, yang lama disimpan terpisah.",
                    "The stored roster cannot be read. It is not overwritten: if you load a new roster, the old one is kept apart.",
                )}</p>
            </Show>
            <div class="field">
                <label for="r-file">{move || if cohort.roster.with(|r| r.is_some()) { i18n.t("Ganti daftar (.csv, .xlsx)", "Replace the roster (.csv, .xlsx)") } else { i18n.t("Muat daftar (.csv, .xlsx)", "Load a roster (.csv, .xlsx)") }}</label>
                <input id="r-file" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" on:change=on_file aria-describedby="r-problems"/>
            </div>
            <div id="r-problems" role="alert" data-testid="roster-problems">
                {move || {
                    let list = problems.get();
                    (!list.is_empty()).then(|| view! {
                        <div class="notice notice-error">
                            <p>{i18n.t("Daftar tidak dimuat; tidak ada yang berubah:", "The roster was not loaded; nothing changed:")}</p>
                            <ul>{list.iter().map(|p| view! { <li>{i18n.text(p)}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            </div>
            <p role="status">{move || loaded.get().map(|n| format!("{} {n}", i18n.t("Daftar dimuat:", "Roster loaded:")))}</p>
            <Show when=move || cohort.roster.with(|r| r.is_some())>
                <div class="field">
                    <label for="r-since">{i18n.tr("Sudah menyerahkan data sejak", "Handed in data since")}</label>
                    <input id="r-since" type="date" prop:value=move || since.get().to_string()
                        on:change=move |e| if let Some(d) = format::parse_date(&event_target_value(&e)) { since.set(d) }/>
                </div>
            </Show>
            {summary}
            <Show when=move || cohort.roster.with(|r| r.is_some())>
                <p class="actions"><button type="button" class="button button-secondary" on:click=remove>{i18n.tr("Hapus daftar", "Remove the roster")}</button></p>
            </Show>
        </section>
    }
}
