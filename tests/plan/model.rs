//! Model operations and library helpers.

use crate::common::{sample_plan, NOW};
use jsp_planner::app::library;
use jsp_planner::common::ids;
use jsp_planner::plan::model::*;
use jsp_planner::plan::rules::validate;

#[test]
fn set_relevance_replaces_and_clears_a_cell() {
    let mut plan = sample_plan();
    plan.set_relevance("sh-clinicians", "nd-sbom", Some(Relevance::Relevant));
    assert_eq!(plan.relevance("sh-clinicians", "nd-sbom"), Some(Relevance::Relevant));
    plan.set_relevance("sh-clinicians", "nd-sbom", Some(Relevance::Critical));
    assert_eq!(plan.relevance("sh-clinicians", "nd-sbom"), Some(Relevance::Critical));
    assert_eq!(plan.need_links.iter().filter(|l| l.need_id == "nd-sbom").count(), 2);
    plan.set_relevance("sh-clinicians", "nd-sbom", None);
    assert_eq!(plan.relevance("sh-clinicians", "nd-sbom"), None);
}

#[test]
fn removing_a_need_removes_every_link_to_it() {
    let mut plan = sample_plan();
    plan.remove_need("nd-updates-no-steps");
    assert!(plan.needs.iter().all(|n| n.id != "nd-updates-no-steps"));
    assert!(plan.need_links.iter().all(|l| l.need_id != "nd-updates-no-steps"));
    assert!(plan.risks[0].need_ids.is_empty());
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn removing_a_stakeholder_removes_its_cells() {
    let mut plan = sample_plan();
    plan.remove_stakeholder("sh-hospital-it");
    assert!(plan.need_links.iter().all(|l| l.stakeholder_id != "sh-hospital-it"));
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn zone_of_reads_the_grid_and_rejects_off_grid_ratings() {
    let c = jsp_planner::plan::presets::criteria_5x5();
    assert_eq!(c.zone_of(Rating { likelihood: 1, severity: 1 }), Some(Zone::Acceptable));
    assert_eq!(c.zone_of(Rating { likelihood: 5, severity: 5 }), Some(Zone::Unacceptable));
    assert_eq!(c.zone_of(Rating { likelihood: 3, severity: 3 }), Some(Zone::Review));
    assert_eq!(c.zone_of(Rating { likelihood: 0, severity: 1 }), None);
    assert_eq!(c.zone_of(Rating { likelihood: 1, severity: 6 }), None);
}

#[test]
fn duplicate_gets_a_new_identity_and_keeps_content() {
    let plan = sample_plan();
    let later = "2026-12-01T00:00:00.000Z";
    let copy = library::duplicate(&plan, ids::new_id("plan", 7), later, ids::copy_name(&plan.name));
    assert_eq!(copy.id, "plan-0000000000000007");
    assert_eq!(copy.name, "Copy of Infusion pump 3.2");
    assert_eq!((copy.created_at.as_str(), copy.updated_at.as_str()), (later, later));
    assert_eq!(copy.risks, plan.risks);
    assert_eq!(plan.created_at, NOW);
}

#[test]
fn names_are_cleaned_and_made_unique() {
    assert_eq!(ids::clean_name("  Pump  "), Some("Pump".into()));
    assert_eq!(ids::clean_name("   "), None);
    assert_eq!(ids::clean_name(&"x".repeat(400)).unwrap().len(), 300);
    let taken = ["Pump", "Pump (2)"];
    assert_eq!(ids::unique_name("Pump", taken.iter().copied()), "Pump (3)");
    assert_eq!(ids::unique_name("Monitor", taken.iter().copied()), "Monitor");
}

#[test]
fn a_need_matches_its_text_or_user_need_id_ignoring_case() {
    let need =
        SecurityNeed { id: "nd-1".into(), text: "Audit log of remote sessions".into(), user_need_ids: vec!["UN-3".into(), "UN-12".into()] };
    assert!(need.matches("remote"));
    assert!(need.matches("audit log"));
    assert!(need.matches("un-1"));
    assert!(!need.matches("firmware"));
    assert!(!SecurityNeed { user_need_ids: vec![], ..need }.matches("un-"));
}

#[test]
fn the_preset_selector_names_the_grid_only_while_it_matches_a_preset() {
    use jsp_planner::plan::presets::{grid_presets, matching_preset};
    let mut plan = sample_plan();
    plan.apply_grid(grid_presets()[0].1.clone());
    assert_eq!(matching_preset(&plan.criteria), Some(0));
    // Switched to 4 x 4 by the level counts: the names and zones are not the 4 x 4 preset's.
    plan.resize_grid(4, 4);
    assert_eq!(matching_preset(&plan.criteria), None);
    for (i, (_, criteria)) in grid_presets().into_iter().enumerate() {
        plan.apply_grid(criteria);
        assert_eq!(matching_preset(&plan.criteria), Some(i));
    }
    // One cell's zone changed: no longer the preset.
    let z = plan.criteria.zones[0][0];
    plan.set_zone(0, 0, if z == Zone::Acceptable { Zone::Review } else { Zone::Acceptable });
    assert_eq!(matching_preset(&plan.criteria), None);
}
