//! The learner app's first download: the profile picker and nothing else.
//!
//! On a first visit over a mobile network the whole app (≈ 600 KiB compressed) takes seconds to
//! arrive. This small app draws what a tablet shows first — who is learning today, from the
//! summary the whole app keeps (`domain::first_screen`), or the welcome on a new tablet — and
//! answers at once. `public/load-app.js` then fetches the whole app, which replaces this one
//! in the same page (`main.rs`) and shows whatever screen the address asks for. A card or
//! button tapped meanwhile changes the address, so the whole app opens where the learner went.

use leptos::prelude::*;

use super::app::TopBar;
use super::components::frame::{keep_html_lang, SkipLink};
use super::i18n::I18n;
use super::pages::profiles::ProfilePicker;
use super::route::{provide_route, Route};
use crate::storage;

/// The element this app is mounted in; the whole app removes it when it mounts.
pub const ROOT_ID: &str = "first-screen";

#[component]
pub fn FirstScreenApp() -> impl IntoView {
    let i18n = I18n::provide();
    let route = provide_route();
    keep_html_lang(i18n);
    let summary = Signal::stored(storage::first_screen::load());
    // `public/load-app.js` could not load the whole app (the connection dropped on a first visit).
    let failed = RwSignal::new(false);
    let _ = window_event_listener_untyped("lentera-app-failed", move |_| failed.set(true));
    view! {
        <SkipLink i18n=i18n/>
        <TopBar/>
        <Show when=move || failed.get()>
            <div class="notice notice-warn" role="alert">
                <p>
                    {i18n.tr(
                        "Lentera belum termuat seluruhnya: sambungan terputus. Periksa jaringan, lalu muat ulang.",
                        "Lentera has not finished loading: the connection dropped. Check the network, then reload.",
                    )}
                </p>
                <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>
                    {i18n.tr("Muat ulang", "Reload")}
                </button>
            </div>
        </Show>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Profiles => view! { <ProfilePicker summary=summary/> }.into_any(),
                // Any other screen needs the whole app: say it is on its way.
                _ => view! {
                    <p class="page loading" role="status">{i18n.tr("Memuat Lentera…", "Loading Lentera…")}</p>
                }
                .into_any(),
            }}
        </main>
    }
}
