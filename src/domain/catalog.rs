//! What the app knows besides people's records: the competency dictionary, the modules and
//! position standards of the loaded content packs, and the effective rules configuration.
//!
//! Built from the built-in dictionary and default rules plus the packs, in the order given.

use std::collections::BTreeMap;

use crate::domain::jpm_choice::JpmChoice;
use crate::domain::json;
use crate::domain::lang::Text;
use crate::domain::model::competency::{Competency, CompetencyCode, CompetencyType, MAX_LEVEL};
use crate::domain::model::employee::Position;
use crate::domain::model::ident::{self, IdentKind};
use crate::domain::model::pack::{ContentPack, Module, PackId, PositionStandard, PACK_FORMAT};
use crate::domain::rules_config::RulesConfig;

const DICTIONARY: &str = include_str!("dictionary.json");

#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub competencies: BTreeMap<CompetencyCode, Competency>,
    pub modules: Vec<CatalogModule>,
    pub standards: Vec<PositionStandard>,
    pub rules: RulesConfig,
    /// The packs applied, as (id, version).
    pub packs: Vec<(PackId, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogModule {
    pub pack: PackId,
    pub module: Module,
}

/// The 8 managerial competencies and Perekat Bangsa (Permenpan RB 38/2017).
pub fn builtin_dictionary() -> Vec<Competency> {
    json::from_str(DICTIONARY).expect("dictionary.json is valid (tested)")
}

impl Default for Catalog {
    /// The built-in catalog. Parsed once per run and cloned after: the app asks for it each
    /// time it applies or checks a pack, and parsing the dictionary is the costly part.
    fn default() -> Self {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Catalog::builtin).clone()
    }
}

impl Catalog {
    fn builtin() -> Catalog {
        let mut competencies = BTreeMap::new();
        competencies.extend(builtin_dictionary().into_iter().map(|c| (c.code.clone(), c)));
        Catalog {
            competencies,
            modules: Vec::new(),
            standards: Vec::new(),
            rules: RulesConfig::default(),
            packs: Vec::new(),
        }
    }

    /// The built-in catalog with `packs` applied in order. A pack's competencies replace
    /// built-in ones with the same code; its rules override is applied on top of the rules so far.
    pub fn with_packs<'a>(packs: impl IntoIterator<Item = &'a ContentPack>) -> Result<Catalog, Vec<Text>> {
        let mut cat = Catalog::default();
        for pack in packs {
            cat.apply(pack)?;
        }
        Ok(cat)
    }

    /// `with_packs`, over this device's JPM choices: a pack that sets the same rule wins. A
    /// choice the packs make impossible (a scheme a pack's override removed) is left out: the
    /// device's choice never stops the packs from loading.
    pub fn with_choice_and_packs<'a>(
        choice: &JpmChoice,
        packs: impl IntoIterator<Item = &'a ContentPack>,
    ) -> Result<Catalog, Vec<Text>> {
        let packs: Vec<&ContentPack> = packs.into_iter().collect();
        let mut cat = Catalog::default();
        if let Ok(rules) = cat.rules.with_override(&choice.patch()) {
            cat.rules = rules;
        }
        let chosen = packs.iter().try_for_each(|p| cat.apply(p)).map(|()| cat);
        chosen.or_else(|_| Catalog::with_packs(packs))
    }

    fn apply(&mut self, pack: &ContentPack) -> Result<(), Vec<Text>> {
        if let Some(patch) = &pack.rules {
            self.rules = self.rules.with_override(patch)?;
        }
        for c in &pack.competencies {
            self.competencies.insert(c.code.clone(), c.clone());
        }
        self.standards.extend(pack.standards.iter().cloned());
        self.modules.retain(|m| m.pack != pack.id);
        self.modules.extend(pack.modules.iter().map(|m| CatalogModule {
            pack: pack.id.clone(),
            module: m.clone(),
        }));
        self.packs.retain(|(id, _)| id != &pack.id);
        self.packs.push((pack.id.clone(), pack.version));
        Ok(())
    }

    pub fn module(&self, pack: &str, module: &str) -> Option<&CatalogModule> {
        self.modules.iter().find(|m| m.pack == pack && m.module.id == module)
    }

    /// Modules still offered (not archived by a newer pack edition).
    pub fn offered_modules(&self) -> impl Iterator<Item = &CatalogModule> {
        self.modules.iter().filter(|m| !m.module.archived)
    }

    pub fn competency_type(&self, code: &str) -> Option<CompetencyType> {
        self.competencies.get(code).map(|c| c.kind)
    }

    /// Required level per competency for a position: every managerial and socio-cultural
    /// competency at the rules' level for the position kind, then pack standards for the kind,
    /// then standards naming this exact position title (most specific wins).
    pub fn required_levels(&self, position: &Position) -> BTreeMap<CompetencyCode, u8> {
        let mut req = BTreeMap::new();
        if let Some(level) = self.rules.required_levels.value.get(&position.kind) {
            for c in self.competencies.values() {
                if c.kind != CompetencyType::Teknis {
                    req.insert(c.code.clone(), (*level).min(MAX_LEVEL));
                }
            }
        }
        let title = position.title.trim().to_lowercase();
        let general = self
            .standards
            .iter()
            .filter(|s| s.position == position.kind && s.title.is_none());
        let specific = self.standards.iter().filter(|s| {
            s.position == position.kind && s.title.as_ref().is_some_and(|t| t.trim().to_lowercase() == title)
        });
        for s in general.chain(specific) {
            for r in &s.required {
                if self.competencies.contains_key(&r.competency) {
                    req.insert(r.competency.clone(), r.level.min(MAX_LEVEL));
                }
            }
        }
        req
    }
}

