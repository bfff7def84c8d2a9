//! Inputs of the six-monthly evaluation besides competency levels: the supervisor's
//! performance rating (for the talent box) and public feedback on service quality.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::lang::Text;
use crate::domain::record::{Id, RecordData};
use crate::domain::signing::Signature;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Performance {
    Below,
    Meets,
    Above,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Potential {
    Low,
    Medium,
    High,
}

impl Performance {
    pub fn label(self) -> Text {
        match self {
            Performance::Below => Text::new("Di bawah ekspektasi", "Below expectations"),
            Performance::Meets => Text::new("Sesuai ekspektasi", "Meets expectations"),
            Performance::Above => Text::new("Di atas ekspektasi", "Above expectations"),
        }
    }
}

impl Potential {
    pub fn label(self) -> Text {
        match self {
            Potential::Low => Text::new("Rendah", "Low"),
            Potential::Medium => Text::new("Menengah", "Medium"),
            Potential::High => Text::new("Tinggi", "High"),
        }
    }
}

/// A supervisor's rating for one half-year period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub employee: Id,
    pub year: i32,
    /// 1 = January–June, 2 = July–December.
    pub half: u8,
    pub performance: Performance,
    /// When the supervisor does not give one, potential is derived from JPM (rules config).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential: Option<Potential>,
    pub rater: String,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The supervisor's signature. Without one that checks (`rules::proof`) the rating is
    /// self-reported and places nobody in the talent box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

crate::signable!(Rating, "rating");

impl RecordData for Rating {
    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }
}

impl Rating {
    /// The half-year a date falls in: 1 for January–June, 2 for July–December.
    pub fn half_of(date: NaiveDate) -> u8 {
        use chrono::Datelike;
        if date.month() <= 6 {
            1
        } else {
            2
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

/// A note from the public about the service an employee gave (complaint box, survey, SP4N-LAPOR!).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub employee: Id,
    pub date: NaiveDate,
    pub source: String,
    pub sentiment: Sentiment,
    pub note: String,
}

impl RecordData for Feedback {
    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }
}

/// The public-feedback form as typed, checked here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedbackForm {
    pub date: String,
    pub source: String,
    pub sentiment: Option<Sentiment>,
    pub note: String,
}

impl FeedbackForm {
    /// A note about `employee`, or the first problem, in the user's words.
    pub fn check(&self, employee: &Id, today: NaiveDate) -> Result<Feedback, Text> {
        use crate::domain::snapshot::bounds::{date_problem, text_problem};
        let date = crate::domain::format::parse_date(&self.date).ok_or(Text::new("Isi tanggal.", "Enter the date."))?;
        let sentiment = self
            .sentiment
            .ok_or(Text::new("Pilih jenis umpan balik.", "Choose the kind of feedback."))?;
        let note = self.note.trim();
        if note.is_empty() {
            return Err(Text::new("Tulis isi umpan balik.", "Write what the public said."));
        }
        if let Some(p) = date_problem(date, today)
            .or_else(|| text_problem(self.source.trim(), false))
            .or_else(|| text_problem(note, false))
        {
            return Err(p);
        }
        Ok(Feedback {
            employee: employee.clone(),
            date,
            source: self.source.trim().to_string(),
            sentiment,
            note: note.to_string(),
        })
    }
}

/// The public feedback an evaluation on `date` considers: notes about `employee` dated after
/// the previous verified assessment (if any) and up to `date`.
pub fn feedback_for_evaluation<'a>(
    feedback: impl IntoIterator<Item = (&'a Id, &'a Feedback)>,
    employee: &Id,
    previous: Option<NaiveDate>,
    date: NaiveDate,
) -> Vec<Id> {
    feedback
        .into_iter()
        .filter(|(_, f)| &f.employee == employee && f.date <= date && previous.is_none_or(|p| f.date > p))
        .map(|(id, _)| id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evaluation_considers_the_feedback_since_the_previous_one() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let emp = Id::parse("e").unwrap();
        let other = Id::parse("o").unwrap();
        let fb = |e: &Id, date| Feedback {
            employee: e.clone(),
            date,
            source: String::new(),
            sentiment: Sentiment::Positive,
            note: "x".into(),
        };
        let notes = [
            (Id::parse("old").unwrap(), fb(&emp, d(1, 5))),
            (Id::parse("new").unwrap(), fb(&emp, d(5, 5))),
            (Id::parse("later").unwrap(), fb(&emp, d(8, 1))),
            (Id::parse("theirs").unwrap(), fb(&other, d(5, 5))),
        ];
        let ids = feedback_for_evaluation(notes.iter().map(|(i, f)| (i, f)), &emp, Some(d(2, 1)), d(6, 30));
        assert_eq!(ids, vec![Id::parse("new").unwrap()]);
        assert_eq!(
            feedback_for_evaluation(notes.iter().map(|(i, f)| (i, f)), &emp, None, d(6, 30)).len(),
            2
        );
    }
}
