//! Re-evaluation: every profile is re-assessed on an interval (six months in Plaju's practice);
//! past the interval it is due, past a second limit overdue.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::domain::rules_config::RulesConfig;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Reevaluation {
    /// No final assessment yet: the first self-assessment is due now.
    NeverAssessed,
    UpToDate {
        last: NaiveDate,
        due: NaiveDate,
    },
    Due {
        last: NaiveDate,
        due: NaiveDate,
        overdue_from: NaiveDate,
    },
    Overdue {
        last: NaiveDate,
        overdue_from: NaiveDate,
    },
}

impl Reevaluation {
    pub fn needs_attention(&self) -> bool {
        !matches!(self, Reevaluation::UpToDate { .. })
    }
}

pub fn reevaluation(last: Option<NaiveDate>, today: NaiveDate, rules: &RulesConfig) -> Reevaluation {
    let Some(last) = last else {
        return Reevaluation::NeverAssessed;
    };
    let add = |m: u32| last.checked_add_months(Months::new(m)).unwrap_or(NaiveDate::MAX);
    let due = add(rules.reevaluation.interval_months.value);
    let overdue_from = add(rules.reevaluation.overdue_after_months.value);
    if today >= overdue_from {
        Reevaluation::Overdue { last, overdue_from }
    } else if today >= due {
        Reevaluation::Due {
            last,
            due,
            overdue_from,
        }
    } else {
        Reevaluation::UpToDate { last, due }
    }
}
