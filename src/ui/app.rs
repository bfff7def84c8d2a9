//! The learner app's root component (what tablets open): context (language, store, route), the
//! frame every screen shares, the guard that keeps a PIN-protected profile closed, the idle
//! auto-lock, and the current screen. The trainer workbench is its own app
//! (`ui::workbench::app`): no screen of it is named here, so none is in this download.

use leptos::prelude::*;

use super::components::frame::{keep_html_lang, on_idle, SkipLink};
use super::components::language_switch::LanguageSwitch;
use super::components::not_found::NotFoundPage;
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
    plan::PlanPage,
    profile_form::ProfileFormPage,
    profiles::ProfilesPage,
    settings::SettingsPage,
    supervisor::SupervisorPage,
    sync::SyncPage,
    together::TogetherPage,
    unlock::UnlockPage,
};
use super::route::{navigate, provide_route, Route, Screen};
use super::state::{use_store, Store};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let store = Store::provide("");
    crate::sync::learner::SyncRunner::provide(store);
    let route = provide_route();
    keep_html_lang(i18n);
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
        <SkipLink i18n=i18n/>
        <TopBar/>
        <SecureContextNotice/>
        <StatusBar/>
        <UpdatePrompt/>
        <main id="main" tabindex="-1">
            {move || screen(route.get(), access.get())}
        </main>
    }
}

/// The learner app's header: the brand (home, the profile picker) and the language. The first
/// screen (`ui::first_screen`) draws the same, so nothing moves when the whole app takes over.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="topbar">
            <a class="brand" href=Route::Profiles.href()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Lentera"
            </a>
            <LanguageSwitch/>
        </header>
    }
}

/// The screen for `route`; a profile's screens only once that profile is open on this tablet.
/// `access` is `Some(pin?)` for the route's profile when it exists (see `App`).
fn screen(route: Route, access: Option<bool>) -> AnyView {
    let store = use_store();
    // Every screen of a person's profile is a `Route::Profile`: none opens before this check.
    if let Route::Profile(id, _) = &route {
        match access {
            None => return view! { <NotFoundPage path=route.href().trim_start_matches("#/").to_string() home=Route::Profiles.href()/> }.into_any(),
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
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::Trainer(tab) => {
            // An old bookmark of trainer mode: the same screen in the workbench.
            let _ = window().location().replace(&tab.from_learner_app());
            ().into_any()
        }
        Route::NotFound(path) => view! { <NotFoundPage path=path home=Route::Profiles.href()/> }.into_any(),
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
        Screen::Together => view! { <TogetherPage employee=id/> }.into_any(),
        Screen::Plan => view! { <PlanPage employee=id/> }.into_any(),
        Screen::MyData => view! { <MyDataPage employee=id/> }.into_any(),
        Screen::Sync => view! { <SyncPage employee=id/> }.into_any(),
    }
}

/// Leaving a profile's screens by any way — the logo, the profile list, Back, the Data page,
/// a typed address — ends its session: coming back asks for the PIN again.
fn lock_on_leave(store: Store, route: ReadSignal<Route>) {
    Effect::new(move |_| {
        let here = route.with(|r| r.profile().cloned());
        let open = store.session.get_untracked();
        if open.is_some() && open != here {
            store.session.set(None);
        }
    });
}

/// Locks the open profile after a while without a touch or key press.
fn idle_lock(store: Store) {
    on_idle(
        // The Data page holds the PINs entered on it: it is left too.
        move || store.session.get_untracked().is_some() || crate::ui::route::current() == Route::Data,
        move || {
            store.session.set(None);
            navigate(&Route::Profiles);
        },
    );
}
