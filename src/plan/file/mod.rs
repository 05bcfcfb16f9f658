//! The public plan file format: what "Export" writes, "Import" reads and
//! local storage keeps.
//!
//! ```json
//! { "format": "jsp-planner/plan", "version": 7, "plan": { ... } }
//! ```
//!
//! The JSON Schema generated from these types is shipped as
//! `public/jsp-plan.schema.json` (see `docs/FILE_FORMAT.md`). Import never
//! trusts a file: it bounds the size, decodes the text, checks
//! format and version, migrates older versions forward, deserializes strictly
//! (unknown and duplicate fields are errors) and then checks every invariant
//! of [`crate::plan::rules`]. The envelope (size, text, format, version,
//! migration, located errors) is [`crate::common::json`]'s, shared with the
//! assessment file; here are the plan's own parts: its [`migrations`], its
//! [`error`]s in plain words naming places as the app does ([`place`],
//! [`shape`]) and its [`revisions`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod error;
mod migrations;
pub(crate) mod place;
mod revisions;
mod shape;

pub use error::ImportError;
pub use revisions::{check_revisions, revision_plan, RevisionCheck};

use crate::common::json::{self, layout, Envelope, Kind};
use crate::common::rules::{Problem, Violation};
use crate::plan::model::Plan;
use crate::plan::rules::{describe, validate};

/// The value of the `format` field of every plan file.
pub const FORMAT: &str = "jsp-planner/plan";
/// The version this build writes; it reads this one and every older one.
pub const VERSION: u64 = 7;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The plan file as [`json`] reads it.
const KIND: Kind = Kind {
    format: FORMAT,
    version: VERSION,
    migrations: migrations::MIGRATIONS,
    max_bytes: MAX_FILE_BYTES,
    noun: "plan",
    version_word: "format version",
    shape: shape::shape,
};

/// A JSP Planner plan file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "JSP Planner plan file",
    description = "One Concept Phase plan for the HSCC Joint Security Plan 2.0, exported by JSP Planner."
)]
pub struct PlanFile {
    /// Always "jsp-planner/plan".
    #[schemars(extend("const" = FORMAT))]
    pub format: String,
    /// File format version; readers refuse versions newer than they know.
    #[schemars(extend("const" = VERSION))]
    pub version: u64,
    pub plan: Plan,
}

/// A successfully imported plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    /// The version the file was written in, when it had to be migrated.
    pub migrated_from: Option<u64>,
}

/// Write a plan as a pretty-printed file, for export.
pub fn export_pretty(plan: &Plan) -> String {
    write_json(plan, true)
}

/// Write a plan compactly, for local storage.
pub fn export_compact(plan: &Plan) -> String {
    write_json(plan, false)
}

/// The plan object alone, compact (a revision's snapshot).
pub fn plan_text(plan: &Plan) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, layout::Layout::new(false));
    plan.serialize(&mut serializer).expect("a plan always serializes");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Both layouts through one serializer: serde instantiates a plan's whole
/// `Serialize` tree per formatter type, and a second copy cost the wasm
/// about 5 kB gzip.
fn write_json(plan: &Plan, pretty: bool) -> String {
    let mut out = Vec::with_capacity(4096);
    let layout = layout::Layout::new(pretty);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, layout);
    wrap(plan).serialize(&mut serializer).expect("a plan always serializes");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Write a plan for an exported file: pretty-printed, unless that would be
/// larger than [`MAX_FILE_BYTES`] (import would refuse it); then compact, so
/// every plan storage keeps (compact form at most [`MAX_FILE_BYTES`]) exports
/// to a file that imports.
pub fn export_for_file(plan: &Plan) -> String {
    let pretty = export_pretty(plan);
    if pretty.len() <= MAX_FILE_BYTES {
        pretty
    } else {
        export_compact(plan)
    }
}

fn wrap(plan: &Plan) -> PlanFileRef<'_> {
    PlanFileRef { format: FORMAT, version: VERSION, plan }
}

#[derive(Serialize)]
struct PlanFileRef<'a> {
    format: &'a str,
    version: u64,
    plan: &'a Plan,
}

/// A place in `plan` in words ("Risk R-001, owner"), from its JSON path
/// (field names and list indices).
pub fn place_phrase(plan: &Plan, segments: &[String]) -> String {
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    place::place(&segments, plan).phrase()
}

/// The text of a file's bytes (UTF-8, UTF-16 or Windows-1252), or why it is not text.
pub fn decode_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    Ok(json::decode::decode(bytes)?)
}

/// Read, migrate and validate a plan file, its revisions included. Any
/// error leaves the caller's state untouched.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let imported = import_plan(bytes)?;
    check_revisions(&imported.plan)?;
    Ok(imported)
}

/// [`import`] but for the revision history, which the plan keeps as text.
/// The app's first part imports with this and has the editor's part (which
/// holds the revision code) run [`check_revisions`]: `web/state/files.rs`.
pub fn import_plan(bytes: &[u8]) -> Result<Imported, ImportError> {
    let imported = parse(bytes)?;
    let violations = validate(&imported.plan);
    if !violations.is_empty() {
        return Err(invalid(violations, &imported.plan));
    }
    Ok(imported)
}

pub(crate) fn invalid(violations: Vec<Violation>, plan: &Plan) -> ImportError {
    ImportError::Invalid(violations.into_iter().map(|violation| Problem { description: describe(&violation, plan), violation }).collect())
}

/// Everything [`import`] does except checking the invariants: decode, check
/// format and version, migrate, read strictly. For callers that repair a
/// plan's broken rules themselves; they must validate before using it.
pub fn parse(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (text, version, written_exactly) = json::open(bytes, &KIND)?;
    let text: &str = &text;
    let file: PlanFile = if version == VERSION && written_exactly {
        strict_from_str(text)?
    } else {
        // Migrated JSON (or a version written as 2.0) is written out and read
        // by the same strict reader: one deserializer in the wasm, and shape
        // errors located the same way.
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
        strict_from_str(&json::migrate(value, version, &KIND)?.to_string())?
    };
    let migrated_from = (version != VERSION).then_some(version);
    Ok(Imported { plan: file.plan, migrated_from })
}

/// The plan's JSON from a plan file, migrated to this version but not read
/// into a [`Plan`] nor checked against its rules: for the ancestor of a
/// merge, which is only compared with.
pub fn plan_json(bytes: &[u8]) -> Result<Value, ImportError> {
    let (text, version, _) = json::open(bytes, &KIND)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| json_error(e, &text))?;
    let mut file = json::migrate(value, version, &KIND)?;
    match file.get_mut("plan").map(Value::take) {
        Some(plan @ Value::Object(_)) => Ok(plan),
        _ => Err(ImportError::File(Envelope::NotAnObject("it has no plan"))),
    }
}

pub(crate) fn strict_from_str(text: &str) -> Result<PlanFile, ImportError> {
    serde_json::from_str(text).map_err(|e| json_error(e, text))
}

/// serde_json's error in a plan's words.
pub(crate) fn json_error(e: serde_json::Error, text: &str) -> ImportError {
    ImportError::from(json::json_error(e, text, &KIND))
}

/// The JSON Schema of [`PlanFile`], as shipped in `public/jsp-plan.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(PlanFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
