//! Trainer mode: a cohort built from many employees' exports, kept apart from the profiles of
//! this device and behind its own PIN (a shared tablet's learners must not browse everyone's
//! records).

mod cohort;
mod import;
mod talent;

use leptos::prelude::*;

use crate::browser;
use crate::domain::lang::Text;
use crate::domain::pin::{check_pin, hash_pin, verify_pin};
use crate::domain::rules::profile::{profiles, EmployeeProfile};
use crate::domain::snapshot::Snapshot;
use crate::storage::{self, cohort::CohortLoad};
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

/// First use: choose a trainer PIN. Later: enter it.
#[component]
fn TrainerGate() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let stored = storage::prefs::trainer_pin();
    let first = stored.is_none();
    let pin = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pin.get_untracked();
        match &stored {
            Some(h) => {
                if verify_pin(&p, h) {
                    store.trainer_unlocked.set(true);
                } else {
                    pin.set(String::new());
                    error.set(Some(Text::new("PIN salah.", "Wrong PIN.")));
                }
            }
            None => {
                if let Err(e) = check_pin(&p) {
                    error.set(Some(e));
                } else if p != pin2.get_untracked() {
                    error.set(Some(Text::new("Kedua PIN tidak sama.", "The two PINs differ.")));
                } else if storage::prefs::set_trainer_pin(&hash_pin(&p, browser::random_bytes())).is_ok() {
                    store.trainer_unlocked.set(true);
                } else {
                    error.set(Some(Text::new(
                        "PIN tidak dapat disimpan.",
                        "The PIN could not be stored.",
                    )));
                }
            }
        }
    };
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Mode pelatih", "Trainer mode")}</h1>
            <p>{move || if first {
                i18n.t("Untuk pengelola kepegawaian dan widyaiswara: gabungkan ekspor banyak pegawai, lihat kohort, dan buat laporan. Buat PIN pelatih agar peserta yang memakai perangkat ini tidak dapat membukanya.", "For HR officers and trainers: merge many employees' exports, see the cohort and make reports. Choose a trainer PIN so learners using this device cannot open it.")
            } else {
                i18n.t("Masukkan PIN pelatih.", "Enter the trainer PIN.")
            }}</p>
            <form class="form" on:submit=submit>
                <div class="field">
                    <label for="t-pin">{i18n.tr("PIN pelatih", "Trainer PIN")}</label>
                    <input id="t-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6" prop:value=pin on:input=move |e| pin.set(event_target_value(&e)) aria-describedby="t-err"/>
                </div>
                <Show when=move || first>
                    <div class="field">
                        <label for="t-pin2">{i18n.tr("Ulangi PIN pelatih", "Repeat the trainer PIN")}</label>
                        <input id="t-pin2" type="password" inputmode="numeric" autocomplete="off" maxlength="6" prop:value=pin2 on:input=move |e| pin2.set(event_target_value(&e)) aria-describedby="t-err"/>
                    </div>
                </Show>
                <p class="field-error" id="t-err" role="alert" data-testid="trainer-error">{move || error.get().map(|e| i18n.text(&e))}</p>
                <p class="actions"><button type="submit" class="button">{move || if first { i18n.t("Buat PIN dan buka", "Set PIN and open") } else { i18n.t("Buka", "Open") }}</button></p>
            </form>
        </section>
    }
}
