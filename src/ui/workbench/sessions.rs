//! The group sessions in the cohort (`rules::sessions`): what was learned together, when, who
//! facilitated, who was credited and how each attendee confirmed.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::model::session::Confirmed;
use crate::domain::rules::sessions::sessions;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

use super::Cohort;

#[component]
pub fn SessionList(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        let lang = i18n.lang();
        let list = cohort
            .snapshot
            .with(|s| s.as_ref().map(|s| store.catalog.with(|c| sessions(s, &c.rules))))
            .unwrap_or_default();
        if list.is_empty() {
            return view! {
                <p class="muted" data-testid="sessions-empty">{i18n.t(
                    "Belum ada sesi belajar bersama dalam kohort. Fasilitator mencatatnya di tablet (Belajar bersama); sesinya sampai lewat ekspor peserta.",
                    "No learning-together session in the cohort yet. Facilitators record them on the tablet (Learning together); they arrive with the attendees' exports.",
                )}</p>
            }
            .into_any();
        }
        let rows = list
            .into_iter()
            .map(|s| {
                let attendees = s
                    .attendees
                    .iter()
                    .map(|(name, how)| {
                        let how = match how {
                            Confirmed::OwnPin => i18n.t("PIN", "PIN"),
                            Confirmed::OpenProfile => i18n.t("tanpa PIN", "no PIN"),
                            Confirmed::SignInList { .. } => i18n.t("daftar hadir", "sign-in list"),
                        };
                        format!("{name} ({how})")
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <tr>
                        <td class="nowrap">{format::date(lang, s.date)}</td>
                        <th scope="row">{s.topic}<div class="muted small">{i18n.text(&s.kind.label())}</div></th>
                        <td>{s.facilitator_name}</td>
                        <td>{format!("{} — {attendees}", s.attendees.len())}</td>
                        <td>{format!("{} {} · {} JP", format::number(lang, s.hours), i18n.t("jam", "h"), format::number(lang, s.jp))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=i18n.t("Belajar bersama", "Learning together")>
                <table class="table" data-testid="sessions">
                    <caption>{i18n.t("Belajar bersama", "Learning together")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("Tanggal", "Date")}</th>
                        <th scope="col">{i18n.t("Topik", "Topic")}</th>
                        <th scope="col">{i18n.t("Fasilitator", "Facilitator")}</th>
                        <th scope="col">{i18n.t("Peserta (cara konfirmasi)", "Attendees (how confirmed)")}</th>
                        <th scope="col">{i18n.t("Lama · JP tiap peserta", "Length · JP each")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
