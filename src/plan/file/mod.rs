//! The public plan file format: what "Export" writes, "Import" reads and
//! local storage keeps.
//!
//! ```json
//! { "format": "jsp-planner/plan", "version": 4, "plan": { ... } }
//! ```
//!
//! The JSON Schema generated from these types is shipped as
//! `public/jsp-plan.schema.json` (see `docs/FILE_FORMAT.md`). Import never
//! trusts a file: it bounds the size, decodes the text ([`decode`]), checks
//! format and version, migrates older versions forward, deserializes strictly
//! (unknown and duplicate fields are errors) and then checks every invariant
//! of [`crate::plan::rules`]. Errors are told in plain words ([`words`], [`place`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

mod decode;
mod layout;
mod locate;
pub(crate) mod place;
pub(crate) mod words;

use crate::common::rules::Violation;
use crate::common::words::{capitalize, human_bytes, quoted, shorten, thousands};
use crate::plan::model::Plan;
use crate::plan::rules::{describe, validate};

/// The value of the `format` field of every plan file.
pub const FORMAT: &str = "jsp-planner/plan";
/// The version this build writes; it reads this one and every older one.
pub const VERSION: u64 = 4;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Migrations from version `i + 1` to `i + 2`, applied in order to the raw
/// JSON. A format change adds a function here and bumps [`VERSION`].
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 2 keeps the names of grid levels removed by shrinking the grid
/// (`criteria.removed_likelihood_levels` / `removed_severity_levels`) and
/// allows a risk's `initial` rating to be `null` (not rated yet). A version 1
/// file had neither: its grid kept no removed names, and every entry was rated,
/// so its ratings are kept as they are. Anything that is not a plan with
/// criteria is left for the strict reader to report.
fn v1_to_v2(mut file: Value) -> Result<Value, String> {
    if let Some(criteria) = file.pointer_mut("/plan/criteria").and_then(Value::as_object_mut) {
        for key in ["removed_likelihood_levels", "removed_severity_levels"] {
            criteria.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(file)
}

/// Version 3 adds document control, traceability and risk acceptance.
///
/// - `plan.document`: document id, revision, author, workshop dates and
///   attendees, all empty.
/// - User needs become items (`plan.user_needs`: id and text), and a
///   security need folds into any number of them (`user_need_ids`). A
///   version 2 need had one free-text `user_need_ref`: each distinct one
///   becomes a user need, with the reference as its id when it is a valid id
///   ("UN-12"), otherwise with the next free "UN-n" id and the reference
///   kept as its text, so nothing typed is lost.
/// - The plan's shared risk `controls`, and on each entry its `treatment`,
///   `control_ids` and `acceptance`: no controls are linked (the free-text
///   `controls` notes are kept), no treatment is chosen, nothing is accepted.
fn v2_to_v3(mut file: Value) -> Result<Value, String> {
    let Some(plan) = file.get_mut("plan").and_then(Value::as_object_mut) else { return Ok(file) };
    plan.entry("document")
        .or_insert_with(|| serde_json::json!({ "document_id": "", "revision": "", "author": "", "workshop_dates": "", "attendees": [] }));
    let user_needs = fold_user_need_refs(plan);
    plan.entry("user_needs").or_insert(user_needs);
    plan.entry("controls").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(risks) = plan.get_mut("risks").and_then(Value::as_array_mut) {
        for risk in risks.iter_mut().filter_map(Value::as_object_mut) {
            risk.entry("treatment").or_insert(Value::Null);
            risk.entry("control_ids").or_insert_with(|| Value::Array(Vec::new()));
            risk.entry("acceptance").or_insert_with(|| serde_json::json!({ "rationale": "", "approver": "", "date": "" }));
        }
    }
    Ok(file)
}

/// Version 4 adds issued revisions with their approvals (`plan.revisions`);
/// an older plan has issued none.
///
/// A later format change must also carry each revision forward: rebuild
/// each one's plan (`Plan::revision_json`), migrate it like the plan, and
/// store the revisions again.
fn v3_to_v4(mut file: Value) -> Result<Value, String> {
    if let Some(plan) = file.get_mut("plan").and_then(Value::as_object_mut) {
        plan.entry("revisions").or_insert_with(|| Value::Array(Vec::new()));
    }
    Ok(file)
}

/// Turn each version 2 need's `user_need_ref` into `user_need_ids`, and
/// return the user needs they name (see [`v2_to_v3`]).
fn fold_user_need_refs(plan: &mut serde_json::Map<String, Value>) -> Value {
    let valid = crate::common::ids::is_id;
    // (reference as typed, id given), in the order first met.
    let mut made: Vec<(String, String)> = Vec::new();
    let mut next = 0u32;
    let needs = plan.get_mut("needs").and_then(Value::as_array_mut).map(std::mem::take).unwrap_or_default();
    // References that are ids keep them, wherever they come: numbers given
    // to the others avoid them.
    let reserved: Vec<String> =
        needs.iter().filter_map(|n| n.get("user_need_ref")?.as_str().map(str::trim)).filter(|r| valid(r)).map(str::to_string).collect();
    let mut out = Vec::with_capacity(needs.len());
    for mut need in needs {
        if let Some(n) = need.as_object_mut() {
            // Text or null as version 2 wrote it; anything else stays for the strict reader to report.
            if !matches!(n.get("user_need_ref"), Some(Value::String(_) | Value::Null)) {
                out.push(need);
                continue;
            }
            let reference = n.remove("user_need_ref").and_then(|r| r.as_str().map(|r| r.trim().to_string())).filter(|r| !r.is_empty());
            let ids = match reference {
                Some(r) => {
                    let id = match made.iter().find(|(typed, _)| *typed == r) {
                        Some((_, id)) => id.clone(),
                        None => {
                            let id = if valid(&r) {
                                r.clone()
                            } else {
                                loop {
                                    next += 1;
                                    let candidate = format!("UN-{next}");
                                    if !reserved.contains(&candidate) && !made.iter().any(|(_, id)| *id == candidate) {
                                        break candidate;
                                    }
                                }
                            };
                            made.push((r, id.clone()));
                            id
                        }
                    };
                    vec![Value::String(id)]
                }
                None => Vec::new(),
            };
            n.entry("user_need_ids").or_insert(Value::Array(ids));
        }
        out.push(need);
    }
    if plan.contains_key("needs") {
        plan.insert("needs".into(), Value::Array(out));
    }
    let items = made.into_iter().map(|(typed, id)| {
        let text = if typed == id { String::new() } else { typed };
        serde_json::json!({ "id": id, "text": text })
    });
    Value::Array(items.collect())
}

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
                let known = known_versions();
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

/// Only the two fields that decide how to read the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// A place in `plan` in words ("Risk R-001, owner"), from its JSON path
/// (field names and list indices).
pub fn place_phrase(plan: &Plan, segments: &[String]) -> String {
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    place::place(&segments, plan).phrase()
}

/// The text of a file's bytes (UTF-8, UTF-16 or Windows-1252), or why it is not text.
pub fn decode_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    decode::decode(bytes)
}

/// How the revisions of an imported plan are checked: [`check_revisions`],
/// passed in where the code holding it is loaded on demand.
pub type RevisionCheck = fn(&Plan) -> Result<(), ImportError>;

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

fn invalid(violations: Vec<crate::common::rules::Violation>, plan: &Plan) -> ImportError {
    ImportError::Invalid(violations.into_iter().map(|violation| Problem { description: describe(&violation, plan), violation }).collect())
}

/// The revision history reads, keeps its rules, and every issued revision
/// rebuilds into a plan that keeps every rule: a file whose stored changes
/// were edited by hand or cut short is refused rather than showing a
/// revision that was never issued.
pub fn check_revisions(plan: &Plan) -> Result<(), ImportError> {
    if plan.revisions.is_empty() {
        return Ok(());
    }
    let list = read_revisions(plan)?;
    let violations = crate::plan::rules::revision_rules(&list);
    if !violations.is_empty() {
        return Err(invalid(violations, plan));
    }
    // Newest first: the older ones are rebuilt from it.
    for r in list.iter().rev() {
        frozen_plan(&list, r.number)
            .map_err(|why| ImportError::Revision { number: r.number, why: why.trim_end_matches('.').to_string() })?;
    }
    Ok(())
}

/// The plan's revisions read from its text, or what in them does not fit the
/// format, placed and worded as for the rest of a file.
fn read_revisions(plan: &Plan) -> Result<Vec<crate::plan::model::Revision>, ImportError> {
    #[derive(serde::Deserialize)]
    struct File {
        plan: History,
    }
    #[derive(serde::Deserialize)]
    struct History {
        revisions: Vec<crate::plan::model::Revision>,
    }
    // Where the history sits in a plan file, so an error is placed as in one.
    let text = format!("{{\"plan\":{{\"revisions\":{}}}}}", plan.revisions.text());
    serde_json::from_str::<File>(&text).map(|f| f.plan.revisions).map_err(|e| json_error(e, &text))
}

/// The plan as revision `number` froze it, read and checked like a file.
pub fn revision_plan(plan: &Plan, number: u32) -> Result<Plan, String> {
    frozen_plan(&plan.revisions.read().map_err(|e| format!("The revision history cannot be read ({e}).",))?, number)
}

fn frozen_plan(list: &[crate::plan::model::Revision], number: u32) -> Result<Plan, String> {
    let json = crate::plan::model::frozen_json(list, number)?;
    let file = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"plan\":{json}}}");
    let frozen = strict_from_str(&file).map_err(|e| e.to_string())?.plan;
    if !frozen.revisions.is_empty() {
        return Err("its copy of the plan holds revisions of its own".into());
    }
    if let Some(problem) = validate(&frozen).first() {
        return Err(describe(problem, &frozen));
    }
    Ok(frozen)
}

