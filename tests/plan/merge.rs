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
    let new_need = theirs.add_need("Audit log of remote sessions".into());
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
    assert!(kept_mine.needs.iter().any(|n| n.id == new_need));
    assert_eq!(kept_mine.updated_at, "2026-11-24T09:00:00.000Z");
    assert_eq!(m.resolve(&[Side::Theirs]).unwrap().plan.risks[0].owner, "Theirs");
}

#[test]
fn both_keeps_both_values_in_the_field_not_a_second_item() {
    let base = sample_plan();
    let need = base.needs[0].id.clone();
    let mut mine = base.clone();
    mine.risks[0].owner = "Mine".into();
    mine.risks[0].controls = "My controls".into();
    mine.risks[0].status = RiskStatus::Closed;
    mine.risks[0].need_ids = vec![base.needs[1].id.clone()];
    mine.need_mut(&need).unwrap().text = "Worded by us".into();
    mine.project.product = "My product".into();
    let mut theirs = base.clone();
    theirs.risks[0].owner = "Theirs".into();
    theirs.risks[0].controls = "Their controls".into();
    theirs.risks[0].status = RiskStatus::Accepted;
    theirs.risks[0].need_ids = vec![base.needs[2].id.clone(), base.needs[1].id.clone()];
    theirs.need_mut(&need).unwrap().text = "Worded by them".into();
    theirs.project.product = "Their product".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 6, "{:?}", m.conflicts);
    let offered = |place: &str| {
        m.conflicts.iter().find(|c| c.place == place).unwrap_or_else(|| panic!("{place}: {:?}", m.conflicts)).both_words.clone()
    };
    assert_eq!(offered("Risk R-001, owner").as_deref(), Some("Mine; Theirs"));
    assert_eq!(offered("Risk R-001, control notes").as_deref(), Some("My controls\n\nTheir controls"));
    let linked = offered("Risk R-001, linked needs").expect("two lists of links unite");
    assert_eq!(linked, format!("{} {}; {} {}", base.needs[1].id, base.needs[1].text, base.needs[2].id, base.needs[2].text));
    // A choice, or a name, is one thing: no both.
    assert_eq!(offered("Risk R-001, status"), None);
    assert_eq!(offered("Project planning, product"), None);

    let both = m.resolve(&vec![Side::Both; m.conflicts.len()]).unwrap().plan;
    assert_eq!(both.risks.len(), base.risks.len(), "no second risk");
    assert_eq!(both.needs.len(), base.needs.len(), "no second need");
    let risk = &both.risks[0];
    assert_eq!((risk.owner.as_str(), risk.controls.as_str()), ("Mine; Theirs", "My controls\n\nTheir controls"));
    assert_eq!(risk.need_ids, [base.needs[1].id.clone(), base.needs[2].id.clone()]);
    assert_eq!(risk.status, RiskStatus::Closed, "both not offered: mine stays");
    assert_eq!(both.needs.iter().find(|n| n.id == need).unwrap().text, "Worded by us; Worded by them");
    assert_eq!(both.project.product, "My product");
    assert!(validate(&both).is_empty());

    // A removal against an edit has one value: both is not offered.
    let mut removed = base.clone();
    removed.remove_need(&need);
    let removal = merge(&base, &removed, &theirs);
    let c = removal.conflicts.iter().find(|c| c.mine.is_none()).expect("the removal conflicts");
    assert!(c.both.is_none());
    // Two texts that would not fit the field together are not offered joined.
    let (mut long_mine, mut long_theirs) = (base.clone(), base.clone());
    long_mine.risks[0].owner = "m".repeat(200);
    long_theirs.risks[0].owner = "t".repeat(200);
    assert!(merge(&base, &long_mine, &long_theirs).conflicts[0].both.is_none());
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
        base.add_need(format!("Security need number {i}: {}", "detail ".repeat(40)));
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
    // As an older file's needs are read (version 5 gave them readable ids).
    let base = crate::common::with_readable_need_ids(sample_plan());
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

