//! "My dashboard": JPM and its category, required vs current levels, gaps, JP this year, the
//! re-evaluation banner and what to do next. Every figure comes from `domain::rules::profile`.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::record::Id;
use crate::domain::rules::jp::JpStatus;
use crate::domain::rules::recommend::MentoringReason;
use crate::domain::rules::schedule::Reevaluation;
use crate::domain::rules::wording;
use crate::ui::components::gap_table::GapTable;
use crate::ui::components::jpm_summary::JpmSummary;
use crate::ui::components::level_chart::LevelChart;
use crate::ui::i18n::use_i18n;
use crate::ui::route::{ModuleRef, Route, Screen};
use crate::ui::state::use_store;

#[component]
pub fn DashboardPage(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let profile = store.profile_of(employee.clone());
    let e = employee.clone();
    move || {
        let Some(p) = profile.get() else {
            return view! { <p>{i18n.t("Profil tidak ditemukan.", "Profile not found.")}</p> }.into_any();
        };
        let lang = i18n.lang();
        let cat = store.catalog.get();
        let comp_name = |code: &str| {
            cat.competencies
                .get(code)
                .map(|c| i18n.text(&c.name))
                .unwrap_or_else(|| code.to_string())
        };

        let banner = match p.reevaluation {
            Reevaluation::NeverAssessed => Some((
                "notice-warn",
                format!(
                    "{} ",
                    i18n.t("Anda belum pernah menilai diri.", "You have not assessed yourself yet.")
                ),
            )),
            Reevaluation::Due { due, .. } => Some((
                "notice-warn",
                format!(
                    "{} {}. ",
                    i18n.text(&store.catalog.with(|c| wording::reevaluation_due(&c.rules))),
                    format::date(lang, due)
                ),
            )),
            Reevaluation::Overdue { overdue_from, .. } => Some((
                "notice-error",
                format!(
                    "{} {}. ",
                    i18n.t("Penilaian ulang TERLAMBAT sejak", "The re-assessment is OVERDUE since"),
                    format::date(lang, overdue_from)
                ),
            )),
            Reevaluation::UpToDate { due, .. } => Some((
                "notice-ok",
                format!(
                    "{} {}. ",
                    i18n.t("Penilaian berikutnya:", "Next assessment:"),
                    format::date(lang, due)
                ),
            )),
        };
        let banner = banner.map(|(class, text)| {
            view! {
                <div class=format!("notice {class}") role="status" data-testid="reevaluation">
                    {text}<a href=Route::Profile(e.clone(), Screen::Assess).href()>{i18n.t("Ke penilaian diri", "Go to self-assessment")}</a>
                </div>
            }
        });

        let improvement = p.improvement.map(|d| {
            view! {
                <p class="muted" data-testid="jpm-improvement">{format!("{} {}{} %", i18n.t("JPM berubah sejak penilaian sebelumnya:", "JPM change since the previous assessment:"), if d >= 0.0 { "+" } else { "" }, format::number(lang, d))}</p>
            }
        });
        let jpm = view! { <JpmSummary jpm=p.jpm.clone() settings=true/> };

        let jp = &p.jp;
        let (jp_text, jp_class) = match jp.status {
            JpStatus::Met => (i18n.t("Target tercapai", "Target met"), "good"),
            JpStatus::OnTrack => (i18n.t("Sesuai jadwal", "On track"), "ok"),
            JpStatus::Behind => (i18n.t("Tertinggal", "Behind"), "bad"),
        };
        let jp_view = view! {
            <div class="stat" data-testid="jp">
                <span class="stat-label">{format!("{} {}", i18n.t("Jam pelajaran (JP) tahun", "Learning hours (JP) in"), jp.year)}</span>
                <span class="stat-value" data-testid="jp-earned">{format!("{} / {}", format::number(lang, jp.earned), format::number(lang, jp.target))}</span>
                <progress max=jp.target value=jp.earned.min(jp.target) aria-label=i18n.t("JP tahun ini", "JP this year")></progress>
                <span class=format!("stat-note status-{jp_class}")>{jp_text}</span>
                {(jp.pace_per_month > 0.0).then(|| view! { <span class="stat-small">{format!("{} {} {}", i18n.t("Perlu", "Needs"), format::number(lang, jp.pace_per_month), i18n.t("JP per bulan sampai akhir tahun", "JP a month until the year ends"))}</span> })}
                <span class="stat-small">{format!("{} {} · {} {}", i18n.t("Modul:", "Modules:"), format::number(lang, jp.from_modules), i18n.t("Kegiatan lain:", "Other activities:"), format::number(lang, jp.from_activities))}</span>
            </div>
        };

        let next = p.recommendations.iter().take(3).map(|r| {
            let module = r.modules.first().and_then(|m| cat.module(&m.pack, &m.module).map(|cm| (m.clone(), i18n.text(&cm.module.title))));
            let mentoring = r.mentoring.as_ref().map(|m| match m {
                MentoringReason::LargeGap { .. } => i18n.t("Minta pendampingan mentor: kesenjangannya besar.", "Ask for a mentor: the gap is large.").to_string(),
                MentoringReason::FailedModule { failures, .. } => i18n.text(&wording::mentoring_after_failures(*failures)),
            });
            let methods = r.methods.iter().map(|m| i18n.text(&m.label())).collect::<Vec<_>>().join(", ");
            let e2 = e.clone();
            view! {
                <li>
                    <strong>{format!("{} {}", r.competency, comp_name(&r.competency))}</strong>
                    {format!(" — {} → {} ({})", if r.current == 0 { i18n.t("belum dinilai", "not assessed").to_string() } else { format!("{} {}", i18n.t("tingkat", "level"), r.current) }, r.required, i18n.text(&wording::gap(r.required as i16 - r.current as i16)))}
                    {module.map(|(m, title)| view! {
                        <div><a class="link-strong" href=Route::Profile(e2.clone(), Screen::Module(ModuleRef { pack: m.pack, module: m.module })).href()>{format!("{} {title} ({} JP)", i18n.t("Modul:", "Module:"), format::number(lang, m.jp))}</a></div>
                    })}
                    {mentoring.map(|t| view! { <div>{t}</div> })}
                    {(!methods.is_empty()).then(|| view! { <div class="muted">{format!("{} {methods}", i18n.t("Cara lain:", "Other ways:"))}</div> })}
                </li>
            }
        }).collect_view();
        let no_gaps = p.recommendations.is_empty() && p.jpm.is_some();
        // Who verified, when, and what claims to be verified but is not proven.
        let verification = {
            let verified = p.verified.as_ref().map(|v| {
                format!(
                    "{} {} (NIP {}), {} — {}",
                    i18n.t("Terakhir diverifikasi oleh", "Last verified by"),
                    v.by.name,
                    v.by.nip,
                    format::date(lang, v.date),
                    i18n.t("tanda tangan sah", "signature checks")
                )
            });
            let unproven = (p.unproven > 0).then(|| format!(
                "{} {}",
                p.unproven,
                i18n.t(
                    "penilaian atasan atau penilaian kinerja tanpa tanda tangan atasan yang sah: dihitung sebagai laporan sendiri.",
                    "supervisor's evaluations or performance ratings without a valid supervisor's signature: counted as self-reported."
                )
            ));
            (verified.is_some() || unproven.is_some()).then(|| {
                view! {
                    <div class="verification" data-testid="verification">
                        {verified.map(|t| view! { <p class="proof-signed">{format!("✓ {t}")}</p> })}
                        {unproven.map(|t| view! { <p class="proof-unsigned">{format!("⚠ {t}")}</p> })}
                    </div>
                }
            })
        };

        view! {
            <section class="page">
                <h1>{p.name.clone()}</h1>
                <p class="muted">{format!("{} · {} · NIP {}", p.position.title, p.unit, p.nip)}</p>
                {banner}
                <div class="stats">{jpm}{jp_view}</div>
                {improvement}
                {verification}
                <h2>{i18n.t("Tingkat kompetensi", "Competency levels")}</h2>
                <LevelChart standings=p.standings.clone()/>
                <GapTable standings=p.standings.clone() testid="gaps"/>
                <h2>{i18n.t("Langkah berikutnya", "Next steps")}</h2>
                {no_gaps.then(|| view! { <p>{i18n.t("Semua kompetensi memenuhi standar jabatan. Pertahankan dengan belajar rutin.", "Every competency meets the standard. Keep it up with regular learning.")}</p> })}
                <ul class="next-steps" data-testid="next-steps">{next}</ul>
                <p class="actions">
                    <a class="button" href=Route::Profile(e.clone(), Screen::Learn).href()>{i18n.t("Katalog modul", "Module catalog")}</a>
                    <a class="button button-secondary" href=Route::Profile(e.clone(), Screen::Edit).href()>{i18n.t("Ubah profil", "Edit profile")}</a>
                </p>
            </section>
        }.into_any()
    }
}
