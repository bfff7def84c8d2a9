//! A learner's sync: their own records (their profile and everything it owns) with their own
//! database on the district's server, pulled into this device through the device's authority
//! and pushed from it.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::browser;
use crate::domain::record::Id;
use crate::domain::sync::absorb::absorb;
use crate::domain::sync::address::{SyncAddress, SyncSetup};
use crate::domain::sync::doc::{docs_of, RecordDoc};
use crate::domain::sync::remote::{ErrorKind, SyncError};
use crate::domain::sync::replicate::{sync, Local, Server, SyncProgress, SyncReport, SyncState, BATCH};
use crate::domain::sync::status::SyncStatus;
use crate::storage;
use crate::ui::state::Store;

use super::account::signed_in_as;
use super::fetch::FetchRemote;

struct LearnerReplica {
    store: Store,
    employee: Id,
    setup: SyncSetup,
    /// Where the setup is kept after each batch (`None` while fetching a profile whose id on
    /// this device is not known yet: kept once it is).
    keep_as: Option<Id>,
    progress: RwSignal<Option<SyncProgress>>,
}

fn local_save(e: impl std::fmt::Debug) -> SyncError {
    SyncError::new(ErrorKind::LocalSave, format!("{e:?}"))
}

impl Local for LearnerReplica {
    fn docs(&self) -> Vec<RecordDoc> {
        let people = BTreeMap::from([(self.employee.clone(), self.setup.account.clone())]);
        self.store.snapshot.with_untracked(|s| docs_of(s, &people))
    }

    async fn absorb(&mut self, docs: &[RecordDoc]) -> Result<BTreeSet<String>, SyncError> {
        if docs.is_empty() {
            return Ok(BTreeSet::new());
        }
        // The profile open now is the one authorised (a sync runs only for the open profile).
        let authorised: BTreeSet<Id> = self.store.session.get_untracked().into_iter().collect();
        let mut taken = BTreeSet::new();
        let saved = self.store.change(|s, _, now| {
            let a = absorb(s, docs, &authorised, now);
            *s = a.snapshot;
            taken = a.taken;
        });
        if saved {
            Ok(taken)
        } else {
            Err(local_save("the snapshot was not saved"))
        }
    }

    async fn save_state(&mut self, state: &SyncState) -> Result<(), SyncError> {
        self.setup.state = state.clone();
        match &self.keep_as {
            Some(id) => storage::sync::save(id.as_str(), &self.setup).map_err(local_save),
            None => Ok(()),
        }
    }

    fn progress(&mut self, p: SyncProgress) {
        self.progress.set(Some(p));
    }

    /// "This device synced now", for the trainer; not while fetching a profile (it is not
    /// known here yet).
    fn status(&self) -> Option<SyncStatus> {
        self.keep_as.as_ref().map(|owner| SyncStatus {
            owner: owner.clone(),
            nip: self.setup.account.clone(),
            device: self.store.device(),
            at: browser::now(),
        })
    }
}

/// Syncs `employee`'s records now. The server's session must be theirs (else `SignedOut`: the
/// screen asks for the password). Returns what the run did; the setup's state and time of the
/// last sync are saved.
pub async fn sync_person(
    store: Store,
    employee: Id,
    progress: RwSignal<Option<SyncProgress>>,
) -> Result<SyncReport, SyncError> {
    let setup = storage::sync::load(employee.as_str())
        .ok_or_else(|| SyncError::new(ErrorKind::SignedOut, "sync is not set up for this profile"))?;
    let (report, setup) = run(store, employee.clone(), setup, Some(employee.clone()), progress).await?;
    storage::sync::save(employee.as_str(), &setup).map_err(local_save)?;
    Ok(report)
}

/// Brings a person's profile and records from their database onto this device (a tablet they
/// have not used yet), after they signed in. Returns the profile's id here; sync is then set
/// up for it.
pub async fn fetch_profile(
    store: Store,
    address: SyncAddress,
    nip: String,
    progress: RwSignal<Option<SyncProgress>>,
) -> Result<Id, SyncError> {
    // Nothing of theirs is here yet to send: the run only receives.
    let nobody = Id::derived(&["sync-fetch", &nip]);
    let setup = SyncSetup::new(address, nip.clone());
    let (_, setup) = run(store, nobody, setup, None, progress).await?;
    let found = store.snapshot.with_untracked(|s| {
        s.employees
            .records()
            .find(|r| r.data().nip.to_string() == nip)
            .map(|r| r.id.clone())
    });
    let id = found.ok_or_else(|| SyncError::new(ErrorKind::NoDatabase, "no profile with this NIP in the database"))?;
    storage::sync::save(id.as_str(), &setup).map_err(local_save)?;
    Ok(id)
}

async fn run(
    store: Store,
    employee: Id,
    setup: SyncSetup,
    keep_as: Option<Id>,
    progress: RwSignal<Option<SyncProgress>>,
) -> Result<(SyncReport, SyncSetup), SyncError> {
    match signed_in_as(&setup.address.server).await? {
        Some(name) if name == setup.account => {}
        _ => {
            return Err(SyncError::new(
                ErrorKind::SignedOut,
                "the server's session is not this profile's",
            ))
        }
    }
    let db = setup.address.person_db(&setup.account);
    let remote = FetchRemote { base: db.clone() };
    let server = Server {
        remote: &remote,
        name: &db,
        writable: true,
    };
    let mut state = setup.state.clone();
    let mut replica = LearnerReplica {
        store,
        employee,
        setup,
        keep_as,
        progress,
    };
    let report = sync(&server, &store.device(), &mut replica, &mut state, BATCH).await?;
    let mut setup = replica.setup;
    setup.state = state;
    setup.last_synced = Some(browser::now());
    Ok((report, setup))
}

/// The one sync of the open profile that may run at a time on this tablet (the sync screen and
/// the "back online" trigger share it), with what the screen shows of it.
#[derive(Clone, Copy)]
pub struct SyncRunner {
    pub running: RwSignal<bool>,
    pub progress: RwSignal<Option<SyncProgress>>,
    /// The last run's outcome, for the profile it ran for.
    pub last: RwSignal<Option<(Id, Result<SyncReport, SyncError>)>>,
}

impl SyncRunner {
    pub fn provide(store: Store) -> SyncRunner {
        let runner = SyncRunner {
            running: RwSignal::new(false),
            progress: RwSignal::new(None),
            last: RwSignal::new(None),
        };
        provide_context(runner);
        runner.sync_when_online(store);
        runner
    }

    /// Starts a sync of `employee` unless one is running.
    pub fn start(self, store: Store, employee: Id) {
        if self.running.get_untracked() {
            return;
        }
        self.running.set(true);
        self.progress.set(None);
        leptos::task::spawn_local(async move {
            let outcome = sync_person(store, employee.clone(), self.progress).await;
            self.last.set(Some((employee, outcome)));
            self.running.set(false);
        });
    }

    /// When the tablet comes back online, the open profile syncs if it has sync set up.
    fn sync_when_online(self, store: Store) {
        let Some(window) = web_sys::window() else { return };
        let on_online = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(open) = store.session.get_untracked() {
                if storage::sync::load(open.as_str()).is_some() {
                    self.start(store, open);
                }
            }
        });
        let _ =
            window.add_event_listener_with_callback("online", wasm_bindgen::JsCast::unchecked_ref(on_online.as_ref()));
        on_online.forget();
    }
}

pub fn use_sync_runner() -> SyncRunner {
    expect_context::<SyncRunner>()
}