/// The most JP one module may give (a pack is refused above it; so is an imported completion).
pub const MAX_MODULE_JP: f64 = 200.0;

/// Where in a pack a problem is, so the pack editor can show it beside its field. Indexes are
/// positions in the pack's lists (modules, their lessons and questions, standards, competencies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The document as a whole (its format).
    Pack,
    PackId,
    PackTitle,
    Competency(usize),
    Standard(usize),
    Module(usize),
    ModuleId(usize),
    ModuleTitle(usize),
    ModuleTargets(usize),
    ModuleJp(usize),
    Lessons(usize),
    Lesson(usize, usize),
    Quiz(usize),
    Question(usize, usize),
    Rules,
}

/// Checks a content pack: shape (done by serde), then its identifiers (`ident`: they become
/// parts of stored record ids, so a bad one would make saved data unreadable), then every
/// relation inside it, all at once. Used by the app when a pack is loaded and by the test that
/// guards the shipped pack.
pub fn pack_problems(pack: &ContentPack, base: &Catalog) -> Vec<Text> {
    located_pack_problems(pack, base).into_iter().map(|(_, t)| t).collect()
}

/// `pack_problems`, each with where it is.
pub fn located_pack_problems(pack: &ContentPack, base: &Catalog) -> Vec<(Place, Text)> {
    let mut p = Vec::new();
    if pack.format != PACK_FORMAT {
        p.push((
            Place::Pack,
            Text::new(
                format!("Bukan paket konten Lentera (format \"{}\").", pack.format),
                format!("Not a Lentera content pack (format \"{}\").", pack.format),
            ),
        ));
    }
    p.extend(ident_problems(pack));
    let mut bad = |at: Place, id: String, en: String| p.push((at, Text::new(id, en)));
    if pack.title.id.trim().is_empty() {
        bad(
            Place::PackTitle,
            "Judul paket wajib diisi.".into(),
            "The pack needs a title.".into(),
        );
    }
    let mut codes: BTreeMap<&str, ()> = BTreeMap::new();
    codes.extend(base.competencies.keys().map(|k| (k.as_str(), ())));
    for (i, c) in pack.competencies.iter().enumerate() {
        codes.insert(&c.code, ());
        let levels: Vec<u8> = c.levels.iter().map(|l| l.level).collect();
        if levels != [1, 2, 3, 4, 5] {
            bad(
                Place::Competency(i),
                format!(
                    "Kompetensi {} harus punya deskripsi level 1 sampai 5 berurutan.",
                    c.code
                ),
                format!("Competency {} must describe levels 1 to 5 in order.", c.code),
            );
        }
    }
    // A malformed code was reported above already; it is not reported as unknown too.
    let unknown = |code: &str| ident::is_valid(IdentKind::Competency, code) && !codes.contains_key(code);
    for (i, s) in pack.standards.iter().enumerate() {
        for r in &s.required {
            if unknown(&r.competency) || !(1..=MAX_LEVEL).contains(&r.level) {
                bad(
                    Place::Standard(i),
                    format!(
                        "Standar jabatan memakai kompetensi {} level {} yang tidak dikenal.",
                        r.competency, r.level
                    ),
                    format!(
                        "A position standard uses unknown competency {} or level {}.",
                        r.competency, r.level
                    ),
                );
            }
        }
    }
    let mut seen = BTreeMap::new();
    for (mi, m) in pack.modules.iter().enumerate() {
        if seen.insert(m.id.as_str(), ()).is_some() {
            bad(
                Place::ModuleId(mi),
                format!("Id modul {} dipakai dua kali.", m.id),
                format!("Module id {} is used twice.", m.id),
            );
        }
        if m.title.id.trim().is_empty() {
            bad(
                Place::ModuleTitle(mi),
                format!("Modul {} perlu judul.", m.id),
                format!("Module {} needs a title.", m.id),
            );
        }
        if m.targets.is_empty() {
            bad(
                Place::ModuleTargets(mi),
                format!("Modul {} tidak punya kompetensi sasaran.", m.id),
                format!("Module {} has no target competency.", m.id),
            );
        }
        for t in &m.targets {
            if unknown(&t.competency) || !(1..=MAX_LEVEL).contains(&t.level) {
                bad(
                    Place::ModuleTargets(mi),
                    format!(
                        "Modul {} menyasar kompetensi {} level {} yang tidak dikenal.",
                        m.id, t.competency, t.level
                    ),
                    format!(
                        "Module {} targets unknown competency {} or level {}.",
                        m.id, t.competency, t.level
                    ),
                );
            }
        }
        if !(m.jp > 0.0 && m.jp <= MAX_MODULE_JP) {
            bad(
                Place::ModuleJp(mi),
                format!("JP modul {} harus antara 0 dan {MAX_MODULE_JP}.", m.id),
                format!("Module {} JP must be between 0 and {MAX_MODULE_JP}.", m.id),
            );
        }
        if m.lessons.is_empty() {
            bad(
                Place::Lessons(mi),
                format!("Modul {} tidak punya pelajaran.", m.id),
                format!("Module {} has no lessons.", m.id),
            );
        }
        let mut lesson_ids = BTreeMap::new();
        for (li, l) in m.lessons.iter().enumerate() {
            if lesson_ids.insert(l.id.as_str(), ()).is_some() {
                bad(
                    Place::Lesson(mi, li),
                    format!("Modul {}: id pelajaran {} ganda.", m.id, l.id),
                    format!("Module {}: lesson id {} repeats.", m.id, l.id),
                );
            }
            if l.title.id.trim().is_empty() || l.body.id.trim().is_empty() {
                bad(
                    Place::Lesson(mi, li),
                    format!("Modul {}, pelajaran {}: judul dan isi wajib diisi.", m.id, l.id),
                    format!("Module {}, lesson {}: title and text are required.", m.id, l.id),
                );
            }
        }
        if m.quiz.pass_mark > 100 || m.quiz.questions.is_empty() {
            bad(
                Place::Quiz(mi),
                format!("Kuis modul {} harus punya soal dan nilai lulus 0–100.", m.id),
                format!("Module {} quiz needs questions and a pass mark of 0–100.", m.id),
            );
        }
        let mut question_ids = BTreeMap::new();
        for (qi, q) in m.quiz.questions.iter().enumerate() {
            let ok = q.choices.len() >= 2 && !q.correct.is_empty() && q.correct.iter().all(|&i| i < q.choices.len());
            if !ok {
                bad(
                    Place::Question(mi, qi),
                    format!("Modul {}, soal {}: pilihan atau kunci jawaban tidak sah.", m.id, q.id),
                    format!("Module {}, question {}: choices or answer key invalid.", m.id, q.id),
                );
            }
            if q.prompt.id.trim().is_empty() || q.choices.iter().any(|c| c.id.trim().is_empty()) {
                bad(
                    Place::Question(mi, qi),
                    format!(
                        "Modul {}, soal {}: pertanyaan dan setiap pilihan wajib diisi.",
                        m.id, q.id
                    ),
                    format!(
                        "Module {}, question {}: the question and every choice need a text.",
                        m.id, q.id
                    ),
                );
            }
            if question_ids.insert(q.id.as_str(), ()).is_some() {
                bad(
                    Place::Question(mi, qi),
                    format!("Modul {}: id soal {} ganda.", m.id, q.id),
                    format!("Module {}: question id {} repeats.", m.id, q.id),
                );
            }
        }
    }
    if let Some(patch) = &pack.rules {
        if let Err(e) = base.rules.with_override(patch) {
            p.extend(e.into_iter().map(|t| (Place::Rules, t)));
        }
    }
    p
}

