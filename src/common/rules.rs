//! What both documents' rule checkers share: the limits that keep the app
//! responsive, how a broken rule is reported, what a date looks like, and
//! the [`Checker`] that words the common checks the same way for both.

use std::fmt;

use crate::common::ids::is_id;
use crate::common::words::{quoted, shorten, thousands};

/// Sets of ids, hashed with rustc's fast hash: validation runs on every edit,
/// and at 1 MB the default (DoS-resistant) hasher was a tenth of an edit's time.
pub type HashSet<T> = rustc_hash::FxHashSet<T>;

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

/// One broken rule of an imported document, and the sentence a person reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub violation: Violation,
    /// The document's `describe`: one sentence naming the place as the user sees it.
    pub description: String,
}

/// Up to three problems of the `noun` ("plan") in words, then how many more.
pub fn summarize(problems: &[Problem], noun: &str) -> String {
    let shown: Vec<String> = problems.iter().take(3).map(|p| shorten(p.description.trim_end_matches('.'), 200)).collect();
    let head = match problems.len() {
        1 => format!("The {noun} has a problem"),
        n => format!("The {noun} has {} problems", thousands(n)),
    };
    let mut text = format!("{head}: {}", shown.join("; "));
    match problems.len().saturating_sub(3) {
        0 => {}
        1 => text.push_str("; and 1 more problem"),
        n => text.push_str(&format!("; and {} more problems", thousands(n))),
    }
    text.push('.');
    text
}

/// The problems as experts read them, path and words, one a line (100 at most).
pub fn problem_detail(problems: &[Problem]) -> String {
    let mut lines: Vec<String> = problems.iter().take(100).map(|p| shorten(&p.violation.to_string(), 300)).collect();
    if problems.len() > 100 {
        lines.push(format!("… and {} more", problems.len() - 100));
    }
    lines.join("\n")
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

/// Checks take the place they check as a closure: the path is formatted only
/// when the check fails. Validation runs on every edit, and formatting a path
/// for each of thousands of items took most of its time (3.4 ms of a 640 kB
/// plan natively before, 1.4 ms after).
#[derive(Default)]
pub struct Checker {
    pub found: Vec<Violation>,
}

impl Checker {
    pub fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found.push(Violation { path: path.into(), message: message.into() });
    }

    pub fn id(&mut self, path: impl Fn() -> String, id: &str) {
        if !is_id(id) {
            self.fail(path(), format!("must be 1 to {MAX_ID_LEN} letters, digits, hyphens or underscores"));
        }
    }

    pub fn name(&mut self, path: impl Fn() -> String, text: &str, required: bool) {
        if required && text.trim().is_empty() {
            self.fail(path(), "must not be empty");
        }
        self.longest(path, text, MAX_NAME_LEN);
    }

    pub fn text(&mut self, path: impl Fn() -> String, text: &str) {
        self.longest(path, text, MAX_TEXT_LEN);
    }

    /// At most `max` characters.
    pub fn longest(&mut self, path: impl Fn() -> String, text: &str, max: usize) {
        if longer_than(text, max) {
            self.fail(path(), format!("is longer than {} characters", thousands(max)));
        }
    }

    /// A date written YYYY-MM-DD.
    pub fn date(&mut self, path: impl Fn() -> String, date: &str) {
        if !is_date(date) {
            let found = if date.is_empty() { "empty".to_string() } else { quoted(date) };
            self.fail(path(), format!("is {found}; it must be a date written YYYY-MM-DD, such as 2026-03-31"));
        }
    }

    /// A loose RFC 3339 check: date, 'T', time. Enough to reject garbage.
    pub fn timestamp(&mut self, path: &str, ts: &str) {
        let b = ts.as_bytes();
        let ok = b.len() >= 20
            && b.len() <= 40
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[7] == b'-'
            && b[10] == b'T'
            && b[13] == b':';
        if !ok {
            self.fail(path, "must be a date and time such as 2026-01-31T09:30:00.000Z");
        }
    }

    pub fn count(&mut self, path: &str, n: usize) {
        self.at_most(path, n, MAX_ITEMS);
    }

    /// A list of at most `max` entries.
    pub fn at_most(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.fail(path, format!("has {} entries; at most {} are allowed", thousands(n), thousands(max)));
        }
    }

    /// Check ids of a collection are well-formed and unique; return the set.
    pub fn ids<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        self.ids_named(path, ids, "id")
    }

    /// [`Self::ids`] for ids in a field of another name; also at most [`MAX_ITEMS`] of them.
    pub fn ids_named<'a>(&mut self, path: &str, mut ids: impl Iterator<Item = &'a str>, field: &str) -> HashSet<&'a str> {
        let (seen, n) = self.unique_counted(path, &mut ids, field);
        self.count(path, n);
        seen
    }

    /// Ids of a list well-formed and none twice, without a bound on their number.
    pub fn unique<'a>(&mut self, path: &str, mut ids: impl Iterator<Item = &'a str>, field: &str) -> HashSet<&'a str> {
        self.unique_counted(path, &mut ids, field).0
    }

    /// [`Self::unique`] and how many ids there were. It takes the ids as a
    /// `dyn Iterator` so that its loop is in the wasm once, not once for each
    /// list a document checks (a generic loop here cost the first screen
    /// 0.4 kB gzip).
    fn unique_counted<'a>(&mut self, path: &str, ids: &mut dyn Iterator<Item = &'a str>, field: &str) -> (HashSet<&'a str>, usize) {
        let mut seen = HashSet::default();
        let mut n = 0;
        for (i, id) in ids.enumerate() {
            n += 1;
            self.id(|| format!("{path}/{i}/{field}"), id);
            if !seen.insert(id) {
                self.fail(format!("{path}/{i}/{field}"), format!("is {}, the same as an earlier one", quoted(id)));
            }
        }
        (seen, n)
    }

    /// A list of links (`path/0`, `path/1`, ...): each to a known id, none twice.
    pub fn links(&mut self, path: impl Fn() -> String, ids: &[String], known: &HashSet<&str>) {
        let mut seen = HashSet::default();
        for (j, id) in ids.iter().enumerate() {
            self.link(|| format!("{}/{j}", path()), id, known);
            if !seen.insert(id) {
                self.fail(format!("{}/{j}", path()), format!("is {}, which is already linked", quoted(id)));
            }
        }
    }

    pub fn link(&mut self, path: impl Fn() -> String, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) {
            self.fail(path(), format!("is {}, which does not exist", quoted(id)));
        }
    }
}

/// More than `max` characters; counted only when the bytes could be (a
/// character is at least one byte), which on an edit is almost never.
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}
