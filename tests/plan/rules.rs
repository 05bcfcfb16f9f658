//! Plan invariants.

use crate::common::sample_plan;
use jsp_planner::plan::model::*;
use jsp_planner::plan::rules::{describe, validate};

fn paths(plan: &Plan) -> Vec<String> {
    validate(plan).into_iter().map(|v| v.path).collect()
}

#[test]
fn a_sample_plan_and_a_new_plan_are_valid() {
    assert_eq!(validate(&sample_plan()), vec![]);
    let new = jsp_planner::plan::presets::new_plan("p-1".into(), "New".into(), crate::common::NOW.into());
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

// --- What the user reads -----------------------------------------------------

fn described(plan: &Plan) -> Vec<String> {
    validate(plan).iter().map(|v| describe(v, plan)).collect()
}

#[test]
fn describe_names_the_place_as_the_user_sees_it() {
    let mut plan = sample_plan();
    plan.name = " ".into();
    plan.stakeholders[2].name = String::new();
    plan.risks[0].initial = Some(Rating { likelihood: 2, severity: 6 });
    plan.criteria.severity_levels[1] = String::new();
    plan.management.suppliers = "x".repeat(20_001);
    assert_eq!(
        described(&plan),
        [
            "Plan name must not be empty.",
            "Stakeholder 3: the name must not be empty.",
            "Security management plan: the section “Supplier and contractor expectations” is longer than 20,000 characters.",
            "Risk criteria: the name of severity level 2 must not be empty.",
            "Risk R-001: the initial severity is 6, which is not a level of this grid (1–5).",
        ]
    );
}

#[test]
fn describe_names_items_by_name_or_position() {
    let mut plan = sample_plan();
    plan.stakeholders[1].description = "d".repeat(20_001);
    plan.need_links[0].need_id = "nd-gone".into();
    plan.risks[0].need_ids.push("nd-gone".into());
    plan.risks[0].id = "has space".into();
    plan.roles[0].id = "role-raqa".into();
    let link = plan.raci[0].clone();
    plan.raci.push(link);
    assert_eq!(
        described(&plan),
        [
            "Stakeholder 2 (“Clinicians”): the description is longer than 20,000 characters.",
            "Needs matrix cell 1: the need is “nd-gone”, which does not exist.",
            "Risk 1: the id must be 1 to 64 letters, digits, hyphens or underscores.",
            "Risk 1: the linked need 2 is “nd-gone”, which does not exist.",
            "Role 3 (“RA/QA”): the id is “role-raqa”, the same as an earlier one.",
            "RACI cell 2 (“Product security” × “A.3 Security management plan”) repeats an earlier cell (the same role and activity).",
        ]
    );
}

#[test]
fn describe_covers_the_grid_and_the_plan_fields() {
    let mut plan = sample_plan();
    plan.updated_at = "yesterday".into();
    plan.criteria.likelihood_levels.truncate(2);
    plan.criteria.removed_severity_levels = vec!["a".into(); 6];
    let found = described(&plan);
    assert_eq!(found[0], "Last edit time must be a date and time such as 2026-01-31T09:30:00.000Z.");
    assert!(found.contains(&"Risk criteria: the likelihood scale must have 3 to 5 levels, not 2.".to_string()), "{found:#?}");
    assert!(
        found.contains(&"Risk criteria: the kept names of removed severity levels must be at most 5, not 6.".to_string()),
        "{found:#?}"
    );
    assert!(found.contains(&"Risk criteria: the zone grid must have one row per likelihood level.".to_string()), "{found:#?}");
    assert!(found.contains(&"Risk R-001: the initial likelihood is 4, which is not a level of this grid (1–2).".to_string()), "{found:#?}");
}

#[test]
fn messages_are_plain_words() {
    let mut plan = sample_plan();
    plan.id = "has space".into();
    plan.stakeholders.push(plan.stakeholders[0].clone());
    plan.need_links.push(plan.need_links[0].clone());
    plan.risks[0].initial = Some(Rating { likelihood: 0, severity: 9 });
    plan.management.sbom.formats = vec![SbomFormat::Spdx, SbomFormat::Spdx];
    let found = validate(&plan);
    assert!(found.len() >= 5);
    for v in &found {
        let sentence = describe(v, &plan);
        assert!(sentence.ends_with('.') && !sentence.contains('/') && !sentence.contains('`'), "{sentence}");
        assert!(!v.message.contains("RFC") && !v.message.contains('\''), "{}", v.message);
    }
}
