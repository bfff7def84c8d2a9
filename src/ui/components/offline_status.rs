//! The offline copy and storage persistence: a "new version — reload" prompt when the service
//! worker has one waiting, and the facts the Data page reports.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::use_i18n;

/// Shown when a new build of the site was installed in the background.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new(false);
    let handle = window_event_listener_untyped("lentera-update", move |_| waiting.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        let f = js_sys::Reflect::get(&window(), &"lenteraApplyUpdate".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(f) = f {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    };
    view! {
        <Show when=move || waiting.get()>
            <div class="notice notice-ok update-prompt" role="status" data-testid="update-prompt">
                {i18n.tr("Versi baru Lentera tersedia. ", "A new version of Lentera is available. ")}
                <button type="button" class="button" on:click=apply>{i18n.tr("Muat ulang", "Reload")}</button>
            </div>
        </Show>
    }
}

/// Whether this page is controlled by the service worker, i.e. the offline copy is in use.
pub fn offline_copy_active() -> bool {
    // On a plain-http address `navigator.serviceWorker` does not exist at all: reading through
    // it would throw (and abort the app on the Data page).
    let nav = window().navigator();
    js_sys::Reflect::get(&nav, &"serviceWorker".into()).is_ok_and(|sw| !sw.is_undefined())
        && nav.service_worker().controller().is_some()
}

/// Asks the browser to keep this site's storage when space runs low; `Some(granted)`, or
/// `None` where the API does not exist.
pub async fn request_persistence() -> Option<bool> {
    let storage = window().navigator().storage();
    let persisted = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    if persisted {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}
