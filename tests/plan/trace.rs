//! Traceability and risk acceptance: the table from stakeholder need to
//! verified control, its CSV, and each gap closing when the plan fills it.

use crate::common::sample_plan;
use jsp_planner::plan::deliverables::{deliverables, Fix};
use jsp_planner::plan::model::*;
use jsp_planner::plan::rules::validate;
use jsp_planner::plan::trace::{gaps, needs_acceptance, rows};

fn gap_texts(plan: &Plan) -> Vec<String> {
    gaps(plan).into_iter().map(|g| g.text).collect()
}

#[test]
fn every_need_has_its_lines_and_shared_controls_appear_under_each_risk() {
    let mut plan = sample_plan();
    let shared = plan.add_control("Role-based access control", ControlKind::Design);
    let second = plan.add_risk("Clinician console", "Session hijack");
    plan.risk_mut(&second).unwrap().need_ids = vec!["nd-updates-no-steps".into()];
    for id in ["R-001", second.as_str()] {
        plan.risk_mut(id).unwrap().control_ids.push(shared.clone());
    }
    assert!(validate(&plan).is_empty());
    let table = rows(&plan);
    let of_need: Vec<(&str, &str)> =
        table.iter().filter(|r| r.need_id == "nd-updates-no-steps").map(|r| (r.risk_id.as_str(), r.control_id.as_str())).collect();
    assert_eq!(of_need, [("R-001", "C-001"), ("R-001", "C-002"), ("R-002", "C-002")]);
    assert!(table.iter().filter(|r| r.need_id == "nd-updates-no-steps").all(|r| r.critical));
    // A need no risk covers still has its line, blank after the need.
    let uncovered = table.iter().find(|r| r.need_id == "nd-patch-schedule").unwrap();
    assert_eq!((uncovered.risk_id.as_str(), uncovered.control_id.as_str()), ("", ""));
    // Every need is listed.
    for need in &plan.needs {
        assert!(table.iter().any(|r| r.need_id == need.id), "{}", need.id);
    }
}

#[test]
fn coverage_gaps_close_as_the_chain_is_filled() {
    let mut plan = sample_plan();
    let gaps_now = gap_texts(&plan);
    assert!(gaps_now.iter().any(|g| g == "The critical need “A predictable patch schedule” has no risk entry."), "{gaps_now:?}");
    assert!(!gaps_now.iter().any(|g| g.contains("Security updates that need no technical steps")), "R-001 covers it with C-001");

    // A risk without a need, then linked.
    let id = plan.add_risk("Hospital network", "Unpatched library");
    assert!(gap_texts(&plan).contains(&format!("{id}: link the stakeholder need it threatens.")));
    plan.risk_mut(&id).unwrap().need_ids.push("nd-patch-schedule".into());
    let now = gap_texts(&plan);
    assert!(!now.iter().any(|g| g.starts_with(&format!("{id}: link"))));
    assert!(now.contains(&"The critical need “A predictable patch schedule” has no risk control.".to_string()), "{now:?}");

    // A control without verification, then verified.
    let c = plan.add_control("Monthly patch bulletin", ControlKind::Procedure);
    plan.risk_mut(&id).unwrap().control_ids.push(c.clone());
    let now = gap_texts(&plan);
    assert!(!now.iter().any(|g| g.contains("patch schedule")), "{now:?}");
    assert!(now.contains(&format!("Control {c} has no verification reference.")));
    plan.control_mut(&c).unwrap().verification = "SOP-PATCH-3".into();
    assert!(!gap_texts(&plan).iter().any(|g| g.contains(&c)));
    assert!(gaps(&plan).iter().all(|g| g.fix.place() == g.place));
}

