//! Random sequences of the edits the app makes, with arbitrary inputs (empty,
//! blank, very long, any Unicode, any number), applied through the one edit
//! path. Whatever the sequence, every plan it leaves validates and comes back
//! unchanged from its stored text: no edit can make a plan unopenable.

use crate::edits::{op, run};
use jsp_planner::plan::edit::{apply, growth_bound, SizeCheck};
use jsp_planner::plan::file::MAX_FILE_BYTES;
use jsp_planner::plan::file::{export_compact, import};
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
            let size = if n % 2 == 0 { SizeCheck::Now } else { SizeCheck::Within(bytes_before, growth_bound) };
            match apply(&mut plan, "2026-11-23T11:00:00.000Z", size, |p| run(op, p, n)) {
                Ok(Some(applied)) => {
                    prop_assert_eq!(&applied.before, &before);
                    let text = export_compact(&plan);
                    // The size it says is a bound of the real one, and within the limit.
                    prop_assert!(text.len() <= applied.bytes, "{} bytes, said at most {}", text.len(), applied.bytes);
                    prop_assert!(applied.bytes <= MAX_FILE_BYTES);
                    match applied.text {
                        Some(written) => {
                            prop_assert_eq!(&written, &text);
                            prop_assert_eq!(applied.bytes, text.len());
                        }
                        None => prop_assert!(matches!(size, SizeCheck::Within(..))),
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

/// A plan of about 4 MB: 4,000 risks with 700-character threats, the first
/// risks' controls filling it to `short_by` bytes under the limit.
fn plan_near_the_limit(short_by: usize) -> jsp_planner::plan::model::Plan {
    let mut plan = jsp_planner::plan::presets::new_plan("plan-big".into(), "Big".into(), "2026-11-23T10:00:00.000Z".into());
    let risk = |i: usize| jsp_planner::plan::model::RiskEntry::new(format!("R-{i:04}"), "Asset", &"t".repeat(700));
    plan.risks = (0..4000).map(risk).collect();
    // Texts may be at most 20,000 characters: the filling is spread over the first risks.
    for risk in 0.. {
        let room = MAX_FILE_BYTES - short_by - export_compact(&plan).len();
        if room == 0 {
            break;
        }
        plan.risks[risk].controls = "c".repeat(room.min(19_000));
    }
    assert_eq!(export_compact(&plan).len(), MAX_FILE_BYTES - short_by);
    plan
}

/// Typing in a 4 MB plan 10 kB under the limit: the growth is bounded by
/// the risk typed in, so its text is left to be written after the screen
/// shows the character, and the bound says how much room is left.
#[test]
fn a_keystroke_near_the_limit_is_bounded_by_the_item_it_changes() {
    let short_by = 10_000;
    let mut plan = plan_near_the_limit(short_by);
    let bytes = MAX_FILE_BYTES - short_by;
    let applied = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Within(bytes, growth_bound), |p| p.risks[2000].owner.push('x'))
        .expect("kept")
        .expect("changed");
    assert_eq!(applied.text, None, "not written before the screen shows it");
    let real = export_compact(&plan).len();
    assert!(real <= applied.bytes, "{real} > {}", applied.bytes);
    // About one risk's text (some 900 bytes) and the stamp: not a whole text's worth.
    assert!(applied.bytes - bytes < 2_000, "bound grew {} bytes", applied.bytes - bytes);
}

/// An edit that could pass the limit has its text written at once, and one
/// that does pass it is refused, the plan keeping its last valid value.
#[test]
fn near_the_limit_the_size_is_checked_at_once_and_a_larger_plan_refused() {
    let short_by = 300;
    let mut plan = plan_near_the_limit(short_by);
    let bytes = MAX_FILE_BYTES - short_by;
    let applied = apply(&mut plan, "2026-11-23T11:00:00.000Z", SizeCheck::Within(bytes, growth_bound), |p| p.risks[2000].owner.push('x'));
    let applied = applied.expect("kept").expect("changed");
    assert_eq!(applied.text.as_deref(), Some(export_compact(&plan).as_str()));
    assert_eq!(applied.bytes, MAX_FILE_BYTES - short_by + 1);

    let before = plan.clone();
    let why = apply(&mut plan, "2026-11-23T11:01:00.000Z", SizeCheck::Within(applied.bytes, growth_bound), |p| {
        p.risks[3000].controls = "o".repeat(400)
    })
    .expect_err("refused");
    assert!(why.contains("larger than 4 MB"), "{why}");
    assert_eq!(plan, before);
    // The same with the size not known.
    let why =
        apply(&mut plan, "2026-11-23T11:01:00.000Z", SizeCheck::Now, |p| p.risks[3000].controls = "o".repeat(400)).expect_err("refused");
    assert!(why.contains("larger than 4 MB"), "{why}");
    assert_eq!(plan, before);
}

/// Removing items and adding them again counts only what is new.
#[test]
fn the_growth_bound_counts_the_changed_items_only() {
    let plan = plan_near_the_limit(10_000);
    let mut fewer = plan.clone();
    fewer.risks.remove(17);
    assert_eq!(growth_bound(&plan, &fewer), 0);
    let one = export_compact(&plan).len() - export_compact(&fewer).len();
    // Put back: the risk and a comma.
    assert_eq!(growth_bound(&fewer, &plan), one);
    let mut renamed = plan.clone();
    renamed.name = "Bigger".into();
    assert_eq!(growth_bound(&plan, &renamed), "\"Bigger\"".len());
    assert_eq!(growth_bound(&plan, &plan.clone()), 0);
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
