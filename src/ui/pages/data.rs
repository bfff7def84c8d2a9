//! Moving data on a shared tablet: export profiles, import a file with a preview that names
//! every person it would change (and what is skipped, and why) before anything changes,
//! settle conflicts, see how much storage is used and what was set aside.
//!
//! Nobody is unlocked on this page (leaving a profile locks it, `app.rs`). Who may be exported
//! or changed here: profiles without a PIN, and the PIN-protected ones whose owner enters their
//! PIN on this page (`authorised`). The decisions are the domain's
//! (`snapshot::authority`); this page only asks and shows.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::domain::envelope;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::record::Id;
use crate::domain::snapshot::authority::{apply, plan, ImportPlan, PersonChange, Skip};
use crate::domain::snapshot::bounds::fits_device;
use crate::domain::snapshot::conflicts::conflicts;
use crate::domain::snapshot::document::PackRef;
use crate::domain::snapshot::export::{export, exportable, file_name};
use crate::domain::snapshot::import::Problem;
use crate::domain::snapshot::merge::MergeReport;
use crate::domain::snapshot::{ExportInfo, Snapshot};
use crate::storage;
use crate::ui::components::pack_files::PackFiles;
use crate::ui::components::passphrase::{self, ExportPassphrase};
use crate::ui::components::set_aside::SetAside;
use crate::ui::files::{download, read_export};
use crate::ui::i18n::use_i18n;
use crate::ui::pages::unlock::try_unlock;
use crate::ui::state::{use_store, Store};

/// Downloads the records of exactly `employees` as an export file named after `label`,
/// protected with `passphrase` when one is given (`domain::envelope`). Returns the file's name,
/// for the confirmation the page shows.
pub fn download_export(store: Store, employees: Vec<Id>, label: &str, passphrase: Option<String>) -> String {
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
    let name = file_name(label, browser::today());
    match passphrase {
        None => {
            download(&name, &file.to_json(), "application/json");
            name
        }
        Some(p) => {
            let mut nonce = [0u8; 12];
            nonce.copy_from_slice(&browser::random_bytes()[..12]);
            let sealed = envelope::seal(file.to_json().as_bytes(), &p, browser::random_bytes(), nonce);
            let name = name.replace(".json", ".terkunci.json");
            download(&name, &sealed, "application/json");
            name
        }
    }
}

/// Says which file an export just downloaded, and what to do with it: the download itself is
/// easy to miss on a tablet.
#[component]
pub fn ExportDone(exported: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        exported.get().map(|name| {
            view! {
                <p class="notice notice-ok" role="status" data-testid="export-done">{format!(
                    "{} {name} {}",
                    i18n.t("Berkas", "The file"),
                    i18n.t(
                        "sudah diunduh ke folder unduhan perangkat ini. Simpan di tempat aman atau kirimkan kepada pelatih Anda.",
                        "was downloaded to this device's downloads folder. Keep it somewhere safe or send it to your trainer.",
                    )
                )}</p>
            }
        })
    }
}

/// The live profiles on this device: (id, name, has a PIN).
fn profiles(store: Store) -> Vec<(Id, String, bool)> {
    store.snapshot.with(|s| {
        let mut v: Vec<(Id, String, bool)> = s
            .employees
            .live()
            .map(|r| (r.id.clone(), r.data().name.clone(), s.is_locked(&r.id)))
            .collect();
        crate::domain::sort::sort_by(&mut v, |a, b| a.1.to_lowercase().cmp(&b.1.to_lowercase()));
        v
    })
}

