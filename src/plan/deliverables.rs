//! "What you walk away with": the six Concept Phase deliverables, each with a
//! completeness computed from the plan's data (never ticked by hand) and the
//! list of what is still missing, each gap pointing at where to fix it.
//! Traceability and risk acceptance gaps, which go beyond the JSP's six, are
//! [`crate::plan::trace::gaps`]; the dashboard shows them apart, and
//! [`status`] puts both together for the dashboard and every output's
//! deliverables table, so no output counts fewer gaps than the app shows.

use crate::common::words::count;
use crate::plan::model::{Answer, ComponentFilter, Plan, PlanText, Raci, Scope, SupportLevel, Treatment, Zone};
use crate::plan::presets::IMPACT_QUESTIONS;
use crate::plan::risk::judge;

/// The section where a gap is fixed: gaps link to it.
pub use crate::plan::sections::Section as Place;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub text: String,
    pub place: Place,
    /// The control that fixes it: a gap link lands there, not at the top of its section.
    pub fix: Fix,
}

/// What to fill to close a gap, named by the plan's data (the views know
/// which control shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    Text(PlanText),
    Scope,
    ImpactQuestions,
    Grid,
    /// The RACI column of this activity id.
    Accountable(String),
    NewStakeholder,
    NewNeed,
    NeedLinks,
    UserNeeds,
    SbomFormat,
    NewRisk,
    /// The register entry with this id.
    Risk(String),
    /// The acceptance of this register entry's residual risk.
    Acceptance(String),
    /// The risk control with this id.
    Control(String),
    /// The product's planned end of support (A.1).
    ProductEndOfSupport,
    /// This field of the component with this id.
    Component(String, ComponentField),
    /// The component register, showing what this filter picks.
    Components(ComponentFilter),
}

/// A component's field a gap asks to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentField {
    /// Its level of support.
    Support,
    /// Its notes: how it will be updated or replaced when support ends.
    Notes,
}

