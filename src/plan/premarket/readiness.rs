//! Premarket readiness: each element of the documentation FDA's premarket
//! cybersecurity guidance recommends, with what in the plan feeds it, its
//! state decided by written rules (never a tick box), the gaps that keep it
//! from being drafted, and whether it applies to this project.
//!
//! The rule every element follows: it has a list of checks, each met or
//! not by the plan's data (the checks are listed per element below and in
//! `docs/READINESS.md`). **Drafted**: every check is met, so the plan holds
//! what the element needs to be written. **Started**: at least one check is
//! met. **Missing**: none is. Each unmet check is a [`Gap`] whose target is
//! the field to fill. The cybersecurity risk management report is drafted
//! when all six of its parts are, missing when all are missing, and started
//! otherwise; its gaps are its parts'.
//!
//! Which elements apply: a cyber device (section 524B, A.1's answer) adds
//! three; when the answer is not decided they are [`Applies::Undecided`]
//! and the decision is a gap; when the product is not a cyber device they
//! do not apply. A maintenance project (A.1's scope) keeps the product's
//! architecture views as they are: that element does not apply (the
//! Change Impact Assessment says whether the architecture changes). When
//! the scope is not chosen every element applies.

use super::coverage::{coverage_gaps, uncategorised};
use super::{filled, Gap, Target};
use crate::common::words::count;
use crate::plan::deliverables::Fix;
use crate::plan::model::{ControlKind, ControlStatus, Plan, PlanText, Scope, SupportLevel, ViewKind, ViewStatus, Zone};

/// The elements, in the guidance's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementId {
    RiskManagementReport,
    ThreatModel,
    RiskAssessment,
    Sbom,
    VulnerabilityAssessment,
    UnresolvedAnomalies,
    Traceability,
    Metrics,
    ArchitectureViews,
    SecurityRequirements,
    Testing,
    Labeling,
    ManagementPlans,
    PostmarketPlan,
    ReasonableAssurance,
    CyberDeviceSbom,
}

