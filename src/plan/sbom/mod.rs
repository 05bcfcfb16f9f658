//! SBOMs in and out of the component register: reading a CycloneDX or SPDX
//! JSON SBOM, comparing it with the register before a re-import, and
//! writing the register as a CycloneDX 1.6 SBOM with FDA's fields.
//!
//! The whole API, for the view that imports and exports (it lives in a
//! part of the app loaded on demand, never on the first screen):
//!
//! - [`read`]`(bytes) -> Result<`[`Sbom`]`, `[`SbomError`]`>`: the kind is
//!   told from the content, whatever the file is called. CycloneDX JSON 1.4,
//!   1.5 and 1.6 (`bomFormat` + `specVersion`), SPDX 2.3 and 2.2 JSON
//!   (`spdxVersion`). Anything else (SPDX 3 JSON-LD, XML, SPDX tag-value, a
//!   plan file, another version, broken JSON, a file over
//!   [`MAX_SBOM_BYTES`], more than 5,000 components) is an [`SbomError`]
//!   whose `Display` is one plain sentence. Reading changes nothing.
//! - [`compare`]`(&plan.components, &sbom) -> `[`Changes`]: what a re-import
//!   adds, removes, keeps and changes (field by field), each in words.
//!   An empty register simply gets every component added.
//! - [`Changes::apply`]`(&self, &mut Plan)`: the change, to run through the
//!   plan's edit path (`plan::edit::apply`), so it is one undo step and is
//!   saved like any edit.
//! - [`cyclonedx::write`]`(&Plan) -> String`: the register as a CycloneDX 1.6
//!   JSON SBOM.
//!
//! A component read from an SBOM has no id yet (the plan gives it one when
//! it is added); its `sbom_ref` is its `bom-ref` or `SPDXID`.

pub mod cyclonedx;
mod diff;
mod loose;
pub mod spdx;

use std::fmt;

use serde::Deserialize;

pub use diff::{compare, Changed, Changes, FieldChange, Removed};

use crate::common::json::decode::decode;
use crate::common::json::words::syntax;
use crate::common::json::Envelope;
use crate::common::rules::{MAX_ITEMS, MAX_NAME_LEN};
use crate::common::words::{human_bytes, quoted, shorten, thousands};
use crate::plan::model::{Component, MAX_REF_LEN};
use loose::{List, Loose, Text};

/// SBOM files larger than this are refused before reading: 5,000
/// components with nested parts, hashes and properties take well under it.
pub const MAX_SBOM_BYTES: usize = 32 * 1024 * 1024;

/// Which standard an SBOM follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SbomFormat {
    CycloneDx,
    Spdx,
}

impl SbomFormat {
    pub fn label(self) -> &'static str {
        match self {
            SbomFormat::CycloneDx => "CycloneDX",
            SbomFormat::Spdx => "SPDX",
        }
    }
}

/// What the SBOM describes: the product itself, not one of its components.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Product {
    pub name: String,
    pub version: String,
}

/// An SBOM as read: its components in the register's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Sbom {
    pub format: SbomFormat,
    /// "1.6", "2.3".
    pub spec_version: String,
    /// The product it is the SBOM of, when it says.
    pub product: Option<Product>,
    /// In the SBOM's order, nested components after their parent; ids empty.
    pub components: Vec<Component>,
    /// Components left out because they have no name.
    pub unnamed: usize,
}

impl Sbom {
    /// "CycloneDX 1.6 SBOM of Infusion pump 2.1", "SPDX 2.3 SBOM".
    pub fn title(&self) -> String {
        let head = format!("{} {} SBOM", self.format.label(), self.spec_version);
        match &self.product {
            Some(p) if !p.version.is_empty() => format!("{head} of {} {}", p.name, p.version),
            Some(p) => format!("{head} of {}", p.name),
            None => head,
        }
    }
}

