//! Browser entry point of the whole learner app: takes over from the first screen
//! (`src/bin/first_screen.rs`) and mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The first screen goes in the same task as the mount: the page never shows neither.
    if let Some(first) = leptos::prelude::document().get_element_by_id(lentera::ui::first_screen::ROOT_ID) {
        first.remove();
    }
    leptos::mount::mount_to_body(lentera::ui::app::App);
}

/// Natively there is nothing to run: the app lives in the browser (`make serve`);
/// the domain is exercised by `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Lentera is a browser app: run `make serve` and open http://127.0.0.1:8080/");
}
