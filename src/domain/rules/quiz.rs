//! Quiz grading: a question counts when exactly the correct choices are chosen.

use crate::domain::model::pack::Quiz;
use crate::domain::sort;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grade {
    pub correct: u32,
    pub total: u32,
    /// Percentage correct, rounded down.
    pub score: u8,
    pub passed: bool,
}

/// Whether each question is answered right: exactly its correct choices chosen (the order and
/// repeats of a choice do not matter). The review screen marks ✓/✗ from this, so the marks
/// always agree with the score.
pub fn question_results(quiz: &Quiz, answers: &[Vec<usize>]) -> Vec<bool> {
    quiz.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut chosen = answers.get(i).cloned().unwrap_or_default();
            let mut key = q.correct.clone();
            sort::sort(&mut chosen);
            chosen.dedup();
            sort::sort(&mut key);
            key.dedup();
            chosen == key
        })
        .collect()
}

/// Grades `answers` (chosen choice indexes per question, in question order).
pub fn grade(quiz: &Quiz, answers: &[Vec<usize>]) -> Grade {
    let total = quiz.questions.len() as u32;
    let correct = question_results(quiz, answers).into_iter().filter(|r| *r).count() as u32;
    let score = (correct * 100).checked_div(total).unwrap_or(0) as u8;
    Grade {
        correct,
        total,
        score,
        passed: total > 0 && score >= quiz.pass_mark,
    }
}

/// The order to show a question's `choices` in: as written on the first attempt (`attempt`
/// 0), shuffled on every retake so that a learner answers the content rather than a position.
/// Deterministic in `seed` (the person, the module, the question) and `attempt`, so a reload
/// during a retake shows the same order. Only the display order changes: answers are kept by
/// the choices' own indexes, so grading is the same whatever the order.
pub fn choice_order(choices: usize, attempt: usize, seed: &str) -> Vec<usize> {
    use sha2::{Digest, Sha256};
    let mut order: Vec<usize> = (0..choices).collect();
    if attempt == 0 || choices < 2 {
        return order;
    }
    let digest = Sha256::digest(format!("{seed}/{attempt}").as_bytes());
    // Fisher–Yates, drawing from the digest's bytes (two per draw; 32 bytes cover 16 choices,
    // and the digest is stretched for more).
    let mut bytes = digest.to_vec();
    while bytes.len() < choices * 2 {
        let more = Sha256::digest(&bytes);
        bytes.extend_from_slice(&more);
    }
    for i in (1..choices).rev() {
        let draw = u16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]]) as usize;
        order.swap(i, draw % (i + 1));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Text;
    use crate::domain::model::pack::Question;

    fn q(correct: Vec<usize>) -> Question {
        Question {
            id: "q".into(),
            prompt: Text::new("p", ""),
            choices: vec![Text::new("a", ""), Text::new("b", ""), Text::new("c", "")],
            correct,
            explanation: Text::new("e", ""),
        }
    }

    #[test]
    fn exact_choice_sets_score_and_the_pass_mark_decides() {
        let quiz = Quiz {
            pass_mark: 70,
            questions: vec![q(vec![0]), q(vec![1, 2]), q(vec![2])],
        };
        let g = grade(&quiz, &[vec![0], vec![2, 1], vec![1]]);
        assert_eq!((g.correct, g.total, g.score, g.passed), (2, 3, 66, false));
        let g = grade(&quiz, &[vec![0], vec![1, 2], vec![2]]);
        assert_eq!((g.score, g.passed), (100, true));
        let g = grade(&quiz, &[vec![0], vec![1]]);
        assert_eq!(
            g.correct, 1,
            "a partial multi-choice answer is wrong; a missing one too"
        );
    }

    #[test]
    fn the_review_marks_agree_with_the_score() {
        let quiz = Quiz {
            pass_mark: 50,
            questions: vec![q(vec![0]), q(vec![1, 2]), q(vec![2])],
        };
        // A choice sent twice (a double tap) still counts as that one choice, in the marks too.
        let answers = [vec![0, 0], vec![2, 1, 2], vec![0]];
        let marks = question_results(&quiz, &answers);
        assert_eq!(marks, [true, true, false]);
        let g = grade(&quiz, &answers);
        assert_eq!(g.correct as usize, marks.iter().filter(|m| **m).count());
    }
}
