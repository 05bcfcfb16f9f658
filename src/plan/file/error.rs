//! Why a plan file could not be imported, in plain words.

use thiserror::Error;

use super::shape::shape;
use super::{FORMAT, MAX_FILE_BYTES, VERSION};
use crate::common::json::{known_versions, path_text, Envelope};
use crate::common::rules::Violation;
use crate::common::words::{capitalize, human_bytes, shorten, thousands};

/// Why a file could not be imported.
///
/// `Display` gives one or more whole sentences in plain words for the person
/// importing: positions are 1-based, places are named as the app shows them
/// ("Risk R-001, initial severity"), and nothing is said about what changed
/// (the app adds "Your plans are unchanged."). [`ImportError::detail`] keeps
/// the technical path and serde_json's own text for experts.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`]; `size` in bytes.
    TooLarge {
        size: usize,
    },
    Empty,
    /// Not text at all (zero bytes outside any known encoding).
    Binary,
    /// Text in an encoding that could not be read; `message` is a sentence
    /// without its final period.
    Encoding {
        encoding: &'static str,
        message: String,
    },
    /// Not well-formed JSON. `line` and `column` are 1-based, the column in
    /// characters; `message` is a sentence without its final period.
    NotJson {
        line: usize,
        column: usize,
        message: String,
        detail: String,
    },
    /// JSON, but not an object with a `format` field.
    NotAPlanFile(String),
    /// A whole-library backup file (`crate::app::backup`) that cannot be restored;
    /// `why` is a sentence about the file ("it has no list …") without its period.
    BadBackup(String),
    WrongFormat {
        found: String,
    },
    /// `version` missing, or not a whole number from 1 up; `found` is the JSON written.
    BadVersion {
        found: Option<String>,
    },
    NewerVersion {
        found: u64,
    },
    Migration {
        from: u64,
        message: String,
    },
    /// The content does not fit the format. `message` is a whole sentence
    /// naming the place; `path` is technical (`plan/risks/0/initial/severity`,
    /// `/` for the top), `detail` serde_json's text.
    Shape {
        path: String,
        message: String,
        detail: String,
    },
    /// The plan breaks invariants: each one, and it described in words.
    Invalid(Vec<Problem>),
    /// An issued revision in the file cannot be rebuilt, or is not a valid
    /// plan; `why` is a sentence without its period.
    Revision {
        number: u32,
        why: String,
    },
    /// The plan has revisions and the part of the app that checks them
    /// could not be downloaded.
    NotChecked,
}

/// One broken invariant of an imported plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub violation: Violation,
    /// [`describe`]: one sentence naming the place as the user sees it.
    pub description: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { size } => f.write_str(&too_large(*size)),
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::Binary => f.write_str("The file is not text: it holds binary data."),
            ImportError::Encoding { message, .. } => write!(f, "{message}."),
            ImportError::NotJson { line, column, message, .. } => write!(f, "{message} (line {line}, column {column})."),
            ImportError::NotAPlanFile(why) => write!(f, "The file is JSON but not a plan file: {why}."),
            ImportError::BadBackup(why) => write!(f, "{}.", capitalize(why)),
            ImportError::WrongFormat { found } => {
                write!(f, "This is not a JSP Planner plan file: its “format” is {found}, not “{FORMAT}”.")
            }
            ImportError::BadVersion { found } => {
                let known = known_versions(VERSION);
                match found {
                    Some(v) => write!(f, "The file’s “version” is {v}; it must be a whole number: {known}."),
                    None => write!(f, "The file has no “version”; it must be a whole number: {known}."),
                }
            }
            ImportError::NewerVersion { found } => write!(
                f,
                "The file was saved by a newer JSP Planner (format version {found}); this app reads versions up to {VERSION}. \
                 Open it in an up-to-date JSP Planner."
            ),
            ImportError::Migration { from, message } => {
                write!(f, "The file could not be upgraded from format version {from}: {message}.")
            }
            ImportError::Shape { message, .. } => f.write_str(message),
            ImportError::Invalid(problems) => f.write_str(&summarize(problems)),
            ImportError::Revision { number, why } => write!(f, "Revision {number} in the file cannot be read: {why}."),
            ImportError::NotChecked => f.write_str(
                "Its revisions could not be checked: the part of JSP Planner that reads them did not download. \
                 Try again when the network is back.",
            ),
        }
    }
}

