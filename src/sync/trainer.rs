//! The trainer's sync: the district's database pulled into the workbench's cohort (read only:
//! the trainer writes nothing to the server), with each person's last sync from their devices'
//! notes. Linked by the workbench only.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser;
use crate::domain::snapshot::Snapshot;
use crate::domain::sync::absorb::absorb;
use crate::domain::sync::address::SyncSetup;
use crate::domain::sync::doc::RecordDoc;
use crate::domain::sync::remote::{ErrorKind, SyncError};
use crate::domain::sync::replicate::{sync, Local, Server, SyncProgress, SyncReport, SyncState};
use crate::domain::sync::status::SyncStatus;
use crate::storage::idb;
use crate::ui::workbench::Cohort;

use super::account::signed_in_as;
use super::fetch::FetchRemote;

/// Where the workbench keeps its sync setup (IndexedDB: a district's state outgrows
/// localStorage).
const SETUP_KEY: &str = "sync.workbench";

/// Documents per batch: a trainer's first sync reads a whole district, and every batch saves
/// the sealed cohort once.
pub const TRAINER_BATCH: usize = 5000;

pub async fn load_setup() -> Option<SyncSetup> {
    let text = idb::get(SETUP_KEY).await.ok().flatten()?;
    crate::domain::json::from_str(&text).ok()
}

pub async fn save_setup(setup: &SyncSetup) -> Result<(), SyncError> {
    let text = serde_json::to_string(setup).map_err(|e| SyncError::new(ErrorKind::LocalSave, e.to_string()))?;
    idb::put(SETUP_KEY, &text)
        .await
        .map_err(|e| SyncError::new(ErrorKind::LocalSave, format!("{e:?}")))
}

pub async fn forget_setup() {
    let _ = idb::delete(SETUP_KEY).await;
}

struct TrainerReplica {
    cohort: Cohort,
    /// The cohort with what this run took in (saved at every batch's end).
    snapshot: Snapshot,
    setup: SyncSetup,
    progress: RwSignal<Option<SyncProgress>>,
}

impl Local for TrainerReplica {
    fn docs(&self) -> Vec<RecordDoc> {
        Vec::new()
    }

    async fn absorb(&mut self, docs: &[RecordDoc]) -> Result<BTreeSet<String>, SyncError> {
        // Onto the cohort as shown now (an import made meanwhile stays), through the same
        // authority as the workbench's file import: no other signing key for a known profile,
        // no erased person brought back, no records under another person's ids.
        let base = self
            .cohort
            .snapshot
            .get_untracked()
            .ok_or_else(|| SyncError::new(ErrorKind::LocalSave, "the cohort is not open"))?;
        let a = absorb(&base, docs, &BTreeSet::new(), browser::now());
        self.snapshot = a.snapshot;
        Ok(a.taken)
    }

    async fn save_state(&mut self, state: &SyncState) -> Result<(), SyncError> {
        // The records first, then the checkpoint that says they are here.
        if !self.cohort.save(self.snapshot.clone()).await {
            return Err(SyncError::new(ErrorKind::LocalSave, "the cohort was not saved"));
        }
        self.setup.state = state.clone();
        save_setup(&self.setup).await
    }

    fn progress(&mut self, p: SyncProgress) {
        self.progress.set(Some(p));
    }

    /// Notes whose NIP is their person's (as the cohort knows it) and not dated ahead.
    fn statuses(&mut self, seen: Vec<SyncStatus>) {
        let latest = browser::now() + chrono::Duration::days(1);
        let trusted: Vec<SyncStatus> = seen
            .into_iter()
            .filter(|s| {
                s.at <= latest
                    && self
                        .snapshot
                        .employees
                        .get_any(&s.owner)
                        .and_then(|r| r.content())
                        .is_some_and(|e| e.nip.to_string() == s.nip)
            })
            .collect();
        self.setup.note_seen(&trusted);
    }
}

/// Pulls the district into the cohort now; the setup (with each person's last sync) is saved.
pub async fn pull_district(
    cohort: Cohort,
    progress: RwSignal<Option<SyncProgress>>,
) -> Result<(SyncReport, SyncSetup), SyncError> {
    let setup = load_setup()
        .await
        .ok_or_else(|| SyncError::new(ErrorKind::SignedOut, "sync is not set up in the workbench"))?;
    match signed_in_as(&setup.address.server).await? {
        Some(name) if name == setup.account => {}
        _ => {
            return Err(SyncError::new(
                ErrorKind::SignedOut,
                "the server's session is not this trainer's",
            ))
        }
    }
    let db = setup.address.district_db();
    let remote = FetchRemote { base: db.clone() };
    let server = Server {
        remote: &remote,
        name: &db,
        writable: false,
    };
    let mut state = setup.state.clone();
    let open = cohort
        .snapshot
        .get_untracked()
        .ok_or_else(|| SyncError::new(ErrorKind::LocalSave, "the cohort is not open yet"))?;
    let mut replica = TrainerReplica {
        cohort,
        snapshot: open,
        setup,
        progress,
    };
    let device = crate::storage::prefs::device_id(browser::new_id);
    let report = sync(&server, &device, &mut replica, &mut state, TRAINER_BATCH).await?;
    let mut setup = replica.setup;
    setup.state = state;
    setup.last_synced = Some(browser::now());
    save_setup(&setup).await?;
    Ok((report, setup))
}
