//! Preliminary risk acceptability criteria (the grid) and the risk register.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The vertical axis of the grid: exploitability (AAMI TIR57 / SW96 practice
/// for security risk) or likelihood (probability, as in ISO 14971).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LikelihoodAxis {
    Exploitability,
    Likelihood,
}

/// Acceptability zone of one grid cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Acceptable,
    /// Acceptable after review: reduce as far as possible.
    Review,
    Unacceptable,
}

impl Zone {
    pub fn label(self) -> &'static str {
        match self {
            Zone::Acceptable => "Acceptable",
            Zone::Review => "Review",
            Zone::Unacceptable => "Unacceptable",
        }
    }
}

pub const MIN_LEVELS: usize = 3;
pub const MAX_LEVELS: usize = 5;

/// The grid: `zones[l - 1][s - 1]` is the zone of likelihood level `l` and severity level `s`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskCriteria {
    pub axis: LikelihoodAxis,
    /// Names of the likelihood/exploitability levels, lowest first (3 to 5).
    pub likelihood_levels: Vec<String>,
    /// Names of the severity levels, lowest first (3 to 5).
    pub severity_levels: Vec<String>,
    /// One row per likelihood level, one column per severity level.
    pub zones: Vec<Vec<Zone>>,
    /// Names of the likelihood levels above the current count, lowest first:
    /// what shrinking the grid took away, so growing it again brings the
    /// names back instead of inventing new ones (format version 2).
    pub removed_likelihood_levels: Vec<String>,
    /// The same for severity levels.
    pub removed_severity_levels: Vec<String>,
}

impl RiskCriteria {
    /// The zone a rating falls in, or `None` if the rating is off the grid.
    pub fn zone_of(&self, rating: Rating) -> Option<Zone> {
        let row = self.zones.get(usize::from(rating.likelihood).checked_sub(1)?)?;
        row.get(usize::from(rating.severity).checked_sub(1)?).copied()
    }
}

/// A position on the grid, 1-based on both axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub likelihood: u8,
    pub severity: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Accepted,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskEntry {
    /// Stable identifier, e.g. "R-001"; shown to users.
    pub id: String,
    /// Asset or function at risk.
    pub asset: String,
    /// Threat or vulnerability.
    pub threat: String,
    /// Rating before controls; `None` (null in the file) until the team rates
    /// it. An unrated entry has no zone: it is never shown as acceptable.
    pub initial: Option<Rating>,
    /// Notes on the risk controls, free text (the controls themselves are
    /// [`Plan::controls`](crate::plan::model::Plan::controls), linked by `control_ids`).
    pub controls: String,
    /// Rating after controls, once assessed.
    pub residual: Option<Rating>,
    /// Stakeholder needs this entry ties to.
    pub need_ids: Vec<String>,
    pub owner: String,
    pub status: RiskStatus,
    /// How the risk is treated; `None` until decided (format version 3).
    pub treatment: Option<Treatment>,
    /// The controls that reduce it, by id (format version 3).
    pub control_ids: Vec<String>,
    /// The acceptance of its residual risk (format version 3).
    pub acceptance: Acceptance,
}

impl RiskEntry {
    /// A new open entry, not rated yet.
    pub fn new(id: String, asset: &str, threat: &str) -> RiskEntry {
        RiskEntry {
            id,
            asset: asset.trim().into(),
            threat: threat.trim().into(),
            initial: None,
            controls: String::new(),
            residual: None,
            need_ids: Vec::new(),
            owner: String::new(),
            status: RiskStatus::Open,
            treatment: None,
            control_ids: Vec::new(),
            acceptance: Acceptance::default(),
        }
    }
}

impl LikelihoodAxis {
    pub fn label(self) -> &'static str {
        match self {
            LikelihoodAxis::Exploitability => "Exploitability",
            LikelihoodAxis::Likelihood => "Likelihood",
        }
    }
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Accepted, RiskStatus::Closed];

    pub fn label(self) -> &'static str {
        match self {
            RiskStatus::Open => "Open",
            RiskStatus::Mitigating => "Mitigating",
            RiskStatus::Accepted => "Accepted",
            RiskStatus::Closed => "Closed",
        }
    }
}

/// How a risk is treated (ISO 14971 / AAMI SW96 risk control options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Reduce it with risk controls.
    Mitigate,
    /// Keep it as it is, with a recorded benefit-risk rationale.
    Accept,
    /// Share it with another party (a supplier, the operator).
    Transfer,
    /// Remove the feature or exposure that carries it.
    Avoid,
}

impl Treatment {
    pub const ALL: [Treatment; 4] = [Treatment::Mitigate, Treatment::Accept, Treatment::Transfer, Treatment::Avoid];

    pub fn label(self) -> &'static str {
        match self {
            Treatment::Mitigate => "Mitigate",
            Treatment::Accept => "Accept",
            Treatment::Transfer => "Transfer",
            Treatment::Avoid => "Avoid",
        }
    }
}

/// Why a residual risk in the review or unacceptable zone is accepted, and
/// who accepted it when (format version 3). Empty texts: not accepted yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The benefit-risk rationale (AAMI SW96).
    pub rationale: String,
    /// Name and role of the person who accepted the risk.
    pub approver: String,
    /// The date of acceptance, YYYY-MM-DD, or empty.
    pub date: String,
}

impl Acceptance {
    /// Rationale, approver and date are all given.
    pub fn is_complete(&self) -> bool {
        [&self.rationale, &self.approver, &self.date].iter().all(|s| !s.trim().is_empty())
    }
}

/// What kind of risk control (ISO 14971's order of priority).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ControlKind {
    /// Inherent security by design.
    Design,
    /// Information for safety and security: labelling, instructions, the MDS2.
    Labelling,
    /// A process or procedure (monitoring, patching, access review).
    Procedure,
}

impl ControlKind {
    pub const ALL: [ControlKind; 3] = [ControlKind::Design, ControlKind::Labelling, ControlKind::Procedure];

    pub fn label(self) -> &'static str {
        match self {
            ControlKind::Design => "Design",
            ControlKind::Labelling => "Labelling",
            ControlKind::Procedure => "Procedure",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    Planned,
    Implemented,
    Verified,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 3] = [ControlStatus::Planned, ControlStatus::Implemented, ControlStatus::Verified];

    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Planned => "Planned",
            ControlStatus::Implemented => "Implemented",
            ControlStatus::Verified => "Verified",
        }
    }
}

/// A risk control, which any number of register entries can share (format version 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// Stable identifier, e.g. "C-001"; shown to users.
    pub id: String,
    pub description: String,
    pub kind: ControlKind,
    pub status: ControlStatus,
    /// Where its verification is recorded (a test report, a protocol id), or empty.
    pub verification: String,
    /// FDA's security control categories it belongs to, each at most once
    /// (format version 7); edits keep them in the order of
    /// [`super::SecurityCategory::ALL`], a merge may append.
    pub categories: Vec<super::SecurityCategory>,
}
