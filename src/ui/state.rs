//! The app's state: the snapshot (everyone's records), the content packs and the catalog
//! built from them, the save status, and who is signed in on this tablet.
//!
//! Every change goes through `Store::change`: the domain edits a copy, storage saves it, and only
//! a successful save replaces what the screens show. A failed save (full storage) leaves the
//! previous state in place and says so.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::{add_pack, Catalog, PackChange};
use crate::domain::first_screen::FirstScreen;
use crate::domain::jpm_choice::JpmChoice;
use crate::domain::json;
use crate::domain::lang::Text;
use crate::domain::model::employee::Employee;
use crate::domain::model::lock::ProfileLock;
use crate::domain::model::pack::ContentPack;
use crate::domain::record::{DeviceId, Id, Record};
use crate::domain::rules::profile::{employee_records, profile, EmployeeProfile};
use crate::domain::snapshot::merge::merge;
use crate::domain::snapshot::stored::Stamp;
use crate::domain::snapshot::Snapshot;
use crate::storage::{self, data::Recovery, WriteError};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing saved in this visit yet.
    Idle,
    /// Written to the browser's storage; waiting for the durable copy to reach the disk.
    Saving,
    Saved(DateTime<Utc>),
    Failed(WriteError),
}

#[derive(Clone, Copy)]
pub struct Store {
    /// The device's data as last saved: screens read it; every write goes through `change`
    /// (saved first, shown after), so nothing unsaved is ever on screen.
    pub snapshot: ReadSignal<Snapshot>,
    /// The writer behind `snapshot`, used only by the save paths below.
    shown: WriteSignal<Snapshot>,
    pub packs: RwSignal<Vec<ContentPack>>,
    /// How JPM is computed on this device (the settings screen); under the packs' rules.
    pub jpm_choice: RwSignal<JpmChoice>,
    pub catalog: Memo<Catalog>,
    /// Who is on this device, as the profile picker shows it (`domain::first_screen`): the
    /// picker draws it, and it is kept for the first screen of the next start.
    pub first_screen: Memo<FirstScreen>,
    pub save_state: RwSignal<SaveState>,
    pub recovery: RwSignal<Option<Recovery>>,
    /// The profile unlocked on this tablet, if any.
    pub session: RwSignal<Option<Id>>,
    /// Saves that reached the disk in this visit (lets tests and the status line tell one save
    /// from the next).
    pub saved_count: RwSignal<u32>,
    /// Whether the browser agreed to keep this site's storage under pressure (`None`: unknown).
    pub persistent: RwSignal<Option<bool>>,
    /// A problem with the packs (default pack unreadable), shown once.
    pub pack_problem: RwSignal<Option<Vec<Text>>>,
    /// The stored value this tab last read or wrote.
    known: StoredValue<Stamp>,
    /// Counts this tab's saves, so only the latest one's durable write says "saved".
    saves: StoredValue<u64>,
    device: StoredValue<DeviceId>,
}

impl Store {
    /// The device's data and packs, for either app. `site_root` is where the site's own files
    /// (`public/`) are relative to the page: `""` for the learner app, `"../"` for the workbench
    /// in `pelatih/`.
    pub fn provide(site_root: &'static str) -> Store {
        let loaded = storage::data::load();
        let packs = RwSignal::new(storage::packs::load());
        let (snapshot, shown) = signal(loaded.snapshot);
        let jpm_choice = RwSignal::new(storage::prefs::jpm_choice());
        let catalog = Memo::new(move |_| {
            jpm_choice
                .with(|choice| packs.with(|p| Catalog::with_choice_and_packs(choice, p.iter()).unwrap_or_default()))
        });
        let store = Store {
            snapshot,
            shown,
            packs,
            jpm_choice,
            catalog,
            first_screen: Memo::new(move |_| snapshot.with(|s| catalog.with(|c| FirstScreen::of(s, &c.rules)))),
            save_state: RwSignal::new(SaveState::Idle),
            recovery: RwSignal::new(loaded.recovery),
            session: RwSignal::new(None),
            persistent: RwSignal::new(None),
            saved_count: RwSignal::new(0),
            pack_problem: RwSignal::new(None),
            known: StoredValue::new(loaded.stamp),
            saves: StoredValue::new(0),
            device: StoredValue::new(storage::prefs::device_id(browser::new_id)),
        };
        provide_context(store);
        store.follow_other_tabs();
        store.keep_first_screen();
        store.fetch_site_packs(site_root);
        if !store.read_only() {
            store.recover_from_mirror();
        }
        let persistent = store.persistent;
        leptos::task::spawn_local(async move {
            persistent.set(crate::ui::components::offline_status::request_persistence().await);
        });
        store
    }

