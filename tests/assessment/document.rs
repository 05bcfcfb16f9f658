//! The maturity assessment: framework, scoring, gaps, progress, roadmap,
//! the file format and its refusals, Markdown and CSV.

use crate::common::assessment::{blank, score_workshop, set};
use jsp_planner::assessment::{
    self, export, framework, level, plan_link, roadmap, rules, score, Assessment, AssessmentError, Milestone, Phase, COMPONENTS,
};
use jsp_planner::common::json::Envelope;
use serde_json::{json, Value};

/// An assessment as a workshop would leave it: some levels, one activity
/// not applicable, a roadmap of two phases.
fn sample() -> Assessment {
    let mut a = blank();
    score_workshop(&mut a);
    a.phases = vec![
        Phase { id: "PH-1".into(), name: "Foundations".into(), goal: "Write down what we already do.".into() },
        Phase { id: "PH-2".into(), name: "Transparency".into(), goal: String::new() },
    ];
    a.milestones = vec![
        Milestone {
            id: "M-2".into(),
            name: "SBOM for every product".into(),
            date: "2026-09-30".into(),
            phase_id: Some("PH-2".into()),
            closes: vec!["transparency.sbom".into()],
        },
        Milestone {
            id: "M-1".into(),
            name: "Customer needs template".into(),
            date: "2026-06-30".into(),
            phase_id: Some("PH-1".into()),
            closes: vec!["concept.a2".into(), "concept.a1".into()],
        },
        Milestone { id: "M-0".into(), name: "Kick-off".into(), date: "2026-04-01".into(), phase_id: Some("PH-1".into()), closes: vec![] },
        Milestone { id: "M-9".into(), name: "Unsorted idea".into(), date: "2027-01-15".into(), phase_id: None, closes: vec![] },
    ];
    a
}

// ---- framework and levels ----

#[test]
fn framework_has_every_component_and_unique_ids() {
    let names: Vec<&str> = COMPONENTS.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "Concept",
            "Risk management",
            "Supplier management",
            "Design and development",
            "Verification and validation",
            "Maintenance",
            "Transparency to customers",
            "End of life and legacy products",
            "Governance and continuous improvement"
        ]
    );
    let concept: Vec<&str> = COMPONENTS[0].activities.iter().map(|a| a.id).collect();
    assert_eq!(concept, ["concept.a1", "concept.a2", "concept.a3"]);
    assert_eq!(COMPONENTS[1].activities.len(), 3);
    assert_eq!(COMPONENTS[2].activities.len(), 3);
    assert_eq!(COMPONENTS[5].activities.len(), 5);
    let mut ids: Vec<&str> = framework::activities().map(|a| a.id).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "activity ids are unique");
    for c in COMPONENTS {
        for a in c.activities {
            assert!(a.id.starts_with(&format!("{}.", c.id)), "{} is under {}", a.id, c.id);
            assert!(a.question.ends_with('?') && a.question.len() > 40, "{}: {}", a.id, a.question);
            assert!(!a.question.contains("  "), "no doubled spaces from line continuations: {}", a.question);
        }
    }
    assert!(COMPONENTS.iter().filter(|c| c.cross_cutting).count() == 3);
}

#[test]
fn levels_run_from_not_performed_to_continuously_improved() {
    assert_eq!(level::LEVELS.len(), 6);
    assert!(level::LEVELS.iter().enumerate().all(|(i, l)| usize::from(l.value) == i));
    assert_eq!(level::LEVELS[0].name, "Not performed");
    assert!(level::LEVELS[5].definition.starts_with("Measured and continuously improved"));
    assert_eq!(level::label(2), "2 – Managed");
    assert!(level::level(6).is_none());
}

#[test]
fn a_new_assessment_has_every_activity_and_nothing_scored() {
    let a = blank();
    assert_eq!(a.activities.len(), framework::activities().count());
    assert!(a.activities.iter().all(|e| e.current.is_none() && e.target.is_none() && e.applicable()));
    assert!(rules::validate(&a).is_empty(), "{:?}", rules::validate(&a));
    assert!(score::component_scores(&a).iter().all(|s| s.current.is_none() && s.scored == 0));
    assert!(score::gaps(&a).is_empty());
}

