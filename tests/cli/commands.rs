//! check, report, schema and migrate: exit statuses, outputs, and nothing
//! written on an error.

use serde_json::Value;

use crate::*;

#[test]
fn check_exits_0_for_a_complete_plan_1_for_gaps_and_2_for_a_broken_file() {
    let dir = folder();
    let d = dir.path();
    write_plan(&d.join("complete.jsp-plan.json"), &complete_plan());
    write_plan(&d.join("gaps.jsp-plan.json"), &common::sample_plan());
    let text = std::fs::read_to_string(d.join("complete.jsp-plan.json")).unwrap();
    std::fs::write(d.join("broken.jsp-plan.json"), &text[..text.len() / 2]).unwrap();

    let (code, out, err) = outcome(&run(d, &["check", "complete.jsp-plan.json"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("6 of 6 deliverables complete; no gaps open."), "{out}");

    let (code, out, err) = outcome(&run(d, &["check", "complete.jsp-plan.json", "gaps.jsp-plan.json"]));
    assert_eq!(code, 1, "{out}{err}");
    // The dashboard's words, under the deliverable they belong to.
    assert!(out.contains("Commit a security budget. (A.1 Project planning)"), "{out}");
    assert!(out.contains("SBOM approach:"), "{out}");

    let (code, out, err) = outcome(&run(d, &["check", "gaps.jsp-plan.json", "broken.jsp-plan.json"]));
    assert_eq!(code, 2, "{out}{err}");
    // The app's own words for a cut file.
    assert!(err.contains("broken.jsp-plan.json: The file ends too early: it may have been cut off"), "{err}");

    let (code, _, err) = outcome(&run(d, &["check", "missing.jsp-plan.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("missing.jsp-plan.json could not be read: there is no such file or folder."), "{err}");
}

#[test]
fn check_json_lists_each_file_with_its_gaps_for_machines() {
    let dir = folder();
    let d = dir.path();
    write_plan(&d.join("gaps.jsp-plan.json"), &common::sample_plan());
    write_assessment(&d.join("a.jsp-assessment.json"), &sample_assessment());
    std::fs::write(d.join("not-a-plan.json"), r#"{"format":"something/else","version":1}"#).unwrap();
    let (code, out, _) = outcome(&run(d, &["check", "--json", "gaps.jsp-plan.json", "a.jsp-assessment.json", "not-a-plan.json"]));
    assert_eq!(code, 2);
    let report: Value = serde_json::from_str(&out).expect("--json prints JSON");
    assert_eq!(report["exit"], 2);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    let (plan, a, bad) = (&files[0], &files[1], &files[2]);
    assert_eq!((plan["valid"].as_bool(), plan["kind"].as_str()), (Some(true), Some("plan")));
    let gaps = plan["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), status(&common::sample_plan()).open_gaps(), "as many gaps as the dashboard");
    assert!(gaps.iter().any(|g| g["text"] == "Commit a security budget." && g["anchor"] == "a1"), "{gaps:?}");
    assert_eq!(a["kind"], "assessment");
    // Scored but no milestone for these; concept.a2 has one.
    let texts: Vec<&str> = a["gaps"].as_array().unwrap().iter().filter_map(|g| g["text"].as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("closes the gap of “A.1")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("closes the gap of “A.2")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("Give “") && t.ends_with("its current and target levels.")),
        "unscored activities are gaps: {texts:?}"
    );
    assert_eq!(bad["valid"], false);
    assert!(bad["error"].as_str().unwrap().contains("This is not a JSP Planner plan file"), "{bad}");
}

#[test]
fn schema_prints_the_shipped_schemas() {
    let dir = folder();
    for (kind, shipped) in [("plan", "public/jsp-plan.schema.json"), ("assessment", "public/jsp-assessment.schema.json")] {
        let (code, out, err) = outcome(&run(dir.path(), &["schema", kind]));
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out,
            std::fs::read_to_string(repo_file(shipped)).unwrap(),
            "{shipped} is stale: run `cargo run --quiet -- schema {kind} > {shipped}`"
        );
    }
}

#[test]
fn migrate_brings_an_old_file_to_the_current_version_in_place_or_to_another_file() {
    let dir = folder();
    let d = dir.path();
    let old = repo_file("tests/fixtures/v1/full-plan.jsp-plan.json");
    let v1 = std::fs::read(&old).unwrap();
    let imported = file::import(&v1).unwrap();
    assert_eq!(imported.migrated_from, Some(1));

    std::fs::write(d.join("plan.json"), &v1).unwrap();
    let (code, _, err) = outcome(&run(d, &["migrate", "plan.json", "-o", "new.json"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("migrated from format version 1 to {}", file::VERSION)), "{err}");
    assert_eq!(std::fs::read(d.join("plan.json")).unwrap(), v1, "-o leaves the file as it was");
    let new = file::import(&std::fs::read(d.join("new.json")).unwrap()).unwrap();
    assert_eq!((new.migrated_from, &new.plan), (None, &imported.plan));

    let (code, _, err) = outcome(&run(d, &["migrate", "plan.json"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(d.join("plan.json")).unwrap(), std::fs::read(d.join("new.json")).unwrap(), "in place");

    // A current file is left untouched, to the byte.
    let current = format!("{{\"format\":\"jsp-planner/plan\",\"version\":{},\"plan\":", file::VERSION).into_bytes();
    let mut text = current.clone();
    let plan = jsp_planner::plan::file::plan_text(&complete_plan());
    text.extend(plan.as_bytes());
    text.extend(b"}");
    std::fs::write(d.join("current.json"), &text).unwrap();
    let (code, _, err) = outcome(&run(d, &["migrate", "current.json"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("already at format version {}; left as it is", file::VERSION)), "{err}");
    assert_eq!(std::fs::read(d.join("current.json")).unwrap(), text);
    assert_eq!(names(d), ["current.json", "new.json", "plan.json"], "no temporary file left");
}

#[test]
fn report_writes_the_apps_outputs_for_plans_and_assessments() {
    let dir = folder();
    let d = dir.path();
    let mut plan = common::sample_plan();
    plan.add_component("openssl");
    write_plan(&d.join("plan.json"), &plan);
    write_assessment(&d.join("a.json"), &sample_assessment());

    let (code, out, err) = outcome(&run(d, &["report", "plan.json", "--format", "md"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, jsp_planner::plan::export::plan_markdown(&plan), "the app's Markdown");
    let (code, _, err) = outcome(&run(d, &["report", "plan.json", "-f", "csv-register", "-o", "register.csv"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(d.join("register.csv")).unwrap(), jsp_planner::plan::export::register_csv(&plan));
    let (code, out, _) = outcome(&run(d, &["report", "plan.json", "-f", "csv-trace"]));
    assert_eq!((code, out), (0, jsp_planner::plan::export::trace_csv(&plan)));
    let (code, out, _) = outcome(&run(d, &["report", "plan.json", "-f", "csv-components"]));
    assert_eq!((code, out), (0, jsp_planner::plan::export::components_csv(&plan)));
    let (code, out, _) = outcome(&run(d, &["report", "plan.json", "-f", "sbom-cyclonedx"]));
    assert_eq!(code, 0);
    let sbom = jsp_planner::plan::sbom::read(out.as_bytes()).expect("our SBOM reads back");
    assert_eq!(sbom.components.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["openssl"]);
    let (code, _, err) = outcome(&run(d, &["report", "plan.json", "-f", "docx", "-o", "plan.docx"]));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(d.join("plan.docx")).unwrap().starts_with(b"PK\x03\x04"), "a zip package");

    let (code, out, err) = outcome(&run(d, &["report", "a.json", "-f", "md"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, assessment::export::assessment_markdown(&sample_assessment(), None));
    let (code, _, err) = outcome(&run(d, &["report", "a.json", "-f", "docx", "-o", "a.docx"]));
    assert_eq!(code, 0, "{err}");
    // An assessment has no risk register.
    let (code, _, err) = outcome(&run(d, &["report", "a.json", "-f", "csv-register", "-o", "x.csv"]));
    assert_eq!(code, 2);
    assert!(err.contains("An assessment has no “csv-register” output"), "{err}");
    // An unknown format is refused by the argument reader, with the choices.
    let (code, _, err) = outcome(&run(d, &["report", "plan.json", "-f", "pdf"]));
    assert_ne!(code, 0);
    assert!(err.contains("csv-register"), "{err}");
    assert_eq!(names(d), ["a.docx", "a.json", "plan.docx", "plan.json", "register.csv"]);
}

#[test]
fn an_error_writes_nothing() {
    let dir = folder();
    let d = dir.path();
    write_plan(&d.join("plan.json"), &common::sample_plan());
    let mut broken = common::sample_plan();
    broken.risks[0].need_ids = vec!["no-such-need".into()];
    std::fs::write(d.join("broken.json"), file::export_pretty(&broken)).unwrap();
    let before = |name: &str| std::fs::read(d.join(name)).unwrap();
    let (plan, bad) = (before("plan.json"), before("broken.json"));

    // A plan that breaks a rule: the app's sentence, the place named as the app names it.
    let (code, _, err) = outcome(&run(d, &["report", "broken.json", "-f", "md", "-o", "out.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("broken.json:") && err.contains("R-001"), "{err}");
    let (code, ..) = outcome(&run(d, &["migrate", "broken.json"]));
    assert_eq!(code, 2);
    // A Word document is never written to a terminal.
    let (code, out, err) = outcome(&run(d, &["report", "plan.json", "-f", "docx"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("name the file to write with -o"), "{err}");
    // A merge with a broken side leaves ours as it was, and no report.
    let (code, _, err) = outcome(&run(d, &["merge", "plan.json", "plan.json", "broken.json"]));
    assert_eq!(code, 2, "{err}");
    // An output into a folder that does not exist.
    let (code, _, err) = outcome(&run(d, &["report", "plan.json", "-f", "md", "-o", "no/such/folder/out.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("could not be written: there is no such file or folder. Nothing was changed."), "{err}");

    assert_eq!((before("plan.json"), before("broken.json")), (plan, bad));
    assert_eq!(names(d), ["broken.json", "plan.json"]);
}

#[test]
fn help_is_there_for_every_command() {
    let dir = folder();
    for command in ["check", "report", "merge", "diff", "schema", "migrate"] {
        let (code, out, _) = outcome(&run(dir.path(), &[command, "--help"]));
        assert_eq!(code, 0);
        assert!(out.contains("Usage: jsp-planner"), "{command}: {out}");
    }
    let (code, _, err) = outcome(&run(dir.path(), &[]));
    assert_ne!(code, 0);
    assert!(err.contains("check") && err.contains("merge"), "no command lists the commands: {err}");
}
