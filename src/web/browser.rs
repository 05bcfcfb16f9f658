//! The few facts the app takes from the browser: the clock and randomness.

/// The current time as an RFC 3339 timestamp (UTC, milliseconds).
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// 64 random bits for ids. `Math.random` is enough: ids must be unique, not secret.
pub fn entropy() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}
