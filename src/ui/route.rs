//! The route in the browser: the current one as a signal that follows `hashchange`, and
//! navigation. The routes themselves are plain data in `crate::route`: the learner app's
//! `Route` and the workbench's `TrainerTab`.

use leptos::prelude::*;

pub use crate::route::{ModuleRef, Route, Screen, TrainerTab};

/// The learner app's route in the address bar now.
pub fn current() -> Route {
    Route::parse(&hash())
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(route.href().trim_start_matches('#'));
}

/// The learner app's route as a signal that follows `hashchange` (links, back/forward, typed
/// URLs).
pub fn provide_route() -> ReadSignal<Route> {
    let route = follow_hash(Route::parse);
    provide_context(route);
    route
}

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}

/// The workbench's screen, likewise.
pub fn follow_workbench_hash() -> ReadSignal<TrainerTab> {
    follow_hash(TrainerTab::parse)
}

/// The fragment read by `parse`, as a signal kept current by `hashchange`.
fn follow_hash<T: Send + Sync + 'static>(parse: fn(&str) -> T) -> ReadSignal<T> {
    let (route, set_route) = signal(parse(&hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(parse(&hash()));
        // A new screen starts at its top, as a page load would.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    route
}