/// A PIN field that adds `person` to `authorised` once their PIN is right (the profile's own
/// wrong-PIN waits apply).
#[component]
fn PinInclude(person: Id, name: String, authorised: RwSignal<BTreeSet<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let field = format!("pin-{person}");
    let err_id = format!("pin-err-{person}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match try_unlock(store, &person, &pin.get_untracked()) {
            Ok(()) => {
                error.set(None);
                authorised.update(|a| {
                    a.insert(person.clone());
                });
            }
            Err(t) => {
                pin.set(String::new());
                error.set(Some(t));
            }
        }
    };
    let label = format!("PIN {name}");
    view! {
        <form class="pin-include" on:submit=submit>
            <label for=field.clone()>{label}</label>
            <input id=field type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                prop:value=pin on:input=move |e| pin.set(event_target_value(&e)) aria-describedby=err_id.clone()/>
            <button type="submit" class="button button-secondary">{i18n.tr("Sertakan", "Include")}</button>
            <span class="field-error" id=err_id role="alert">{move || error.get().map(|e| i18n.text(&e))}</span>
        </form>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Everyone who entered their PIN on this page in this visit.
    let authorised = RwSignal::new(BTreeSet::<Id>::new());
    view! {
        <section class="page">
            <h1>{i18n.tr("Data: ekspor dan impor", "Data: export and import")}</h1>
            <h2>{i18n.tr("Ekspor", "Export")}</h2>
            <ExportChoice authorised=authorised/>
            <h2>{i18n.tr("Impor", "Import")}</h2>
            <ImportWithPreview authorised=authorised/>
            <h2>{i18n.tr("Dari server sinkronisasi", "From a sync server")}</h2>
            <crate::ui::pages::sync::FetchProfile/>
            <h2>{i18n.tr("Konflik", "Conflicts")}</h2>
            <p class="field-hint">{i18n.tr(
                "Konflik profil ber-PIN tampil setelah pemiliknya memasukkan PIN di halaman ini, atau di halaman Data saya miliknya.",
                "Conflicts of PIN-protected profiles show once their owner enters their PIN on this page, or on their own My data page.",
            )}</p>
            // Whose conflicts show here: the same people the page may export.
            <Conflicts visible=Signal::derive(move || {
                let a = authorised.get();
                store.snapshot.with(|s| exportable(s, &a))
            })/>
            <h2>{i18n.tr("Paket konten", "Content packs")}</h2>
            <PackFiles input_id="d-packs"/>
            <h2>{i18n.tr("Data yang disisihkan", "Data set aside")}</h2>
            <SetAside/>
            <h2>{i18n.tr("Penyimpanan perangkat", "Device storage")}</h2>
            <StorageUse/>
        </section>
    }
}

