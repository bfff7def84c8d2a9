//! The trainer workbench's root component: the app in `pelatih/` that a trainer's laptop opens
//! directly and the learner app links to ("Mode pelatih"). It shares the domain, the storage
//! layer and the components with the learner app, and has its own frame, session and screens:
//! language, the device's store (for its content packs), the trainer's session, the current
//! tab.

use leptos::prelude::*;

use super::TrainerPage;
use crate::domain::envelope::Key;
use crate::domain::roster::Roster;
use crate::domain::snapshot::Snapshot;
use crate::route::TrainerTab;
use crate::storage;
use crate::ui::components::frame::{keep_html_lang, on_idle, SkipLink};
use crate::ui::components::language_switch::LanguageSwitch;
use crate::ui::components::offline_status::UpdatePrompt;
use crate::ui::components::secure_context_notice::SecureContextNotice;
use crate::ui::i18n::I18n;
use crate::ui::route::follow_workbench_hash;
use crate::ui::state::Store;

/// The trainer's open cohort: set when the passphrase opens it, gone when it is locked (by the
/// button, or after a while without a touch). Nothing of it outlives the page.
#[derive(Clone, Copy)]
pub struct Session {
    /// Trainer mode is open (its passphrase was entered in this visit).
    pub unlocked: RwSignal<bool>,
    /// The key of the encrypted cohort while it is open: in memory only.
    pub key: StoredValue<Option<Key>>,
    /// The cohort, decrypted, while it is open (`None` otherwise).
    pub cohort: RwSignal<Option<Snapshot>>,
    /// The trainer's roster, opened with the cohort (`None`: none loaded).
    pub roster: RwSignal<Option<Roster>>,
    /// The stored roster could not be read with this key or by this build (it stays stored, and
    /// is set aside if another roster is loaded).
    pub roster_unreadable: RwSignal<bool>,
}

impl Session {
    fn provide() -> Session {
        let session = Session {
            unlocked: RwSignal::new(false),
            key: StoredValue::new(None),
            cohort: RwSignal::new(None),
            roster: RwSignal::new(None),
            roster_unreadable: RwSignal::new(false),
        };
        provide_context(session);
        session
    }

    /// Opens the cohort with its key, and its roster after it.
    pub fn open(&self, key: Key, cohort: Snapshot) {
        self.key.set_value(Some(key.clone()));
        self.cohort.set(Some(cohort));
        self.unlocked.set(true);
        let (roster, unreadable) = (self.roster, self.roster_unreadable);
        leptos::task::spawn_local(async move {
            match storage::cohort::load_roster(&key).await {
                Ok(r) => roster.set(r),
                Err(_) => unreadable.set(true),
            }
        });
    }

    /// Closes the cohort: the key and the decrypted cohort leave memory.
    pub fn lock(&self) {
        self.unlocked.set(false);
        self.key.set_value(None);
        self.cohort.set(None);
        self.roster.set(None);
        self.roster_unreadable.set(false);
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

#[component]
pub fn Workbench() -> impl IntoView {
    let i18n = I18n::provide();
    // The site's own files (`public/packs/`) are one folder up.
    Store::provide("../");
    let session = Session::provide();
    let tab = follow_workbench_hash();
    keep_html_lang(i18n);
    on_idle(move || session.unlocked.get_untracked(), move || session.lock());

    view! {
        <SkipLink i18n=i18n/>
        <header class="topbar">
            <a class="brand" href=TrainerTab::Cohort.href()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Lentera · "{i18n.tr("Pelatih", "Trainer")}
            </a>
            <div class="topbar-end">
                <a class="topbar-link" href="../">{i18n.tr("Aplikasi pegawai", "Employee app")}</a>
                <LanguageSwitch/>
            </div>
        </header>
        <SecureContextNotice/>
        <UpdatePrompt/>
        <main id="main" tabindex="-1">
            {move || view! { <TrainerPage tab=tab.get()/> }}
        </main>
    }
}
