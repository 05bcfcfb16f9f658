//! The JSP2 framework as an assessment scores it: each component of the
//! secure product development lifecycle with its activities, then the JSP's
//! cross-cutting aims, in the order the reference lays them out.
//!
//! The table is data, not types: an assessment file names an activity by its
//! stable id ("concept.a1"), so renaming an activity or rewording a question
//! never breaks a file. Ids are never reused for something else; an activity
//! dropped from the framework would need a format version (files naming it
//! would be refused as unknown).
//!
//! The questions are ours, not the JSP's text: each is meant to be read out
//! in a workshop and answered with a level (see [`super::level`]).

/// One part of the framework: a lifecycle component or a cross-cutting aim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Component {
    /// Stable id, the prefix of its activities' ids ("concept").
    pub id: &'static str,
    /// As people say it ("Risk management").
    pub name: &'static str,
    /// One of the JSP's cross-cutting aims rather than a lifecycle component.
    pub cross_cutting: bool,
    pub activities: &'static [Activity],
}

/// One activity a team scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    /// Stable id written in files ("concept.a2").
    pub id: &'static str,
    /// As the app and every message name it ("A.2 Voice of the customer").
    pub name: &'static str,
    /// The plain question a team answers in a workshop.
    pub question: &'static str,
}

const fn a(id: &'static str, name: &'static str, question: &'static str) -> Activity {
    Activity { id, name, question }
}