#[test]
fn entry_mut_restores_a_missing_activity_in_framework_order() {
    let mut a = blank();
    a.activities.retain(|e| e.activity_id != "concept.a2");
    a.entry_mut("concept.a2").unwrap().current = Some(2);
    assert_eq!(a.activities[1].activity_id, "concept.a2");
    assert!(a.entry_mut("concept.a9").is_none());
}

// ---- scoring ----

#[test]
fn a_component_score_is_the_mean_of_its_applicable_scored_activities() {
    let mut a = blank();
    set(&mut a, "concept.a1", Some(1), Some(3));
    set(&mut a, "concept.a2", Some(2), None);
    // Unscored: left out, not counted as 0.
    set(&mut a, "concept.a3", None, Some(4));
    let s = score::component_score(&a, &COMPONENTS[0]);
    assert_eq!(s.current, Some(score::Score { total: 3, count: 2 }));
    assert_eq!(s.current.unwrap().display(), "1.5");
    assert_eq!(s.target.unwrap().display(), "3.5");
    assert_eq!((s.applicable, s.scored), (3, 2));

    // Not applicable: left out even with a level kept.
    let e = a.entry_mut("concept.a1").unwrap();
    e.not_applicable = Some("No release projects this year".into());
    let s = score::component_score(&a, &COMPONENTS[0]);
    assert_eq!(s.current.unwrap().display(), "2.0");
    assert_eq!((s.applicable, s.scored), (2, 1));
}

#[test]
fn a_component_with_nothing_applicable_has_no_score() {
    let mut a = blank();
    for id in ["transparency.sbom", "transparency.mds2"] {
        let e = a.entry_mut(id).unwrap();
        e.current = Some(4);
        e.not_applicable = Some("Internal tools only".into());
    }
    let s = score::component_score(&a, framework::component("transparency").unwrap());
    assert_eq!((s.current, s.target, s.applicable), (None, None, 0));
    let md = export::assessment_markdown(&a, None);
    assert!(md.contains("| Transparency to customers | Not scored | Not scored | 0 of 0 |"), "{md}");
}

#[test]
fn means_round_half_up_to_one_decimal() {
    let s = |total, count| score::Score { total, count };
    assert_eq!(s(7, 3).display(), "2.3");
    assert_eq!(s(8, 3).display(), "2.7");
    assert_eq!(s(9, 4).display(), "2.3"); // 2.25
    assert_eq!(s(5, 1).display(), "5.0");
    assert_eq!(s(0, 5).display(), "0.0");
    assert_eq!(s(7, 3).change_tenths(&s(1, 1)), 13);
    assert_eq!(s(1, 1).change_tenths(&s(7, 3)), -13);
    assert_eq!(score::signed_tenths(-13), "-1.3");
    assert_eq!(score::signed_tenths(5), "+0.5");
    assert_eq!(score::signed_tenths(0), "0.0");
}

// ---- gaps ----

#[test]
fn gaps_are_sorted_by_size_then_framework_order() {
    let a = sample();
    let gaps: Vec<(&str, u8)> = score::gaps(&a).iter().map(|g| (g.activity.id, g.size())).collect();
    assert_eq!(gaps, [("concept.a2", 3), ("transparency.sbom", 3), ("maintenance.patching", 2), ("concept.a1", 1)]);
}

#[test]
fn only_applicable_activities_with_both_levels_have_a_gap() {
    let mut a = blank();
    set(&mut a, "concept.a1", None, Some(5));
    set(&mut a, "concept.a2", Some(4), Some(2));
    set(&mut a, "concept.a3", Some(0), Some(5));
    a.entry_mut("concept.a3").unwrap().not_applicable = Some("Covered by the group plan".into());
    assert!(score::gaps(&a).is_empty());
}

// ---- progress ----

