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
use crate::common::json::{self, known_versions, path_text, Envelope, Kind};
use crate::common::rules::Violation;
use crate::common::words::{human_bytes, quoted, shorten, thousands};

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
const KIND: Kind = Kind { format: FORMAT, version: VERSION, migrations: MIGRATIONS, max_bytes: MAX_FILE_BYTES };

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
    /// Larger than [`MAX_FILE_BYTES`]; `size` in bytes.
    TooLarge {
        size: usize,
    },
    Empty,
    /// Not text at all.
    Binary,
    /// Text in an encoding that could not be read; `message` is a sentence without its period.
    Encoding {
        message: String,
    },
    /// Not well-formed JSON; `line` and `column` 1-based, the column in characters.
    NotJson {
        line: usize,
        column: usize,
        message: String,
        detail: String,
    },
    /// JSON, but not an object with a `format` field; `why` has no period.
    NotAnAssessment(String),
    WrongFormat {
        found: String,
    },
    /// `version` missing or not a whole number from 1 up.
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
    /// The content does not fit the format: `message` is a sentence naming
    /// the place, `path` technical (`assessment/activities/0/current`).
    Shape {
        path: String,
        message: String,
        detail: String,
    },
    /// Broken rules, each with its sentence.
    Invalid(Vec<Problem>),
}

/// One broken rule of an imported assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub violation: Violation,
    /// [`describe`]: one sentence naming the place.
    pub description: String,
}

impl std::fmt::Display for AssessmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssessmentError::TooLarge { size } => write!(
                f,
                "The file is {}; assessment files can be at most {}.",
                if human_bytes(*size) == human_bytes(MAX_FILE_BYTES) { format!("{} bytes", thousands(*size)) } else { human_bytes(*size) },
                human_bytes(MAX_FILE_BYTES)
            ),
            AssessmentError::Empty => f.write_str("The file is empty."),
            AssessmentError::Binary => f.write_str("The file is not text: it holds binary data."),
            AssessmentError::Encoding { message } => write!(f, "{message}."),
            AssessmentError::NotJson { line, column, message, .. } => write!(f, "{message} (line {line}, column {column})."),
            AssessmentError::NotAnAssessment(why) => write!(f, "The file is JSON but not an assessment file: {why}."),
            AssessmentError::WrongFormat { found } if found == &quoted(crate::plan::file::FORMAT) => {
                f.write_str("This is a JSP Planner plan file, not a maturity assessment: import it from the list of plans.")
            }
            AssessmentError::WrongFormat { found } => {
                write!(f, "This is not a JSP Planner assessment file: its “format” is {found}, not “{FORMAT}”.")
            }
            AssessmentError::BadVersion { found: Some(v) } => {
                write!(f, "The file’s “version” is {v}; it must be a whole number: {}.", known_versions(VERSION))
            }
            AssessmentError::BadVersion { found: None } => {
                write!(f, "The file has no “version”; it must be a whole number: {}.", known_versions(VERSION))
            }
            AssessmentError::NewerVersion { found } => write!(
                f,
                "The file was saved by a newer JSP Planner (assessment format version {found}); this app reads versions up to \
                 {VERSION}. Open it in an up-to-date JSP Planner."
            ),
            AssessmentError::Migration { from, message } => {
                write!(f, "The file could not be upgraded from assessment format version {from}: {message}.")
            }
            AssessmentError::Shape { message, .. } => f.write_str(message),
            AssessmentError::Invalid(problems) => f.write_str(&summarize(problems)),
        }
    }
}

impl AssessmentError {
    /// The technical detail behind the message, for experts; `None` when the message says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            AssessmentError::TooLarge { size } => Some(format!("{size} bytes; the limit is {MAX_FILE_BYTES} bytes")),
            AssessmentError::NotJson { detail, .. } => Some(detail.clone()),
            AssessmentError::WrongFormat { found } => Some(format!("format: {found}")),
            AssessmentError::BadVersion { found } => found.as_ref().map(|v| format!("version: {v}")),
            AssessmentError::NewerVersion { found } => Some(format!("version: {found}; this app writes {VERSION}")),
            AssessmentError::Shape { path, detail, .. } => Some(format!("at {path}: {detail}")),
            AssessmentError::Invalid(problems) => {
                Some(problems.iter().take(100).map(|p| shorten(&p.violation.to_string(), 300)).collect::<Vec<_>>().join("\n"))
            }
            _ => None,
        }
    }
}

/// Up to three problems, then how many more.
fn summarize(problems: &[Problem]) -> String {
    let shown: Vec<String> = problems.iter().take(3).map(|p| shorten(p.description.trim_end_matches('.'), 200)).collect();
    let head = match problems.len() {
        1 => "The assessment has a problem".to_string(),
        n => format!("The assessment has {} problems", thousands(n)),
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
    AssessmentError::from(json::json_error(e, text))
}

/// The envelope's errors in an assessment's words: shape errors name an
/// assessment's places, and its end is not a plan's.
impl From<Envelope> for AssessmentError {
    fn from(e: Envelope) -> AssessmentError {
        match e {
            Envelope::TooLarge { size } => AssessmentError::TooLarge { size },
            Envelope::Empty => AssessmentError::Empty,
            Envelope::Binary => AssessmentError::Binary,
            Envelope::Encoding { message, .. } => AssessmentError::Encoding { message },
            Envelope::NotJson { line, column, message, detail } => AssessmentError::NotJson {
                line,
                column,
                message: message.replace("the end of the plan", "the end of the assessment"),
                detail,
            },
            Envelope::NotAnObject(why) => AssessmentError::NotAnAssessment(why.into()),
            Envelope::WrongFormat { found } => AssessmentError::WrongFormat { found },
            Envelope::BadVersion { found } => AssessmentError::BadVersion { found },
            Envelope::NewerVersion { found } => AssessmentError::NewerVersion { found },
            Envelope::Migration { from, message } => AssessmentError::Migration { from, message },
            Envelope::Shape { segments, detail, root } => {
                AssessmentError::Shape { path: path_text(&segments), message: words::shape(&detail, &segments, root.as_ref()), detail }
            }
        }
    }
}

/// The JSON Schema of [`AssessmentFile`], as shipped in `public/jsp-assessment.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(AssessmentFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
