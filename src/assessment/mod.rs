//! JSP2 maturity self-assessment: an organisation-level document kept beside
//! the product plans, with its own file format.
//!
//! A plan describes one product's Concept Phase; an assessment describes how
//! well the whole organisation performs every activity of the JSP, on a 0–5
//! scale, where it wants to be, and the dated milestones that get it there.
//! The two never share a file: an assessment may name a plan (`plan_id`) so
//! the plan's dashboard can show the Concept Phase levels ([`plan_link`]),
//! and the plan file format knows nothing of assessments.
//!
//! What lives where:
//! - [`framework`]: the components and activities, with stable ids and our questions.
//! - [`level`]: the levels 0–5 and what each means.
//! - [`score`]: component means, gaps, progress against a baseline.
//! - [`roadmap`]: milestones grouped in phases; gaps no milestone closes.
//! - [`rules`]: the invariants, each broken one told as one sentence.
//! - [`edit`]: the editor's operations, each keeping the rules, and its one edit path.
//! - [`file`]: the file format `jsp-planner/assessment`: export, strict import, JSON Schema.
//! - [`report`]: the report as the shared `crate::report::Document` (print, Markdown, Word).
//! - [`chart`]: the geometry of the current-vs-target chart, for the view's SVG.
//! - [`export`]: Markdown (the report's) and CSV.
//! - [`plan_link`]: the Concept Phase levels for a plan's dashboard.
//!
//! "Not yet scored" is `None` in an entry's `current` or `target`: a level
//! of 0 is an answer ("not performed"), and a fresh assessment must not
//! claim it on the organisation's behalf.

pub mod chart;
pub mod edit;
pub mod export;
pub mod file;
pub mod framework;
pub mod level;
pub mod plan_link;
pub mod report;
pub mod roadmap;
pub mod rules;
pub mod score;
pub(crate) mod words;

pub use file::{export_compact, export_pretty, import, schema_json, AssessmentError, AssessmentFile, FORMAT, MAX_FILE_BYTES, VERSION};
pub use framework::{Activity, Component, COMPONENTS};
pub use level::{Level, LEVELS, MAX_LEVEL};
pub use rules::{describe, validate};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One maturity assessment of an organisation against the JSP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Stable identifier, kept across export and import.
    pub id: String,
    /// Display name, e.g. "Product security maturity 2026".
    pub name: String,
    /// The organisation (or business unit) assessed.
    pub organisation: String,
    /// The day of the assessment workshop, YYYY-MM-DD.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub assessed_on: String,
    /// RFC 3339 timestamp of creation.
    pub created_at: String,
    /// RFC 3339 timestamp of the last edit.
    pub updated_at: String,
    /// The id of a plan this assessment is linked to, or null.
    pub plan_id: Option<String>,
    /// One entry per framework activity, each at most once.
    pub activities: Vec<ActivityEntry>,
    /// Phases of the roadmap, in order.
    pub phases: Vec<Phase>,
    /// Milestones of the roadmap.
    pub milestones: Vec<Milestone>,
}

/// How the organisation stands on one framework activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityEntry {
    /// A framework activity id, such as "concept.a2".
    #[schemars(schema_with = "activity_id_schema")]
    pub activity_id: String,
    /// The level today, 0 to 5; null until scored.
    #[schemars(range(max = 5))]
    pub current: Option<u8>,
    /// The level aimed for, 0 to 5; null until chosen.
    #[schemars(range(max = 5))]
    pub target: Option<u8>,
    /// Why the activity does not apply to this organisation; null when it
    /// applies. Levels kept while not applicable are not counted.
    pub not_applicable: Option<String>,
    /// What shows the level: documents, records, links.
    pub evidence: String,
    /// Who answers for improving it.
    pub owner: String,
}

/// A phase of the roadmap ("Foundations", "Q3 2026").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: String,
    /// What the phase is for, in a sentence or two.
    pub goal: String,
}

/// A dated step of the roadmap that closes the gaps of some activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub name: String,
    /// When it is due, YYYY-MM-DD.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub date: String,
    /// The phase it belongs to, or null.
    pub phase_id: Option<String>,
    /// The activities whose gap it closes (framework activity ids, each once).
    #[schemars(schema_with = "activity_ids_schema")]
    pub closes: Vec<String>,
}

/// A date as import reads it (the month and day ranges are checked too).
const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The schema lists the framework's ids, so a tool writing a file knows them.
fn activity_id_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let ids: Vec<&str> = framework::activities().map(|a| a.id).collect();
    schemars::json_schema!({ "type": "string", "enum": ids })
}

fn activity_ids_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "array", "items": activity_id_schema(generator), "uniqueItems": true })
}

impl ActivityEntry {
    /// An entry for `activity_id` with nothing scored.
    pub fn unscored(activity_id: &str) -> Self {
        ActivityEntry {
            activity_id: activity_id.to_string(),
            current: None,
            target: None,
            not_applicable: None,
            evidence: String::new(),
            owner: String::new(),
        }
    }

    /// Whether the activity counts: not marked not applicable.
    pub fn applicable(&self) -> bool {
        self.not_applicable.is_none()
    }
}

impl Assessment {
    /// A new assessment holding every framework activity, nothing scored,
    /// and an empty roadmap. `now` is an RFC 3339 timestamp, `assessed_on`
    /// a date (YYYY-MM-DD).
    pub fn new(id: String, name: String, organisation: String, assessed_on: String, now: String) -> Self {
        Assessment {
            id,
            name,
            organisation,
            assessed_on,
            created_at: now.clone(),
            updated_at: now,
            plan_id: None,
            activities: framework::activities().map(|a| ActivityEntry::unscored(a.id)).collect(),
            phases: Vec::new(),
            milestones: Vec::new(),
        }
    }

    /// The entry for `activity_id`, if the assessment has one. A file written
    /// before the framework grew lacks the new activities: they read as unscored.
    pub fn entry(&self, activity_id: &str) -> Option<&ActivityEntry> {
        self.activities.iter().find(|e| e.activity_id == activity_id)
    }

    /// The entry for a framework activity, added (unscored, in framework
    /// order) when missing. `None` for an id the framework does not know.
    pub fn entry_mut(&mut self, activity_id: &str) -> Option<&mut ActivityEntry> {
        framework::find(activity_id)?;
        let index = match self.activities.iter().position(|e| e.activity_id == activity_id) {
            Some(i) => i,
            None => {
                let at = framework::position(activity_id);
                let i = self.activities.iter().position(|e| framework::position(&e.activity_id) > at).unwrap_or(self.activities.len());
                self.activities.insert(i, ActivityEntry::unscored(activity_id));
                i
            }
        };
        self.activities.get_mut(index)
    }

    /// The current level of an applicable activity, if scored.
    pub fn current(&self, activity_id: &str) -> Option<u8> {
        self.entry(activity_id).filter(|e| e.applicable()).and_then(|e| e.current)
    }
}
