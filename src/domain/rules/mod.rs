//! The competency-development rules: pure functions of records, the rules configuration and
//! "today". See `docs/rules.md`.

pub mod cohort;
pub mod items;
pub mod jp;
pub mod jpm;
pub mod levels;
pub mod plan;
pub mod profile;
pub mod proof;
pub mod quiz;
pub mod recommend;
pub mod report;
pub mod report_xlsx;
pub mod roster;
pub mod schedule;
pub mod sessions;
pub mod talent;
pub mod wording;
