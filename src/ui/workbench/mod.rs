//! The trainer workbench (`pelatih/`, its own app): a cohort built from many employees'
//! exports, kept apart from the profiles of this device and behind its own passphrase (a shared
//! tablet's learners must not browse everyone's records). `app` is its shell; this module is
//! the gate and the tabs.

pub mod app;
mod author;
mod cohort;
mod device;
mod import;
mod person;
mod print;
mod questions;
mod roster;
mod sessions;
mod sync;
mod talent;

use leptos::prelude::*;

use crate::browser;
use crate::domain::envelope::check_passphrase;
use crate::domain::lang::Text;
use crate::domain::pin::PinHash;
use crate::domain::roster::Roster;
use crate::domain::rules::profile::{profiles, EmployeeProfile};
use crate::domain::snapshot::Snapshot;
use crate::route::TrainerTab;
use crate::storage::{
    self,
    cohort::{Gate, UnlockError},
};
use crate::ui::components::not_found::NotFoundPage;
use crate::ui::components::typed_confirm::TypedConfirm;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;
use app::use_session;

/// The cohort and what the rules say about it, shared by the trainer screens.
#[derive(Clone, Copy)]
pub struct Cohort {
    /// `None` while loading from IndexedDB.
    pub snapshot: RwSignal<Option<Snapshot>>,
    pub profiles: Memo<Vec<EmployeeProfile>>,
    pub problem: RwSignal<Option<Text>>,
    /// The trainer's roster (`Session::roster`).
    pub roster: RwSignal<Option<Roster>>,
    /// The cohort's key while trainer mode is open (`Session::key`).
    key: StoredValue<Option<crate::domain::envelope::Key>>,
}

impl Cohort {
    /// The open cohort (decrypted when trainer mode opened, `Session::cohort`) and its rules.
    fn provide() -> Cohort {
        // Made for each trainer screen: the cohort itself stays decrypted in the session while
        // trainer mode is open, so nothing is read again; signals of a closed trainer mode
        // are never reused.
        let store = use_store();
        let session = use_session();
        let snapshot = session.cohort;
        let problem = RwSignal::new(None);
        let profiles = Memo::new(move |_| {
            let today = browser::today();
            store
                .catalog
                .with(|cat| snapshot.with(|s| s.as_ref().map(|s| profiles(s, cat, today)).unwrap_or_default()))
        });
        Cohort {
            snapshot,
            profiles,
            problem,
            key: session.key,
            roster: session.roster,
        }
    }

    /// Saves `roster` (`None` removes it) and shows it only once IndexedDB committed it.
    pub async fn save_roster(self, roster: Option<Roster>) -> bool {
        let Some(key) = self.key.get_value() else { return false };
        match storage::cohort::save_roster(&key, roster.as_ref()).await {
            Ok(()) => {
                self.roster.set(roster);
                true
            }
            Err(e) => {
                self.problem.set(Some(Text::new(
                    format!("Daftar peserta tidak tersimpan: {e}"),
                    format!("The roster was not saved: {e}"),
                )));
                false
            }
        }
    }