impl ElementId {
    pub const ALL: [ElementId; 16] = [
        ElementId::RiskManagementReport,
        ElementId::ThreatModel,
        ElementId::RiskAssessment,
        ElementId::Sbom,
        ElementId::VulnerabilityAssessment,
        ElementId::UnresolvedAnomalies,
        ElementId::Traceability,
        ElementId::Metrics,
        ElementId::ArchitectureViews,
        ElementId::SecurityRequirements,
        ElementId::Testing,
        ElementId::Labeling,
        ElementId::ManagementPlans,
        ElementId::PostmarketPlan,
        ElementId::ReasonableAssurance,
        ElementId::CyberDeviceSbom,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ElementId::RiskManagementReport => "Cybersecurity risk management report",
            ElementId::ThreatModel => "Threat model",
            ElementId::RiskAssessment => "Cybersecurity risk assessment",
            ElementId::Sbom => "Software bill of materials (SBOM)",
            ElementId::VulnerabilityAssessment => "Vulnerability assessment and software support",
            ElementId::UnresolvedAnomalies => "Unresolved anomalies assessment",
            ElementId::Traceability => "Traceability: threat model, risks, SBOM and tests",
            ElementId::Metrics => "Cybersecurity measures and metrics",
            ElementId::ArchitectureViews => "Architecture views",
            ElementId::SecurityRequirements => "Security requirements",
            ElementId::Testing => "Cybersecurity testing",
            ElementId::Labeling => "Labeling",
            ElementId::ManagementPlans => "Cybersecurity management plans",
            ElementId::PostmarketPlan => "Postmarket monitoring and coordinated vulnerability disclosure plan",
            ElementId::ReasonableAssurance => "Processes giving reasonable assurance of cybersecurity",
            ElementId::CyberDeviceSbom => "SBOM for a cyber device (section 524B)",
        }
    }

    /// A stable word for the element (an anchor, a test id): "threat-model".
    pub fn key(self) -> &'static str {
        match self {
            ElementId::RiskManagementReport => "risk-management-report",
            ElementId::ThreatModel => "threat-model",
            ElementId::RiskAssessment => "risk-assessment",
            ElementId::Sbom => "sbom",
            ElementId::VulnerabilityAssessment => "vulnerability-assessment",
            ElementId::UnresolvedAnomalies => "unresolved-anomalies",
            ElementId::Traceability => "traceability",
            ElementId::Metrics => "metrics",
            ElementId::ArchitectureViews => "architecture-views",
            ElementId::SecurityRequirements => "security-requirements",
            ElementId::Testing => "testing",
            ElementId::Labeling => "labeling",
            ElementId::ManagementPlans => "management-plans",
            ElementId::PostmarketPlan => "postmarket-plan",
            ElementId::ReasonableAssurance => "reasonable-assurance",
            ElementId::CyberDeviceSbom => "cyber-device-sbom",
        }
    }

    /// The element it is a part of: the parts of the risk management report.
    pub fn parent(self) -> Option<ElementId> {
        match self {
            ElementId::ThreatModel
            | ElementId::RiskAssessment
            | ElementId::Sbom
            | ElementId::VulnerabilityAssessment
            | ElementId::UnresolvedAnomalies
            | ElementId::Traceability => Some(ElementId::RiskManagementReport),
            _ => None,
        }
    }

    /// Only for a cyber device (section 524B).
    pub fn cyber_device_only(self) -> bool {
        matches!(self, ElementId::PostmarketPlan | ElementId::ReasonableAssurance | ElementId::CyberDeviceSbom)
    }

    /// The rule that decides its state, in words (the view shows it beside the state).
    pub fn rule(self) -> &'static str {
        match self {
            ElementId::RiskManagementReport => "Drafted when all six parts are drafted; missing when all are missing.",
            ElementId::ThreatModel => {
                "Risk entries exist, each names its asset and threat, the Global System view is under way, and the plan says how security risk is assessed alongside safety risk."
            }
            ElementId::RiskAssessment => {
                "The grid has acceptable and unacceptable cells, the acceptability rationale is written, and every risk is rated before and after controls."
            }
            ElementId::Sbom => "A format is chosen, when it is generated and who owns it are named, and the component register lists components.",
            ElementId::VulnerabilityAssessment => {
                "Third-party monitoring is described, the product's end of support is set, and every component has a known level of support, an end-of-support date and monitoring."
            }
            ElementId::UnresolvedAnomalies => {
                "Every risk has a treatment and every residual risk that needs acceptance has its rationale, approver and date."
            }
            ElementId::Traceability => {
                "Risk entries exist, the chain from need to verified control has no gap, and components are linked to the risks they bear on."
            }
            ElementId::Metrics => {
                "Third-party monitoring, the update and rollback strategy and coordinated disclosure are described (they set the time to patch and to field)."
            }
            ElementId::ArchitectureViews => "Each of the four views says what it shows, where it lives, and is at least being drafted.",
            ElementId::SecurityRequirements => {
                "Controls exist, each carries a security control category, every category is covered or ruled out, and the security needs are folded into user needs."
            }
            ElementId::Testing => "Controls exist, each has a verification reference, and at least one is verified.",
            ElementId::Labeling => {
                "A labelling control exists, and the update strategy, the disclosure contact, how customers get the SBOM and the end of support are set."
            }
            ElementId::ManagementPlans => {
                "Third-party monitoring, updates and rollback, coordinated disclosure with its contact, and roles and responsibilities are described."
            }
            ElementId::PostmarketPlan => {
                "Third-party monitoring and coordinated disclosure are described, the disclosure contact is set, and every component is monitored."
            }
            ElementId::ReasonableAssurance => {
                "Security risk alongside safety risk, supplier expectations, the update strategy, roles and responsibilities, and the security activities (A.1) are described."
            }
            ElementId::CyberDeviceSbom => {
                "A format is chosen, the register lists components, and each component names its version and supplier and has a known level of support."
            }
        }
    }
}