/// A copy of `base` with a risk, a control linked to it, a user need, a
/// stakeholder with a matrix cell, a role with a RACI cell and an
/// attendee, and a component linked to the risk, all added under the ids
/// the other copy also uses.
fn with_additions(base: &Plan, word: &str, need: usize) -> Plan {
    let mut plan = base.clone();
    let risk = plan.add_risk("Dose update service", &format!("{word} threat"));
    let control = plan.add_control(&format!("{word} control"), ControlKind::Design);
    let need_id = plan.needs[need].id.clone();
    let r = plan.risk_mut(&risk).unwrap();
    r.control_ids = vec![control.clone()];
    r.need_ids = vec![need_id.clone()];
    plan.fold_need(&need_id, "UN-1");
    plan.user_need_mut("UN-1").unwrap().text = format!("{word} user need");
    plan.add_stakeholder("st-new".into(), format!("{word} stakeholder"));
    plan.set_relevance("st-new", &need_id, Some(Relevance::Critical));
    plan.roles.push(Role { id: "role-new".into(), name: format!("{word} role") });
    plan.set_raci("role-new", "act-a3", Some(Raci::Consulted));
    plan.add_attendee("att-new".into(), &format!("{word} attendee"), "", Some("role-new".into()));
    let component = plan.add_component(&format!("{word} component"));
    plan.link_component_risk(&component, &risk, true);
    plan
}

#[test]
fn items_added_on_both_sides_under_one_id_are_both_kept_with_their_links() {
    let base = sample_plan();
    let mine = with_additions(&base, "My", 0);
    let theirs = with_additions(&base, "Their", 1);
    let m = merge(&base, &mine, &theirs);
    assert!(m.conflicts.is_empty(), "nothing conflicts: {:?}", m.conflicts);
    let renamed: Vec<(&str, &str)> = m.renumbered.iter().map(|r| (r.old.as_str(), r.new.as_str())).collect();
    for pair in [
        ("R-002", "R-003"),
        ("C-002", "C-003"),
        ("UN-1", "UN-2"),
        ("st-new", "st-new-2"),
        ("role-new", "role-new-2"),
        ("att-new", "att-new-2"),
        ("CMP-001", "CMP-002"),
    ] {
        assert!(renamed.contains(&pair), "{pair:?} in {renamed:?}");
    }
    let risk = m.renumbered.iter().find(|r| r.old == "R-002").unwrap();
    assert_eq!((risk.mine.as_str(), risk.theirs.as_str()), ("Risk R-002", "Risk R-003"));
    assert!(m.applied.iter().any(|p| p == "Risk R-003"), "their risk is listed as added: {:?}", m.applied);

    let plan = m.resolve(&[]).unwrap().plan;
    assert!(validate(&plan).is_empty());
    let (my_risk, their_risk) =
        (plan.risks.iter().find(|r| r.id == "R-002").unwrap(), plan.risks.iter().find(|r| r.id == "R-003").unwrap());
    assert_eq!((my_risk.threat.as_str(), their_risk.threat.as_str()), ("My threat", "Their threat"));
    let control = |id: &str| plan.controls.iter().find(|c| c.id == id).unwrap().description.clone();
    assert_eq!(my_risk.control_ids, ["C-002"]);
    assert_eq!(control("C-002"), "My control");
    assert_eq!(their_risk.control_ids, ["C-003"], "their risk's link follows their control");
    assert_eq!(control("C-003"), "Their control");
    let component = |id: &str| plan.component(id).map(|c| (c.name.as_str(), c.risk_ids.clone())).unwrap();
    assert_eq!(component("CMP-001"), ("My component", vec!["R-002".to_string()]));
    assert_eq!(component("CMP-002"), ("Their component", vec!["R-003".to_string()]), "their component's link follows their risk");
    assert_eq!(their_risk.need_ids, [base.needs[1].id.clone()]);
    let user_need = |id: &str| plan.user_needs.iter().find(|u| u.id == id).unwrap().text.clone();
    assert_eq!((user_need("UN-1"), user_need("UN-2")), ("My user need".to_string(), "Their user need".to_string()));
    assert_eq!(plan.needs[0].user_need_ids, ["UN-1"]);
    assert_eq!(plan.needs[1].user_need_ids, ["UN-2"], "their fold follows their user need");
    let stakeholder = |id: &str| plan.stakeholders.iter().find(|s| s.id == id).unwrap().name.clone();
    assert_eq!((stakeholder("st-new"), stakeholder("st-new-2")), ("My stakeholder".to_string(), "Their stakeholder".to_string()));
    assert_eq!(plan.relevance("st-new", &base.needs[0].id), Some(Relevance::Critical));
    assert_eq!(plan.relevance("st-new-2", &base.needs[1].id), Some(Relevance::Critical), "their matrix cell follows");
    assert_eq!(plan.relevance("st-new", &base.needs[1].id), None);
    assert_eq!(plan.raci_value("role-new", "act-a3"), Some(Raci::Consulted));
    assert_eq!(plan.raci_value("role-new-2", "act-a3"), Some(Raci::Consulted), "their RACI cell follows");
    let attendee = plan.document.attendees.iter().find(|a| a.name == "Their attendee").unwrap();
    assert_eq!((attendee.id.as_str(), attendee.role_id.as_deref()), ("att-new-2", Some("role-new-2")));

    // The same item added alike on both sides is one item.
    let alike = merge(&base, &mine, &mine);
    assert!(alike.renumbered.is_empty() && alike.conflicts.is_empty());
}