/// The identifier problems of a pack (rules in `ident`), each saying where it is: the pack id,
/// competency codes it defines (also refused when defined twice), codes its standards and
/// module targets refer to, module ids and lesson ids.
fn ident_problems(pack: &ContentPack) -> Vec<(Place, Text)> {
    let mut p = Vec::new();
    let within = |where_id: &str, where_en: &str, e: Text| {
        Text::new(format!("{where_id}: {}", e.id), format!("{where_en}: {}", e.en))
    };
    if let Err(e) = ident::check(IdentKind::Pack, &pack.id) {
        p.push((Place::PackId, e));
    }
    let mut defined = BTreeMap::new();
    for (i, c) in pack.competencies.iter().enumerate() {
        if let Err(e) = ident::check(IdentKind::Competency, &c.code) {
            p.push((Place::Competency(i), within("Kompetensi paket", "Pack competency", e)));
        }
        if defined.insert(c.code.as_str(), ()).is_some() {
            let code = ident::shown(&c.code);
            p.push((
                Place::Competency(i),
                Text::new(
                    format!("Kode kompetensi {code} didefinisikan dua kali dalam paket."),
                    format!("Competency code {code} is defined twice in the pack."),
                ),
            ));
        }
    }
    for (i, s) in pack.standards.iter().enumerate() {
        for r in &s.required {
            if let Err(e) = ident::check(IdentKind::Competency, &r.competency) {
                let n = i + 1;
                p.push((
                    Place::Standard(i),
                    within(&format!("Standar jabatan ke-{n}"), &format!("Position standard {n}"), e),
                ));
            }
        }
    }
    for (mi, m) in pack.modules.iter().enumerate() {
        if let Err(e) = ident::check(IdentKind::Module, &m.id) {
            p.push((Place::ModuleId(mi), e));
        }
        let module = ident::shown(&m.id);
        for t in &m.targets {
            if let Err(e) = ident::check(IdentKind::Competency, &t.competency) {
                p.push((
                    Place::ModuleTargets(mi),
                    within(
                        &format!("Modul {module}, sasaran"),
                        &format!("Module {module}, target"),
                        e,
                    ),
                ));
            }
        }
        for (li, l) in m.lessons.iter().enumerate() {
            if let Err(e) = ident::check(IdentKind::Lesson, &l.id) {
                p.push((
                    Place::Lesson(mi, li),
                    within(&format!("Modul {module}"), &format!("Module {module}"), e),
                ));
            }
        }
    }
    p
}

