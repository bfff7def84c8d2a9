//! One person's sync with the district's server (`docs/sync.md`): off until they set it up
//! with the address HR gave them and their account's password; then "sync now", progress,
//! what the run did, and signing out or turning sync off.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::record::Id;
use crate::domain::sync::address::{SyncAddress, SyncSetup};
use crate::domain::sync::remote::{ErrorKind, SyncError};
use crate::storage;
use crate::sync::account::{sign_in, sign_out};
use crate::sync::learner::use_sync_runner;
use crate::ui::components::sync_words::{progress_line, report_lines, sign_in_problem, typed_sign_in};
use crate::ui::i18n::use_i18n;
use crate::ui::route::{Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn SyncPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let runner = use_sync_runner();
    let (name, nip) = store
        .snapshot
        .with_untracked(|s| {
            s.employees
                .get(&employee)
                .map(|r| (r.data().name.clone(), r.data().nip.to_string()))
        })
        .unwrap_or_default();
    let setup = RwSignal::new(storage::sync::load(employee.as_str()));
    // The form: address, district, password (never kept).
    let server = RwSignal::new(String::new());
    let district = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form_error = RwSignal::new(None::<Text>);
    let warning = Memo::new(move |_| {
        let (s, d) = (server.get(), district.get());
        SyncAddress::parse(&s, if d.is_empty() { "x" } else { &d }, browser::page_is_https())
            .ok()
            .and_then(|(_, w)| w)
    });
    let signing_in = RwSignal::new(false);
    let me = employee.clone();
    let account = nip.clone();
    // Signs in (setting sync up on the first time), then syncs.
    let signed_out = RwSignal::new(false);
    let connect = move || {
        let (who, nip) = (me.clone(), account.clone());
        let typed = setup.get_untracked().map(|s| (s.address.server, s.address.district));
        let (srv, dist) = typed.unwrap_or_else(|| (server.get_untracked(), district.get_untracked()));
        let (address, pw) = match typed_sign_in(&srv, &dist, password.get_untracked()) {
            Ok(v) => v,
            Err(t) => return form_error.set(Some(t)),
        };
        form_error.set(None);
        signing_in.set(true);
        leptos::task::spawn_local(async move {
            let outcome = sign_in(&address.server, &nip, &pw).await;
            signing_in.set(false);
            password.set(String::new());
            match outcome {
                Ok(()) => {
                    signed_out.set(false);
                    let kept = setup.get_untracked().unwrap_or_else(|| SyncSetup::new(address, nip));
                    if storage::sync::save(who.as_str(), &kept).is_err() {
                        form_error.set(Some(SyncError::new(ErrorKind::LocalSave, "").text()));
                        return;
                    }
                    setup.set(Some(kept));
                    runner.start(store, who);
                }
                Err(e) => form_error.set(Some(sign_in_problem(e))),
            }
        });
    };
    let connect = Callback::new(move |_: ()| connect());
    let who = employee.clone();
    let sync_now = move |_| runner.start(store, who.clone());
    let who = employee.clone();
    // The setup as the last run left it (time of the last sync).
    Effect::new(move |_| {
        if !runner.running.get() {
            setup.set(storage::sync::load(who.as_str()));
        }
    });
    let who = employee.clone();
    let sign_out_now = move |_| {
        if let Some(s) = setup.get_untracked() {
            leptos::task::spawn_local(async move {
                sign_out(&s.address.server).await;
                signed_out.set(true);
            });
        }
        runner.last.set(None);
        let _ = &who;
    };
    let who = employee.clone();
    let turn_off = move |_| {
        if let Some(s) = setup.get_untracked() {
            leptos::task::spawn_local(async move { sign_out(&s.address.server).await });
        }
        storage::sync::forget(who.as_str());
        setup.set(None);
        runner.last.set(None);
    };
    let mine = employee.clone();
    let last = move || runner.last.get().filter(|(who, _)| *who == mine).map(|(_, r)| r);
    let needs_password = {
        let last = last.clone();
        move || matches!(last(), Some(Err(e)) if e.kind == ErrorKind::SignedOut)
    };
    let progress = move || runner.running.get().then(|| progress_line(i18n, runner.progress.get()));
    let outcome = {
        let last = last.clone();
        move || {
            (!runner.running.get()).then(&last).flatten().map(|r| match r {
                Ok(report) => view! {
                    <div class="notice" role="status" data-testid="sync-result">
                        {report_lines(i18n, &report).into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    </div>
                }
                .into_any(),
                Err(e) => view! {
                    <p class="notice notice-error" role="alert" data-testid="sync-error">{i18n.text(&e.text())}</p>
                }
                .into_any(),
            })
        }
    };
    let conflicts_of = employee.clone();
    let conflicts = move || {
        let n = store
            .snapshot
            .with(|s| crate::domain::snapshot::conflicts::conflicts(s, &|o| *o == conflicts_of, i18n.lang()).len());
        (n > 0).then(|| {
            view! {
                <p class="notice" data-testid="sync-conflicts">
                    {format!("{} {} ", n, i18n.t("catatan Anda memiliki versi yang bertentangan dari perangkat lain.", "of your records have conflicting versions from other devices."))}
                    <a href=Route::Profile(conflicts_of.clone(), Screen::MyData).href()>{i18n.t("Pilih versi yang benar di Data saya.", "Choose the right version in My data.")}</a>
                </p>
            }
        })
    };
    let last_synced = move || {
        setup.get().map(|s| match s.last_synced {
            Some(at) => {
                let (d, t) = browser::local_date_time(at);
                format!(
                    "{} {}, {} {t}",
                    i18n.t("Terakhir disinkronkan", "Last synced"),
                    format::date(i18n.lang(), d),
                    i18n.t("pukul", "at")
                )
            }
            None => i18n.t("Belum pernah disinkronkan.", "Never synced yet.").to_string(),
        })
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Sinkronisasi", "Sync")}</h1>
            <p class="lead">{name}</p>
            <p>{i18n.tr(
                "Bila kabupaten/kota Anda memakai server sinkronisasi, catatan Anda di perangkat ini dan di perangkat lain Anda saling bertukar lewat server itu, dan pelatih dapat melihatnya. PIN Anda tidak pernah dikirim. Tanpa pengaturan ini, Lentera tidak menghubungi server mana pun.",
                "If your district runs a sync server, your records on this device and your other devices are exchanged through it, and your trainer can see them. Your PIN is never sent. Without this setting, Lentera contacts no server at all.",
            )}</p>
            <Show when=move || setup.with(Option::is_none)>
                <form class="sync-form" on:submit=move |e: leptos::ev::SubmitEvent| { e.prevent_default(); connect.run(()); }>
                    <div class="field"><label for="sync-server">{i18n.tr("Alamat server", "Server address")}</label>
                        <input id="sync-server" type="url" inputmode="url" autocomplete="off" placeholder="https://sinkron.contoh.go.id" prop:value=server on:input=move |e| server.set(event_target_value(&e))/></div>
                    <div class="field"><label for="sync-district">{i18n.tr("Kode kabupaten/kota", "District code")}</label>
                        <input id="sync-district" type="text" autocomplete="off" placeholder="kab-contoh" prop:value=district on:input=move |e| district.set(event_target_value(&e))/></div>
                    <p>{i18n.tr("Akun (NIP): ", "Account (NIP): ")}{nip.clone()}</p>
                    <div class="field"><label for="sync-password">{i18n.tr("Kata sandi akun", "Account password")}</label>
                        <input id="sync-password" type="password" autocomplete="current-password" prop:value=password on:input=move |e| password.set(event_target_value(&e))/></div>
                    {move || warning.get().map(|w| view! { <p class="notice" data-testid="sync-warning">{i18n.text(&w.text())}</p> })}
                    <p class="field-error" role="alert">{move || form_error.get().map(|t| i18n.text(&t))}</p>
                    <p class="actions"><button type="submit" class="button" disabled=move || signing_in.get() || runner.running.get()>{i18n.tr("Masuk dan sinkronkan", "Sign in and sync")}</button></p>
                </form>
            </Show>
            <Show when=move || setup.with(Option::is_some)>
                <p data-testid="sync-setup">{move || setup.get().map(|s| format!("{} {} · {} {} · {} {}", i18n.t("Server", "Server"), s.address.server, i18n.t("kabupaten/kota", "district"), s.address.district, i18n.t("akun", "account"), s.account))}</p>
                <p data-testid="sync-last">{last_synced}</p>
                <p class="actions"><button type="button" class="button" on:click=sync_now.clone() disabled=move || runner.running.get()>{i18n.tr("Sinkronkan sekarang", "Sync now")}</button></p>
                <p role="status" data-testid="sync-progress">{progress}</p>
                {outcome.clone()}
                <Show when=needs_password.clone()>
                    <form on:submit=move |e: leptos::ev::SubmitEvent| { e.prevent_default(); connect.run(()); }>
                        <div class="field"><label for="sync-password-again">{i18n.tr("Kata sandi akun", "Account password")}</label>
                            <input id="sync-password-again" type="password" autocomplete="current-password" prop:value=password on:input=move |e| password.set(event_target_value(&e))/></div>
                        <p class="field-error" role="alert">{move || form_error.get().map(|t| i18n.text(&t))}</p>
                        <p class="actions"><button type="submit" class="button">{i18n.tr("Masuk lagi dan sinkronkan", "Sign in again and sync")}</button></p>
                    </form>
                </Show>
                {conflicts.clone()}
                <Show when=move || signed_out.get()>
                    <p class="notice" role="status">{i18n.tr("Anda sudah keluar dari server. Sinkronisasi berikutnya meminta kata sandi lagi.", "You are signed out of the server. The next sync asks for the password again.")}</p>
                </Show>
                <p class="actions">
                    <button type="button" class="button button-secondary" on:click=sign_out_now.clone() disabled=move || runner.running.get()>{i18n.tr("Keluar dari server", "Sign out of the server")}</button>
                    <button type="button" class="button button-secondary" on:click=turn_off.clone() disabled=move || runner.running.get()>{i18n.tr("Matikan sinkronisasi di perangkat ini", "Turn sync off on this device")}</button>
                </p>
            </Show>
        </section>
    }
}

/// On a tablet a person has not used yet: sign in to the district's server and bring their
/// profile and records here (the Data page). Sync is then set up for that profile.
#[component]
pub fn FetchProfile() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (server, district, nip, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let progress = RwSignal::new(None);
    let fetched = RwSignal::new(None::<(Id, String)>);
    let warning = Memo::new(move |_| {
        SyncAddress::parse(&server.get(), "x", browser::page_is_https())
            .ok()
            .and_then(|(_, w)| w)
    });
    let fetch = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        fetched.set(None);
        let (address, pw) = match typed_sign_in(
            &server.get_untracked(),
            &district.get_untracked(),
            password.get_untracked(),
        ) {
            Ok(v) => v,
            Err(t) => return error.set(Some(t)),
        };
        let typed = nip.get_untracked();
        let account = match crate::domain::model::nip::Nip::parse(typed.trim()) {
            Ok(n) => n.to_string(),
            Err(e) => {
                return error.set(Some(Text::new(
                    e.message(crate::domain::lang::Lang::Id),
                    e.message(crate::domain::lang::Lang::En),
                )))
            }
        };
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match sign_in(&address.server, &account, &pw).await {
                Ok(()) => crate::sync::learner::fetch_profile(store, address, account, progress).await,
                Err(e) => Err(e),
            };
            password.set(String::new());
            busy.set(false);
            match outcome {
                Ok(id) => {
                    let name = store
                        .snapshot
                        .with_untracked(|s| s.employees.get(&id).map(|r| r.data().name.clone()))
                        .unwrap_or_default();
                    fetched.set(Some((id, name)));
                }
                Err(e) if e.kind == ErrorKind::NoDatabase => error.set(Some(Text::new(
                    "Server tidak menyimpan profil dengan NIP ini. Periksa alamat dan kode kabupaten/kota, atau sinkronkan dulu dari perangkat tempat profil Anda dibuat.",
                    "The server holds no profile with this NIP. Check the address and district code, or sync first from the device where your profile was made.",
                ))),
                Err(e) => error.set(Some(sign_in_problem(e))),
            }
        });
    };
    view! {
        <p>{i18n.tr(
            "Sudah memakai Lentera di perangkat lain dan kabupaten/kota Anda memakai server sinkronisasi? Masuk dengan akun Anda untuk membawa profil dan catatan Anda ke perangkat ini.",
            "Already using Lentera on another device, and your district runs a sync server? Sign in with your account to bring your profile and records to this device.",
        )}</p>
        <form class="sync-form" on:submit=fetch>
            <div class="field"><label for="fetch-server">{i18n.tr("Alamat server", "Server address")}</label>
                <input id="fetch-server" type="url" inputmode="url" autocomplete="off" placeholder="https://sinkron.contoh.go.id" prop:value=server on:input=move |e| server.set(event_target_value(&e))/></div>
            <div class="field"><label for="fetch-district">{i18n.tr("Kode kabupaten/kota", "District code")}</label>
                <input id="fetch-district" type="text" autocomplete="off" placeholder="kab-contoh" prop:value=district on:input=move |e| district.set(event_target_value(&e))/></div>
            <div class="field"><label for="fetch-nip">{i18n.tr("NIP (nama akun)", "NIP (account name)")}</label>
                <input id="fetch-nip" type="text" inputmode="numeric" autocomplete="username" prop:value=nip on:input=move |e| nip.set(event_target_value(&e))/></div>
            <div class="field"><label for="fetch-password">{i18n.tr("Kata sandi akun", "Account password")}</label>
                <input id="fetch-password" type="password" autocomplete="current-password" prop:value=password on:input=move |e| password.set(event_target_value(&e))/></div>
            {move || warning.get().map(|w| view! { <p class="notice">{i18n.text(&w.text())}</p> })}
            <p class="field-error" role="alert">{move || error.get().map(|t| i18n.text(&t))}</p>
            <p class="actions"><button type="submit" class="button button-secondary" disabled=move || busy.get()>{i18n.tr("Ambil profil saya dari server", "Bring my profile from the server")}</button></p>
            <p role="status">{move || busy.get().then(|| progress_line(i18n, progress.get()))}</p>
        </form>
        {move || fetched.get().map(|(id, name)| view! {
            <div class="notice" role="status" data-testid="fetched-profile">
                <p>{format!("{} {name} {}", i18n.t("Profil", "The profile of"), i18n.t("sudah ada di perangkat ini.", "is now on this device."))}</p>
                <p>{i18n.tr("PIN tidak pernah ikut: atur PIN untuk perangkat ini lewat Ubah profil.", "A PIN never travels: set one for this device in Edit profile.")}</p>
                <p><a class="button" href=Route::Profile(id, Screen::Dashboard).href()>{i18n.tr("Buka profil", "Open the profile")}</a></p>
            </div>
        })}
    }
}
