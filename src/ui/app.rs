//! The root component: context (language, store, route), the frame every screen shares, the
//! guard that keeps a PIN-protected profile closed, the idle auto-lock, and the current screen.

use leptos::prelude::*;

use super::components::language_switch::LanguageSwitch;
use super::components::offline_status::UpdatePrompt;
use super::components::profile_nav::ProfileNav;
use super::components::secure_context_notice::SecureContextNotice;
use super::components::status_bar::StatusBar;
use super::i18n::I18n;
use super::pages::{
    activities::ActivitiesPage,
    assess::AssessPage,
    dashboard::DashboardPage,
    data::DataPage,
    learn::{LearnPage, LessonPage, ModulePage, QuizPage},
    my_data::MyDataPage,
    not_found::NotFoundPage,
    plan::PlanPage,
    profile_form::ProfileFormPage,
    profiles::ProfilesPage,
    supervisor::SupervisorPage,
    trainer::TrainerPage,
    unlock::UnlockPage,
};
use super::route::{navigate, provide_route, Route, Screen};
use super::state::{use_store, Store};

/// A shared tablet left alone locks the open profile after this long.
const IDLE_LOCK_MS: f64 = 5.0 * 60.0 * 1000.0;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let store = Store::provide();
    let route = provide_route();

    // Keep <html lang> true to the interface language for screen readers and hyphenation.
    Effect::new(move |_| {
        let code = i18n.lang().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    idle_lock(store);
    // Whether the route's profile exists and has a PIN. A memo, so the screen is rebuilt when
    // that changes (e.g. the profile arrives from the durable copy after a crash) but not on
    // every edit of the data.
    let access = Memo::new(move |_| {
        let id = route.with(|r| r.profile().cloned())?;
        store.snapshot.with(|s| {
            s.employees
                .get(&id)
                .filter(|r| !r.is_deleted())
                .map(|_| s.is_locked(&id))
        })
    });
    lock_on_leave(store, route);

    view! {
        // A button, not `href="#main"`: the fragment holds the route (see route.rs).
        <button class="skip-link" on:click=move |_| focus_main()>
            {i18n.tr("Lewati ke isi", "Skip to content")}
        </button>
        <header class="topbar">
            <a class="brand" href=Route::Profiles.href()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Lentera"
            </a>
            <LanguageSwitch/>
        </header>
        <SecureContextNotice/>
        <StatusBar/>
        <UpdatePrompt/>
        <main id="main" tabindex="-1">
            {move || screen(route.get(), access.get())}
        </main>
    }
}

/// The screen for `route`; a profile's screens only once that profile is open on this tablet.
/// `access` is `Some(pin?)` for the route's profile when it exists (see `App`).
fn screen(route: Route, access: Option<bool>) -> AnyView {
    let store = use_store();
    // Every screen of a person's profile is a `Route::Profile`: none opens before this check.
    if let Route::Profile(id, _) = &route {
        match access {
            None => return view! { <NotFoundPage path=route.href().trim_start_matches("#/").to_string()/> }.into_any(),
            Some(false) => store.session.set(Some(id.clone())),
            Some(true) if store.session.get() != Some(id.clone()) => {
                return view! { <UnlockPage employee=id.clone() then=route.clone()/> }.into_any();
            }
            Some(true) => {}
        }
    }
    match route {
        Route::Profiles => view! { <ProfilesPage/> }.into_any(),
        Route::NewProfile => view! { <ProfileFormPage/> }.into_any(),
        Route::Unlock(id) => view! { <UnlockPage employee=id.clone() then=Route::dashboard(id)/> }.into_any(),
        Route::Profile(id, screen) => {
            view! { <ProfileNav employee=id.clone()/>{profile_screen(id, screen)} }.into_any()
        }
        Route::Data => view! { <DataPage/> }.into_any(),
        Route::Trainer(tab) => view! { <TrainerPage tab=tab/> }.into_any(),
        Route::NotFound(path) => view! { <NotFoundPage path=path/> }.into_any(),
    }
}

/// One screen of an open profile.
fn profile_screen(id: crate::domain::record::Id, screen: Screen) -> AnyView {
    match screen {
        Screen::Edit => view! { <ProfileFormPage editing=id/> }.into_any(),
        Screen::Dashboard => view! { <DashboardPage employee=id/> }.into_any(),
        Screen::Assess => view! { <AssessPage employee=id/> }.into_any(),
        Screen::Supervisor => view! { <SupervisorPage employee=id/> }.into_any(),
        Screen::Learn => view! { <LearnPage employee=id/> }.into_any(),
        Screen::Module(m) => view! { <ModulePage employee=id module=m/> }.into_any(),
        Screen::Lesson(m, l) => view! { <LessonPage employee=id module=m lesson=l/> }.into_any(),
        Screen::Quiz(m) => view! { <QuizPage employee=id module=m/> }.into_any(),
        Screen::Activities => view! { <ActivitiesPage employee=id/> }.into_any(),
        Screen::Plan => view! { <PlanPage employee=id/> }.into_any(),
        Screen::MyData => view! { <MyDataPage employee=id/> }.into_any(),
    }
}

/// Leaving a profile's screens by any way — the logo, the profile list, Back, the Data page,
/// trainer mode, a typed address — ends its session: coming back asks for the PIN again.
/// Trainer mode likewise closes when its screens are left.
fn lock_on_leave(store: Store, route: ReadSignal<Route>) {
    Effect::new(move |_| {
        let here = route.with(|r| r.profile().cloned());
        let open = store.session.get_untracked();
        if open.is_some() && open != here {
            store.session.set(None);
        }
        if store.trainer_unlocked.get_untracked() && !route.with(|r| matches!(r, Route::Trainer(_))) {
            store.lock_trainer();
        }
    });
}

/// Locks the open profile after `IDLE_LOCK_MS` without a touch or key press.
fn idle_lock(store: Store) {
    let last = StoredValue::new(js_sys::Date::now());
    let h1 = window_event_listener(leptos::ev::pointerdown, move |_| last.set_value(js_sys::Date::now()));
    let h2 = window_event_listener(leptos::ev::keydown, move |_| last.set_value(js_sys::Date::now()));
    let timer = set_interval_with_handle(
        move || {
            // The Data page holds the PINs entered on it: it is left too.
            let open = store.session.get_untracked().is_some()
                || store.trainer_unlocked.get_untracked()
                || crate::ui::route::current() == Route::Data;
            if open && js_sys::Date::now() - last.get_value() > IDLE_LOCK_MS {
                store.session.set(None);
                store.lock_trainer();
                navigate(&Route::Profiles);
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
