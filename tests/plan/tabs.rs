//! Two tabs writing one plan (`web::state::tabs`): each merges the other's
//! version onto its own with the other's first, writes only when the merge
//! adds something, and so the two never write the same edits back and forth.

use crate::common::sample_plan;
use crate::edits::{op, run, Op};
use jsp_planner::plan::edit::{apply, SizeCheck};
use jsp_planner::plan::model::Plan;
use jsp_planner::plan::versions::merge::{merge_json, merge_onto, merge_tabs};
use proptest::prelude::*;

fn edited(base: &Plan, ops: Vec<Op>, now: &str) -> Plan {
    let mut plan = base.clone();
    for (n, op) in ops.into_iter().enumerate() {
        let _ = apply(&mut plan, now, SizeCheck::Now, |p| run(op, p, n + 2000));
    }
    plan
}

/// What a tab holding `mine` writes when it finds `theirs` stored, both made from `base`:
/// `None` on a conflict.
fn tab_merge(base: &Plan, theirs: &Plan, mine: &Plan) -> Option<Plan> {
    let m = merge_tabs(&json(base), theirs, mine);
    if !m.conflicts.is_empty() {
        return None;
    }
    m.resolve(&[]).ok().map(|r| r.plan)
}

fn json(plan: &Plan) -> serde_json::Value {
    let text = jsp_planner::plan::file::export_compact(plan);
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["plan"].take()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn tabs_that_merged_each_other_take_the_others_merge_without_writing(
        a in proptest::collection::vec(op(), 1..12),
        b in proptest::collection::vec(op(), 1..12),
    ) {
        let base = sample_plan();
        let mine = edited(&base, a, "2026-11-23T11:00:00.000Z");
        let theirs = edited(&base, b, "2026-11-23T11:00:00.001Z");
        // A tab with nothing new takes the stored plan exactly.
        prop_assert!(tab_merge(&base, &theirs, &base) == Some(theirs.clone()));
        let (Some(r1), Some(r2)) = (tab_merge(&base, &theirs, &mine), tab_merge(&base, &mine, &theirs)) else {
            return Ok(());
        };
        // Both tabs wrote a merge at once (each made from the other's write):
        // each finds the other's merge holds everything, and takes it.
        prop_assert!(tab_merge(&theirs, &r2, &r1) == Some(r2.clone()), "the first tab writes again");
        prop_assert!(tab_merge(&mine, &r1, &r2) == Some(r1.clone()), "the second tab writes again");
        // The same through the JSON merge (the assessment's).
        let (b, t, m) = (json(&base), json(&theirs), json(&mine));
        // (The JSON merge does not renumber: items both tabs added under one id are a conflict there.)
        let onto = merge_onto(&b, &theirs, &mine);
        prop_assert!(onto.conflicts.is_empty());
        if onto.renumbered.is_empty() {
            prop_assert!(merge_json(&b, &t, &m).is_some());
        }
    }
}

#[test]
fn the_json_merge_keeps_both_sides_edits_and_refuses_a_place_changed_twice() {
    let v = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    let base = v(r#"{"updated_at":"2026-01-01","created_at":"2025-01-01","items":[{"id":"a","x":1},{"id":"b","x":1}],"name":"n"}"#);
    let mine = v(r#"{"updated_at":"2026-01-03","created_at":"2025-01-01","items":[{"id":"a","x":2},{"id":"b","x":1}],"name":"n"}"#);
    let theirs = v(r#"{"updated_at":"2026-01-02","created_at":"2025-01-01","items":[{"id":"a","x":1},{"id":"b","x":3}],"name":"n"}"#);
    let merged = merge_json(&base, &theirs, &mine).expect("different items merge");
    assert_eq!(
        merged,
        v(r#"{"updated_at":"2026-01-03","created_at":"2025-01-01","items":[{"id":"a","x":2},{"id":"b","x":3}],"name":"n"}"#)
    );
    let other = v(r#"{"updated_at":"2026-01-02","created_at":"2025-01-01","items":[{"id":"a","x":5},{"id":"b","x":1}],"name":"n"}"#);
    assert_eq!(merge_json(&base, &other, &mine), None, "the same place changed on both sides");
}
