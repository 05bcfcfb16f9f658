//! The assessment editor's operations (`assessment::edit`): each one's
//! effect, each refusal's sentence, and validity after every operation.

use jsp_planner::assessment::edit::{self, baseline_notes, next_activity, previous_activity, step, Step};
use jsp_planner::assessment::{self, framework, roadmap, score, validate, Assessment};
use proptest::prelude::*;

use crate::common::assessment::NOW;

const LATER: &str = "2026-03-02T10:15:00.000Z";

/// A new assessment made the way the app makes one ([`edit::create`]).
fn blank() -> Assessment {
    edit::create("as-2026".into(), "Product security maturity 2026", "Acme Medical", "2026-03-02", NOW).expect("a valid new assessment")
}

/// Make an edit that must be kept, and check the assessment still keeps every rule.
fn ok<T>(a: &mut Assessment, change: impl FnOnce(&mut Assessment) -> Result<T, String>) -> T {
    let value = change(a).unwrap_or_else(|why| panic!("refused: {why}"));
    assert_eq!(validate(a), vec![], "invalid after an edit");
    value
}

/// Make an edit that must be refused; the assessment is left exactly as it
/// was (and so still valid). Returns the sentence.
fn refused<T: std::fmt::Debug>(a: &mut Assessment, change: impl FnOnce(&mut Assessment) -> Result<T, String>) -> String {
    let before = a.clone();
    let why = change(a).expect_err("the edit should be refused");
    assert_eq!(*a, before, "a refused edit changed the assessment");
    assert_eq!(validate(a), vec![]);
    assert!(why.ends_with('.') && why.chars().next().is_some_and(char::is_uppercase), "not a sentence: {why}");
    why
}

fn entry<'a>(a: &'a Assessment, id: &str) -> &'a assessment::ActivityEntry {
    a.entry(id).expect("an entry")
}

// ---- create, duplicate, the assessment's fields ----

#[test]
fn create_lists_every_activity_unscored_with_an_empty_roadmap() {
    let a = edit::create("as-1".into(), "  Maturity 2026 ", " Acme ", "2026-03-02", NOW).unwrap();
    assert_eq!((a.id.as_str(), a.name.as_str(), a.organisation.as_str()), ("as-1", "Maturity 2026", "Acme"));
    assert_eq!((a.assessed_on.as_str(), a.created_at.as_str(), a.updated_at.as_str()), ("2026-03-02", NOW, NOW));
    let ids: Vec<&str> = a.activities.iter().map(|e| e.activity_id.as_str()).collect();
    let framework_ids: Vec<&str> = framework::activities().map(|x| x.id).collect();
    assert_eq!(ids, framework_ids);
    assert!(a.activities.iter().all(|e| e.current.is_none() && e.target.is_none() && e.applicable() && e.evidence.is_empty()));
    assert!(a.phases.is_empty() && a.milestones.is_empty() && a.plan_id.is_none());
    assert_eq!(validate(&a), vec![]);
    // An organisation may be left empty.
    assert!(edit::create("as-2".into(), "Maturity", "", "2026-03-02", NOW).is_ok());
}

#[test]
fn create_refuses_in_words() {
    let err = |id: &str, name: &str, org: &str, date: &str| edit::create(id.into(), name, org, date, NOW).unwrap_err();
    assert_eq!(err("as-1", "  ", "Acme", "2026-03-02"), "An assessment needs a name.");
    assert_eq!(
        err("as-1", "Maturity", "Acme", "02/03/2026"),
        "The date of the assessment is “02/03/2026”; write it YYYY-MM-DD, such as 2026-09-30."
    );
    assert_eq!(err("as-1", "Maturity", "Acme", ""), "The date of the assessment is empty; write it YYYY-MM-DD, such as 2026-09-30.");
    assert_eq!(err("as-1", &"n".repeat(301), "Acme", "2026-03-02"), "The assessment's name is longer than 300 characters; shorten it.");
    assert_eq!(
        err("as-1", "Maturity", &"o".repeat(301), "2026-03-02"),
        "The organisation's name is longer than 300 characters; shorten it."
    );
    // What only the rules know (a bad id, a bad clock) is said the rules' way.
    assert_eq!(err("as 1", "Maturity", "Acme", "2026-03-02"), "Assessment id must be 1 to 64 letters, digits, hyphens or underscores.");
    assert!(edit::create("as-1".into(), "Maturity", "Acme", "2026-03-02", "yesterday").unwrap_err().contains("date and time"));
}

