//! Why a plan file could not be imported, in plain words.

use thiserror::Error;

use super::KIND;
use crate::common::json::Envelope;
use crate::common::rules::{problem_detail, summarize, Problem};
use crate::common::words::capitalize;

/// Why a file could not be imported.
///
/// `Display` gives one or more whole sentences in plain words for the person
/// importing: positions are 1-based, places are named as the app shows them
/// ("Risk R-001, initial severity"), and nothing is said about what changed
/// (the app adds "Your plans are unchanged."). [`ImportError::detail`] keeps
/// the technical path and serde_json's own text for experts.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    /// The file could not be read as a plan file: its size, text, JSON,
    /// format, version or shape ([`crate::common::json`]).
    File(Envelope),
    /// A whole-library backup file (`crate::app::backup`) that cannot be restored;
    /// `why` is a sentence about the file ("it has no list …") without its period.
    BadBackup(String),
    /// The plan breaks invariants: each one, and it described in words.
    Invalid(Vec<Problem>),
    /// An issued revision in the file cannot be rebuilt, or is not a valid
    /// plan; `why` is a sentence without its period.
    Revision { number: u32, why: String },
    /// The plan has revisions and the part of the app that checks them
    /// could not be downloaded.
    NotChecked,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(e) => f.write_str(&e.message(&KIND)),
            ImportError::BadBackup(why) => write!(f, "{}.", capitalize(why)),
            ImportError::Invalid(problems) => f.write_str(&summarize(problems, "plan")),
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
            ImportError::File(e) => e.detail(&KIND),
            ImportError::BadBackup(_) | ImportError::Revision { .. } | ImportError::NotChecked => None,
            ImportError::Invalid(problems) => Some(problem_detail(problems)),
        }
    }
}

impl From<Envelope> for ImportError {
    fn from(e: Envelope) -> ImportError {
        ImportError::File(e)
    }
}
