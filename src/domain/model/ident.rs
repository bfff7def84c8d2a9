//! Rules for the identifiers that content packs and Moodle frameworks bring in.
//!
//! Pack ids, module ids and competency codes become parts of derived record ids
//! (`Progress::id_for` = `<employee>:<pack>:<module>`, `PlanItem::id_for` =
//! `plan:<employee>:<competency>:module.<pack>.<module>`), and lesson ids are stored in progress
//! and appear in routes. A record id must pass `Id::parse` (1–128 characters of
//! `[A-Za-z0-9-_.:]`), so a part that breaks it would make the stored snapshot unreadable at
//! the next start. These rules are checked where the identifiers enter the app
//! (`catalog::pack_problems`, `moodle::framework_pack`), and a unit test below builds the
//! longest possible derived ids so the limits cannot drift away from `Id::MAX_LEN`.
//!
//! The rules are data (`RULES`), documented in `docs/content-pack.md` ("Identifiers"); a test in
//! `tests/content_pack.rs` keeps that table in step with them.

use crate::domain::lang::Text;

/// Longest employee record id that may appear inside a derived id. App-made ids are UUIDs
/// (36 characters); imported ids longer than this would push derived ids over `Id::MAX_LEN`.
pub const MAX_EMPLOYEE_ID_LEN: usize = 40;

/// Which kind of identifier is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdentKind {
    Pack,
    Module,
    Lesson,
    Competency,
}

/// The rule for one kind of identifier: ASCII letters and digits plus `punctuation`, starting
/// with a letter or digit, at most `max_len` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentRule {
    pub kind: IdentKind,
    /// The field's name in messages: (Indonesian, English).
    pub field: (&'static str, &'static str),
    /// The JSON field(s) holding it, for the documentation.
    pub json: &'static str,
    /// Allowed besides ASCII letters and digits (never as the first character).
    pub punctuation: &'static str,
    pub max_len: usize,
}

/// Pack, module and lesson ids exclude `.` and `:` because those separate the parts of derived
/// ids (`module.<pack>.<module>`, `<employee>:<pack>:<module>`); competency codes keep `.`
/// (`M.01`, `T.TIK.01`) since they are a part of their own between `:`.
pub const RULES: [IdentRule; 4] = [
    IdentRule {
        kind: IdentKind::Pack,
        field: ("Id paket", "Pack id"),
        json: "`id`",
        punctuation: "-_",
        max_len: 20,
    },
    IdentRule {
        kind: IdentKind::Module,
        field: ("Id modul", "Module id"),
        json: "`modules[].id`",
        punctuation: "-_",
        max_len: 32,
    },
    IdentRule {
        kind: IdentKind::Lesson,
        field: ("Id pelajaran", "Lesson id"),
        json: "`modules[].lessons[].id`",
        punctuation: "-_",
        max_len: 32,
    },
    IdentRule {
        kind: IdentKind::Competency,
        field: ("Kode kompetensi", "Competency code"),
        json: "`competencies[].code`, `standards[].required[].competency`, `modules[].targets[].competency`",
        punctuation: ".-_",
        max_len: 20,
    },
];

/// How much of a bad value a message shows.
const SHOWN_CHARS: usize = 40;

impl IdentKind {
    pub fn rule(self) -> &'static IdentRule {
        match self {
            IdentKind::Pack => &RULES[0],
            IdentKind::Module => &RULES[1],
            IdentKind::Lesson => &RULES[2],
            IdentKind::Competency => &RULES[3],
        }
    }
}

impl IdentRule {
    pub fn allows(&self, c: char) -> bool {
        c.is_ascii_alphanumeric() || self.punctuation.contains(c)
    }

    /// The allowed punctuation as in the documentation: `- _` or `. - _`.
    pub fn punctuation_shown(&self) -> String {
        self.punctuation.chars().map(String::from).collect::<Vec<_>>().join(" ")
    }

    /// The allowed punctuation in a sentence, each sign quoted so it cannot be mistaken for
    /// the sentence's own: `"-" or "_"`, `".", "-" or "_"`.
    fn punctuation_listed(&self, or: &str) -> String {
        let signs: Vec<String> = self.punctuation.chars().map(|c| format!("\"{c}\"")).collect();
        match signs.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
            _ => signs.concat(),
        }
    }
}

