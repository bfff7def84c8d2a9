//! Item analysis for trainers ("soal sulit"): per module, how many of the people who took its
//! quiz answered each question wrongly at their first attempt, and the wrong answer most of
//! them gave: what to fix in the content, or to go over in class.
//!
//! The first attempt counts because later ones come after the quiz's own explanations. An
//! attempt made against another edition of the quiz (a different number of questions) is left
//! out rather than matched to the wrong questions.

use std::collections::BTreeMap;

use super::quiz::question_results;
use crate::domain::catalog::Catalog;
use crate::domain::snapshot::Snapshot;
use crate::domain::sort;

/// One question of one module.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStat {
    /// Position in the quiz, 0-based.
    pub index: usize,
    /// People whose first attempt got it wrong.
    pub wrong: usize,
    /// The wrong answer (a set of choice indexes, sorted) given most often, and how often.
    pub common_wrong: Option<(Vec<usize>, usize)>,
}

/// One module's quiz across the cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleItems {
    pub pack: String,
    pub module: String,
    /// People with a first attempt on the current edition of the quiz.
    pub people: usize,
    /// Most often missed first; ties in quiz order.
    pub questions: Vec<QuestionStat>,
}

impl ModuleItems {
    /// Share of `people` who missed question `q`, 0–1.
    pub fn share(&self, q: &QuestionStat) -> f64 {
        if self.people == 0 {
            0.0
        } else {
            q.wrong as f64 / self.people as f64
        }
    }
}

/// Every module of `catalog` someone in `snapshot` has attempted, in catalog order.
pub fn item_analysis(snapshot: &Snapshot, catalog: &Catalog) -> Vec<ModuleItems> {
    catalog
        .modules
        .iter()
        .filter_map(|m| {
            let quiz = &m.module.quiz;
            let n = quiz.questions.len();
            let mut people = 0;
            let mut wrong = vec![0usize; n];
            let mut answers: Vec<BTreeMap<Vec<usize>, usize>> = vec![BTreeMap::new(); n];
            for r in snapshot.progress.live() {
                let p = r.data();
                if p.pack != m.pack || p.module != m.module.id {
                    continue;
                }
                let Some((_, first)) = p.attempts_in_order().into_iter().next() else {
                    continue;
                };
                if first.answers.len() != n {
                    continue;
                }
                people += 1;
                for (i, right) in question_results(quiz, &first.answers).into_iter().enumerate() {
                    if !right {
                        wrong[i] += 1;
                        let mut given = first.answers[i].clone();
                        sort::sort(&mut given);
                        given.dedup();
                        *answers[i].entry(given).or_default() += 1;
                    }
                }
            }
            if people == 0 {
                return None;
            }
            let mut questions: Vec<QuestionStat> = (0..n)
                .map(|i| QuestionStat {
                    index: i,
                    wrong: wrong[i],
                    // The first of the most frequent, in answer order (deterministic).
                    common_wrong: answers[i]
                        .iter()
                        .fold(None, |best: Option<(&Vec<usize>, usize)>, (a, c)| match best {
                            Some((_, bc)) if bc >= *c => best,
                            _ => Some((a, *c)),
                        })
                        .map(|(a, c)| (a.clone(), c)),
                })
                .collect();
            sort::sort_by(&mut questions, |a, b| b.wrong.cmp(&a.wrong).then(a.index.cmp(&b.index)));
            Some(ModuleItems {
                pack: m.pack.clone(),
                module: m.module.id.clone(),
                people,
                questions,
            })
        })
        .collect()
}
