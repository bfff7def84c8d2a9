//! The learner app's first download (`ui::first_screen`): draws the profile picker while the
//! whole app (`src/main.rs`) is on its way, and is replaced by it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use lentera::ui::first_screen::{FirstScreenApp, ROOT_ID};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id(ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    // The whole app may have arrived first (it removes the element): then there is nothing to do.
    if let Some(root) = root {
        leptos::mount::mount_to(root, FirstScreenApp).forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Lentera is a browser app: run `make serve` and open http://127.0.0.1:8080/");
}
