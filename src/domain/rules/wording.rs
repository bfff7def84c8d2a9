//! Screen sentences that state a rule's number: the numbers come from the rules configuration,
//! so a content pack that changes a rule changes what the screens say.

use crate::domain::format::number;
use crate::domain::lang::{Lang, Text};
use crate::domain::rules_config::RulesConfig;

fn n(x: f64) -> (String, String) {
    (number(Lang::Id, x), number(Lang::En, x))
}

/// The dashboard's banner when a re-assessment is due (followed by the date).
pub fn reevaluation_due(rules: &RulesConfig) -> Text {
    let m = rules.reevaluation.interval_months.value;
    Text::new(
        format!("Penilaian ulang (setiap {m} bulan) jatuh tempo sejak"),
        format!("The re-assessment (every {m} months) has been due since"),
    )
}

/// Why a mentor is suggested after `failures` failed quiz attempts of one module.
pub fn mentoring_after_failures(failures: usize) -> Text {
    Text::new(
        format!("Minta pendampingan mentor: kuis modul belum lulus setelah {failures} kali mencoba."),
        format!("Ask for a mentor: the module quiz was failed {failures} times."),
    )
}

/// The title of the cohort's JP chart.
pub fn jp_target(rules: &RulesConfig) -> Text {
    let (id, en) = n(rules.jp.annual_target.value);
    Text::new(format!("Target {id} JP"), format!("{en}-JP target"))
}

/// How the promotion-readiness list is ordered, in the configured order of its criteria.
pub fn promotion_order(rules: &RulesConfig) -> Text {
    use crate::domain::rules_config::PromotionKey;
    let names = |k: &PromotionKey| match k {
        PromotionKey::Jpm => ("JPM", "JPM"),
        PromotionKey::Improvement => (
            "peningkatan sejak penilaian sebelumnya",
            "improvement since the previous assessment",
        ),
        PromotionKey::JpTarget => ("target JP", "the JP target"),
    };
    let keys = &rules.promotion.order.value;
    let list = |pick: fn((&'static str, &'static str)) -> &'static str, then: &str| {
        let parts: Vec<&str> = keys.iter().map(|k| pick(names(k))).collect();
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{}, {then} {last}", rest.join(", ")),
            Some((last, _)) => last.to_string(),
            None => String::new(),
        }
    };
    Text::new(
        format!("Urut menurut {}.", list(|p| p.0, "lalu")),
        format!("Ordered by {}.", list(|p| p.1, "then")),
    )
}

/// The first screen's welcome, before any profile exists.
pub fn welcome(rules: &RulesConfig) -> Text {
    welcome_with(rules.jp.annual_target.value)
}

/// The welcome for a yearly JP target of `annual_target` (`welcome` with the rules in force;
/// the first screen passes the built-in rules' value, `rules_config::default_number`).
pub fn welcome_with(annual_target: f64) -> Text {
    let (id, en) = n(annual_target);
    Text::new(
        format!("Lentera membantu ASN mengembangkan kompetensi: menilai diri, belajar mandiri, dan mencatat {id} JP setiap tahun — juga tanpa internet. Data disimpan di perangkat ini saja. Mulailah dengan membuat profil."),
        format!("Lentera helps civil servants develop their competencies: self-assessment, self-paced learning and logging {en} JP a year — even offline. Data stays on this device. Start by creating a profile."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_follow_the_rules_numbers() {
        let mut rules = RulesConfig::default();
        assert!(welcome(&rules).get(Lang::Id).contains("mencatat 20 JP"));
        rules.jp.annual_target.value = 24.5;
        rules.reevaluation.interval_months.value = 12;
        assert!(welcome(&rules).get(Lang::Id).contains("mencatat 24,5 JP"));
        assert_eq!(jp_target(&rules).get(Lang::En), "24.5-JP target");
        assert!(reevaluation_due(&rules).get(Lang::Id).contains("setiap 12 bulan"));
        assert!(mentoring_after_failures(3).get(Lang::En).contains("failed 3 times"));
        assert_eq!(
            promotion_order(&rules).get(Lang::Id),
            "Urut menurut JPM, peningkatan sejak penilaian sebelumnya, lalu target JP."
        );
        rules.promotion.order.value.reverse();
        assert_eq!(
            promotion_order(&rules).get(Lang::En),
            "Ordered by the JP target, improvement since the previous assessment, then JPM."
        );
    }
}