#[test]
fn progress_per_activity_and_component() {
    let mut before = blank();
    set(&mut before, "concept.a1", Some(1), None);
    set(&mut before, "concept.a2", Some(1), None);
    set(&mut before, "concept.a3", Some(2), None);
    set(&mut before, "risk.design_assessment", Some(3), None);
    let mut now = before.clone();
    set(&mut now, "concept.a1", Some(3), None);
    set(&mut now, "concept.a3", Some(1), None);
    set(&mut now, "risk.design_assessment", None, None);
    set(&mut now, "supplier.purchasing", Some(2), None);

    let p = score::progress(&before, &now);
    assert_eq!(p.activities.len(), framework::activities().count());
    let change = |id: &str| p.activities.iter().find(|c| c.activity.id == id).unwrap();
    assert_eq!((change("concept.a1").before, change("concept.a1").after, change("concept.a1").change()), (Some(1), Some(3), Some(2)));
    assert_eq!(change("concept.a2").change(), Some(0));
    assert_eq!(change("concept.a3").change(), Some(-1));
    assert_eq!(change("risk.design_assessment").change(), None, "no longer scored");
    assert_eq!((change("supplier.purchasing").before, change("supplier.purchasing").change()), (None, None));

    let component = |id: &str| p.components.iter().find(|c| c.component.id == id).unwrap();
    // Concept: 4/3 (1.3) then 5/3 (1.7): +0.3 exactly, not 1.7 - 1.3.
    assert_eq!(component("concept").change_tenths(), Some(3));
    assert_eq!(component("concept").after.unwrap().display(), "1.7");
    assert_eq!(component("risk").change_tenths(), None);
    assert_eq!(component("supplier").before, None);
}

#[test]
fn progress_treats_not_applicable_as_not_scored() {
    let mut before = blank();
    set(&mut before, "concept.a1", Some(2), None);
    let mut now = before.clone();
    now.entry_mut("concept.a1").unwrap().not_applicable = Some("Out of scope now".into());
    let p = score::progress(&before, &now);
    assert_eq!(p.activities[0].after, None);
    assert_eq!(p.components[0].after, None);
}

#[test]
fn markdown_shows_progress_against_a_baseline() {
    let mut baseline = sample();
    baseline.name = "Maturity 2025".into();
    baseline.assessed_on = "2025-03-01".into();
    set(&mut baseline, "concept.a2", Some(0), Some(4));
    let md = export::assessment_markdown(&sample(), Some(&baseline));
    assert!(md.contains("## Progress since Maturity 2025 (2025-03-01)"), "{md}");
    assert!(md.contains("| Concept | 1.7 | 2.0 | +0.3 |"), "{md}");
    assert!(md.contains("| A.2 Voice of the customer | Concept | 0 – Not performed | 1 – Performed | +1 |"), "{md}");
    assert!(!export::assessment_markdown(&sample(), None).contains("## Progress"));
}

// ---- roadmap ----

#[test]
fn roadmap_groups_milestones_by_phase_in_date_order() {
    let a = sample();
    let groups = roadmap::roadmap(&a);
    let shape: Vec<(Option<&str>, Vec<&str>)> =
        groups.iter().map(|g| (g.phase.map(|p| p.id.as_str()), g.milestones.iter().map(|m| m.id.as_str()).collect())).collect();
    assert_eq!(shape, [(Some("PH-1"), vec!["M-0", "M-1"]), (Some("PH-2"), vec!["M-2"]), (None, vec!["M-9"])]);
    assert_eq!(groups[0].span(), Some(("2026-04-01", "2026-06-30")));

    let unplanned: Vec<&str> = roadmap::unplanned_gaps(&a).iter().map(|g| g.activity.id).collect();
    assert_eq!(unplanned, ["maintenance.patching"]);
    let closing: Vec<&str> = roadmap::milestones_closing(&a, "concept.a1").iter().map(|m| m.id.as_str()).collect();
    assert_eq!(closing, ["M-1"]);
}

#[test]
fn an_empty_phase_still_shows_and_no_loose_group_without_loose_milestones() {
    let mut a = sample();
    a.milestones.retain(|m| m.phase_id.as_deref() == Some("PH-1"));
    let groups = roadmap::roadmap(&a);
    assert_eq!(groups.len(), 2);
    assert!(groups[1].milestones.is_empty() && groups[1].span().is_none());
}

// ---- plan link ----