/// A pack file's bytes as a pack (its checks come when it is added: `add_pack`).
pub fn read_pack(bytes: &[u8]) -> Result<ContentPack, Vec<Text>> {
    crate::domain::json::from_str::<ContentPack>(&String::from_utf8_lossy(bytes)).map_err(|e| {
        vec![Text::new(
            format!("bukan paket konten Lentera ({e})."),
            format!("not a Lentera content pack ({e})."),
        )]
    })
}

/// What loading the pack file `name` did, for the person who chose it.
pub fn pack_file_result(name: &str, result: &Result<PackChange, Vec<Text>>) -> Text {
    match result {
        Ok(PackChange::Added) => Text::new(format!("{name}: paket dimuat."), format!("{name}: pack loaded.")),
        Ok(PackChange::Unchanged) => Text::new(
            format!("{name}: edisi ini sudah ada."),
            format!("{name}: this edition is already here."),
        ),
        Ok(PackChange::Upgraded { from, archived }) => Text::new(
            format!("{name}: diperbarui dari edisi {from}; {archived} modul lama diarsipkan, kemajuan peserta tetap."),
            format!("{name}: upgraded from edition {from}; {archived} old modules archived, learners' progress kept."),
        ),
        Err(e) => not_loaded(name, e),
    }
}

