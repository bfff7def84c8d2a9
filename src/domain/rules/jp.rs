//! The 20-JP year: learning hours earned in a calendar year against the annual target.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::domain::model::activity::{Activity, Method};
use crate::domain::round::one_decimal;
use crate::domain::rules_config::RulesConfig;

/// JP an activity earns: hours × 60 ÷ minutes per JP × the method's factor, capped per activity.
pub fn activity_jp(activity: &Activity, rules: &RulesConfig) -> f64 {
    credited(activity.method, activity.hours, rules).0
}

/// JP for `hours` of `method`, and whether the method's cap cut them.
fn credited(method: Method, hours: f64, rules: &RulesConfig) -> (f64, bool) {
    let credit = rules.method_credit(method);
    let jp = hours.max(0.0) * 60.0 / rules.jp.minutes_per_jp.value * credit.factor;
    let capped = credit.max_jp.is_some_and(|cap| jp > cap);
    (one_decimal(credit.max_jp.map_or(jp, |cap| jp.min(cap))), capped)
}

/// What an activity being typed will be credited, shown before it is saved: the JP, and
/// whether the method's cap cut it. `None` until a method and a number of hours are there.
pub fn preview_jp(method: Option<Method>, hours: &str, rules: &RulesConfig) -> Option<(f64, bool)> {
    let hours = crate::domain::format::parse_hours(hours).filter(|h| *h > 0.0)?;
    Some(credited(method?, hours, rules))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JpStatus {
    /// The target is reached.
    Met,
    /// Not yet reached, but at least the pro-rata share of the year is.
    OnTrack,
    /// Below the pro-rata share (or the year ended short).
    Behind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JpYear {
    pub year: i32,
    pub from_modules: f64,
    pub from_activities: f64,
    pub earned: f64,
    pub target: f64,
    pub status: JpStatus,
    /// JP still needed this year (0 when met).
    pub remaining: f64,
    /// Months left in the year, counting the current one (0 for a past year).
    pub months_left: u32,
    /// JP a month needed from now to reach the target (0 when met or the year is over).
    pub pace_per_month: f64,
}

/// Sums the JP of a year: module completions `(date, jp)` and activities, by the date they
/// ended. `today` decides what "on track" means for the current year.
pub fn jp_year<'a>(
    year: i32,
    today: NaiveDate,
    module_completions: impl IntoIterator<Item = (NaiveDate, f64)>,
    activities: impl IntoIterator<Item = &'a Activity>,
    rules: &RulesConfig,
) -> JpYear {
    let from_modules: f64 = module_completions
        .into_iter()
        .filter(|(d, _)| d.year() == year)
        .map(|(_, jp)| jp)
        .sum();
    let from_activities: f64 = activities
        .into_iter()
        .filter(|a| a.end.year() == year)
        .map(|a| activity_jp(a, rules))
        .sum();
    let earned = one_decimal(from_modules + from_activities);
    let target = rules.jp.annual_target.value;
    let remaining = one_decimal((target - earned).max(0.0));
    let months_left = match year.cmp(&today.year()) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => 12 - today.month0(),
        std::cmp::Ordering::Greater => 12,
    };
    let status = if earned >= target {
        JpStatus::Met
    } else if months_left == 0 {
        JpStatus::Behind
    } else {
        let elapsed = if year == today.year() {
            year_fraction(today)
        } else {
            0.0
        };
        if earned + 1e-9 >= target * elapsed {
            JpStatus::OnTrack
        } else {
            JpStatus::Behind
        }
    };
    let pace_per_month = if months_left == 0 || remaining == 0.0 {
        0.0
    } else {
        one_decimal(remaining / months_left as f64)
    };
    JpYear {
        year,
        from_modules: one_decimal(from_modules),
        from_activities: one_decimal(from_activities),
        earned,
        target,
        status,
        remaining,
        months_left,
        pace_per_month,
    }
}

/// Share of the year that has passed by the end of `today`.
fn year_fraction(today: NaiveDate) -> f64 {
    let days = if NaiveDate::from_ymd_opt(today.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    today.ordinal() as f64 / days
}
