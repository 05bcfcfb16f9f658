//! The plan's single free texts (not the ones inside list items), as one
//! table. Views edit them through [`Plan::set_text`]; validation and repair
//! walk [`PlanText::ALL`], so a new text is checked and repaired the moment
//! it is added here.

use super::Plan;

/// One free text of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    Name,
    Product,
    Summary,
    Budget,
    People,
    Activities,
    SafetyRisk,
    Acceptability,
    ThirdParty,
    Updates,
    Disclosure,
    Suppliers,
    Roles,
    SbomWhen,
    SbomOwner,
    DisclosureContact,
    SbomAccess,
}

/// How long a text may be, and whether it may be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// At most `MAX_NAME_LEN` characters; `required` ones must not be blank.
    Name { required: bool },
    /// At most `MAX_TEXT_LEN` characters.
    Text,
}

impl PlanText {
    pub const ALL: [PlanText; 17] = [
        PlanText::Name,
        PlanText::Product,
        PlanText::Summary,
        PlanText::Budget,
        PlanText::People,
        PlanText::Activities,
        PlanText::SafetyRisk,
        PlanText::Acceptability,
        PlanText::ThirdParty,
        PlanText::Updates,
        PlanText::Disclosure,
        PlanText::Suppliers,
        PlanText::Roles,
        PlanText::SbomWhen,
        PlanText::SbomOwner,
        PlanText::DisclosureContact,
        PlanText::SbomAccess,
    ];

    /// Where it lives in a plan file (validation messages' technical detail).
    pub fn path(self) -> &'static str {
        match self {
            PlanText::Name => "name",
            PlanText::Product => "project/product",
            PlanText::Summary => "project/description",
            PlanText::Budget => "project/resources/budget",
            PlanText::People => "project/resources/people",
            PlanText::Activities => "project/resources/activities",
            PlanText::SafetyRisk => "management/security_and_safety_risk",
            PlanText::Acceptability => "management/risk_acceptability",
            PlanText::ThirdParty => "management/third_party_monitoring",
            PlanText::Updates => "management/update_and_rollback",
            PlanText::Disclosure => "management/vulnerability_disclosure",
            PlanText::Suppliers => "management/suppliers",
            PlanText::Roles => "management/roles_and_responsibilities",
            PlanText::SbomWhen => "management/sbom/generated_when",
            PlanText::SbomOwner => "management/sbom/owner",
            PlanText::DisclosureContact => "management/disclosure_contact",
            PlanText::SbomAccess => "management/sbom/customer_access",
        }
    }

    pub fn kind(self) -> TextKind {
        match self {
            PlanText::Name => TextKind::Name { required: true },
            PlanText::Product | PlanText::DisclosureContact => TextKind::Name { required: false },
            _ => TextKind::Text,
        }
    }
}

impl Plan {
    pub fn text(&self, field: PlanText) -> &String {
        let (p, m) = (&self.project, &self.management);
        match field {
            PlanText::Name => &self.name,
            PlanText::Product => &p.product,
            PlanText::Summary => &p.description,
            PlanText::Budget => &p.resources.budget,
            PlanText::People => &p.resources.people,
            PlanText::Activities => &p.resources.activities,
            PlanText::SafetyRisk => &m.security_and_safety_risk,
            PlanText::Acceptability => &m.risk_acceptability,
            PlanText::ThirdParty => &m.third_party_monitoring,
            PlanText::Updates => &m.update_and_rollback,
            PlanText::Disclosure => &m.vulnerability_disclosure,
            PlanText::Suppliers => &m.suppliers,
            PlanText::Roles => &m.roles_and_responsibilities,
            PlanText::SbomWhen => &m.sbom.generated_when,
            PlanText::SbomOwner => &m.sbom.owner,
            PlanText::DisclosureContact => &m.disclosure_contact,
            PlanText::SbomAccess => &m.sbom.customer_access,
        }
    }

    /// For repair, which rewrites texts in place; views use [`Plan::set_text`].
    pub(crate) fn text_mut(&mut self, field: PlanText) -> &mut String {
        let (p, m) = (&mut self.project, &mut self.management);
        match field {
            PlanText::Name => &mut self.name,
            PlanText::Product => &mut p.product,
            PlanText::Summary => &mut p.description,
            PlanText::Budget => &mut p.resources.budget,
            PlanText::People => &mut p.resources.people,
            PlanText::Activities => &mut p.resources.activities,
            PlanText::SafetyRisk => &mut m.security_and_safety_risk,
            PlanText::Acceptability => &mut m.risk_acceptability,
            PlanText::ThirdParty => &mut m.third_party_monitoring,
            PlanText::Updates => &mut m.update_and_rollback,
            PlanText::Disclosure => &mut m.vulnerability_disclosure,
            PlanText::Suppliers => &mut m.suppliers,
            PlanText::Roles => &mut m.roles_and_responsibilities,
            PlanText::SbomWhen => &mut m.sbom.generated_when,
            PlanText::SbomOwner => &mut m.sbom.owner,
            PlanText::DisclosureContact => &mut m.disclosure_contact,
            PlanText::SbomAccess => &mut m.sbom.customer_access,
        }
    }

    pub fn set_text(&mut self, field: PlanText, value: String) {
        *self.text_mut(field) = value;
    }
}
