//! The workspace's domain: acceptability evaluation, register queries,
//! completeness of the deliverables, and matrix / grid / RACI edits.

use crate::common::sample_plan;
use jsp_planner::common::ids::move_by;
use jsp_planner::plan::deliverables::{deliverables, Completeness, Fix, Gap, Place};
use jsp_planner::plan::model::*;
use jsp_planner::plan::presets;
use jsp_planner::plan::risk::{self, RegisterQuery, SortKey, Stage};
use jsp_planner::plan::rules::validate;

fn risk(id: &str, initial: (u8, u8), residual: Option<(u8, u8)>) -> RiskEntry {
    let rating = |(likelihood, severity)| Rating { likelihood, severity };
    RiskEntry {
        id: id.into(),
        asset: format!("asset {id}"),
        threat: format!("threat {id}"),
        initial: Some(rating(initial)),
        controls: String::new(),
        residual: residual.map(rating),
        need_ids: vec![],
        owner: String::new(),
        status: RiskStatus::Open,
        treatment: None,
        control_ids: vec![],
        acceptance: Acceptance::default(),
    }
}

#[test]
fn an_entry_is_judged_by_its_residual_rating_once_assessed() {
    let plan = sample_plan();
    let j = risk::judge(&plan.risks[0], &plan.criteria);
    assert_eq!(j.initial, Some(Zone::Unacceptable)); // 4 + 5
    assert_eq!(j.residual, Some(Zone::Review)); // 1 + 5
    assert_eq!(j.current(), Some(Zone::Review));
    let untreated = risk("R-009", (1, 1), None);
    assert_eq!(risk::judge(&untreated, &plan.criteria).current(), Some(Zone::Acceptable));
}

#[test]
fn ratings_read_as_level_names_with_numbers_beside() {
    let plan = sample_plan();
    let r = Rating { likelihood: 4, severity: 5 };
    let names = risk::rating_names(&plan.criteria, r);
    let expected = format!("{} × {}", plan.criteria.likelihood_levels[3], plan.criteria.severity_levels[4]);
    assert_eq!(names, expected);
    assert!(!names.contains('4') && !names.contains('5'), "names, not numbers: {names}");
    assert_eq!(risk::rating_numbers(r), "4 × 5");
    // A level past the names (never in a valid plan) still says something.
    assert_eq!(
        risk::rating_names(&plan.criteria, Rating { likelihood: 9, severity: 1 }),
        format!("9 × {}", plan.criteria.severity_levels[0])
    );
}

#[test]
fn judgement_follows_the_painted_grid() {
    let mut plan = sample_plan();
    plan.criteria.zones[0][4] = Zone::Unacceptable;
    assert_eq!(risk::judge(&plan.risks[0], &plan.criteria).current(), Some(Zone::Unacceptable));
}

#[test]
fn grid_cells_list_and_count_their_entries() {
    let mut plan = sample_plan();
    plan.risks.push(risk("R-002", (4, 5), Some((2, 2))));
    plan.risks.push(risk("R-003", (1, 1), None));
    let cell = Rating { likelihood: 4, severity: 5 };
    let ids: Vec<_> = risk::in_cell(&plan, Stage::Initial, cell).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["R-001", "R-002"]);
    let counts = risk::cell_counts(&plan, Stage::Residual);
    assert_eq!((counts[0][4], counts[1][1], counts[0][0]), (1, 1, 0));
    assert_eq!(counts.iter().flatten().sum::<usize>(), 2);
}

