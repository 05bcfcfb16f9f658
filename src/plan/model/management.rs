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
    /// How customers get it (with each release, on request, from a
    /// portal); empty until decided (format version 7).
    pub customer_access: String,
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
    /// Where vulnerabilities are reported: an address, a web page (format
    /// version 7). The MDS2 and the customer summary name it.
    pub disclosure_contact: String,
    /// Supplier and contractor expectations for secure components.
    pub suppliers: String,
    /// Roles and responsibilities across the team.
    pub roles_and_responsibilities: String,
}

/// One free-text part of the plan with the JSP guidance shown beside it;
/// the views edit it and the report and Markdown export print it.
pub struct TextSection {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub field: super::PlanText,
}

/// The A.3 sections in the order the plan reads; the SBOM approach follows
/// the first three.
pub const MANAGEMENT_SECTIONS: [TextSection; 7] = [
    TextSection {
        id: "smp-safety",
        label: "Security risk alongside safety risk",
        hint: "How security risks are assessed and documented together with safety risks (AAMI SW96, ISO 14971).",
        field: super::PlanText::SafetyRisk,
    },
    TextSection {
        id: "smp-acceptability",
        label: "Risk acceptability",
        hint: "What acceptable security risk looks like for this product, and what needs mitigation.",
        field: super::PlanText::Acceptability,
    },
    TextSection {
        id: "smp-third-party",
        label: "Third-party component vulnerabilities",
        hint: "How vulnerabilities in third-party components are monitored, assessed and patched.",
        field: super::PlanText::ThirdParty,
    },
    TextSection {
        id: "smp-updates",
        label: "Update and rollback strategy",
        hint: "How updates reach the field without technical steps for users, and how a failed update is rolled back.",
        field: super::PlanText::Updates,
    },
    TextSection {
        id: "smp-disclosure",
        label: "Coordinated vulnerability disclosure",
        hint: "How vulnerabilities are received, handled and disclosed with customers and regulators.",
        field: super::PlanText::Disclosure,
    },
    TextSection {
        id: "smp-suppliers",
        label: "Supplier and contractor expectations",
        hint: "What suppliers and contractors must do for secure components.",
        field: super::PlanText::Suppliers,
    },
    TextSection {
        id: "smp-roles",
        label: "Roles and responsibilities",
        hint: "Who does what in security management, so there is no confusion later.",
        field: super::PlanText::Roles,
    },
];

impl SbomFormat {
    pub fn label(self) -> &'static str {
        match self {
            SbomFormat::Cyclonedx => "CycloneDX",
            SbomFormat::Spdx => "SPDX",
        }
    }
}
