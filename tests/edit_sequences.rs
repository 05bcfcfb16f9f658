//! Random sequences of the edits the app makes, with arbitrary inputs (empty,
//! blank, very long, any Unicode, any number), applied through the one edit
//! path. Whatever the sequence, every plan it leaves validates and comes back
//! unchanged from its stored text: no edit can make a plan unopenable.

mod edits;

use edits::{op, run};
use jsp_planner::edit::apply;
use jsp_planner::format::{export_compact, import};
use jsp_planner::validate::validate;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_edit_sequence_leaves_a_plan_that_loads(ops in proptest::collection::vec(op(), 1..40)) {
        let mut plan = jsp_planner::presets::new_plan("plan-seq".into(), "Sequence".into(), "2026-11-23T10:00:00.000Z".into());
        for (n, op) in ops.into_iter().enumerate() {
            let before = plan.clone();
            match apply(&mut plan, "2026-11-23T11:00:00.000Z", |p| run(op, p, n)) {
                Ok(Some(applied)) => {
                    prop_assert_eq!(&applied.before, &before);
                    prop_assert_eq!(&applied.text, &export_compact(&plan));
                }
                Ok(None) => prop_assert_eq!(&plan, &before),
                // A refused edit leaves the plan exactly as it was.
                Err(why) => {
                    prop_assert!(!why.is_empty());
                    prop_assert_eq!(&plan, &before);
                }
            }
            let problems = validate(&plan);
            prop_assert!(problems.is_empty(), "{:?}", problems);
            let back = import(export_compact(&plan).as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back.plan, &plan);
        }
    }
}

#[test]
fn clearing_the_plan_name_is_refused_in_words() {
    let mut plan = jsp_planner::presets::new_plan("plan-x".into(), "Named".into(), "2026-11-23T10:00:00.000Z".into());
    let why = apply(&mut plan, "2026-11-23T11:00:00.000Z", |p| p.name = "  ".into()).err().expect("refused");
    assert_eq!(plan.name, "Named");
    assert!(why.to_lowercase().contains("plan name"), "{why}");
    assert!(why.contains("empty"), "{why}");
}

#[test]
fn shrinking_and_growing_the_grid_restores_level_names() {
    let mut plan = jsp_planner::presets::new_plan("plan-x".into(), "Grid".into(), "2026-11-23T10:00:00.000Z".into());
    let names = plan.criteria.clone();
    plan.resize_grid(4, 4);
    plan.resize_grid(3, 5);
    plan.resize_grid(5, 5);
    assert_eq!(plan.criteria.likelihood_levels, names.likelihood_levels);
    assert_eq!(plan.criteria.severity_levels, names.severity_levels);
    assert!(validate(&plan).is_empty());
}

#[test]
fn a_stored_version_1_plan_with_an_empty_name_opens_repaired() {
    let plan = jsp_planner::presets::new_plan("plan-old".into(), "Old".into(), "2026-11-23T10:00:00.000Z".into());
    let mut v: serde_json::Value = serde_json::from_str(&export_compact(&plan)).unwrap();
    v["version"] = 1.into();
    v["plan"]["name"] = "".into();
    let criteria = v["plan"]["criteria"].as_object_mut().unwrap();
    criteria.remove("removed_likelihood_levels");
    criteria.remove("removed_severity_levels");
    let (opened, log) = jsp_planner::repair::read_stored(&v.to_string()).expect("repaired");
    assert_eq!(opened.name, "Untitled plan");
    assert_eq!(log, vec!["The plan name was empty and is now “Untitled plan”.".to_string()]);
    // A file that is not a plan at all is not "repaired".
    assert!(jsp_planner::repair::read_stored("{\"format\":\"jsp-planner/plan\"").is_err());
}