/// Why a file is not read as an SBOM. `Display` gives one or two plain
/// sentences; the app adds that the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SbomError {
    TooLarge {
        size: usize,
    },
    Empty,
    /// Not text, or text in an encoding that cannot be read (the sentence).
    NotText(String),
    /// An XML file (CycloneDX or SPDX in XML).
    Xml,
    /// SPDX in its tag-value form (`SPDXVersion: SPDX-2.3`).
    TagValue,
    /// Not well-formed JSON: where, 1-based (the column in bytes), and what.
    NotJson {
        line: usize,
        column: usize,
        what: String,
    },
    /// JSON that is not an object.
    NotAnObject,
    /// A JSP Planner file (a plan, an assessment, a backup): its `format`.
    PlannerFile(String),
    /// SPDX 3 (JSON-LD, with `@context`).
    Spdx3,
    /// CycloneDX of a version not read here (`found`: its `specVersion`).
    CycloneDxVersion(String),
    /// SPDX of a version not read here (`found`: its `spdxVersion`).
    SpdxVersion(String),
    /// JSON that says neither CycloneDX nor SPDX.
    Unknown,
    /// More components than a plan holds.
    TooMany(usize),
}

impl fmt::Display for SbomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json_only = "JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON.";
        match self {
            SbomError::TooLarge { size } => {
                let (shown, limit) = (human_bytes(*size), human_bytes(MAX_SBOM_BYTES));
                if shown == limit {
                    write!(
                        f,
                        "The file is {} bytes; an SBOM can be at most {} bytes ({limit}).",
                        thousands(*size),
                        thousands(MAX_SBOM_BYTES)
                    )
                } else {
                    write!(f, "The file is {shown}; an SBOM can be at most {limit}.")
                }
            }
            SbomError::Empty => write!(f, "The file is empty."),
            SbomError::NotText(why) => write!(f, "{why}"),
            SbomError::Xml => write!(f, "This is an XML file. {json_only} Export the SBOM as JSON from your SBOM tool."),
            SbomError::TagValue => write!(f, "This is an SPDX file in tag-value form. {json_only} Export it as SPDX JSON."),
            SbomError::NotJson { line, column, what } => write!(f, "{what} (line {line}, column {column})."),
            SbomError::NotAnObject => write!(f, "The file is JSON but not an SBOM: it does not hold an object. {json_only}"),
            SbomError::PlannerFile(format) => {
                let what = match format.as_str() {
                    "jsp-planner/plan" => "a JSP Planner plan file",
                    "jsp-planner/assessment" => "a JSP Planner assessment file",
                    "jsp-planner/library" => "a JSP Planner backup",
                    _ => "a JSP Planner file",
                };
                write!(f, "This is {what}, not an SBOM. Open it from the plan list.")
            }
            SbomError::Spdx3 => write!(f, "This is an SPDX 3 file. {json_only} Export it as SPDX 2.3 JSON."),
            SbomError::CycloneDxVersion(v) => write!(
                f,
                "This is a CycloneDX {} SBOM; JSP Planner reads CycloneDX 1.4, 1.5 and 1.6. Export it as CycloneDX 1.6 JSON.",
                shorten(v, 20)
            ),
            SbomError::SpdxVersion(v) => {
                write!(f, "This SBOM says it is {}; JSP Planner reads SPDX 2.2 and 2.3 in JSON.", quoted(&shorten(v, 20)))
            }
            SbomError::Unknown => write!(f, "The file is JSON but not an SBOM: it has no “bomFormat” or “spdxVersion”. {json_only}"),
            SbomError::TooMany(n) => write!(
                f,
                "The SBOM lists {} components; a plan holds at most {}. Import the SBOM of a part of the product.",
                thousands(*n),
                thousands(MAX_ITEMS)
            ),
        }
    }
}