/// Everything [`import`] does except checking the invariants: decode, check
/// format and version, migrate, read strictly. For callers that repair a
/// plan's broken rules themselves; they must validate before using it.
pub fn parse(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (text, version, written_exactly) = open(bytes)?;
    let text: &str = &text;
    let file: PlanFile = if version == VERSION && written_exactly {
        strict_from_str(text)?
    } else {
        // Migrated JSON (or a version written as 2.0) is written out and read
        // by the same strict reader: one deserializer in the wasm, and shape
        // errors located the same way.
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
        strict_from_str(&migrate(value, version)?.to_string())?
    };
    let migrated_from = (version != VERSION).then_some(version);
    Ok(Imported { plan: file.plan, migrated_from })
}

/// The plan's JSON from a plan file, migrated to this version but not read
/// into a [`Plan`] nor checked against its rules: for the ancestor of a
/// merge, which is only compared with.
pub fn plan_json(bytes: &[u8]) -> Result<Value, ImportError> {
    let (text, version, _) = open(bytes)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| json_error(e, &text))?;
    let mut file = migrate(value, version)?;
    match file.get_mut("plan").map(Value::take) {
        Some(plan @ Value::Object(_)) => Ok(plan),
        _ => Err(ImportError::NotAPlanFile("it has no plan".into())),
    }
}