/// "All profiles" means the profiles without a PIN and those whose owner entered their PIN
/// here; every other PIN-protected profile is listed as not included, with its PIN field.
/// Deletions travel too (an erased profile keeps no data and no PIN).
#[component]
fn ExportChoice(authorised: RwSignal<BTreeSet<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Who "all profiles" is: the domain's rule (`export::exportable`).
    let chosen = move || {
        let a = authorised.get();
        store.snapshot.with(|s| exportable(s, &a))
    };
    // The live profiles, split by that same rule into included and not included.
    let split = move || {
        let ids: BTreeSet<Id> = chosen().into_iter().collect();
        profiles(store)
            .into_iter()
            .partition::<Vec<_>, _>(|(id, _, _)| ids.contains(id))
    };
    let included = move || {
        split()
            .0
            .into_iter()
            .map(|(_, name, _)| view! { <li>{name}</li> })
            .collect_view()
    };
    let excluded = move || {
        split()
            .1
            .into_iter()
            .map(|(id, name, _)| {
                view! {
                    <li data-testid="export-excluded">
                        <span>{name.clone()}</span>" — "{i18n.tr("tidak disertakan (ber-PIN)", "not included (PIN-protected)")}
                        <PinInclude person=id name=name authorised=authorised/>
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || split().0.len();
    let deletions = move || chosen().len() - count();
    let (pass, pass2) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let pass_error = RwSignal::new(None::<Text>);
    let exported = RwSignal::new(None::<String>);
    let do_export = move |_| {
        let ids = chosen();
        if ids.is_empty() {
            return;
        }
        match passphrase::chosen(pass, pass2) {
            Err(t) => pass_error.set(Some(t)),
            Ok(p) => {
                pass_error.set(None);
                exported.set(Some(download_export(
                    store,
                    ids,
                    i18n.t("semua-profil", "all-profiles"),
                    p,
                )));
                // A PIN entered to include someone counts for one export.
                authorised.set(BTreeSet::new());
            }
        }
    };
    view! {
        <p>{i18n.tr(
            "Berkas ekspor (JSON) memindahkan data ke perangkat lain atau menyerahkannya kepada pengelola kepegawaian. Untuk mengekspor data Anda sendiri, buka profil Anda lalu Data saya.",
            "An export file (JSON) moves data to another device or hands it to your HR officer. To export your own record, open your profile, then My data.",
        )}</p>
        <p>{i18n.tr("Disertakan:", "Included:")}</p>
        <ul data-testid="export-included">{included}</ul>
        <ul class="plain-list">{excluded}</ul>
        <ExportPassphrase id="all" value=pass repeat=pass2/>
        <p class="field-error" role="alert">{move || pass_error.get().map(|t| i18n.text(&t))}</p>
        <p class="actions">
            <button type="button" class="button" on:click=do_export disabled=move || chosen().is_empty()>
                {move || format!("{} ({})", i18n.t("Ekspor profil yang disertakan", "Export the included profiles"), count())}
            </button>
        </p>
        <ExportDone exported=exported/>
        <Show when=move || { deletions() > 0 }>
            <p class="field-hint" data-testid="export-deletions">{move || format!("{} {}", deletions(), i18n.t(
                "profil yang dihapus ikut sebagai catatan penghapusan (tanpa data pribadi), agar terhapus juga di perangkat lain.",
                "deleted profiles go along as deletion notes (no personal data), so they are erased on other devices too.",
            ))}</p>
        </Show>
    }
}

/// The file chosen, read and checked, waiting for the person at the tablet to confirm.
#[derive(Clone)]
struct Pending {
    name: String,
    incoming: Snapshot,
}

#[component]
fn ImportWithPreview(authorised: RwSignal<BTreeSet<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let pending = RwSignal::new(None::<Pending>);
    let done = RwSignal::new(None::<(String, usize, usize)>);
    // The preview follows the device's data and every PIN entered, so it is never stale.
    let preview = Memo::new(move |_| {
        let p = pending.get()?;
        let a = authorised.get();
        Some(store.snapshot.with(|s| plan(s, &p.incoming, &a)))
    });

    // A protected file waiting for its passphrase.
    let locked = RwSignal::new(None::<(String, Vec<u8>)>);
    let take = move |name: String, bytes: Vec<u8>| match read_export(store, &bytes) {
        Err(p) => problems.set(p),
        Ok(incoming) => pending.set(Some(Pending { name, incoming })),
    };
    let on_file = move |ev: leptos::ev::Event| {
        problems.set(vec![]);
        pending.set(None);
        locked.set(None);
        done.set(None);
        authorised.set(BTreeSet::new());
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        // Refused before reading: a file the device could not store anyway.
        if let Err(t) = fits_device(file.size() as u64, storage::bytes_used(), storage::LOCAL_STORAGE_BYTES) {
            problems.set(vec![Problem {
                path: String::new(),
                text: t,
            }]);
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                problems.set(vec![Problem {
                    path: String::new(),
                    text: Text::new("Berkas tidak dapat dibaca.", "The file could not be read."),
                }]);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            if envelope::is_envelope(&bytes) {
                // Protected: ask for its passphrase first (`unlock_file`).
                locked.set(Some((name, bytes)));
                return;
            }
            take(name, bytes);
        });
    };
    let file_pass = RwSignal::new(String::new());
    let file_error = RwSignal::new(None::<Text>);
    let unlock_file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, bytes)) = locked.get_untracked() else {
            return;
        };
        match envelope::open(&bytes, &file_pass.get_untracked()) {
            Err(e) => {
                file_pass.set(String::new());
                file_error.set(Some(e.text()));
            }
            Ok(plain) => {
                locked.set(None);
                file_pass.set(String::new());
                file_error.set(None);
                take(name, plain);
            }
        }
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let a = authorised.get_untracked();
        let outcome = RwSignal::new((0, 0, false));
        // Decided again inside the save, against the data as it is stored now (another tab
        // may have set a PIN or erased someone since the preview).
        let ok = store.change(move |s, dev, now| {
            let (merged, plan) = apply(s, &p.incoming, &a);
            *s = merged;
            // A profile this file deleted takes the rest of that person's data with it.
            let erased = s.erase_deleted_people(dev, now) > 0;
            let deleted = plan.merged.tables().iter().any(|(_, t)| t.deleted > 0);
            outcome.set((
                plan.people.iter().filter(|x| x.merged()).count(),
                plan.skipped().count(),
                erased || deleted,
            ));
        });
        if ok {
            let (people, skipped, deleted) = outcome.get_untracked();
            if deleted {
                // Deleted data does not linger in the previous copy either.
                store.change_deleting(|_, _, _| {});
            }
            pending.set(None);
            // PINs entered for this file count for this file only.
            authorised.set(BTreeSet::new());
            done.set(Some((p.name, people, skipped)));
        }
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
    let preview_view = move || {
        let plan = preview.get()?;
        let name = pending.with(|p| p.as_ref().map(|p| p.name.clone()))?;
        Some(
            view! { <PlanView plan=plan name=name authorised=authorised on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| pending.set(None))/> },
        )
    };
    view! {
        <div class="field">
            <label for="f-import">{i18n.tr("Pilih berkas ekspor Lentera (.json)", "Choose a Lentera export file (.json)")}</label>
            <input id="f-import" type="file" accept=".json,application/json" on:change=on_file/>
        </div>
        {problem_view}
        {move || locked.get().map(|(name, _)| view! {
            <form class="form preview" on:submit=unlock_file data-testid="import-locked">
                <p>{format!("{} {name}", i18n.t("Berkas ini dikunci dengan kata sandi:", "This file is protected with a passphrase:"))}</p>
                <div class="field">
                    <label for="f-file-pass">{i18n.t("Kata sandi berkas", "File passphrase")}</label>
                    <input id="f-file-pass" type="password" autocomplete="off" prop:value=file_pass on:input=move |e| file_pass.set(event_target_value(&e)) aria-describedby="e-file-pass"/>
                    <p class="field-error" id="e-file-pass" role="alert" data-testid="file-pass-error">{move || file_error.get().map(|t| i18n.text(&t))}</p>
                </div>
                <p class="actions"><button type="submit" class="button">{i18n.t("Buka berkas", "Open the file")}</button></p>
            </form>
        })}
        {preview_view}
        {move || done.get().map(|(n, people, skipped)| view! {
            <p class="notice notice-ok" role="status" data-testid="import-done">
                {format!("{} {n} — {} {people}, {} {skipped}.", i18n.t("Selesai:", "Done:"), i18n.t("orang digabungkan", "people merged"), i18n.t("dilewati", "skipped"))}
            </p>
        })}
    }
}

