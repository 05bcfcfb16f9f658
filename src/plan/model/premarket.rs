//! What the inspector and the buyer ask for (format version 7): FDA's
//! security control categories (a control carries any of them, see
//! [`super::Control::categories`]) and why a category does not apply, the
//! four architecture views of FDA's premarket guidance, and the MDS2
//! answers the team has edited or confirmed.
//!
//! What can be computed is not stored: category coverage, premarket
//! readiness and the drafted MDS2 answers come from the rest of the plan
//! (`plan::premarket`); only the team's own decisions live here. The
//! "cyber device" answer (section 524B) is A.1's
//! ([`super::ProjectPlanning::cyber_device`]); the disclosure contact and
//! how customers get the SBOM are A.3's
//! ([`super::ManagementPlan::disclosure_contact`],
//! [`super::SbomApproach::customer_access`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// FDA's eight security control categories (premarket cybersecurity
/// guidance, appendix 1), written in snake case in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecurityCategory {
    Authentication,
    Authorization,
    Cryptography,
    CodeDataAndExecutionIntegrity,
    Confidentiality,
    EventDetectionAndLogging,
    ResiliencyAndRecovery,
    FirmwareAndSoftwareUpdates,
}

impl SecurityCategory {
    pub const ALL: [SecurityCategory; 8] = [
        SecurityCategory::Authentication,
        SecurityCategory::Authorization,
        SecurityCategory::Cryptography,
        SecurityCategory::CodeDataAndExecutionIntegrity,
        SecurityCategory::Confidentiality,
        SecurityCategory::EventDetectionAndLogging,
        SecurityCategory::ResiliencyAndRecovery,
        SecurityCategory::FirmwareAndSoftwareUpdates,
    ];

    /// As FDA words it.
    pub fn label(self) -> &'static str {
        match self {
            SecurityCategory::Authentication => "Authentication",
            SecurityCategory::Authorization => "Authorization",
            SecurityCategory::Cryptography => "Cryptography",
            SecurityCategory::CodeDataAndExecutionIntegrity => "Code, Data and Execution Integrity",
            SecurityCategory::Confidentiality => "Confidentiality",
            SecurityCategory::EventDetectionAndLogging => "Event Detection and Logging",
            SecurityCategory::ResiliencyAndRecovery => "Resiliency and Recovery",
            SecurityCategory::FirmwareAndSoftwareUpdates => "Firmware and Software Updates",
        }
    }

    /// The word in the file ("code_data_and_execution_integrity"), also the
    /// field of [`CategoryReasons`] that holds its reason.
    pub fn key(self) -> &'static str {
        match self {
            SecurityCategory::Authentication => "authentication",
            SecurityCategory::Authorization => "authorization",
            SecurityCategory::Cryptography => "cryptography",
            SecurityCategory::CodeDataAndExecutionIntegrity => "code_data_and_execution_integrity",
            SecurityCategory::Confidentiality => "confidentiality",
            SecurityCategory::EventDetectionAndLogging => "event_detection_and_logging",
            SecurityCategory::ResiliencyAndRecovery => "resiliency_and_recovery",
            SecurityCategory::FirmwareAndSoftwareUpdates => "firmware_and_software_updates",
        }
    }

    /// What a control of this category does, in a line (for the coverage view's hints).
    pub fn hint(self) -> &'static str {
        match self {
            SecurityCategory::Authentication => "Users, devices and messages prove who they are before they are trusted.",
            SecurityCategory::Authorization => "Each user and component can do only what its role allows.",
            SecurityCategory::Cryptography => "Proven algorithms, protected keys, no secrets in the code.",
            SecurityCategory::CodeDataAndExecutionIntegrity => "Code, data and execution cannot be changed without it being noticed.",
            SecurityCategory::Confidentiality => "Data, commands and keys are seen only by those meant to see them.",
            SecurityCategory::EventDetectionAndLogging => "Security events are detected, logged and can be reviewed.",
            SecurityCategory::ResiliencyAndRecovery => "The device keeps its essential function and recovers after an attack.",
            SecurityCategory::FirmwareAndSoftwareUpdates => "Updates and patches reach the field in time, authenticated, with a way back.",
        }
    }
}

/// Why a category does not apply to this product, per category: empty
/// until the team records it. A category with no control and no reason is a
/// coverage gap (`plan::premarket::coverage`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryReasons {
    pub authentication: String,
    pub authorization: String,
    pub cryptography: String,
    pub code_data_and_execution_integrity: String,
    pub confidentiality: String,
    pub event_detection_and_logging: String,
    pub resiliency_and_recovery: String,
    pub firmware_and_software_updates: String,
}

impl CategoryReasons {
    pub fn get(&self, category: SecurityCategory) -> &String {
        match category {
            SecurityCategory::Authentication => &self.authentication,
            SecurityCategory::Authorization => &self.authorization,
            SecurityCategory::Cryptography => &self.cryptography,
            SecurityCategory::CodeDataAndExecutionIntegrity => &self.code_data_and_execution_integrity,
            SecurityCategory::Confidentiality => &self.confidentiality,
            SecurityCategory::EventDetectionAndLogging => &self.event_detection_and_logging,
            SecurityCategory::ResiliencyAndRecovery => &self.resiliency_and_recovery,
            SecurityCategory::FirmwareAndSoftwareUpdates => &self.firmware_and_software_updates,
        }
    }

