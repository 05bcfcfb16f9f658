//! The JSP's own examples, used to seed a new plan so a workshop never starts
//! from a blank page. Preset ids are fixed and readable; ids the user creates
//! are random (see [`crate::common::ids::new_id`]).

use crate::plan::model::*;

/// The stakeholder groups named by JSP2 section A.2.
pub fn stakeholders() -> Vec<Stakeholder> {
    [
        ("sh-patients", "Patients", "People treated with or using the device, often at home."),
        ("sh-clinicians", "Clinicians", "Doctors, nurses and other end users in care settings."),
        ("sh-hospital-it", "Hospital IT / HDO staff", "Healthcare delivery organisation IT and security teams."),
        ("sh-field-service", "Field service", "Service staff who install, maintain and repair the product."),
        ("sh-regulators", "Regulators", "Authorities approving the product in each jurisdiction."),
    ]
    .into_iter()
    .map(|(id, name, description)| Stakeholder { id: id.into(), name: name.into(), description: description.into() })
    .collect()
}

/// The JSP's example security needs, each with the stakeholder that voiced it.
pub fn example_needs() -> Vec<(SecurityNeed, &'static str)> {
    [
        ("nd-updates-no-steps", "Security updates that need no technical steps from the patient", "sh-patients"),
        ("nd-no-workflow-disruption", "Security controls that do not disrupt clinical workflow", "sh-clinicians"),
        ("nd-patch-schedule", "A predictable patch schedule", "sh-hospital-it"),
        ("nd-access-roles", "Role-based access for users and administrators", "sh-hospital-it"),
        ("nd-sbom", "A software bill of materials (SBOM) with each release", "sh-hospital-it"),
        ("nd-remote-access", "A clear, secure remote access process for service", "sh-field-service"),
        ("nd-compliance-proof", "Proof of compliance with the standards of each jurisdiction", "sh-regulators"),
    ]
    .into_iter()
    .map(|(id, text, stakeholder)| (SecurityNeed { id: id.into(), text: text.into(), user_need_ids: Vec::new() }, stakeholder))
    .collect()
}

fn checklist(items: &[(&str, &str)]) -> Vec<ChecklistItem> {
    items.iter().map(|(id, label)| ChecklistItem { id: (*id).into(), label: (*label).into(), done: false }).collect()
}

/// A.1 inputs named by the JSP.
pub fn project_inputs() -> Vec<ChecklistItem> {
    checklist(&[("in-charter", "Project charter"), ("in-user-needs", "Early user needs"), ("in-jsp", "The Joint Security Plan (JSP2)")])
}

/// A.1 outputs named by the JSP.
pub fn project_outputs() -> Vec<ChecklistItem> {
    checklist(&[
        ("out-dev-plan", "Development Plan or Change Impact Assessment"),
        ("out-smp-update", "Updates to the Security Management Plan"),
    ])
}

/// The Change Impact Assessment questionnaire: what a major addition or a
/// maintenance release must answer to decide which security activities it needs.
pub const IMPACT_QUESTIONS: &[(&str, &str)] = &[
    ("cia-interfaces", "Does the change add or modify external interfaces, network connections or protocols?"),
    ("cia-data", "Does it change how patient or other sensitive data is stored, processed or transmitted?"),
    ("cia-components", "Does it add or update third-party or open-source components?"),
    ("cia-access", "Does it affect authentication, authorisation or user roles?"),
    ("cia-update", "Does it change how the product is updated, installed or rolled back?"),
    ("cia-safety", "Could a security failure in the changed parts affect safety or essential performance?"),
    ("cia-threat-model", "Do the threat model and security risk assessment need updating?"),
];

/// A 5 x 5 exploitability x severity grid in the shape common to AAMI TIR57 / SW96
/// practice: acceptable in the low corner, unacceptable in the high one, review between.
pub fn criteria_5x5() -> RiskCriteria {
    let likelihood_levels = ["Remote", "Unlikely", "Possible", "Likely", "Frequent"];
    let severity_levels = ["Negligible", "Minor", "Serious", "Critical", "Catastrophic"];
    let zones = (1..=5)
        .map(|l| {
            (1..=5)
                .map(|s| match l + s {
                    ..=4 => Zone::Acceptable,
                    5..=7 => Zone::Review,
                    _ => Zone::Unacceptable,
                })
                .collect()
        })
        .collect();
    RiskCriteria {
        axis: LikelihoodAxis::Exploitability,
        likelihood_levels: likelihood_levels.map(String::from).to_vec(),
        severity_levels: severity_levels.map(String::from).to_vec(),
        zones,
        removed_likelihood_levels: Vec::new(),
        removed_severity_levels: Vec::new(),
    }
}

