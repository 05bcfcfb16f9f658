//! The assessment file format: what "Export assessment" writes and "Import
//! assessment" reads.
//!
//! ```json
//! { "format": "jsp-planner/assessment", "version": 1, "assessment": { ... } }
//! ```
//!
//! The same guarantees as a plan file (`crate::plan::file`), through the
//! same envelope reader (`crate::common::json`): the size is bounded, the
//! bytes decoded, the format and version checked, older versions migrated
//! (none yet), the content read strictly (unknown and duplicate fields are errors), then
//! every rule of [`super::rules`] checked. Errors are whole sentences
//! naming the place as the app shows it. The JSON Schema is shipped as
//! `public/jsp-assessment.schema.json` (docs/ASSESSMENT_FORMAT.md).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::rules::{describe, validate};
use super::words;
use super::Assessment;
use crate::common::json::{self, Envelope, Kind};
use crate::common::rules::{problem_detail, summarize, Problem};
use crate::common::words::quoted;

/// The value of the `format` field of every assessment file.
pub const FORMAT: &str = "jsp-planner/assessment";
/// The version this build writes; it reads this one and every older one.
pub const VERSION: u64 = 1;
/// Files larger than this are refused before parsing: the plan's limit, far
/// above any assessment the rules allow to be typed in.
pub const MAX_FILE_BYTES: usize = crate::plan::file::MAX_FILE_BYTES;

/// Migrations from version `i + 1` to `i + 2`, applied in order to the raw
/// JSON, as for plans. A format change adds one here and bumps [`VERSION`].
const MIGRATIONS: &[json::Migration] = &[];

/// The assessment file as [`json`] reads it.
const KIND: Kind = Kind {
    format: FORMAT,
    version: VERSION,
    migrations: MIGRATIONS,
    max_bytes: MAX_FILE_BYTES,
    noun: "assessment",
    version_word: "assessment format version",
    shape: words::shape,
};

/// A JSP Planner maturity assessment file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "JSP Planner maturity assessment file",
    description = "An organisation's maturity self-assessment against the HSCC Joint Security Plan 2.0, exported by JSP Planner."
)]
pub struct AssessmentFile {
    /// Always "jsp-planner/assessment".
    #[schemars(extend("const" = FORMAT))]
    pub format: String,
    /// File format version; readers refuse versions newer than they know.
    #[schemars(extend("const" = VERSION))]
    pub version: u64,
    pub assessment: Assessment,
}

/// Why an assessment file could not be imported.
///
/// `Display` gives whole sentences for the person importing; [`Self::detail`]
/// keeps the technical path and serde_json's text for experts.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AssessmentError {
    /// The file could not be read as an assessment file: its size, text,
    /// JSON, format, version or shape ([`crate::common::json`]).
    File(Envelope),
    /// Broken rules, each with its sentence.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for AssessmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssessmentError::File(Envelope::WrongFormat { found }) if found == &quoted(crate::plan::file::FORMAT) => {
                f.write_str("This is a JSP Planner plan file, not a maturity assessment: import it from the list of plans.")
            }
            AssessmentError::File(e) => f.write_str(&e.message(&KIND)),
            AssessmentError::Invalid(problems) => f.write_str(&summarize(problems, "assessment")),
        }
    }
}

impl AssessmentError {
    /// The technical detail behind the message, for experts; `None` when the message says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            AssessmentError::File(e) => e.detail(&KIND),
            AssessmentError::Invalid(problems) => Some(problem_detail(problems)),
        }
    }
}

impl From<Envelope> for AssessmentError {
    fn from(e: Envelope) -> AssessmentError {
        AssessmentError::File(e)
    }
}

#[derive(Serialize)]
struct FileRef<'a> {
    format: &'a str,
    version: u64,
    assessment: &'a Assessment,
}

/// Write an assessment as a pretty-printed file, for export.
pub fn export_pretty(a: &Assessment) -> String {
    let file = FileRef { format: FORMAT, version: VERSION, assessment: a };
    serde_json::to_string_pretty(&file).expect("an assessment always serializes")
}

/// Write an assessment compactly, for local storage.
pub fn export_compact(a: &Assessment) -> String {
    let file = FileRef { format: FORMAT, version: VERSION, assessment: a };
    serde_json::to_string(&file).expect("an assessment always serializes")
}

/// Read and check an assessment file. Nothing is changed on failure: the
/// caller gets the assessment or the reason, never half of one.
pub fn import(bytes: &[u8]) -> Result<Assessment, AssessmentError> {
    let assessment = parse(bytes)?;
    let violations = validate(&assessment);
    if violations.is_empty() {
        return Ok(assessment);
    }
    let problems = violations.into_iter().map(|v| Problem { description: describe(&v, &assessment), violation: v }).collect();
    Err(AssessmentError::Invalid(problems))
}

/// Everything [`import`] does but the rules: decode, check format and
/// version, migrate, read strictly.
pub fn parse(bytes: &[u8]) -> Result<Assessment, AssessmentError> {
    let (text, version, exact) = json::open(bytes, &KIND)?;
    let text: &str = &text;
    let file: AssessmentFile = if version == VERSION && exact {
        strict(text)?
    } else {
        // Migrated (or a version written as 1.0): written out and read by
        // the same strict reader, so shape errors are placed the same way.
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
        strict(&json::migrate(value, version, &KIND)?.to_string())?
    };
    Ok(file.assessment)
}

fn strict(text: &str) -> Result<AssessmentFile, AssessmentError> {
    serde_json::from_str(text).map_err(|e| json_error(e, text))
}

fn json_error(e: serde_json::Error, text: &str) -> AssessmentError {
    AssessmentError::from(json::json_error(e, text, &KIND))
}

/// The JSON Schema of [`AssessmentFile`], as shipped in `public/jsp-assessment.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(AssessmentFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
