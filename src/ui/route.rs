//! Screen addresses kept in the URL fragment (`#/…`).
//!
//! Fragment routing is deliberate: the site is copied to plain static hosts, USB sticks and
//! sub-paths (`https://host/dinas/lentera/`) where no server rewrites deep links to
//! `index.html`. With the screen in the fragment, every reload and every bookmark requests the
//! same `index.html`, online or not. (leptos_router 0.8 offers only path-based history routing.)

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    NotFound(String),
}

impl Route {
    /// Reads a fragment such as `#/` or `#/belajar/m1`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    fn current() -> Route {
        Route::parse(&window().location().hash().unwrap_or_default())
    }
}

/// The current route as a signal that follows `hashchange` (links, back/forward, typed URLs).
pub fn provide_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::current());
        // A new screen starts at its top, as a page load would.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    provide_context(route);
    route
}