    pub fn get_mut(&mut self, category: SecurityCategory) -> &mut String {
        match category {
            SecurityCategory::Authentication => &mut self.authentication,
            SecurityCategory::Authorization => &mut self.authorization,
            SecurityCategory::Cryptography => &mut self.cryptography,
            SecurityCategory::CodeDataAndExecutionIntegrity => &mut self.code_data_and_execution_integrity,
            SecurityCategory::Confidentiality => &mut self.confidentiality,
            SecurityCategory::EventDetectionAndLogging => &mut self.event_detection_and_logging,
            SecurityCategory::ResiliencyAndRecovery => &mut self.resiliency_and_recovery,
            SecurityCategory::FirmwareAndSoftwareUpdates => &mut self.firmware_and_software_updates,
        }
    }
}

/// The four architecture views FDA's premarket guidance asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKind {
    GlobalSystem,
    MultiPatientHarm,
    UpdateabilityPatchability,
    SecurityUseCases,
}

impl ViewKind {
    pub const ALL: [ViewKind; 4] =
        [ViewKind::GlobalSystem, ViewKind::MultiPatientHarm, ViewKind::UpdateabilityPatchability, ViewKind::SecurityUseCases];

    /// As FDA words it.
    pub fn label(self) -> &'static str {
        match self {
            ViewKind::GlobalSystem => "Global System",
            ViewKind::MultiPatientHarm => "Multi-Patient Harm",
            ViewKind::UpdateabilityPatchability => "Updateability/Patchability",
            ViewKind::SecurityUseCases => "Security Use Case(s)",
        }
    }

    /// The field of [`ArchitectureViews`] in the file.
    pub fn key(self) -> &'static str {
        match self {
            ViewKind::GlobalSystem => "global_system",
            ViewKind::MultiPatientHarm => "multi_patient_harm",
            ViewKind::UpdateabilityPatchability => "updateability_patchability",
            ViewKind::SecurityUseCases => "security_use_cases",
        }
    }

    /// What the view is expected to show, in a line.
    pub fn hint(self) -> &'static str {
        match self {
            ViewKind::GlobalSystem => {
                "The whole system: the device, its interfaces, the networks and services it connects to, and the trust boundaries."
            }
            ViewKind::MultiPatientHarm => "How one attack could reach many devices or patients at once, and what stops it.",
            ViewKind::UpdateabilityPatchability => {
                "How updates and patches travel end to end, are authenticated, installed and rolled back."
            }
            ViewKind::SecurityUseCases => "The security-relevant use cases, each with its flows of data and commands.",
        }
    }
}

/// Where an architecture view stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViewStatus {
    #[default]
    NotStarted,
    Drafting,
    Done,
}

impl ViewStatus {
    pub const ALL: [ViewStatus; 3] = [ViewStatus::NotStarted, ViewStatus::Drafting, ViewStatus::Done];

    pub fn label(self) -> &'static str {
        match self {
            ViewStatus::NotStarted => "Not started",
            ViewStatus::Drafting => "Drafting",
            ViewStatus::Done => "Done",
        }
    }
}

/// One architecture view as the team plans it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchitectureView {
    /// What it shows for this product.
    pub shows: String,
    /// Where it lives: a document id or reference ("ARC-0012 rev B").
    pub location: String,
    pub status: ViewStatus,
}

/// A text of an architecture view, for [`super::Plan::set_view_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewText {
    Shows,
    Location,
}

/// The four views, one field each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchitectureViews {
    pub global_system: ArchitectureView,
    pub multi_patient_harm: ArchitectureView,
    pub updateability_patchability: ArchitectureView,
    pub security_use_cases: ArchitectureView,
}

impl ArchitectureViews {
    pub fn get(&self, kind: ViewKind) -> &ArchitectureView {
        match kind {
            ViewKind::GlobalSystem => &self.global_system,
            ViewKind::MultiPatientHarm => &self.multi_patient_harm,
            ViewKind::UpdateabilityPatchability => &self.updateability_patchability,
            ViewKind::SecurityUseCases => &self.security_use_cases,
        }
    }

    pub fn get_mut(&mut self, kind: ViewKind) -> &mut ArchitectureView {
        match kind {
            ViewKind::GlobalSystem => &mut self.global_system,
            ViewKind::MultiPatientHarm => &mut self.multi_patient_harm,
            ViewKind::UpdateabilityPatchability => &mut self.updateability_patchability,
            ViewKind::SecurityUseCases => &mut self.security_use_cases,
        }
    }
}

/// An MDS2 answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mds2Value {
    Yes,
    No,
    NotApplicable,
}

impl Mds2Value {
    pub const ALL: [Mds2Value; 3] = [Mds2Value::Yes, Mds2Value::No, Mds2Value::NotApplicable];

    /// As the workbook takes it.
    pub fn label(self) -> &'static str {
        match self {
            Mds2Value::Yes => "Yes",
            Mds2Value::No => "No",
            Mds2Value::NotApplicable => "N/A",
        }
    }
}

/// The team's answer to one MDS2 question, which replaces the one drafted
/// from the plan. Only questions the team has edited or confirmed are
/// stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mds2Answer {
    /// The question's id ("AUDT-2", "DOC-8"), see `plan::premarket::mds2`.
    pub question_id: String,
    /// `None` (null): left blank on purpose.
    pub answer: Option<Mds2Value>,
    pub note: String,
    /// The team has checked this answer.
    pub confirmed: bool,
}

/// The premarket and customer documentation the team keeps in the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Premarket {
    /// Why a security control category does not apply, per category.
    pub not_applicable: CategoryReasons,
    pub architecture: ArchitectureViews,
    /// The MDS2 answers the team has edited or confirmed, at most one per question.
    pub mds2: Vec<Mds2Answer>,
}

/// The longest MDS2 question id.
pub const MAX_QUESTION_ID_LEN: usize = 32;

/// An MDS2 question id as the form numbers them ("AUDT-2.8.1"): letters,
/// digits, hyphens and dots, 1 to [`MAX_QUESTION_ID_LEN`] of them.
pub fn is_question_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_QUESTION_ID_LEN && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}