#[test]
fn concept_levels_for_a_plan_come_from_the_latest_linked_assessment() {
    let mut old = sample();
    old.id = "as-2025".into();
    old.assessed_on = "2025-03-01".into();
    old.plan_id = Some("plan-0000000000000001".into());
    set(&mut old, "concept.a1", Some(0), Some(1));
    let mut new = sample();
    new.plan_id = Some("plan-0000000000000001".into());
    new.entry_mut("concept.a3").unwrap().not_applicable = Some("Plan kept by the group".into());
    let unlinked = blank();
    let all = [old, new, unlinked];

    let levels = plan_link::levels_for_plan(&all, "plan-0000000000000001").unwrap();
    let shape: Vec<(&str, Option<u8>, Option<u8>, bool)> =
        levels.iter().map(|l| (l.activity.id, l.current, l.target, l.not_applicable)).collect();
    assert_eq!(shape, [("concept.a1", Some(2), Some(3), false), ("concept.a2", Some(1), Some(4), false), ("concept.a3", None, None, true)]);
    assert!(plan_link::levels_for_plan(&all, "plan-other").is_none());
}

// ---- the file ----

fn file_json(a: &Assessment) -> Value {
    serde_json::from_str(&assessment::export_pretty(a)).unwrap()
}

fn import_value(v: &Value) -> Result<Assessment, AssessmentError> {
    assessment::import(v.to_string().as_bytes())
}

/// Words a person importing a file should never have to read.
const PROGRAMMER_WORDS: &[&str] = &["u8", "u64", "sequence", "map", "struct", "eof", "parsing", "variant", "enum", "serde", "plan"];

/// The message of a refused import: one or more whole plain sentences.
fn refusal(result: Result<Assessment, AssessmentError>) -> String {
    let message = result.expect_err("the file is refused").to_string();
    assert!(message.ends_with('.'), "ends a sentence: {message}");
    assert!(message.chars().next().is_some_and(|c| c.is_uppercase() || c == '“'), "starts a sentence: {message}");
    let lower = message.to_lowercase();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        assert!(!PROGRAMMER_WORDS.contains(&word), "programmer word {word:?} in: {message}");
    }
    for bad in ["/0", "`", "at line", "expected"] {
        assert!(!lower.contains(bad), "{bad:?} in: {message}");
    }
    message
}

#[test]
fn export_then_import_gives_the_same_assessment() {
    let a = sample();
    assert!(rules::validate(&a).is_empty(), "{:?}", rules::validate(&a));
    assert_eq!(assessment::import(assessment::export_pretty(&a).as_bytes()).unwrap(), a);
    assert_eq!(assessment::import(assessment::export_compact(&a).as_bytes()).unwrap(), a);
    let v = file_json(&a);
    assert_eq!(v["format"], "jsp-planner/assessment");
    assert_eq!(v["version"], 1);
    assert_eq!(v["assessment"]["activities"][0]["current"], 2);
    assert_eq!(v["assessment"]["activities"][3]["current"], Value::Null, "not yet scored is null");
    // Written again, the same text.
    let again = assessment::import(assessment::export_pretty(&a).as_bytes()).unwrap();
    assert_eq!(assessment::export_pretty(&again), assessment::export_pretty(&a));
}

#[test]
fn a_file_in_another_encoding_imports() {
    let a = sample();
    let text = assessment::export_compact(&a);
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(assessment::import(&utf16).unwrap(), a);
}

#[test]
fn refuses_what_is_not_json() {
    let m = refusal(assessment::import(b"{\"format\": \"jsp-planner/assessment\", "));
    assert!(m.starts_with("The file ends too early"), "{m}");
    let m = refusal(assessment::import(b"name,level\nA.1,2\n"));
    assert!(m.starts_with("The file is not valid JSON"), "{m}");
    let m = refusal(assessment::import(b"[1, 2]"));
    assert_eq!(m, "The file is JSON but not an assessment file: it holds a list, not an object.");
    assert_eq!(refusal(assessment::import(b"  \n")), "The file is empty.");
    assert_eq!(refusal(assessment::import(b"{\0\0\0\x01\x02")), "The file is not text: it holds binary data.");
    let mut text = assessment::export_compact(&sample());
    text.push_str(" {}");
    let m = refusal(assessment::import(text.as_bytes()));
    assert!(m.contains("more text after the end of the assessment"), "{m}");
}

