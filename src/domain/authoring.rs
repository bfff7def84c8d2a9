//! Writing a content pack in the trainer workbench, offline. A draft is a `ContentPack` in the
//! making: the editor changes it only through `PackEdit`s (each one a tested domain command),
//! it is checked by the same validation as every shipped pack
//! (`catalog::located_pack_problems`, each problem with its place, shown beside its field), and
//! it is published as the next edition of its pack, so learners' progress in its modules stays
//! (`catalog::add_pack` keeps module ids and archives dropped modules).

use crate::domain::catalog::{located_pack_problems, Catalog, Place};
use crate::domain::lang::{Lang, Text};
use crate::domain::model::employee::PositionKind;
use crate::domain::model::pack::{
    ContentPack, Lesson, Module, ModuleTarget, PositionStandard, Question, Quiz, RequiredLevel, PACK_FORMAT,
};
use crate::domain::sort;

/// A new quiz's pass mark until the author sets one: an editor default, not a rule.
pub const NEW_QUIZ_PASS_MARK: u8 = 70;
/// A new module's JP until the author sets them.
pub const NEW_MODULE_JP: f64 = 2.0;
/// Choices a new question starts with.
const NEW_QUESTION_CHOICES: usize = 4;

/// A text of the pack, by where it is (indexes into modules, lessons, questions, choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAt {
    PackTitle,
    PackDescription,
    ModuleTitle(usize),
    ModuleSummary(usize),
    LessonTitle(usize, usize),
    LessonBody(usize, usize),
    Prompt(usize, usize),
    Explanation(usize, usize),
    Choice(usize, usize, usize),
}

/// One change to a draft.
#[derive(Debug, Clone, PartialEq)]
pub enum PackEdit {
    PackId(String),
    Text {
        at: TextAt,
        lang: Lang,
        value: String,
    },
    ModuleId(usize, String),
    LessonId(usize, usize, String),
    /// The module's one target: the competency it develops and the level it brings a learner to.
    Target {
        module: usize,
        competency: String,
        level: u8,
    },
    Jp(usize, f64),
    PassMark(usize, u8),
    /// Marks a choice as a correct answer or not.
    Correct {
        module: usize,
        question: usize,
        choice: usize,
        correct: bool,
    },
    AddModule,
    RemoveModule(usize),
    AddLesson(usize),
    RemoveLesson(usize, usize),
    AddQuestion(usize),
    RemoveQuestion(usize, usize),
    AddChoice(usize, usize),
    RemoveChoice(usize, usize, usize),
    AddStandard,
    RemoveStandard(usize),
    StandardPosition(usize, PositionKind),
    /// Narrows a standard to one position title (`""`: every position of its kind).
    StandardTitle(usize, String),
    AddRequirement(usize),
    RemoveRequirement(usize, usize),
    Requirement {
        standard: usize,
        index: usize,
        competency: String,
        level: u8,
    },
}

/// A new, empty pack `id` titled `title`, edition 1.
pub fn new_draft(id: &str, title: &str) -> ContentPack {
    ContentPack {
        format: PACK_FORMAT.into(),
        id: id.trim().to_string(),
        version: 1,
        title: Text::new(title.trim(), ""),
        description: Text::default(),
        rules: None,
        competencies: Vec::new(),
        standards: Vec::new(),
        modules: Vec::new(),
    }
}

/// `prefix` followed by the smallest number ≥ 1 not in `taken`.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_default()
}

fn new_question(id: String) -> Question {
    Question {
        id,
        prompt: Text::default(),
        choices: vec![Text::default(); NEW_QUESTION_CHOICES],
        correct: Vec::new(),
        explanation: Text::default(),
    }
}

fn set(text: &mut Text, lang: Lang, value: String) {
    match lang {
        Lang::Id => text.id = value,
        Lang::En => text.en = value,
    }
}

/// Removes index `i` of `list` if it exists.
fn remove<T>(list: &mut Vec<T>, i: usize) -> bool {
    (i < list.len()).then(|| list.remove(i)).is_some()
}