/// The preview: one entry per person the file would change.
#[component]
fn PlanView(
    plan: ImportPlan,
    name: String,
    authorised: RwSignal<BTreeSet<Id>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let merged_any = plan.people.iter().any(PersonChange::merged);
    let conflicts = plan.merged.total_conflicts();
    let people = plan
        .people
        .into_iter()
        .map(|p| view! { <PersonEntry person=p authorised=authorised/> })
        .collect_view();
    let unchanged = plan.unchanged;
    view! {
        <div class="preview" data-testid="import-preview">
            <h3>{format!("{} {name}", i18n.t("Pratinjau impor:", "Import preview:"))}</h3>
            <ul class="plain-list people-changes">{people}</ul>
            {(unchanged > 0).then(|| view! { <p data-testid="import-unchanged">{format!("{unchanged} {}", i18n.t("orang lain di berkas ini tidak membawa perubahan.", "other people in this file bring no changes."))}</p> })}
            {(conflicts > 0).then(|| view! { <p class="notice notice-warn">{i18n.t("Ada perubahan yang dibuat bersamaan di dua perangkat. Keduanya disimpan; pilih versi yang benar di bagian Konflik setelah impor.", "Some records were changed on two devices at once. Both versions are kept; choose the right one under Conflicts after importing.")}</p> })}
            {(!merged_any).then(|| view! { <p data-testid="import-nothing">{i18n.t("Tidak ada yang akan digabungkan dari berkas ini.", "Nothing from this file will be merged.")}</p> })}
            <p class="actions">
                <button type="button" class="button" on:click=move |_| on_confirm.run(()) disabled=!merged_any>{i18n.t("Gabungkan ke perangkat ini", "Merge into this device")}</button>
                <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>{i18n.t("Batal", "Cancel")}</button>
            </p>
        </div>
    }
}