#[test]
fn refuses_a_file_of_another_format() {
    let mut v = file_json(&sample());
    v["format"] = json!("threat-dragon");
    assert_eq!(
        refusal(import_value(&v)),
        "This is not a JSP Planner assessment file: its “format” is “threat-dragon”, not “jsp-planner/assessment”."
    );
    v["format"] = json!("jsp-planner/plan");
    let m = import_value(&v).unwrap_err().to_string();
    assert_eq!(m, "This is a JSP Planner plan file, not a maturity assessment: import it from the list of plans.");
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(refusal(import_value(&v)), "The file is JSON but not an assessment file: it has no “format” field.");
}

#[test]
fn refuses_a_newer_version_naming_both() {
    let mut v = file_json(&sample());
    v["version"] = json!(2);
    let m = refusal(import_value(&v));
    assert!(m.contains("version 2") && m.contains("up to 1"), "{m}");
    v["version"] = json!("1");
    assert_eq!(refusal(import_value(&v)), "The file’s “version” is “1”; it must be a whole number: 1.");
    v["version"] = json!(1.0);
    assert!(import_value(&v).is_ok(), "1.0 is 1");
    v["version"] = json!(0);
    assert!(refusal(import_value(&v)).contains("is 0"));
}

#[test]
fn refuses_unknown_and_duplicate_fields_naming_the_place() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][1]["score"] = json!(3);
    let err = import_value(&v).unwrap_err();
    let AssessmentError::File(envelope) = &err else { panic!("{err:?}") };
    assert_eq!(envelope.shape_path().as_deref(), Some("assessment/activities/1/score"));
    assert_eq!(refusal(Err(err)), "Activity “A.2 Voice of the customer”: “score” is not a field of an activity entry.");

    let mut v = file_json(&sample());
    v["extra"] = json!(true);
    assert_eq!(refusal(import_value(&v)), "“extra” is not a field of an assessment file.");

    let mut v = file_json(&sample());
    v["assessment"]["milestones"][0]["owner"] = json!("me");
    assert_eq!(refusal(import_value(&v)), "Milestone 1 (“SBOM for every product”): “owner” is not a field of a milestone.");

    let text = assessment::export_compact(&sample()).replacen("\"name\":", "\"name\":\"x\",\"name\":", 1);
    let m = refusal(assessment::import(text.as_bytes()));
    assert_eq!(m, "The assessment: “name” appears twice.");

    let mut v = file_json(&sample());
    v["assessment"]["activities"][0].as_object_mut().unwrap().remove("owner");
    assert_eq!(refusal(import_value(&v)), "Activity “A.1 Release / change project planning”: “owner” is missing.");
}

#[test]
fn refuses_a_bad_level_in_words() {
    // In range of a byte: a broken rule, told with the activity's name.
    let mut v = file_json(&sample());
    v["assessment"]["activities"][1]["current"] = json!(7);
    let err = import_value(&v).unwrap_err();
    assert_eq!(
        refusal(Err(err.clone())),
        "The assessment has a problem: Activity “A.2 Voice of the customer”: the current level is 7; levels are 0 to 5."
    );
    let AssessmentError::Invalid(problems) = &err else { panic!("{err:?}") };
    assert_eq!(problems[0].violation.path, "activities/1/current");
    assert_eq!(problems[0].description, "Activity “A.2 Voice of the customer”: the current level is 7; levels are 0 to 5.");

    // Not a level at all: a shape error, in the same words.
    for (bad, found) in
        [(json!(300), "the number 300"), (json!(-1), "the number -1"), (json!("high"), "the text “high”"), (json!(2.5), "the number 2.5")]
    {
        let mut v = file_json(&sample());
        v["assessment"]["activities"][2]["target"] = bad;
        assert_eq!(
            refusal(import_value(&v)),
            format!("Activity “A.3 Security management planning”: the target level must be a whole number from 0 to 5, or null until scored, not {found}.")
        );
    }
}

