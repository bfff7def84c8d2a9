//! Moving data: export a record or all profiles to a JSON file, import a file with a preview
//! before anything changes, resolve conflicts, and see how much storage is used.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Lang;
use crate::domain::record::{Id, Record, RecordData, Table};
use crate::domain::snapshot::export::{export, file_name};
use crate::domain::snapshot::format::PackRef;
use crate::domain::snapshot::import::{import, Problem};
use crate::domain::snapshot::merge::{merge, MergeReport};
use crate::domain::snapshot::{ExportInfo, Snapshot};
use crate::storage;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_store, Store};

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Profiles the person at the tablet may export: their own (unlocked) and those without a PIN.
fn accessible(store: &Store) -> Vec<Id> {
    let session = store.session.get_untracked();
    store.snapshot.with_untracked(|s| {
        s.employees
            .records()
            .filter(|r| r.data().pin.is_none() || session.as_ref() == Some(&r.id))
            .map(|r| r.id.clone())
            .collect()
    })
}

fn table_label(i18n: crate::ui::i18n::I18n, key: &str) -> &'static str {
    match key {
        "employees" => i18n.t("Profil pegawai", "Employee profiles"),
        "assessments" => i18n.t("Penilaian", "Assessments"),
        "progress" => i18n.t("Kemajuan belajar", "Learning progress"),
        "activities" => i18n.t("Kegiatan", "Activities"),
        "ratings" => i18n.t("Penilaian kinerja", "Performance ratings"),
        "feedback" => i18n.t("Umpan balik publik", "Public feedback"),
        _ => i18n.t("Rencana", "Plan items"),
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let preview = RwSignal::new(None::<(Snapshot, MergeReport, String)>);
    let done = RwSignal::new(None::<String>);

    let do_export = move |only_me: bool| {
        let session = store.session.get_untracked();
        let mut employees = accessible(&store);
        let label = match (&session, only_me) {
            (Some(me), true) => {
                employees = vec![me.clone()];
                store
                    .snapshot
                    .with_untracked(|s| s.employees.get(me).map(|r| r.data().name.clone()))
                    .unwrap_or_default()
            }
            _ => i18n.t("semua-profil", "all-profiles").to_string(),
        };
        let info = ExportInfo {
            app_version: env!("CARGO_PKG_VERSION").into(),
            device: store.device(),
            exported_at: browser::now(),
            employees,
            packs: store.catalog.with_untracked(|c| {
                c.packs
                    .iter()
                    .map(|(id, version)| PackRef {
                        id: id.clone(),
                        version: *version,
                    })
                    .collect()
            }),
        };
        let file = store.snapshot.with_untracked(|s| export(s, info));
        download(
            &file_name(&label, browser::today()),
            &file.to_json(),
            "application/json",
        );
    };

    let on_file = move |ev: leptos::ev::Event| {
        problems.set(vec![]);
        preview.set(None);
        done.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                problems.set(vec![Problem {
                    path: String::new(),
                    text: crate::domain::lang::Text::new("Berkas tidak dapat dibaca.", "The file could not be read."),
                }]);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            match import(&bytes) {
                Err(p) => problems.set(p),
                Ok(incoming) => {
                    let (merged, report) = store.snapshot.with_untracked(|s| merge(s, &incoming));
                    preview.set(Some((merged, report, name)));
                }
            }
        });
    };
    let confirm = move |_| {
        if let Some((merged, _, name)) = preview.get_untracked() {
            if store.replace(merged) {
                preview.set(None);
                done.set(Some(name));
            }
        }
    };

    let report_view = move || {
        preview.get().map(|(_, report, name)| {
            let rows = report.tables().into_iter().filter(|(_, t)| t.touched() || t.unchanged > 0).map(|(key, t)| view! {
                <tr><th scope="row">{table_label(i18n, key)}</th><td>{t.added}</td><td>{t.updated}</td><td>{t.unchanged}</td><td>{t.conflicts.len()}</td></tr>
            }).collect_view();
            let nothing = !report.changes_anything();
            view! {
                <div class="preview" data-testid="import-preview">
                    <h3>{format!("{} {name}", i18n.t("Pratinjau impor:", "Import preview:"))}</h3>
                    <table class="table">
                        <thead><tr><th scope="col">{i18n.t("Jenis data", "Kind of data")}</th><th scope="col">{i18n.t("Baru", "Added")}</th><th scope="col">{i18n.t("Diperbarui", "Updated")}</th><th scope="col">{i18n.t("Sama", "Unchanged")}</th><th scope="col">{i18n.t("Konflik", "Conflicts")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(report.total_conflicts() > 0).then(|| view! { <p class="notice notice-warn">{i18n.t("Ada perubahan yang dibuat bersamaan di dua perangkat. Keduanya disimpan; pilih versi yang benar di bagian Konflik setelah impor.", "Some records were changed on two devices at once. Both versions are kept; choose the right one under Conflicts after importing.")}</p> })}
                    {nothing.then(|| view! { <p>{i18n.t("Berkas ini tidak membawa perubahan baru.", "This file brings no new changes.")}</p> })}
                    <p class="actions">
                        <button type="button" class="button" on:click=confirm>{i18n.t("Gabungkan ke perangkat ini", "Merge into this device")}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| preview.set(None)>{i18n.t("Batal", "Cancel")}</button>
                    </p>
                </div>
            }
        })
    };
    let problem_view = move || {
        let ps = problems.get();
        (!ps.is_empty()).then(|| {
            let lang = i18n.lang();
            view! {
                <div class="notice notice-error" role="alert" data-testid="import-errors">
                    <p><strong>{i18n.t("Berkas tidak diimpor; tidak ada data yang berubah.", "The file was not imported; nothing was changed.")}</strong></p>
                    <ul>{ps.into_iter().map(|p| view! { <li>{p.message(lang)}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };

    let usage = move || {
        let _ = store.snapshot.track();
        let used = storage::bytes_used();
        let lang = i18n.lang();
        let free = storage::LOCAL_STORAGE_BYTES.saturating_sub(used);
        view! {
            <p data-testid="storage-use">{format!("{} {} · {} {} ({} {})", i18n.t("Terpakai", "Used"), format::bytes(lang, used), i18n.t("sisa sekitar", "about"), format::bytes(lang, free), i18n.t("dari", "left of"), format::bytes(lang, storage::LOCAL_STORAGE_BYTES))}</p>
            <meter min="0" max=storage::LOCAL_STORAGE_BYTES as f64 value=used as f64 aria-label=i18n.t("Penyimpanan terpakai", "Storage used")></meter>
        }
    };
    let has_session = move || store.session.get().is_some();
    let pinned_others = move || {
        let session = store.session.get();
        store.snapshot.with(|s| {
            s.employees
                .live()
                .filter(|r| r.data().pin.is_some() && session.as_ref() != Some(&r.id))
                .count()
        })
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Data: ekspor dan impor", "Data: export and import")}</h1>
            <h2>{i18n.tr("Ekspor", "Export")}</h2>
            <p>{i18n.tr("Berkas ekspor (JSON) memindahkan data ke perangkat lain atau menyerahkannya kepada pengelola kepegawaian.", "An export file (JSON) moves data to another device or hands it to your HR officer.")}</p>
            <p class="actions">
                <Show when=has_session>
                    <button type="button" class="button" on:click=move |_| do_export(true)>{i18n.tr("Ekspor data saya", "Export my record")}</button>
                </Show>
                <button type="button" class="button button-secondary" on:click=move |_| do_export(false)>{i18n.tr("Ekspor semua profil di perangkat ini", "Export all profiles on this device")}</button>
            </p>
            <Show when=move || { pinned_others() > 0 }>
                <p class="field-hint">{move || format!("{} {}", pinned_others(), i18n.t("profil ber-PIN milik orang lain tidak ikut diekspor; pemiliknya dapat mengekspor sendiri.", "PIN-protected profiles of others are not included; their owners can export them."))}</p>
            </Show>
            <h2>{i18n.tr("Impor", "Import")}</h2>
            <div class="field">
                <label for="f-import">{i18n.tr("Pilih berkas ekspor Lentera (.json)", "Choose a Lentera export file (.json)")}</label>
                <input id="f-import" type="file" accept=".json,application/json" on:change=on_file/>
            </div>
            {problem_view}
            {report_view}
            {move || done.get().map(|n| view! { <p class="notice notice-ok" role="status" data-testid="import-done">{format!("{} {n}", i18n.t("Berhasil digabungkan:", "Merged:"))}</p> })}
            <h2>{i18n.tr("Konflik", "Conflicts")}</h2>
            <Conflicts/>
            <h2>{i18n.tr("Penyimpanan perangkat", "Device storage")}</h2>
            {usage}
            <p data-testid="persistence">{move || match store.persistent.get() {
                Some(true) => i18n.t("Penyimpanan persisten: diizinkan — peramban tidak akan menghapus data ini saat ruang menipis.", "Persistent storage: granted — the browser will not clear this data when space runs low."),
                Some(false) => i18n.t("Penyimpanan persisten: tidak diizinkan — peramban dapat menghapus data saat ruang menipis. Ekspor data secara berkala.", "Persistent storage: not granted — the browser may clear data when space runs low. Export regularly."),
                None => i18n.t("Penyimpanan persisten: tidak diketahui di peramban ini.", "Persistent storage: unknown in this browser."),
            }}</p>
            <p data-testid="offline-copy">{move || if crate::ui::components::offline_status::offline_copy_active() {
                i18n.t("Salinan offline: terpasang — aplikasi dapat dibuka tanpa jaringan.", "Offline copy: installed — the app opens without a network.")
            } else if window().is_secure_context() {
                i18n.t("Salinan offline: sedang dipasang atau belum tersedia; buka ulang halaman sekali saat tersambung.", "Offline copy: being installed or not yet available; reopen the page once while connected.")
            } else {
                i18n.t("Salinan offline: tidak tersedia (alamat http biasa).", "Offline copy: unavailable (plain http address).")
            }}</p>
        </section>
    }
}

/// Records changed on two devices at once, with every version side by side.
#[component]
fn Conflicts() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let list = move || {
        let visible = accessible(&store);
        let lang = i18n.lang();
        let s = store.snapshot.get();
        let mut out: Vec<AnyView> = Vec::new();
        let summary_employee = |e: &crate::domain::model::employee::Employee| {
            format!("{} · {} · {} · {}", e.name, e.position.title, e.unit, e.grade)
        };
        collect(
            &s.employees,
            &visible,
            |r| Some(r.id.clone()),
            summary_employee,
            "employees",
            &mut out,
            i18n,
            lang,
        );
        collect(
            &s.activities,
            &visible,
            |r| Some(r.data().employee.clone()),
            |a| format!("{} · {} {}", a.title, a.hours, i18n.t("jam", "hours")),
            "activities",
            &mut out,
            i18n,
            lang,
        );
        collect(
            &s.assessments,
            &visible,
            |r| Some(r.data().employee.clone()),
            |a| {
                format!(
                    "{} · {:?}",
                    a.date,
                    a.entries
                        .iter()
                        .map(|e| (e.competency.clone(), e.level))
                        .collect::<Vec<_>>()
                )
            },
            "assessments",
            &mut out,
            i18n,
            lang,
        );
        collect(
            &s.plan,
            &visible,
            |r| Some(r.data().employee.clone()),
            |p| format!("{} · {:?}", p.competency, p.status),
            "plan",
            &mut out,
            i18n,
            lang,
        );
        collect(
            &s.ratings,
            &visible,
            |r| Some(r.data().employee.clone()),
            |r| format!("{}/{} · {:?}", r.half, r.year, r.performance),
            "ratings",
            &mut out,
            i18n,
            lang,
        );
        if out.is_empty() {
            view! { <p data-testid="no-conflicts">{i18n.t("Tidak ada konflik.", "No conflicts.")}</p> }.into_any()
        } else {
            view! { <ul class="conflicts" data-testid="conflicts">{out}</ul> }.into_any()
        }
    };
    list
}

#[allow(clippy::too_many_arguments)]
fn collect<T: RecordData + 'static>(
    table: &Table<T>,
    visible: &[Id],
    owner: impl Fn(&Record<T>) -> Option<Id>,
    summary: impl Fn(&T) -> String,
    key: &'static str,
    out: &mut Vec<AnyView>,
    i18n: crate::ui::i18n::I18n,
    lang: Lang,
) {
    let store = use_store();
    for r in table.records().filter(|r| !r.conflicts().is_empty()) {
        if !owner(r).is_some_and(|o| visible.contains(&o)) {
            continue;
        }
        let versions = r.versions().iter().enumerate().map(|(k, v)| {
            let id = r.id.clone();
            let label = format!("{}{} — {} ({})", if v.deleted { i18n.t("[dihapus] ", "[deleted] ") } else { "" }, summary(&v.data), format::date(lang, v.updated_at.date_naive()), v.device);
            let choose = move |_| {
                let id = id.clone();
                store.change(move |s, dev, now| resolve_in(s, key, &id, k, dev, now));
            };
            view! { <li>{label}" "<button type="button" class="button-quiet" on:click=choose>{i18n.t("Pakai versi ini", "Keep this version")}</button></li> }
        }).collect_view();
        out.push(view! { <li><strong>{table_label(i18n, key)}</strong><ul>{versions}</ul></li> }.into_any());
    }
}

fn resolve_in(s: &mut Snapshot, key: &str, id: &Id, index: usize, dev: &Id, now: chrono::DateTime<chrono::Utc>) {
    let _ = match key {
        "employees" => s.employees.get_mut(id).map(|r| r.resolve(dev, now, index)),
        "activities" => s.activities.get_mut(id).map(|r| r.resolve(dev, now, index)),
        "assessments" => s.assessments.get_mut(id).map(|r| r.resolve(dev, now, index)),
        "plan" => s.plan.get_mut(id).map(|r| r.resolve(dev, now, index)),
        "ratings" => s.ratings.get_mut(id).map(|r| r.resolve(dev, now, index)),
        _ => None,
    };
}
