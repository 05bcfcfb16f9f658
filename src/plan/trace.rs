//! Traceability: stakeholder need -> user need -> risk -> control ->
//! verification, and the coverage gaps along that chain. The gaps feed the
//! dashboard (the register deliverable) and the traceability section.

use rustc_hash::FxHashMap;

use crate::plan::deliverables::{Fix, Gap};
use crate::plan::model::{Control, Plan, Relevance, RiskEntry, Treatment, Zone};
use crate::plan::risk::judge;

/// Who links what in one version of a plan, found in one pass over the
/// register: asking each of 400 controls which of 4,000 entries use it
/// reads the register 400 times (seconds in the browser). Build it once
/// per version and ask it as often as needed.
pub struct Links<'a> {
    controls: &'a [Control],
    /// Each control's place in the plan's list, by id.
    control_at: FxHashMap<&'a str, usize>,
    /// The entries linking each need, in the register's order.
    risks_of_need: FxHashMap<&'a str, Vec<&'a RiskEntry>>,
    /// The ids of the entries linking each control, in the register's order.
    users: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Links<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let control_at = plan.controls.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).rev().collect();
        let mut risks_of_need: FxHashMap<&str, Vec<&RiskEntry>> = FxHashMap::default();
        let mut users: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for risk in &plan.risks {
            for need in &risk.need_ids {
                let list = risks_of_need.entry(need.as_str()).or_default();
                // An entry counts once, however often it names the need.
                if !list.last().is_some_and(|r| std::ptr::eq(*r, risk)) {
                    list.push(risk);
                }
            }
            for control in &risk.control_ids {
                let list = users.entry(control.as_str()).or_default();
                if list.last() != Some(&risk.id.as_str()) {
                    list.push(risk.id.as_str());
                }
            }
        }
        Links { controls: &plan.controls, control_at, risks_of_need, users }
    }

    /// The controls an entry links, in the plan's order of controls.
    pub fn controls_of(&self, risk: &RiskEntry) -> Vec<&'a Control> {
        let mut at: Vec<usize> = risk.control_ids.iter().filter_map(|id| self.control_at.get(id.as_str()).copied()).collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| &self.controls[i]).collect()
    }

    /// The entries that link need `need_id`, in the register's order.
    pub fn risks_of_need(&self, need_id: &str) -> &[&'a RiskEntry] {
        self.risks_of_need.get(need_id).map_or(&[], Vec::as_slice)
    }

    /// The ids of the entries that link control `control_id`, in the register's order.
    pub fn risks_using(&self, control_id: &str) -> &[&'a str] {
        self.users.get(control_id).map_or(&[], Vec::as_slice)
    }

    /// Each control's users, by control id, joined as tables show them
    /// ("R-001, R-007"); controls no entry uses are left out.
    pub fn users_by_control(&self) -> FxHashMap<String, String> {
        self.users.iter().map(|(c, risks)| (c.to_string(), risks.join(", "))).collect()
    }
}

/// One line of the traceability table: a need, and one risk and one control
/// that cover it (blank where the chain stops).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceRow {
    pub need_id: String,
    pub need: String,
    /// Held critical by at least one stakeholder.
    pub critical: bool,
    /// The ids of the user needs it folds into, or empty.
    pub user_need: String,
    pub risk_id: String,
    pub control_id: String,
    pub control: String,
    pub verification: String,
}

impl TraceRow {
    /// The need as outputs name it, by id and text ("SN-01 Signed updates");
    /// a line of risks linked to no need says so.
    pub fn need_label(&self) -> String {
        if self.need_id.is_empty() {
            "(no need linked)".into()
        } else {
            format!("{} {}", self.need_id, self.need)
        }
    }

    /// The control by id and description, or empty where the chain stops.
    pub fn control_label(&self) -> String {
        if self.control_id.is_empty() {
            String::new()
        } else {
            format!("{} {}", self.control_id, self.control)
        }
    }
}

