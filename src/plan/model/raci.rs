//! Who is in the room: roles x Concept Phase activities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Raci {
    #[serde(rename = "R")]
    Responsible,
    #[serde(rename = "A")]
    Accountable,
    #[serde(rename = "C")]
    Consulted,
    #[serde(rename = "I")]
    Informed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaciAssignment {
    pub role_id: String,
    pub activity_id: String,
    pub value: Raci,
}

impl Raci {
    pub const ALL: [Raci; 4] = [Raci::Responsible, Raci::Accountable, Raci::Consulted, Raci::Informed];

    pub fn letter(self) -> &'static str {
        match self {
            Raci::Responsible => "R",
            Raci::Accountable => "A",
            Raci::Consulted => "C",
            Raci::Informed => "I",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Raci::Responsible => "Responsible",
            Raci::Accountable => "Accountable",
            Raci::Consulted => "Consulted",
            Raci::Informed => "Informed",
        }
    }
}