#[test]
fn every_link_field_is_named_for_the_list_it_points_into() {
    // The merge renumbers an item of `needs` and follows every `need_id` and
    // `need_ids`: a link field named otherwise would be left pointing at mine.
    let plan = with_additions(&sample_plan(), "Any", 0);
    let value: serde_json::Value = serde_json::from_str(&file::export_compact(&plan)).unwrap();
    let plan = &value["plan"];
    fn walk<'a>(key: &str, v: &'a serde_json::Value, out: &mut Vec<(String, &'a serde_json::Value)>) {
        if key.ends_with("_id") || key.ends_with("_ids") {
            out.push((key.to_string(), v));
        }
        match v {
            serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| walk(k, v, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk("", v, out)),
            _ => {}
        }
    }
    let mut links = Vec::new();
    walk("", plan, &mut links);
    let mut seen = std::collections::BTreeSet::new();
    for (key, v) in links {
        // Not links to an item of the plan: the document's own id, a fixed question's id.
        if key == "document_id" || key == "question_id" {
            continue;
        }
        let stem = key.trim_end_matches("_ids").trim_end_matches("_id");
        let list = match stem.strip_suffix('y') {
            Some(s) => format!("{s}ies"),
            None => format!("{stem}s"),
        };
        let items = plan[&list].as_array().unwrap_or_else(|| panic!("{key} names no list {list}"));
        let ids: Vec<&str> = match v {
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
            v => v.as_str().into_iter().collect(),
        };
        for id in ids {
            assert!(items.iter().any(|i| i["id"] == id), "{key} {id} is an item of {list}");
        }
        seen.insert(key);
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ["activity_id", "control_ids", "need_id", "need_ids", "risk_ids", "role_id", "stakeholder_id", "user_need_ids"]
    );
}