#[component]
fn PersonEntry(person: PersonChange, authorised: RwSignal<BTreeSet<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let status = match (person.skip, person.new) {
        (Some(_), _) => i18n.t("dilewati", "skipped"),
        (None, true) => i18n.t("baru di perangkat ini", "new on this device"),
        (None, false) => i18n.t("akan diperbarui", "will be updated"),
    };
    let reason = person.skip.map(|s| i18n.text(&s.text()));
    let pin = (person.skip == Some(Skip::Locked))
        .then(|| view! { <PinInclude person=person.id.clone() name=person.name.clone() authorised=authorised/> });
    let testid = if person.skip.is_some() {
        "import-person-skipped"
    } else {
        "import-person"
    };
    view! {
        <li class="person-change" data-testid=testid data-person=person.id.to_string()>
            <p><strong>{person.name.clone()}</strong>" — "{status}</p>
            {reason.map(|r| view! { <p class="notice notice-warn" data-testid="skip-reason">{r}</p> })}
            <ReportTable report=person.report/>
            {pin}
        </li>
    }
}

/// Added / updated / deleted / conflicts per kind of record.
#[component]
fn ReportTable(report: MergeReport) -> impl IntoView {
    let i18n = use_i18n();
    let rows = report
        .tables()
        .into_iter()
        .filter(|(_, t)| t.touched())
        .map(|(k, t)| {
            view! {
                <tr><th scope="row">{i18n.text(&k.label())}</th><td>{t.added}</td><td>{t.updated}</td><td>{t.deleted}</td><td>{t.conflicts.len()}</td></tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <thead><tr><th scope="col">{i18n.t("Jenis data", "Kind of data")}</th><th scope="col">{i18n.t("Baru", "Added")}</th><th scope="col">{i18n.t("Diperbarui", "Updated")}</th><th scope="col">{i18n.t("Dihapus", "Deleted")}</th><th scope="col">{i18n.t("Konflik", "Conflicts")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Every conflict of the people in `visible`, every kind of record, each version with a
/// "keep this version" button.
#[component]
pub fn Conflicts(#[prop(into)] visible: Signal<Vec<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let lang = i18n.lang();
        let who = visible.get();
        let list = store.snapshot.with(|s| conflicts(s, &|o| who.contains(o), lang));
        if list.is_empty() {
            return view! { <p data-testid="no-conflicts">{i18n.t("Tidak ada konflik.", "No conflicts.")}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|c| {
                let versions = c
                    .versions
                    .into_iter()
                    .enumerate()
                    .map(|(k, v)| {
                        let label = format!(
                            "{} — {} ({})",
                            v.summary.unwrap_or_else(|| i18n.t("[dihapus]", "[deleted]").to_string()),
                            format::date(lang, v.updated_at.date_naive()),
                            v.device
                        );
                        let (kind, id, seen) = (c.kind, c.id.clone(), v.clock.clone());
                        let choose = move |_| {
                            let (id, seen) = (id.clone(), seen.clone());
                            // Keeping a deletion of a profile erases the rest of that person.
                            store.change_deleting(move |s, dev, now| {
                                s.resolve(kind, &id, k, &seen, dev, now);
                                s.erase_deleted_people(dev, now);
                            });
                        };
                        view! { <li>{label}" "<button type="button" class="button-quiet" on:click=choose>{i18n.t("Pakai versi ini", "Keep this version")}</button></li> }
                    })
                    .collect_view();
                view! { <li data-testid="conflict" data-kind=c.kind.key()><strong>{i18n.text(&c.kind.label())}</strong><ul>{versions}</ul></li> }
            })
            .collect_view();
        view! { <ul class="conflicts" data-testid="conflicts">{items}</ul> }.into_any()
    }
}

#[component]
fn StorageUse() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let usage = move || {
        store.snapshot.track();
        let used = storage::bytes_used();
        let lang = i18n.lang();
        let free = storage::LOCAL_STORAGE_BYTES.saturating_sub(used);
        view! {
            <p data-testid="storage-use">{format!("{} {} · {} {} ({} {})", i18n.t("Terpakai", "Used"), format::bytes(lang, used), i18n.t("sisa sekitar", "about"), format::bytes(lang, free), i18n.t("dari", "left of"), format::bytes(lang, storage::LOCAL_STORAGE_BYTES))}</p>
            <meter min="0" max=storage::LOCAL_STORAGE_BYTES as f64 value=used as f64 aria-label=i18n.t("Penyimpanan terpakai", "Storage used")></meter>
        }
    };
    view! {
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
    }
}
