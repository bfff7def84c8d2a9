//! Screen addresses kept in the URL fragment (`#/…`), as plain data: parsed, written and tested
//! natively (`tests/route.rs`); the browser glue (the current route as a signal, navigation) is
//! `ui::route`.
//!
//! Fragment routing is deliberate: the site is copied to plain static hosts, USB sticks and
//! sub-paths (`https://host/dinas/lentera/`) where no server rewrites deep links to
//! `index.html`. With the screen in the fragment, every reload and every bookmark requests the
//! same `index.html`, online or not.
//!
//! Ownership is in the type: every screen of one person's profile is a `Screen` inside
//! `Route::Profile`, and the app opens a `Route::Profile` only once that profile is unlocked on
//! the device. A new per-person screen cannot be added anywhere else, so it cannot skip the PIN.

use crate::domain::record::Id;

/// A module within a pack, as addressed in a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleRef {
    pub pack: String,
    pub module: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Profiles,
    NewProfile,
    Unlock(Id),
    Data,
    /// This device's settings: how JPM is computed (`domain::jpm_choice`).
    Settings,
    /// A trainer-mode address from before the workbench became its own app (`#/pelatih/…`):
    /// the learner app sends it on to the workbench (`TrainerTab::from_learner_app`).
    Trainer(TrainerTab),
    /// A screen of one person's profile: shown only while that profile is open here.
    Profile(Id, Screen),
    NotFound(String),
}

/// The screens of one person's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Edit,
    Assess,
    Supervisor,
    Learn,
    Module(ModuleRef),
    Lesson(ModuleRef, String),
    Quiz(ModuleRef),
    Activities,
    /// A group session this person facilitated: recorded once, credited to every attendee who
    /// confirms (`model::session`).
    Together,
    Plan,
    /// One person's own data: export their record, their conflicts, erase their profile.
    MyData,
    /// Sync of this person's records with the district's CouchDB server (`docs/sync.md`).
    Sync,
}

/// The screens of the trainer workbench: its own app in `pelatih/` (`WORKBENCH_DIR`), with its
/// own fragment (`pelatih/#/soal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainerTab {
    Cohort,
    Talent,
    Import,
    /// Item analysis: the quiz questions the cohort missed most.
    Questions,
    /// The expected list of a class or unit against the cohort.
    Roster,
    /// A report laid out for paper (`PrintDoc`).
    Print(PrintDoc),
    /// Writing content packs: the drafts and their editor.
    Author,
    /// The profiles on this device (not the cohort): a forgotten PIN is reset here.
    Device,
    /// The district's records pulled from the sync server into the cohort, and who has not
    /// synced since a day (`docs/sync.md`).
    Sync,
    /// One person of the cohort (behind the trainer's passphrase, like the rest of the cohort).
    Person(Id),
    NotFound(String),
}

/// The workbench's print layouts: page headers with the agency, no navigation, nothing clipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintDoc {
    /// The cohort table, every person and column.
    Cohort,
    /// The per-unit summary.
    Units,
    /// The 9-box grid with every name.
    Talent,
    /// One person's individual development plan (IDP) with signature lines.
    Plan(Id),
}

/// Where the workbench lives, relative to the learner app's page.
pub const WORKBENCH_DIR: &str = "pelatih/";

impl TrainerTab {
    /// Reads the workbench's fragment (`#/`, `#/orang/<id>`); anything else is `NotFound`.
    pub fn parse(hash: &str) -> TrainerTab {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let seg: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let s: Vec<&str> = seg.iter().map(String::as_str).collect();
        TrainerTab::from_segments(&s).unwrap_or_else(|| TrainerTab::NotFound(path.to_string()))
    }

    fn from_segments(s: &[&str]) -> Option<TrainerTab> {
        Some(match s {
            [] => TrainerTab::Cohort,
            ["talenta"] => TrainerTab::Talent,
            ["impor"] => TrainerTab::Import,
            ["soal"] => TrainerTab::Questions,
            ["daftar"] => TrainerTab::Roster,
            ["paket"] => TrainerTab::Author,
            ["perangkat"] => TrainerTab::Device,
            ["sinkron"] => TrainerTab::Sync,
            ["cetak", "kohort"] => TrainerTab::Print(PrintDoc::Cohort),
            ["cetak", "unit"] => TrainerTab::Print(PrintDoc::Units),
            ["cetak", "talenta"] => TrainerTab::Print(PrintDoc::Talent),
            ["cetak", "idp", e] => TrainerTab::Print(PrintDoc::Plan(Id::parse(e).ok()?)),
            ["orang", e] => TrainerTab::Person(Id::parse(e).ok()?),
            _ => return None,
        })
    }

    /// The address inside the workbench.
    pub fn href(&self) -> String {
        match self {
            TrainerTab::NotFound(path) => format!("#/{path}"),
            tab => format!("#/{}", tab.path().trim_start_matches('/')),
        }
    }

    /// The same screen addressed from the learner app's page.
    pub fn from_learner_app(&self) -> String {
        format!("{WORKBENCH_DIR}{}", self.href())
    }