#[test]
fn refuses_an_unknown_or_repeated_activity() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][4]["activity_id"] = json!("concept.a4");
    assert_eq!(
        refusal(import_value(&v)),
        "The assessment has a problem: Activity entry 5 (“concept.a4”): the activity id is “concept.a4”, which is not an activity of the JSP framework."
    );

    let mut v = file_json(&sample());
    let copy = v["assessment"]["activities"][1].clone();
    v["assessment"]["activities"].as_array_mut().unwrap().push(copy);
    assert_eq!(
        refusal(import_value(&v)),
        "The assessment has a problem: Activity “A.2 Voice of the customer” is listed more than once; each activity is assessed once."
    );
}

#[test]
fn refuses_not_applicable_without_a_reason() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][0]["not_applicable"] = json!("  ");
    assert_eq!(
        refusal(import_value(&v)),
        "The assessment has a problem: Activity “A.1 Release / change project planning” is marked not applicable without a reason; say why it does not apply."
    );
}

#[test]
fn refuses_bad_dates() {
    let mut v = file_json(&sample());
    v["assessment"]["assessed_on"] = json!("2 March 2026");
    v["assessment"]["milestones"][1]["date"] = json!("2026-13-01");
    let m = refusal(import_value(&v));
    assert_eq!(
        m,
        "The assessment has 2 problems: Assessment date is “2 March 2026”; it must be a date written YYYY-MM-DD, such as 2026-03-31; \
         Milestone 2 (“Customer needs template”): the date is “2026-13-01”; it must be a date written YYYY-MM-DD, such as 2026-03-31."
    );
    let mut v = file_json(&sample());
    v["assessment"]["updated_at"] = json!("yesterday");
    assert!(refusal(import_value(&v)).contains("Last edit time must be a date and time"));
}

#[test]
fn refuses_unknown_references_and_repeated_ids_in_the_roadmap() {
    let mut v = file_json(&sample());
    v["assessment"]["milestones"][0]["phase_id"] = json!("PH-7");
    v["assessment"]["milestones"][0]["closes"] = json!(["transparency.sbom", "transparency.sbom", "nope"]);
    v["assessment"]["phases"][1]["id"] = json!("PH-1");
    let err = import_value(&v).unwrap_err();
    let AssessmentError::Invalid(problems) = &err else { panic!("{err:?}") };
    let descriptions: Vec<&str> = problems.iter().map(|p| p.description.as_str()).collect();
    assert_eq!(
        descriptions,
        [
            "Phase 2 (“Transparency”): the id is “PH-1”, the same as an earlier one.",
            "Milestone 1 (“SBOM for every product”): the phase is “PH-7”, which is not a phase of this roadmap.",
            "Milestone 1 (“SBOM for every product”): the activity 2 it closes is “transparency.sbom”, which is already listed.",
            "Milestone 1 (“SBOM for every product”): the activity 3 it closes is “nope”, which is not an activity of the JSP framework.",
        ]
    );
    let m = refusal(Err(err));
    assert!(m.starts_with("The assessment has 4 problems: ") && m.ends_with("; and 1 more problem."), "{m}");
}

#[test]
fn refuses_long_texts_and_empty_names() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][0]["evidence"] = json!("x".repeat(20_001));
    v["assessment"]["name"] = json!(" ");
    let m = refusal(import_value(&v));
    assert_eq!(
        m,
        "The assessment has 2 problems: Assessment name must not be empty; \
         Activity “A.1 Release / change project planning”: the evidence notes is longer than 20,000 characters."
    );
}

#[test]
fn refuses_an_oversized_file_before_reading_it() {
    let mut big = assessment::export_compact(&sample()).into_bytes();
    big.resize(assessment::MAX_FILE_BYTES + 1, b' ');
    let err = assessment::import(&big).unwrap_err();
    assert!(matches!(err, AssessmentError::File(Envelope::TooLarge { .. })));
    assert_eq!(refusal(Err(err)), "The file is 4,194,305 bytes; assessment files can be at most 4,194,304 bytes (4 MB).");
    let mut bigger = big;
    bigger.resize(5 * 1024 * 1024, b' ');
    assert_eq!(refusal(assessment::import(&bigger)), "The file is 5 MB; assessment files can be at most 4 MB.");
}

#[test]
fn messages_quote_hostile_values_short() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][0]["activity_id"] = json!("z".repeat(5000));
    let m = refusal(import_value(&v));
    assert!(m.chars().count() < 400, "{m}");
}