/// The whole framework, lifecycle first, in the reference's order.
pub const COMPONENTS: &[Component] = &[
    Component {
        id: "concept",
        name: "Concept",
        cross_cutting: false,
        activities: &[
            a(
                "concept.a1",
                "A.1 Release / change project planning",
                "When a release or change project starts, do you decide its scope, commit the money and people its security \
                 work needs, and update the security management plan to match?",
            ),
            a(
                "concept.a2",
                "A.2 Voice of the customer",
                "Do you collect the security needs of patients, clinicians, hospital IT, field service and regulators, and \
                 turn them into user needs?",
            ),
            a(
                "concept.a3",
                "A.3 Security management planning",
                "Does each product have a living security management plan that sets risk acceptability criteria, patching, \
                 disclosure, supplier expectations and who does what?",
            ),
        ],
    },
    Component {
        id: "risk",
        name: "Risk management",
        cross_cutting: false,
        activities: &[
            a(
                "risk.design_assessment",
                "Security design risk assessment",
                "Do you assess the security risks of each design (threats, vulnerabilities, exploitability and impact) and \
                 decide how each is controlled?",
            ),
            a(
                "risk.safety_integration",
                "Security integrated into safety risk assessment",
                "When a security risk could lead to harm, does it reach the safety risk assessment, and do the two teams \
                 work from one picture?",
            ),
            a(
                "risk.summary_approval",
                "Risk management summary approval",
                "Before release, does someone accountable review and sign the summary of residual security risk, with the \
                 reasons it is acceptable?",
            ),
        ],
    },
    Component {
        id: "supplier",
        name: "Supplier management",
        cross_cutting: false,
        activities: &[
            a(
                "supplier.purchasing",
                "Purchasing",
                "When you buy software, hardware or services, or take in open-source components, do you weigh their \
                 security before choosing?",
            ),
            a(
                "supplier.management",
                "Supplier management",
                "Do your contracts and agreements say what security you expect of suppliers, including telling you about \
                 vulnerabilities?",
            ),
            a(
                "supplier.performance",
                "Performance management",
                "Do you check that important suppliers keep to those security expectations, and act when they do not?",
            ),
        ],
    },
    Component {
        id: "design",
        name: "Design and development",
        cross_cutting: false,
        activities: &[
            a(
                "design.requirements",
                "Security requirements",
                "Are security requirements written as design inputs, traced to the risks and needs they answer, and \
                 reviewed like any other requirement?",
            ),
            a(
                "design.architecture",
                "Architecture review and threat modelling",
                "Do you review the architecture and keep a threat model that is updated when the design changes?",
            ),
            a(
                "design.implementation",
                "Secure implementation",
                "Do developers follow secure coding practice, with reviews and tests run as the code is written?",
            ),
            a(
                "design.transfer",
                "Secure transfer to manufacturing",
                "When the product goes to manufacturing, are keys, configuration and software images handled so that \
                 nothing can be tampered with?",
            ),
        ],
    },
    Component {
        id: "vv",
        name: "Verification and validation",
        cross_cutting: false,
        activities: &[
            a(
                "vv.control_testing",
                "Security control testing",
                "Do you test that every security control works as specified, with a record of each result?",
            ),
            a(
                "vv.vulnerability_testing",
                "Vulnerability testing",
                "Do you scan for known vulnerabilities, analyse third-party components and fuzz the interfaces before \
                 each release?",
            ),
            a(
                "vv.penetration_testing",
                "Penetration testing",
                "Do independent testers try to break into the product before release, and are their findings fixed or \
                 risk-assessed?",
            ),
        ],
    },
    Component {
        id: "maintenance",
        name: "Maintenance",
        cross_cutting: false,
        activities: &[
            a(
                "maintenance.monitoring",
                "Vulnerability monitoring",
                "Do you watch for new vulnerabilities in your products and their third-party components, and assess each \
                 one for risk?",
            ),
            a(
                "maintenance.patching",
                "Patching",
                "Do you release security updates within a time set by their risk, and help customers install them?",
            ),
            a(
                "maintenance.incident_response",
                "Incident response",
                "When a product is attacked or a vulnerability is exploited, do you have a rehearsed plan and people ready \
                 to act?",
            ),
            a(
                "maintenance.disclosure",
                "Coordinated vulnerability disclosure",
                "Can researchers and customers report vulnerabilities to you easily, and do you handle and publish them \
                 in a coordinated way?",
            ),
            a(
                "maintenance.communication",
                "Customer communication",
                "Do customers hear from you promptly and clearly about vulnerabilities and incidents that affect them, and \
                 what to do?",
            ),
        ],
    },
    Component {
        id: "transparency",
        name: "Transparency to customers",
        cross_cutting: true,
        activities: &[
            a(
                "transparency.sbom",
                "Software bill of materials (SBOM)",
                "Do you give customers an up-to-date SBOM for each product, with support status of its components?",
            ),
            a(
                "transparency.mds2",
                "MDS2 form",
                "Do you give customers a complete, current MDS2 form for each product without them having to chase it?",
            ),
        ],
    },
    Component {
        id: "legacy",
        name: "End of life and legacy products",
        cross_cutting: true,
        activities: &[
            a(
                "legacy.end_of_support",
                "End-of-support planning",
                "Do you decide and announce, well in advance, when each product stops getting security updates?",
            ),
            a(
                "legacy.legacy_risk",
                "Legacy product risk",
                "For products past or near end of support, do you assess their risk and tell customers how to keep using \
                 them safely?",
            ),
        ],
    },
    Component {
        id: "governance",
        name: "Governance and continuous improvement",
        cross_cutting: true,
        activities: &[
            a(
                "governance.structure",
                "Governance structure",
                "Is there a named owner of product security with the authority and budget to run it across the \
                 organisation?",
            ),
            a(
                "governance.maturity",
                "Maturity assessment and milestones",
                "Do you assess your maturity against the JSP regularly and set dated milestones for closing the gaps?",
            ),
            a(
                "governance.improvement",
                "Continuous improvement",
                "Do lessons from incidents, audits and assessments change how you work, and do you check that they did?",
            ),
        ],
    },
];

/// Every activity, in framework order.
pub fn activities() -> impl Iterator<Item = &'static Activity> {
    COMPONENTS.iter().flat_map(|c| c.activities.iter())
}

/// The activity with this id, and its component.
pub fn find(id: &str) -> Option<(&'static Component, &'static Activity)> {
    COMPONENTS.iter().find_map(|c| c.activities.iter().find(|a| a.id == id).map(|a| (c, a)))
}

/// An activity's place in the framework (0 for the first), for sorting;
/// unknown ids sort last.
pub fn position(id: &str) -> usize {
    activities().position(|a| a.id == id).unwrap_or(usize::MAX)
}

/// The component with this id.
pub fn component(id: &str) -> Option<&'static Component> {
    COMPONENTS.iter().find(|c| c.id == id)
}
