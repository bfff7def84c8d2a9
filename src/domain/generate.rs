//! Seeded, realistic test data: a content pack and a cohort with a year of history.
//!
//! Used by tests, property tests and benchmarks (and by the browser benchmark through the
//! app's test hooks). The same seed always gives the same data.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

use crate::domain::catalog::Catalog;
use crate::domain::lang::Text;
use crate::domain::model::activity::{Activity, Method};
use crate::domain::model::assessment::{Assessment, AssessmentEntry, AssessmentKind, AssessmentStatus};
use crate::domain::model::employee::{Employee, Grade, Position, PositionKind};
use crate::domain::model::evaluation::{Performance, Potential, Rating};
use crate::domain::model::nip::Nip;
use crate::domain::model::pack::{ContentPack, Lesson, Module, ModuleTarget, Question, Quiz, PACK_FORMAT};
use crate::domain::model::progress::{Completion, Progress, QuizAttempt};
use crate::domain::record::{DeviceId, Id, Record};
use crate::domain::signing::SecretKey;
use crate::domain::snapshot::Snapshot;

/// SplitMix64: tiny, fast, good enough for test data, and no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn range(&mut self, lo: i64, hi_inclusive: i64) -> i64 {
        lo + self.below((hi_inclusive - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn id(&mut self) -> Id {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        Id::from_random(b)
    }
}

const GIVEN: &[&str] = &[
    "Siti", "Ahmad", "Dewi", "Budi", "Rina", "Agus", "Nur", "Made", "Yohana", "Rudi", "Fitri", "Hendra", "Wahyu",
    "Lestari", "Andi", "Ratna", "Yusuf", "Ketut", "Maria", "Bambang", "Intan", "Fajar", "Putri", "Dedi",
];
const FAMILY: &[&str] = &[
    "Aminah",
    "Saputra",
    "Lestari",
    "Santoso",
    "Wulandari",
    "Pratama",
    "Hasanah",
    "Wijaya",
    "Simanjuntak",
    "Nugroho",
    "Siregar",
    "Kurniawan",
    "Rahmawati",
    "Hidayat",
    "Sari",
    "Setiawan",
    "Manurung",
    "Tanjung",
];
const UNITS: &[&str] = &[
    "Dinas Kependudukan dan Catatan Sipil",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Puskesmas Sukamaju",
    "Kecamatan Sukamaju",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Dinas Pendidikan",
    "Bappeda",
];
const TITLES: &[(&str, PositionKind)] = &[
    ("Kepala Dinas", PositionKind::JptPratama),
    ("Kepala Bidang", PositionKind::Administrator),
    ("Sekretaris Camat", PositionKind::Administrator),
    ("Kepala Seksi", PositionKind::Pengawas),
    ("Kepala Subbagian Umum", PositionKind::Pengawas),
    ("Pengadministrasi Umum", PositionKind::Pelaksana),
    ("Pengolah Data", PositionKind::Pelaksana),
    ("Operator Layanan", PositionKind::Pelaksana),
    ("Analis Kepegawaian Ahli Muda", PositionKind::FungsionalAhliMuda),
    ("Perencana Ahli Pertama", PositionKind::FungsionalAhliPertama),
    ("Pranata Komputer Terampil", PositionKind::FungsionalTerampil),
    ("Perawat Mahir", PositionKind::FungsionalMahir),
];

/// A synthetic pack of `n` modules spread over the given competencies, levels 1–5.
pub fn pack(seed: u64, n: usize, competencies: &[String]) -> ContentPack {
    let mut rng = Rng::new(seed ^ 0x5EED_0001);
    let modules = (0..n)
        .map(|i| {
            let code = competencies[i % competencies.len()].clone();
            let level = 1 + (i / competencies.len()) as u8 % 5;
            Module {
                id: format!("gen-{i:03}"),
                title: Text::new(
                    format!("Modul {i} ({code} level {level})"),
                    format!("Module {i} ({code} level {level})"),
                ),
                summary: Text::new("Modul uji.", "Test module."),
                targets: vec![ModuleTarget {
                    competency: code,
                    level,
                }],
                jp: rng.range(2, 6) as f64,
                lessons: (1..=3)
                    .map(|l| Lesson {
                        id: format!("l{l}"),
                        title: Text::new(format!("Pelajaran {l}"), ""),
                        body: Text::new("Isi.", ""),
                    })
                    .collect(),
                quiz: Quiz {
                    pass_mark: 70,
                    questions: (1..=5)
                        .map(|q| Question {
                            id: format!("q{q}"),
                            prompt: Text::new(format!("Soal {q}"), ""),
                            choices: vec![Text::new("A", ""), Text::new("B", ""), Text::new("C", "")],
                            correct: vec![(q % 3) as usize],
                            explanation: Text::new("Penjelasan.", ""),
                        })
                        .collect(),
                },
                archived: false,
            }
        })
        .collect();
    ContentPack {
        format: PACK_FORMAT.into(),
        id: "generated".into(),
        version: 1,
        title: Text::new("Paket uji", "Test pack"),
        description: Text::default(),
        rules: None,
        competencies: Vec::new(),
        standards: Vec::new(),
        modules,
    }
}

/// The built-in catalog plus a generated pack of `modules` modules.
pub fn catalog(seed: u64, modules: usize) -> Catalog {
    let base = Catalog::default();
    let codes: Vec<String> = base.competencies.keys().cloned().collect();
    Catalog::with_packs([&pack(seed, modules, &codes)]).expect("generated pack is valid")
}

fn at(date: NaiveDate, rng: &mut Rng) -> DateTime<Utc> {
    Utc.from_utc_datetime(
        &date
            .and_hms_opt(1 + rng.below(10) as u32, rng.below(60) as u32, 0)
            .expect("valid time"),
    )
}

/// The day the benchmarks' and property tests' generated cohorts are built around (their
/// "today"): fixed, so every run and every machine measures the same data.
pub fn reference_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

/// `n` employees with a year of history up to `today`, written by `devices` devices.
pub fn cohort(seed: u64, n: usize, catalog: &Catalog, today: NaiveDate, devices: usize) -> Snapshot {
    let mut rng = Rng::new(seed);
    let devices: Vec<DeviceId> = (0..devices.max(1)).map(|_| rng.id()).collect();
    let year_ago = today - Duration::days(365);
    let mut s = Snapshot::default();
    let codes: Vec<String> = catalog.competencies.keys().cloned().collect();
    // One in ten is a supervisor with a signing key who signs the verifications and ratings of
    // the nine after them; supervisors' own "verified" records are unsigned (self-reported).
    let mut supervisor: Option<(Id, SecretKey, String)> = None;
    for i in 0..n {
        let device = rng.pick(&devices).clone();
        let emp_id = rng.id();
        let birth = NaiveDate::from_ymd_opt(
            rng.range(1965, 1999) as i32,
            rng.range(1, 12) as u32,
            rng.range(1, 28) as u32,
        )
        .expect("valid date");
        let appointed = NaiveDate::from_ymd_opt(birth.year() + rng.range(22, 30) as i32, rng.range(1, 12) as u32, 1)
            .expect("valid date")
            .min(today);
        let nip = format!(
            "{}{}{}{:03}",
            birth.format("%Y%m%d"),
            appointed.format("%Y%m"),
            1 + rng.below(2),
            1 + (i % 999)
        );
        let (title, kind) = *rng.pick(TITLES);
        let grade = *rng.pick(&Grade::all().collect::<Vec<_>>());
        let employee = Employee {
            nip: Nip::parse(&nip).expect("generated NIP is valid"),
            name: format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY)),
            position: Position {
                title: title.into(),
                kind,
            },
            unit: rng.pick(UNITS).to_string(),
            grade,
            supervisor: None,
            signing_key: None,
            pin_resets: Vec::new(),
        };
        let mut employee = employee;
        let signer = if i % 10 == 0 {
            let mut seed = [0u8; 32];
            for chunk in seed.chunks_mut(8) {
                chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
            }
            let key = SecretKey::from_seed(seed);
            employee.signing_key = Some(key.public());
            supervisor = Some((emp_id.clone(), key, employee.name.clone()));
            None
        } else {
            employee.supervisor = supervisor.as_ref().map(|s| s.0.clone());
            supervisor.as_ref()
        };
        s.employees.upsert(Record::create(
            emp_id.clone(),
            &device,
            at(year_ago, &mut rng),
            employee,
        ));

        // Two or three assessments across the year: self, sometimes verified, improving a little.
        let base_level: u8 = 1 + rng.below(4) as u8;
        let rounds = 1 + rng.below(3) as i64;
        for r in 0..rounds {
            let date = year_ago + Duration::days(30 + r * 150 + rng.range(0, 20));
            if date > today {
                break;
            }
            let kind = if rng.chance(0.3) {
                AssessmentKind::Verified
            } else {
                AssessmentKind::SelfAssessment
            };
            let entries = codes
                .iter()
                .map(|c| AssessmentEntry {
                    competency: c.clone(),
                    level: Some((base_level as i64 + r + rng.range(-1, 1)).clamp(1, 5) as u8),
                    indicators: Vec::new(),
                    evidence: String::new(),
                })
                .collect();
            let a = Assessment {
                employee: emp_id.clone(),
                kind,
                status: AssessmentStatus::Final,
                date,
                assessor: (kind == AssessmentKind::Verified)
                    .then(|| signer.map_or("Atasan Langsung".to_string(), |s| s.2.clone())),
                entries,
                note: String::new(),
                feedback: Vec::new(),
                signature: None,
            };
            let (rid, mut a) = (rng.id(), a);
            if let (AssessmentKind::Verified, Some((by, key, _))) = (kind, signer) {
                key.sign(&rid, &mut a, by);
            }
            s.assessments
                .upsert(Record::create(rid, &device, at(date, &mut rng), a));
        }

        // A few modules in progress or done.
        for _ in 0..rng.below(5) {
            if catalog.modules.is_empty() {
                break;
            }
            let m = rng.pick(&catalog.modules);
            let mut p = Progress::new(emp_id.clone(), m.pack.clone(), m.module.id.clone());
            let day = year_ago + Duration::days(rng.range(0, 364));
            for l in &m.module.lessons {
                if rng.chance(0.8) {
                    p.lessons_done.insert(l.id.clone());
                }
            }
            for k in 0..rng.below(4) {
                let passed = rng.chance(0.6);
                let total = m.module.quiz.questions.len() as u32;
                let correct = if passed { total } else { total / 2 };
                let attempt_id = rng.id();
                let when = at(day + Duration::days(k as i64), &mut rng);
                p.attempts.insert(
                    attempt_id.clone(),
                    QuizAttempt {
                        at: when,
                        answers: vec![vec![0]; total as usize],
                        correct,
                        total,
                        score: (correct * 100 / total.max(1)) as u8,
                        passed,
                    },
                );
                if passed && p.completion.is_none() {
                    p.completion = Some(Completion {
                        at: when,
                        attempt: attempt_id,
                        jp: m.module.jp,
                    });
                }
            }
            let id = Progress::id_for(&emp_id, &m.pack, &m.module.id);
            s.progress.upsert(Record::create(id, &device, at(day, &mut rng), p));
        }

        // Activities outside the app.
        for _ in 0..rng.below(4) {
            let start = year_ago + Duration::days(rng.range(0, 360));
            let a = Activity {
                employee: emp_id.clone(),
                title: "Bimbingan teknis layanan".into(),
                method: *rng.pick(&Method::ALL),
                start,
                end: start + Duration::days(rng.range(0, 3)),
                hours: rng.range(2, 24) as f64,
                competencies: vec![rng.pick(&codes).clone()],
                evidence: String::new(),
                session: None,
            };
            s.activities
                .upsert(Record::create(rng.id(), &device, at(start, &mut rng), a));
        }

        if rng.chance(0.7) {
            let perf = *rng.pick(&[
                Performance::Below,
                Performance::Meets,
                Performance::Meets,
                Performance::Above,
            ]);
            let pot = if rng.chance(0.5) {
                Some(*rng.pick(&[Potential::Low, Potential::Medium, Potential::High]))
            } else {
                None
            };
            let date = today - Duration::days(rng.range(0, 150));
            let r = Rating {
                employee: emp_id.clone(),
                year: date.year(),
                half: Rating::half_of(date),
                performance: perf,
                potential: pot,
                rater: signer.map_or("Atasan Langsung".to_string(), |s| s.2.clone()),
                date,
                note: String::new(),
                signature: None,
            };
            let (rid, mut r) = (rng.id(), r);
            if let Some((by, key, _)) = signer {
                key.sign(&rid, &mut r, by);
            }
            s.ratings.upsert(Record::create(rid, &device, at(date, &mut rng), r));
        }
    }
    s
}
