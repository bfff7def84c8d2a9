//! The supervisor's evaluation of an employee — verified levels and a half-year performance
//! rating — as a domain command: the supervisor picks their own profile, unlocks their signing
//! key with their own PIN, and every record written is signed (`domain::signing`).
//!
//! The screen only gathers the form and the PIN; which profiles may sign, the PIN's wrong-try
//! waits, the first key's creation, the feedback the evaluation considers, and the records
//! themselves are decided here.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::bounds::{date_problem, text_problem};
use super::document::Snapshot;
use crate::domain::lang::Text;
use crate::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use crate::domain::model::competency::CompetencyCode;
use crate::domain::model::evaluation::{feedback_for_evaluation, Performance, Potential, Rating};
use crate::domain::model::lock::ProfileLock;
use crate::domain::pin::{Attempts, Refusal};
use crate::domain::record::{DeviceId, Id, Record};
use crate::domain::rules::proof::proof_of;
use crate::domain::signing::{SealedKey, SecretKey};

/// What the supervisor fills in. Levels of 0 mean "not rated".
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationForm {
    pub date: NaiveDate,
    pub levels: Vec<(CompetencyCode, u8)>,
    pub performance: Option<Performance>,
    pub potential: Option<Potential>,
}

/// Why an evaluation was not recorded. Nothing is saved in any case.
#[derive(Debug, Clone, PartialEq)]
pub enum SignRefusal {
    /// The form: no level and no rating, or a date out of bounds.
    Form(Text),
    /// No supervisor chosen, or their profile is gone.
    NoSupervisor,
    /// The employee picked themselves.
    OwnProfile,
    /// The supervisor's profile has no PIN on this device, so nothing can prove it was them.
    NoPin,
    /// The supervisor's key was made on another device (it never leaves the device it was
    /// made on); they sign there, or on a device where their key lives.
    KeyElsewhere,
    /// A wrong PIN, or a wait after several.
    Pin(Refusal),
    /// The browser gave no secure random numbers for a new key.
    NoRandom,
}

impl SignRefusal {
    pub fn text(&self) -> Text {
        match self {
            SignRefusal::Form(t) => t.clone(),
            SignRefusal::NoSupervisor => Text::new(
                "Pilih profil atasan yang menandatangani.",
                "Choose the supervisor's profile that signs.",
            ),
            SignRefusal::OwnProfile => Text::new(
                "Penilaian atasan tidak dapat ditandatangani dengan profil pegawai itu sendiri.",
                "An employee cannot sign their own supervisor's evaluation.",
            ),
            SignRefusal::NoPin => Text::new(
                "Profil atasan ini belum ber-PIN di perangkat ini. Atasan perlu memasang PIN pada profilnya (Ubah profil) sebelum menandatangani.",
                "This supervisor's profile has no PIN on this device. The supervisor sets a PIN on their profile (Edit profile) before signing.",
            ),
            SignRefusal::KeyElsewhere => Text::new(
                "Kunci tanda tangan atasan ini dibuat di perangkat lain dan tidak pernah meninggalkan perangkat itu. Tandatangani di perangkat tersebut.",
                "This supervisor's signing key was made on another device and never leaves it. Sign on that device.",
            ),
            SignRefusal::Pin(r) => r.text(),
            SignRefusal::NoRandom => Text::new(
                "Peramban ini tidak menyediakan bilangan acak yang aman; kunci tanda tangan tidak dapat dibuat.",
                "This browser provides no secure random numbers; no signing key can be made.",
            ),
        }
    }
}

impl EvaluationForm {
    /// Something to record, on a date that passes the import bounds.
    pub fn check(&self, today: NaiveDate) -> Result<(), SignRefusal> {
        if let Some(p) = date_problem(self.date, today) {
            return Err(SignRefusal::Form(p));
        }
        if self.levels.iter().all(|(_, l)| *l == 0) && self.performance.is_none() {
            return Err(SignRefusal::Form(Text::new(
                "Isi minimal satu tingkat kompetensi atau penilaian kinerja.",
                "Enter at least one competency level or a performance rating.",
            )));
        }
        if self
            .levels
            .iter()
            .any(|(_, l)| *l > crate::domain::model::competency::MAX_LEVEL)
        {
            return Err(SignRefusal::Form(Text::new(
                "Tingkat kompetensi 1 sampai 5.",
                "Competency levels are 1 to 5.",
            )));
        }
        Ok(())
    }
}

