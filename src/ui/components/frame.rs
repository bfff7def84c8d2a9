//! What the two apps' shells (`ui::app`, `ui::workbench::app`) share: the skip link,
//! `<html lang>` kept true to the interface language, and the idle timer that closes whatever
//! is open on a shared device.

use leptos::prelude::*;

use crate::ui::i18n::I18n;

/// A shared device left alone closes the open profile or cohort after this long.
pub const IDLE_CLOSE_MS: f64 = 5.0 * 60.0 * 1000.0;

/// The first focusable element: jumps to `<main id="main">`. A button, not `href="#main"`:
/// the fragment holds the route (see `crate::route`).
#[component]
pub fn SkipLink(i18n: I18n) -> impl IntoView {
    view! {
        <button class="skip-link" on:click=move |_| focus_main()>
            {i18n.tr("Lewati ke isi", "Skip to content")}
        </button>
    }
}

/// Keeps `<html lang>` true to the interface language, for screen readers and hyphenation.
pub fn keep_html_lang(i18n: I18n) {
    Effect::new(move |_| {
        let code = i18n.lang().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
}

/// Calls `close` once `IDLE_CLOSE_MS` passed without a touch or key press while `is_open()`.
pub fn on_idle(is_open: impl Fn() -> bool + 'static, close: impl Fn() + 'static) {
    let last = StoredValue::new(js_sys::Date::now());
    let h1 = window_event_listener(leptos::ev::pointerdown, move |_| last.set_value(js_sys::Date::now()));
    let h2 = window_event_listener(leptos::ev::keydown, move |_| last.set_value(js_sys::Date::now()));
    let timer = set_interval_with_handle(
        move || {
            if is_open() && js_sys::Date::now() - last.get_value() > IDLE_CLOSE_MS {
                close();
            }
        },
        std::time::Duration::from_secs(15),
    );
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        if let Ok(t) = timer {
            t.clear();
        }
    });
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
