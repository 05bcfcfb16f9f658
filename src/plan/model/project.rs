//! A.1 Release / change project planning.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of project this is; it decides whether a Development Plan or a
/// Change Impact Assessment is the A.1 output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    NewProduct,
    MajorAddition,
    Maintenance,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::NewProduct, Scope::MajorAddition, Scope::Maintenance];

    /// A major addition or maintenance is assessed by a Change Impact
    /// Assessment; a new product gets a Development Plan instead.
    pub fn needs_impact_assessment(self) -> bool {
        matches!(self, Scope::MajorAddition | Scope::Maintenance)
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::NewProduct => "New product",
            Scope::MajorAddition => "Major addition to an existing product",
            Scope::Maintenance => "Maintenance",
        }
    }
}

/// One line of an inputs or outputs checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub label: String,
    pub done: bool,
}

/// Money and people committed to security activities, decided now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    pub budget: String,
    pub people: String,
    pub activities: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectPlanning {
    /// The product (and version) the project changes or creates.
    pub product: String,
    /// Unset until the team decides.
    pub scope: Option<Scope>,
    /// Free-text summary of the project.
    pub description: String,
    pub inputs: Vec<ChecklistItem>,
    pub outputs: Vec<ChecklistItem>,
    pub resources: Resources,
    /// Answers to the Change Impact Assessment questions (for additions and
    /// maintenance); only answered questions are listed.
    pub change_impact: Vec<ImpactAnswer>,
    /// When the manufacturer plans to stop supporting the product,
    /// YYYY-MM-DD; empty until decided (format version 6). Components whose
    /// support ends before it are gaps.
    pub end_of_support: String,
    /// Whether the product is a "cyber device" under section 524B of the
    /// FD&C Act (it runs software, can connect to the internet and could be
    /// vulnerable): `None` (null) until decided (format version 7). A cyber
    /// device adds premarket documentation (`plan::premarket::readiness`).
    pub cyber_device: Option<bool>,
}

/// An answer to one Change Impact Assessment question (see `presets::impact_questions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImpactAnswer {
    pub question_id: String,
    pub answer: Answer,
    /// Why, or what follows from the answer.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    Unsure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::Unsure];

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::Unsure => "Not sure yet",
        }
    }
}
