//! Rounding to one decimal, the precision of every figure Lentera shows or reports (JP, JPM,
//! improvements): one definition, so a screen, a rule and the CSV never round differently.

/// `x` to one decimal (half away from zero). `+ 0.0` turns −0 (the sum of nothing) into 0.
pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn rounds_half_away_from_zero_and_never_shows_minus_zero() {
        assert_eq!(super::one_decimal(81.818), 81.8);
        assert_eq!(super::one_decimal(0.25), 0.3);
        assert_eq!(super::one_decimal(-0.04).to_string(), "0");
        assert_eq!((-0.0f64 + 0.0).to_string(), "0");
    }
}
