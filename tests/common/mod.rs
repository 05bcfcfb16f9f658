//! Fixtures shared by the native test binaries (each includes this folder as
//! `mod common` from its `main.rs`).
#![allow(dead_code)]

pub mod assessment;

use jsp_planner::plan::model::*;
use jsp_planner::plan::presets;

pub const NOW: &str = "2026-11-22T10:00:00.000Z";

/// A plan with something in every section, as a workshop would leave it.
pub fn sample_plan() -> Plan {
    let mut plan = presets::new_plan("plan-0000000000000001".into(), "Infusion pump 3.2".into(), NOW.into());
    plan.project.product = "Infusion pump".into();
    plan.project.scope = Some(Scope::MajorAddition);
    for (need, stakeholder) in presets::example_needs() {
        let id = need.id.clone();
        plan.needs.push(need);
        plan.set_relevance(stakeholder, &id, Some(Relevance::Critical));
    }
    plan.risks.push(RiskEntry {
        id: "R-001".into(),
        asset: "Dose update service".into(),
        threat: "Tampered firmware image".into(),
        initial: Some(Rating { likelihood: 4, severity: 5 }),
        controls: "Signed updates, secure boot".into(),
        residual: Some(Rating { likelihood: 1, severity: 5 }),
        need_ids: vec!["nd-updates-no-steps".into()],
        owner: "Engineering".into(),
        status: RiskStatus::Mitigating,
        treatment: Some(Treatment::Mitigate),
        control_ids: vec!["C-001".into()],
        acceptance: Acceptance::default(),
    });
    plan.controls.push(Control {
        id: "C-001".into(),
        description: "Firmware images are signed and verified by secure boot".into(),
        kind: ControlKind::Design,
        status: ControlStatus::Implemented,
        verification: "VER-SEC-012".into(),
        categories: vec![SecurityCategory::CodeDataAndExecutionIntegrity, SecurityCategory::FirmwareAndSoftwareUpdates],
    });
    plan.raci.push(RaciAssignment { role_id: "role-product-security".into(), activity_id: "act-a3".into(), value: Raci::Accountable });
    plan
}

/// `plan` with its needs' ids as format version 5 gives them (SN-01, SN-02…
/// in the matrix's order), and every link following: what importing an
/// older file of it gives.
pub fn with_readable_need_ids(mut plan: Plan) -> Plan {
    let names: std::collections::HashMap<String, String> =
        plan.needs.iter().enumerate().map(|(i, n)| (n.id.clone(), format!("SN-{:02}", i + 1))).collect();
    let renamed = |id: &mut String| {
        if let Some(new) = names.get(id.as_str()) {
            *id = new.clone();
        }
    };
    plan.needs.iter_mut().for_each(|n| renamed(&mut n.id));
    plan.need_links.iter_mut().for_each(|l| renamed(&mut l.need_id));
    plan.risks.iter_mut().flat_map(|r| r.need_ids.iter_mut()).for_each(renamed);
    plan
}