#[test]
fn duplicate_keeps_the_answers_under_a_new_identity() {
    let mut a = blank();
    ok(&mut a, |a| a.set_current("concept.a2", Some(2)));
    ok(&mut a, |a| a.add_phase("Foundations", ""));
    ok(&mut a, |a| a.set_plan_id(Some("plan-1")));
    let copy = edit::duplicate(&a, "as-2027".into(), LATER, " Maturity 2027 ").unwrap();
    assert_eq!((copy.id.as_str(), copy.name.as_str()), ("as-2027", "Maturity 2027"));
    assert_eq!((copy.created_at.as_str(), copy.updated_at.as_str()), (LATER, LATER));
    assert_eq!((&copy.activities, &copy.phases, &copy.plan_id), (&a.activities, &a.phases, &a.plan_id));
    assert_eq!(validate(&copy), vec![]);
    assert_eq!(edit::duplicate(&a, "as-2027".into(), LATER, "").unwrap_err(), "An assessment needs a name.");
    assert!(edit::duplicate(&a, "bad id".into(), LATER, "Copy").is_err());
}

#[test]
fn rename_organisation_and_date() {
    let mut a = blank();
    ok(&mut a, |a| a.rename("Maturity, spring "));
    assert_eq!(a.name, "Maturity, spring ", "kept as typed");
    assert_eq!(refused(&mut a, |a| a.rename(" ")), "An assessment needs a name.");
    ok(&mut a, |a| a.set_organisation(""));
    ok(&mut a, |a| a.set_organisation("Acme Imaging"));
    assert_eq!(a.organisation, "Acme Imaging");
    ok(&mut a, |a| a.set_assessed_on("2026-04-15"));
    assert_eq!(a.assessed_on, "2026-04-15");
    assert_eq!(
        refused(&mut a, |a| a.set_assessed_on("2026-13-01")),
        "The date of the assessment is “2026-13-01”; write it YYYY-MM-DD, such as 2026-09-30."
    );
}

#[test]
fn plan_link_is_set_and_cleared() {
    let mut a = blank();
    ok(&mut a, |a| a.set_plan_id(Some("plan-0123456789abcdef")));
    assert_eq!(a.plan_id.as_deref(), Some("plan-0123456789abcdef"));
    assert!(jsp_planner::assessment::plan_link::levels_for_plan(std::slice::from_ref(&a), "plan-0123456789abcdef").is_some());
    assert_eq!(
        refused(&mut a, |a| a.set_plan_id(Some("my plan"))),
        "A plan's id is 1 to 64 letters, digits, hyphens or underscores; “my plan” is not one."
    );
    ok(&mut a, |a| a.set_plan_id(None));
    assert_eq!(a.plan_id, None);
}

// ---- levels ----

#[test]
fn levels_are_set_and_cleared() {
    let mut a = blank();
    ok(&mut a, |a| a.set_current("concept.a2", Some(1)));
    ok(&mut a, |a| a.set_target("concept.a2", Some(4)));
    assert_eq!((entry(&a, "concept.a2").current, entry(&a, "concept.a2").target), (Some(1), Some(4)));
    assert_eq!(score::gaps(&a)[0].size(), 3);
    ok(&mut a, |a| a.set_current("concept.a2", Some(0)));
    ok(&mut a, |a| a.set_target("concept.a2", Some(5)));
    assert_eq!((entry(&a, "concept.a2").current, entry(&a, "concept.a2").target), (Some(0), Some(5)));
    ok(&mut a, |a| a.set_current("concept.a2", None));
    assert_eq!(entry(&a, "concept.a2").current, None);
    assert!(score::gaps(&a).is_empty());
}

#[test]
fn levels_refuse_in_words() {
    let mut a = blank();
    assert_eq!(
        refused(&mut a, |a| a.set_current("concept.a2", Some(6))),
        "The current level of “A.2 Voice of the customer” cannot be 6; levels are 0 to 5."
    );
    assert_eq!(
        refused(&mut a, |a| a.set_target("concept.a1", Some(255))),
        "The target level of “A.1 Release / change project planning” cannot be 255; levels are 0 to 5."
    );
    assert_eq!(refused(&mut a, |a| a.set_current("concept.a9", Some(1))), "There is no activity “concept.a9” in the JSP framework.");
    ok(&mut a, |a| a.mark_not_applicable("design.transfer", "Software only."));
    let name = framework::find("design.transfer").unwrap().1.name;
    assert_eq!(
        refused(&mut a, |a| a.set_target("design.transfer", Some(2))),
        format!("The activity “{name}” is marked not applicable; mark it applicable before scoring it.")
    );
    refused(&mut a, |a| a.step_current("design.transfer", Step::Up));
}

#[test]
fn not_applicable_keeps_the_levels_and_applicable_brings_them_back() {
    let mut a = blank();
    ok(&mut a, |a| a.set_current("maintenance.patching", Some(1)));
    ok(&mut a, |a| a.set_target("maintenance.patching", Some(3)));
    assert_eq!(score::gaps(&a).len(), 1);
    ok(&mut a, |a| a.mark_not_applicable("maintenance.patching", "No fielded software yet."));
    let e = entry(&a, "maintenance.patching");
    assert_eq!((e.not_applicable.as_deref(), e.current, e.target), (Some("No fielded software yet."), Some(1), Some(3)));
    assert!(score::gaps(&a).is_empty(), "not counted while not applicable");
    assert_eq!(a.current("maintenance.patching"), None);
    // The reason can change while it stays not applicable.
    ok(&mut a, |a| a.mark_not_applicable("maintenance.patching", "Nothing in the field."));
    assert_eq!(entry(&a, "maintenance.patching").not_applicable.as_deref(), Some("Nothing in the field."));
    ok(&mut a, |a| a.mark_applicable("maintenance.patching"));
    let e = entry(&a, "maintenance.patching");
    assert_eq!((e.not_applicable.as_deref(), e.current, e.target), (None, Some(1), Some(3)));
    assert_eq!(score::gaps(&a).len(), 1);
    assert_eq!(a.current("maintenance.patching"), Some(1));
}

