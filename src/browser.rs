//! The few facts only the browser knows: the time, randomness. Kept apart so the domain can
//! take them as arguments.

use chrono::{DateTime, NaiveDate, Utc};

/// Now, by this device's clock.
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now();
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

/// Today in the device's own time zone (a learner in WITA finishing at 07:30 local time did so
/// "today", not yesterday in UTC).
pub fn today() -> NaiveDate {
    date_of(&js_sys::Date::new_0())
}

/// The local calendar date of a JS `Date`.
pub fn date_of(d: &js_sys::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// 16 bytes from `crypto.getRandomValues` (available in insecure contexts too, unlike
/// `crypto.randomUUID`).
pub fn random_bytes() -> [u8; 16] {
    let mut b = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut b);
    }
    if b == [0u8; 16] {
        // No crypto: fall back to Math.random, still unique enough for record ids.
        for x in b.iter_mut() {
            *x = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    b
}

/// `N` bytes from `crypto.getRandomValues`, or `None` when the browser has none: for secrets
/// (a signing key), where a `Math.random` fallback would be guessable.
pub fn secure_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut b = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut b).ok()?;
    Some(b)
}

pub fn new_id() -> crate::domain::record::Id {
    crate::domain::record::Id::from_random(random_bytes())
}

/// The address of the site's folder (`https://host/dinas/lentera/`): the page's address
/// without its file name, query and fragment. Names what this site publishes (xAPI activities).
pub fn site_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{origin}{folder}")
}

/// The local calendar date and `HH:MM` of a moment, by the device's time zone.
pub fn local_date_time(at: DateTime<Utc>) -> (NaiveDate, String) {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    (date_of(&d), format!("{:02}:{:02}", d.get_hours(), d.get_minutes()))
}

/// Whether this page was served over https (from where a browser refuses http requests).
pub fn page_is_https() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:")
}