/// The fields of both formats that decide what a file is, read in one pass.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Document {
    #[serde(rename = "bomFormat")]
    bom_format: Text,
    #[serde(rename = "specVersion")]
    spec_version: Text,
    metadata: Loose<cyclonedx::Metadata>,
    components: List<cyclonedx::CdxComponent>,
    #[serde(rename = "spdxVersion")]
    spdx_version: Text,
    #[serde(rename = "documentDescribes")]
    document_describes: List<Text>,
    packages: List<spdx::Package>,
    relationships: List<spdx::Relationship>,
    #[serde(rename = "@context")]
    context: Option<serde::de::IgnoredAny>,
    format: Text,
}

/// Read an SBOM, telling CycloneDX from SPDX by the content.
pub fn read(bytes: &[u8]) -> Result<Sbom, SbomError> {
    if bytes.len() > MAX_SBOM_BYTES {
        return Err(SbomError::TooLarge { size: bytes.len() });
    }
    let text = decode(bytes).map_err(|e| {
        SbomError::NotText(match e {
            Envelope::Encoding { message, .. } => format!("{message}."),
            _ => "The file is not text: it holds binary data.".into(),
        })
    })?;
    let start = text.trim_start();
    if start.is_empty() {
        return Err(SbomError::Empty);
    }
    if start.starts_with('<') {
        return Err(SbomError::Xml);
    }
    if start.starts_with("SPDXVersion:") || start.starts_with("##") {
        return Err(SbomError::TagValue);
    }
    let doc: Document = serde_json::from_str(&text).map_err(|e| not_json(e, &text))?;
    if !start.starts_with('{') {
        return Err(SbomError::NotAnObject);
    }
    if doc.format.as_str().starts_with("jsp-planner/") {
        return Err(SbomError::PlannerFile(doc.format.as_str().to_string()));
    }
    if doc.context.is_some() {
        return Err(SbomError::Spdx3);
    }
    let sbom = if doc.bom_format.as_str() == "CycloneDX" {
        let version = doc.spec_version.as_str();
        if !matches!(version, "1.4" | "1.5" | "1.6") {
            return Err(SbomError::CycloneDxVersion(version.to_string()));
        }
        cyclonedx::read(version, doc.metadata.0, doc.components.0)
    } else if !doc.spdx_version.as_str().is_empty() {
        let version = match doc.spdx_version.as_str() {
            "SPDX-2.3" => "2.3",
            "SPDX-2.2" => "2.2",
            other if other.starts_with("SPDX-3") => return Err(SbomError::Spdx3),
            other => return Err(SbomError::SpdxVersion(other.to_string())),
        };
        spdx::read(version, doc.packages.0, doc.document_describes.0, doc.relationships.0)
    } else {
        return Err(SbomError::Unknown);
    };
    if sbom.components.len() > MAX_ITEMS {
        return Err(SbomError::TooMany(sbom.components.len()));
    }
    Ok(sbom)
}

fn not_json(e: serde_json::Error, text: &str) -> SbomError {
    if e.is_data() {
        // The document's own fields are read leniently; only a top level
        // that is not an object (or a field given twice) gets here.
        return if text.trim_start().starts_with('{') { SbomError::Unknown } else { SbomError::NotAnObject };
    }
    let message = e.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    SbomError::NotJson { line: e.line().max(1), column: e.column().max(1), what: syntax(message, "SBOM") }
}

/// Trimmed and cut to `max` characters (what the plan's rules allow).
pub(crate) fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// A name, version, group or supplier as the register keeps it.
pub(crate) fn short(text: &Text) -> String {
    clip(text.as_str(), MAX_NAME_LEN)
}

/// A purl, CPE, licence or reference as the register keeps it.
pub(crate) fn long(text: &str) -> String {
    clip(text, MAX_REF_LEN)
}

/// A date, YYYY-MM-DD, from a date or an RFC 3339 timestamp; empty when it is neither.
pub(crate) fn date(text: &str) -> String {
    let text = text.trim();
    let day = text.get(..10).unwrap_or(text);
    let rest = &text[day.len()..];
    if crate::common::rules::is_date(day) && (rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        day.to_string()
    } else {
        String::new()
    }
}