#[test]
fn not_applicable_needs_a_reason() {
    let mut a = blank();
    let name = framework::find("maintenance.patching").unwrap().1.name;
    let sentence = format!("Say why “{name}” does not apply to the organisation.");
    assert_eq!(refused(&mut a, |a| a.mark_not_applicable("maintenance.patching", "")), sentence);
    assert_eq!(refused(&mut a, |a| a.mark_not_applicable("maintenance.patching", " \n\t")), sentence);
    assert_eq!(
        refused(&mut a, |a| a.mark_not_applicable("maintenance.patching", &"x".repeat(20_001))),
        format!("The reason “{name}” does not apply is longer than 20,000 characters; shorten it.")
    );
    assert_eq!(refused(&mut a, |a| a.mark_not_applicable("nope", "why")), "There is no activity “nope” in the JSP framework.");
    assert_eq!(refused(&mut a, |a| a.mark_applicable("nope")), "There is no activity “nope” in the JSP framework.");
}

#[test]
fn evidence_and_owner_are_kept_as_typed_within_the_rules_lengths() {
    let mut a = blank();
    ok(&mut a, |a| a.set_evidence("concept.a2", "Workshop notes, "));
    ok(&mut a, |a| a.set_owner("concept.a2", "Head of product "));
    let e = entry(&a, "concept.a2");
    assert_eq!((e.evidence.as_str(), e.owner.as_str()), ("Workshop notes, ", "Head of product "));
    ok(&mut a, |a| a.set_evidence("concept.a2", &"é".repeat(20_000)));
    ok(&mut a, |a| a.set_owner("concept.a2", &"o".repeat(300)));
    assert_eq!(
        refused(&mut a, |a| a.set_evidence("concept.a2", &"é".repeat(20_001))),
        "The evidence for “A.2 Voice of the customer” is longer than 20,000 characters; shorten it."
    );
    assert_eq!(
        refused(&mut a, |a| a.set_owner("concept.a2", &"o".repeat(301))),
        "The owner of “A.2 Voice of the customer” is longer than 300 characters; shorten it."
    );
    // Notes may be written on an activity that does not apply.
    ok(&mut a, |a| a.mark_not_applicable("concept.a3", "Not ours."));
    ok(&mut a, |a| a.set_owner("concept.a3", ""));
    ok(&mut a, |a| a.set_evidence("concept.a3", "Board minute 12"));
    assert_eq!(entry(&a, "concept.a3").evidence, "Board minute 12");
}

#[test]
fn an_entry_missing_from_an_older_file_is_added_in_framework_order_only_when_needed() {
    let mut a = blank();
    a.activities.retain(|e| e.activity_id != "concept.a2");
    let before = a.clone();
    ok(&mut a, |a| a.set_current("concept.a2", None));
    ok(&mut a, |a| a.mark_applicable("concept.a2"));
    ok(&mut a, |a| a.set_evidence("concept.a2", ""));
    assert_eq!(a, before, "an edit that changes nothing adds nothing");
    ok(&mut a, |a| a.set_target("concept.a2", Some(3)));
    assert_eq!(a.activities[1].activity_id, "concept.a2");
    assert_eq!(a.activities[1].target, Some(3));
}

// ---- the keyboard ----

#[test]
fn stepping_up_climbs_from_unscored_to_five_and_stays() {
    let mut level = None;
    let mut seen = Vec::new();
    for _ in 0..8 {
        level = step(level, Step::Up);
        seen.push(level);
    }
    assert_eq!(seen, [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), Some(5), Some(5)]);
    let mut seen = Vec::new();
    for _ in 0..8 {
        level = step(level, Step::Down);
        seen.push(level);
    }
    assert_eq!(seen, [Some(4), Some(3), Some(2), Some(1), Some(0), None, None, None]);
    // Every level goes up and back down to itself, except at the ends.
    for l in 0..5u8 {
        assert_eq!(step(step(Some(l), Step::Up), Step::Down), Some(l));
    }
    assert_eq!(step(step(None, Step::Up), Step::Down), None);
}

