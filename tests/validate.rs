//! Plan invariants.

mod common;

use common::sample_plan;
use jsp_planner::model::*;
use jsp_planner::validate::validate;

fn paths(plan: &Plan) -> Vec<String> {
    validate(plan).into_iter().map(|v| v.path).collect()
}

#[test]
fn a_sample_plan_and_a_new_plan_are_valid() {
    assert_eq!(validate(&sample_plan()), vec![]);
    let new = jsp_planner::presets::new_plan("p-1".into(), "New".into(), common::NOW.into());
    assert_eq!(validate(&new), vec![]);
}

#[test]
fn duplicate_ids_are_reported() {
    let mut plan = sample_plan();
    let copy = plan.stakeholders[0].clone();
    plan.stakeholders.push(copy);
    assert_eq!(paths(&plan), vec!["stakeholders/5/id"]);
}

#[test]
fn malformed_ids_are_reported() {
    let mut plan = sample_plan();
    plan.id = "has space".into();
    plan.roles[0].id = String::new();
    assert_eq!(paths(&plan), vec!["id", "roles/0/id"]);
}

#[test]
fn dangling_links_are_reported() {
    let mut plan = sample_plan();
    plan.need_links[0].stakeholder_id = "sh-nobody".into();
    plan.risks[0].need_ids.push("nd-gone".into());
    plan.raci[0].activity_id = "act-gone".into();
    assert_eq!(paths(&plan), vec!["need_links/0/stakeholder_id", "risks/0/need_ids/1", "raci/0/activity_id"]);
}

#[test]
fn doubled_cells_are_reported() {
    let mut plan = sample_plan();
    let link = plan.need_links[0].clone();
    plan.need_links.push(link);
    let cell = plan.raci[0].clone();
    plan.raci.push(cell);
    assert_eq!(paths(&plan), vec!["need_links/7", "raci/1"]);
}

#[test]
fn grid_must_have_three_to_five_levels_and_match_zones() {
    let mut plan = sample_plan();
    plan.criteria.severity_levels.truncate(2);
    let found = paths(&plan);
    assert!(found.contains(&"criteria/severity_levels".to_string()), "{found:?}");
    assert!(found.contains(&"criteria/zones/0".to_string()), "{found:?}");
}

#[test]
fn ratings_must_be_on_the_grid() {
    let mut plan = sample_plan();
    plan.risks[0].initial = Some(Rating { likelihood: 0, severity: 6 });
    assert_eq!(paths(&plan), vec!["risks/0/initial/likelihood", "risks/0/initial/severity"]);
}

#[test]
fn names_must_not_be_blank_and_texts_are_bounded() {
    let mut plan = sample_plan();
    plan.name = "   ".into();
    plan.management.suppliers = "x".repeat(20_001);
    assert_eq!(paths(&plan), vec!["name", "management/suppliers"]);
}

#[test]
fn timestamps_must_look_like_rfc3339() {
    let mut plan = sample_plan();
    plan.updated_at = "yesterday".into();
    assert_eq!(paths(&plan), vec!["updated_at"]);
}
