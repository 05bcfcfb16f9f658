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
    /// Risk controls, free text.
    pub controls: String,
    /// Rating after controls, once assessed.
    pub residual: Option<Rating>,
    /// Stakeholder needs this entry ties to.
    pub need_ids: Vec<String>,
    pub owner: String,
    pub status: RiskStatus,
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
