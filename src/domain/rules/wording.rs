//! Screen sentences that state a rule's number: the numbers come from the rules configuration,
//! so a content pack that changes a rule changes what the screens say.

use crate::domain::format::number;
use crate::domain::lang::{Lang, Text};
use crate::domain::rules_config::{JpmScheme, RulesConfig, TypeWeights};

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

/// How JPM is computed under `rules`, said beside every JPM: the scheme, whether a level above
/// the standard makes up for one below, the cap, and the weights when `weights` were used.
pub fn jpm_basis(rules: &RulesConfig, weights: Option<TypeWeights>) -> Text {
    let scheme = rules.scheme().map(|s| s.name.clone()).unwrap_or_default();
    let (comp_id, comp_en) = if rules.jpm.no_compensation.value {
        (
            "tanpa kompensasi: tingkat di atas standar dihitung sampai standar",
            "no compensation: a level above the standard counts up to the standard",
        )
    } else {
        (
            "dengan kompensasi: tingkat di atas standar menutupi kekurangan",
            "with compensation: a level above the standard makes up for one below",
        )
    };
    let (cap_id, cap_en) = if rules.jpm.cap_at_100.value {
        ("paling tinggi 100 %", "at most 100 %")
    } else {
        ("tanpa batas 100 %", "not capped at 100 %")
    };
    let (w_id, w_en) = match weights {
        Some(w) => {
            let (t_id, t_en) = n(w.technical);
            let (o_id, o_en) = n(w.managerial_socio_cultural);
            (
                format!("; bobot teknis {t_id} %, manajerial dan sosial kultural {o_id} %"),
                format!("; weights: technical {t_en} %, managerial and socio-cultural {o_en} %"),
            )
        }
        None => (String::new(), String::new()),
    };
    Text::new(
        format!("Skema {}; {comp_id}; {cap_id}{w_id}.", scheme.id),
        format!(
            "Scheme {}; {comp_en}; {cap_en}{w_en}.",
            if scheme.en.is_empty() { &scheme.id } else { &scheme.en }
        ),
    )
}

/// The categories of `scheme` in words, highest first: "Optimal: 90 % atau lebih; …".
pub fn jpm_bands(scheme: &JpmScheme) -> Vec<Text> {
    let mut out = Vec::new();
    let mut upper: Option<f64> = None;
    for band in &scheme.bands {
        let (min_id, min_en) = n(band.min);
        let label = &band.label;
        let en_label = if label.en.is_empty() { &label.id } else { &label.en };
        let text = match upper {
            None => Text::new(
                format!("{}: {min_id} % atau lebih", label.id),
                format!("{en_label}: {min_en} % or more"),
            ),
            Some(up) => {
                let (up_id, up_en) = n(up);
                if band.min > 0.0 {
                    Text::new(
                        format!("{}: {min_id} % sampai di bawah {up_id} %", label.id),
                        format!("{en_label}: {min_en} % to below {up_en} %"),
                    )
                } else {
                    Text::new(
                        format!("{}: di bawah {up_id} %", label.id),
                        format!("{en_label}: below {up_en} %"),
                    )
                }
            }
        };
        out.push(text);
        upper = Some(band.min);
    }
    out
}

/// A competency's gap in words, the sign of `docs/rules.md` §3 (gap = required − current):
/// "kurang 1 tingkat" for a shortfall, "memenuhi standar", "lebih 1 tingkat" above it.
pub fn gap(gap: i16) -> Text {
    let levels = |k: i16| {
        (
            format!("{k} tingkat"),
            if k == 1 {
                "1 level".to_string()
            } else {
                format!("{k} levels")
            },
        )
    };
    match gap {
        g if g > 0 => {
            let (id, en) = levels(g);
            Text::new(format!("kurang {id}"), format!("{en} short"))
        }
        0 => Text::new("memenuhi standar", "meets the standard"),
        g => {
            let (id, en) = levels(-g);
            Text::new(format!("lebih {id}"), format!("{en} above"))
        }
    }
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
    fn gaps_are_said_with_the_sign_of_the_rules() {
        assert_eq!(gap(1).get(Lang::Id), "kurang 1 tingkat");
        assert_eq!(gap(2).get(Lang::En), "2 levels short");
        assert_eq!(gap(0).get(Lang::Id), "memenuhi standar");
        assert_eq!(gap(-1).get(Lang::Id), "lebih 1 tingkat");
    }

    #[test]
    fn jpm_bands_and_basis_follow_the_rules() {
        let mut rules = RulesConfig::default();
        let bands: Vec<String> = jpm_bands(rules.scheme().unwrap())
            .iter()
            .map(|t| t.get(Lang::Id).to_string())
            .collect();
        assert_eq!(
            bands,
            [
                "Optimal: 90 % atau lebih",
                "Cukup Optimal: 78 % sampai di bawah 90 %",
                "Kurang Optimal: di bawah 78 %"
            ]
        );
        assert!(jpm_basis(&rules, None).get(Lang::Id).contains("dengan kompensasi"));
        rules.jpm.no_compensation.value = true;
        let w = TypeWeights {
            technical: 40.0,
            managerial_socio_cultural: 60.0,
        };
        let basis = jpm_basis(&rules, Some(w));
        assert!(basis.get(Lang::Id).contains("tanpa kompensasi"), "{basis:?}");
        assert!(
            basis
                .get(Lang::En)
                .contains("technical 40 %, managerial and socio-cultural 60 %"),
            "{basis:?}"
        );
    }

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
