//! Trainer mode: a cohort built from many employees' exports, kept apart from the profiles of
//! this device and behind its own PIN (a shared tablet's learners must not browse everyone's
//! records).

mod cohort;
mod import;
mod talent;

use leptos::prelude::*;

use crate::browser;
use crate::domain::lang::Text;
use crate::domain::pin::{check_pin, hash_pin, needs_rehash, PinHash};
use crate::domain::rules::profile::{profiles, EmployeeProfile};
use crate::domain::snapshot::Snapshot;
use crate::storage::{
    self,
    cohort::{CohortLoad, Gate},
};
use crate::ui::components::typed_confirm::TypedConfirm;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{Route, TrainerTab};
use crate::ui::state::use_store;

/// The cohort and what the rules say about it, shared by the trainer screens.
#[derive(Clone, Copy)]
pub struct Cohort {
    /// `None` while loading from IndexedDB.
    pub snapshot: RwSignal<Option<Snapshot>>,
    pub profiles: Memo<Vec<EmployeeProfile>>,
    pub problem: RwSignal<Option<Text>>,
}

impl Cohort {
    fn provide() -> Cohort {
        if let Some(c) = use_context::<Cohort>() {
            return c;
        }
        let store = use_store();
        let snapshot = RwSignal::new(None::<Snapshot>);
        let problem = RwSignal::new(None);
        let profiles = Memo::new(move |_| {
            let today = browser::today();
            store
                .catalog
                .with(|cat| snapshot.with(|s| s.as_ref().map(|s| profiles(s, cat, today)).unwrap_or_default()))
        });
        leptos::task::spawn_local(async move {
            match storage::cohort::load().await {
                Ok(CohortLoad::Loaded(s)) => snapshot.set(Some(s)),
                Ok(CohortLoad::Empty) => snapshot.set(Some(Snapshot::default())),
                Ok(CohortLoad::Unreadable) => problem.set(Some(Text::new(
                    "Data kohort tersimpan tidak dapat dibaca (rusak atau dari versi Lentera yang lebih baru). Data itu tidak ditimpa; impor ulang ekspor pegawai untuk membangun kohort.",
                    "The stored cohort could not be read (damaged or from a newer Lentera). It is not overwritten; import the employees' exports again to rebuild the cohort.",
                ))),
                Err(e) => problem.set(Some(Text::new(
                    format!("Penyimpanan kohort (IndexedDB) tidak tersedia: {e}"),
                    format!("Cohort storage (IndexedDB) is unavailable: {e}"),
                ))),
            }
        });
        let c = Cohort {
            snapshot,
            profiles,
            problem,
        };
        // Trainer screens come and go; the cohort stays loaded for the visit.
        provide_context(c);
        c
    }

    /// Saves `next` and shows it only once IndexedDB committed it.
    pub async fn save(self, next: Snapshot) -> bool {
        match storage::cohort::save(&next).await {
            Ok(()) => {
                self.snapshot.set(Some(next));
                true
            }
            Err(e) => {
                self.problem.set(Some(Text::new(
                    format!("Kohort tidak tersimpan: {e}"),
                    format!("The cohort was not saved: {e}"),
                )));
                false
            }
        }
    }
}

#[component]
pub fn TrainerPage(tab: TrainerTab) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        if !store.trainer_unlocked.get() {
            return view! { <TrainerGate/> }.into_any();
        }
        let cohort = Cohort::provide();
        let link = move |t: TrainerTab, id: &'static str, en: &'static str| {
            view! { <a href=Route::Trainer(t).href() aria-current=move || (tab == t).then_some("page")>{i18n.tr(id, en)}</a> }
        };
        let body = match tab {
            TrainerTab::Cohort => view! { <cohort::CohortView cohort=cohort/> }.into_any(),
            TrainerTab::Talent => view! { <talent::TalentView cohort=cohort/> }.into_any(),
            TrainerTab::Import => view! { <import::ImportView cohort=cohort/> }.into_any(),
        };
        view! {
            <nav class="profile-nav" aria-label=i18n.tr("Mode pelatih", "Trainer mode")>
                {link(TrainerTab::Cohort, "Kohort", "Cohort")}
                {link(TrainerTab::Talent, "Talenta dan promosi", "Talent and promotion")}
                {link(TrainerTab::Import, "Impor dan paket", "Import and packs")}
                <button type="button" class="button-quiet" on:click=move |_| store.trainer_unlocked.set(false)>{i18n.tr("Kunci mode pelatih", "Lock trainer mode")}</button>
            </nav>
            {move || cohort.problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{i18n.text(&p)}</p> })}
            {body}
        }
        .into_any()
    }
}