/// How far the plan holds what an element needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Missing,
    Started,
    Drafted,
}

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Missing => "Missing",
            State::Started => "Started",
            State::Drafted => "Drafted",
        }
    }
}

/// Whether an element applies to this project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    Yes,
    /// It does not, and why.
    No(&'static str),
    /// It depends on an answer not given yet (the cyber device question).
    Undecided(&'static str),
}

/// Something in the plan that feeds an element: what it is, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub label: &'static str,
    pub target: Target,
}

/// One row of the readiness view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub id: ElementId,
    pub applies: Applies,
    pub state: State,
    /// What in the plan feeds it.
    pub feeds: Vec<Feed>,
    /// What keeps it from being drafted, each linking to the field to fill.
    pub gaps: Vec<Gap>,
}

impl Element {
    pub fn title(&self) -> &'static str {
        self.id.title()
    }

    pub fn applies(&self) -> bool {
        self.applies == Applies::Yes
    }
}

/// Every element in the guidance's order (the report's parts right after it).
pub fn readiness(plan: &Plan) -> Vec<Element> {
    let mut out: Vec<Element> =
        ElementId::ALL.iter().filter(|id| **id != ElementId::RiskManagementReport).map(|id| element(plan, *id)).collect();
    let parts: Vec<State> = out.iter().filter(|e| e.id.parent() == Some(ElementId::RiskManagementReport)).map(|e| e.state).collect();
    let state = if parts.iter().all(|s| *s == State::Drafted) {
        State::Drafted
    } else if parts.iter().all(|s| *s == State::Missing) {
        State::Missing
    } else {
        State::Started
    };
    let feeds = out
        .iter()
        .filter(|e| e.id.parent().is_some())
        .map(|e| Feed { label: e.id.title(), target: e.feeds.first().map_or(Target::Plan(Fix::NewRisk), |f| f.target.clone()) })
        .collect();
    out.insert(0, Element { id: ElementId::RiskManagementReport, applies: Applies::Yes, state, feeds, gaps: Vec::new() });
    out
}

/// Whether `id` applies, by A.1's scope and cyber device answer.
pub fn applies(plan: &Plan, id: ElementId) -> Applies {
    if id.cyber_device_only() {
        return match plan.project.cyber_device {
            Some(true) => Applies::Yes,
            Some(false) => Applies::No("The product is not a cyber device (section 524B)."),
            None => Applies::Undecided("Applies if the product is a cyber device (section 524B): decide in A.1."),
        };
    }
    if id == ElementId::ArchitectureViews && plan.project.scope == Some(Scope::Maintenance) {
        return Applies::No("A maintenance release keeps the product's architecture views, unless the change alters the architecture.");
    }
    Applies::Yes
}

/// Collects one element's checks.
struct Checks {
    met: usize,
    gaps: Vec<Gap>,
    feeds: Vec<Feed>,
}

impl Checks {
    fn require(&mut self, ok: bool, target: Target, text: impl Into<String>) {
        if ok {
            self.met += 1;
        } else {
            self.gaps.push(Gap { text: text.into(), target });
        }
    }

    fn text(&mut self, plan: &Plan, field: PlanText, what: &str) {
        self.require(filled(plan.text(field)), Target::Plan(Fix::Text(field)), format!("Describe {what}."));
    }

    fn feed(&mut self, label: &'static str, target: Target) {
        self.feeds.push(Feed { label, target });
    }
}