#[test]
fn stepping_an_activity_edits_its_level() {
    let mut a = blank();
    for expected in [Some(0), Some(1), Some(2)] {
        ok(&mut a, |a| a.step_current("risk.design_assessment", Step::Up));
        assert_eq!(entry(&a, "risk.design_assessment").current, expected);
    }
    for _ in 0..7 {
        ok(&mut a, |a| a.step_target("risk.design_assessment", Step::Up));
    }
    assert_eq!(entry(&a, "risk.design_assessment").target, Some(5));
    for expected in [Some(1), Some(0), None, None] {
        ok(&mut a, |a| a.step_current("risk.design_assessment", Step::Down));
        assert_eq!(entry(&a, "risk.design_assessment").current, expected);
    }
    assert_eq!(refused(&mut a, |a| a.step_target("risk.nope", Step::Up)), "There is no activity “risk.nope” in the JSP framework.");
}

#[test]
fn next_and_previous_walk_the_framework_in_order() {
    let ids: Vec<&str> = framework::activities().map(|x| x.id).collect();
    let mut walked = vec![ids[0]];
    while let Some(next) = next_activity(walked.last().unwrap()) {
        walked.push(next.id);
    }
    assert_eq!(walked, ids, "next visits every activity once, across components");
    let mut back = vec![*ids.last().unwrap()];
    while let Some(previous) = previous_activity(back.last().unwrap()) {
        back.push(previous.id);
    }
    back.reverse();
    assert_eq!(back, ids);
    assert_eq!(next_activity("concept.a3").map(|x| x.id), Some(ids[3]), "from the last of Concept to the first of the next component");
    assert_eq!(previous_activity(ids[0]), None);
    assert_eq!(next_activity(ids[ids.len() - 1]), None);
    assert_eq!(next_activity("nope"), None);
    assert_eq!(previous_activity("nope"), None);
}

// ---- the roadmap ----

#[test]
fn phases_are_added_renamed_moved_and_removed() {
    let mut a = blank();
    let p1 = ok(&mut a, |a| a.add_phase("  Foundations ", " Write down what we do. "));
    let p2 = ok(&mut a, |a| a.add_phase("Transparency", ""));
    assert_eq!((p1.as_str(), p2.as_str()), ("PH-1", "PH-2"));
    assert_eq!((a.phases[0].name.as_str(), a.phases[0].goal.as_str()), ("Foundations", "Write down what we do."));
    ok(&mut a, |a| a.rename_phase(&p2, "Transparency to customers"));
    ok(&mut a, |a| a.set_phase_goal(&p2, "SBOMs out."));
    assert_eq!((a.phases[1].name.as_str(), a.phases[1].goal.as_str()), ("Transparency to customers", "SBOMs out."));
    ok(&mut a, |a| a.move_phase(&p2, -1));
    assert_eq!(a.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["PH-2", "PH-1"]);
    ok(&mut a, |a| a.move_phase(&p2, -1));
    assert_eq!(a.phases[0].id, "PH-2", "the first stays first");
    ok(&mut a, |a| a.remove_phase(&p1));
    assert_eq!(a.phases.len(), 1);
    assert_eq!(refused(&mut a, |a| a.remove_phase(&p1)), "There is no phase “PH-1” in this roadmap; it may have been removed.");
}

#[test]
fn phase_refusals_in_words() {
    let mut a = blank();
    assert_eq!(refused(&mut a, |a| a.add_phase(" ", "goal")), "A phase needs a name.");
    let p = ok(&mut a, |a| a.add_phase("Foundations", ""));
    assert_eq!(refused(&mut a, |a| a.rename_phase(&p, "")), "A phase needs a name.");
    assert_eq!(refused(&mut a, |a| a.rename_phase(&p, &"p".repeat(301))), "The phase's name is longer than 300 characters; shorten it.");
    assert_eq!(
        refused(&mut a, |a| a.set_phase_goal(&p, &"g".repeat(20_001))),
        "The phase's goal is longer than 20,000 characters; shorten it."
    );
    assert_eq!(refused(&mut a, |a| a.rename_phase("PH-7", "x")), "There is no phase “PH-7” in this roadmap; it may have been removed.");
    assert_eq!(refused(&mut a, |a| a.move_phase("PH-7", 1)), "There is no phase “PH-7” in this roadmap; it may have been removed.");
    while a.phases.len() < assessment::rules::MAX_PHASES {
        ok(&mut a, |a| a.add_phase("Another", ""));
    }
    assert_eq!(refused(&mut a, |a| a.add_phase("One too many", "")), "The roadmap already has 100 phases, the most it can hold.");
}

