//! Lower-case hex for salts, hashes, keys and signatures kept in JSON.

pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `None` for odd lengths and anything that is not hex (`from_str_radix` alone would accept a
/// leading `+`).
pub fn decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// Exactly `N` bytes of hex.
pub fn decode_array<const N: usize>(s: &str) -> Option<[u8; N]> {
    decode(s).and_then(|v| v.try_into().ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_and_refuses_non_hex() {
        assert_eq!(super::encode(&[0, 15, 255]), "000fff");
        assert_eq!(super::decode("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(super::decode("+f"), None);
        assert_eq!(super::decode("abc"), None);
        assert_eq!(super::decode("éa"), None);
        assert_eq!(super::decode_array::<2>("0a0b"), Some([10, 11]));
        assert_eq!(super::decode_array::<2>("0a"), None);
    }
}
