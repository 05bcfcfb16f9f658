//! Versioned JSON files, the envelope both document kinds share:
//!
//! ```json
//! { "format": "jsp-planner/plan", "version": 4, "plan": { ... } }
//! ```
//!
//! Reading one never trusts it: the size is bounded, the bytes decoded
//! ([`decode`]: UTF-8, UTF-16 or Windows-1252), the text must be an object
//! whose `format` is the kind's and whose `version` is a whole number this
//! build reads ("2.0" is 2), older versions are migrated forward on the raw
//! JSON, and serde_json's errors are located ([`locate`]) and put in plain
//! words ([`words`]). What is wrong comes back as an [`Envelope`] error,
//! worded for the [`Kind`] of file ("plan files can be at most 4 MB"); each
//! kind's own error (`plan::file::ImportError`, `assessment::AssessmentError`)
//! holds it beside what only that kind can get wrong. Nothing here is
//! generic, so it is in the wasm once.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use crate::common::words::{human_bytes, quoted, shorten, thousands};

pub mod decode;
pub mod layout;
pub mod locate;
pub mod words;

/// Turns version `i + 1` of a kind's JSON into version `i + 2`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// One kind of versioned file.
pub struct Kind {
    /// What the file holds, as messages name it: "plan", "assessment".
    pub noun: &'static str,
    /// How messages name its versions: "format version", "assessment format version".
    pub version_word: &'static str,
    /// A shape error as one sentence naming the place as the app shows it:
    /// serde_json's text, the path from the file's top, the file as JSON.
    pub shape: fn(&str, &[String], Option<&Value>) -> String,
    /// The value of its `format` field.
    pub format: &'static str,
    /// The version this build writes; it reads this one and every older one.
    pub version: u64,
    /// From version `i + 1` to `i + 2`, applied in order.
    pub migrations: &'static [Migration],
    /// Files larger than this are refused before parsing.
    pub max_bytes: usize,
}

/// Why a file could not be read as a file of its kind, before its content
/// is checked against the kind's rules.
#[derive(Debug, Clone, PartialEq)]
pub enum Envelope {
    /// Larger than the kind's `max_bytes`; `size` in bytes.
    TooLarge {
        size: usize,
    },
    Empty,
    /// Not text at all (zero bytes outside any known encoding).
    Binary,
    /// Text in an encoding that could not be read; `message` is a sentence without its period.
    Encoding {
        encoding: &'static str,
        message: String,
    },
    /// Not well-formed JSON. `line` and `column` are 1-based, the column in
    /// characters; `serde` is serde_json's text without its position, worded
    /// for people by [`words::syntax`]; `detail` keeps the position.
    NotJson {
        line: usize,
        column: usize,
        serde: String,
        detail: String,
    },
    /// JSON, but not an object with a `format` field; `why` has no period.
    NotAnObject(&'static str),
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
    /// The content does not fit the kind's types: where (field names and
    /// list indices from the file's top), the kind's sentence naming the
    /// place as the app shows it, and serde_json's text. (The sentence is
    /// made when the error is, so the error holds no copy of the file.)
    Shape {
        segments: Vec<String>,
        message: String,
        detail: String,
    },
}

impl Envelope {
    /// One or more whole sentences in plain words for the person opening a
    /// file of `kind`: positions 1-based, places named as the app shows
    /// them, nothing said about what changed (the app adds that).
    pub fn message(&self, kind: &Kind) -> String {
        let (noun, version_word) = (kind.noun, kind.version_word);
        match self {
            Envelope::TooLarge { size } => too_large(*size, kind),
            Envelope::Empty => "The file is empty.".into(),
            Envelope::Binary => "The file is not text: it holds binary data.".into(),
            Envelope::Encoding { message, .. } => format!("{message}."),
            Envelope::NotJson { line, column, serde, .. } => format!("{} (line {line}, column {column}).", words::syntax(serde, noun)),
            Envelope::NotAnObject(why) => format!("The file is JSON but not {} {noun} file: {why}.", article(noun)),
            Envelope::WrongFormat { found } => {
                format!("This is not a JSP Planner {noun} file: its “format” is {found}, not “{}”.", kind.format)
            }
            Envelope::BadVersion { found } => {
                let known = known_versions(kind.version);
                match found {
                    Some(v) => format!("The file’s “version” is {v}; it must be a whole number: {known}."),
                    None => format!("The file has no “version”; it must be a whole number: {known}."),
                }
            }
            Envelope::NewerVersion { found } => format!(
                "The file was saved by a newer JSP Planner ({version_word} {found}); this app reads versions up to {}. \
                 Open it in an up-to-date JSP Planner.",
                kind.version
            ),
            Envelope::Migration { from, message } => format!("The file could not be upgraded from {version_word} {from}: {message}."),
            Envelope::Shape { message, .. } => message.clone(),
        }
    }

    /// The technical detail behind the message, for experts: the path in the
    /// file, serde_json's original text, exact sizes. `None` when the message
    /// says it all.
    pub fn detail(&self, kind: &Kind) -> Option<String> {
        match self {
            Envelope::TooLarge { size } => Some(format!("{size} bytes; the limit is {} bytes", kind.max_bytes)),
            Envelope::Empty | Envelope::Binary | Envelope::NotAnObject(_) | Envelope::Migration { .. } => None,
            Envelope::Encoding { encoding, .. } => Some(format!("encoding: {encoding}")),
            Envelope::NotJson { detail, .. } => Some(detail.clone()),
            Envelope::WrongFormat { found } => Some(format!("format: {found}")),
            Envelope::BadVersion { found } => found.as_ref().map(|v| format!("version: {v}")),
            Envelope::NewerVersion { found } => Some(format!("version: {found}; this app writes {}", kind.version)),
            Envelope::Shape { segments, detail, .. } => Some(format!("at {}: {detail}", path_text(segments))),
        }
    }

