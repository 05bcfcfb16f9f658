//! Three-way merge of two copies of a plan: properties over random edit
//! sequences on each side, and the cases a workshop meets.

use crate::common::sample_plan;
use crate::edits::{op, run, Op};
use jsp_planner::plan::edit::{apply, SizeCheck};
use jsp_planner::plan::file;
use jsp_planner::plan::model::*;
use jsp_planner::plan::rules::validate;
use jsp_planner::plan::versions::merge::{merge, merge_onto, Side};
use proptest::prelude::*;

/// `base` after `ops`, each through the one edit path (refused edits change nothing).
fn edited(base: &Plan, ops: Vec<Op>, now: &str) -> Plan {
    let mut plan = base.clone();
    for (n, op) in ops.into_iter().enumerate() {
        let _ = apply(&mut plan, now, SizeCheck::Now, |p| run(op, p, n + 1000));
    }
    plan
}

/// Times of edit aside (a merge keeps the later one), are two plans the same?
fn same(a: &Plan, b: &Plan) -> bool {
    let mut b = b.clone();
    b.updated_at = a.updated_at.clone();
    b.created_at = a.created_at.clone();
    *a == b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(ops in proptest::collection::vec(op(), 1..25)) {
        let base = sample_plan();
        let changed = edited(&base, ops, "2026-11-23T11:00:00.000Z");
        let theirs_only = merge(&base, &base, &changed);
        prop_assert!(theirs_only.conflicts.is_empty(), "{:?}", theirs_only.conflicts);
        let resolved = theirs_only.resolve(&[]).map_err(TestCaseError::fail)?;
        prop_assert!(same(&changed, &resolved.plan), "theirs lost: {:?}", resolved.repairs);
        let mine_only = merge(&base, &changed, &base).resolve(&[]).map_err(TestCaseError::fail)?;
        prop_assert!(same(&changed, &mine_only.plan));
        // Merging a plan with itself changes nothing.
        let itself = merge(&base, &changed, &changed);
        prop_assert!(itself.conflicts.is_empty());
        prop_assert!(same(&changed, &itself.resolve(&[]).map_err(TestCaseError::fail)?.plan));
    }

    #[test]
    fn every_merge_of_two_edited_copies_validates(
        mine_ops in proptest::collection::vec(op(), 1..20),
        theirs_ops in proptest::collection::vec(op(), 1..20),
        pick in 0u8..3,
    ) {
        let base = sample_plan();
        let mine = edited(&base, mine_ops, "2026-11-23T11:00:00.000Z");
        let theirs = edited(&base, theirs_ops, "2026-11-23T12:00:00.000Z");
        let m = merge(&base, &mine, &theirs);
        // The app merges onto the ancestor's stored text, read only as JSON:
        // the same merge, from a stored file of the current version or an older one.
        let stored = file::export_compact(&base);
        prop_assert_eq!(&merge_onto(&file::plan_json(stored.as_bytes()).unwrap(), &mine, &theirs), &m);
        // Mine, theirs, or both wherever both is offered.
        let choices: Vec<Side> = m.conflicts.iter().map(|c| match pick {
            0 => Side::Mine,
            1 => Side::Theirs,
            _ if c.both.is_some() => Side::Both,
            _ => Side::Mine,
        }).collect();
        let resolved = m.resolve(&choices).map_err(TestCaseError::fail)?;
        prop_assert!(validate(&resolved.plan).is_empty());
        let later = mine.updated_at.clone().max(theirs.updated_at.clone());
        prop_assert_eq!(&resolved.plan.updated_at, &later, "the later edit time stands");
        for c in &m.conflicts {
            prop_assert!(!c.place.is_empty());
        }
    }
}

#[test]
fn edits_on_different_fields_both_survive_and_same_field_edits_conflict() {
    let base = sample_plan();
    let mut mine = base.clone();
    mine.project.resources.budget = "EUR 80k".into();
    mine.risks[0].owner = "Mine".into();
    let mut theirs = base.clone();
    theirs.project.resources.people = "2 FTE".into();
    theirs.risks[0].owner = "Theirs".into();
    theirs.add_need("nd-new".into(), "Audit log of remote sessions".into());
    theirs.updated_at = "2026-11-24T09:00:00.000Z".into();

    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.place, "Risk R-001, owner");
    assert_eq!(c.mine, Some("Mine".into()));
    assert_eq!(c.theirs, Some("Theirs".into()));
    assert_eq!(m.theirs_applied, 2, "their people and their new need");
    // The preview names each place that takes their change.
    assert_eq!(m.applied.len(), 2);
    assert!(m.applied.iter().any(|p| p.to_lowercase().contains("people")), "{:?}", m.applied);
    assert!(m.applied.iter().any(|p| p.contains("Audit log of remote sessions")), "{:?}", m.applied);

    let kept_mine = m.resolve(&[Side::Mine]).unwrap().plan;
    assert_eq!(kept_mine.project.resources.budget, "EUR 80k");
    assert_eq!(kept_mine.project.resources.people, "2 FTE");
    assert_eq!(kept_mine.risks[0].owner, "Mine");
    assert!(kept_mine.needs.iter().any(|n| n.id == "nd-new"));
    assert_eq!(kept_mine.updated_at, "2026-11-24T09:00:00.000Z");
    assert_eq!(m.resolve(&[Side::Theirs]).unwrap().plan.risks[0].owner, "Theirs");
}