#[test]
fn detail_keeps_the_technical_path() {
    let mut v = file_json(&sample());
    v["assessment"]["activities"][1]["current"] = json!("2");
    let err = import_value(&v).unwrap_err();
    assert_eq!(err.detail().unwrap(), "at assessment/activities/1/current: invalid type: string \"2\", expected u8");
}

// ---- schema ----

#[test]
fn shipped_schema_is_generated_from_the_types() {
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/jsp-assessment.schema.json")).expect(
        "public/jsp-assessment.schema.json exists; regenerate with \
         `cargo run --quiet -- schema assessment > public/jsp-assessment.schema.json`",
    );
    assert_eq!(
        shipped.trim_end(),
        assessment::schema_json().trim_end(),
        "schema is stale: run `cargo run --quiet -- schema assessment > public/jsp-assessment.schema.json`"
    );
}

#[test]
fn schema_describes_the_file() {
    let schema: Value = serde_json::from_str(&assessment::schema_json()).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], "jsp-planner/assessment");
    assert_eq!(schema["required"], json!(["format", "version", "assessment"]));
    let entry = &schema["$defs"]["ActivityEntry"];
    assert_eq!(entry["properties"]["current"]["maximum"], 5);
    assert_eq!(entry["additionalProperties"], false);
    let ids: Vec<&str> = entry["properties"]["activity_id"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(ids, framework::activities().map(|a| a.id).collect::<Vec<_>>());
}

// ---- Markdown and CSV ----

#[test]
fn markdown_holds_scores_activities_gaps_and_roadmap() {
    let md = export::assessment_markdown(&sample(), None);
    assert!(md.starts_with("# Product security maturity 2026\n"), "{md}");
    assert!(md.contains("- **Organisation:** Acme Medical\n- **Assessed on:** 2026-03-02"), "{md}");
    assert!(md.contains("| Concept | 2.0 | 3.3 | 3 of 3 |"), "{md}");
    assert!(md.contains("| Design and development | Not scored | Not scored | 0 of 3 |"), "{md}");
    assert!(md.contains("| A.2 Voice of the customer | 1 – Performed | 4 – Measured | Head of product management | Workshop notes, 2025 user needs review |"), "{md}");
    assert!(md.contains("| Secure transfer to manufacturing | Not applicable | — |"), "{md}");
    assert!(md.contains("- Secure transfer to manufacturing: We make software only; nothing goes to a factory."), "{md}");
    assert!(
        md.contains("| A.2 Voice of the customer | Concept | 1 – Performed | 4 – Measured | 3 | Customer needs template (2026-06-30) |"),
        "{md}"
    );
    assert!(md.contains("| Patching | Maintenance | 1 – Performed | 3 – Defined | 2 | No milestone yet |"), "{md}");
    assert!(md.contains("### Foundations (2026-04-01 to 2026-06-30)\n\nWrite down what we already do.\n\n| Date | Milestone | Closes the gaps of |\n|---|---|---|\n| 2026-04-01 | Kick-off | — |\n| 2026-06-30 | Customer needs template | A.2 Voice of the customer (gap 3: 1 to 4); A.1 Release / change project planning (gap 1: 2 to 3) |\n"), "{md}");
    assert!(md.contains("### Milestones without a phase (2027-01-15)"), "{md}");
    assert!(md.contains("Gaps no milestone closes yet: Patching."), "{md}");
    assert!(md.contains("| 5 | Continuously improved |"), "{md}");
}