#[test]
fn removing_a_phase_keeps_its_milestones_unphased() {
    let mut a = blank();
    let p1 = ok(&mut a, |a| a.add_phase("Foundations", ""));
    let p2 = ok(&mut a, |a| a.add_phase("Automation", ""));
    let m1 = ok(&mut a, |a| a.add_milestone("Template", "2026-06-30", Some(&p1), &["concept.a2"]));
    let m2 = ok(&mut a, |a| a.add_milestone("Kick-off", "2026-04-01", Some(&p1), &[]));
    let m3 = ok(&mut a, |a| a.add_milestone("Pipeline", "2026-10-01", Some(&p2), &[]));
    ok(&mut a, |a| a.remove_phase(&p1));
    assert_eq!(a.milestones.len(), 3, "no milestone is lost");
    let phase_of = |a: &Assessment, id: &str| a.milestones.iter().find(|m| m.id == id).unwrap().phase_id.clone();
    assert_eq!((phase_of(&a, &m1), phase_of(&a, &m2), phase_of(&a, &m3)), (None, None, Some(p2.clone())));
    assert_eq!(a.milestones[0].closes, ["concept.a2"], "its links stay too");
    // The roadmap shows them in the group without a phase, by date.
    let groups = roadmap::roadmap(&a);
    assert_eq!(groups.len(), 2);
    assert!(groups[1].phase.is_none());
    assert_eq!(groups[1].milestones.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), [m2.as_str(), m1.as_str()]);
}

#[test]
fn milestones_are_added_with_every_field() {
    let mut a = blank();
    let p = ok(&mut a, |a| a.add_phase("Transparency", ""));
    let m = ok(&mut a, |a| {
        a.add_milestone(" SBOM for every product ", "2026-09-30", Some(&p), &["transparency.sbom", "concept.a2", "transparency.sbom"])
    });
    assert_eq!(m, "M-1");
    let got = &a.milestones[0];
    assert_eq!((got.name.as_str(), got.date.as_str(), got.phase_id.as_deref()), ("SBOM for every product", "2026-09-30", Some(p.as_str())));
    assert_eq!(got.closes, ["transparency.sbom", "concept.a2"], "each activity once, in the order given");
    let loose = ok(&mut a, |a| a.add_milestone("Idea", "2027-01-15", None, &[]));
    assert_eq!(loose, "M-2");
    assert_eq!(a.milestones[1].phase_id, None);
}

#[test]
fn milestone_fields_are_edited() {
    let mut a = blank();
    let p1 = ok(&mut a, |a| a.add_phase("One", ""));
    let p2 = ok(&mut a, |a| a.add_phase("Two", ""));
    let m = ok(&mut a, |a| a.add_milestone("Plan", "2026-06-30", Some(&p1), &[]));
    ok(&mut a, |a| a.rename_milestone(&m, "Plan written "));
    ok(&mut a, |a| a.set_milestone_date(&m, "2026-07-31"));
    ok(&mut a, |a| a.set_milestone_phase(&m, Some(&p2)));
    ok(&mut a, |a| a.set_milestone_closes(&m, &["risk.design_assessment", "concept.a1"]));
    let got = &a.milestones[0];
    assert_eq!((got.name.as_str(), got.date.as_str(), got.phase_id.as_deref()), ("Plan written ", "2026-07-31", Some(p2.as_str())));
    assert_eq!(got.closes, ["risk.design_assessment", "concept.a1"]);
    ok(&mut a, |a| a.link_gap(&m, "concept.a2"));
    ok(&mut a, |a| a.link_gap(&m, "concept.a2"));
    assert_eq!(a.milestones[0].closes, ["risk.design_assessment", "concept.a1", "concept.a2"], "linked once");
    ok(&mut a, |a| a.unlink_gap(&m, "concept.a1"));
    ok(&mut a, |a| a.unlink_gap(&m, "concept.a1"));
    assert_eq!(a.milestones[0].closes, ["risk.design_assessment", "concept.a2"]);
    ok(&mut a, |a| a.set_milestone_phase(&m, None));
    assert_eq!(a.milestones[0].phase_id, None);
    ok(&mut a, |a| a.set_milestone_closes(&m, &[]));
    assert!(a.milestones[0].closes.is_empty());
}

#[test]
fn a_linked_gap_is_no_longer_unplanned() {
    let mut a = blank();
    ok(&mut a, |a| a.set_current("concept.a2", Some(1)));
    ok(&mut a, |a| a.set_target("concept.a2", Some(3)));
    assert_eq!(roadmap::unplanned_gaps(&a).len(), 1);
    let m = ok(&mut a, |a| a.add_milestone("Template", "2026-06-30", None, &[]));
    ok(&mut a, |a| a.link_gap(&m, "concept.a2"));
    assert!(roadmap::unplanned_gaps(&a).is_empty());
    assert_eq!(roadmap::milestones_closing(&a, "concept.a2")[0].id, m);
    ok(&mut a, |a| a.unlink_gap(&m, "concept.a2"));
    assert_eq!(roadmap::unplanned_gaps(&a).len(), 1);
}

