//! JPM as every screen shows it: the figure with its category, how many competencies meet the
//! standard, whether a supervisor has verified the levels behind it, and how it was computed
//! (scheme, compensation, cap, weights: `wording::jpm_basis`), with the scheme's categories in
//! words. The learner's dashboard and the trainer's person view show the same block; lists
//! (cohort, talent, print) use `jpm_line` and one `JpmBasis` line above them.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::rules::jpm::Jpm;
use crate::domain::rules::wording;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::route::Route;
use crate::ui::state::use_store;

/// "88,9 % — Cukup Optimal · 7 dari 9 memenuhi standar · belum diverifikasi".
pub fn jpm_line(i18n: I18n, j: &Jpm) -> String {
    let mut line = format!(
        "{} % — {} · {}",
        format::number(i18n.lang(), j.percent),
        i18n.text(&j.band.label),
        meeting(i18n, j)
    );
    if !j.verified() {
        line.push_str(" · ");
        line.push_str(i18n.t("belum diverifikasi", "not yet verified"));
    }
    line
}

fn meeting(i18n: I18n, j: &Jpm) -> String {
    format!(
        "{} {} {} {}",
        j.meeting,
        i18n.t("dari", "of"),
        j.required,
        i18n.t("kompetensi memenuhi standar", "competencies meet the standard")
    )
}

/// How JPM is computed on this device now, for a list of JPMs.
#[component]
pub fn JpmBasis() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    view! {
        <p class="muted" data-testid="jpm-basis">
            {move || format!("{} {}", i18n.t("JPM:", "JPM:"), i18n.text(&store.catalog.with(|c| wording::jpm_basis(&c.rules, None))))}
        </p>
    }
}

/// The stat block of one person's JPM. `settings`: link to the device's settings (the learner
/// app; the workbench shows its own device's rules without a link).
#[component]
pub fn JpmSummary(jpm: Option<Jpm>, #[prop(optional)] settings: bool) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let lang = i18n.lang();
    let Some(j) = jpm else {
        return view! {
            <div class="stat" data-testid="jpm">
                <span class="stat-label">{i18n.t("Job Person Match (JPM)", "Job Person Match (JPM)")}</span>
                <span class="stat-value">"—"</span>
                <span class="stat-note">{i18n.t("Belum ada penilaian", "Not assessed yet")}</span>
            </div>
        }
        .into_any();
    };
    let (basis, bands) = store.catalog.with(|c| {
        let bands = c.rules.scheme().map(wording::jpm_bands).unwrap_or_default();
        (wording::jpm_basis(&c.rules, j.weights), bands)
    });
    let bands = bands
        .iter()
        .zip(
            store
                .catalog
                .with(|c| c.rules.scheme().map(|s| s.bands.clone()).unwrap_or_default()),
        )
        .map(|(text, band)| {
            let here = band.key == j.band.key;
            view! { <li class:band-current=here aria-current=here.then_some("true")>{i18n.text(text)}</li> }
        })
        .collect_view();
    let status = if j.meeting == j.required {
        "status-good"
    } else {
        "status-bad"
    };
    view! {
        <div class="stat" data-testid="jpm">
            <span class="stat-label">{i18n.t("Job Person Match (JPM)", "Job Person Match (JPM)")}</span>
            <span class="stat-value">{format!("{} %", format::number(lang, j.percent))}</span>
            <span class="stat-note" data-testid="jpm-category">{i18n.text(&j.band.label)}</span>
            <span class=format!("stat-small {status}") data-testid="jpm-meeting">{meeting(i18n, &j)}</span>
            {(!j.verified()).then(|| view! {
                <span class="stat-small status-warn" data-testid="jpm-unverified">{
                    if j.unverified > 0 {
                        format!("{} {}", j.unverified, i18n.t(
                            "tingkat dari penilaian diri, belum diverifikasi atasan: JPM ini perkiraan sendiri.",
                            "levels are self-assessed, not yet verified by a supervisor: this JPM is an own estimate.",
                        ))
                    } else {
                        i18n.t("Belum diverifikasi atasan.", "Not yet verified by a supervisor.").to_string()
                    }
                }</span>
            })}
            {(j.unassessed > 0).then(|| view! { <span class="stat-small">{format!("{} {}", j.unassessed, i18n.t("kompetensi belum dinilai (dihitung 0)", "competencies not yet assessed (counted as 0)"))}</span> })}
            <span class="stat-small" data-testid="jpm-how">{i18n.text(&basis)}</span>
            <details class="jpm-bands">
                <summary>{i18n.t("Arti kategori", "What the categories mean")}</summary>
                <ul>{bands}</ul>
                {settings.then(|| view! { <a href=Route::Settings.href()>{i18n.t("Ubah cara menghitung di Pengaturan", "Change how it is computed in Settings")}</a> })}
            </details>
        </div>
    }
    .into_any()
}
