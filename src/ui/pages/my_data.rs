//! One person's own data, on their unlocked profile: export their record, settle their
//! conflicts, and erase their profile from this device.

use leptos::prelude::*;

use crate::browser;
use crate::domain::record::Id;
use crate::domain::xapi;
use crate::ui::components::passphrase::{self, ExportPassphrase};
use crate::ui::components::typed_confirm::TypedConfirm;
use crate::ui::files::download;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::data::{download_export, Conflicts, ExportDone};
use crate::ui::route::{navigate, Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn MyDataPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let name = store
        .snapshot
        .with_untracked(|s| s.employees.get(&employee).map(|r| r.data().name.clone()))
        .unwrap_or_default();
    let me = employee.clone();
    let label = name.clone();
    let (pass, pass2) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let pass_error = RwSignal::new(None::<crate::domain::lang::Text>);
    let exported = RwSignal::new(None::<String>);
    let export = move |_| match passphrase::chosen(pass, pass2) {
        Err(t) => pass_error.set(Some(t)),
        Ok(p) => {
            pass_error.set(None);
            exported.set(Some(download_export(store, vec![me.clone()], &label, p)));
        }
    };
    let xapi_done = RwSignal::new(None::<String>);
    let xapi_of = employee.clone();
    let xapi_label = name.clone();
    let export_xapi = move |_| {
        let text = store.snapshot.with_untracked(|s| {
            store
                .catalog
                .with_untracked(|c| xapi::export_json(s, &xapi_of, c, &browser::site_base()))
        });
        let file = xapi::file_name(&xapi_label, browser::today());
        download(&file, &text, "application/json");
        xapi_done.set(Some(file));
    };
    let failed = RwSignal::new(false);
    let who = employee.clone();
    let erase = Callback::new(move |_| {
        if store.erase_person(&who) {
            navigate(&Route::Profiles);
        } else {
            failed.set(true);
        }
    });
    let sync_of = employee.clone();
    let mine = employee.clone();
    let resets = store.snapshot.with_untracked(|s| {
        s.employees
            .get(&employee)
            .map(|r| r.data().pin_resets.clone())
            .unwrap_or_default()
    });
    let resets = (!resets.is_empty()).then(|| {
        let items = resets
            .iter()
            .rev()
            .map(|r| view! { <li>{format!("{}, {} UTC", crate::domain::format::date(i18n.lang(), r.at.date_naive()), r.at.format("%H:%M"))}</li> })
            .collect_view();
        view! {
            <h2>{i18n.tr("PIN yang diatur ulang", "PIN resets")}</h2>
            <p>{i18n.tr(
                "Pelatih mengatur ulang PIN profil ini di perangkat ini (dengan kata sandi pelatih) pada waktu berikut. Bila bukan Anda yang memintanya, beri tahu pelatih Anda.",
                "A trainer reset this profile's PIN on this device (with the trainer passphrase) at these times. If you did not ask for it, tell your trainer.",
            )}</p>
            <ul data-testid="pin-resets">{items}</ul>
        }
    });
    view! {
        <section class="page">
            <h1>{i18n.tr("Data saya", "My data")}</h1>
            <p class="lead">{name}</p>
            <h2>{i18n.tr("Ekspor", "Export")}</h2>
            <p>{i18n.tr(
                "Unduh catatan Anda sebagai berkas (JSON) untuk dipindahkan ke perangkat lain atau diserahkan kepada pengelola kepegawaian. PIN Anda tidak ikut: PIN hanya berlaku di perangkat ini.",
                "Download your record as a file (JSON) to move it to another device or hand it to your HR officer. Your PIN is not included: it belongs to this device only.",
            )}</p>
            <ExportPassphrase id="mine" value=pass repeat=pass2/>
            <p class="field-error" role="alert">{move || pass_error.get().map(|t| i18n.text(&t))}</p>
            <p class="actions"><button type="button" class="button" on:click=export>{i18n.tr("Ekspor data saya", "Export my record")}</button></p>
            <ExportDone exported=exported/>
            <h3>{i18n.tr("Untuk sistem pembelajaran lain (xAPI)", "For other learning systems (xAPI)")}</h3>
            <p>{i18n.tr(
                "Modul yang selesai, percobaan kuis dan kegiatan Anda sebagai pernyataan xAPI 1.0.3 (JSON), untuk Learning Record Store instansi. Mengirim berkas yang sama dua kali tidak menggandakan apa pun. Berkas ini berisi nama dan NIP Anda.",
                "Your completed modules, quiz attempts and activities as xAPI 1.0.3 statements (JSON), for your agency's Learning Record Store. Sending the same file twice duplicates nothing. The file holds your name and NIP.",
            )}</p>
            <p class="actions"><button type="button" class="button button-secondary" on:click=export_xapi>{i18n.tr("Unduh catatan xAPI", "Download xAPI statements")}</button></p>
            <ExportDone exported=xapi_done/>
            <h2>{i18n.tr("Sinkronisasi dengan server", "Sync with a server")}</h2>
            <p>{i18n.tr(
                "Bila kabupaten/kota Anda memakai server sinkronisasi, atur di sini untuk bertukar catatan tanpa berkas.",
                "If your district runs a sync server, set it up here to exchange records without files.",
            )}</p>
            <p class="actions"><a class="button button-secondary" href=Route::Profile(sync_of.clone(), Screen::Sync).href()>{i18n.tr("Buka sinkronisasi", "Open sync")}</a></p>
            {resets}
            <h2>{i18n.tr("Konflik", "Conflicts")}</h2>
            <Conflicts visible=Signal::derive(move || vec![mine.clone()])/>
            <h2>{i18n.tr("Hapus profil saya", "Delete my profile")}</h2>
            <p>{i18n.tr(
                "Menghapus profil menghapus semua data Anda di perangkat ini: profil, penilaian, kemajuan belajar, kegiatan, penilaian kinerja, umpan balik dan rencana. Yang tersisa hanya catatan bahwa profil ini dihapus (tanpa data pribadi), agar penghapusan ikut ke perangkat lain dan ke pelatih lewat ekspor. Ekspor data Anda dulu bila ingin menyimpannya.",
                "Deleting your profile erases all your data on this device: profile, assessments, learning progress, activities, ratings, feedback and plan. Only a note that this profile was deleted remains (no personal data), so the deletion reaches other devices and the trainer through exports. Export your record first if you want to keep it.",
            )}</p>
            <TypedConfirm field="f-erase" button=("Hapus profil dan semua data saya", "Delete my profile and all my data") on_confirm=erase/>
            <Show when=move || failed.get()>
                <p class="notice notice-error" role="alert">{i18n.tr("Penghapusan tidak tersimpan; data Anda tidak berubah.", "The deletion was not saved; your data is unchanged.")}</p>
            </Show>
        </section>
    }
}