impl Fix {
    /// The section a fix lives in.
    pub fn place(&self) -> Place {
        match self {
            Fix::Text(t) if t.path().starts_with("management/") => Place::Management,
            Fix::Text(_) | Fix::Scope | Fix::ImpactQuestions | Fix::ProductEndOfSupport => Place::Project,
            Fix::Grid => Place::Criteria,
            Fix::Accountable(_) => Place::Roles,
            Fix::NewStakeholder | Fix::NewNeed | Fix::NeedLinks | Fix::UserNeeds => Place::Stakeholders,
            Fix::SbomFormat => Place::Management,
            Fix::NewRisk | Fix::Risk(_) | Fix::Acceptance(_) => Place::Register,
            Fix::Control(_) => Place::Traceability,
            Fix::Component(..) | Fix::Components(_) => Place::Components,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Completeness {
    #[default]
    NotStarted,
    InProgress,
    Complete,
}

impl Completeness {
    pub fn label(self) -> &'static str {
        match self {
            Completeness::NotStarted => "Not started",
            Completeness::InProgress => "In progress",
            Completeness::Complete => "Complete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deliverable {
    pub title: &'static str,
    pub status: Completeness,
    pub gaps: Vec<Gap>,
}

/// All six deliverables, in the JSP's order.
pub fn deliverables(plan: &Plan) -> Vec<Deliverable> {
    vec![development_plan(plan), management_plan(plan), stakeholder_needs(plan), update_strategy(plan), sbom_approach(plan), register(plan)]
}

/// The title of what goes beyond the JSP's six: the chain from stakeholder
/// need to verified control, and the acceptance of the risks that need one.
pub const TRACEABILITY: &str = "Traceability and risk acceptance";

/// Where the plan stands: the JSP's six deliverables, and the traceability
/// and risk acceptance gaps listed beside them. The dashboard shows this and
/// the report's deliverables table (screen, print, Markdown, Word) prints
/// it, so both count the same gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    /// The six, in the JSP's order ([`deliverables`]).
    pub deliverables: Vec<Deliverable>,
    /// Titled [`TRACEABILITY`]; its gaps are [`crate::plan::trace::gaps`].
    pub traceability: Deliverable,
}

impl Status {
    /// The six deliverables, then traceability and risk acceptance.
    pub fn rows(&self) -> impl Iterator<Item = &Deliverable> {
        self.deliverables.iter().chain(std::iter::once(&self.traceability))
    }

    /// How many of the six deliverables are complete.
    pub fn complete(&self) -> usize {
        self.deliverables.iter().filter(|d| d.status == Completeness::Complete).count()
    }

    /// Every gap still open, in the six and beyond them.
    pub fn open_gaps(&self) -> usize {
        self.rows().map(|d| d.gaps.len()).sum()
    }

    /// The line above the table: "2 of 6 deliverables complete; 12 gaps
    /// open, 10 of them in traceability and risk acceptance."
    pub fn summary(&self) -> String {
        let done = format!("{} of {} deliverables complete", self.complete(), self.deliverables.len());
        match (self.open_gaps(), self.traceability.gaps.len()) {
            (0, _) => format!("{done}; no gaps open."),
            (all, 0) => format!("{done}; {} open.", count(all, "gap")),
            (all, chain) if all == chain => format!("{done}; {} open, all in traceability and risk acceptance.", count(all, "gap")),
            (all, chain) => format!("{done}; {} open, {chain} of them in traceability and risk acceptance.", count(all, "gap")),
        }
    }
}

/// The six deliverables and the traceability gaps, computed once.
pub fn status(plan: &Plan) -> Status {
    let gaps = crate::plan::trace::gaps(plan);
    let status = match (gaps.is_empty(), plan.risks.is_empty() && plan.controls.is_empty()) {
        // Nothing traced yet: no gap, but nothing done either.
        (true, true) => Completeness::NotStarted,
        (true, false) => Completeness::Complete,
        (false, _) => Completeness::InProgress,
    };
    Status { deliverables: deliverables(plan), traceability: Deliverable { title: TRACEABILITY, status, gaps } }
}

/// Collects the checks of one deliverable: each is either met or a gap.
struct Checks {
    met: usize,
    gaps: Vec<Gap>,
}

impl Checks {
    fn new() -> Self {
        Checks { met: 0, gaps: Vec::new() }
    }

    fn require(&mut self, ok: bool, fix: Fix, text: impl Into<String>) {
        if ok {
            self.met += 1;
        } else {
            self.gaps.push(Gap { text: text.into(), place: fix.place(), fix });
        }
    }

    fn finish(self, title: &'static str) -> Deliverable {
        let status = match (self.met, self.gaps.is_empty()) {
            (_, true) => Completeness::Complete,
            (0, false) => Completeness::NotStarted,
            _ => Completeness::InProgress,
        };
        Deliverable { title, status, gaps: self.gaps }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

fn development_plan(plan: &Plan) -> Deliverable {
    let p = &plan.project;
    let mut c = Checks::new();
    c.require(filled(&p.product), Fix::Text(PlanText::Product), "Name the product.");
    c.require(p.scope.is_some(), Fix::Scope, "Choose the scope: new product, major addition or maintenance.");
    c.require(filled(&p.description), Fix::Text(PlanText::Summary), "Summarise the project.");
    c.require(filled(&p.resources.budget), Fix::Text(PlanText::Budget), "Commit a security budget.");
    c.require(filled(&p.resources.people), Fix::Text(PlanText::People), "Name the people doing security work.");
    c.require(filled(&p.resources.activities), Fix::Text(PlanText::Activities), "List the security activities.");
    if matches!(p.scope, Some(Scope::MajorAddition | Scope::Maintenance)) {
        // "Not sure yet" is an answer still to find, not a decision.
        let open = IMPACT_QUESTIONS
            .iter()
            .filter(|(id, _)| !p.change_impact.iter().any(|a| a.question_id == *id && a.answer != Answer::Unsure))
            .count();
        c.require(open == 0, Fix::ImpactQuestions, format!("Answer the Change Impact Assessment ({} open).", count(open, "question")));
    }
    let title = match p.scope {
        Some(Scope::NewProduct) => "Development Plan",
        Some(_) => "Change Impact Assessment",
        None => "Development Plan or Change Impact Assessment",
    };
    c.finish(title)
}

fn management_plan(plan: &Plan) -> Deliverable {
    let mut c = Checks::new();
    for (field, what) in [
        (PlanText::SafetyRisk, "how security risk is assessed alongside safety risk"),
        (PlanText::Acceptability, "what security risk is acceptable"),
        (PlanText::ThirdParty, "how third-party component vulnerabilities are monitored"),
        (PlanText::Disclosure, "coordinated vulnerability disclosure"),
        (PlanText::Suppliers, "supplier and contractor expectations"),
        (PlanText::Roles, "roles and responsibilities"),
    ] {
        let text = plan.text(field);
        c.require(filled(text), Fix::Text(field), format!("Describe {what}."));
    }
    let zones: Vec<Zone> = plan.criteria.zones.iter().flatten().copied().collect();
    c.require(
        zones.contains(&Zone::Acceptable) && zones.contains(&Zone::Unacceptable),
        Fix::Grid,
        "Mark at least one acceptable and one unacceptable cell in the risk acceptability grid.",
    );
    for ((activity, n), id) in accountable_counts(plan).into_iter().zip(plan.activities.iter().map(|a| &a.id)).filter(|((_, n), _)| *n != 1)
    {
        let text = if n == 0 {
            format!("Give “{activity}” one Accountable role (it has none).")
        } else {
            format!("Give “{activity}” exactly one Accountable role (it has {n}).")
        };
        c.require(false, Fix::Accountable(id.to_string()), text);
    }
    c.finish("Draft Security Management Plan with preliminary risk acceptability criteria")
}

/// For each RACI activity, its name and how many roles are Accountable for it.
pub fn accountable_counts(plan: &Plan) -> Vec<(&str, usize)> {
    plan.activities
        .iter()
        .map(|a| (a.name.as_str(), plan.raci.iter().filter(|x| x.activity_id == a.id && x.value == Raci::Accountable).count()))
        .collect()
}

fn stakeholder_needs(plan: &Plan) -> Deliverable {
    let mut c = Checks::new();
    c.require(!plan.stakeholders.is_empty(), Fix::NewStakeholder, "Add the stakeholder groups.");
    c.require(!plan.needs.is_empty(), Fix::NewNeed, "Record the stakeholders' security needs.");
    let unlinked = plan.needs.iter().filter(|n| !plan.need_links.iter().any(|l| l.need_id == n.id)).count();
    if !plan.needs.is_empty() {
        c.require(
            unlinked == 0,
            Fix::NeedLinks,
            format!("Mark which stakeholders hold each need ({} without any).", count(unlinked, "need")),
        );
        let unfolded = plan.needs.iter().filter(|n| n.user_need_ids.is_empty()).count();
        c.require(unfolded == 0, Fix::UserNeeds, format!("Fold each need into a user need ({unfolded} not yet folded)."));
    }
    c.finish("Stakeholder security needs folded into user needs")
}

fn update_strategy(plan: &Plan) -> Deliverable {
    let mut c = Checks::new();
    c.require(filled(&plan.management.update_and_rollback), Fix::Text(PlanText::Updates), "Define the update and rollback strategy.");
    c.finish("Update and rollback strategy")
}

fn sbom_approach(plan: &Plan) -> Deliverable {
    let s = &plan.management.sbom;
    let mut c = Checks::new();
    c.require(!s.formats.is_empty(), Fix::SbomFormat, "Choose the SBOM format (CycloneDX or SPDX).");
    c.require(filled(&s.generated_when), Fix::Text(PlanText::SbomWhen), "Say when the SBOM is generated.");
    c.require(filled(&s.owner), Fix::Text(PlanText::SbomOwner), "Name the SBOM owner.");
    components(plan, &mut c);
    c.finish("SBOM approach")
}

/// At most this many components are named one gap each, per kind of gap;
/// the rest are one gap that opens the register filtered to them (5,000
/// gap lines would bury the dashboard).
pub const NAMED_COMPONENT_GAPS: usize = 10;

/// The component register's part of the SBOM approach, once it lists
/// components: each one's level of support known, and for each whose support ends
/// before the product's, a plan to update or replace it (in its notes:
/// FDA asks for one). The product's planned end of support is needed to
/// tell which.
fn components(plan: &Plan, c: &mut Checks) {
    // An empty register is no gap: a plan may start before any component is known.
    if plan.components.is_empty() {
        return;
    }
    let end = plan.project.end_of_support.as_str();
    c.require(
        filled(end),
        Fix::ProductEndOfSupport,
        "Set the product's planned end of support (A.1), to see which components' support ends first.",
    );
    let unknown: Vec<_> = plan.components.iter().filter(|x| x.support == SupportLevel::Unknown).collect();
    for x in unknown.iter().take(NAMED_COMPONENT_GAPS) {
        c.require(
            false,
            Fix::Component(x.id.clone(), ComponentField::Support),
            format!("{} {}: find out its level of support.", x.id, x.title()),
        );
    }
    if unknown.len() > NAMED_COMPONENT_GAPS {
        let more = unknown.len() - NAMED_COMPONENT_GAPS;
        let text = format!("{more} more {} with support not known.", if more == 1 { "component" } else { "components" });
        c.require(false, Fix::Components(ComponentFilter::UnknownSupport), text);
    }
    let ending: Vec<_> = plan.components.iter().filter(|x| x.support_ends_before(end) && !filled(&x.notes)).collect();
    for x in ending.iter().take(NAMED_COMPONENT_GAPS) {
        let text = format!(
            "{} {}: support ends {}, before the product's ({end}); say in its notes how it will be updated or replaced.",
            x.id,
            x.title(),
            x.end_of_support
        );
        c.require(false, Fix::Component(x.id.clone(), ComponentField::Notes), text);
    }
    if ending.len() > NAMED_COMPONENT_GAPS {
        let more = ending.len() - NAMED_COMPONENT_GAPS;
        let noun = if more == 1 { "component" } else { "components" };
        let text = format!("{more} more {noun} whose support ends before the product's, with no plan in their notes.");
        c.require(false, Fix::Components(ComponentFilter::EndsBeforeProduct), text);
    }
}

fn register(plan: &Plan) -> Deliverable {
    let mut c = Checks::new();
    c.require(!plan.risks.is_empty(), Fix::NewRisk, "Add risk register entries.");
    for r in &plan.risks {
        let mut missing = Vec::new();
        if r.initial.is_none() {
            missing.push("initial rating");
        }
        if !filled(&r.asset) {
            missing.push("asset");
        }
        if !filled(&r.threat) {
            missing.push("threat");
        }
        // Accepting, transferring or avoiding a risk may need no control of ours.
        let mitigated = matches!(r.treatment, None | Some(Treatment::Mitigate));
        if mitigated && r.control_ids.is_empty() && !filled(&r.controls) {
            missing.push("controls");
        }
        if r.residual.is_none() {
            missing.push("residual rating");
        }
        if r.need_ids.is_empty() {
            missing.push("linked stakeholder need");
        }
        c.require(missing.is_empty(), Fix::Risk(r.id.clone()), format!("{}: add {}.", r.id, missing.join(", ")));
        // An unacceptable residual risk needs more controls, or a recorded
        // benefit-risk acceptance (the acceptance itself is checked with
        // the traceability: `crate::plan::trace::gaps`).
        if r.residual.is_some() && !r.acceptance.is_complete() {
            c.require(
                judge(r, &plan.criteria).residual != Some(Zone::Unacceptable),
                Fix::Risk(r.id.clone()),
                format!("{}: the residual risk is unacceptable; add controls or record its acceptance.", r.id),
            );
        }
    }
    c.finish("Risk register entries tying it all together")
}
