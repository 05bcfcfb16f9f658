//! A.3 Security management planning: the draft Security (Risk) Management Plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SbomFormat {
    Cyclonedx,
    Spdx,
}

/// How the software bill of materials will be produced and kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SbomApproach {
    pub formats: Vec<SbomFormat>,
    /// When it is generated (e.g. every release build).
    pub generated_when: String,
    /// Who owns and publishes it.
    pub owner: String,
}

/// The sections the JSP asks the plan to set direction for. Each is free text
/// the team writes in the workshop; the SBOM approach is structured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManagementPlan {
    /// Assessing and documenting security risk alongside safety risk.
    pub security_and_safety_risk: String,
    /// Rationale for the risk acceptability criteria.
    pub risk_acceptability: String,
    /// Monitoring, assessing and patching third-party component vulnerabilities.
    pub third_party_monitoring: String,
    pub sbom: SbomApproach,
    /// Update and rollback strategy in the field.
    pub update_and_rollback: String,
    /// Coordinated vulnerability disclosure.
    pub vulnerability_disclosure: String,
    /// Supplier and contractor expectations for secure components.
    pub suppliers: String,
    /// Roles and responsibilities across the team.
    pub roles_and_responsibilities: String,
}