#[test]
fn the_register_filters_and_sorts() {
    let mut plan = sample_plan();
    plan.risks.push(risk("R-002", (5, 5), None));
    plan.risks.push(risk("R-003", (1, 2), None));
    plan.risks[2].owner = "Alice".into();
    plan.risks[2].status = RiskStatus::Closed;

    let ids = |q: &RegisterQuery| risk::query(&plan, q).iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&RegisterQuery { sort: SortKey::Risk, ..Default::default() }), ["R-002", "R-001", "R-003"]);
    assert_eq!(ids(&RegisterQuery { zone: Some(Zone::Unacceptable), ..Default::default() }), ["R-002"]);
    assert_eq!(ids(&RegisterQuery { status: Some(RiskStatus::Closed), ..Default::default() }), ["R-003"]);
    assert_eq!(ids(&RegisterQuery { text: "FIRMWARE".into(), ..Default::default() }), ["R-001"]);
    assert_eq!(ids(&RegisterQuery { sort: SortKey::Owner, ..Default::default() }), ["R-002", "R-003", "R-001"]);
    // Status order is the lifecycle (open, mitigating, accepted, closed).
    assert_eq!(ids(&RegisterQuery { sort: SortKey::Status, ..Default::default() }), ["R-002", "R-001", "R-003"]);
    assert_eq!(risk::next_risk_id(&plan), "R-004");
    // Ties keep register order.
    plan.risks[1].status = RiskStatus::Closed;
    let ids = risk::query(&plan, &RegisterQuery { sort: SortKey::Status, ..Default::default() });
    assert_eq!(ids.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["R-001", "R-002", "R-003"]);
}

#[test]
fn the_register_search_finds_risks_by_their_linked_controls() {
    let mut plan = sample_plan();
    plan.risks.push(risk("R-002", (5, 5), None));
    plan.risks.push(risk("R-003", (1, 2), None));
    let signed = plan.add_control("Quarantined bootloader keys", jsp_planner::plan::model::ControlKind::Design);
    plan.controls.iter_mut().find(|c| c.id == signed).unwrap().verification = "TR-77-Q".into();
    plan.risks[1].control_ids.push(signed.clone());
    let ids = |text: &str| {
        risk::query(&plan, &RegisterQuery { text: text.into(), ..Default::default() }).iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids("quarantined BOOTLOADER"), ["R-002"], "by the control's words");
    assert_eq!(ids(&signed), ["R-002"], "by its id");
    assert_eq!(ids("tr-77-q"), ["R-002"], "by its verification");
    assert_eq!(ids("nothing like this"), Vec::<String>::new());
}

#[test]
fn a_new_plan_has_started_nothing_but_the_grid() {
    let plan = presets::new_plan("p-1".into(), "New".into(), crate::common::NOW.into());
    let d = deliverables(&plan);
    assert_eq!(d.len(), 6);
    assert_eq!(d[0].status, Completeness::NotStarted);
    assert_eq!(d[1].status, Completeness::InProgress, "the preset grid counts: {:?}", d[1].gaps);
    assert_eq!(d[2].status, Completeness::InProgress, "preset stakeholders count");
    assert!(d[2].gaps.iter().all(|g| g.place == Place::Stakeholders));
    assert_eq!(d[5].status, Completeness::NotStarted);
}

/// Fill in everything the six deliverables ask for.
fn complete_plan() -> Plan {
    let mut plan = sample_plan();
    plan.project.scope = Some(Scope::NewProduct);
    plan.project.description = "Adds wireless dose updates".into();
    plan.project.resources = Resources { budget: "120k".into(), people: "2 FTE".into(), activities: "Threat model, pen test".into() };
    let m = &mut plan.management;
    for field in [
        &mut m.security_and_safety_risk,
        &mut m.risk_acceptability,
        &mut m.third_party_monitoring,
        &mut m.update_and_rollback,
        &mut m.vulnerability_disclosure,
        &mut m.suppliers,
        &mut m.roles_and_responsibilities,
    ] {
        *field = "Written".into();
    }
    m.sbom = SbomApproach {
        formats: vec![SbomFormat::Cyclonedx],
        generated_when: "Every build".into(),
        owner: "PSIRT".into(),
        customer_access: String::new(),
    };
    let ids: Vec<String> = plan.needs.iter().map(|n| n.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        plan.fold_need(id, &format!("UN-{i}"));
    }
    let role = plan.roles[0].id.clone();
    plan.raci.retain(|a| a.value != Raci::Accountable);
    for activity in plan.activities.iter().map(|a| a.id.clone()).collect::<Vec<_>>() {
        plan.set_raci(&role, &activity, Some(Raci::Accountable));
    }
    plan
}