#[test]
fn milestone_refusals_in_words() {
    let mut a = blank();
    let date = "A milestone's date is “30.6.2026”; write it YYYY-MM-DD, such as 2026-09-30.";
    assert_eq!(refused(&mut a, |a| a.add_milestone("", "2026-06-30", None, &[])), "A milestone needs a name.");
    assert_eq!(refused(&mut a, |a| a.add_milestone("Plan", "30.6.2026", None, &[])), date);
    assert_eq!(
        refused(&mut a, |a| a.add_milestone("Plan", "2026-06-30", Some("PH-3"), &[])),
        "There is no phase “PH-3” in this roadmap; it may have been removed."
    );
    assert_eq!(
        refused(&mut a, |a| a.add_milestone("Plan", "2026-06-30", None, &["concept.a2", "concept.z"])),
        "There is no activity “concept.z” in the JSP framework."
    );
    let m = ok(&mut a, |a| a.add_milestone("Plan", "2026-06-30", None, &[]));
    assert_eq!(refused(&mut a, |a| a.rename_milestone(&m, "  ")), "A milestone needs a name.");
    assert_eq!(
        refused(&mut a, |a| a.rename_milestone(&m, &"m".repeat(301))),
        "The milestone's name is longer than 300 characters; shorten it."
    );
    assert_eq!(refused(&mut a, |a| a.set_milestone_date(&m, "30.6.2026")), date);
    assert_eq!(refused(&mut a, |a| a.set_milestone_date(&m, "")), "A milestone's date is empty; write it YYYY-MM-DD, such as 2026-09-30.");
    assert_eq!(
        refused(&mut a, |a| a.set_milestone_phase(&m, Some("PH-1"))),
        "There is no phase “PH-1” in this roadmap; it may have been removed."
    );
    assert_eq!(refused(&mut a, |a| a.set_milestone_closes(&m, &["x"])), "There is no activity “x” in the JSP framework.");
    assert_eq!(refused(&mut a, |a| a.link_gap(&m, "x")), "There is no activity “x” in the JSP framework.");
    let gone = "There is no milestone “M-9” in this roadmap; it may have been removed.";
    assert_eq!(refused(&mut a, |a| a.rename_milestone("M-9", "x")), gone);
    assert_eq!(refused(&mut a, |a| a.link_gap("M-9", "concept.a1")), gone);
    assert_eq!(refused(&mut a, |a| a.unlink_gap("M-9", "concept.a1")), gone);
    assert_eq!(refused(&mut a, |a| a.remove_milestone("M-9")), gone);
}

#[test]
fn ids_stay_unique_after_remove_and_add() {
    let mut a = blank();
    let m: Vec<String> = (0..3).map(|i| ok(&mut a, |a| a.add_milestone(&format!("Step {i}"), "2026-06-30", None, &[]))).collect();
    assert_eq!(m, ["M-1", "M-2", "M-3"]);
    ok(&mut a, |a| a.remove_milestone("M-2"));
    assert_eq!(ok(&mut a, |a| a.add_milestone("Again", "2026-06-30", None, &[])), "M-4", "a removed id in the middle is not reused");
    ok(&mut a, |a| a.remove_milestone("M-1"));
    ok(&mut a, |a| a.remove_milestone("M-3"));
    let next = ok(&mut a, |a| a.add_milestone("More", "2026-06-30", None, &[]));
    let ids: Vec<&str> = a.milestones.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["M-4", next.as_str()]);
    assert_ne!(ids[0], ids[1]);
    let p1 = ok(&mut a, |a| a.add_phase("One", ""));
    let p2 = ok(&mut a, |a| a.add_phase("Two", ""));
    ok(&mut a, |a| a.remove_phase(&p1));
    let p3 = ok(&mut a, |a| a.add_phase("Three", ""));
    assert_ne!(p3, p2);
    // Ids from a file that are not ours, or a number at the top, are stepped round.
    a.milestones[0].id = "M-4294967295".into();
    let id = ok(&mut a, |a| a.add_milestone("Top", "2026-06-30", None, &[]));
    assert_eq!(id, "M-1");
    a.phases[0].id = "phase-a".into();
    assert_eq!(ok(&mut a, |a| a.add_phase("Four", "")), "PH-4");
}

#[test]
fn the_roadmap_holds_at_most_the_rules_milestones() {
    let mut a = blank();
    while a.milestones.len() < assessment::rules::MAX_MILESTONES {
        a.add_milestone("Step", "2026-06-30", None, &[]).unwrap();
    }
    assert_eq!(validate(&a), vec![]);
    assert_eq!(
        refused(&mut a, |a| a.add_milestone("Step", "2026-06-30", None, &[])),
        "The roadmap already has 1,000 milestones, the most it can hold."
    );
}

// ---- the one edit path ----

#[test]
fn apply_stamps_the_time_and_gives_what_undo_needs() {
    let mut a = blank();
    let before = a.clone();
    let applied = edit::apply(&mut a, LATER, |a| a.add_phase("Foundations", "")).unwrap().expect("a change");
    assert_eq!(applied.value, "PH-1");
    assert_eq!(applied.before, before);
    assert_eq!(a.updated_at, LATER);
    assert_eq!(assessment::import(applied.text.as_bytes()).unwrap(), a, "the text is the assessment's file");
    // Undo is a swap, as in the plan editor.
    let mut history = jsp_planner::common::history::History::default();
    history.record(applied.before, None);
    assert_eq!(history.undo(a.clone()), Some(before));
}

