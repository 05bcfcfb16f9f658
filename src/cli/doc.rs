//! A file read as the document it holds, a plan or a maturity assessment,
//! told apart by its `format` and read by the app's own readers
//! (`plan::file::import`, `assessment::import`): the same checks, the same
//! migrations, the same words for what is wrong.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::errors::{shown, CliError};
use crate::assessment::{self, Assessment};
use crate::plan::file;
use crate::plan::model::Plan;

/// The two kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Assessment,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Assessment => "assessment",
        }
    }
}

/// A valid document, and the format version it was written in when it had to be migrated.
pub enum Doc {
    Plan { plan: Box<Plan>, migrated_from: Option<u64> },
    Assessment { assessment: Box<Assessment>, migrated_from: Option<u64> },
}

impl Doc {
    pub fn kind(&self) -> Kind {
        match self {
            Doc::Plan { .. } => Kind::Plan,
            Doc::Assessment { .. } => Kind::Assessment,
        }
    }

    /// The document's name, as the app lists it.
    pub fn name(&self) -> &str {
        match self {
            Doc::Plan { plan, .. } => &plan.name,
            Doc::Assessment { assessment, .. } => &assessment.name,
        }
    }

    pub fn migrated_from(&self) -> Option<u64> {
        match self {
            Doc::Plan { migrated_from, .. } | Doc::Assessment { migrated_from, .. } => *migrated_from,
        }
    }

    /// The file as the app exports it, at the current format version.
    pub fn export(&self) -> String {
        match self {
            Doc::Plan { plan, .. } => file::export_for_file(plan),
            Doc::Assessment { assessment, .. } => assessment::export_pretty(assessment),
        }
    }
}

/// The bytes of a file.
pub fn bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::read(path, &e))
}

/// Only what tells the kinds apart; the rest is skipped unread.
#[derive(Deserialize)]
struct Head {
    format: Option<Value>,
    version: Option<Value>,
}

fn head(bytes: &[u8]) -> Option<Head> {
    let text = file::decode_text(bytes).ok()?;
    serde_json::from_str(&text).ok()
}

/// What `bytes` claim to be: an assessment when its `format` says so, else
/// a plan (whose reader then says what else is wrong).
pub fn kind_of(bytes: &[u8]) -> Kind {
    match head(bytes).and_then(|h| h.format) {
        Some(Value::String(f)) if f == assessment::FORMAT => Kind::Assessment,
        _ => Kind::Plan,
    }
}

/// Read `bytes` (from `path`) as the document they hold, checked as the app checks an import.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Doc, CliError> {
    match kind_of(bytes) {
        Kind::Plan => match file::import(bytes) {
            Ok(imported) => Ok(Doc::Plan { plan: Box::new(imported.plan), migrated_from: imported.migrated_from }),
            Err(error) => Err(CliError::Plan { path: shown(path), error }),
        },
        Kind::Assessment => match assessment::import(bytes) {
            Ok(a) => {
                // The reader migrates without saying from where; the header says.
                let version = head(bytes).and_then(|h| h.version).and_then(|v| v.as_f64()).map(|v| v as u64);
                Ok(Doc::Assessment { assessment: Box::new(a), migrated_from: version.filter(|&v| v != assessment::VERSION) })
            }
            Err(error) => Err(CliError::Assessment { path: shown(path), error }),
        },
    }
}

/// Read the file at `path` as the document it holds.
pub fn open(path: &Path) -> Result<Doc, CliError> {
    read(path, &bytes(path)?)
}
