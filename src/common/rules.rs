//! What both documents' rule checkers share: the limits that keep the app
//! responsive, how a broken rule is reported, and what a date looks like.

use std::fmt;

pub const MAX_ID_LEN: usize = 64;
pub const MAX_NAME_LEN: usize = 300;
pub const MAX_TEXT_LEN: usize = 20_000;
pub const MAX_ITEMS: usize = 5_000;

/// One broken invariant, located by a JSON-pointer-like path relative to the
/// document (`risks/0/initial/severity`, zero-based). `message` is plain words
/// that read after the name of the place ("must not be empty"); each
/// document's `describe` makes the whole sentence a user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A calendar date written YYYY-MM-DD (what a date field gives), or empty.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (month, day) = (&s[5..7], &s[8..10]);
    matches!(month.parse::<u8>(), Ok(1..=12)) && matches!(day.parse::<u8>(), Ok(1..=31))
}
