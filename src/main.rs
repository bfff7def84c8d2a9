//! Browser entry point: mounts the app and nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(lentera::ui::app::App);
}

/// Natively there is nothing to run: the app lives in the browser (`make serve`);
/// the domain is exercised by `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Lentera is a browser app: run `make serve` and open http://127.0.0.1:8080/");
}