    /// Saves `next` and shows it only once IndexedDB committed it.
    pub async fn save(self, next: Snapshot) -> bool {
        let Some(key) = self.key.get_value() else { return false };
        match storage::cohort::save(&key, &next).await {
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
    let session = use_session();
    move || {
        if !session.unlocked.get() {
            return view! { <TrainerGate/> }.into_any();
        }
        let cohort = Cohort::provide();
        let here = tab.clone();
        let link = move |t: TrainerTab, id: &'static str, en: &'static str| {
            // A person's page is part of the cohort.
            let current =
                here == t || (t == TrainerTab::Cohort && matches!(here, TrainerTab::Person(_) | TrainerTab::Print(_)));
            view! { <a href=t.href() aria-current=current.then_some("page")>{i18n.tr(id, en)}</a> }
        };
        let body = match tab.clone() {
            TrainerTab::Cohort => view! { <cohort::CohortView cohort=cohort/> }.into_any(),
            TrainerTab::Talent => view! { <talent::TalentView cohort=cohort/> }.into_any(),
            TrainerTab::Import => view! { <import::ImportView cohort=cohort/> }.into_any(),
            TrainerTab::Questions => view! { <questions::QuestionsView cohort=cohort/> }.into_any(),
            TrainerTab::Roster => view! { <roster::RosterView cohort=cohort/> }.into_any(),
            TrainerTab::Author => view! { <author::AuthorView/> }.into_any(),
            TrainerTab::Device => view! { <device::DeviceView/> }.into_any(),
            TrainerTab::Sync => view! { <sync::SyncView cohort=cohort/> }.into_any(),
            TrainerTab::Print(doc) => view! { <print::PrintView cohort=cohort doc=doc/> }.into_any(),
            TrainerTab::Person(id) => view! { <person::PersonView cohort=cohort employee=id/> }.into_any(),
            TrainerTab::NotFound(path) => view! { <NotFoundPage path=path home=TrainerTab::Cohort.href()/> }.into_any(),
        };
        view! {
            <nav class="profile-nav" aria-label=i18n.tr("Mode pelatih", "Trainer mode")>
                {link(TrainerTab::Cohort, "Kohort", "Cohort")}
                {link(TrainerTab::Talent, "Talenta dan promosi", "Talent and promotion")}
                {link(TrainerTab::Roster, "Daftar peserta", "Roster")}
                {link(TrainerTab::Questions, "Soal sulit", "Difficult questions")}
                {link(TrainerTab::Import, "Impor dan paket", "Import and packs")}
                {link(TrainerTab::Sync, "Sinkronisasi", "Sync")}
                {link(TrainerTab::Author, "Tulis paket", "Write packs")}
                {link(TrainerTab::Device, "Profil di perangkat ini", "Profiles on this device")}
                <button type="button" class="button-quiet" on:click=move |_| session.lock()>{i18n.tr("Kunci mode pelatih", "Lock trainer mode")}</button>
            </nav>
            {move || cohort.problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{i18n.text(&p)}</p> })}
            {body}
        }
        .into_any()
    }
}

/// A labelled secret input bound to `value`, described by the gate's error line: the trainer
/// passphrase, or (`pin`) the old 4–6 digit trainer PIN.
fn secret_field(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: RwSignal<String>,
    pin: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" inputmode=pin.then_some("numeric") autocomplete="off" maxlength=if pin { "6" } else { "200" }
                prop:value=value on:input=move |e| value.set(event_target_value(&e)) aria-describedby="t-err"/>
        </div>
    }
}

/// Opens trainer mode: the passphrase of an encrypted cohort, first use, or the one-time move
/// of an older build's plain cohort (its PIN, then a passphrase).
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
        Some(Ok(Gate::Locked)) => view! { <EnterPassphrase/> }.into_any(),
        Some(Ok(Gate::Legacy(h))) => view! { <SetPassphrase legacy=Some(h)/> }.into_any(),
        Some(Ok(Gate::FirstUse)) => view! { <SetPassphrase legacy=None/> }.into_any(),
        Some(Ok(Gate::Orphaned)) => view! { <OrphanedCohort/> }.into_any(),
    }
    }
}

/// The gate's page: heading, an explanation, the form and its error line.
fn gate_page(
    intro: impl Fn() -> &'static str + Send + Sync + 'static,
    fields: AnyView,
    error: RwSignal<Option<Text>>,
    button: impl Fn() -> &'static str + Send + Sync + 'static,
    busy: RwSignal<bool>,
    submit: impl FnMut(leptos::ev::SubmitEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <h1>{i18n.tr("Mode pelatih", "Trainer mode")}</h1>
            <p>{intro}</p>
            <form class="form" on:submit=submit>
                {fields}
                <p class="field-error" id="t-err" role="alert" data-testid="trainer-error">{move || error.get().map(|e| i18n.text(&e))}</p>
                <p class="actions"><button type="submit" class="button" disabled=move || busy.get()>{button}</button></p>
            </form>
        </section>
    }
}