#[test]
fn a_filled_plan_completes_every_deliverable() {
    let plan = complete_plan();
    for d in deliverables(&plan) {
        assert_eq!(d.status, Completeness::Complete, "{}: {:?}", d.title, d.gaps);
    }
    assert_eq!(deliverables(&plan)[0].title, "Development Plan");
}

#[test]
fn each_gap_says_what_is_missing_and_where() {
    let mut plan = complete_plan();
    plan.project.scope = Some(Scope::Maintenance);
    plan.project.change_impact.push(ImpactAnswer { question_id: "cia-data".into(), answer: Answer::No, note: String::new() });
    plan.needs[0].user_need_ids.clear();
    plan.management.sbom.formats.clear();
    plan.risks[0].residual = Some(Rating { likelihood: 5, severity: 5 });
    let d = deliverables(&plan);
    assert_eq!(d[0].title, "Change Impact Assessment");
    assert_eq!(d[0].gaps[0].text, "Answer the Change Impact Assessment (6 questions open).");
    assert_eq!(d[2].gaps[0].text, "Fold each need into a user need (1 not yet folded).");
    assert_eq!(d[4].gaps[0].place, Place::Management);
    assert_eq!(d[5].gaps[0].text, "R-001: the residual risk is unacceptable; add controls or record its acceptance.");
    assert!(d.iter().all(|x| x.status != Completeness::NotStarted));
    // A recorded benefit-risk acceptance settles it.
    plan.risks[0].acceptance =
        Acceptance { rationale: "Benefit outweighs it".into(), approver: "Head of QA".into(), date: "2026-11-24".into() };
    assert!(deliverables(&plan)[5].gaps.is_empty());
    assert!(d.iter().all(|x| x.status != Completeness::NotStarted));
}

#[test]
fn each_text_gap_names_the_field_that_closes_it() {
    // Emptying one text of a complete plan opens exactly one gap, whose fix is
    // that text: the dashboard's link then lands on the right field.
    let base = complete_plan();
    let mut checked = 0;
    for field in PlanText::ALL.into_iter().filter(|f| !base.text(*f).is_empty() && *f != PlanText::Name) {
        let mut plan = base.clone();
        plan.set_text(field, String::new());
        let gaps: Vec<Gap> = deliverables(&plan).into_iter().flat_map(|d| d.gaps).collect();
        assert_eq!(gaps.len(), 1, "{field:?}: {gaps:?}");
        assert_eq!(gaps[0].fix, Fix::Text(field), "{}", gaps[0].text);
        assert_eq!(gaps[0].place, gaps[0].fix.place());
        checked += 1;
    }
    assert!(checked >= 13, "only {checked} texts checked");
}

#[test]
fn other_gaps_name_their_control() {
    let mut plan = complete_plan();
    let activity = plan.activities[1].id.clone();
    plan.raci.retain(|a| !(a.activity_id == activity && a.value == Raci::Accountable));
    plan.risks.push(risk("R-002", (2, 2), None));
    plan.management.sbom.formats.clear();
    let fixes: Vec<Fix> = deliverables(&plan).into_iter().flat_map(|d| d.gaps).map(|g| g.fix).collect();
    assert_eq!(fixes, [Fix::Accountable(activity), Fix::SbomFormat, Fix::Risk("R-002".into())]);
    assert_eq!(Fix::Control(String::new()).place(), Place::Traceability);
    assert_eq!(Fix::Accountable(String::new()).place(), Place::Roles);
    assert_eq!(Fix::Text(PlanText::SbomOwner).place(), Place::Management);
    assert_eq!(Fix::Text(PlanText::Budget).place(), Place::Project);
}

#[test]
fn register_gaps_name_each_entry() {
    let mut plan = complete_plan();
    plan.risks.push(risk("R-002", (2, 2), None));
    let d = &deliverables(&plan)[5];
    assert_eq!(d.status, Completeness::InProgress);
    assert_eq!(d.gaps[0].text, "R-002: add controls, residual rating, linked stakeholder need.");
}

