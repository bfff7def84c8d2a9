//! One person of the trainer's cohort: levels against the standard (verified, and by whom, or
//! self-assessed), JPM, this year's JP with the activities and modules behind it, the plan, the
//! rating and talent box, the re-evaluation date, and how fresh the trainer's copy is.

use leptos::prelude::*;

use crate::ui::components::jpm_summary::JpmSummary;

use crate::browser;
use crate::domain::format;
use crate::domain::model::plan::{PlanAction, PlanStatus};
use crate::domain::record::Id;
use crate::domain::rules::profile::person_detail;
use crate::domain::rules::report::{jp_status_label, ReevaluationState};
use crate::domain::rules::roster::{supervisor_check, SignedBy};
use crate::domain::rules::schedule::Reevaluation;
use crate::route::{PrintDoc, TrainerTab};
use crate::ui::components::gap_table::GapTable;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

use super::Cohort;

#[component]
pub fn PersonView(cohort: Cohort, employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let back = view! { <p><a href=TrainerTab::Cohort.href()>{i18n.tr("← Kohort", "← Cohort")}</a></p> };
    let body = move || {
        let lang = i18n.lang();
        let Some(p) = cohort.profiles.with(|ps| ps.iter().find(|p| p.id == employee).cloned()) else {
            return view! { <section class="page"><h1>{i18n.t("Pegawai tidak ada di kohort", "Not in the cohort")}</h1></section> }.into_any();
        };
        let cat = store.catalog.get();
        let year = chrono::Datelike::year(&browser::today());
        let detail = cohort
            .snapshot
            .with(|s| s.as_ref().map(|s| person_detail(s, &employee, &cat.rules, year)));
        let Some(detail) = detail else {
            return ().into_any();
        };
        let reevaluation = match p.reevaluation {
            Reevaluation::NeverAssessed => i18n.text(&ReevaluationState::NeverAssessed.label()),
            Reevaluation::UpToDate { due, .. } => {
                format!("{} {}", i18n.t("berikutnya", "next on"), format::date(lang, due))
            }
            Reevaluation::Due { due, .. } => format!(
                "{} {}",
                i18n.t("jatuh tempo sejak", "due since"),
                format::date(lang, due)
            ),
            Reevaluation::Overdue { overdue_from, .. } => format!(
                "{} {}",
                i18n.t("terlambat sejak", "overdue since"),
                format::date(lang, overdue_from)
            ),
        };
        let talent = match (&p.talent, &p.rated) {
            (Some(t), rated) => format!(
                "{} {} — {} · {} {} ({}){}",
                i18n.t("Kotak", "Box"),
                t.rule.number,
                i18n.text(&t.rule.label),
                i18n.t("kinerja", "performance"),
                i18n.text(&t.performance.label()),
                i18n.text(&t.potential.label()),
                rated
                    .as_ref()
                    .map(|r| format!(
                        " · {} {}, {}",
                        i18n.t("ditandatangani", "signed by"),
                        r.by.name,
                        format::date(lang, r.date)
                    ))
                    .unwrap_or_default()
            ),
            (None, _) => i18n
                .t(
                    "Belum dapat ditempatkan (tidak ada penilaian kinerja yang ditandatangani, atau belum ada JPM).",
                    "Not placed yet (no signed performance rating, or no JPM).",
                )
                .to_string(),
        };
        let verified = match &p.verified {
            Some(v) => format!(
                "✓ {} {} (NIP {}), {}",
                i18n.t("Terakhir diverifikasi oleh", "Last verified by"),
                v.by.name,
                v.by.nip,
                format::date(lang, v.date)
            ),
            None => i18n
                .t(
                    "Belum ada verifikasi atasan yang ditandatangani.",
                    "No signed supervisor's verification yet.",
                )
                .to_string(),
        };
        let unproven = (p.unproven > 0).then(|| {
            format!(
                "⚠ {} {}",
                p.unproven,
                i18n.t(
                    "penilaian tanpa tanda tangan atasan yang sah",
                    "evaluations without a valid supervisor's signature"
                )
            )
        });
        // Whether the verification came from the supervisor the roster names (when it names one).
        let roster_check = cohort
            .roster
            .with(|r| r.as_ref().and_then(|r| supervisor_check(r, &p)))
            .map(|c| {
                let expected = match &c.supervisor_name {
                    Some(name) => format!("{name} (NIP {})", c.supervisor.as_str()),
                    None => format!("NIP {}", c.supervisor.as_str()),
                };
                let (class, text) = match c.signed {
                    SignedBy::RosterSupervisor => (
                        "proof-signed",
                        format!(
                            "✓ {} {expected}.",
                            i18n.t(
                                "Ditandatangani oleh atasan menurut daftar peserta:",
                                "Signed by the supervisor the roster names:"
                            )
                        ),
                    ),
                    SignedBy::Other { name, nip } => (
                        "proof-unsigned",
                        format!(
                            "⚠ {} {expected}; {} {name} (NIP {nip}).",
                            i18n.t("Menurut daftar peserta atasannya", "The roster names the supervisor"),
                            i18n.t("verifikasi ditandatangani oleh", "the verification is signed by"),
                        ),
                    ),
                    SignedBy::Nobody => (
                        "",
                        format!(
                            "{} {expected}; {}",
                            i18n.t("Menurut daftar peserta atasannya", "The roster names the supervisor"),
                            i18n.t(
                                "belum ada verifikasinya yang ditandatangani.",
                                "no signed verification from them yet."
                            ),
                        ),
                    ),
                };
                view! { <p class=class data-testid="roster-supervisor">{text}</p> }
            });
        let activities = detail.activities.iter().map(|(a, jp)| view! {
            <li>{format!("{} — {}, {} ({} JP)", format::date(lang, a.end), a.title, i18n.text(&a.method.label()), format::number(lang, *jp))}</li>
        }).collect_view();
        let modules = detail.modules.iter().map(|(pack, module, day, jp)| {
            let title = cat.module(pack, module).map(|m| i18n.text(&m.module.title)).unwrap_or_else(|| module.clone());
            view! { <li>{format!("{} — {title} ({} JP)", format::date(lang, *day), format::number(lang, *jp))}</li> }
        }).collect_view();
        let plan = detail.plan.iter().map(|item| {
            let action = action_text(&item.action, &cat, i18n);
            let done = if item.status == PlanStatus::Done { "✓ " } else { "" };
            view! { <li>{format!("{done}{} → {} {}: {action}", item.competency, i18n.t("tingkat", "level"), item.target_level)}</li> }
        }).collect_view();
        let jp = &p.jp;
        view! {
            <section class="page" data-testid="person">
                <h1>{p.name.clone()}</h1>
                <p class="muted">{format!("{} · {} · NIP {}", p.position.title, p.unit, p.nip)}</p>
                {detail.pin_resets.last().map(|r| view! {
                    <p class="muted" data-testid="person-pin-resets">{format!(
                        "{} {} ({} {})",
                        i18n.t("PIN diatur ulang oleh pelatih, terakhir", "PIN reset by a trainer, last on"),
                        format::date(lang, r.at.date_naive()),
                        detail.pin_resets.len(),
                        i18n.t("kali", "times"),
                    )}</p>
                })}
                <p class="muted" data-testid="last-written">{match detail.last_written {
                    Some(t) => format!("{} {}", i18n.t("Data terakhir ditulis", "Data last written"), format::date(lang, t.date_naive())),
                    None => String::new(),
                }}</p>
                <div class="stats" data-testid="person-jpm"><JpmSummary jpm=p.jpm.clone()/></div>
                <dl class="facts">
                    <dt>{i18n.t("Penilaian ulang", "Re-evaluation")}</dt>
                    <dd>{reevaluation}</dd>
                    <dt>{format!("JP {}", jp.year)}</dt>
                    <dd data-testid="person-jp">{format!("{} / {} — {}", format::number(lang, jp.earned), format::number(lang, jp.target), i18n.text(&jp_status_label(jp.status)))}</dd>
                    <dt>{i18n.t("Talenta", "Talent")}</dt>
                    <dd data-testid="person-talent">{talent}</dd>
                </dl>
                <div class="verification" data-testid="verification">
                    <p class=if p.verified.is_some() { "proof-signed" } else { "" }>{verified}</p>
                    {unproven.map(|t| view! { <p class="proof-unsigned">{t}</p> })}
                    {roster_check}
                </div>
                <h2>{i18n.t("Tingkat kompetensi", "Competency levels")}</h2>
                <GapTable standings=p.standings.clone() testid="person-levels" dated=true/>
                <h2>{format!("{} {}", i18n.t("Modul selesai", "Modules completed in"), year)}</h2>
                <ul data-testid="person-modules">{modules}</ul>
                <h2>{format!("{} {}", i18n.t("Kegiatan", "Activities in"), year)}</h2>
                <ul data-testid="person-activities">{activities}</ul>
                <h2>{i18n.t("Rencana pengembangan", "Development plan")}</h2>
                <ul data-testid="person-plan">{plan}</ul>
                <p><a class="button button-secondary" href=TrainerTab::Print(PrintDoc::Plan(p.id.clone())).href()>{i18n.t("Versi cetak rencana (IDP)", "Printable plan (IDP)")}</a></p>
            </section>
        }
        .into_any()
    };
    view! { {back}{body} }
}

/// What a plan item asks the person to do, in the interface language.
pub(super) fn action_text(
    action: &PlanAction,
    cat: &crate::domain::catalog::Catalog,
    i18n: crate::ui::i18n::I18n,
) -> String {
    match action {
        PlanAction::Module { pack, module } => cat
            .module(pack, module)
            .map(|m| i18n.text(&m.module.title))
            .unwrap_or_else(|| module.clone()),
        PlanAction::Mentoring => i18n.t("pendampingan mentor", "mentoring").to_string(),
        PlanAction::Method { method } => i18n.text(&method.label()),
    }
}
