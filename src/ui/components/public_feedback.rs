//! Public feedback on an employee's service (complaint box, satisfaction survey, SP4N-LAPOR!),
//! recorded by the supervisor as one signal for the six-monthly evaluation (seeds 000/001).
//! The next verified assessment lists the notes recorded since the previous one.

use leptos::prelude::*;

use crate::browser;
use crate::domain::format;
use crate::domain::model::evaluation::{Feedback, FeedbackForm, Sentiment};
use crate::domain::record::Id;
use crate::domain::sort;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

fn sentiment_label(s: Sentiment) -> (&'static str, &'static str) {
    match s {
        Sentiment::Positive => ("Positif", "Positive"),
        Sentiment::Neutral => ("Netral", "Neutral"),
        Sentiment::Negative => ("Keluhan", "Complaint"),
    }
}

#[component]
pub fn PublicFeedback(employee: Id) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let date = RwSignal::new(browser::today().to_string());
    let source = RwSignal::new(String::new());
    let sentiment = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let emp = employee.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = FeedbackForm {
            date: date.get_untracked(),
            source: source.get_untracked(),
            sentiment: crate::ui::form_value::parse::<Sentiment>(&sentiment.get_untracked()),
            note: note.get_untracked(),
        };
        let emp = emp.clone();
        match store.try_change(move |s, dev, now| {
            s.record_feedback(&emp, &form, browser::new_id(), browser::today(), dev, now)
        }) {
            Err(t) => error.set(Some(i18n.text(&t))),
            Ok(true) => {
                error.set(None);
                note.set(String::new());
                source.set(String::new());
            }
            Ok(false) => {}
        }
    };
    let emp2 = employee.clone();
    let list = move || {
        let lang = i18n.lang();
        let mut fs: Vec<Feedback> = store
            .snapshot
            .with(|s| s.feedback.live_of(&emp2).map(|r| r.data().clone()).collect());
        sort::sort_by(&mut fs, |a, b| b.date.cmp(&a.date));
        fs.into_iter()
            .map(|f| {
                let (id, en) = sentiment_label(f.sentiment);
                let src = if f.source.is_empty() { String::new() } else { format!(" ({})", f.source) };
                view! { <li><strong>{format!("{} — {}{src}: ", format::date(lang, f.date), i18n.t(id, en))}</strong>{f.note}</li> }
            })
            .collect_view()
    };
    view! {
        <h2>{i18n.tr("Umpan balik publik", "Public feedback")}</h2>
        <p class="muted">{i18n.tr("Catatan dari masyarakat tentang pelayanan pegawai ini, sebagai bahan evaluasi.", "What the public said about this employee's service, as input to the evaluation.")}</p>
        <form class="form" on:submit=add novalidate>
            <div class="field-row">
                <div class="field"><label for="fb-date">{i18n.tr("Tanggal", "Date")}</label>
                    <input id="fb-date" type="date" prop:value=date on:input=move |e| date.set(event_target_value(&e))/></div>
                <div class="field"><label for="fb-kind">{i18n.tr("Jenis", "Kind")}</label>
                    <select id="fb-kind" on:change=move |e| sentiment.set(event_target_value(&e))>
                        <option value="">{i18n.tr("— pilih —", "— choose —")}</option>
                        {[Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative].into_iter().map(|s| {
                            let key = crate::ui::form_value::key(&s);
                            let (id, en) = sentiment_label(s);
                            view! { <option value=key>{i18n.tr(id, en)}</option> }
                        }).collect_view()}
                    </select></div>
                <div class="field"><label for="fb-source">{i18n.tr("Sumber (pilihan)", "Source (optional)")}</label>
                    <input id="fb-source" type="text" prop:value=source on:input=move |e| source.set(event_target_value(&e))/></div>
            </div>
            <div class="field"><label for="fb-note">{i18n.tr("Isi umpan balik", "What was said")}</label>
                <textarea id="fb-note" rows="2" maxlength="10000" prop:value=note on:input=move |e| note.set(event_target_value(&e))></textarea></div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p class="actions"><button type="submit" class="button">{i18n.tr("Catat umpan balik", "Record feedback")}</button></p>
        </form>
        <ul data-testid="feedback">{list}</ul>
    }
}
