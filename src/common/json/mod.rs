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
//! words ([`words`]). What is wrong comes back as an [`Envelope`] error that
//! names no kind: each kind (`plan::file`, `assessment::file`) words it as
//! its own error, so this code is not generic and is in the wasm once.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use crate::common::words::{quoted, shorten};

pub mod decode;
pub mod layout;
pub mod locate;
pub mod words;

/// Turns version `i + 1` of a kind's JSON into version `i + 2`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// One kind of versioned file.
pub struct Kind {
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
    /// characters; `message` is a sentence without its period.
    NotJson {
        line: usize,
        column: usize,
        message: String,
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
    /// list indices from the file's top), serde_json's text, and the file as
    /// JSON when it parses (to name items by their id or name).
    Shape {
        segments: Vec<String>,
        detail: String,
        root: Option<Value>,
    },
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
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
        return Err(Envelope::NotAnObject(match value {
            Value::Array(_) => "it holds a list, not an object",
            Value::String(_) => "it holds a text, not an object",
            Value::Number(_) => "it holds a number, not an object",
            _ => "it holds a single value, not an object",
        }));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(e, text))?;
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
pub fn json_error(e: serde_json::Error, text: &str) -> Envelope {
    let original = strip_position(&e.to_string());
    let root = if e.is_data() || e.is_syntax() { serde_json::from_str::<Value>(text).ok() } else { None };
    if e.is_data() || (e.is_syntax() && root.is_some()) {
        let segments = locate::path_at(text, e.line(), e.column());
        return Envelope::Shape { segments, detail: original, root };
    }
    let detail = format!("{original} at line {} column {}", e.line(), e.column());
    Envelope::NotJson { line: e.line().max(1), column: char_column(text, e.line(), e.column()), message: words::syntax(&original), detail }
}

/// A shape error's path as experts read it: `plan/risks/0/initial/severity`,
/// `/` for the top, cut to a readable length.
pub fn path_text(segments: &[String]) -> String {
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
pub fn known_versions(version: u64) -> String {
    match version {
        1 => "1".into(),
        2 => "1 or 2".into(),
        v => format!("from 1 to {v}"),
    }
}