#[component]
fn EnterPassphrase() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = js_sys::Date::now();
        if let Err(r) = storage::prefs::attempts(storage::prefs::TRAINER_GATE).check(now) {
            error.set(Some(r.passphrase_text()));
            return;
        }
        let p = pass.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = storage::cohort::unlock(&p).await;
            busy.set(false);
            let mut attempts = storage::prefs::attempts(storage::prefs::TRAINER_GATE);
            match result {
                Ok((key, cohort)) => {
                    attempts.succeeded();
                    storage::prefs::set_attempts(storage::prefs::TRAINER_GATE, attempts);
                    session.open(key, cohort);
                }
                Err(UnlockError::Wrong) => {
                    let r = attempts.failed(js_sys::Date::now());
                    storage::prefs::set_attempts(storage::prefs::TRAINER_GATE, attempts);
                    pass.set(String::new());
                    error.set(Some(r.passphrase_text()));
                }
                Err(UnlockError::Unreadable) => error.set(Some(Text::new(
                    "Kohort tersimpan tidak dapat dibaca oleh versi aplikasi ini. Data itu tidak ditimpa.",
                    "The stored cohort cannot be read by this version of the app. It is not overwritten.",
                ))),
                Err(UnlockError::Storage(e)) => error.set(Some(Text::new(
                    format!("Penyimpanan kohort tidak tersedia: {e}"),
                    format!("Cohort storage is unavailable: {e}"),
                ))),
            }
        });
    };
    let fields = secret_field(
        "t-pass",
        i18n.tr("Kata sandi pelatih", "Trainer passphrase"),
        pass,
        false,
    )
    .into_any();
    gate_page(
        i18n.tr(
            "Masukkan kata sandi pelatih. Kohort disimpan terenkripsi; tanpa kata sandi ini tidak dapat dibaca.",
            "Enter the trainer passphrase. The cohort is stored encrypted; without this passphrase it cannot be read.",
        ),
        fields,
        error,
        i18n.tr("Buka", "Open"),
        busy,
        submit,
    )
}

/// First use, or an older build's plain cohort: (its trainer PIN, then) a new passphrase that
/// encrypts the cohort.
#[component]
fn SetPassphrase(legacy: Option<PinHash>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let old_pin = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let migrating = legacy.is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(h) = &legacy {
            let mut attempts = storage::prefs::attempts(storage::prefs::TRAINER_GATE);
            let result = attempts.attempt(&old_pin.get_untracked(), h, js_sys::Date::now());
            storage::prefs::set_attempts(storage::prefs::TRAINER_GATE, attempts);
            if let Err(r) = result {
                old_pin.set(String::new());
                error.set(Some(r.text()));
                return;
            }
        }
        let p = pass.get_untracked();
        if let Err(e) = check_passphrase(&p) {
            error.set(Some(e));
            return;
        }
        if p != pass2.get_untracked() {
            error.set(Some(Text::new(
                "Kedua kata sandi tidak sama.",
                "The two passphrases differ.",
            )));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = if migrating {
                storage::cohort::encrypt_legacy(&p).await
            } else {
                storage::cohort::create(&p).await.map(|k| (k, Snapshot::default()))
            };
            busy.set(false);
            match result {
                Ok((key, cohort)) => {
                    storage::prefs::forget_legacy_trainer_pin();
                    session.open(key, cohort);
                }
                Err(_) => error.set(Some(Text::new(
                    "Kata sandi tidak dapat disimpan, atau mode pelatih di perangkat ini sudah punya data. Muat ulang halaman.",
                    "The passphrase could not be stored, or trainer mode on this device already holds data. Reload the page.",
                ))),
            }
        });
    };
    let fields = view! {
        {migrating.then(|| secret_field("t-old-pin", i18n.tr("PIN pelatih lama", "Old trainer PIN"), old_pin, true))}
        {secret_field("t-pass", i18n.tr("Kata sandi pelatih", "Trainer passphrase"), pass, false)}
        {secret_field("t-pass2", i18n.tr("Ulangi kata sandi pelatih", "Repeat the trainer passphrase"), pass2, false)}
    }
    .into_any();
    let intro = move || {
        if migrating {
            i18n.t(
                "Kohort di perangkat ini kini disimpan terenkripsi. Masukkan PIN pelatih lama, lalu buat kata sandi pelatih (minimal 8 karakter): kohort dienkripsi dengannya, tanpa ada data yang hilang.",
                "The cohort on this device is now stored encrypted. Enter the old trainer PIN, then choose a trainer passphrase (at least 8 characters): the cohort is encrypted with it, and nothing of it is lost.",
            )
        } else {
            i18n.t(
                "Untuk pengelola kepegawaian dan widyaiswara: gabungkan ekspor banyak pegawai, lihat kohort, dan buat laporan. Buat kata sandi pelatih (minimal 8 karakter): kohort disimpan terenkripsi dengannya dan tidak dapat dibaca tanpanya. Kata sandi yang hilang tidak dapat dipulihkan.",
                "For HR officers and trainers: merge many employees' exports, see the cohort and make reports. Choose a trainer passphrase (at least 8 characters): the cohort is stored encrypted with it and cannot be read without it. A lost passphrase cannot be recovered.",
            )
        }
    };
    gate_page(
        intro,
        fields,
        error,
        i18n.tr("Simpan kata sandi dan buka", "Save passphrase and open"),
        busy,
        submit,
    )
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