/// A supervisor's key, unlocked for one evaluation.
#[derive(Debug)]
pub struct Signer {
    pub id: Id,
    key: SecretKey,
    /// A key made just now (the supervisor's first signing on this device), sealed with their
    /// PIN: stored with the evaluation, its public half put in their record.
    new_seal: Option<SealedKey>,
}

/// Fresh random bytes for a new key: the seed, the seal's salt and nonce.
pub type Fresh = ([u8; 32], [u8; 16], [u8; 12]);

/// Who may sign `employee`'s evaluation on this device: everyone else with a live profile and
/// a PIN here, whose key (if they have one) lives on this device.
pub fn signers(snapshot: &Snapshot, employee: &Id) -> Vec<Id> {
    snapshot
        .employees
        .live()
        .filter(|r| &r.id != employee && may_sign_here(snapshot, &r.id).is_ok())
        .map(|r| r.id.clone())
        .collect()
}

fn may_sign_here<'a>(snapshot: &'a Snapshot, supervisor: &Id) -> Result<&'a ProfileLock, SignRefusal> {
    let record = snapshot.employees.get(supervisor).ok_or(SignRefusal::NoSupervisor)?;
    let lock = snapshot.lock_of(supervisor).ok_or(SignRefusal::NoPin)?;
    if lock.signing.is_none() && record.data().signing_key.is_some() {
        return Err(SignRefusal::KeyElsewhere);
    }
    Ok(lock)
}

/// Unlocks `supervisor`'s signing key with `pin`, counting wrong PINs in `attempts` (the same
/// gate as opening their profile). At their first signing on this device a key is made from
/// `fresh()` and sealed with the PIN.
pub fn unlock_signer(
    snapshot: &Snapshot,
    employee: &Id,
    supervisor: &Id,
    pin: &str,
    attempts: &mut Attempts,
    now_ms: f64,
    fresh: impl FnOnce() -> Option<Fresh>,
) -> Result<Signer, SignRefusal> {
    if supervisor == employee {
        return Err(SignRefusal::OwnProfile);
    }
    let lock = may_sign_here(snapshot, supervisor)?;
    match &lock.signing {
        Some(sealed) => {
            attempts.check(now_ms).map_err(SignRefusal::Pin)?;
            // The seal is the PIN check: one slow derivation, not two.
            match sealed.open(pin, supervisor) {
                Some(key) => {
                    attempts.succeeded();
                    Ok(Signer {
                        id: supervisor.clone(),
                        key,
                        new_seal: None,
                    })
                }
                None => Err(SignRefusal::Pin(attempts.failed(now_ms))),
            }
        }
        None => {
            attempts.attempt(pin, &lock.pin, now_ms).map_err(SignRefusal::Pin)?;
            let (seed, salt, nonce) = fresh().ok_or(SignRefusal::NoRandom)?;
            let key = SecretKey::from_seed(seed);
            let new_seal = Some(key.seal(pin, supervisor, salt, nonce));
            Ok(Signer {
                id: supervisor.clone(),
                key,
                new_seal,
            })
        }
    }
}