impl ContentPack {
    /// Applies `edit`; `false` (and nothing changed) when it names something the draft does not
    /// have.
    pub fn apply(&mut self, edit: PackEdit) -> bool {
        match edit {
            PackEdit::PackId(id) => self.id = id.trim().to_string(),
            PackEdit::Text { at, lang, value } => match self.text_mut(at) {
                Some(t) => set(t, lang, value),
                None => return false,
            },
            PackEdit::ModuleId(m, id) => match self.modules.get_mut(m) {
                Some(module) => module.id = id.trim().to_string(),
                None => return false,
            },
            PackEdit::LessonId(m, l, id) => match self.lesson_mut(m, l) {
                Some(lesson) => lesson.id = id.trim().to_string(),
                None => return false,
            },
            PackEdit::Target {
                module,
                competency,
                level,
            } => match self.modules.get_mut(module) {
                Some(m) => {
                    m.targets = if competency.is_empty() {
                        Vec::new()
                    } else {
                        vec![ModuleTarget { competency, level }]
                    }
                }
                None => return false,
            },
            PackEdit::Jp(m, jp) => match self.modules.get_mut(m) {
                Some(module) => module.jp = jp,
                None => return false,
            },
            PackEdit::PassMark(m, mark) => match self.modules.get_mut(m) {
                Some(module) => module.quiz.pass_mark = mark,
                None => return false,
            },
            PackEdit::Correct {
                module,
                question,
                choice,
                correct,
            } => {
                let Some(q) = self.question_mut(module, question) else {
                    return false;
                };
                if choice >= q.choices.len() {
                    return false;
                }
                q.correct.retain(|&c| c != choice);
                if correct {
                    q.correct.push(choice);
                    sort::sort(&mut q.correct);
                }
            }
            PackEdit::AddModule => {
                let id = fresh_id("modul-", self.modules.iter().map(|m| m.id.as_str()));
                self.modules.push(Module {
                    id,
                    title: Text::default(),
                    summary: Text::default(),
                    targets: Vec::new(),
                    jp: NEW_MODULE_JP,
                    lessons: vec![Lesson {
                        id: "l1".into(),
                        title: Text::default(),
                        body: Text::default(),
                    }],
                    quiz: Quiz {
                        pass_mark: NEW_QUIZ_PASS_MARK,
                        questions: vec![new_question("q1".into())],
                    },
                    archived: false,
                });
            }
            PackEdit::RemoveModule(m) => return remove(&mut self.modules, m),
            PackEdit::AddLesson(m) => {
                let Some(module) = self.modules.get_mut(m) else {
                    return false;
                };
                let id = fresh_id("l", module.lessons.iter().map(|l| l.id.as_str()));
                module.lessons.push(Lesson {
                    id,
                    title: Text::default(),
                    body: Text::default(),
                });
            }
            PackEdit::RemoveLesson(m, l) => return self.modules.get_mut(m).is_some_and(|m| remove(&mut m.lessons, l)),
            PackEdit::AddQuestion(m) => {
                let Some(module) = self.modules.get_mut(m) else {
                    return false;
                };
                let id = fresh_id("q", module.quiz.questions.iter().map(|q| q.id.as_str()));
                module.quiz.questions.push(new_question(id));
            }
            PackEdit::RemoveQuestion(m, q) => {
                return self
                    .modules
                    .get_mut(m)
                    .is_some_and(|m| remove(&mut m.quiz.questions, q))
            }
            PackEdit::AddChoice(m, q) => match self.question_mut(m, q) {
                Some(q) => q.choices.push(Text::default()),
                None => return false,
            },
            PackEdit::RemoveChoice(m, q, c) => {
                let Some(q) = self.question_mut(m, q) else { return false };
                if !remove(&mut q.choices, c) {
                    return false;
                }
                // Later choices move up one place; so do the answers that point at them.
                q.correct = q
                    .correct
                    .iter()
                    .filter(|&&i| i != c)
                    .map(|&i| if i > c { i - 1 } else { i })
                    .collect();
            }
            PackEdit::AddStandard => self.standards.push(PositionStandard {
                position: PositionKind::Pelaksana,
                title: None,
                required: vec![RequiredLevel {
                    competency: String::new(),
                    level: 1,
                }],
            }),
            PackEdit::RemoveStandard(i) => return remove(&mut self.standards, i),
            PackEdit::StandardPosition(i, kind) => match self.standards.get_mut(i) {
                Some(s) => s.position = kind,
                None => return false,
            },
            PackEdit::StandardTitle(i, title) => match self.standards.get_mut(i) {
                Some(s) => s.title = Some(title.trim().to_string()).filter(|t| !t.is_empty()),
                None => return false,
            },
            PackEdit::AddRequirement(i) => match self.standards.get_mut(i) {
                Some(s) => s.required.push(RequiredLevel {
                    competency: String::new(),
                    level: 1,
                }),
                None => return false,
            },
            PackEdit::RemoveRequirement(i, r) => {
                return self.standards.get_mut(i).is_some_and(|s| remove(&mut s.required, r))
            }
            PackEdit::Requirement {
                standard,
                index,
                competency,
                level,
            } => match self.standards.get_mut(standard).and_then(|s| s.required.get_mut(index)) {
                Some(r) => *r = RequiredLevel { competency, level },
                None => return false,
            },
        }
        true
    }