/// Whether `s` is a valid identifier of `kind`. (Length in bytes equals length in characters
/// here: every allowed character is ASCII.)
pub fn is_valid(kind: IdentKind, s: &str) -> bool {
    let rule = kind.rule();
    (1..=rule.max_len).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.chars().all(|c| rule.allows(c))
}

/// Checks `s` against the rule for `kind`. The error names the field and the value (shortened,
/// with invisible characters escaped), says what is wrong, and states the whole rule so the
/// author can fix it without looking it up.
pub fn check(kind: IdentKind, s: &str) -> Result<(), Text> {
    if is_valid(kind, s) {
        return Ok(());
    }
    let rule = kind.rule();
    let len = s.chars().count();
    let mut why: Vec<(String, String)> = Vec::new();
    if s.is_empty() {
        why.push(("kosong".into(), "empty".into()));
    } else {
        if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            why.push((
                "tidak diawali huruf atau angka".into(),
                "does not start with a letter or digit".into(),
            ));
        }
        if let Some(c) = s.chars().find(|&c| !rule.allows(c)) {
            why.push(match c {
                ' ' => ("memuat spasi".into(), "contains a space".into()),
                c => {
                    let c = shown_char(c);
                    (
                        format!("memuat karakter tidak sah {c}"),
                        format!("contains the invalid character {c}"),
                    )
                }
            });
        }
        if len > rule.max_len {
            why.push((
                format!("terlalu panjang: {len} karakter"),
                format!("too long: {len} characters"),
            ));
        }
    }
    let (field_id, field_en) = rule.field;
    let value = shown(s);
    debug_assert!(!why.is_empty(), "is_valid and the reasons disagree on {s:?}");
    let (why_id, why_en): (Vec<String>, Vec<String>) = why.into_iter().unzip();
    let max = rule.max_len;
    Err(Text::new(
        format!(
            "{field_id} {value} tidak sah ({}). Boleh 1–{max} karakter: huruf A–Z atau a–z, angka 0–9, {}; diawali huruf atau angka.",
            why_id.join(", "),
            rule.punctuation_listed("atau")
        ),
        format!(
            "{field_en} {value} is invalid ({}). Allowed: 1–{max} characters, letters A–Z or a–z, digits 0–9, {}; starting with a letter or digit.",
            why_en.join(", "),
            rule.punctuation_listed("or")
        ),
    ))
}

