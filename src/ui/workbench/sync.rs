//! The district from the sync server: a trainer signs in with their trainer account, pulls the
//! district's database into the cohort (instead of collecting files), and sees who has not
//! synced since a day they choose. The trainer writes nothing to the server.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::sync::address::{SyncAddress, SyncSetup};
use crate::domain::sync::remote::SyncError;
use crate::domain::sync::replicate::SyncReport;
use crate::sync::account::{sign_in, sign_out};
use crate::sync::trainer::{forget_setup, load_setup, pull_district, save_setup};
use crate::ui::components::sync_words::{progress_line, report_lines, sign_in_problem, typed_sign_in};
use crate::ui::i18n::use_i18n;
use crate::ui::route::TrainerTab;

use super::Cohort;

#[component]
pub fn SyncView(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let setup = RwSignal::new(None::<SyncSetup>);
    let loaded = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        setup.set(load_setup().await);
        loaded.set(true);
    });
    let (server, district, account, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<Text>);
    let running = RwSignal::new(false);
    let progress = RwSignal::new(None);
    let last = RwSignal::new(None::<Result<SyncReport, SyncError>>);
    let run = move || {
        running.set(true);
        progress.set(None);
        leptos::task::spawn_local(async move {
            let outcome = pull_district(cohort, progress).await;
            running.set(false);
            last.set(Some(outcome.map(|(report, s)| {
                setup.set(Some(s));
                report
            })));
        });
    };
    let connect = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let typed = setup
            .get_untracked()
            .map(|s| (s.address.server, s.address.district, s.account));
        let (srv, dist, name) = typed.unwrap_or_else(|| {
            (
                server.get_untracked(),
                district.get_untracked(),
                account.get_untracked().trim().to_string(),
            )
        });
        let (address, pw) = match typed_sign_in(&srv, &dist, password.get_untracked()) {
            Ok(v) => v,
            Err(t) => return error.set(Some(t)),
        };
        if name.is_empty() {
            return error.set(Some(Text::new(
                "Ketik nama akun pelatih Anda.",
                "Type your trainer account's name.",
            )));
        }
        error.set(None);
        running.set(true);
        leptos::task::spawn_local(async move {
            let outcome = sign_in(&address.server, &name, &pw).await;
            password.set(String::new());
            running.set(false);
            match outcome {
                Ok(()) => {
                    let kept = setup.get_untracked().unwrap_or_else(|| SyncSetup::new(address, name));
                    match save_setup(&kept).await {
                        Ok(()) => {
                            setup.set(Some(kept));
                            run();
                        }
                        Err(e) => error.set(Some(e.text())),
                    }
                }
                Err(e) => error.set(Some(sign_in_problem(e))),
            }
        });
    };
    let turn_off = move |_| {
        let s = setup.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(s) = s {
                sign_out(&s.address.server).await;
            }
            forget_setup().await;
            setup.set(None);
            last.set(None);
        });
    };
    // Who has not synced since the chosen day (a week ago unless changed).
    let since = RwSignal::new(
        (browser::today() - chrono::Duration::days(7))
            .format("%Y-%m-%d")
            .to_string(),
    );
    let behind = move || {
        let day = format::parse_date(&since.get());
        setup.with(|s| {
            cohort.snapshot.with(|c| match (s, c) {
                (Some(s), Some(c)) => s.not_synced_since(c, day, |at| browser::local_date_time(at).0),
                _ => Vec::new(),
            })
        })
    };
    let behind_rows = move || {
        behind()
            .into_iter()
            .map(|(id, name, unit, at)| {
                let when = match at {
                    Some(at) => {
                        let (d, t) = browser::local_date_time(at);
                        format!("{} {t}", format::date(i18n.lang(), d))
                    }
                    None => i18n.t("belum pernah", "never").to_string(),
                };
                view! {
                    <tr>
                        <th scope="row"><a href=TrainerTab::Person(id).href()>{name}</a></th>
                        <td>{unit}</td>
                        <td>{when}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <h1>{i18n.tr("Sinkronisasi kabupaten/kota", "District sync")}</h1>
            <p>{i18n.tr(
                "Bila kabupaten/kota Anda memakai server sinkronisasi, data peserta diambil dari server ke kohort ini, tanpa berkas. Pelatih hanya membaca: tidak ada yang dikirim ke server.",
                "If your district runs a sync server, the participants' data is taken from it into this cohort, without files. A trainer only reads: nothing is sent to the server.",
            )}</p>
            <Show when=move || loaded.get() && setup.with(Option::is_none)>
                <form class="sync-form" on:submit=connect>
                    <div class="field"><label for="w-sync-server">{i18n.tr("Alamat server", "Server address")}</label>
                        <input id="w-sync-server" type="url" inputmode="url" autocomplete="off" placeholder="https://sinkron.contoh.go.id" prop:value=server on:input=move |e| server.set(event_target_value(&e))/></div>
                    <div class="field"><label for="w-sync-district">{i18n.tr("Kode kabupaten/kota", "District code")}</label>
                        <input id="w-sync-district" type="text" autocomplete="off" placeholder="kab-contoh" prop:value=district on:input=move |e| district.set(event_target_value(&e))/></div>
                    <div class="field"><label for="w-sync-account">{i18n.tr("Akun pelatih", "Trainer account")}</label>
                        <input id="w-sync-account" type="text" autocomplete="username" prop:value=account on:input=move |e| account.set(event_target_value(&e))/></div>
                    <div class="field"><label for="w-sync-password">{i18n.tr("Kata sandi akun", "Account password")}</label>
                        <input id="w-sync-password" type="password" autocomplete="current-password" prop:value=password on:input=move |e| password.set(event_target_value(&e))/></div>
                    {move || SyncAddress::parse(&server.get(), "x", browser::page_is_https()).ok().and_then(|(_, w)| w).map(|w| view! { <p class="notice">{i18n.text(&w.text())}</p> })}
                    <p class="field-error" role="alert">{move || error.get().map(|t| i18n.text(&t))}</p>
                    <p class="actions"><button type="submit" class="button" disabled=move || running.get()>{i18n.tr("Masuk dan ambil data", "Sign in and pull")}</button></p>
                </form>
            </Show>
            <Show when=move || setup.with(Option::is_some)>
                <p data-testid="w-sync-setup">{move || setup.get().map(|s| format!("{} {} · {} {} · {} {}", i18n.t("Server", "Server"), s.address.server, i18n.t("kabupaten/kota", "district"), s.address.district, i18n.t("akun", "account"), s.account))}</p>
                <p data-testid="w-sync-last">{move || setup.get().map(|s| match s.last_synced {
                    Some(at) => {
                        let (d, t) = browser::local_date_time(at);
                        format!("{} {}, {} {t}", i18n.t("Terakhir diambil", "Last pulled"), format::date(i18n.lang(), d), i18n.t("pukul", "at"))
                    }
                    None => i18n.t("Belum pernah diambil.", "Never pulled yet.").to_string(),
                })}</p>
                <p class="actions"><button type="button" class="button" on:click=move |_| run() disabled=move || running.get()>{i18n.tr("Ambil data kabupaten/kota sekarang", "Pull the district now")}</button></p>
                <p role="status" data-testid="w-sync-progress">{move || running.get().then(|| progress_line(i18n, progress.get()))}</p>
                {move || (!running.get()).then(|| last.get()).flatten().map(|r| match r {
                    Ok(report) => {
                        let conflicts = cohort.snapshot.with_untracked(|c| c.as_ref().map(|c| c.conflict_count()).unwrap_or(0));
                        view! {
                            <div class="notice" role="status" data-testid="w-sync-result">
                                {report_lines(i18n, &report).into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                                {(conflicts > 0).then(|| view! { <p>{format!("{} {}", format::count(i18n.lang(), conflicts), i18n.t(
                                    "catatan di kohort memiliki versi yang bertentangan dari dua perangkat; pemiliknya memilih versi yang benar di perangkatnya (Data saya), lalu menyinkronkan.",
                                    "records in the cohort have conflicting versions from two devices; their owner chooses the right one on their device (My data), then syncs.",
                                ))}</p> })}
                            </div>
                        }.into_any()
                    }
                    Err(e) => view! {
                        <div class="notice notice-error" role="alert" data-testid="w-sync-error">
                            <p>{i18n.text(&e.text())}</p>
                        </div>
                    }.into_any(),
                })}
                <Show when=move || matches!(last.get(), Some(Err(ref e)) if e.kind == crate::domain::sync::remote::ErrorKind::SignedOut)>
                    <form on:submit=connect>
                        <div class="field"><label for="w-sync-password-again">{i18n.tr("Kata sandi akun", "Account password")}</label>
                            <input id="w-sync-password-again" type="password" autocomplete="current-password" prop:value=password on:input=move |e| password.set(event_target_value(&e))/></div>
                        <p class="field-error" role="alert">{move || error.get().map(|t| i18n.text(&t))}</p>
                        <p class="actions"><button type="submit" class="button">{i18n.tr("Masuk lagi dan ambil data", "Sign in again and pull")}</button></p>
                    </form>
                </Show>
                <h2>{i18n.tr("Siapa yang belum sinkron", "Who has not synced")}</h2>
                <div class="field"><label for="w-sync-since">{i18n.tr("Belum sinkron sejak", "Not synced since")}</label>
                    <input id="w-sync-since" type="date" prop:value=since on:input=move |e| since.set(event_target_value(&e))/></div>
                <table class="table" data-testid="w-sync-behind">
                    <thead><tr>
                        <th scope="col">{i18n.tr("Nama", "Name")}</th>
                        <th scope="col">{i18n.tr("Unit kerja", "Work unit")}</th>
                        <th scope="col">{i18n.tr("Sinkron terakhir", "Last synced")}</th>
                    </tr></thead>
                    <tbody>{behind_rows}</tbody>
                </table>
                <p class="actions"><button type="button" class="button button-secondary" on:click=turn_off disabled=move || running.get()>{i18n.tr("Matikan sinkronisasi di perangkat ini", "Turn sync off on this device")}</button></p>
            </Show>
        </section>
    }
}