/// File `name` was refused for `problems`, and nothing changed.
pub fn not_loaded(name: &str, problems: &[Text]) -> Text {
    let all = |lang| {
        problems
            .iter()
            .map(|t| t.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    Text::new(
        format!(
            "{name} tidak dimuat, tidak ada yang berubah: {}",
            all(crate::domain::lang::Lang::Id)
        ),
        format!(
            "{name} not loaded, nothing changed: {}",
            all(crate::domain::lang::Lang::En)
        ),
    )
}

/// What happened when a pack was added to the packs kept on a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackChange {
    Added,
    /// A newer edition replaced an older one; `archived` modules of the old edition are kept.
    Upgraded {
        from: u32,
        archived: usize,
    },
    /// The same edition was already there.
    Unchanged,
}

/// Adds `incoming` to `packs` after checking it. A newer edition replaces the older one and
/// keeps the modules it dropped as archived (learners' progress in them stays meaningful); an
/// older edition is refused.
pub fn add_pack(packs: &[ContentPack], incoming: ContentPack) -> Result<(Vec<ContentPack>, PackChange), Vec<Text>> {
    let others: Vec<ContentPack> = packs.iter().filter(|p| p.id != incoming.id).cloned().collect();
    let base = Catalog::with_packs(others.iter())?;
    let problems = pack_problems(&incoming, &base);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = others;
    let change = match packs.iter().find(|p| p.id == incoming.id) {
        None => {
            out.push(incoming);
            PackChange::Added
        }
        Some(old) if incoming.version < old.version => {
            return Err(vec![Text::new(
                format!(
                    "Paket \"{}\" edisi {} lebih lama dari edisi {} yang sudah ada.",
                    incoming.id, incoming.version, old.version
                ),
                format!(
                    "Pack \"{}\" edition {} is older than edition {} already here.",
                    incoming.id, incoming.version, old.version
                ),
            )])
        }
        Some(old) if incoming.version == old.version => {
            out.push(old.clone());
            PackChange::Unchanged
        }
        Some(old) => {
            let mut new = incoming;
            let dropped: Vec<_> = old
                .modules
                .iter()
                .filter(|m| !new.modules.iter().any(|n| n.id == m.id))
                .map(|m| crate::domain::model::pack::Module {
                    archived: true,
                    ..m.clone()
                })
                .collect();
            let archived = dropped
                .iter()
                .filter(|m| !old.modules.iter().any(|o| o.id == m.id && o.archived))
                .count();
            new.modules.extend(dropped);
            out.push(new);
            PackChange::Upgraded {
                from: old.version,
                archived,
            }
        }
    };
    Catalog::with_packs(out.iter())?;
    Ok((out, change))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::generate;

    #[test]
    fn a_newer_edition_archives_dropped_modules_and_an_older_one_is_refused() {
        let codes: Vec<String> = Catalog::default().competencies.keys().cloned().collect();
        let v1 = generate::pack(1, 4, &codes);
        let (packs, change) = add_pack(&[], v1.clone()).unwrap();
        assert_eq!(change, PackChange::Added);
        let mut v2 = v1.clone();
        v2.version = 2;
        v2.modules.truncate(3);
        let (packs, change) = add_pack(&packs, v2).unwrap();
        assert_eq!(change, PackChange::Upgraded { from: 1, archived: 1 });
        let cat = Catalog::with_packs(packs.iter()).unwrap();
        assert_eq!(cat.modules.len(), 4);
        assert_eq!(cat.offered_modules().count(), 3);
        assert!(add_pack(&packs, v1).is_err());
    }
}