fn element(plan: &Plan, id: ElementId) -> Element {
    let mut c = Checks { met: 0, gaps: Vec::new(), feeds: Vec::new() };
    match id {
        ElementId::RiskManagementReport => {}
        ElementId::ThreatModel => threat_model(plan, &mut c),
        ElementId::RiskAssessment => risk_assessment(plan, &mut c),
        ElementId::Sbom => sbom(plan, &mut c),
        ElementId::VulnerabilityAssessment => vulnerability_assessment(plan, &mut c),
        ElementId::UnresolvedAnomalies => unresolved_anomalies(plan, &mut c),
        ElementId::Traceability => traceability(plan, &mut c),
        ElementId::Metrics => {
            c.feed("A.3 third-party component vulnerabilities", Target::Plan(Fix::Text(PlanText::ThirdParty)));
            c.text(
                plan,
                PlanText::ThirdParty,
                "how third-party vulnerabilities are monitored and patched (the share patched, the time to patch)",
            );
            c.feed("A.3 update and rollback strategy", Target::Plan(Fix::Text(PlanText::Updates)));
            c.text(plan, PlanText::Updates, "how updates reach the field (the time from patch to field)");
            c.feed("A.3 coordinated vulnerability disclosure", Target::Plan(Fix::Text(PlanText::Disclosure)));
            c.text(plan, PlanText::Disclosure, "coordinated vulnerability disclosure");
        }
        ElementId::ArchitectureViews => {
            for view in ViewKind::ALL {
                let v = plan.premarket.architecture.get(view);
                c.feed(view.label(), Target::View(view));
                c.require(
                    filled(&v.shows) && filled(&v.location) && v.status != ViewStatus::NotStarted,
                    Target::View(view),
                    format!("{} view: say what it shows and where it lives, and start it.", view.label()),
                );
            }
        }
        ElementId::SecurityRequirements => security_requirements(plan, &mut c),
        ElementId::Testing => testing(plan, &mut c),
        ElementId::Labeling => labeling(plan, &mut c),
        ElementId::ManagementPlans => {
            for (field, label, what) in [
                (
                    PlanText::ThirdParty,
                    "A.3 third-party component vulnerabilities",
                    "how third-party component vulnerabilities are monitored",
                ),
                (PlanText::Updates, "A.3 update and rollback strategy", "the update and rollback strategy"),
                (PlanText::Disclosure, "A.3 coordinated vulnerability disclosure", "coordinated vulnerability disclosure"),
                (PlanText::Roles, "A.3 roles and responsibilities", "roles and responsibilities"),
            ] {
                c.feed(label, Target::Plan(Fix::Text(field)));
                c.text(plan, field, what);
            }
            contact(plan, &mut c);
        }
        ElementId::PostmarketPlan => {
            c.feed("A.3 third-party component vulnerabilities", Target::Plan(Fix::Text(PlanText::ThirdParty)));
            c.text(plan, PlanText::ThirdParty, "how third-party component vulnerabilities are monitored");
            c.feed("A.3 coordinated vulnerability disclosure", Target::Plan(Fix::Text(PlanText::Disclosure)));
            c.text(plan, PlanText::Disclosure, "coordinated vulnerability disclosure");
            contact(plan, &mut c);
            c.feed("Component register: monitoring", Target::Components);
            components(plan, &mut c, |comp| !comp.monitoring.source.trim().is_empty(), "how it is monitored");
        }
        ElementId::ReasonableAssurance => {
            for (field, label, what) in [
                (PlanText::SafetyRisk, "A.3 security risk alongside safety risk", "how security risk is assessed alongside safety risk"),
                (PlanText::Suppliers, "A.3 supplier and contractor expectations", "supplier and contractor expectations"),
                (PlanText::Updates, "A.3 update and rollback strategy", "the update and rollback strategy"),
                (PlanText::Roles, "A.3 roles and responsibilities", "roles and responsibilities"),
                (PlanText::Activities, "A.1 security activities", "the security activities"),
            ] {
                c.feed(label, Target::Plan(Fix::Text(field)));
                c.text(plan, field, what);
            }
        }
        ElementId::CyberDeviceSbom => {
            sbom_format(plan, &mut c);
            register(plan, &mut c);
            components(plan, &mut c, |comp| filled(&comp.version) && filled(&comp.supplier), "its version and supplier");
            components(plan, &mut c, |comp| comp.support != SupportLevel::Unknown, "its level of support");
        }
    }
    let state = match (c.met, c.gaps.is_empty()) {
        (_, true) => State::Drafted,
        (0, false) => State::Missing,
        _ => State::Started,
    };
    Element { id, applies: applies(plan, id), state, feeds: c.feeds, gaps: c.gaps }
}

