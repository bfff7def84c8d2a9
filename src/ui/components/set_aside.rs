//! Stored data the app could not read, kept apart: listed with a download and a discard button.
//! The learner app's Data page shows the device's; the workbench shows its cohorts'.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::storage::aside;
use crate::ui::files::download;
use crate::ui::i18n::use_i18n;

/// Stored data the app could not read: kept until the user downloads and discards it.
#[component]
pub fn SetAside(
    /// The trainer's set-aside cohorts (shown only in the workbench, behind its passphrase) rather
    /// than the device's own data.
    #[prop(optional)]
    cohort: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let refresh = RwSignal::new(0u32);
    let list = RwSignal::new(Vec::<aside::Aside>::new());
    Effect::new(move |_| {
        refresh.track();
        leptos::task::spawn_local(async move {
            let mut all = aside::list().await;
            // The workbench's own: its cohorts and pack drafts.
            all.retain(|a| matches!(a.origin.as_str(), "cohort" | "drafts") == cohort);
            list.set(all);
        });
    });
    let confirming = RwSignal::new(None::<String>);
    move || {
        let items = list.get();
        if items.is_empty() {
            return view! { <p data-testid="no-aside">{i18n.t("Tidak ada data yang disisihkan.", "No data set aside.")}</p> }.into_any();
        }
        let lang = i18n.lang();
        let rows = items
            .into_iter()
            .map(|a| {
                let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(a.at_ms));
                let when = format!(
                    "{} {:02}:{:02}",
                    format::date(lang, browser::date_of(&when)),
                    when.get_hours(),
                    when.get_minutes()
                );
                let origin = match a.origin.as_str() {
                    "cohort" => i18n.t("kohort pelatih", "trainer cohort"),
                    "drafts" => i18n.t("draf paket", "pack drafts"),
                    "mirror" => i18n.t("salinan tahan-mati", "durable copy"),
                    "backup" => i18n.t("salinan cadangan", "backup copy"),
                    _ => i18n.t("data perangkat", "device data"),
                };
                let label = format!("{origin} · {when} · {}", format::bytes(lang, a.chars as u64));
                let (a1, a2) = (a.clone(), a.clone());
                let key = a.key.clone();
                let fetch = move |_| {
                    let a = a1.clone();
                    leptos::task::spawn_local(async move {
                        if let Some(text) = aside::read(&a).await {
                            // No PIN hash leaves the device, even in data the app cannot read.
                            let text = crate::domain::snapshot::stored::redact_secrets(&text);
                            download(&format!("lentera-{}.txt", a.key.replace('.', "-")), &text, "text/plain");
                        }
                    });
                };
                let discard = move |_| {
                    if confirming.get_untracked().as_deref() != Some(a2.key.as_str()) {
                        confirming.set(Some(a2.key.clone()));
                        return;
                    }
                    let a = a2.clone();
                    leptos::task::spawn_local(async move {
                        aside::discard(&a).await;
                        confirming.set(None);
                        refresh.update(|n| *n += 1);
                    });
                };
                let asking = move || confirming.get().as_deref() == Some(key.as_str());
                view! {
                    <li data-testid="aside">
                        {label}" "
                        <button type="button" class="button button-secondary" on:click=fetch>{i18n.t("Unduh data mentah", "Download the raw data")}</button>
                        " "
                        <button type="button" class="button button-danger" on:click=discard>
                            {move || if asking() { i18n.t("Yakin? Buang untuk selamanya", "Sure? Discard for good") } else { i18n.t("Buang", "Discard") }}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{i18n.t(
                "Data tersimpan yang tidak dapat dibaca aplikasi ini tidak pernah ditimpa: data itu disimpan terpisah sampai Anda membuangnya. Unduh dulu dan serahkan kepada pengelola bila perlu.",
                "Stored data this app cannot read is never overwritten: it is kept apart until you discard it. Download it first and hand it to your HR officer if needed.",
            )}</p>
            <ul class="plain-list">{rows}</ul>
        }
        .into_any()
    }
}
