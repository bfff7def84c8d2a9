//! Bringing data into trainer mode: many employee exports at once (one merge report for all),
//! content packs, and competency frameworks from Moodle.

use leptos::prelude::*;

use super::Cohort;
use crate::domain::catalog::not_loaded;
use crate::domain::envelope;
use crate::domain::lang::Text;
use crate::domain::moodle::framework_pack;
use crate::domain::snapshot::authority::{apply_all, Skip};
use crate::domain::snapshot::import::Problem;
use crate::domain::snapshot::Snapshot;
use crate::ui::components::pack_files::PackFiles;
use crate::ui::files::{read_export, read_files};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;
use std::collections::BTreeSet;

#[component]
pub fn ImportView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Exports: per-file problems, and the files read, waiting for confirmation. The preview and
    // the merge are both decided against the cohort as it is at that moment.
    // Kept as bilingual problems and shown in the language of the moment.
    let file_problems = RwSignal::new(Vec::<(String, Vec<Problem>)>::new());
    let class_pass = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Vec<(String, Snapshot)>>);
    let merged_msg = RwSignal::new(None::<String>);
    let preview = Memo::new(move |_| {
        let files = pending.get()?;
        let base = cohort.snapshot.get()?;
        let (_, report, skipped) = apply_all(&base, files.iter().map(|(_, s)| s), &BTreeSet::new());
        let skipped: Vec<(String, String, Skip)> = skipped
            .into_iter()
            .filter_map(|(i, p)| Some((files[i].0.clone(), p.name, p.skip?)))
            .collect();
        Some((report, files.len(), skipped))
    });
    let on_exports = move |ev: leptos::ev::Event| {
        file_problems.set(vec![]);
        pending.set(None);
        merged_msg.set(None);
        leptos::task::spawn_local(async move {
            let files = read_files(&ev).await;
            let mut ok = Vec::new();
            let mut bad = Vec::new();
            let class_pass = class_pass.get_untracked();
            for (name, bytes) in files {
                // Protected files open with the class passphrase (one for the whole class).
                let bytes = if envelope::is_envelope(&bytes) {
                    match envelope::open(&bytes, &class_pass) {
                        Ok(plain) => plain,
                        Err(e) => {
                            bad.push((
                                name,
                                vec![Problem {
                                    path: String::new(),
                                    text: e.text(),
                                }],
                            ));
                            continue;
                        }
                    }
                } else {
                    bytes
                };
                match read_export(store, &bytes) {
                    Ok(s) => ok.push((name, s)),
                    Err(ps) => bad.push((name, ps)),
                }
            }
            file_problems.set(bad);
            if !ok.is_empty() {
                pending.set(Some(ok));
            }
        });
    };
    let confirm = move |_| {
        let (Some(files), Some(base)) = (pending.get_untracked(), cohort.snapshot.get_untracked()) else {
            return;
        };
        // The cohort holds no PINs, so nobody is locked there; the domain still skips a deleted
        // person's data and ids of someone else. A deletion erases the rest of that person.
        let (mut next, _, _) = apply_all(&base, files.iter().map(|(_, s)| s), &BTreeSet::new());
        next.erase_deleted_people(&store.device(), crate::browser::now());
        let n = files.len();
        leptos::task::spawn_local(async move {
            if cohort.save(next).await {
                pending.set(None);
                merged_msg.set(Some(format!(
                    "{n} {}",
                    i18n.t("berkas digabungkan ke kohort.", "files merged into the cohort.")
                )));
            }
        });
    };
    let report_view = move || {
        preview.get().map(|(r, n, skipped)| {
            let rows = r.tables().into_iter().filter(|(_, t)| t.added + t.updated + t.unchanged > 0 || !t.conflicts.is_empty()).map(|(k, t)| view! {
                <tr><th scope="row">{i18n.text(&k.label())}</th><td>{t.added}</td><td>{t.updated}</td><td>{t.unchanged}</td><td>{t.conflicts.len()}</td></tr>
            }).collect_view();
            view! {
                <div class="preview" data-testid="cohort-preview">
                    <h3>{format!("{n} {}", i18n.t("berkas siap digabungkan", "files ready to merge"))}</h3>
                    <table class="table">
                        <thead><tr><th scope="col">{i18n.t("Data", "Data")}</th><th scope="col">{i18n.t("Baru", "Added")}</th><th scope="col">{i18n.t("Diperbarui", "Updated")}</th><th scope="col">{i18n.t("Sama", "Unchanged")}</th><th scope="col">{i18n.t("Konflik", "Conflicts")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(!skipped.is_empty()).then(|| view! {
                        <div class="notice notice-warn" data-testid="cohort-skipped">
                            <p>{i18n.t("Dilewati:", "Skipped:")}</p>
                            <ul>{skipped.into_iter().map(|(file, who, why)| view! { <li>{format!("{file}: {who} — {}", i18n.text(&why.text()))}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    <p class="actions"><button type="button" class="button" on:click=confirm>{i18n.t("Gabungkan ke kohort", "Merge into the cohort")}</button></p>
                </div>
            }
        })
    };

    // Competency frameworks from Moodle (pack files: `PackFiles`).
    let pack_msg = RwSignal::new(None::<(bool, Vec<Text>)>);
    let on_moodle = move |ev: leptos::ev::Event| {
        pack_msg.set(None);
        leptos::task::spawn_local(async move {
            let mut msgs = Vec::new();
            let mut all_ok = true;
            for (name, bytes) in read_files(&ev).await {
                let text = String::from_utf8_lossy(&bytes).to_string();
                let existing = |id: &str| store.packs.get_untracked().into_iter().find(|p| p.id == id);
                let result = framework_pack(&text, None)
                    .and_then(|p| framework_pack(&text, existing(&p.id).as_ref()))
                    .and_then(|p| {
                        let n = p.competencies.len();
                        store.add_pack(p).map(|_| n)
                    });
                msgs.push(match result {
                    Ok(n) => Text::new(
                        format!("{name}: {n} kompetensi teknis dimuat."),
                        format!("{name}: {n} technical competencies loaded."),
                    ),
                    Err(e) => {
                        all_ok = false;
                        not_loaded(&name, &e)
                    }
                });
            }
            pack_msg.set(Some((all_ok, msgs)));
        });
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Impor dan paket", "Import and packs")}</h1>
            <h2>{i18n.tr("Ekspor pegawai", "Employee exports")}</h2>
            <div class="field">
                <label for="t-class-pass">{i18n.tr("Kata sandi kelas (untuk berkas yang dikunci)", "Class passphrase (for protected files)")}</label>
                <input id="t-class-pass" type="password" autocomplete="off" prop:value=class_pass on:input=move |e| class_pass.set(event_target_value(&e))/>
            </div>
            <div class="field">
                <label for="t-exports">{i18n.tr("Pilih satu atau banyak berkas ekspor (.json)", "Choose one or many export files (.json)")}</label>
                <input id="t-exports" type="file" multiple accept=".json,application/json" on:change=on_exports
                    disabled=move || cohort.snapshot.get().is_none()/>
            </div>
            {move || {
                let bad = file_problems.get();
                (!bad.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert" data-testid="cohort-import-errors">
                        <p><strong>{i18n.t("Berkas berikut tidak diimpor (berkas lain tetap dapat digabungkan):", "These files were not imported (the others can still be merged):")}</strong></p>
                        <ul>{bad.into_iter().map(|(n, ps)| view! { <li>{n}<ul>{ps.into_iter().map(|p| view! { <li>{p.message(i18n.lang())}</li> }).collect_view()}</ul></li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {report_view}
            {move || merged_msg.get().map(|m| view! { <p class="notice notice-ok" role="status" data-testid="cohort-merged">{m}</p> })}

            <h2>{i18n.tr("Kohort yang disisihkan", "Cohorts set aside")}</h2>
            <crate::ui::components::set_aside::SetAside cohort=true/>
            <h2>{i18n.tr("Paket konten", "Content packs")}</h2>
            <PackFiles input_id="t-packs"/>
            <div class="field">
                <label for="t-moodle">{i18n.tr("Impor kerangka kompetensi Moodle (.csv)", "Import a Moodle competency framework (.csv)")}</label>
                <input id="t-moodle" type="file" accept=".csv,text/csv" on:change=on_moodle/>
            </div>
            {move || pack_msg.get().map(|(ok, msgs)| view! {
                <div class=if ok { "notice notice-ok" } else { "notice notice-error" } role="status" data-testid="moodle-result">
                    <ul>{msgs.into_iter().map(|m| view! { <li>{i18n.text(&m)}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}
