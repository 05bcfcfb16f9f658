//! Traceability: stakeholder need -> user need -> risk -> control ->
//! verification, and the coverage gaps along that chain. The gaps feed the
//! dashboard (the register deliverable) and the traceability section.

use crate::plan::deliverables::{Fix, Gap};
use crate::plan::model::{Control, Plan, Relevance, RiskEntry, Treatment, Zone};
use crate::plan::risk::judge;

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
        let controls = controls_of(plan, risk);
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
        let base = blank(&need.id, &need.text, critical.contains(&need.id.as_str()), &need.user_need_ids.join(", "));
        let risks: Vec<&RiskEntry> = plan.risks.iter().filter(|r| r.need_ids.contains(&need.id)).collect();
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

/// The controls an entry links, in the plan's order of controls.
pub fn controls_of<'a>(plan: &'a Plan, risk: &RiskEntry) -> Vec<&'a Control> {
    plan.controls.iter().filter(|c| risk.control_ids.contains(&c.id)).collect()
}

/// The ids of the entries that link control `control_id`.
pub fn risks_using<'a>(plan: &'a Plan, control_id: &str) -> Vec<&'a str> {
    plan.risks.iter().filter(|r| r.control_ids.iter().any(|c| c == control_id)).map(|r| r.id.as_str()).collect()
}

/// The texts of the security needs folded into user need `user_need_id`.
pub fn needs_folded_into<'a>(plan: &'a Plan, user_need_id: &str) -> Vec<&'a str> {
    plan.needs.iter().filter(|n| n.user_need_ids.iter().any(|u| u == user_need_id)).map(|n| n.text.as_str()).collect()
}

/// The linked controls by id and description, then the entry's own notes,
/// as outputs print them in one cell.
pub fn controls_text(plan: &Plan, risk: &RiskEntry) -> String {
    let mut parts: Vec<String> = controls_of(plan, risk).iter().map(|c| format!("{} {}", c.id, c.description)).collect();
    if !risk.controls.trim().is_empty() {
        parts.push(risk.controls.clone());
    }
    parts.join("; ")
}

fn critical_needs(plan: &Plan) -> Vec<&str> {
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
    for need in plan.needs.iter().filter(|n| critical.contains(&n.id.as_str())) {
        let risks: Vec<&RiskEntry> = plan.risks.iter().filter(|r| r.need_ids.contains(&need.id)).collect();
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