/// `s` quoted for a message: at most 40 characters (then `…`), control and invisible
/// formatting characters (bidi overrides, zero-width spaces) written as `\u{…}` so a bad value
/// cannot garble or disguise the message.
pub fn shown(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars().take(SHOWN_CHARS) {
        if is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

fn shown_char(c: char) -> String {
    if is_invisible(c) {
        format!("\\u{{{:x}}}", c as u32)
    } else {
        format!("\"{c}\"")
    }
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{00ad}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::activity::Method;
    use crate::domain::model::plan::{PlanAction, PlanItem};
    use crate::domain::model::progress::Progress;
    use crate::domain::record::Id;

    fn max(kind: IdentKind) -> String {
        // A maximal valid value that also uses the punctuation.
        let rule = kind.rule();
        let mut s = String::from("A");
        s.push_str(rule.punctuation);
        while s.len() < rule.max_len {
            s.push('z');
        }
        assert_eq!(check(kind, &s), Ok(()));
        s
    }

    #[test]
    fn the_longest_derived_ids_are_valid_record_ids() {
        let employee = Id::parse(&"e".repeat(MAX_EMPLOYEE_ID_LEN)).unwrap();
        let (pack, module) = (max(IdentKind::Pack), max(IdentKind::Module));
        let competency = max(IdentKind::Competency);
        let progress = Progress::id_for(&employee, &pack, &module);
        assert_eq!(Id::parse(progress.as_str()).as_ref(), Ok(&progress));
        let module_action = PlanAction::Module { pack, module };
        let others = Method::ALL.map(|method| PlanAction::Method { method });
        for action in others.iter().chain([&module_action, &PlanAction::Mentoring]) {
            let plan = PlanItem::id_for(&employee, &competency, action);
            assert_eq!(Id::parse(plan.as_str()).as_ref(), Ok(&plan), "{plan}");
        }
        // The test really uses maximal parts: "plan:" 5 + 40 + ":" 1 + 20 + ":module." 8 + 20
        // + "." 1 + 32 = 127 today.
        let longest = PlanItem::id_for(&employee, &competency, &module_action);
        let (p, m, c) = (IdentKind::Pack, IdentKind::Module, IdentKind::Competency);
        let sum = 5 + MAX_EMPLOYEE_ID_LEN + 1 + c.rule().max_len + 8 + p.rule().max_len + 1 + m.rule().max_len;
        assert_eq!(longest.as_str().len(), sum);
    }

    #[test]
    fn valid_identifiers_pass() {
        for s in ["lentera-dasar", "moodle-dukcapil-2026", "p", "A_1"] {
            assert_eq!(check(IdentKind::Pack, s), Ok(()), "{s}");
        }
        for s in ["mod-m08-pengambilan-keputusan", "gen-000", "m01_l3"] {
            assert_eq!(check(IdentKind::Module, s), Ok(()), "{s}");
        }
        for s in ["l1", "l10", "pelajaran-1"] {
            assert_eq!(check(IdentKind::Lesson, s), Ok(()), "{s}");
        }
        for s in ["M.01", "SK.01", "T.TIK.01", "TK.DATA.2", "k-1_a"] {
            assert_eq!(check(IdentKind::Competency, s), Ok(()), "{s}");
        }
    }

    #[test]
    fn each_rule_refuses_what_it_must() {
        use IdentKind::*;
        for kind in [Pack, Module, Lesson, Competency] {
            let rule = kind.rule();
            assert_eq!(rule.kind, kind);
            assert!(!is_valid(kind, ""));
            assert!(!is_valid(kind, "a b"));
            assert!(!is_valid(kind, "a:b"));
            assert!(!is_valid(kind, "-a"));
            assert!(!is_valid(kind, "_a"));
            assert!(!is_valid(kind, "é"));
            assert!(!is_valid(kind, "a/b"));
            assert!(!is_valid(kind, " a"));
            assert!(!is_valid(kind, "a\n"));
            assert!(is_valid(kind, &"a".repeat(rule.max_len)));
            assert!(!is_valid(kind, &"a".repeat(rule.max_len + 1)));
        }
        assert!(!is_valid(Pack, "a.b"));
        assert!(!is_valid(Module, "a.b"));
        assert!(!is_valid(Lesson, "a.b"));
        assert!(is_valid(Competency, "a.b"));
        assert!(!is_valid(Competency, ".a"));
    }

    #[test]
    fn a_message_names_field_value_rule_and_length() {
        let e = check(IdentKind::Module, "mod satu").unwrap_err();
        assert!(e.id.starts_with("Id modul \"mod satu\" tidak sah"), "{}", e.id);
        assert!(e.en.starts_with("Module id \"mod satu\" is invalid"), "{}", e.en);
        assert!(e.en.contains("a space") && e.en.contains("\"-\" or \"_\"") && e.en.contains("1–32 characters"));
        assert!(e.id.contains("memuat spasi") && e.id.contains("1–32 karakter"));

        let long = "x".repeat(100);
        let e = check(IdentKind::Pack, &long).unwrap_err();
        assert!(e.en.contains(&format!("\"{}…\"", "x".repeat(40))), "{}", e.en);
        assert!(!e.en.contains(&"x".repeat(41)));
        assert!(e.en.contains("(too long: 100 characters)") && e.en.contains("1–20 characters"));

        let e = check(IdentKind::Competency, "A:1").unwrap_err();
        assert!(e.en.starts_with("Competency code \"A:1\""), "{}", e.en);
        assert!(e.en.contains("character \":\"") && e.en.contains("\".\", \"-\" or \"_\""));

        let e = check(IdentKind::Lesson, "a\u{1b}[31m\u{202e}b").unwrap_err();
        assert!(!e.id.contains('\u{1b}') && !e.en.contains('\u{202e}'), "{}", e.en);
        assert!(e.en.contains("\\u{1b}") && e.en.contains("\\u{202e}"), "{}", e.en);

        let e = check(IdentKind::Pack, "").unwrap_err();
        assert!(e.id.contains("kosong") && e.en.contains("empty"));
    }
}