fn contact(plan: &Plan, c: &mut Checks) {
    c.feed("A.3 disclosure contact", Target::Plan(Fix::Text(PlanText::DisclosureContact)));
    c.require(
        filled(&plan.management.disclosure_contact),
        Target::Plan(Fix::Text(PlanText::DisclosureContact)),
        "Name the disclosure contact: where vulnerabilities are reported.",
    );
}

fn register(plan: &Plan, c: &mut Checks) {
    c.feed("Component register", Target::Components);
    c.require(!plan.components.is_empty(), Target::Components, "List the product's third-party components in the component register.");
}

fn sbom_format(plan: &Plan, c: &mut Checks) {
    c.feed("A.3 SBOM approach", Target::Plan(Fix::SbomFormat));
    c.require(!plan.management.sbom.formats.is_empty(), Target::Plan(Fix::SbomFormat), "Choose the SBOM format (CycloneDX or SPDX).");
}

/// One check over the component register: met when there are components
/// and each has `what`; the gap links to the first that lacks it.
fn components(plan: &Plan, c: &mut Checks, ok: impl Fn(&crate::plan::model::Component) -> bool, what: &str) {
    if plan.components.is_empty() {
        return;
    }
    let lacking: Vec<&str> = plan.components.iter().filter(|comp| !ok(comp)).map(|comp| comp.id.as_str()).collect();
    let target = lacking.first().map_or(Target::Components, |id| Target::Component(id.to_string()));
    c.require(lacking.is_empty(), target, format!("Record for each component {what} ({} without).", count(lacking.len(), "component")));
}

/// One check over the register: met when every entry passes `ok`; the gap
/// names the first few that do not and links to the first.
fn risks(plan: &Plan, c: &mut Checks, ok: impl Fn(&crate::plan::model::RiskEntry) -> bool, what: &str) {
    if plan.risks.is_empty() {
        return;
    }
    let lacking: Vec<&str> = plan.risks.iter().filter(|r| !ok(r)).map(|r| r.id.as_str()).collect();
    let target = lacking.first().map_or(Target::Plan(Fix::NewRisk), |id| Target::Plan(Fix::Risk(id.to_string())));
    let named = match lacking.len() {
        0 => String::new(),
        1..=3 => lacking.join(", "),
        n => format!("{} and {} more", lacking[..3].join(", "), n - 3),
    };
    c.require(lacking.is_empty(), target, format!("{what} ({named})."));
}

fn has_risks(plan: &Plan, c: &mut Checks) {
    c.feed("Risk register", Target::Plan(Fix::NewRisk));
    c.require(!plan.risks.is_empty(), Target::Plan(Fix::NewRisk), "Add risk register entries.");
}

fn threat_model(plan: &Plan, c: &mut Checks) {
    has_risks(plan, c);
    risks(plan, c, |r| filled(&r.asset) && filled(&r.threat), "Name the asset and the threat of each risk");
    c.feed("Global System view", Target::View(ViewKind::GlobalSystem));
    c.require(
        plan.premarket.architecture.global_system.status != ViewStatus::NotStarted,
        Target::View(ViewKind::GlobalSystem),
        "Start the Global System view: the threat model is drawn on it.",
    );
    c.feed("A.3 security risk alongside safety risk", Target::Plan(Fix::Text(PlanText::SafetyRisk)));
    c.text(plan, PlanText::SafetyRisk, "how security risk is assessed alongside safety risk");
}