/// A labelled PIN input bound to `value`, described by the gate's error line.
fn pin_field(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                prop:value=value on:input=move |e| value.set(event_target_value(&e)) aria-describedby="t-err"/>
        </div>
    }
}

/// First use: choose a trainer PIN (only while no cohort is stored). Later: enter it, with the
/// same wrong-PIN waits as profiles.
#[component]
fn TrainerGate() -> impl IntoView {
    let i18n = use_i18n();
    // Plain spawn + signal rather than a resource: one less async machinery in the download.
    let gate = RwSignal::new(None::<Result<Gate, String>>);
    leptos::task::spawn_local(async move {
        gate.set(Some(storage::cohort::gate(storage::prefs::legacy_trainer_pin()).await));
    });
    move || {
        match gate.get() {
        None => view! { <section class="page narrow"><p>{i18n.tr("Memuat…", "Loading…")}</p></section> }.into_any(),
        Some(Err(e)) => view! {
            <section class="page narrow"><p class="notice notice-error" role="alert">
                {format!("{} {e}", i18n.t("Penyimpanan mode pelatih (IndexedDB) tidak tersedia:", "Trainer-mode storage (IndexedDB) is unavailable:"))}
            </p></section>
        }.into_any(),
        Some(Ok(Gate::Pin(h))) => view! { <EnterTrainerPin stored=h/> }.into_any(),
        Some(Ok(Gate::FirstUse)) => view! { <SetTrainerPin/> }.into_any(),
        Some(Ok(Gate::Orphaned)) => view! { <OrphanedCohort/> }.into_any(),
    }
    }
}

#[component]
fn EnterTrainerPin(stored: PinHash) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pin.get_untracked();
        let mut attempts = storage::prefs::attempts(storage::prefs::TRAINER_GATE);
        let result = attempts.attempt(&p, &stored, js_sys::Date::now());
        storage::prefs::set_attempts(storage::prefs::TRAINER_GATE, attempts);
        match result {
            Ok(()) => {
                let stored = stored.clone();
                leptos::task::spawn_local(async move {
                    // A PIN kept by an older build, or with fewer rounds, moves into the
                    // cohort's store with a current hash.
                    let fresh = if needs_rehash(&stored) {
                        hash_pin(&p, browser::random_bytes())
                    } else {
                        stored
                    };
                    if storage::cohort::set_pin(&fresh).await.is_ok() {
                        storage::prefs::forget_legacy_trainer_pin();
                    }
                    store.trainer_unlocked.set(true);
                });
            }
            Err(r) => {
                pin.set(String::new());
                error.set(Some(r.text()));
            }
        }
    };
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Mode pelatih", "Trainer mode")}</h1>
            <p>{i18n.tr("Masukkan PIN pelatih.", "Enter the trainer PIN.")}</p>
            <form class="form" on:submit=submit>
                {pin_field("t-pin", i18n.tr("PIN pelatih", "Trainer PIN"), pin)}
                <p class="field-error" id="t-err" role="alert" data-testid="trainer-error">{move || error.get().map(|e| i18n.text(&e))}</p>
                <p class="actions"><button type="submit" class="button">{i18n.tr("Buka", "Open")}</button></p>
            </form>
        </section>
    }
}

