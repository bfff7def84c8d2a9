//! E-learning progress of one employee in one module.
//!
//! Progress only moves forward: a lesson done stays done, every quiz attempt is kept, the
//! first completion stands. That makes it a join (union) rather than a register, so two
//! devices' progress always merges without conflict.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::pack::{ModuleId, PackId};
use crate::domain::record::{DeviceId, Id, RecordData};
use crate::domain::sort;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub employee: Id,
    pub pack: PackId,
    pub module: ModuleId,
    #[serde(default)]
    pub lessons_done: BTreeSet<String>,
    /// Where to resume: the last lesson opened (latest write wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// Every quiz attempt, by attempt id.
    #[serde(default)]
    pub attempts: BTreeMap<Id, QuizAttempt>,
    /// Set by the first passing attempt; the JP credited then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// The learner's own notes and exercise answers, by lesson id. Each lesson's note is a
    /// register: the latest write wins, so two devices' notes merge without a conflict.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, LessonNote>,
}

/// What the learner wrote beside one lesson (its exercises ask them to write).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LessonNote {
    pub at: DateTime<Utc>,
    pub device: DeviceId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Resume {
    pub at: DateTime<Utc>,
    pub device: DeviceId,
    pub lesson: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizAttempt {
    pub at: DateTime<Utc>,
    /// Chosen choice indexes per question, in question order.
    pub answers: Vec<Vec<usize>>,
    pub correct: u32,
    pub total: u32,
    /// Percentage correct, 0–100.
    pub score: u8,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    pub at: DateTime<Utc>,
    pub attempt: Id,
    /// JP credited at completion (the module's JP then; later pack editions don't change it).
    pub jp: f64,
}

impl Progress {
    pub fn new(employee: Id, pack: PackId, module: ModuleId) -> Progress {
        Progress {
            employee,
            pack,
            module,
            lessons_done: BTreeSet::new(),
            resume: None,
            attempts: BTreeMap::new(),
            completion: None,
            notes: BTreeMap::new(),
        }
    }

    /// One progress record per employee × pack × module, whichever device starts it.
    pub fn id_for(employee: &Id, pack: &str, module: &str) -> Id {
        Id::derived(&[employee.as_str(), pack, module])
    }

    pub fn is_complete(&self) -> bool {
        self.completion.is_some()
    }

    pub fn failed_attempts(&self) -> usize {
        self.attempts.values().filter(|a| !a.passed).count()
    }

    /// Attempts in the order they were made.
    pub fn attempts_in_order(&self) -> Vec<(&Id, &QuizAttempt)> {
        let mut v: Vec<_> = self.attempts.iter().collect();
        sort::sort_by(&mut v, |a, b| a.1.at.cmp(&b.1.at).then(a.0.cmp(b.0)));
        v
    }
}

impl RecordData for Progress {
    const JOINS: bool = true;

    fn owner(&self) -> Option<&Id> {
        Some(&self.employee)
    }

    fn join(&self, other: &Self) -> Option<Self> {
        let mut out = self.clone();
        out.lessons_done.extend(other.lessons_done.iter().cloned());
        out.resume = self.resume.clone().max(other.resume.clone());
        for (id, a) in &other.attempts {
            out.attempts.entry(id.clone()).or_insert_with(|| a.clone());
        }
        out.completion = match (&self.completion, &other.completion) {
            (Some(a), Some(b)) => Some(if (b.at, &b.attempt) < (a.at, &a.attempt) {
                b.clone()
            } else {
                a.clone()
            }),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        for (lesson, n) in &other.notes {
            let mine = out.notes.entry(lesson.clone()).or_insert_with(|| n.clone());
            if (&n.at, &n.device, &n.text) > (&mine.at, &mine.device, &mine.text) {
                *mine = n.clone();
            }
        }
        Some(out)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleStatus {
    NotStarted,
    InProgress,
    Completed,
}

impl Progress {
    pub fn status(p: Option<&Progress>) -> ModuleStatus {
        match p {
            Some(p) if p.is_complete() => ModuleStatus::Completed,
            Some(p) if p.started() => ModuleStatus::InProgress,
            _ => ModuleStatus::NotStarted,
        }
    }

    /// The one meaning of "started" (catalog status, recommendations, the module page's
    /// "continue"): a lesson opened or done, or a quiz attempted.
    pub fn started(&self) -> bool {
        !self.lessons_done.is_empty() || !self.attempts.is_empty() || self.resume.is_some()
    }

    /// Remembers the lesson being read, for "resume where I left off".
    pub fn open_lesson(&mut self, lesson: &str, at: DateTime<Utc>, device: &DeviceId) {
        self.resume = Some(Resume {
            at,
            device: device.clone(),
            lesson: lesson.to_string(),
        });
    }

    /// Keeps what the learner wrote beside `lesson`; an unchanged text is not a new write,
    /// and an emptied box keeps an empty note (so the emptying wins over an older text).
    pub fn write_note(&mut self, lesson: &str, text: &str, at: DateTime<Utc>, device: &DeviceId) -> bool {
        let current = self.notes.get(lesson).map(|n| n.text.as_str()).unwrap_or("");
        if current == text {
            return false;
        }
        self.notes.insert(
            lesson.to_string(),
            LessonNote {
                at,
                device: device.clone(),
                text: text.to_string(),
            },
        );
        true
    }

    /// The note beside `lesson`, empty when none was written.
    pub fn note(&self, lesson: &str) -> &str {
        self.notes.get(lesson).map(|n| n.text.as_str()).unwrap_or("")
    }

    /// Records a quiz attempt; the first pass completes the module and credits `module_jp`.
    pub fn record_attempt(&mut self, id: Id, attempt: QuizAttempt, module_jp: f64) {
        if attempt.passed && self.completion.is_none() {
            self.completion = Some(Completion {
                at: attempt.at,
                attempt: id.clone(),
                jp: module_jp,
            });
        }
        self.attempts.insert(id, attempt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_first_pass_completes_and_later_attempts_change_nothing_but_history() {
        let dev = Id::parse("d").unwrap();
        let mut p = Progress::new(Id::parse("e").unwrap(), "p".into(), "m".into());
        assert_eq!(Progress::status(Some(&p)), ModuleStatus::NotStarted);
        p.open_lesson("l1", Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(), &dev);
        assert_eq!(Progress::status(Some(&p)), ModuleStatus::InProgress);
        let at = |d| Utc.with_ymd_and_hms(2026, 1, d, 0, 0, 0).unwrap();
        let attempt = |d, passed| QuizAttempt {
            at: at(d),
            answers: vec![],
            correct: 0,
            total: 5,
            score: if passed { 80 } else { 20 },
            passed,
        };
        p.record_attempt(Id::parse("a1").unwrap(), attempt(2, false), 3.0);
        assert!(p.completion.is_none());
        p.record_attempt(Id::parse("a2").unwrap(), attempt(3, true), 3.0);
        p.record_attempt(Id::parse("a3").unwrap(), attempt(4, true), 5.0);
        let c = p.completion.as_ref().unwrap();
        assert_eq!((c.attempt.as_str(), c.jp), ("a2", 3.0));
        assert_eq!(p.attempts.len(), 3);
        assert_eq!(Progress::status(Some(&p)), ModuleStatus::Completed);
    }
}