#[test]
fn apply_keeps_nothing_that_changed_nothing_or_broke_a_rule() {
    let mut a = blank();
    ok(&mut a, |a| a.set_current("concept.a1", Some(2)));
    let was = a.clone();
    assert_eq!(edit::apply(&mut a, LATER, |a| a.set_current("concept.a1", Some(2))).unwrap(), None);
    assert_eq!(a, was, "not even the time");
    // Several edits at once: the refusal of the last undoes the first.
    let why = edit::apply(&mut a, LATER, |a| {
        a.set_current("concept.a1", Some(3))?;
        a.set_target("concept.a1", Some(9))
    })
    .unwrap_err();
    assert_eq!(why, "The target level of “A.1 Release / change project planning” cannot be 9; levels are 0 to 5.");
    assert_eq!(a, was);
    // An edit made around the operations is still checked by the rules.
    let why = edit::apply(&mut a, LATER, |a| {
        a.milestones.push(assessment::Milestone {
            id: "M-1".into(),
            name: "Plan".into(),
            date: "2026-02-30x".into(),
            phase_id: None,
            closes: vec![],
        });
        Ok(())
    })
    .unwrap_err();
    assert!(why.starts_with("Milestone 1 (“Plan”)") && why.contains("YYYY-MM-DD"), "{why}");
    assert_eq!(a, was);
    // A bad clock is refused too.
    assert!(edit::apply(&mut a, "later", |a| a.rename("New")).is_err());
    assert_eq!(a, was);
}

