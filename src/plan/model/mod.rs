//! The plan model: one [`Plan`] per product release or change project.
//!
//! Every collection element carries a stable string id so that links
//! (stakeholder x need, risk -> need, RACI) survive reordering, renaming,
//! export and import. Rating levels are 1-based indices into the criteria axes.

mod components;
mod document;
mod edits;
mod management;
mod premarket;
mod project;
mod raci;
mod revision;
mod risk;
mod stakeholders;
mod texts;

pub use components::{Component, ComponentFilter, ComponentKind, ComponentText, Monitoring, SupportLevel, MAX_REF_LEN};
pub use document::{Attendee, DocumentControl};
pub use edits::{Checklist, NamedList};
pub use management::{ManagementPlan, SbomApproach, SbomFormat, TextSection, MANAGEMENT_SECTIONS};
pub use premarket::{
    is_question_id, ArchitectureView, ArchitectureViews, CategoryReasons, Mds2Answer, Mds2Value, Premarket, SecurityCategory, ViewKind,
    ViewStatus, ViewText, MAX_QUESTION_ID_LEN,
};
pub use project::{Answer, ChecklistItem, ImpactAnswer, ProjectPlanning, Resources, Scope};
pub use raci::{Activity, Raci, RaciAssignment, Role};
pub use revision::{frozen_json, next_label, Approval, Content, Meaning, Revision, Revisions, Snapshot};
pub use risk::{
    Acceptance, Control, ControlKind, ControlStatus, LikelihoodAxis, Rating, RiskCriteria, RiskEntry, RiskStatus, Treatment, Zone,
    MAX_LEVELS, MIN_LEVELS,
};
pub use stakeholders::{NeedLink, Relevance, SecurityNeed, Stakeholder, UserNeed};
pub use texts::{PlanText, TextKind};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Concept Phase plan: everything the team walks away with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable identifier, kept across export and import.
    pub id: String,
    /// Display name of the plan, e.g. "Infusion pump 3.2 release".
    pub name: String,
    /// RFC 3339 timestamp of creation.
    pub created_at: String,
    /// RFC 3339 timestamp of the last edit.
    pub updated_at: String,
    /// Document control: id, revision, author, workshop dates, attendees (format version 3).
    pub document: DocumentControl,
    /// A.1 Release / change project planning.
    pub project: ProjectPlanning,
    /// A.2 Stakeholder groups (rows of the stakeholder-needs matrix).
    pub stakeholders: Vec<Stakeholder>,
    /// A.2 Security needs (columns of the stakeholder-needs matrix).
    pub needs: Vec<SecurityNeed>,
    /// A.2 Cells of the matrix that are not "none".
    pub need_links: Vec<NeedLink>,
    /// The user needs the security needs fold into (format version 3).
    pub user_needs: Vec<UserNeed>,
    /// A.3 Security management plan sections.
    pub management: ManagementPlan,
    /// A.3 Preliminary risk acceptability criteria.
    pub criteria: RiskCriteria,
    /// Risk register entries.
    pub risks: Vec<RiskEntry>,
    /// Risk controls, shared by the entries that link them (format version 3).
    pub controls: Vec<Control>,
    /// The component register: third-party components, their support and monitoring (format version 6).
    pub components: Vec<Component>,
    /// Security control categories that do not apply, the architecture views
    /// and the team's MDS2 answers (format version 7).
    pub premarket: Premarket,
    /// Who is in the room: roles (rows of the RACI matrix).
    pub roles: Vec<Role>,
    /// Concept Phase activities (columns of the RACI matrix).
    pub activities: Vec<Activity>,
    /// RACI cells that are set.
    pub raci: Vec<RaciAssignment>,
    /// Issued revisions, oldest first, with their approvals (format version 4).
    pub revisions: Revisions,
}

impl Plan {
    /// Relevance of a need to a stakeholder; `None` when the cell is empty.
    pub fn relevance(&self, stakeholder_id: &str, need_id: &str) -> Option<Relevance> {
        self.need_links.iter().find(|l| l.stakeholder_id == stakeholder_id && l.need_id == need_id).map(|l| l.relevance)
    }

    /// Every set cell of the matrix by (stakeholder id, need id): one lookup
    /// per cell, where `relevance` scans the links (a 1,200 x 1,200 matrix
    /// is 1.4 million cells).
    pub fn relevance_index(&self) -> std::collections::HashMap<(&str, &str), Relevance> {
        self.need_links.iter().map(|l| ((l.stakeholder_id.as_str(), l.need_id.as_str()), l.relevance)).collect()
    }

    /// For each need, the stakeholders who hold it, critical ones first:
    /// the matrix as a list, for outputs where it is too wide to print.
    pub fn holders(&self, need_id: &str) -> (Vec<&str>, Vec<&str>) {
        let name = |id: &str| self.stakeholders.iter().find(|s| s.id == id).map(|s| s.name.as_str());
        let of = |r: Relevance| {
            self.need_links.iter().filter(|l| l.need_id == need_id && l.relevance == r).filter_map(|l| name(&l.stakeholder_id)).collect()
        };
        (of(Relevance::Critical), of(Relevance::Relevant))
    }
}
