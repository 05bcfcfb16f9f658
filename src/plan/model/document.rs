//! Document control: what regulatory affairs and quality need to file the
//! plan as a controlled document (format version 3).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentControl {
    /// The document's number in the quality system, e.g. "SMP-0042"; may be empty.
    pub document_id: String,
    /// The revision shown on the document, e.g. "A" or "1.2"; may be empty.
    pub revision: String,
    pub author: String,
    /// When the workshop was held, as the team writes it ("2026-11-24, 2026-11-26").
    pub workshop_dates: String,
    /// Who took part in the workshop.
    pub attendees: Vec<Attendee>,
}

/// One person in the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    pub id: String,
    pub name: String,
    /// Their organisation or function ("Hospital IT, St. Mary's"; "RA/QA").
    pub organisation: String,
    /// The RACI role they hold (an id of `Plan::roles`), if any.
    pub role_id: Option<String>,
}
