//! Learning together (the Rakumpit article among the seeds: discussion sessions, working
//! groups, knowledge sharing): a group session recorded once by its facilitator on a shared
//! device, crediting every attendee who confirmed it.
//!
//! A session is not a record of its own: each attendee gets an ordinary activity in their own
//! record (`Activity::session` says which session, who facilitated, and how the attendee
//! confirmed), so it merges, exports and counts like any activity, and erasing a person erases
//! their share of it. The trainer sees the sessions by gathering those activities
//! (`rules::sessions`).
//!
//! Whose data: an activity lands in an attendee's record only when they confirmed it on this
//! device — with their own PIN, by tapping it on a profile that has no PIN (anyone at the device
//! can do that much on such a profile already), or through the facilitator's signed sign-in
//! list, whose reference is kept as the evidence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::{Method, HOURS_PER_DAY};
use crate::domain::lang::Text;
use crate::domain::record::Id;

/// The kinds of session the seed names, each credited by a development method's JP rule
/// (`jp.methods`, `docs/rules.md` §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// *Komunitas praktik*.
    CommunityOfPractice,
    /// *Forum kelompok kerja*.
    WorkingGroup,
    /// *Diskusi rutin* of a unit.
    RoutineDiscussion,
    /// *Coaching internal* by a colleague.
    InHouseCoaching,
}

impl SessionKind {
    pub const ALL: [SessionKind; 4] = [
        SessionKind::CommunityOfPractice,
        SessionKind::WorkingGroup,
        SessionKind::RoutineDiscussion,
        SessionKind::InHouseCoaching,
    ];

    /// The development method (Peraturan LAN 10/2018) whose JP rule credits it.
    pub fn method(self) -> Method {
        match self {
            SessionKind::InHouseCoaching => Method::Coaching,
            _ => Method::KomunitasBelajar,
        }
    }

    pub fn label(self) -> Text {
        let (id, en) = match self {
            SessionKind::CommunityOfPractice => ("Komunitas praktik", "Community of practice"),
            SessionKind::WorkingGroup => ("Forum kelompok kerja", "Working-group forum"),
            SessionKind::RoutineDiscussion => ("Diskusi rutin", "Routine discussion"),
            SessionKind::InHouseCoaching => ("Coaching internal", "In-house coaching"),
        };
        Text::new(id, en)
    }
}

/// How an attendee confirmed they were there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Confirmed {
    /// With their own PIN, on this device.
    OwnPin,
    /// Their profile has no PIN on this device: tapped.
    OpenProfile,
    /// On the facilitator's signed sign-in list, which `reference` names.
    SignInList { reference: String },
}

/// What an attendee's activity says of the session it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLink {
    /// The same for every attendee's activity of one session.
    pub id: Id,
    pub kind: SessionKind,
    pub facilitator: Id,
    pub facilitator_name: String,
    pub confirmed: Confirmed,
}

/// The session form as typed by the facilitator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionForm {
    pub topic: String,
    pub kind: Option<SessionKind>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Hours, with a decimal point or comma.
    pub hours: String,
    /// The facilitator's sign-in list (number, date), for attendees confirmed through it.
    pub sign_in_list: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionField {
    Topic,
    Kind,
    Date,
    Hours,
    Attendees,
    SignInList,
}

/// A checked session: what every attendee's activity is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub topic: String,
    pub kind: SessionKind,
    pub date: NaiveDate,
    pub hours: f64,
    pub sign_in_list: String,
}

impl SessionForm {
    /// Every problem, each beside its field. `confirmations`: how each attendee confirmed
    /// (an attendee without one is not credited and is not a problem; none at all is).
    pub fn check(
        &self,
        confirmations: &[(Id, Confirmed)],
        today: NaiveDate,
    ) -> Result<Session, Vec<(SessionField, Text)>> {
        use crate::domain::format::parse_date;
        use crate::domain::snapshot::bounds::{date_problem, required_line, text_problem};
        let mut errs = Vec::new();
        let topic = self.topic.trim();
        if let Some(p) = required_line(topic, Text::new("Isi topik sesi.", "Enter the session's topic.")) {
            errs.push((SessionField::Topic, p));
        }
        if self.kind.is_none() {
            errs.push((
                SessionField::Kind,
                Text::new("Pilih jenis sesi.", "Choose the kind of session."),
            ));
        }
        let date = parse_date(&self.date);
        match date {
            None => errs.push((
                SessionField::Date,
                Text::new("Isi tanggal sesi.", "Enter the session's date."),
            )),
            Some(d) => {
                if let Some(p) = date_problem(d, today) {
                    errs.push((SessionField::Date, p));
                }
            }
        }
        let hours = crate::domain::format::parse_hours(&self.hours);
        match hours {
            Some(h) if h > 0.0 && h <= HOURS_PER_DAY => {}
            _ => errs.push((
                SessionField::Hours,
                Text::new(
                    format!("Isi lama sesi dalam jam: lebih dari 0, paling banyak {HOURS_PER_DAY}."),
                    format!("Enter the session's length in hours: above 0, at most {HOURS_PER_DAY}."),
                ),
            )),
        }
        let sign_in_list = self.sign_in_list.trim();
        if let Some(p) = text_problem(sign_in_list, false) {
            errs.push((SessionField::SignInList, p));
        }
        if confirmations.is_empty() {
            errs.push((
                SessionField::Attendees,
                Text::new(
                    "Belum ada peserta yang mengonfirmasi kehadirannya.",
                    "No attendee has confirmed their attendance yet.",
                ),
            ));
        }
        if sign_in_list.is_empty()
            && confirmations
                .iter()
                .any(|(_, c)| matches!(c, Confirmed::SignInList { .. }))
        {
            errs.push((
                SessionField::SignInList,
                Text::new(
                    "Isi nomor daftar hadir untuk peserta yang dikonfirmasi lewat daftar hadir.",
                    "Enter the sign-in list's number for attendees confirmed through it.",
                ),
            ));
        }
        match (self.kind, date, hours) {
            (Some(kind), Some(date), Some(hours)) if errs.is_empty() => Ok(Session {
                topic: topic.to_string(),
                kind,
                date,
                hours,
                sign_in_list: sign_in_list.to_string(),
            }),
            _ => Err(errs),
        }
    }
}
