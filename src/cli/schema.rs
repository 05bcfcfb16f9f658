//! `schema plan|assessment`: the JSON Schema of a file format, generated
//! from the Rust types; the copies in `public/` are this output, and the
//! tests (tests/plan/file.rs, tests/assessment/document.rs, tests/cli) say
//! when they are stale.

use std::path::Path;

use super::args::SchemaKind;
use super::errors::{CliError, Exit};
use super::write::Out;

pub fn run(kind: SchemaKind, output: Option<&Path>) -> Result<Exit, CliError> {
    let schema = match kind {
        SchemaKind::Plan => crate::plan::file::schema_json(),
        SchemaKind::Assessment => crate::assessment::schema_json(),
    };
    Out::of(output).put(format!("{schema}\n").as_bytes())?;
    Ok(Exit::Clean)
}