    /// The place of a shape error as experts read it (`plan/risks/0/initial`), if it is one.
    pub fn shape_path(&self) -> Option<String> {
        match self {
            Envelope::Shape { segments, .. } => Some(path_text(segments)),
            _ => None,
        }
    }
}

/// "a plan", "an assessment".
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// "The file is 4.3 MB; plan files can be at most 4 MB." When the rounded
/// sizes would read the same, exact byte counts say how they differ.
/// Integer arithmetic only: float formatting would add kilobytes to the wasm.
fn too_large(size: usize, kind: &Kind) -> String {
    let (shown, limit, noun) = (human_bytes(size), human_bytes(kind.max_bytes), kind.noun);
    if shown == limit {
        format!("The file is {} bytes; {noun} files can be at most {} bytes ({limit}).", thousands(size), thousands(kind.max_bytes))
    } else {
        format!("The file is {shown}; {noun} files can be at most {limit}.")
    }
}

/// A file's text and version, before its content is read: the size
/// bounded, the bytes decoded, not blank, the format and version checked.
/// Returns the version and whether it was written as a plain integer.
pub fn open<'a>(bytes: &'a [u8], kind: &Kind) -> Result<(Cow<'a, str>, u64, bool), Envelope> {
    if bytes.len() > kind.max_bytes {
        return Err(Envelope::TooLarge { size: bytes.len() });
    }
    let text = decode::decode(bytes)?;
    if text.trim().is_empty() {
        return Err(Envelope::Empty);
    }
    let (version, written_exactly) = read_header(&text, kind)?;
    Ok((text, version, written_exactly))
}

/// Only the two fields that decide how to read the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// The version, and whether it was written as a plain integer (`2`, not `2.0`).
fn read_header(text: &str, kind: &Kind) -> Result<(u64, bool), Envelope> {
    // serde would read a struct from an array too; a file is an object.
    if !text.trim_start().starts_with('{') {
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text, kind))?;
        return Err(Envelope::NotAnObject(match value {
            Value::Array(_) => "it holds a list, not an object",
            Value::String(_) => "it holds a text, not an object",
            Value::Number(_) => "it holds a number, not an object",
            _ => "it holds a single value, not an object",
        }));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(e, text, kind))?;
    match header.format {
        Some(Value::String(f)) if f == kind.format => {}
        Some(other) => return Err(Envelope::WrongFormat { found: short_json(&other) }),
        None => return Err(Envelope::NotAnObject("it has no “format” field")),
    }
    let bad = |v: &Value| Envelope::BadVersion { found: Some(short_json(v)) };
    let (version, exact) = match &header.version {
        None => return Err(Envelope::BadVersion { found: None }),
        Some(v @ Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(v), _) => (v, true),
            // A whole number written with a fraction (2.0) is that number;
            // JSON Schema's "integer" allows it. 2^53 keeps it exact.
            (None, Some(f)) if f.fract() == 0.0 && (1.0..=9_007_199_254_740_992.0).contains(&f) => (f as u64, false),
            _ => return Err(bad(v)),
        },
        Some(other) => return Err(bad(other)),
    };
    match version {
        0 => Err(Envelope::BadVersion { found: Some("0".into()) }),
        v if v > kind.version => Err(Envelope::NewerVersion { found: v }),
        v => Ok((v, exact)),
    }
}

/// Bring the JSON of version `from` to the kind's version.
pub fn migrate(mut value: Value, from: u64, kind: &Kind) -> Result<Value, Envelope> {
    for step in from..kind.version {
        let migration = kind.migrations[(step - 1) as usize];
        value = migration(value).map_err(|message| Envelope::Migration { from: step, message })?;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), kind.version.into());
    }
    Ok(value)
}

/// Turn serde_json's error into ours. A data error (or an enum given a number,
/// which serde_json reports as a syntax error in valid JSON) is a shape error,
/// located by re-scanning the text; the text is parsed as a `Value` only on
/// this path, to name items by their id or name.
pub fn json_error(e: serde_json::Error, text: &str, kind: &Kind) -> Envelope {
    let original = strip_position(&e.to_string());
    let root = if e.is_data() || e.is_syntax() { serde_json::from_str::<Value>(text).ok() } else { None };
    if e.is_data() || (e.is_syntax() && root.is_some()) {
        let segments = locate::path_at(text, e.line(), e.column());
        let message = (kind.shape)(&original, &segments, root.as_ref());
        return Envelope::Shape { segments, message, detail: original };
    }
    let detail = format!("{original} at line {} column {}", e.line(), e.column());
    Envelope::NotJson { line: e.line().max(1), column: char_column(text, e.line(), e.column()), serde: original, detail }
}

/// A shape error's path as experts read it: `plan/risks/0/initial/severity`,
/// `/` for the top, cut to a readable length.
fn path_text(segments: &[String]) -> String {
    if segments.is_empty() {
        "/".to_string()
    } else {
        shorten(&segments.join("/"), 120)
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

/// A value found in a file, quoted for a message.
pub fn short_json(v: &Value) -> String {
    match v {
        Value::String(s) => quoted(s),
        other => shorten(&other.to_string(), 60),
    }
}

/// "1", "1 or 2", "from 1 to 4": the versions this build reads, in words.
fn known_versions(version: u64) -> String {
    match version {
        1 => "1".into(),
        2 => "1 or 2".into(),
        v => format!("from 1 to {v}"),
    }
}
