//! The public plan file format: what "Export" writes, "Import" reads and
//! local storage keeps.
//!
//! ```json
//! { "format": "jsp-planner/plan", "version": 1, "plan": { ... } }
//! ```
//!
//! The JSON Schema generated from these types is shipped as
//! `public/jsp-plan.schema.json` (see `docs/FILE_FORMAT.md`). Import never
//! trusts a file: it bounds the size, checks format and version, migrates
//! older versions forward, deserializes strictly (unknown and duplicate fields
//! are errors) and then checks every invariant of [`crate::validate`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

mod locate;

use crate::model::Plan;
use crate::validate::{validate, Violation};

/// The value of the `format` field of every plan file.
pub const FORMAT: &str = "jsp-planner/plan";
/// The version this build writes; it reads this one and every older one.
pub const VERSION: u64 = 1;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Migrations from version `i + 1` to `i + 2`, applied in order to the raw
/// JSON. Version 1 is the first published version, so there are none yet;
/// the next format change adds a function here and bumps [`VERSION`].
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[];

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

/// Why a file could not be imported. Every message says what is wrong and
/// that nothing was changed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    #[error("The file is {} and plan files are at most {}.", human_bytes(*.size), human_bytes(MAX_FILE_BYTES))]
    TooLarge { size: usize },
    #[error("The file is empty.")]
    Empty,
    #[error("The file is not text: it is not valid UTF-8.")]
    NotText,
    #[error("The file is not valid JSON: {message} (line {line}, column {column}).")]
    NotJson { line: usize, column: usize, message: String },
    #[error("The file is JSON but not a plan file: {0}.")]
    NotAPlanFile(String),
    #[error("This is not a JSP Planner plan file: its \"format\" is {found}, not \"{FORMAT}\".")]
    WrongFormat { found: String },
    #[error("The file has no usable \"version\": it must be a whole number from 1 to {VERSION}.")]
    BadVersion,
    #[error("The file was saved by a newer JSP Planner (format version {found}); this app reads versions up to {VERSION}. Open it in an up-to-date JSP Planner.")]
    NewerVersion { found: u64 },
    #[error("The file could not be upgraded from version {from}: {message}.")]
    Migration { from: u64, message: String },
    #[error("The plan does not match the file format at \"{path}\": {message}.")]
    Shape { path: String, message: String },
    #[error("The plan breaks {} rule(s): {}.", .0.len(), summarize(.0))]
    Invalid(Vec<Violation>),
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
    serde_json::to_string_pretty(&wrap(plan)).expect("a plan always serializes")
}

/// Write a plan compactly, for local storage.
pub fn export_compact(plan: &Plan) -> String {
    serde_json::to_string(&wrap(plan)).expect("a plan always serializes")
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

/// Only the two fields that decide how to read the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// Read, migrate and validate a plan file. Any error leaves the caller's state untouched.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let version = read_header(text)?;
    let file: PlanFile = if version == VERSION {
        strict_from_str(text)?
    } else {
        // Migrated JSON is written out and read by the same strict reader: one
        // deserializer in the wasm, and shape errors located the same way.
        let value: Value = serde_json::from_str(text).map_err(json_error)?;
        strict_from_str(&migrate(value, version)?.to_string())?
    };
    let violations = validate(&file.plan);
    if !violations.is_empty() {
        return Err(ImportError::Invalid(violations));
    }
    let migrated_from = (version != VERSION).then_some(version);
    Ok(Imported { plan: file.plan, migrated_from })
}

fn read_header(text: &str) -> Result<u64, ImportError> {
    // serde would read a struct from an array too; a plan file is an object.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(json_error)?;
        return Err(ImportError::NotAPlanFile("it is not a JSON object".into()));
    }
    let header: Header = serde_json::from_str(text).map_err(json_error)?;
    match header.format {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => return Err(ImportError::WrongFormat { found: short_json(&other) }),
        None => return Err(ImportError::NotAPlanFile("it has no \"format\" field".into())),
    }
    let version = header.version.as_ref().and_then(Value::as_u64).ok_or(ImportError::BadVersion)?;
    match version {
        0 => Err(ImportError::BadVersion),
        v if v > VERSION => Err(ImportError::NewerVersion { found: v }),
        v => Ok(v),
    }
}

fn migrate(mut value: Value, from: u64) -> Result<Value, ImportError> {
    for step in from..VERSION {
        let migration = MIGRATIONS[(step - 1) as usize];
        value = migration(value).map_err(|message| ImportError::Migration { from: step, message })?;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), VERSION.into());
    }
    Ok(value)
}

fn strict_from_str(text: &str) -> Result<PlanFile, ImportError> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            let path = locate::path_at(text, e.line(), e.column()).join("/");
            let path = if path.is_empty() { "/".to_string() } else { shorten(&path, 120) };
            ImportError::Shape { path, message: strip_position(&e.to_string()) }
        } else {
            json_error(e)
        }
    })
}

fn json_error(e: serde_json::Error) -> ImportError {
    if e.is_data() {
        return ImportError::NotAPlanFile(strip_position(&e.to_string()));
    }
    let message = strip_position(&e.to_string());
    let message = if message.contains("recursion limit") { "it is nested too deeply".to_string() } else { message };
    ImportError::NotJson { line: e.line(), column: e.column(), message }
}

/// serde_json appends " at line X column Y"; we report position separately.
fn strip_position(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    shorten(message, 300)
}

fn short_json(v: &Value) -> String {
    shorten(&v.to_string(), 60)
}

/// Messages quote parts of the file (paths, field names, values); a hostile
/// file must not make them unreadable, so each quote is cut to `max` chars.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s.to_string()
    }
}

fn summarize(violations: &[Violation]) -> String {
    let mut parts: Vec<String> = violations.iter().take(3).map(|v| shorten(&v.to_string(), 200)).collect();
    if violations.len() > 3 {
        parts.push(format!("and {} more", violations.len() - 3));
    }
    parts.join("; ")
}

/// Integer arithmetic only: float formatting would add kilobytes to the wasm.
fn human_bytes(n: usize) -> String {
    const MB: usize = 1024 * 1024;
    if n >= MB {
        let tenths = (n * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} kB", n.div_ceil(1024))
    }
}

/// The JSON Schema of [`PlanFile`], as shipped in `public/jsp-plan.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(PlanFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