#[test]
fn both_keeps_mine_and_adds_theirs_as_a_new_item() {
    let base = sample_plan();
    let need = base.needs[0].id.clone();
    let mut mine = base.clone();
    mine.risks[0].owner = "Mine".into();
    mine.risks[0].controls = "My controls".into();
    mine.need_mut(&need).unwrap().text = "Worded by us".into();
    let mut theirs = base.clone();
    theirs.risks[0].owner = "Theirs".into();
    theirs.risks[0].controls = "Their controls".into();
    theirs.need_mut(&need).unwrap().text = "Worded by them".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 3, "{:?}", m.conflicts);
    assert!(m.conflicts.iter().all(|c| c.both.is_some()), "every conflict is inside an item with an id");

    let both = m.resolve(&[Side::Both, Side::Both, Side::Both]).unwrap().plan;
    assert_eq!(both.risks.len(), base.risks.len() + 1, "one copy of the risk, for two conflicts in it");
    assert_eq!((both.risks[0].owner.as_str(), both.risks[0].controls.as_str()), ("Mine", "My controls"));
    let copy = &both.risks[1];
    assert_eq!((copy.owner.as_str(), copy.controls.as_str()), ("Theirs", "Their controls"));
    assert!(copy.id.starts_with("R-") && base.risks.iter().all(|r| r.id != copy.id), "a new risk number: {}", copy.id);
    let texts: Vec<&str> = both.needs.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.contains(&"Worded by us") && texts.contains(&"Worded by them"), "{texts:?}");
    assert_eq!(both.needs.iter().find(|n| n.text == "Worded by them").unwrap().id, format!("{need}-2"));
    assert!(validate(&both).is_empty());

    // A removal against an edit has no item on one side: both is not offered.
    let mut removed = base.clone();
    removed.remove_need(&need);
    let removal = merge(&base, &removed, &theirs);
    let c = removal.conflicts.iter().find(|c| c.mine.is_none()).expect("the removal conflicts");
    assert!(c.both.is_none());
}

#[test]
fn a_removal_against_an_edit_is_a_conflict_and_links_to_removed_items_go() {
    let base = sample_plan();
    let need = base.needs[0].id.clone();
    let mut mine = base.clone();
    mine.remove_need(&need);
    let mut theirs = base.clone();
    theirs.need_mut(&need).unwrap().text = "Reworded by the other team".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].mine, None);
    let removed = m.resolve(&[Side::Mine]).unwrap().plan;
    assert!(removed.needs.iter().all(|n| n.id != need));
    assert!(removed.need_links.iter().all(|l| l.need_id != need), "no link left to a removed need");
    let kept = m.resolve(&[Side::Theirs]).unwrap().plan;
    assert_eq!(kept.needs.iter().find(|n| n.id == need).unwrap().text, "Reworded by the other team");
}

/// Benchmark figure (not a test; `scripts/bench.sh` runs it): merge two 1 MB
/// copies of a plan with 100 changes on each side, natively in release mode.
#[test]
#[ignore]
fn bench_merge_of_two_large_copies() {
    let mut base = sample_plan();
    for i in 0..1000 {
        base.add_need(format!("nd-b{i}"), format!("Security need number {i}: {}", "detail ".repeat(40)));
        base.add_risk(&format!("Asset {i}"), &format!("Threat {i}: {}", "spoofed command ".repeat(30)));
    }
    let size = jsp_planner::plan::file::export_compact(&base).len();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    for i in 0..100 {
        mine.needs[i * 2].text = format!("Mine changed need {i}");
        theirs.risks[i * 3].owner = format!("Their owner {i}");
    }
    let runs = 10;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        let m = merge(&base, &mine, &theirs);
        let resolved = m.resolve(&[]).expect("merges");
        assert_eq!(resolved.plan.risks[0].owner, "Their owner 0");
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("Merge of two {:.1} MB copies, 100 changes each side (native, release): {ms:.1} ms (goal 100 ms)", size as f64 / 1_048_576.0);
}

#[test]
fn the_ancestor_is_read_as_json_from_any_version_and_a_non_plan_is_refused() {
    let base = sample_plan();
    let mut v1: serde_json::Value = serde_json::from_str(&file::export_compact(&base)).unwrap();
    v1["version"] = 1.into();
    let criteria = v1["plan"]["criteria"].as_object_mut().unwrap();
    criteria.remove("removed_likelihood_levels");
    criteria.remove("removed_severity_levels");
    let read = file::plan_json(v1.to_string().as_bytes()).unwrap();
    let current = file::plan_json(file::export_compact(&base).as_bytes()).unwrap();
    assert_eq!(read, current, "version 1 is migrated forward");
    let mut theirs = base.clone();
    theirs.name = "Theirs".into();
    assert_eq!(merge_onto(&read, &base, &theirs), merge(&base, &base, &theirs));
    for bad in [
        r#"{"format":"jsp-planner/plan","version":2}"#,
        r#"{"format":"jsp-planner/plan","version":2,"plan":[]}"#,
        "[]",
        r#"{"format":"other","version":2,"plan":{}}"#,
    ] {
        assert!(file::plan_json(bad.as_bytes()).is_err(), "{bad}");
    }
}
