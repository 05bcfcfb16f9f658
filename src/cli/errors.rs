//! What can go wrong, in the app's plain words: a file's own error is the
//! app's (`ImportError`, `AssessmentError`, both built on
//! `common::json::Envelope::message`), named with the file it is about.

use std::fmt;
use std::path::Path;

use crate::assessment::AssessmentError;
use crate::plan::file::ImportError;

/// The exit status of every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Done; nothing to report.
    Clean = 0,
    /// Done, with something for a person to look at: gaps, conflicts.
    Found = 1,
    /// Not done: a file could not be read, was not valid or could not be written.
    Failed = 2,
}

/// Why a command could not do its work. Each reads as whole sentences.
#[derive(Debug)]
pub enum CliError {
    /// The file could not be read from disk.
    Read { path: String, why: String },
    /// The file is not a valid plan file.
    Plan { path: String, error: ImportError },
    /// The file is not a valid assessment file.
    Assessment { path: String, error: AssessmentError },
    /// A file could not be written.
    Write { path: String, why: String },
    /// The command cannot be done with these files; `why` is whole sentences.
    Refused(String),
}

impl CliError {
    pub fn read(path: &Path, e: &std::io::Error) -> CliError {
        CliError::Read { path: shown(path), why: io_words(e) }
    }

    pub fn write(path: &Path, e: &std::io::Error) -> CliError {
        CliError::Write { path: shown(path), why: io_words(e) }
    }

    /// The technical detail behind the message, as the app shows experts.
    pub fn detail(&self) -> Option<String> {
        match self {
            CliError::Plan { error, .. } => error.detail(),
            CliError::Assessment { error, .. } => error.detail(),
            _ => None,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Read { path, why } => write!(f, "{path} could not be read: {why}."),
            CliError::Plan { path, error } => write!(f, "{path}: {error}"),
            CliError::Assessment { path, error } => write!(f, "{path}: {error}"),
            CliError::Write { path, why } => write!(f, "{path} could not be written: {why}. Nothing was changed."),
            CliError::Refused(why) => f.write_str(why),
        }
    }
}

/// A path as messages show it.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// An I/O error as a clause: "there is no such file".
fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission was denied".into(),
        ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => e.to_string(),
    }
}
