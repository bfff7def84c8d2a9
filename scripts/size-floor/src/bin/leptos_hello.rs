//! The smallest Leptos app that does something: a heading, a counter and a conditional
//! paragraph. Its size is Leptos' own share of any app built on it; `make bench` times its first
//! visit (until the heading shows) beside Lentera's.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        let many = move || count.get() > 2;
        view! {
            <h1>"Hello, Leptos"</h1>
            <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button>
            <Show when=many>
                <p>"many"</p>
            </Show>
        }
    })
}
