//! The root component: context (language, route), the frame every screen shares, and the
//! screen for the current route.

use leptos::prelude::*;

use super::components::language_switch::LanguageSwitch;
use super::components::secure_context_notice::SecureContextNotice;
use super::i18n::I18n;
use super::pages::{home::HomePage, not_found::NotFoundPage};
use super::route::{provide_route, Route};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let route = provide_route();

    // Keep <html lang> true to the interface language for screen readers and hyphenation.
    Effect::new(move |_| {
        let code = i18n.lang().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });

    view! {
        // A button, not `href="#main"`: the fragment holds the route (see route.rs).
        <button class="skip-link" on:click=move |_| focus_main()>
            {move || i18n.t("Lewati ke isi", "Skip to content")}
        </button>
        <header class="topbar">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Lentera"
            </a>
            <LanguageSwitch/>
        </header>
        <SecureContextNotice/>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::NotFound(path) => view! { <NotFoundPage path=path/> }.into_any(),
            }}
        </main>
    }
}

fn focus_main() {
    use leptos::wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
