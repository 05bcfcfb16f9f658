//! `merge` and `diff` on files, without git: plans and assessments.

use crate::*;

#[test]
fn merge_writes_both_sides_changes_into_ours() {
    let dir = folder();
    let d = dir.path();
    let base = common::sample_plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.risks[0].owner = "Ours".into();
    theirs.name = "Theirs renamed".into();
    theirs.add_risk("Pump app", "Replayed bolus command");
    write_plan(&d.join("base.json"), &base);
    write_plan(&d.join("ours.json"), &ours);
    write_plan(&d.join("theirs.json"), &theirs);
    let (code, _, err) = outcome(&run(d, &["merge", "base.json", "ours.json", "theirs.json"]));
    assert_eq!(code, 0, "{err}");
    let merged = read_plan(&d.join("ours.json"));
    assert_eq!((merged.risks[0].owner.as_str(), merged.name.as_str(), merged.risks.len()), ("Ours", "Theirs renamed", 2));
    assert_eq!(names(d), ["base.json", "ours.json", "theirs.json"], "no conflict report");
}

#[test]
fn a_conflict_keeps_ours_and_reports_each_field_with_both_values_in_the_apps_words() {
    let dir = folder();
    let d = dir.path();
    let base = common::sample_plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.risks[0].owner = "Firmware team".into();
    theirs.risks[0].owner = "Quality team".into();
    ours.risks[0].status = RiskStatus::Closed;
    theirs.risks[0].status = RiskStatus::Accepted;
    theirs.project.product = "Their product".into();
    write_plan(&d.join("base.json"), &base);
    write_plan(&d.join("ours.json"), &ours);
    write_plan(&d.join("theirs.json"), &theirs);
    let (code, _, err) = outcome(&run(d, &["merge", "base.json", "ours.json", "theirs.json"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2 fields were changed differently on both sides") && err.contains("ours.json.conflicts.md"), "{err}");
    let merged = read_plan(&d.join("ours.json"));
    assert_eq!((merged.risks[0].owner.as_str(), merged.risks[0].status), ("Firmware team", RiskStatus::Closed), "ours kept");
    assert_eq!(merged.project.product, "Their product", "their other change taken");
    let report = std::fs::read_to_string(d.join("ours.json.conflicts.md")).unwrap();
    for words in [
        "## 1. Risk R-001",
        "- Ours (kept): Firmware team",
        "- Theirs: Quality team",
        "- Both: Firmware team; Quality team",
        "- Theirs: Accepted",
    ] {
        assert!(report.contains(words), "{words:?} in:\n{report}");
    }
    assert!(!report.contains('{') && !report.contains("\"closed\""), "values in words, not JSON:\n{report}");
}

#[test]
fn assessments_merge_and_their_conflicts_are_named_as_the_app_names_them() {
    let dir = folder();
    let d = dir.path();
    let base = sample_assessment();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.entry_mut("concept.a1").unwrap().current = Some(3);
    theirs.entry_mut("concept.a1").unwrap().current = Some(1);
    theirs.entry_mut("concept.a3").unwrap().owner = "Quality".into();
    ours.name = "Ours renamed".into();
    write_assessment(&d.join("base.json"), &base);
    write_assessment(&d.join("ours.json"), &ours);
    write_assessment(&d.join("theirs.json"), &theirs);
    let (code, _, err) = outcome(&run(d, &["merge", "base.json", "ours.json", "theirs.json", "maturity.json"]));
    assert_eq!(code, 1, "{err}");
    let merged = read_assessment(&d.join("ours.json"));
    assert_eq!(merged.entry("concept.a1").unwrap().current, Some(3), "ours kept");
    assert_eq!((merged.entry("concept.a3").unwrap().owner.as_str(), merged.name.as_str()), ("Quality", "Ours renamed"));
    // Beside the path given (git's %P), not beside git's temporary file.
    let report = std::fs::read_to_string(d.join("maturity.json.conflicts.md")).unwrap();
    assert!(report.contains("# Merge conflicts in maturity.json"), "{report}");
    assert!(report.contains("current level"), "{report}");
    assert!(report.contains("- Ours (kept): 3 – ") && report.contains("- Theirs: 1 – "), "levels by name:\n{report}");

    // Without a conflict: exit 0, both changes.
    theirs.entry_mut("concept.a1").unwrap().current = base.entry("concept.a1").unwrap().current;
    write_assessment(&d.join("ours.json"), &ours);
    write_assessment(&d.join("theirs.json"), &theirs);
    let (code, _, err) = outcome(&run(d, &["merge", "base.json", "ours.json", "theirs.json"]));
    assert_eq!(code, 0, "{err}");
    let merged = read_assessment(&d.join("ours.json"));
    assert_eq!((merged.entry("concept.a1").unwrap().current, merged.entry("concept.a3").unwrap().owner.as_str()), (Some(3), "Quality"));
}

#[test]
fn a_plan_and_an_assessment_do_not_merge() {
    let dir = folder();
    let d = dir.path();
    write_plan(&d.join("plan.json"), &common::sample_plan());
    write_assessment(&d.join("a.json"), &sample_assessment());
    let before = std::fs::read(d.join("plan.json")).unwrap();
    let (code, _, err) = outcome(&run(d, &["merge", "plan.json", "plan.json", "a.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("plan.json is a plan and a.json is an assessment"), "{err}");
    assert_eq!(std::fs::read(d.join("plan.json")).unwrap(), before);
}

#[test]
fn diff_says_the_changes_in_words_per_section() {
    let dir = folder();
    let d = dir.path();
    let before = common::sample_plan();
    let mut after = before.clone();
    after.risks[0].owner = "Quality team".into();
    after.project.product = "Pump 2".into();
    write_plan(&d.join("a.json"), &before);
    write_plan(&d.join("b.json"), &after);
    let (code, out, err) = outcome(&run(d, &["diff", "a.json", "b.json"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 changes in 2 sections."), "{out}");
    let project = out.find("A.1 Release / change project planning").expect(&out);
    let register = out.find("\nRisk register\n").expect(&out);
    assert!(project < register, "sections in the plan's order:\n{out}");
    assert!(out.contains("  Changed: Risk R-001, owner\n    - Engineering\n    + Quality team\n"), "{out}");

    // Git's seven arguments, and a file git says is new.
    let (code, out, _) = outcome(&run(d, &["diff", "plans/pump.json", "a.json", "abc", "100644", "b.json", "def", "100644"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("plans/pump.json: plan “Infusion pump 3.2”: 2 changes"), "{out}");
    let (code, out, _) = outcome(&run(d, &["diff", "new.json", "/dev/null", ".", ".", "b.json", "def", "100644"]));
    assert_eq!((code, out.trim()), (0, "new.json: new file, plan “Infusion pump 3.2”."));
    let (code, _, err) = outcome(&run(d, &["diff", "a.json", "b.json", "c.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("diff takes two files, or the seven arguments git gives"), "{err}");

    // Assessments.
    let a = sample_assessment();
    let mut b = a.clone();
    b.entry_mut("concept.a1").unwrap().target = Some(5);
    b.milestones[0].date = "2026-12-31".into();
    write_assessment(&d.join("a1.json"), &a);
    write_assessment(&d.join("a2.json"), &b);
    let (code, out, _) = outcome(&run(d, &["diff", "a1.json", "a2.json"]));
    assert_eq!(code, 0);
    assert!(out.contains("Activities\n  Changed: Activity “A.1"), "{out}");
    assert!(out.contains("target level\n    - 3 – ") && out.contains("    + 5 – "), "{out}");
    assert!(out.contains("Roadmap\n  Changed: Milestone 1 (“Voice of the customer”), date\n    - 2026-09-30\n    + 2026-12-31"), "{out}");
}