    /// The text at `at`, if the pack has it.
    pub fn text_at(&self, at: TextAt) -> Option<&Text> {
        Some(match at {
            TextAt::PackTitle => &self.title,
            TextAt::PackDescription => &self.description,
            TextAt::ModuleTitle(m) => &self.modules.get(m)?.title,
            TextAt::ModuleSummary(m) => &self.modules.get(m)?.summary,
            TextAt::LessonTitle(m, l) => &self.modules.get(m)?.lessons.get(l)?.title,
            TextAt::LessonBody(m, l) => &self.modules.get(m)?.lessons.get(l)?.body,
            TextAt::Prompt(m, q) => &self.modules.get(m)?.quiz.questions.get(q)?.prompt,
            TextAt::Explanation(m, q) => &self.modules.get(m)?.quiz.questions.get(q)?.explanation,
            TextAt::Choice(m, q, c) => self.modules.get(m)?.quiz.questions.get(q)?.choices.get(c)?,
        })
    }

    fn text_mut(&mut self, at: TextAt) -> Option<&mut Text> {
        Some(match at {
            TextAt::PackTitle => &mut self.title,
            TextAt::PackDescription => &mut self.description,
            TextAt::ModuleTitle(m) => &mut self.modules.get_mut(m)?.title,
            TextAt::ModuleSummary(m) => &mut self.modules.get_mut(m)?.summary,
            TextAt::LessonTitle(m, l) => &mut self.lesson_mut(m, l)?.title,
            TextAt::LessonBody(m, l) => &mut self.lesson_mut(m, l)?.body,
            TextAt::Prompt(m, q) => &mut self.question_mut(m, q)?.prompt,
            TextAt::Explanation(m, q) => &mut self.question_mut(m, q)?.explanation,
            TextAt::Choice(m, q, c) => self.question_mut(m, q)?.choices.get_mut(c)?,
        })
    }

    fn lesson_mut(&mut self, m: usize, l: usize) -> Option<&mut Lesson> {
        self.modules.get_mut(m)?.lessons.get_mut(l)
    }

    fn question_mut(&mut self, m: usize, q: usize) -> Option<&mut Question> {
        self.modules.get_mut(m)?.quiz.questions.get_mut(q)
    }
}

/// Every problem of `draft`, with its place, checked against the packs on this device other
/// than the draft's own (`installed`), exactly as loading the finished file would check it.
pub fn draft_problems(draft: &ContentPack, installed: &[ContentPack]) -> Vec<(Place, Text)> {
    let others: Vec<&ContentPack> = installed.iter().filter(|p| p.id != draft.id).collect();
    match Catalog::with_packs(others) {
        Ok(base) => located_pack_problems(draft, &base),
        Err(e) => e.into_iter().map(|t| (Place::Pack, t)).collect(),
    }
}

/// The edition `draft` is published as: its own, or one past the edition of the same pack
/// already on this device, so the device takes it as an update (progress kept) and never
/// refuses it as older.
pub fn edition_to_publish(draft: &ContentPack, installed: &[ContentPack]) -> u32 {
    match installed.iter().find(|p| p.id == draft.id) {
        Some(p) if p.version >= draft.version && draft_of(p) != with_version(draft, p.version) => p.version + 1,
        Some(p) if p.version >= draft.version => p.version,
        _ => draft.version,
    }
}

/// The draft as the pack to publish and export: its edition set (`edition_to_publish`). Refused,
/// with every problem, while any remains.
pub fn to_publish(draft: &ContentPack, installed: &[ContentPack]) -> Result<ContentPack, Vec<Text>> {
    let problems = draft_problems(draft, installed);
    if !problems.is_empty() {
        return Err(problems.into_iter().map(|(_, t)| t).collect());
    }
    Ok(with_version(draft, edition_to_publish(draft, installed)))
}

/// The pack file's name: its id and edition.
pub fn file_name(pack: &ContentPack) -> String {
    format!("{}-edisi-{}.json", pack.id, pack.version)
}

fn with_version(p: &ContentPack, version: u32) -> ContentPack {
    ContentPack { version, ..p.clone() }
}

/// A draft made from a pack on this device, to write its next edition (archived modules are
/// left out: they stay archived on every device that had them).
pub fn draft_of(pack: &ContentPack) -> ContentPack {
    let mut d = pack.clone();
    d.modules.retain(|m| !m.archived);
    d
}