#[component]
fn SetTrainerPin() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let pin = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pin.get_untracked();
        if let Err(e) = check_pin(&p) {
            error.set(Some(e));
            return;
        }
        if p != pin2.get_untracked() {
            error.set(Some(Text::new("Kedua PIN tidak sama.", "The two PINs differ.")));
            return;
        }
        leptos::task::spawn_local(async move {
            // Checked again at the moment of writing: a cohort stored meanwhile (another tab)
            // must not get a new PIN set over it.
            match storage::cohort::gate(storage::prefs::legacy_trainer_pin()).await {
                Ok(Gate::FirstUse) => {}
                _ => {
                    error.set(Some(Text::new(
                        "Mode pelatih di perangkat ini sudah punya data; PIN baru tidak dapat dibuat. Muat ulang halaman.",
                        "Trainer mode on this device already holds data; a new PIN cannot be set. Reload the page.",
                    )));
                    return;
                }
            }
            match storage::cohort::set_pin(&hash_pin(&p, browser::random_bytes())).await {
                Ok(()) => store.trainer_unlocked.set(true),
                Err(_) => error.set(Some(Text::new(
                    "PIN tidak dapat disimpan.",
                    "The PIN could not be stored.",
                ))),
            }
        });
    };
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Mode pelatih", "Trainer mode")}</h1>
            <p>{i18n.tr("Untuk pengelola kepegawaian dan widyaiswara: gabungkan ekspor banyak pegawai, lihat kohort, dan buat laporan. Buat PIN pelatih agar peserta yang memakai perangkat ini tidak dapat membukanya.", "For HR officers and trainers: merge many employees' exports, see the cohort and make reports. Choose a trainer PIN so learners using this device cannot open it.")}</p>
            <form class="form" on:submit=submit>
                {pin_field("t-pin", i18n.tr("PIN pelatih", "Trainer PIN"), pin)}
                {pin_field("t-pin2", i18n.tr("Ulangi PIN pelatih", "Repeat the trainer PIN"), pin2)}
                <p class="field-error" id="t-err" role="alert" data-testid="trainer-error">{move || error.get().map(|e| i18n.text(&e))}</p>
                <p class="actions"><button type="submit" class="button">{i18n.tr("Buat PIN dan buka", "Set PIN and open")}</button></p>
            </form>
        </section>
    }
}

/// A cohort is stored but its PIN is missing: no new PIN over it. The only way on is to delete
/// that cohort, deliberately (its data is not shown to whoever is at the device).
#[component]
fn OrphanedCohort() -> impl IntoView {
    let i18n = use_i18n();
    let done = RwSignal::new(false);
    let delete = Callback::new(move |_| {
        leptos::task::spawn_local(async move {
            if storage::cohort::delete_all().await.is_ok() {
                done.set(true);
                let _ = window().location().reload();
            }
        });
    });
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Mode pelatih", "Trainer mode")}</h1>
            <p class="notice notice-warn" role="alert" data-testid="trainer-orphaned">{i18n.tr(
                "Perangkat ini menyimpan data kohort, tetapi PIN pelatihnya hilang. Demi keamanan data pegawai, PIN baru tidak dapat dibuat di atas kohort itu.",
                "This device holds a cohort, but its trainer PIN is missing. To protect the employees' data, a new PIN cannot be set over that cohort.",
            )}</p>
            <p>{i18n.tr(
                "Pelatih yang memiliki ekspor asli dapat menghapus kohort tersimpan lalu memulai lagi dan mengimpor ulang berkasnya. Ketik HAPUS untuk menghapus kohort di perangkat ini.",
                "A trainer who has the original exports can delete the stored cohort, start again and import the files again. Type DELETE to delete the cohort on this device.",
            )}</p>
            <TypedConfirm field="t-del" button=("Hapus kohort tersimpan", "Delete the stored cohort") on_confirm=delete/>
            <Show when=move || done.get()><p role="status">{i18n.tr("Dihapus.", "Deleted.")}</p></Show>
        </section>
    }
}