fn risk_assessment(plan: &Plan, c: &mut Checks) {
    c.feed("A.3 risk acceptability grid", Target::Plan(Fix::Grid));
    let zones: Vec<Zone> = plan.criteria.zones.iter().flatten().copied().collect();
    c.require(
        zones.contains(&Zone::Acceptable) && zones.contains(&Zone::Unacceptable),
        Target::Plan(Fix::Grid),
        "Mark at least one acceptable and one unacceptable cell in the risk acceptability grid.",
    );
    c.feed("A.3 risk acceptability", Target::Plan(Fix::Text(PlanText::Acceptability)));
    c.text(plan, PlanText::Acceptability, "what security risk is acceptable");
    has_risks(plan, c);
    risks(plan, c, |r| r.initial.is_some() && r.residual.is_some(), "Rate each risk before and after controls");
}

fn sbom(plan: &Plan, c: &mut Checks) {
    sbom_format(plan, c);
    c.text(plan, PlanText::SbomWhen, "when the SBOM is generated");
    c.text(plan, PlanText::SbomOwner, "who owns the SBOM");
    register(plan, c);
}

fn vulnerability_assessment(plan: &Plan, c: &mut Checks) {
    c.feed("A.3 third-party component vulnerabilities", Target::Plan(Fix::Text(PlanText::ThirdParty)));
    c.text(plan, PlanText::ThirdParty, "how third-party component vulnerabilities are monitored and assessed");
    c.feed("A.1 planned end of support", Target::EndOfSupport);
    c.require(filled(&plan.project.end_of_support), Target::EndOfSupport, "Set the product's planned end of support (A.1).");
    register(plan, c);
    components(plan, c, |comp| comp.support != SupportLevel::Unknown, "its level of support");
    components(plan, c, |comp| filled(&comp.end_of_support), "its end-of-support date");
    components(plan, c, |comp| !comp.monitoring.is_empty(), "how it is monitored");
}

fn unresolved_anomalies(plan: &Plan, c: &mut Checks) {
    has_risks(plan, c);
    risks(plan, c, |r| r.treatment.is_some(), "Decide how each risk is treated");
    let acceptance: Vec<Gap> =
        crate::plan::trace::gaps(plan).into_iter().filter(|g| matches!(g.fix, Fix::Acceptance(_))).map(Gap::from).collect();
    if !plan.risks.is_empty() {
        c.feed("Risk acceptance", Target::Plan(Fix::NewRisk));
        match acceptance.into_iter().next() {
            None => c.met += 1,
            Some(first) => c.gaps.push(first),
        }
    }
}

fn traceability(plan: &Plan, c: &mut Checks) {
    has_risks(plan, c);
    c.feed("Controls and traceability", Target::Plan(Fix::NewRisk));
    let chain = crate::plan::trace::gaps(plan);
    if !plan.risks.is_empty() {
        let n = chain.len();
        match chain.into_iter().next() {
            None => c.met += 1,
            Some(first) => c.gaps.push(Gap {
                text: format!("Close the traceability gaps ({} open; the first: {})", count(n, "gap"), first.text),
                target: Target::Plan(first.fix),
            }),
        }
    }
    if !plan.components.is_empty() {
        c.feed("Component register: linked risks", Target::Components);
        c.require(
            plan.components.iter().any(|comp| !comp.risk_ids.is_empty()),
            Target::Components,
            "Link components to the risks they bear on.",
        );
    }
}

fn security_requirements(plan: &Plan, c: &mut Checks) {
    c.feed("Risk controls", Target::NewControl);
    c.require(!plan.controls.is_empty(), Target::NewControl, "Add the risk controls: they are the security requirements.");
    if !plan.controls.is_empty() {
        let open = uncategorised(plan);
        let n = open.len();
        match open.into_iter().next() {
            None => c.met += 1,
            Some(first) => {
                c.gaps.push(Gap { text: format!("Give each control a security control category ({n} without)."), target: first.target })
            }
        }
    }
    c.feed("Security control categories", Target::Coverage);
    let open = coverage_gaps(plan);
    let n = open.len();
    match open.into_iter().next() {
        None => c.met += 1,
        Some(first) => c.gaps.push(Gap {
            text: format!("Cover each security control category or record why it does not apply ({n} open)."),
            target: first.target,
        }),
    }
    c.feed("A.2 stakeholder needs folded into user needs", Target::Plan(Fix::UserNeeds));
    let unfolded = plan.needs.iter().filter(|n| n.user_need_ids.is_empty()).count();
    c.require(
        !plan.needs.is_empty() && unfolded == 0,
        Target::Plan(if plan.needs.is_empty() { Fix::NewNeed } else { Fix::UserNeeds }),
        "Record the stakeholders' security needs and fold each into a user need.",
    );
}

