//! Record changes the screens ask for, as domain commands on the snapshot: each decides whose
//! record it is, checks the form, and keeps every field the form does not show. Views gather
//! the form and call one of these inside `Store::change`/`try_change`; they never build a
//! record themselves. (The supervisor's signed evaluation is `snapshot::evaluation`.)

use chrono::{DateTime, NaiveDate, Utc};

use super::document::Snapshot;
use crate::domain::lang::Text;
use crate::domain::model::activity::{Activity, ActivityField, ActivityForm};
use crate::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use crate::domain::model::employee::{Employee, EmployeeForm, Field, PinReset};
use crate::domain::model::evaluation::FeedbackForm;
use crate::domain::model::lock::{PinHash, ProfileLock};
use crate::domain::model::plan::{PlanItem, PlanStatus};
use crate::domain::model::progress::Progress;
use crate::domain::model::session::{Confirmed, SessionField, SessionForm, SessionLink};
use crate::domain::record::{DeviceId, Id, Record};

impl Snapshot {
    /// Edits `employee`'s profile with the form: only the form's fields change.
    pub fn edit_profile(
        &mut self,
        employee: &Id,
        form: &EmployeeForm,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<(Field, Text)>> {
        self.check_profile(form, Some(employee), now.date_naive())?;
        let Some(r) = self.employees.get_mut(employee) else {
            return Ok(());
        };
        let edited = form.apply_to(r.data())?;
        if &edited != r.data() {
            r.edit(device, now, edited);
        }
        Ok(())
    }

    /// Records a group session that `facilitator` (whose profile is open here) led: every
    /// attendee in `confirmations` gets the session as an activity in their own record, with
    /// the JP of the session kind's method. Attendees must be live profiles on this device, each
    /// once; the facilitator may be one of them. Returns how many were credited; on a refusal
    /// nothing is written.
    #[allow(clippy::too_many_arguments)]
    pub fn record_session(
        &mut self,
        facilitator: &Id,
        form: &SessionForm,
        confirmations: &[(Id, Confirmed)],
        session_id: Id,
        mut new_id: impl FnMut() -> Id,
        today: NaiveDate,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<usize, Vec<(SessionField, Text)>> {
        let Some(lead) = self.employees.get(facilitator).filter(|r| !r.is_deleted()) else {
            return Err(vec![(
                SessionField::Attendees,
                Text::new(
                    "Profil fasilitator tidak ada di perangkat ini.",
                    "The facilitator's profile is not on this device.",
                ),
            )]);
        };
        let facilitator_name = lead.data().name.clone();
        let session = form.check(confirmations, today)?;
        let mut seen = std::collections::BTreeSet::new();
        for (who, _) in confirmations {
            let here = self.employees.get(who).is_some_and(|r| !r.is_deleted());
            if !here || !seen.insert(who.clone()) {
                return Err(vec![(
                    SessionField::Attendees,
                    Text::new(
                        "Setiap peserta harus profil di perangkat ini, sekali saja.",
                        "Every attendee must be a profile on this device, once.",
                    ),
                )]);
            }
        }
        for (who, confirmed) in confirmations {
            let evidence = match confirmed {
                Confirmed::SignInList { reference } => format!("Daftar hadir {reference}"),
                _ => String::new(),
            };
            let activity = Activity {
                employee: who.clone(),
                title: session.topic.clone(),
                method: session.kind.method(),
                start: session.date,
                end: session.date,
                hours: session.hours,
                competencies: vec![],
                evidence,
                session: Some(SessionLink {
                    id: session_id.clone(),
                    kind: session.kind,
                    facilitator: facilitator.clone(),
                    facilitator_name: facilitator_name.clone(),
                    confirmed: confirmed.clone(),
                }),
            };
            self.activities.upsert(Record::create(new_id(), device, now, activity));
        }
        Ok(confirmations.len())
    }

    /// A trainer resets `employee`'s forgotten PIN on this device to `pin`, which the owner
    /// types in the trainer's presence. The caller is the trainer workbench, behind its
    /// passphrase: on a shared device that passphrase is the authority for this, as the PIN
    /// is for everything else. Nothing of the person's records changes but the log on their
    /// profile (`Employee::pin_resets`), so the owner and the trainer see it happened. A signing
    /// key sealed with the forgotten PIN can no longer be opened: it is dropped, and the person
    /// signs only where their key still is (`SignRefusal::KeyElsewhere` here).
    pub fn reset_pin(
        &mut self,
        employee: &Id,
        pin: PinHash,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), ResetRefusal> {
        let Some(r) = self.employees.get_mut(employee).filter(|r| !r.is_deleted()) else {
            return Err(ResetRefusal::NoProfile);
        };
        let mut logged = r.data().clone();
        logged.pin_resets.push(PinReset {
            at: now,
            device: device.clone(),
        });
        r.edit(device, now, logged);
        self.set_lock(employee, ProfileLock { pin, signing: None }, device, now);
        Ok(())
    }

    /// The profile form checked against this device: `EmployeeForm::check_on_device` with every
    /// live profile here but `editing`'s.
    pub fn check_profile(
        &self,
        form: &EmployeeForm,
        editing: Option<&Id>,
        today: NaiveDate,
    ) -> Result<Employee, Vec<(Field, Text)>> {
        let others = self
            .employees
            .live()
            .filter(|r| Some(&r.id) != editing)
            .map(|r| r.data());
        form.check_on_device(today, others)
    }

    /// Saves `employee`'s activity from the form: an edit of `editing` (theirs; the fields the
    /// form does not show are kept), or a new record `new_id`. Returns the record's id.
    #[allow(clippy::too_many_arguments)]
    pub fn save_activity(
        &mut self,
        employee: &Id,
        editing: Option<&Id>,
        form: &ActivityForm,
        new_id: Id,
        today: NaiveDate,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<Id, Vec<(Option<ActivityField>, Text)>> {
        let beside = |errs: Vec<(ActivityField, Text)>| errs.into_iter().map(|(f, t)| (Some(f), t)).collect::<Vec<_>>();
        let mine = editing
            .and_then(|id| self.activities.get_mut(id))
            .filter(|r| &r.data().employee == employee);
        match mine {
            Some(r) => {
                let edited = form.apply_to(r.data(), today).map_err(beside)?;
                if &edited != r.data() {
                    r.edit(device, now, edited);
                }
                Ok(r.id.clone())
            }
            None if editing.is_some() => Err(vec![(
                None,
                Text::new(
                    "Kegiatan ini tidak ada lagi di perangkat ini (dihapus, atau milik orang lain).",
                    "This activity is no longer on this device (deleted, or someone else's).",
                ),
            )]),
            None => {
                let a = form.check_all(employee, today).map_err(beside)?;
                self.activities.upsert(Record::create(new_id.clone(), device, now, a));
                Ok(new_id)
            }
        }
    }

    /// Deletes `employee`'s activity `id` (a tombstone, so the deletion travels); another
    /// person's record is left alone.
    pub fn delete_activity(&mut self, employee: &Id, id: &Id, device: &DeviceId, now: DateTime<Utc>) -> bool {
        let theirs = self.activities.get(id).is_some_and(|r| &r.data().employee == employee);
        theirs && self.activities.delete(id, device, now)
    }

    /// Records a public-feedback note about `employee` (record `new_id`).
    pub fn record_feedback(
        &mut self,
        employee: &Id,
        form: &FeedbackForm,
        new_id: Id,
        today: NaiveDate,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), Text> {
        let f = form.check(employee, today)?;
        self.feedback.upsert(Record::create(new_id, device, now, f));
        Ok(())
    }

    /// Saves `employee`'s self-assessment of `today` (`entries` so far) as a draft or final:
    /// an edit of the draft `draft` when it is still theirs and still a draft, else a new
    /// record `new_id`. Returns the id written.
    #[allow(clippy::too_many_arguments)]
    pub fn save_self_assessment(
        &mut self,
        employee: &Id,
        draft: Option<&Id>,
        entries: Vec<AssessmentEntry>,
        status: AssessmentStatus,
        new_id: Id,
        today: NaiveDate,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Id {
        let a = Assessment {
            employee: employee.clone(),
            kind: AssessmentKind::SelfAssessment,
            status,
            date: today,
            assessor: None,
            entries,
            note: String::new(),
            feedback: vec![],
            signature: None,
        };
        let open_draft = draft.and_then(|id| self.assessments.get_mut(id)).filter(|r| {
            &r.data().employee == employee
                && r.data().kind == AssessmentKind::SelfAssessment
                && r.data().status == AssessmentStatus::Draft
        });
        match open_draft {
            Some(r) => {
                // The screen's fields replaced; anything else on the draft kept.
                let a = Assessment {
                    status: a.status,
                    date: a.date,
                    entries: a.entries,
                    ..r.data().clone()
                };
                r.edit(device, now, a);
                r.id.clone()
            }
            None => {
                self.assessments.upsert(Record::create(new_id.clone(), device, now, a));
                new_id
            }
        }
    }

    /// Adds proposed plan items (`rules::plan::proposed_items`) not yet in the plan.
    pub fn add_plan_items(&mut self, items: Vec<(Id, PlanItem)>, device: &DeviceId, now: DateTime<Utc>) {
        for (id, item) in items {
            if self.plan.get(&id).is_none() {
                self.plan.upsert(Record::create(id, device, now, item));
            }
        }
    }

    /// Marks `employee`'s plan item done, or back to planned.
    pub fn set_plan_done(&mut self, employee: &Id, id: &Id, done: bool, device: &DeviceId, now: DateTime<Utc>) {
        if let Some(r) = self.plan.get_mut(id).filter(|r| &r.data().employee == employee) {
            let status = if done { PlanStatus::Done } else { PlanStatus::Planned };
            if r.data().status != status {
                let item = PlanItem {
                    status,
                    ..r.data().clone()
                };
                r.edit(device, now, item);
            }
        }
    }

    /// Sets (or with `None` clears) the day `employee` means to have a plan item done by.
    /// A day before `today` is refused with the reason (`rules::plan::due_problem`).
    pub fn set_plan_due(
        &mut self,
        employee: &Id,
        id: &Id,
        due: Option<NaiveDate>,
        today: NaiveDate,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), Text> {
        if let Some(problem) = due.and_then(|d| crate::domain::rules::plan::due_problem(d, today)) {
            return Err(problem);
        }
        if let Some(r) = self.plan.get_mut(id).filter(|r| &r.data().employee == employee) {
            if r.data().due != due {
                let item = PlanItem {
                    due,
                    ..r.data().clone()
                };
                r.edit(device, now, item);
            }
        }
        Ok(())
    }

    /// Keeps what `employee` wrote beside a lesson, with their progress in its module. A text
    /// the import bounds would refuse on another device is refused here (`bounds::text_problem`);
    /// an unchanged text writes nothing.
    #[allow(clippy::too_many_arguments)]
    pub fn write_lesson_note(
        &mut self,
        employee: &Id,
        pack: &str,
        module: &str,
        lesson: &str,
        text: &str,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), Text> {
        if let Some(problem) = super::bounds::text_problem(text, false) {
            return Err(problem);
        }
        let id = Progress::id_for(employee, pack, module);
        let current = self.progress.get(&id).map(|r| r.data().note(lesson).to_string());
        if current.as_deref().unwrap_or("") != text {
            self.update_progress(employee, pack, module, device, now, |p, dev, now| {
                p.write_note(lesson, text, now, dev);
            });
        }
        Ok(())
    }

    /// Applies `edit` to `employee`'s progress in module `module` of pack `pack`, creating it.
    pub fn update_progress(
        &mut self,
        employee: &Id,
        pack: &str,
        module: &str,
        device: &DeviceId,
        now: DateTime<Utc>,
        edit: impl FnOnce(&mut Progress, &DeviceId, DateTime<Utc>),
    ) {
        let id = Progress::id_for(employee, pack, module);
        let mut p = self
            .progress
            .get(&id)
            .map(|r| r.data().clone())
            .unwrap_or_else(|| Progress::new(employee.clone(), pack.to_string(), module.to_string()));
        edit(&mut p, device, now);
        match self.progress.get_mut(&id) {
            Some(r) => r.edit(device, now, p),
            None => self.progress.upsert(Record::create(id, device, now, p)),
        }
    }
}

/// Why a PIN reset was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetRefusal {
    /// No live profile with that id on this device.
    NoProfile,
}