    /// Keeps `choice` as this device's JPM settings; the screens follow once it is stored.
    pub fn choose_jpm(&self, choice: JpmChoice) -> Result<(), Text> {
        storage::prefs::save_jpm_choice(&choice).map_err(|e| match e {
            WriteError::Quota => Text::new(
                "Penyimpanan perangkat penuh: pengaturan tidak tersimpan.",
                "The device's storage is full: the setting was not saved.",
            ),
            _ => Text::new(
                "Pengaturan tidak dapat disimpan di perangkat ini.",
                "The setting could not be saved on this device.",
            ),
        })?;
        self.jpm_choice.set(choice);
        Ok(())
    }

    pub fn device(&self) -> DeviceId {
        self.device.get_value()
    }

    pub fn read_only(&self) -> bool {
        matches!(
            self.recovery.get_untracked(),
            Some(Recovery::NewerVersion | Recovery::NoRoomToSetAside)
        )
    }

    /// Applies `edit` to a copy of the snapshot and saves it; the screens change only if the
    /// save succeeded. Returns whether it did.
    pub fn change(&self, edit: impl FnOnce(&mut Snapshot, &DeviceId, DateTime<Utc>)) -> bool {
        self.save_change(edit, false)
    }

    /// A domain command that may refuse: applied to what is stored now (like `change`); a
    /// refusal saves nothing and is returned. `Ok(false)` when the save itself failed.
    pub fn try_change<E>(
        &self,
        command: impl FnOnce(&mut Snapshot, &DeviceId, DateTime<Utc>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let refusal = std::cell::RefCell::new(None);
        let saved = self.save_change_if(
            |s, dev, now| match command(s, dev, now) {
                Ok(()) => true,
                Err(e) => {
                    *refusal.borrow_mut() = Some(e);
                    false
                }
            },
            false,
        );
        match refusal.into_inner() {
            Some(e) => Err(e),
            None => Ok(saved),
        }
    }

    /// Erases a person from this device (their own act, unlocked): every record of theirs
    /// becomes a deletion without data, their PIN goes, and no earlier copy on the device keeps
    /// their data (the backup is overwritten too; the durable copy merges the deletions).
    pub fn erase_person(&self, id: &Id) -> bool {
        let who = id.clone();
        let ok = self.save_change(move |s, dev, now| s.erase_person(&who, dev, now), true);
        if ok {
            storage::prefs::set_attempts(id.as_str(), Default::default());
            self.session.set(None);
        }
        ok
    }

    /// A change that deletes something: like `change`, and the previous copy on the device
    /// is overwritten too, so the deleted data does not linger in the backup.
    pub fn change_deleting(&self, edit: impl FnOnce(&mut Snapshot, &DeviceId, DateTime<Utc>)) -> bool {
        self.save_change(edit, true)
    }

    fn save_change(&self, edit: impl FnOnce(&mut Snapshot, &DeviceId, DateTime<Utc>), scrub: bool) -> bool {
        self.save_change_if(
            |s, dev, now| {
                edit(s, dev, now);
                true
            },
            scrub,
        )
    }

    /// `edit` returns whether to save at all.
    fn save_change_if(&self, edit: impl FnOnce(&mut Snapshot, &DeviceId, DateTime<Utc>) -> bool, scrub: bool) -> bool {
        if self.read_only() {
            return false;
        }
        // The edit applies to what is stored now: another tab may have saved (a PIN set, a
        // person erased) since this tab last read, and the edit must be decided against that.
        let mut next = self.snapshot.get_untracked();
        if let Some((seen, theirs)) = storage::data::changed_since(self.known.get_value()) {
            next = merge(&next, &theirs).0;
            self.known.set_value(seen);
        }
        if !edit(&mut next, &self.device(), browser::now()) {
            return false;
        }
        match storage::data::save(&next, self.known.get_value(), scrub) {
            Ok(saved) => {
                self.known.set_value(saved.stamp);
                let shown = saved.merged.unwrap_or(next);
                self.shown.set(shown.clone());
                self.save_state.set(SaveState::Saving);
                self.saves.update_value(|n| *n += 1);
                self.mirror(shown, saved.stamp);
                true
            }
            Err(e) => {
                self.save_state.set(SaveState::Failed(e));
                false
            }
        }
    }

    /// Replaces the snapshot with an already merged one (import) and saves it.
    pub fn replace(&self, merged: Snapshot) -> bool {
        self.change(move |s, _, _| *s = merged)
    }

    /// A new employee record (and their PIN on this device, if chosen), saved. Returns its id.
    pub fn add_employee(&self, employee: Employee, lock: Option<ProfileLock>) -> Option<Id> {
        let id = browser::new_id();
        let rid = id.clone();
        self.change(move |s, dev, now| {
            if let Some(lock) = lock {
                s.set_lock(&rid, lock, dev, now);
            }
            s.employees.upsert(Record::create(rid, dev, now, employee))
        })
        .then_some(id)
    }

    /// Keeps `pack` on this device (checked; a newer edition archives dropped modules).
    pub fn add_pack(&self, pack: ContentPack) -> Result<PackChange, Vec<Text>> {
        let (packs, change) = add_pack(&self.packs.get_untracked(), pack)?;
        if change != PackChange::Unchanged {
            storage::packs::save(&packs).map_err(|_| {
                vec![Text::new(
                    "Penyimpanan perangkat penuh: paket tidak dapat disimpan.",
                    "Device storage is full: the pack could not be stored.",
                )]
            })?;
            self.packs.set(packs);
        }
        Ok(change)
    }

    /// Writes the durable copy; says "saved" once the latest save has reached the disk.
    fn mirror(self, snapshot: Snapshot, stamp: Stamp) {
        let state = self.save_state;
        let saves = self.saves;
        let this_save = saves.get_value();
        let count = self.saved_count;
        leptos::task::spawn_local(async move {
            // Without IndexedDB (some private modes) localStorage is all there is: still saved.
            let _ = storage::data::mirror(snapshot, stamp.0).await;
            if saves.get_value() == this_save && state.get_untracked() == SaveState::Saving {
                state.set(SaveState::Saved(browser::now()));
                count.update(|n| *n += 1);
            }
        });
    }

    /// Merges the durable copy into what localStorage held (the browser may have been killed
    /// before localStorage reached the disk) and saves the result if it adds anything.
    fn recover_from_mirror(self) {
        leptos::task::spawn_local(async move {
            if let Some(mirrored) = storage::data::read_mirror().await {
                let current = self.snapshot.get_untracked();
                let merged = merge(&current, &mirrored).0;
                if merged != current {
                    self.replace(merged);
                }
            }
        });
    }

    /// Keeps the first screen's summary (`domain::first_screen`) true to the profiles and
    /// rules shown now, for the next start of the app.
    fn keep_first_screen(self) {
        let summary = self.first_screen;
        Effect::new(move |_| summary.with(storage::first_screen::save));
    }

    /// Picks up saves made by another tab (the `storage` event fires only in other tabs).
    fn follow_other_tabs(self) {
        let key = storage::data::main_key();
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() != Some(key.as_str()) {
                return;
            }
            if let Some((seen, theirs)) = storage::data::changed_since(self.known.get_value()) {
                let merged = merge(&self.snapshot.get_untracked(), &theirs).0;
                self.known.set_value(seen);
                if merged == theirs {
                    self.shown.set(merged);
                } else {
                    // That tab saved over something of ours it had not seen yet: write it back.
                    self.shown.set(merged.clone());
                    self.replace(merged);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Loads the packs the site offers: those listed in `public/packs/index.json` (a trainer
    /// may add their own there), else the default pack. Each is kept on the device for offline
    /// use; offline, the kept copies are used.
    fn fetch_site_packs(self, site_root: &'static str) {
        leptos::task::spawn_local(async move {
            let names = match fetch_text(&format!("{site_root}public/packs/index.json")).await {
                Some(t) => match json::from_str::<PackIndex>(&t) {
                    Ok(i) => i.packs,
                    Err(e) => {
                        self.pack_problem.set(Some(vec![Text::new(
                            format!("Daftar paket (packs/index.json) tidak sah: {e}"),
                            format!("The pack list (packs/index.json) is invalid: {e}"),
                        )]));
                        return;
                    }
                },
                None => vec!["default.json".to_string()],
            };
            let mut problems = Vec::new();
            for name in names {
                // Only plain file names inside packs/: the list cannot point anywhere else.
                if name.contains('/') || name.contains('\\') || name.starts_with('.') {
                    continue;
                }
                let Some(text) = fetch_text(&format!("{site_root}public/packs/{name}")).await else {
                    continue;
                };
                let result = json::from_str::<ContentPack>(&text)
                    .map_err(|e| {
                        vec![Text::new(
                            format!("{name} tidak dapat dibaca: {e}"),
                            format!("{name} could not be read: {e}"),
                        )]
                    })
                    .and_then(|pack| self.add_pack(pack));
                if let Err(p) = result {
                    problems.extend(p);
                }
            }
            if !problems.is_empty() {
                self.pack_problem.set(Some(problems));
            }
        });
    }
}

/// `public/packs/index.json`: the pack files the site offers.
#[derive(serde::Deserialize)]
struct PackIndex {
    packs: Vec<String>,
}

impl Store {
    /// The competencies required for an employee's position, in code order (`None`: no such
    /// employee).
    pub fn required_competencies(&self, employee: &Id) -> Option<Vec<String>> {
        let position = self
            .snapshot
            .with_untracked(|s| s.employees.get(employee).map(|r| r.data().position.clone()))?;
        Some(
            self.catalog
                .with_untracked(|c| c.required_levels(&position).into_keys().collect()),
        )
    }

    /// Everything the rules say about one (live) employee, recomputed when their data changes.
    pub fn profile_of(&self, id: Id) -> Memo<Option<EmployeeProfile>> {
        let store = *self;
        Memo::new(move |_| {
            let today = browser::today();
            store.catalog.with(|cat| {
                store.snapshot.with(|s| {
                    let r = s.employees.get(&id).filter(|r| !r.is_deleted())?;
                    Some(profile(r, &employee_records(s, &id), cat, today))
                })
            })
        })
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// GETs a same-origin relative URL as text; `None` when offline or not found.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let resp = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}