fn testing(plan: &Plan, c: &mut Checks) {
    c.feed("Control verification", Target::NewControl);
    c.require(!plan.controls.is_empty(), Target::NewControl, "Add the risk controls to be tested.");
    if let Some(first) = plan.controls.iter().find(|x| !filled(&x.verification)) {
        let n = plan.controls.iter().filter(|x| !filled(&x.verification)).count();
        c.require(
            false,
            Target::Plan(Fix::Control(first.id.clone())),
            format!("Record where each control's verification is ({} without).", count(n, "control")),
        );
    } else if !plan.controls.is_empty() {
        c.met += 1;
    }
    if !plan.controls.is_empty() {
        let first = &plan.controls[0].id;
        c.require(
            plan.controls.iter().any(|x| x.status == ControlStatus::Verified),
            Target::Plan(Fix::Control(first.clone())),
            "Verify at least one control.",
        );
    }
}

fn labeling(plan: &Plan, c: &mut Checks) {
    c.feed("Labelling controls", Target::NewControl);
    c.require(
        plan.controls.iter().any(|x| x.kind == ControlKind::Labelling),
        Target::NewControl,
        "Add a labelling control: what the instructions tell users and hospital IT.",
    );
    c.feed("A.3 update and rollback strategy", Target::Plan(Fix::Text(PlanText::Updates)));
    c.text(plan, PlanText::Updates, "the update and rollback strategy");
    contact(plan, c);
    c.feed("A.3 how customers get the SBOM", Target::Plan(Fix::Text(PlanText::SbomAccess)));
    c.require(
        filled(&plan.management.sbom.customer_access),
        Target::Plan(Fix::Text(PlanText::SbomAccess)),
        "Say how customers get the SBOM.",
    );
    c.feed("A.1 planned end of support", Target::EndOfSupport);
    c.require(filled(&plan.project.end_of_support), Target::EndOfSupport, "Set the product's planned end of support (A.1).");
}

/// The counts the dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Elements that apply (the report counts once, with its parts).
    pub applicable: usize,
    pub drafted: usize,
    pub started: usize,
    pub missing: usize,
    /// Elements that do not apply.
    pub not_applicable: usize,
    /// Elements waiting for the cyber device answer.
    pub undecided: usize,
    /// Open gaps of the elements that apply.
    pub gaps: usize,
}

impl Summary {
    /// Counted over the elements that apply; the risk management report is
    /// counted through its six parts, not again as a whole.
    pub fn of(elements: &[Element]) -> Summary {
        let mut s = Summary::default();
        for e in elements.iter().filter(|e| e.id != ElementId::RiskManagementReport) {
            match e.applies {
                Applies::No(_) => s.not_applicable += 1,
                Applies::Undecided(_) => s.undecided += 1,
                Applies::Yes => {
                    s.applicable += 1;
                    s.gaps += e.gaps.len();
                    match e.state {
                        State::Drafted => s.drafted += 1,
                        State::Started => s.started += 1,
                        State::Missing => s.missing += 1,
                    }
                }
            }
        }
        s
    }

    /// "4 of 12 elements drafted, 5 started, 3 missing; 3 more apply if the
    /// product is a cyber device."
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} of {} drafted, {} started, {} missing",
            self.drafted,
            count(self.applicable, "element"),
            self.started,
            self.missing
        );
        if self.undecided > 0 {
            line.push_str(&format!("; {} more apply if the product is a cyber device", self.undecided));
        }
        line.push('.');
        line
    }
}