/// A plan file's text and version, before its content is read: the size
/// bounded, the bytes decoded, not blank, the format and version checked.
/// Returns the version and whether it was written as a plain integer.
fn open(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, u64, bool), ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let text = decode::decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (version, written_exactly) = read_header(&text)?;
    Ok((text, version, written_exactly))
}

/// The version, and whether it was written as a plain integer (`2`, not `2.0`).
fn read_header(text: &str) -> Result<(u64, bool), ImportError> {
    // serde would read a struct from an array too; a plan file is an object.
    let first = text.trim_start().chars().next();
    if first != Some('{') {
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
        let what = match value {
            Value::Array(_) => "it holds a list, not an object",
            Value::String(_) => "it holds a text, not an object",
            Value::Number(_) => "it holds a number, not an object",
            _ => "it holds a single value, not an object",
        };
        return Err(ImportError::NotAPlanFile(what.into()));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
    match header.format {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => return Err(ImportError::WrongFormat { found: short_json(&other) }),
        None => return Err(ImportError::NotAPlanFile("it has no “format” field".into())),
    }
    let bad = |v: &Value| ImportError::BadVersion { found: Some(short_json(v)) };
    let (version, exact) = match &header.version {
        None => return Err(ImportError::BadVersion { found: None }),
        Some(Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(v), _) => (v, true),
            // A whole number written with a fraction (2.0) is that number;
            // JSON Schema's "integer" allows it. 2^53 keeps it exact.
            (None, Some(f)) if f.fract() == 0.0 && (1.0..=9_007_199_254_740_992.0).contains(&f) => (f as u64, false),
            _ => return Err(bad(header.version.as_ref().unwrap_or(&Value::Null))),
        },
        Some(other) => return Err(bad(other)),
    };
    match version {
        0 => Err(ImportError::BadVersion { found: Some("0".into()) }),
        v if v > VERSION => Err(ImportError::NewerVersion { found: v }),
        v => Ok((v, exact)),
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
    serde_json::from_str(text).map_err(|e| json_error(e, text))
}

/// Turn serde_json's error into ours. A data error (or an enum given a number,
/// which serde_json reports as a syntax error in valid JSON) is a shape error,
/// located by re-scanning the text; the text is parsed as a `Value` only on
/// this path, to name items by their id or name.
pub(crate) fn json_error(e: serde_json::Error, text: &str) -> ImportError {
    let original = strip_position(&e.to_string());
    let root = if e.is_data() || e.is_syntax() { serde_json::from_str::<Value>(text).ok() } else { None };
    if e.is_data() || (e.is_syntax() && root.is_some()) {
        let segments = locate::path_at(text, e.line(), e.column());
        let path = if segments.is_empty() { "/".to_string() } else { shorten(&segments.join("/"), 120) };
        let message = words::shape(&original, &segments, root.as_ref());
        return ImportError::Shape { path, message, detail: original };
    }
    let detail = format!("{original} at line {} column {}", e.line(), e.column());
    ImportError::NotJson {
        line: e.line().max(1),
        column: char_column(text, e.line(), e.column()),
        message: words::syntax(&original),
        detail,
    }
}

/// serde_json counts columns in bytes; people count characters.
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
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
    match v {
        Value::String(s) => quoted(s),
        other => shorten(&other.to_string(), 60),
    }
}

/// "1 or 2": the versions this app reads, in words.
fn known_versions() -> String {
    match VERSION {
        1 => "1".into(),
        2 => "1 or 2".into(),
        v => format!("from 1 to {v}"),
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

/// The JSON Schema of [`PlanFile`], as shipped in `public/jsp-plan.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(PlanFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