#[test]
fn matrix_cells_cycle_and_items_reorder() {
    assert_eq!(Relevance::cycle(None), Some(Relevance::Relevant));
    assert_eq!(Relevance::cycle(Some(Relevance::Relevant)), Some(Relevance::Critical));
    assert_eq!(Relevance::cycle(Some(Relevance::Critical)), None);

    let mut plan = sample_plan();
    assert!(move_by(&mut plan.stakeholders, "sh-clinicians", -1));
    assert_eq!(plan.stakeholders[0].id, "sh-clinicians");
    assert!(!move_by(&mut plan.stakeholders, "sh-clinicians", -1));
    assert!(!move_by(&mut plan.needs, "nd-compliance-proof", 1));
    assert!(!move_by(&mut plan.needs, "nd-unknown", 1));
}

#[test]
fn example_needs_are_added_once_with_their_links() {
    let mut plan = presets::new_plan("p-1".into(), "New".into(), crate::common::NOW.into());
    assert_eq!(plan.accept_example_needs(), 7);
    assert_eq!(plan.accept_example_needs(), 0);
    assert_eq!(plan.relevance("sh-field-service", "SN-06"), Some(Relevance::Critical));
    assert_eq!(
        plan.needs.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["SN-01", "SN-02", "SN-03", "SN-04", "SN-05", "SN-06", "SN-07"]
    );
    assert_eq!(plan.need_links.len(), 7);
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn raci_cells_set_replace_and_clear() {
    let mut plan = sample_plan();
    plan.set_raci("role-engineering", "act-a1", Some(Raci::Responsible));
    plan.set_raci("role-engineering", "act-a1", Some(Raci::Consulted));
    assert_eq!(plan.raci_value("role-engineering", "act-a1"), Some(Raci::Consulted));
    assert_eq!(plan.raci.len(), 2);
    plan.remove_role("role-product-security");
    assert_eq!(plan.raci.len(), 1);
    plan.set_raci("role-engineering", "act-a1", None);
    assert!(plan.raci.is_empty());
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn shrinking_the_grid_moves_ratings_onto_it_and_stays_valid() {
    let mut plan = sample_plan();
    assert_eq!(plan.resize_grid(3, 3), 2);
    assert_eq!(plan.risks[0].initial, Some(Rating { likelihood: 3, severity: 3 }));
    assert_eq!(plan.risks[0].residual, Some(Rating { likelihood: 1, severity: 3 }));
    assert_eq!(validate(&plan), vec![]);
    assert_eq!(plan.resize_grid(9, 4), 0);
    assert_eq!((plan.criteria.likelihood_levels.len(), plan.criteria.severity_levels.len()), (5, 4));
    assert_eq!(plan.criteria.zones[4][3], Zone::Unacceptable);
    assert_eq!(plan.criteria.zones[0][0], Zone::Acceptable);
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn every_grid_preset_is_valid_and_has_all_three_zones() {
    for (name, criteria) in presets::grid_presets() {
        let mut plan = sample_plan();
        plan.criteria = criteria;
        plan.risks.clear();
        assert_eq!(validate(&plan), vec![], "{name}");
        let zones: Vec<Zone> = plan.criteria.zones.iter().flatten().copied().collect();
        for z in [Zone::Acceptable, Zone::Review, Zone::Unacceptable] {
            assert!(zones.contains(&z), "{name} lacks {z:?}");
        }
    }
}

#[test]
fn not_sure_keeps_the_assessment_open_and_accountability_must_be_single() {
    let mut plan = complete_plan();
    plan.project.scope = Some(Scope::MajorAddition);
    for (id, _) in jsp_planner::plan::presets::IMPACT_QUESTIONS {
        plan.project.change_impact.push(ImpactAnswer { question_id: id.to_string(), answer: Answer::Yes, note: String::new() });
    }
    assert_eq!(deliverables(&plan)[0].status, Completeness::Complete);
    plan.project.change_impact[0].answer = Answer::Unsure;
    assert_eq!(deliverables(&plan)[0].gaps[0].text, "Answer the Change Impact Assessment (1 question open).");

    let (second, activity) = (plan.roles[1].id.clone(), plan.activities[0].id.clone());
    plan.set_raci(&second, &activity, Some(Raci::Accountable));
    let gaps = &deliverables(&plan)[1].gaps;
    assert!(gaps.iter().any(|g| g.place == Place::Roles && g.text.contains("exactly one Accountable role (it has 2)")), "{gaps:?}");
}

#[test]
fn an_unrated_risk_is_in_no_zone_and_a_gap() {
    let mut plan = complete_plan();
    plan.risks[0].initial = None;
    plan.risks[0].residual = None;
    let j = jsp_planner::plan::risk::judge(&plan.risks[0], &plan.criteria);
    assert_eq!(j.current(), None);
    assert_eq!(jsp_planner::plan::risk::zone_label(j.current()), "Not rated");
    let counts = jsp_planner::plan::risk::cell_counts(&plan, jsp_planner::plan::risk::Stage::Initial);
    assert_eq!(counts.iter().flatten().sum::<usize>(), plan.risks.len() - 1);
    let register = &deliverables(&plan)[5];
    assert!(register.gaps.iter().any(|g| g.text.starts_with(&format!("{}: add initial rating", plan.risks[0].id))), "{register:?}");
}

/// A plan whose six deliverables are complete while the app lists ten gaps
/// in the chain: five risks awaiting acceptance, five controls without a
/// verification reference (the case a report once called complete).
pub(crate) fn complete_but_for_the_chain() -> Plan {
    let mut plan = complete_plan();
    // The sample's own chain closed: R-001 covers every need and is accepted.
    let every_need = plan.needs.iter().map(|n| n.id.clone()).collect();
    let r = plan.risk_mut("R-001").unwrap();
    r.need_ids = every_need;
    r.acceptance = Acceptance { rationale: "Benefit outweighs it".into(), approver: "Head of QA".into(), date: "2026-11-24".into() };
    assert!(jsp_planner::plan::trace::gaps(&plan).is_empty());
    let need = plan.needs[0].id.clone();
    for i in 1..=5 {
        let control = plan.add_control(&format!("Unverified control {i}"), ControlKind::Design);
        let id = plan.add_risk("Pump firmware", &format!("Threat {i}"));
        let r = plan.risk_mut(&id).unwrap();
        r.initial = Some(Rating { likelihood: 2, severity: 2 });
        r.residual = Some(Rating { likelihood: 1, severity: 1 });
        r.treatment = Some(Treatment::Accept);
        r.need_ids = vec![need.clone()];
        r.control_ids = vec![control];
    }
    assert!(validate(&plan).is_empty());
    plan
}

#[test]
fn the_status_counts_the_chain_gaps_beside_the_six_deliverables() {
    use jsp_planner::plan::deliverables::{status, TRACEABILITY};
    let plan = complete_but_for_the_chain();
    let s = status(&plan);
    assert!(s.deliverables.iter().all(|d| d.status == Completeness::Complete), "{:?}", s.deliverables);
    assert_eq!(s.deliverables, deliverables(&plan), "the six are the JSP's, as the dashboard lists them");
    assert_eq!(s.traceability.gaps, jsp_planner::plan::trace::gaps(&plan), "the chain's gaps, as the app lists them");
    assert_eq!((s.traceability.title, s.traceability.status), (TRACEABILITY, Completeness::InProgress));
    assert_eq!(s.open_gaps(), 10);
    assert_eq!(s.summary(), "6 of 6 deliverables complete; 10 gaps open, all in traceability and risk acceptance.");
    assert_eq!(s.rows().count(), 7);

    // One open deliverable gap beside the chain's.
    let mut plan = plan;
    plan.management.sbom.owner.clear();
    assert_eq!(status(&plan).summary(), "5 of 6 deliverables complete; 11 gaps open, 10 of them in traceability and risk acceptance.");
    // With nothing to trace there is no gap, and nothing done either.
    let new = presets::new_plan("p-1".into(), "New".into(), crate::common::NOW.into());
    assert_eq!(status(&new).traceability.status, Completeness::NotStarted);
    assert_eq!(status(&sample_plan()).traceability.status, Completeness::InProgress);
}