#[test]
fn apply_refuses_an_assessment_too_large_for_a_file() {
    let mut a = blank();
    // Every note at its longest, each character written as a six-byte escape.
    let note = "\u{1}".repeat(20_000);
    let why = edit::apply(&mut a, LATER, |a| {
        for id in framework::activities().map(|x| x.id).collect::<Vec<_>>() {
            a.set_evidence(id, &note)?;
            a.mark_not_applicable(id, &note)?;
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(why, "The assessment would be larger than 4 MB, the most an assessment file can hold, so this change was not kept.");
    assert_eq!(a, blank());
}

// ---- the baseline ----

#[test]
fn a_baseline_that_looks_wrong_is_noted() {
    let now = blank();
    let mut last_year = edit::duplicate(&now, "as-2025".into(), NOW, "Maturity 2025").unwrap();
    last_year.set_assessed_on("2025-03-04").unwrap();
    assert!(baseline_notes(&last_year, &now).is_empty());
    assert_eq!(
        baseline_notes(&now, &last_year),
        ["The baseline was assessed on 2026-03-02, after this assessment (2025-03-04), so the changes shown run backwards."]
    );
    last_year.set_organisation("ACME MEDICAL").unwrap();
    assert!(baseline_notes(&last_year, &now).is_empty(), "case is not a difference");
    last_year.set_organisation("Acme Imaging").unwrap();
    assert_eq!(baseline_notes(&last_year, &now), ["The baseline assesses “Acme Imaging”, not “Acme Medical”."]);
    // Progress itself is the score module's, from the imported baseline.
    let mut scored = now.clone();
    scored.set_current("concept.a1", Some(3)).unwrap();
    last_year.set_current("concept.a1", Some(1)).unwrap();
    let baseline = assessment::import(assessment::export_pretty(&last_year).as_bytes()).unwrap();
    assert_eq!(score::progress(&baseline, &scored).activities[0].change(), Some(2));
}

// ---- any sequence of edits ----

#[derive(Debug, Clone)]
enum Op {
    Current(usize, Option<u8>),
    Target(usize, Option<u8>),
    Step(usize, bool, bool),
    NotApplicable(usize, String),
    Applicable(usize),
    Evidence(usize, String),
    Owner(usize, String),
    AddPhase(String),
    RenamePhase(usize, String),
    MovePhase(usize, bool),
    RemovePhase(usize),
    AddMilestone(String, String, Option<usize>, Vec<usize>),
    MilestoneDate(usize, String),
    MilestonePhase(usize, Option<usize>),
    Link(usize, usize),
    Unlink(usize, usize),
    RemoveMilestone(usize),
    Plan(Option<String>),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![6 => "[a-zA-Z][a-zA-Z é]{0,11}", 1 => Just(String::new()), 1 => Just("  ".to_string()), 1 => Just("x".repeat(301))]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![6 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])", 1 => Just("2026-13-01".to_string()), 1 => Just(String::new())]
}

fn op() -> impl Strategy<Value = Op> {
    // Past the framework's 28 activities, and past the few phases and
    // milestones a sequence makes, indexes name unknown ids.
    let i = 0..32usize;
    let j = 0..6usize;
    let level = proptest::option::of(0..8u8);
    prop_oneof![
        (i.clone(), level.clone()).prop_map(|(i, l)| Op::Current(i, l)),
        (i.clone(), level).prop_map(|(i, l)| Op::Target(i, l)),
        (i.clone(), any::<bool>(), any::<bool>()).prop_map(|(i, c, u)| Op::Step(i, c, u)),
        (i.clone(), text()).prop_map(|(i, t)| Op::NotApplicable(i, t)),
        i.clone().prop_map(Op::Applicable),
        (i.clone(), text()).prop_map(|(i, t)| Op::Evidence(i, t)),
        (i.clone(), text()).prop_map(|(i, t)| Op::Owner(i, t)),
        text().prop_map(Op::AddPhase),
        (j.clone(), text()).prop_map(|(i, t)| Op::RenamePhase(i, t)),
        (j.clone(), any::<bool>()).prop_map(|(i, up)| Op::MovePhase(i, up)),
        j.clone().prop_map(Op::RemovePhase),
        (text(), date(), proptest::option::of(j.clone()), proptest::collection::vec(i.clone(), 0..4))
            .prop_map(|(n, d, p, c)| Op::AddMilestone(n, d, p, c)),
        (j.clone(), date()).prop_map(|(i, d)| Op::MilestoneDate(i, d)),
        (j.clone(), proptest::option::of(j.clone())).prop_map(|(m, p)| Op::MilestonePhase(m, p)),
        (j.clone(), i.clone()).prop_map(|(m, x)| Op::Link(m, x)),
        (j.clone(), i.clone()).prop_map(|(m, x)| Op::Unlink(m, x)),
        j.prop_map(Op::RemoveMilestone),
        proptest::option::of(prop_oneof![Just("plan-1".to_string()), Just("not a plan".to_string())]).prop_map(Op::Plan),
    ]
}

/// Indexes past the framework or the lists name unknown ids, so refusals are driven too.
fn run(a: &mut Assessment, op: &Op) -> Result<(), String> {
    let activity = |i: usize| framework::activities().nth(i).map_or("nope", |x| x.id);
    let phase = |a: &Assessment, i: usize| a.phases.get(i).map_or_else(|| format!("PH-{i}"), |p| p.id.clone());
    let milestone = |a: &Assessment, i: usize| a.milestones.get(i).map_or_else(|| format!("M-{i}"), |m| m.id.clone());
    match op {
        Op::Current(i, l) => a.set_current(activity(*i), *l),
        Op::Target(i, l) => a.set_target(activity(*i), *l),
        Op::Step(i, current, up) => {
            let by = if *up { Step::Up } else { Step::Down };
            if *current {
                a.step_current(activity(*i), by)
            } else {
                a.step_target(activity(*i), by)
            }
        }
        Op::NotApplicable(i, t) => a.mark_not_applicable(activity(*i), t),
        Op::Applicable(i) => a.mark_applicable(activity(*i)),
        Op::Evidence(i, t) => a.set_evidence(activity(*i), t),
        Op::Owner(i, t) => a.set_owner(activity(*i), t),
        Op::AddPhase(t) => a.add_phase(t, "").map(drop),
        Op::RenamePhase(i, t) => a.rename_phase(&phase(a, *i), t),
        Op::MovePhase(i, up) => a.move_phase(&phase(a, *i), if *up { -1 } else { 1 }),
        Op::RemovePhase(i) => a.remove_phase(&phase(a, *i)),
        Op::AddMilestone(n, d, p, c) => {
            let p = p.map(|p| phase(a, p));
            let c: Vec<&str> = c.iter().map(|i| activity(*i)).collect();
            a.add_milestone(n, d, p.as_deref(), &c).map(drop)
        }
        Op::MilestoneDate(i, d) => a.set_milestone_date(&milestone(a, *i), d),
        Op::MilestonePhase(i, p) => {
            let p = p.map(|p| phase(a, p));
            a.set_milestone_phase(&milestone(a, *i), p.as_deref())
        }
        Op::Link(m, x) => a.link_gap(&milestone(a, *m), activity(*x)),
        Op::Unlink(m, x) => a.unlink_gap(&milestone(a, *m), activity(*x)),
        Op::RemoveMilestone(i) => a.remove_milestone(&milestone(a, *i)),
        Op::Plan(p) => a.set_plan_id(p.as_deref()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the editor does, in any order, the assessment keeps every
    /// rule after every operation; a refused operation changes nothing; and
    /// what the one edit path stores imports back as the same assessment.
    #[test]
    fn every_operation_keeps_the_assessment_valid(ops in proptest::collection::vec(op(), 1..60)) {
        let mut a = blank();
        for op in &ops {
            let before = a.clone();
            match run(&mut a, op) {
                Ok(()) => prop_assert_eq!(validate(&a), vec![], "after {:?}", op),
                Err(why) => {
                    prop_assert_eq!(&a, &before, "a refused {:?} changed the assessment", op);
                    prop_assert!(why.ends_with('.'), "{}", why);
                }
            }
        }
        let mut b = blank();
        for op in &ops {
            if let Ok(Some(applied)) = edit::apply(&mut b, LATER, |b| run(b, op)) {
                prop_assert_eq!(assessment::import(applied.text.as_bytes()).unwrap(), b.clone());
            }
        }
        b.updated_at = a.updated_at.clone();
        prop_assert_eq!(b, a, "apply keeps exactly what the operations keep");
    }
}