    /// The path after the workbench's `#` (empty for the cohort).
    fn path(&self) -> String {
        match self {
            TrainerTab::Cohort => String::new(),
            TrainerTab::Talent => "/talenta".into(),
            TrainerTab::Import => "/impor".into(),
            TrainerTab::Questions => "/soal".into(),
            TrainerTab::Roster => "/daftar".into(),
            TrainerTab::Author => "/paket".into(),
            TrainerTab::Device => "/perangkat".into(),
            TrainerTab::Sync => "/sinkron".into(),
            TrainerTab::Print(PrintDoc::Cohort) => "/cetak/kohort".into(),
            TrainerTab::Print(PrintDoc::Units) => "/cetak/unit".into(),
            TrainerTab::Print(PrintDoc::Talent) => "/cetak/talenta".into(),
            TrainerTab::Print(PrintDoc::Plan(e)) => format!("/cetak/idp/{}", encode(e.as_str())),
            TrainerTab::Person(e) => format!("/orang/{}", encode(e.as_str())),
            TrainerTab::NotFound(path) => format!("/{path}"),
        }
    }
}

impl Route {
    /// The dashboard of `employee`: where opening a profile lands.
    pub fn dashboard(employee: Id) -> Route {
        Route::Profile(employee, Screen::Dashboard)
    }

    /// Reads a fragment such as `#/` or `#/p/<id>/belajar`; anything else is `NotFound`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let seg: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let s: Vec<&str> = seg.iter().map(String::as_str).collect();
        let id = |x: &str| Id::parse(x).ok();
        let r = match s.as_slice() {
            [] => Some(Route::Profiles),
            ["profil", "baru"] => Some(Route::NewProfile),
            // The edit form keeps its first address, so bookmarks still work.
            ["profil", e, "ubah"] => id(e).map(|e| Route::Profile(e, Screen::Edit)),
            ["masuk", e] => id(e).map(Route::Unlock),
            ["data"] => Some(Route::Data),
            ["pengaturan"] => Some(Route::Settings),
            ["pelatih", rest @ ..] => TrainerTab::from_segments(rest).map(Route::Trainer),
            ["p", e, rest @ ..] => id(e).zip(Screen::parse(rest)).map(|(e, s)| Route::Profile(e, s)),
            _ => None,
        };
        r.unwrap_or_else(|| Route::NotFound(path.to_string()))
    }

    pub fn href(&self) -> String {
        match self {
            Route::Profiles => "#/".into(),
            Route::NewProfile => "#/profil/baru".into(),
            Route::Unlock(e) => format!("#/masuk/{}", encode(e.as_str())),
            Route::Data => "#/data".into(),
            Route::Settings => "#/pengaturan".into(),
            Route::Trainer(tab) => format!("#/pelatih{}", tab.path()),
            Route::Profile(e, Screen::Edit) => format!("#/profil/{}/ubah", encode(e.as_str())),
            Route::Profile(e, screen) => format!("#/p/{}{}", encode(e.as_str()), screen.path()),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The profile this screen belongs to (it needs that profile open).
    pub fn profile(&self) -> Option<&Id> {
        match self {
            Route::Profile(e, _) => Some(e),
            _ => None,
        }
    }
}

impl Screen {
    /// The address after `#/p/<id>` (empty for the dashboard).
    fn path(&self) -> String {
        let m = |r: &ModuleRef| format!("/belajar/{}/{}", encode(&r.pack), encode(&r.module));
        match self {
            Screen::Dashboard => String::new(),
            Screen::Edit => "/ubah".into(),
            Screen::Assess => "/penilaian".into(),
            Screen::Supervisor => "/atasan".into(),
            Screen::Learn => "/belajar".into(),
            Screen::Module(r) => m(r),
            Screen::Quiz(r) => format!("{}/kuis", m(r)),
            Screen::Lesson(r, l) => format!("{}/pelajaran/{}", m(r), encode(l)),
            Screen::Activities => "/kegiatan".into(),
            Screen::Together => "/bersama".into(),
            Screen::Plan => "/rencana".into(),
            Screen::MyData => "/data".into(),
            Screen::Sync => "/sinkron".into(),
        }
    }

    fn parse(rest: &[&str]) -> Option<Screen> {
        let m = |p: &str, md: &str| ModuleRef {
            pack: p.to_string(),
            module: md.to_string(),
        };
        Some(match rest {
            [] => Screen::Dashboard,
            ["ubah"] => Screen::Edit,
            ["penilaian"] => Screen::Assess,
            ["atasan"] => Screen::Supervisor,
            ["belajar"] => Screen::Learn,
            ["belajar", p, md] => Screen::Module(m(p, md)),
            ["belajar", p, md, "kuis"] => Screen::Quiz(m(p, md)),
            ["belajar", p, md, "pelajaran", l] => Screen::Lesson(m(p, md), l.to_string()),
            ["kegiatan"] => Screen::Activities,
            ["bersama"] => Screen::Together,
            ["rencana"] => Screen::Plan,
            ["data"] => Screen::MyData,
            ["sinkron"] => Screen::Sync,
            _ => return None,
        })
    }
}

/// Percent-encodes everything but `A–Z a–z 0–9 - _ . :` (byte by byte, so any text survives).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The inverse of `encode`; a `%` not followed by two hex digits is kept as it is. Works on
/// bytes, so a typed address with non-ASCII text never splits a character.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