#[test]
fn conflicts_are_worded_as_the_app_words_them() {
    let mut base = sample_plan();
    base.criteria.axis = LikelihoodAxis::Likelihood;
    base.rename_level(true, 3, "Likely".into());
    base.rename_level(false, 2, "Serious".into());
    let (first, second) = (base.needs[1].clone(), base.needs[2].clone());
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.risks[0].initial = Some(Rating { likelihood: 4, severity: 3 });
    theirs.risks[0].initial = None;
    let control = mine.add_control("Log every dose change", ControlKind::Procedure);
    mine.risks[0].control_ids.push(control);
    theirs.risks[0].control_ids.clear();
    mine.risks[0].need_ids = vec![first.id.clone()];
    theirs.risks[0].need_ids.clear();
    mine.risks[0].status = RiskStatus::Closed;
    theirs.risks[0].status = RiskStatus::Accepted;
    mine.remove_need(&second.id);
    theirs.need_mut(&second.id).unwrap().text = "Reworded by them".into();
    mine.set_raci("role-product-security", "act-a3", Some(Raci::Responsible));
    theirs.set_raci("role-product-security", "act-a3", Some(Raci::Informed));

    let m = merge(&base, &mine, &theirs);
    let words = |place: &str| {
        let c = m.conflicts.iter().find(|c| c.place == place).unwrap_or_else(|| panic!("{place} in {:?}", m.conflicts));
        (c.mine_words.as_str(), c.theirs_words.as_str())
    };
    assert_eq!(words("Risk R-001, initial rating"), ("Likelihood: Likely (4), Severity: Serious (3)", "(not rated)"));
    assert_eq!(
        words("Risk R-001, linked controls"),
        ("C-001 Firmware images are signed and verified by secure boot; C-002 Log every dose change", "(none)")
    );
    assert_eq!(words("Risk R-001, linked needs"), (format!("{} {}", first.id, first.text).as_str(), "(none)"));
    assert_eq!(words("Risk R-001, status"), ("Closed", "Accepted"));
    let removed = m.conflicts.iter().find(|c| c.mine.is_none()).expect("the removed need conflicts");
    assert_eq!(
        (removed.mine_words.as_str(), removed.theirs_words.as_str()),
        ("(removed)", format!("{} Reworded by them", second.id).as_str())
    );
    let cell = m.conflicts.iter().find(|c| c.path.first() == Some(&jsp_planner::plan::versions::diff::Step::Field("raci".into()))).unwrap();
    assert_eq!((cell.mine_words.as_str(), cell.theirs_words.as_str()), ("Responsible", "Informed"));
    for c in &m.conflicts {
        for w in [&c.mine_words, &c.theirs_words] {
            assert!(!w.contains(['{', '[', '"']), "{} is worded as data: {w}", c.place);
        }
    }
}

#[test]
fn whole_items_and_links_are_worded_by_their_id_and_text() {
    use jsp_planner::plan::versions::diff::Step;
    use jsp_planner::plan::versions::words::worded;
    let plan = sample_plan();
    let json: serde_json::Value = serde_json::from_str(&file::export_compact(&plan)).unwrap();
    let root = &json["plan"];
    let at = |path: &[(&str, bool)]| -> Vec<Step> {
        path.iter().map(|(s, item)| if *item { Step::Item((*s).into()) } else { Step::Field((*s).into()) }).collect()
    };
    let risk = at(&[("risks", false), ("R-001", true)]);
    assert_eq!(worded(&risk, Some(&root["risks"][0]), root, root), "R-001 Dose update service: Tampered firmware image");
    assert_eq!(worded(&risk, None, root, root), "(removed)");
    let cell = &root["need_links"][0];
    let key = format!("need_id={}&stakeholder_id={}", cell["need_id"].as_str().unwrap(), cell["stakeholder_id"].as_str().unwrap());
    let words = worded(&at(&[("need_links", false), (&key, true)]), Some(cell), root, root);
    assert_eq!(words, format!("{} × {} {}: Critical", plan.stakeholders[0].name, plan.needs[0].id, plan.needs[0].text));
    let owner = at(&[("risks", false), ("R-001", true), ("owner", false)]);
    assert_eq!(worded(&owner, Some(&"".into()), root, root), "(empty)");
    let long = "x".repeat(500);
    assert_eq!(worded(&owner, Some(&long.as_str().into()), root, root).chars().count(), 201, "a long text is cut, with …");
}
