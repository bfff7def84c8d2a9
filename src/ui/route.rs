//! The route in the browser: the current one as a signal that follows `hashchange`, and
//! navigation. The routes themselves are plain data in `crate::route`.

use leptos::prelude::*;

pub use crate::route::{ModuleRef, Route, Screen, TrainerTab};

/// The route in the address bar now.
pub fn current() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(route.href().trim_start_matches('#'));
}

/// The current route as a signal that follows `hashchange` (links, back/forward, typed URLs).
pub fn provide_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current());
        // A new screen starts at its top, as a page load would.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    provide_context(route);
    route
}

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}
