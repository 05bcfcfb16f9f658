//! Random sequences of the edits the app makes, with arbitrary inputs (empty,
//! blank, very long, any Unicode, any number), applied through the one edit
//! path. Whatever the sequence, every plan it leaves validates and comes back
//! unchanged from its stored text: no edit can make a plan unopenable.

use crate::edits::{op, run};
use jsp_planner::plan::edit::{apply, SizeCheck, EDIT_GROWTH_BOUND};
use jsp_planner::plan::file::{export_compact, import};
use jsp_planner::plan::model::PlanText;
use jsp_planner::plan::rules::validate;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_edit_sequence_leaves_a_plan_that_loads(ops in proptest::collection::vec(op(), 1..40)) {
        let mut plan = jsp_planner::plan::presets::new_plan("plan-seq".into(), "Sequence".into(), "2026-11-23T10:00:00.000Z".into());
        for (n, op) in ops.into_iter().enumerate() {
            let before = plan.clone();
            let bytes_before = export_compact(&plan).len();
            // Alternate the two size checks: the text now, or later within the growth bound.
            let size = if n % 2 == 0 { SizeCheck::Now } else { SizeCheck::Within(bytes_before) };
            match apply(&mut plan, "2026-11-23T11:00:00.000Z", size, |p| run(op, p, n)) {
                Ok(Some(applied)) => {
                    prop_assert_eq!(&applied.before, &before);
                    let text = export_compact(&plan);
                    match applied.text {
                        Some(written) => prop_assert_eq!(&written, &text),
                        None => {
                            prop_assert_eq!(size, SizeCheck::Within(bytes_before));
                            prop_assert!(text.len() <= bytes_before + EDIT_GROWTH_BOUND, "grew {} bytes", text.len() - bytes_before);
                        }
                    }
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
    let mut plan = jsp_planner::plan::presets::new_plan("plan-x".into(), "Named".into(), "2026-11-23T10:00:00.000Z".into());
    let why = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Now, |p| p.name = "  ".into()).expect_err("refused");
    assert_eq!(plan.name, "Named");
    assert!(why.to_lowercase().contains("plan name"), "{why}");
    assert!(why.contains("empty"), "{why}");
}

/// The largest ordinary edit: two texts (an edit sets at most two) as long
/// as a text may be, every character written as a six-byte JSON escape.
#[test]
fn the_largest_ordinary_edit_grows_the_text_by_less_than_the_bound() {
    let mut plan = jsp_planner::plan::presets::new_plan("plan-x".into(), "Big".into(), "2026-11-23T10:00:00.000Z".into());
    let worst: String = "\u{1}".repeat(jsp_planner::common::rules::MAX_TEXT_LEN);
    let bytes_before = export_compact(&plan).len();
    let applied = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Within(bytes_before), |p| {
        p.set_text(PlanText::Summary, worst.clone());
        p.set_text(PlanText::Updates, worst.clone());
    });
    assert!(applied.expect("kept").is_some());
    let grown = export_compact(&plan).len() - bytes_before;
    assert!(grown >= 2 * 6 * jsp_planner::common::rules::MAX_TEXT_LEN, "the test edit is as large as intended: {grown}");
    assert!(grown <= EDIT_GROWTH_BOUND, "{grown} > {EDIT_GROWTH_BOUND}");
}

/// Near the file limit an ordinary edit is checked at once: its text comes back.
#[test]
fn near_the_limit_the_size_is_checked_at_once() {
    let mut plan = jsp_planner::plan::presets::new_plan("plan-x".into(), "Near".into(), "2026-11-23T10:00:00.000Z".into());
    let near = jsp_planner::plan::file::MAX_FILE_BYTES - EDIT_GROWTH_BOUND + 1;
    let applied = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Within(near), |p| p.name = "Nearer".into());
    assert_eq!(applied.expect("kept").expect("changed").text, Some(export_compact(&plan)));
    let far = jsp_planner::plan::file::MAX_FILE_BYTES - EDIT_GROWTH_BOUND;
    let applied = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Within(far), |p| p.name = "Far".into());
    assert_eq!(applied.expect("kept").expect("changed").text, None);
}

#[test]
fn shrinking_and_growing_the_grid_restores_level_names() {
    let mut plan = jsp_planner::plan::presets::new_plan("plan-x".into(), "Grid".into(), "2026-11-23T10:00:00.000Z".into());
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
    let plan = jsp_planner::plan::presets::new_plan("plan-old".into(), "Old".into(), "2026-11-23T10:00:00.000Z".into());
    let mut v: serde_json::Value = serde_json::from_str(&export_compact(&plan)).unwrap();
    v["version"] = 1.into();
    v["plan"]["name"] = "".into();
    let criteria = v["plan"]["criteria"].as_object_mut().unwrap();
    criteria.remove("removed_likelihood_levels");
    criteria.remove("removed_severity_levels");
    let (opened, log) = jsp_planner::plan::repair::read_stored(&v.to_string()).expect("repaired");
    assert_eq!(opened.name, "Untitled plan");
    assert_eq!(log, vec!["The plan name was empty and is now “Untitled plan”.".to_string()]);
    // A file that is not a plan at all is not "repaired".
    assert!(jsp_planner::plan::repair::read_stored("{\"format\":\"jsp-planner/plan\"").is_err());
}
