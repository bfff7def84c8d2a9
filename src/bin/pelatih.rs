//! Browser entry point of the trainer workbench (`pelatih/`): mounts the workbench and nothing
//! else. The learner app is `src/main.rs`; both share the `lentera` library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(lentera::ui::workbench::app::Workbench);
}

/// Natively there is nothing to run: the workbench lives in the browser (`make serve`, then
/// `/pelatih/`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Lentera workbench is a browser app: run `make serve` and open http://127.0.0.1:8080/pelatih/");
}