#[test]
fn markdown_escapes_user_text() {
    let mut a = sample();
    a.name = "# <script>alert(1)</script>".into();
    a.entry_mut("concept.a1").unwrap().owner = "a | b [x](http://evil)".into();
    let md = export::assessment_markdown(&a, None);
    assert!(md.starts_with("# \\# \\<script>"), "{md}");
    assert!(!md.replace("\\<", "").contains('<'), "every angle bracket escaped: {md}");
    assert!(md.contains("a \\| b \\[x\\](http\\://evil)"), "{md}");
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn csv_has_one_row_per_activity() {
    let text = export::assessment_csv(&sample());
    assert!(text.ends_with("\r\n") && text.contains("\r\n"));
    let rows = read_csv(&text);
    assert_eq!(rows.len(), 1 + framework::activities().count());
    assert_eq!(
        rows[0][..8],
        ["Component", "Activity id", "Activity", "Applicable", "Not applicable because", "Current level", "Target level", "Gap"]
    );
    assert_eq!(
        rows[2][..10],
        [
            "Concept",
            "concept.a2",
            "A.2 Voice of the customer",
            "Yes",
            "",
            "1",
            "4",
            "3",
            "Head of product management",
            "Workshop notes, 2025 user needs review"
        ]
    );
    assert_eq!(rows[3][5..8], ["3", "3", "0"]);
    assert_eq!(rows[4][5..8], ["", "", ""], "not scored is empty, not 0");
    let transfer = rows.iter().find(|r| r[1] == "design.transfer").unwrap();
    assert_eq!(transfer[3..6], ["No", "We make software only; nothing goes to a factory.", "0"]);
    assert_eq!(transfer[7], "", "no gap while not applicable");
}

#[test]
fn csv_defuses_formulas_and_quotes_what_needs_it() {
    let mut a = sample();
    let e = a.entry_mut("concept.a1").unwrap();
    e.owner = "=HYPERLINK(\"http://evil\",\"x\")".into();
    e.evidence = "line one,\nline \"two\"".into();
    e.not_applicable = Some("@SUM(A1:A9)".into());
    let text = export::assessment_csv(&a);
    let rows = read_csv(&text);
    assert_eq!(rows[1][8], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(rows[1][9], "line one,\nline \"two\"");
    assert_eq!(rows[1][4], "'@SUM(A1:A9)");
    assert!(text.contains("\"line one,\nline \"\"two\"\"\""), "{text}");
    for text in ["-1+2", "+1", "\tx"] {
        let mut a = sample();
        a.entry_mut("concept.a1").unwrap().owner = text.into();
        assert_eq!(read_csv(&export::assessment_csv(&a))[1][8], format!("'{text}"));
    }
}

#[test]
fn refuses_wrong_types_naming_the_place() {
    let mut v = file_json(&sample());
    v["assessment"]["name"] = json!(5);
    assert_eq!(refusal(import_value(&v)), "Assessment name must be text in quotes, not the number 5.");
    let mut v = file_json(&sample());
    v["assessment"]["milestones"][1]["closes"] = json!("concept.a1");
    assert_eq!(
        refusal(import_value(&v)),
        "Milestone 2 (“Customer needs template”): the list of activities it closes must be a list in [ ], not the text “concept.a1”."
    );
    let mut v = file_json(&sample());
    v["assessment"] = json!([]);
    assert_eq!(refusal(import_value(&v)), "The assessment must be an object in { }, not a list.");
    let mut v = file_json(&sample());
    v.as_object_mut().unwrap().remove("assessment");
    assert_eq!(refusal(import_value(&v)), "The file: “assessment” is missing.");
}

#[test]
fn docs_list_the_framework_and_the_levels() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ASSESSMENT_FORMAT.md")).unwrap();
    for c in COMPONENTS {
        for a in c.activities {
            let row = format!("| {} | `{}` | {} | {} |", c.name, a.id, a.name, a.question);
            assert!(doc.contains(&row), "docs/ASSESSMENT_FORMAT.md lacks the row\n{row}");
        }
    }
    for l in level::LEVELS {
        let row = format!("| {} | {} | {} |", l.value, l.name, l.definition);
        assert!(doc.contains(&row), "docs/ASSESSMENT_FORMAT.md lacks the level row\n{row}");
    }
}

/// The browser tests' workshop assessment (tests/fixtures/workshop) stays a
/// valid file: every activity scored but one not applicable, four phases,
/// eight milestones that close gaps.
#[test]
fn the_workshop_fixture_imports_whole() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/workshop/acme-maturity.jsp-assessment.json");
    let a = jsp_planner::assessment::import(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(a.activities.len(), jsp_planner::assessment::COMPONENTS.iter().map(|c| c.activities.len()).sum::<usize>());
    assert_eq!(a.activities.iter().filter(|e| e.not_applicable.is_some()).count(), 1);
    assert_eq!((a.phases.len(), a.milestones.len()), (4, 8));
    assert!(a.milestones.iter().all(|m| !m.closes.is_empty()));
}
