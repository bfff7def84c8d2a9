//! For the supervisor (atasan), sitting with the employee: verified levels and a performance
//! rating for the half-year, signed with the supervisor's own profile and PIN
//! (`snapshot::evaluation`). Without that PIN nothing is recorded as verified.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::model::evaluation::{Performance, Potential};
use crate::domain::record::Id;
use crate::domain::snapshot::evaluation::{signers, unlock_signer, EvaluationForm, SignRefusal};
use crate::storage::prefs;
use crate::ui::components::public_feedback::PublicFeedback;
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use crate::ui::state::use_store;

#[component]
pub fn SupervisorPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let Some(codes) = store.required_competencies(&employee) else {
        return view! { <p>{i18n.tr("Profil tidak ditemukan.", "Profile not found.")}</p> }.into_any();
    };
    let today = browser::today();
    // Who may sign here: other profiles with a PIN on this device (their recorded supervisor
    // first, if among them).
    let emp_signers = employee.clone();
    let candidates = Memo::new(move |_| {
        store.snapshot.with(|s| {
            let mine = s.employees.get(&emp_signers).and_then(|r| r.data().supervisor.clone());
            let mut list: Vec<(Id, String)> = signers(s, &emp_signers)
                .into_iter()
                .filter_map(|id| s.employees.get(&id).map(|r| (id, r.data().name.clone())))
                .collect();
            crate::domain::sort::sort_by(&mut list, |a, b| {
                (Some(&b.0) == mine.as_ref(), a.1.to_lowercase())
                    .cmp(&(Some(&a.0) == mine.as_ref(), b.1.to_lowercase()))
            });
            list
        })
    });
    let chosen = RwSignal::new(
        candidates
            .get_untracked()
            .first()
            .map(|(id, _)| id.to_string())
            .unwrap_or_default(),
    );
    let pin = RwSignal::new(String::new());
    let date = RwSignal::new(today.to_string());
    let levels = RwSignal::new(codes.iter().map(|c| (c.clone(), 0u8)).collect::<Vec<_>>());
    let performance = RwSignal::new(String::new());
    let potential = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let emp = employee.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let refuse = move |r: SignRefusal| message.set(Some((false, i18n.text(&r.text()))));
        let Some(day) = format::parse_date(&date.get_untracked()) else {
            message.set(Some((
                false,
                i18n.t("Isi tanggal penilaian.", "Enter the date.").to_string(),
            )));
            return;
        };
        let form = EvaluationForm {
            date: day,
            levels: levels.get_untracked(),
            performance: crate::ui::form_value::parse::<Performance>(&performance.get_untracked()),
            potential: crate::ui::form_value::parse::<Potential>(&potential.get_untracked()),
        };
        if let Err(r) = form.check(browser::today()) {
            return refuse(r);
        }
        let Ok(supervisor) = Id::parse(&chosen.get_untracked()) else {
            return refuse(SignRefusal::NoSupervisor);
        };
        let typed = pin.get_untracked();
        pin.set(String::new());
        busy.set(true);
        // The supervisor's own gate: wrong PINs here count with those at their profile.
        let mut attempts = prefs::attempts(supervisor.as_str());
        let signer = store.snapshot.with_untracked(|s| {
            unlock_signer(s, &emp, &supervisor, &typed, &mut attempts, js_sys::Date::now(), || {
                Some((
                    browser::secure_bytes()?,
                    browser::secure_bytes()?,
                    browser::secure_bytes()?,
                ))
            })
        });
        prefs::set_attempts(supervisor.as_str(), attempts);
        let emp = emp.clone();
        let result = signer.and_then(|signer| {
            store.try_change(move |s, dev, now| {
                s.record_evaluation(&emp, &form, &signer, [browser::new_id(), browser::new_id()], dev, now)
            })
        });
        busy.set(false);
        let name = candidates.with_untracked(|c| c.iter().find(|(id, _)| *id == supervisor).map(|(_, n)| n.clone()));
        match result {
            Ok(true) => message.set(Some((
                true,
                format!(
                    "{} {}.",
                    i18n.t("Tersimpan dan ditandatangani oleh", "Saved and signed by"),
                    name.unwrap_or_default()
                ),
            ))),
            Ok(false) => message.set(Some((false, i18n.t("Tidak tersimpan.", "Not saved.").to_string()))),
            Err(r) => refuse(r),
        }
    };
    let rows = codes.into_iter().enumerate().map(|(i, code)| {
        let label = store.catalog.with_untracked(|c| c.competencies.get(&code).map(|c| c.name.clone())).unwrap_or_default();
        let id = format!("v-{i}");
        view! {
            <div class="field field-inline">
                <label for=id.clone()>{let code = code.clone(); move || format!("{code} {}", i18n.text(&label))}</label>
                <select id=id on:change=move |e| { let v: u8 = event_target_value(&e).parse().unwrap_or(0); levels.update(|ls| ls[i].1 = v) }>
                    <option value="0">{i18n.tr("— tidak dinilai —", "— not rated —")}</option>
                    {(1..=crate::domain::model::competency::MAX_LEVEL).map(|l| view! { <option value=l.to_string()>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    }).collect_view();
    let emp2 = employee.clone();
    let ratings = move || {
        let lang = i18n.lang();
        store.snapshot.with(|s| {
            s.ratings_with_proof(&emp2)
                .into_iter()
                .map(|(r, proof)| {
                    let signed = proof.verifier().is_some();
                    let text = format!(
                        "{} {}/{} — {}{} ({}, {}) — {}",
                        i18n.t("Semester", "Half"),
                        r.half,
                        r.year,
                        i18n.text(&r.performance.label()),
                        r.potential
                            .map(|p| format!(", {} {}", i18n.t("potensi", "potential"), i18n.text(&p.label())))
                            .unwrap_or_default(),
                        r.rater,
                        format::date(lang, r.date),
                        i18n.text(&proof.label())
                    );
                    view! { <li class=if signed { "proof-signed" } else { "proof-unsigned" }>{if signed { "✓ " } else { "⚠ " }}{text}</li> }
                })
                .collect_view()
        })
    };
    let no_signers = move || candidates.with(|c| c.is_empty());
    view! {
        <section class="page">
            <h1>{i18n.tr("Penilaian oleh atasan", "Supervisor's evaluation")}</h1>
            <p class="muted">{i18n.tr(
                "Diisi atasan bersama pegawai. Atasan memilih profilnya sendiri dan memasukkan PIN-nya: penilaian ditandatangani, dan tanda tangannya tetap dapat diperiksa di perangkat lain dan oleh pelatih. Hanya tingkat yang ditandatangani menggantikan penilaian diri dalam perhitungan JPM.",
                "Filled in by the supervisor with the employee. The supervisor picks their own profile and enters their PIN: the evaluation is signed, and the signature can still be checked on other devices and by the trainer. Only signed levels replace self-assessed ones in the JPM.")}</p>
            <Show when=no_signers>
                <p class="notice" data-testid="no-signers">
                    {i18n.tr(
                        "Belum ada profil atasan ber-PIN di perangkat ini. Atasan membuat profilnya sendiri dengan PIN (Tambah profil), lalu membuka halaman ini lagi bersama pegawai.",
                        "No supervisor's profile with a PIN on this device yet. The supervisor creates their own profile with a PIN (Add profile), then opens this page again with the employee.")}
                    " "<a href=Route::NewProfile.href()>{i18n.tr("Tambah profil atasan", "Add the supervisor's profile")}</a>
                </p>
            </Show>
            <form class="form" on:submit=submit novalidate>
                <div class="field-row">
                    <div class="field"><label for="s-signer">{i18n.tr("Profil atasan", "Supervisor's profile")}</label>
                        <select id="s-signer" on:change=move |e| chosen.set(event_target_value(&e)) prop:value=move || chosen.get()>
                            {move || candidates.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                        </select></div>
                    <div class="field"><label for="s-pin">{i18n.tr("PIN atasan", "Supervisor's PIN")}</label>
                        <input id="s-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                            prop:value=pin on:input=move |e| pin.set(event_target_value(&e))/></div>
                    <div class="field"><label for="s-date">{i18n.tr("Tanggal", "Date")}</label>
                        <input id="s-date" type="date" prop:value=date on:input=move |e| date.set(event_target_value(&e))/></div>
                </div>
                <h2>{i18n.tr("Tingkat kompetensi terverifikasi", "Verified competency levels")}</h2>
                {rows}
                <h2>{i18n.tr("Kinerja semester ini", "Performance this half-year")}</h2>
                <div class="field-row">
                    <div class="field"><label for="s-perf">{i18n.tr("Kinerja", "Performance")}</label>
                        <select id="s-perf" on:change=move |e| performance.set(event_target_value(&e))>
                            <option value="">{i18n.tr("— tidak dinilai —", "— not rated —")}</option>
                            {[Performance::Above, Performance::Meets, Performance::Below].into_iter().map(|p| {
                                let key = crate::ui::form_value::key(&p);
                                view! { <option value=key>{move || i18n.text(&p.label())}</option> }
                            }).collect_view()}
                        </select></div>
                    <div class="field"><label for="s-pot">{i18n.tr("Potensi (pilihan)", "Potential (optional)")}</label>
                        <select id="s-pot" on:change=move |e| potential.set(event_target_value(&e))>
                            <option value="">{i18n.tr("— dari JPM —", "— from JPM —")}</option>
                            {[Potential::High, Potential::Medium, Potential::Low].into_iter().map(|p| {
                                let key = crate::ui::form_value::key(&p);
                                view! { <option value=key>{move || i18n.text(&p.label())}</option> }
                            }).collect_view()}
                        </select></div>
                </div>
                <p role="status" data-testid="supervisor-result" class=move || match message.get() { Some((true, _)) => "notice notice-ok", Some((false, _)) => "notice notice-error", None => "" }>{move || message.get().map(|(_, m)| m)}</p>
                <p class="actions"><button type="submit" class="button" disabled=move || busy.get() || no_signers()>{i18n.tr("Tandatangani dan simpan", "Sign and save")}</button></p>
            </form>
            <h2>{i18n.tr("Penilaian kinerja", "Performance ratings")}</h2>
            <ul data-testid="ratings">{ratings}</ul>
            <PublicFeedback employee=employee.clone()/>
        </section>
    }
    .into_any()
}
