//! Whether the last change is saved, and anything the user must know about their stored data.

use leptos::prelude::*;

use crate::storage::{data::Recovery, WriteError};
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use crate::ui::state::{use_store, SaveState};

#[component]
pub fn StatusBar() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let saved = move || {
        match store.save_state.get() {
        SaveState::Idle => None,
        SaveState::Saving => Some(view! {
            <p class="save-state" role="status" data-testid="saving">{i18n.t("Menyimpan…", "Saving…")}</p>
        }.into_any()),
        SaveState::Saved(at) => {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
            let time = format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds());
            Some(view! {
                <p class="save-state save-ok" role="status" data-testid="save-state" data-count=move || store.saved_count.get()>
                    {i18n.t("Tersimpan di perangkat ini, pukul ", "Saved on this device at ")}{time}
                </p>
            }.into_any())
        }
        SaveState::Failed(WriteError::Quota) => Some(view! {
            <div class="notice notice-error" role="alert" data-testid="save-failed">
                <strong>{i18n.t("Perubahan terakhir TIDAK tersimpan: penyimpanan perangkat penuh. ", "The last change was NOT saved: device storage is full. ")}</strong>
                {i18n.t("Data sebelumnya tetap aman. Ekspor data Anda sekarang, lalu kosongkan ruang (mis. hapus data situs lain di peramban).", "Your earlier data is safe. Export your data now, then free some space (e.g. clear other sites' data in the browser).")}
                " "<a href=Route::Data.href()>{i18n.t("Ke halaman Data", "Go to Data")}</a>
            </div>
        }.into_any()),
        SaveState::Failed(WriteError::NewerVersion) => Some(view! {
            <div class="notice notice-error" role="alert" data-testid="save-failed">
                {i18n.t("Perubahan terakhir TIDAK tersimpan: tab lain memakai versi Lentera yang lebih baru. Muat ulang halaman ini.", "The last change was NOT saved: another tab uses a newer Lentera. Reload this page.")}
            </div>
        }.into_any()),
        SaveState::Failed(WriteError::Unavailable(_)) => Some(view! {
            <div class="notice notice-error" role="alert" data-testid="save-failed">
                {i18n.t("Perubahan terakhir TIDAK tersimpan: peramban tidak mengizinkan penyimpanan (mode privat?). Data sebelumnya tetap.", "The last change was NOT saved: the browser does not allow storage (private mode?). Earlier data is unchanged.")}
            </div>
        }.into_any()),
    }
    };
    let recovery = move || {
        store.recovery.get().map(|r| {
            let (id, en) = match r {
                Recovery::FromBackup => (
                    "Data tersimpan rusak (mungkin karena perangkat mati saat menyimpan). Lentera memulihkan salinan terakhir yang utuh; periksa perubahan terakhir Anda.",
                    "The stored data was damaged (perhaps the device shut down while saving). Lentera restored the last intact copy; check your latest changes.",
                ),
                Recovery::NothingReadable => (
                    "Data tersimpan tidak dapat dibaca dan tidak ada salinan cadangan yang utuh. Data rusak disisihkan, tidak dihapus: di halaman Data Anda dapat mengunduhnya. Impor ekspor terakhir Anda di halaman Data.",
                    "The stored data could not be read and no intact backup exists. The damaged data was set aside, not deleted: you can download it on the Data page. Import your latest export on the Data page.",
                ),
                Recovery::NoRoomToSetAside => (
                    "Data tersimpan tidak dapat dibaca dan tidak ada ruang untuk menyisihkannya. Agar tidak tertimpa, aplikasi hanya menampilkan dan tidak menyimpan perubahan. Buka halaman Data, unduh data mentahnya, lalu kosongkan ruang.",
                    "The stored data could not be read and there is no room to set it aside. So that nothing overwrites it, the app only shows and does not save changes. Open the Data page, download the raw data, then free some space.",
                ),
                Recovery::NewerVersion => (
                    "Data di perangkat ini disimpan oleh versi Lentera yang lebih baru. Agar tidak rusak, aplikasi ini hanya menampilkan dan tidak menyimpan perubahan. Muat ulang untuk mendapatkan versi terbaru.",
                    "The data on this device was saved by a newer version of Lentera. To keep it intact, this app only shows and does not save changes. Reload to get the latest version.",
                ),
            };
            view! { <div class="notice notice-warn" role="alert" data-testid="recovery">{i18n.t(id, en)}</div> }
        })
    };
    let packs = move || {
        store.pack_problem.get().map(|ps| {
            view! {
                <div class="notice notice-warn" role="alert">
                    <p>{i18n.t("Paket konten bawaan tidak dapat dimuat:", "The default content pack could not be loaded:")}</p>
                    <ul>{ps.into_iter().map(|p| view! { <li>{i18n.text(&p)}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    view! { <div class="status-bar">{recovery}{packs}{saved}</div> }
}