impl Snapshot {
    /// Records `signer`'s evaluation of `employee` (record ids `ids`: the assessment's and the
    /// rating's): a verified assessment of the levels given, considering the public feedback
    /// since the previous proven verification, and a rating for the date's half-year, each
    /// signed. At a first signing the sealed key joins the supervisor's lock and its public
    /// half their employee record.
    pub fn record_evaluation(
        &mut self,
        employee: &Id,
        form: &EvaluationForm,
        signer: &Signer,
        ids: [Id; 2],
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Result<(), SignRefusal> {
        form.check(now.date_naive())?;
        if &signer.id == employee {
            return Err(SignRefusal::OwnProfile);
        }
        if self.employees.get(employee).is_none() {
            return Err(SignRefusal::NoSupervisor);
        }
        // Decided again against what is stored now: another tab may have made a key meanwhile.
        let lock = may_sign_here(self, &signer.id)?.clone();
        let record = self.employees.get(&signer.id).ok_or(SignRefusal::NoSupervisor)?;
        let public = signer.key.public();
        match (&signer.new_seal, &record.data().signing_key) {
            (Some(_), Some(_)) => return Err(SignRefusal::KeyElsewhere),
            (None, Some(k)) if *k != public => return Err(SignRefusal::KeyElsewhere),
            (None, None) => return Err(SignRefusal::KeyElsewhere),
            _ => {}
        }
        let name = record.data().name.clone();
        if let Some(text) = text_problem(&name, true) {
            return Err(SignRefusal::Form(text));
        }
        if let Some(seal) = &signer.new_seal {
            let mut person = record.data().clone();
            person.signing_key = Some(public);
            self.employees
                .get_mut(&signer.id)
                .expect("checked above")
                .edit(device, now, person);
            self.set_lock(
                &signer.id,
                ProfileLock {
                    signing: Some(seal.clone()),
                    ..lock
                },
                device,
                now,
            );
        }
        let [assessment_id, rating_id] = ids;
        let entries: Vec<AssessmentEntry> = form
            .levels
            .iter()
            .filter(|(_, l)| *l > 0)
            .map(|(c, l)| AssessmentEntry {
                competency: c.clone(),
                level: Some(*l),
                indicators: vec![],
                evidence: String::new(),
            })
            .collect();
        if !entries.is_empty() {
            let previous = self
                .assessments
                .live_of(employee)
                .filter(|r| {
                    let a = r.data();
                    a.kind == AssessmentKind::Verified
                        && a.status == AssessmentStatus::Final
                        && a.date <= form.date
                        && proof_of(&r.id, a, &self.employees).verifier().is_some()
                })
                .map(|r| r.data().date)
                .max();
            let feedback = feedback_for_evaluation(
                self.feedback.live().map(|r| (&r.id, r.data())),
                employee,
                previous,
                form.date,
            );
            let mut a = Assessment {
                employee: employee.clone(),
                kind: AssessmentKind::Verified,
                status: AssessmentStatus::Final,
                date: form.date,
                assessor: Some(name.clone()),
                entries,
                note: String::new(),
                feedback,
                signature: None,
            };
            signer.key.sign(&assessment_id, &mut a, &signer.id);
            self.assessments.upsert(Record::create(assessment_id, device, now, a));
        }
        if let Some(performance) = form.performance {
            let mut r = Rating {
                employee: employee.clone(),
                year: form.date.year(),
                half: Rating::half_of(form.date),
                performance,
                potential: form.potential,
                rater: name,
                date: form.date,
                note: String::new(),
                signature: None,
            };
            signer.key.sign(&rating_id, &mut r, &signer.id);
            self.ratings.upsert(Record::create(rating_id, device, now, r));
        }
        Ok(())
    }
}

impl ProfileLock {
    /// The lock with a new PIN: the hash replaced, and the signing key (if any) sealed again
    /// with the new PIN, which needs the current one. `None` when `current` does not open it.
    pub fn with_new_pin(
        &self,
        owner: &Id,
        current: &str,
        new_hash: crate::domain::pin::PinHash,
        new: &str,
        salt: [u8; 16],
        nonce: [u8; 12],
    ) -> Option<ProfileLock> {
        let signing = match &self.signing {
            Some(sealed) => Some(sealed.open(current, owner)?.seal(new, owner, salt, nonce)),
            None => None,
        };
        Some(ProfileLock { pin: new_hash, signing })
    }
}

impl Snapshot {
    /// `employee`'s performance ratings, newest first, each with whether its signature checks.
    pub fn ratings_with_proof<'a>(&'a self, employee: &'a Id) -> Vec<(&'a Rating, crate::domain::rules::proof::Proof)> {
        let mut out: Vec<_> = self
            .ratings
            .live_of(employee)
            .map(|r| (r.data(), proof_of(&r.id, r.data(), &self.employees)))
            .collect();
        crate::domain::sort::sort_by(&mut out, |a, b| {
            (b.0.year, b.0.half, b.0.date).cmp(&(a.0.year, a.0.half, a.0.date))
        });
        out
    }
}