#[test]
fn a_residual_risk_in_review_or_unacceptable_needs_rationale_approver_and_date() {
    let mut plan = sample_plan();
    // R-001's residual rating (1, 5) is in the review zone of the 5 x 5 preset.
    let zone = needs_acceptance(&plan, &plan.risks[0]);
    assert_eq!(zone, Some(Zone::Review));
    let expected = "R-001: its risk is in the review zone; to accept it, record the rationale, who accepts it and the date.";
    assert!(gap_texts(&plan).contains(&expected.to_string()), "{:?}", gap_texts(&plan));
    let gap = gaps(&plan).into_iter().find(|g| g.text == expected).unwrap();
    assert_eq!(gap.fix, Fix::Acceptance("R-001".into()));

    let r = plan.risk_mut("R-001").unwrap();
    r.acceptance.rationale = "Benefit of remote dosing outweighs the residual risk; see BRA-7".into();
    r.acceptance.approver = "Dr. A. Moreau, Head of Clinical Safety".into();
    assert!(gap_texts(&plan).contains(&"R-001: its risk is in the review zone; to accept it, record the date.".to_string()));
    plan.risk_mut("R-001").unwrap().acceptance.date = "2026-11-24".into();
    assert!(!gap_texts(&plan).iter().any(|g| g.starts_with("R-001")));
    assert!(validate(&plan).is_empty());

    // An acceptable residual risk needs no acceptance, unless it is treated by accepting it.
    let r = plan.risk_mut("R-001").unwrap();
    r.residual = Some(Rating { likelihood: 1, severity: 1 });
    r.acceptance = Acceptance::default();
    assert_eq!(needs_acceptance(&plan, &plan.risks[0]), None);
    plan.risk_mut("R-001").unwrap().treatment = Some(Treatment::Accept);
    assert_eq!(needs_acceptance(&plan, &plan.risks[0]), Some(Zone::Acceptable));
}

#[test]
fn the_chain_gaps_stay_apart_from_the_jsp_deliverables() {
    // The JSP's six deliverables do not ask for traceability: its gaps are
    // listed beside them, never counted in them.
    let plan = sample_plan();
    let in_deliverables: Vec<String> = deliverables(&plan).into_iter().flat_map(|d| d.gaps).map(|g| g.text).collect();
    let chain = gap_texts(&plan);
    assert!(!chain.is_empty());
    assert!(chain.iter().all(|g| !in_deliverables.contains(g)), "{in_deliverables:?}");
}

#[test]
fn bad_links_and_dates_are_refused_and_repaired() {
    let mut plan = sample_plan();
    plan.risks[0].control_ids.push("C-404".into());
    plan.risks[0].acceptance.date = "24/11/2026".into();
    let paths: Vec<String> = validate(&plan).into_iter().map(|v| v.path).collect();
    assert_eq!(paths, ["risks/0/control_ids/1", "risks/0/acceptance/date"]);
    let words: Vec<String> = validate(&plan).iter().map(|v| jsp_planner::plan::rules::describe(v, &plan)).collect();
    assert_eq!(
        words,
        [
            "Risk R-001: the linked control 2 is “C-404”, which does not exist.",
            "Risk R-001, acceptance: the date must be written year-month-day, as 2026-11-24, or be left empty.",
        ]
    );
    // A treatment that is not one of the four is named with the four.
    let mut file: serde_json::Value = serde_json::from_str(&jsp_planner::plan::file::export_compact(&sample_plan())).unwrap();
    file["plan"]["risks"][0]["treatment"] = 3.into();
    let err = jsp_planner::plan::file::import(file.to_string().as_bytes()).unwrap_err().to_string();
    assert!(err.contains("“mitigate”, “accept”, “transfer” or “avoid”"), "{err}");
    let log = jsp_planner::plan::repair::repair(&mut plan);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(validate(&plan).is_empty());
    assert_eq!(plan.risks[0].control_ids, ["C-001"]);
    // Removing a control unlinks it; new ids continue after the highest in use.
    plan.remove_control("C-001");
    assert!(plan.risks[0].control_ids.is_empty());
    let first = plan.add_control("x", ControlKind::Labelling);
    assert_eq!(plan.add_control("y", ControlKind::Labelling), "C-002");
    plan.remove_control(&first);
    assert_eq!(plan.add_control("z", ControlKind::Labelling), "C-003");
    assert!(validate(&plan).is_empty());
}