impl ImportError {
    /// The technical detail behind the message, for experts: the path in the
    /// file, serde_json's original text, exact sizes. `None` when the message
    /// says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            ImportError::TooLarge { size } => Some(format!("{size} bytes; the limit is {MAX_FILE_BYTES} bytes")),
            ImportError::Empty
            | ImportError::Binary
            | ImportError::NotAPlanFile(_)
            | ImportError::BadBackup(_)
            | ImportError::Revision { .. }
            | ImportError::NotChecked
            | ImportError::Migration { .. } => None,
            ImportError::Encoding { encoding, .. } => Some(format!("encoding: {encoding}")),
            ImportError::NotJson { detail, .. } => Some(detail.clone()),
            ImportError::WrongFormat { found } => Some(format!("format: {found}")),
            ImportError::BadVersion { found } => found.as_ref().map(|v| format!("version: {v}")),
            ImportError::NewerVersion { found } => Some(format!("version: {found}; this app writes {VERSION}")),
            ImportError::Shape { path, detail, .. } => Some(format!("at {path}: {detail}")),
            ImportError::Invalid(problems) => {
                let mut lines: Vec<String> = problems.iter().take(100).map(|p| shorten(&p.violation.to_string(), 300)).collect();
                if problems.len() > 100 {
                    lines.push(format!("… and {} more", problems.len() - 100));
                }
                Some(lines.join("\n"))
            }
        }
    }
}

impl From<Envelope> for ImportError {
    fn from(e: Envelope) -> ImportError {
        match e {
            Envelope::TooLarge { size } => ImportError::TooLarge { size },
            Envelope::Empty => ImportError::Empty,
            Envelope::Binary => ImportError::Binary,
            Envelope::Encoding { encoding, message } => ImportError::Encoding { encoding, message },
            Envelope::NotJson { line, column, message, detail } => ImportError::NotJson { line, column, message, detail },
            Envelope::NotAnObject(why) => ImportError::NotAPlanFile(why.into()),
            Envelope::WrongFormat { found } => ImportError::WrongFormat { found },
            Envelope::BadVersion { found } => ImportError::BadVersion { found },
            Envelope::NewerVersion { found } => ImportError::NewerVersion { found },
            Envelope::Migration { from, message } => ImportError::Migration { from, message },
            Envelope::Shape { segments, detail, root } => {
                ImportError::Shape { path: path_text(&segments), message: shape(&detail, &segments, root.as_ref()), detail }
            }
        }
    }
}

/// Up to three problems in words, then how many more.
fn summarize(problems: &[Problem]) -> String {
    let shown: Vec<String> = problems.iter().take(3).map(|p| shorten(p.description.trim_end_matches('.'), 200)).collect();
    let more = problems.len().saturating_sub(3);
    let head = if problems.len() == 1 { "The plan has a problem".to_string() } else { format!("The plan has {} problems", problems.len()) };
    let mut text = format!("{head}: {}", shown.join("; "));
    match more {
        0 => {}
        1 => text.push_str("; and 1 more problem"),
        n => text.push_str(&format!("; and {} more problems", thousands(n))),
    }
    text.push('.');
    text
}

/// "The file is 4.3 MB; plan files can be at most 4 MB." When the rounded
/// sizes would read the same, exact byte counts say how they differ.
/// Integer arithmetic only: float formatting would add kilobytes to the wasm.
fn too_large(size: usize) -> String {
    let (shown, limit) = (human_bytes(size), human_bytes(MAX_FILE_BYTES));
    if shown == limit {
        format!("The file is {} bytes; plan files can be at most {} bytes ({limit}).", thousands(size), thousands(MAX_FILE_BYTES))
    } else {
        format!("The file is {shown}; plan files can be at most {limit}.")
    }
}