/// A grid from level names and a rule giving each cell's zone from its
/// 1-based (likelihood, severity).
fn grid(axis: LikelihoodAxis, likelihood: &[&str], severity: &[&str], zone: impl Fn(usize, usize) -> Zone) -> RiskCriteria {
    RiskCriteria {
        axis,
        likelihood_levels: likelihood.iter().map(|s| s.to_string()).collect(),
        severity_levels: severity.iter().map(|s| s.to_string()).collect(),
        zones: (1..=likelihood.len()).map(|l| (1..=severity.len()).map(|s| zone(l, s)).collect()).collect(),
        removed_likelihood_levels: Vec::new(),
        removed_severity_levels: Vec::new(),
    }
}

/// Starting points for the risk acceptability grid, by name.
pub fn grid_presets() -> Vec<(&'static str, RiskCriteria)> {
    use LikelihoodAxis::*;
    use Zone::*;
    vec![
        ("Security 5 × 5: exploitability × severity (AAMI TIR57 / SW96 practice)", criteria_5x5()),
        (
            "Security 3 × 3: exploitability × severity",
            grid(Exploitability, &["Low", "Medium", "High"], &["Minor", "Serious", "Critical"], |l, s| match l + s {
                ..=3 => Acceptable,
                4 => Review,
                _ => Unacceptable,
            }),
        ),
        (
            "Security 4 × 4: exploitability × severity",
            grid(
                Exploitability,
                &["Remote", "Unlikely", "Likely", "Frequent"],
                &["Minor", "Serious", "Critical", "Catastrophic"],
                |l, s| match l + s {
                    ..=4 => Acceptable,
                    5 | 6 => Review,
                    _ => Unacceptable,
                },
            ),
        ),
        (
            "Safety 5 × 5: probability of harm × severity (ISO 14971 practice)",
            grid(
                Likelihood,
                &["Improbable", "Remote", "Occasional", "Probable", "Frequent"],
                &["Negligible", "Minor", "Serious", "Critical", "Catastrophic"],
                |l, s| match l * s {
                    ..=4 => Acceptable,
                    5..=9 => Review,
                    _ => Unacceptable,
                },
            ),
        ),
    ]
}

/// The index in [`grid_presets`] of the preset the grid is now, if any: the
/// same axis, level names and zones (what shrinking the grid keeps aside
/// does not count). The preset selector shows it, or that none matches.
pub fn matching_preset(criteria: &RiskCriteria) -> Option<usize> {
    grid_presets().iter().position(|(_, p)| {
        p.axis == criteria.axis
            && p.likelihood_levels == criteria.likelihood_levels
            && p.severity_levels == criteria.severity_levels
            && p.zones == criteria.zones
    })
}

/// The people the JSP says should be in the room.
pub fn roles() -> Vec<Role> {
    [
        ("role-product-manager", "Product manager"),
        ("role-engineering", "Engineering"),
        ("role-raqa", "RA/QA"),
        ("role-product-security", "Product security"),
        ("role-executive", "Executive sponsor"),
        ("role-sales-marketing", "Sales and marketing"),
        ("role-service-manufacturing", "Service and manufacturing"),
        ("role-clinician", "Clinician / end user"),
    ]
    .into_iter()
    .map(|(id, name)| Role { id: id.into(), name: name.into() })
    .collect()
}

/// The Concept Phase activities of the RACI matrix.
pub fn activities() -> Vec<Activity> {
    [
        ("act-a1", "A.1 Release / change project planning"),
        ("act-resources", "Commit security resources"),
        ("act-a2", "A.2 Stakeholder security needs"),
        ("act-a3", "A.3 Security management plan"),
        ("act-criteria", "Risk acceptability criteria"),
        ("act-register", "Risk register"),
    ]
    .into_iter()
    .map(|(id, name)| Activity { id: id.into(), name: name.into() })
    .collect()
}

/// A new plan seeded with the presets above.
pub fn new_plan(id: String, name: String, now: String) -> Plan {
    Plan {
        id,
        name,
        created_at: now.clone(),
        updated_at: now,
        document: DocumentControl::default(),
        project: ProjectPlanning {
            product: String::new(),
            scope: None,
            description: String::new(),
            inputs: project_inputs(),
            outputs: project_outputs(),
            resources: Resources::default(),
            change_impact: Vec::new(),
            end_of_support: String::new(),
            cyber_device: None,
        },
        stakeholders: stakeholders(),
        needs: Vec::new(),
        need_links: Vec::new(),
        user_needs: Vec::new(),
        management: ManagementPlan::default(),
        criteria: criteria_5x5(),
        controls: Vec::new(),
        components: Vec::new(),
        premarket: Default::default(),
        revisions: Default::default(),
        risks: Vec::new(),
        roles: roles(),
        activities: activities(),
        raci: Vec::new(),
    }
}