#[test]
fn folding_a_need_names_user_needs_adds_new_ones_and_refuses_bad_ids() {
    use jsp_planner::plan::edit::{apply, SizeCheck};
    let mut plan = sample_plan();
    plan.fold_need("nd-sbom", "UN-3, UN-7 UN-3;");
    assert_eq!(plan.needs.iter().find(|n| n.id == "nd-sbom").unwrap().user_need_ids, ["UN-3", "UN-7"]);
    assert_eq!(plan.user_needs.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(), ["UN-3", "UN-7"]);
    assert_eq!(plan.add_user_need("  Safe updates "), "UN-8");
    // Through the edit path, an id with a character ids cannot hold is refused, in words.
    let before = plan.clone();
    let why = apply(&mut plan, crate::common::NOW, SizeCheck::Now, |p| p.fold_need("nd-sbom", "UN/9")).err().unwrap();
    assert_eq!(plan, before, "nothing changed");
    assert!(why.starts_with("User need UN/9"), "{why}");
    // Blank unfolds; removing a user need unfolds every need from it.
    plan.fold_need("nd-sbom", " ");
    assert!(plan.needs.iter().find(|n| n.id == "nd-sbom").unwrap().user_need_ids.is_empty());
    plan.fold_need("nd-patch-schedule", "UN-7");
    plan.remove_user_need("UN-7");
    assert!(plan.needs.iter().all(|n| !n.user_need_ids.contains(&"UN-7".to_string())));
    assert!(validate(&plan).is_empty());
    // The traceability table names the user needs a need folds into.
    plan.fold_need("nd-updates-no-steps", "UN-3, UN-8");
    assert!(rows(&plan).iter().filter(|r| r.need_id == "nd-updates-no-steps").all(|r| r.user_need == "UN-3, UN-8"));
}

/// The index answers as reading the whole register would: entries in the
/// register's order, once each (also when an entry names a link twice),
/// controls in the plan's order, nothing for ids no one links.
#[test]
fn the_links_index_answers_as_reading_the_register_would() {
    use jsp_planner::plan::trace::Links;
    let mut plan = sample_plan();
    let c2 = plan.add_control("Role-based access control", ControlKind::Design);
    let c3 = plan.add_control("Audit log", ControlKind::Procedure);
    let unused = plan.add_control("Unused control", ControlKind::Labelling);
    for n in 0..30 {
        let id = plan.add_risk("Asset", &format!("Threat {n}"));
        let risk = plan.risk_mut(&id).unwrap();
        // Linked in the reverse of the plan's order, some twice.
        risk.control_ids = match n % 4 {
            0 => vec![c3.clone(), c2.clone()],
            1 => vec![c2.clone(), c2.clone()],
            2 => vec!["C-001".into(), c3.clone()],
            _ => vec![],
        };
        risk.need_ids = match n % 3 {
            0 => vec!["nd-updates-no-steps".into(), "nd-updates-no-steps".into()],
            1 => vec!["nd-patch-schedule".into()],
            _ => vec![],
        };
    }
    let links = Links::new(&plan);
    for control in &plan.controls {
        let by_reading: Vec<&str> = plan.risks.iter().filter(|r| r.control_ids.contains(&control.id)).map(|r| r.id.as_str()).collect();
        assert_eq!(links.risks_using(&control.id), by_reading.as_slice(), "{}", control.id);
    }
    assert!(links.risks_using(&unused).is_empty());
    assert!(links.risks_using("C-999").is_empty());
    for risk in &plan.risks {
        let by_reading: Vec<&Control> = plan.controls.iter().filter(|c| risk.control_ids.contains(&c.id)).collect();
        assert_eq!(links.controls_of(risk), by_reading, "{}", risk.id);
    }
    for need in &plan.needs {
        let by_reading: Vec<&RiskEntry> = plan.risks.iter().filter(|r| r.need_ids.contains(&need.id)).collect();
        assert_eq!(links.risks_of_need(&need.id), by_reading.as_slice(), "{}", need.id);
    }
    let users = links.users_by_control();
    assert_eq!(users.get(&unused), None);
    assert_eq!(users[&c2], links.risks_using(&c2).join(", "));
    // The table lists an entry once under a need it names twice.
    let table = rows(&plan);
    let first = plan.risks.iter().find(|r| r.need_ids.len() == 2).unwrap();
    let lines = table.iter().filter(|r| r.risk_id == first.id && r.need_id == "nd-updates-no-steps").count();
    assert_eq!(lines, first.control_ids.len().max(1));
}
