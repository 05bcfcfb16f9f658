//! `migrate FILE [-o OUT]`: the file at the current format version, read
//! and checked as the app imports it and written as the app exports it.
//! In place by default (written whole, through a temporary file); a file
//! already current is left untouched unless `-o` names another file.

use std::path::Path;

use super::doc;
use super::errors::{shown, CliError, Exit};
use crate::{assessment, plan};

pub fn run(file: &Path, output: Option<&Path>) -> Result<Exit, CliError> {
    let document = doc::open(file)?;
    let current = match document.kind() {
        doc::Kind::Plan => plan::file::VERSION,
        doc::Kind::Assessment => assessment::VERSION,
    };
    let target = output.filter(|o| o.as_os_str() != "-");
    let to_stdout = output.is_some_and(|o| o.as_os_str() == "-");
    match (document.migrated_from(), target) {
        (None, None) if !to_stdout => {
            eprintln!("{}: already at format version {current}; left as it is.", shown(file));
            return Ok(Exit::Clean);
        }
        (from, _) => {
            super::write::Out::of(output.or(Some(file))).put(document.export().as_bytes())?;
            let to = target.map_or_else(|| if to_stdout { "standard output".into() } else { shown(file) }, shown);
            match from {
                Some(v) => eprintln!("{}: migrated from format version {v} to {current}, written to {to}.", shown(file)),
                None => eprintln!("{}: already at format version {current}; written to {to}.", shown(file)),
            }
        }
    }
    Ok(Exit::Clean)
}
