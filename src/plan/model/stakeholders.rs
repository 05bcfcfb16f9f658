//! A.2 Voice of the customer: stakeholders, their security needs, and the matrix between them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityNeed {
    pub id: String,
    pub text: String,
    /// The user needs this security need folds into, by id (format version 3;
    /// version 2 had one free-text `user_need_ref`).
    pub user_need_ids: Vec<String>,
}

impl SecurityNeed {
    /// Whether the text or a user need id contains `needle`, ignoring case.
    /// `needle` is already lower-cased (once per search, not per need).
    pub fn matches(&self, needle: &str) -> bool {
        self.text.to_lowercase().contains(needle) || self.user_need_ids.iter().any(|r| r.to_lowercase().contains(needle))
    }
}

/// A user need (IEC 62304 / design controls): what the product must do for
/// its users, into which the security needs of A.2 fold (format version 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserNeed {
    /// Its identifier in the design history file, e.g. "UN-12"; shown to users.
    pub id: String,
    /// What the user needs, in words; may be filled after the workshop.
    pub text: String,
}

/// How much a need matters to a stakeholder. An absent link means "none".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    Relevant,
    Critical,
}

impl Relevance {
    pub fn label(self) -> &'static str {
        match self {
            Relevance::Relevant => "Relevant",
            Relevance::Critical => "Critical",
        }
    }
}

/// One non-empty cell of the stakeholder x need matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedLink {
    pub stakeholder_id: String,
    pub need_id: String,
    pub relevance: Relevance,
}