/// The table: each need once per (risk, control) pair that covers it, in
/// the plan's order; a need without a risk, or a risk without a control,
/// still has its line. Risks linked to no need come last, under no need.
pub fn rows(plan: &Plan) -> Vec<TraceRow> {
    let links = Links::new(plan);
    let critical = critical_needs(plan);
    let mut out = Vec::new();
    let blank = |need_id: &str, need: &str, crit: bool, user_need: &str| TraceRow {
        need_id: need_id.into(),
        need: need.into(),
        critical: crit,
        user_need: user_need.into(),
        risk_id: String::new(),
        control_id: String::new(),
        control: String::new(),
        verification: String::new(),
    };
    let push_risk = |out: &mut Vec<TraceRow>, base: &TraceRow, risk: &RiskEntry| {
        let controls = links.controls_of(risk);
        if controls.is_empty() {
            out.push(TraceRow { risk_id: risk.id.clone(), ..base.clone() });
        }
        for c in controls {
            out.push(TraceRow {
                risk_id: risk.id.clone(),
                control_id: c.id.clone(),
                control: c.description.clone(),
                verification: c.verification.clone(),
                ..base.clone()
            });
        }
    };
    for need in &plan.needs {
        let base = blank(&need.id, &need.text, critical.contains(need.id.as_str()), &need.user_need_ids.join(", "));
        let risks = links.risks_of_need(&need.id);
        if risks.is_empty() {
            out.push(base.clone());
        }
        for risk in risks {
            push_risk(&mut out, &base, risk);
        }
    }
    let base = blank("", "", false, "");
    for risk in plan.risks.iter().filter(|r| r.need_ids.is_empty()) {
        push_risk(&mut out, &base, risk);
    }
    out
}

/// The texts of the security needs folded into user need `user_need_id`.
pub fn needs_folded_into<'a>(plan: &'a Plan, user_need_id: &str) -> Vec<&'a str> {
    plan.needs.iter().filter(|n| n.user_need_ids.iter().any(|u| u == user_need_id)).map(|n| n.text.as_str()).collect()
}

/// The linked controls by id and description, then the entry's own notes,
/// as outputs print them in one cell.
pub fn controls_text(links: &Links<'_>, risk: &RiskEntry) -> String {
    let mut parts: Vec<String> = links.controls_of(risk).iter().map(|c| format!("{} {}", c.id, c.description)).collect();
    if !risk.controls.trim().is_empty() {
        parts.push(risk.controls.clone());
    }
    parts.join("; ")
}

fn critical_needs(plan: &Plan) -> rustc_hash::FxHashSet<&str> {
    plan.need_links.iter().filter(|l| l.relevance == Relevance::Critical).map(|l| l.need_id.as_str()).collect()
}

/// Whether an entry's risk still needs a recorded acceptance: its residual
/// rating (or, before one, its initial rating) is in the review or
/// unacceptable zone, or it is treated by accepting it.
pub fn needs_acceptance(plan: &Plan, risk: &RiskEntry) -> Option<Zone> {
    let j = judge(risk, &plan.criteria);
    let zone = j.residual.or(j.initial);
    match zone {
        Some(z @ (Zone::Review | Zone::Unacceptable)) => Some(z),
        _ if risk.treatment == Some(Treatment::Accept) => zone,
        _ => None,
    }
}

/// Every break in the chain, in the order the table reads.
pub fn gaps(plan: &Plan) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let mut gap = |fix: Fix, text: String| gaps.push(Gap { place: fix.place(), fix, text });
    let critical = critical_needs(plan);
    let links = Links::new(plan);
    for need in plan.needs.iter().filter(|n| critical.contains(n.id.as_str())) {
        let risks = links.risks_of_need(&need.id);
        if risks.is_empty() {
            gap(Fix::NewRisk, format!("The critical need “{}” has no risk entry.", need.text));
        } else if risks.iter().all(|r| r.control_ids.is_empty()) {
            gap(Fix::Risk(risks[0].id.clone()), format!("The critical need “{}” has no risk control.", need.text));
        }
    }
    for risk in plan.risks.iter().filter(|r| r.need_ids.is_empty()) {
        gap(Fix::Risk(risk.id.clone()), format!("{}: link the stakeholder need it threatens.", risk.id));
    }
    for risk in &plan.risks {
        if let Some(zone) = needs_acceptance(plan, risk).filter(|_| !risk.acceptance.is_complete()) {
            let a = &risk.acceptance;
            let missing: Vec<&str> = [("the rationale", &a.rationale), ("who accepts it", &a.approver), ("the date", &a.date)]
                .into_iter()
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(words, _)| words)
                .collect();
            gap(
                Fix::Acceptance(risk.id.clone()),
                format!("{}: its risk is {}; to accept it, record {}.", risk.id, zone_words(zone), word_list(&missing)),
            );
        }
    }
    for control in plan.controls.iter().filter(|c| c.verification.trim().is_empty()) {
        gap(Fix::Control(control.id.clone()), format!("Control {} has no verification reference.", control.id));
    }
    gaps
}

/// "a", "a and b", "a, b and c".
fn word_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn zone_words(zone: Zone) -> &'static str {
    match zone {
        Zone::Acceptable => "acceptable",
        Zone::Review => "in the review zone",
        Zone::Unacceptable => "unacceptable",
    }
}
