//! Screen addresses kept in the URL fragment (`#/…`).
//!
//! Fragment routing is deliberate: the site is copied to plain static hosts, USB sticks and
//! sub-paths (`https://host/dinas/lentera/`) where no server rewrites deep links to
//! `index.html`. With the screen in the fragment, every reload and every bookmark requests the
//! same `index.html`, online or not. (leptos_router 0.8 offers only path-based history routing.)

use leptos::prelude::*;

use crate::domain::record::Id;

/// A module within a pack, as addressed in a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleRef {
    pub pack: String,
    pub module: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Profiles,
    NewProfile,
    EditProfile(Id),
    Unlock(Id),
    Dashboard(Id),
    Assess(Id),
    Supervisor(Id),
    Learn(Id),
    Module(Id, ModuleRef),
    Lesson(Id, ModuleRef, String),
    Quiz(Id, ModuleRef),
    Activities(Id),
    Plan(Id),
    /// One person's own data: export their record, their conflicts, erase their profile.
    MyData(Id),
    Data,
    Trainer(TrainerTab),
    NotFound(String),
}

/// The parts of trainer mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainerTab {
    Cohort,
    Talent,
    Import,
}

impl Route {
    /// Reads a fragment such as `#/` or `#/p/<id>/belajar`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let seg: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let s: Vec<&str> = seg.iter().map(String::as_str).collect();
        let id = |x: &str| Id::parse(x).ok();
        let m = |p: &str, md: &str| ModuleRef {
            pack: p.to_string(),
            module: md.to_string(),
        };
        let r = match s.as_slice() {
            [] => Some(Route::Profiles),
            ["profil", "baru"] => Some(Route::NewProfile),
            ["profil", e, "ubah"] => id(e).map(Route::EditProfile),
            ["masuk", e] => id(e).map(Route::Unlock),
            ["data"] => Some(Route::Data),
            ["pelatih"] => Some(Route::Trainer(TrainerTab::Cohort)),
            ["pelatih", "talenta"] => Some(Route::Trainer(TrainerTab::Talent)),
            ["pelatih", "impor"] => Some(Route::Trainer(TrainerTab::Import)),
            ["p", e] => id(e).map(Route::Dashboard),
            ["p", e, "penilaian"] => id(e).map(Route::Assess),
            ["p", e, "atasan"] => id(e).map(Route::Supervisor),
            ["p", e, "belajar"] => id(e).map(Route::Learn),
            ["p", e, "belajar", p, md] => id(e).map(|e| Route::Module(e, m(p, md))),
            ["p", e, "belajar", p, md, "kuis"] => id(e).map(|e| Route::Quiz(e, m(p, md))),
            ["p", e, "belajar", p, md, "pelajaran", l] => id(e).map(|e| Route::Lesson(e, m(p, md), l.to_string())),
            ["p", e, "kegiatan"] => id(e).map(Route::Activities),
            ["p", e, "rencana"] => id(e).map(Route::Plan),
            ["p", e, "data"] => id(e).map(Route::MyData),
            _ => None,
        };
        r.unwrap_or_else(|| Route::NotFound(path.to_string()))
    }

    pub fn href(&self) -> String {
        let p = |e: &Id, rest: &str| format!("#/p/{}{rest}", encode(e.as_str()));
        let m = |r: &ModuleRef| format!("/belajar/{}/{}", encode(&r.pack), encode(&r.module));
        match self {
            Route::Profiles => "#/".into(),
            Route::NewProfile => "#/profil/baru".into(),
            Route::EditProfile(e) => format!("#/profil/{}/ubah", encode(e.as_str())),
            Route::Unlock(e) => format!("#/masuk/{}", encode(e.as_str())),
            Route::Data => "#/data".into(),
            Route::Trainer(TrainerTab::Cohort) => "#/pelatih".into(),
            Route::Trainer(TrainerTab::Talent) => "#/pelatih/talenta".into(),
            Route::Trainer(TrainerTab::Import) => "#/pelatih/impor".into(),
            Route::Dashboard(e) => p(e, ""),
            Route::Assess(e) => p(e, "/penilaian"),
            Route::Supervisor(e) => p(e, "/atasan"),
            Route::Learn(e) => p(e, "/belajar"),
            Route::Module(e, r) => p(e, &m(r)),
            Route::Quiz(e, r) => p(e, &format!("{}/kuis", m(r))),
            Route::Lesson(e, r, l) => p(e, &format!("{}/pelajaran/{}", m(r), encode(l))),
            Route::Activities(e) => p(e, "/kegiatan"),
            Route::Plan(e) => p(e, "/rencana"),
            Route::MyData(e) => p(e, "/data"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The profile this screen belongs to (it needs that profile unlocked).
    pub fn profile(&self) -> Option<&Id> {
        match self {
            Route::Dashboard(e)
            | Route::Assess(e)
            | Route::Supervisor(e)
            | Route::Learn(e)
            | Route::Module(e, _)
            | Route::Lesson(e, _, _)
            | Route::Quiz(e, _)
            | Route::Activities(e)
            | Route::Plan(e)
            | Route::MyData(e)
            | Route::EditProfile(e) => Some(e),
            _ => None,
        }
    }

    pub fn current() -> Route {
        Route::parse(&window().location().hash().unwrap_or_default())
    }
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(route.href().trim_start_matches('#'));
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}
