//! The public file format: export, import, errors, schema.

mod common;

use common::sample_plan;
use jsp_planner::format::{self, ImportError, MAX_FILE_BYTES};
use serde_json::{json, Value};

fn file_json() -> Value {
    serde_json::from_str(&format::export_pretty(&sample_plan())).unwrap()
}

fn import_value(v: &Value) -> Result<format::Imported, ImportError> {
    format::import(v.to_string().as_bytes())
}

#[test]
fn export_then_import_gives_the_same_plan() {
    let plan = sample_plan();
    for text in [format::export_pretty(&plan), format::export_compact(&plan)] {
        let imported = format::import(text.as_bytes()).unwrap();
        assert_eq!(imported.plan, plan);
        assert_eq!(imported.migrated_from, None);
    }
}

#[test]
fn export_names_format_and_version() {
    let v = file_json();
    assert_eq!(v["format"], "jsp-planner/plan");
    assert_eq!(v["version"], format::VERSION);
    assert_eq!(v["plan"]["name"], "Infusion pump 3.2");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", format::export_compact(&sample_plan()));
    assert!(format::import(text.as_bytes()).is_ok());
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = format::import(b"{\n  \"format\": \"jsp-planner/plan\",\n  oops\n}").unwrap_err();
    match &err {
        ImportError::NotJson { line, .. } => assert_eq!(*line, 3),
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().starts_with("The file is not valid JSON"), "{err}");
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert_eq!(format::import(b"  \n").unwrap_err(), ImportError::Empty);
    assert_eq!(format::import(&[0xff, 0xfe, 0x00]).unwrap_err(), ImportError::NotText);
}

#[test]
fn json_that_is_not_an_object_is_not_a_plan_file() {
    for text in ["[1,2]", "42", "\"plan\"", "null"] {
        let err = format::import(text.as_bytes()).unwrap_err();
        assert!(matches!(err, ImportError::NotAPlanFile(_)), "{text}: {err:?}");
    }
}

#[test]
fn wrong_or_missing_format_is_named() {
    let mut v = file_json();
    v["format"] = json!("something-else");
    let err = import_value(&v).unwrap_err();
    assert_eq!(err, ImportError::WrongFormat { found: "\"something-else\"".into() });
    assert!(err.to_string().contains("not a JSP Planner plan file"));
    v.as_object_mut().unwrap().remove("format");
    assert!(matches!(import_value(&v).unwrap_err(), ImportError::NotAPlanFile(_)));
}

#[test]
fn newer_version_is_refused_with_both_versions_named() {
    let mut v = file_json();
    v["version"] = json!(format::VERSION + 1);
    let err = import_value(&v).unwrap_err();
    assert_eq!(err, ImportError::NewerVersion { found: format::VERSION + 1 });
    let msg = err.to_string();
    assert!(msg.contains("newer JSP Planner") && msg.contains(&format!("up to {}", format::VERSION)), "{msg}");
}

#[test]
fn bad_versions_are_refused() {
    for bad in [json!(0), json!(-1), json!("1"), json!(1.5), Value::Null] {
        let mut v = file_json();
        v["version"] = bad.clone();
        assert_eq!(import_value(&v).unwrap_err(), ImportError::BadVersion, "{bad}");
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    let err = format::import(&big).unwrap_err();
    assert_eq!(err, ImportError::TooLarge { size: MAX_FILE_BYTES + 1 });
    assert!(err.to_string().contains("at most 4.0 MB"), "{err}");
}

#[test]
fn shape_errors_name_the_path() {
    let mut v = file_json();
    v["plan"]["risks"][0]["initial"]["severity"] = json!("high");
    match import_value(&v).unwrap_err() {
        ImportError::Shape { path, .. } => assert_eq!(path, "plan/risks/0/initial/severity"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn missing_unknown_and_duplicate_fields_name_where_they_are() {
    let mut v = file_json();
    v["plan"]["risks"][0]["initial"].as_object_mut().unwrap().remove("severity");
    v["plan"]["activities"][0]["surprise"] = json!(1);
    let shape = |v: &Value| match import_value(v).unwrap_err() {
        ImportError::Shape { path, message } => format!("{path}: {message}"),
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(shape(&v), "plan/activities/0/surprise: unknown field `surprise`, expected `id` or `name`");
    v["plan"]["activities"][0].as_object_mut().unwrap().remove("surprise");
    assert_eq!(shape(&v), "plan/risks/0/initial: missing field `severity`");
    // Pretty-printed files span lines; the path is found all the same.
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let err = format::import(pretty.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::Shape { ref path, .. } if path == "plan/risks/0/initial"), "{err:?}");

    let text = format::export_compact(&sample_plan()).replacen("\"name\":", "\"name\":\"x\",\"name\":", 1);
    let err = format::import(text.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::Shape { ref path, .. } if path == "plan/name"), "{err:?}");
}

#[test]
fn unknown_and_duplicate_fields_are_errors() {
    let mut v = file_json();
    v["plan"]["surprise"] = json!(true);
    assert!(matches!(import_value(&v).unwrap_err(), ImportError::Shape { .. }));

    let text = format::export_compact(&sample_plan()).replacen("\"name\":", "\"name\":\"x\",\"name\":", 1);
    let err = format::import(text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("duplicate field"), "{err}");
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let in_header = format!("{{\"format\":{deep},\"version\":1}}");
    let err = format::import(in_header.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("nested too deeply"), "{err}");
    let in_plan = format!("{{\"format\":\"jsp-planner/plan\",\"version\":1,\"plan\":{{\"id\":{deep}}}}}");
    let err = format::import(in_plan.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::Shape { ref path, .. } if path == "plan/id"), "{err:?}");
    assert!(matches!(format::import(deep.as_bytes()).unwrap_err(), ImportError::NotAPlanFile(_)));
}

#[test]
fn broken_invariants_are_listed() {
    let mut v = file_json();
    v["plan"]["need_links"][0]["need_id"] = json!("nd-missing");
    v["plan"]["risks"][0]["initial"]["likelihood"] = json!(9);
    match import_value(&v).unwrap_err() {
        ImportError::Invalid(violations) => {
            let text: Vec<String> = violations.iter().map(ToString::to_string).collect();
            assert!(text.iter().any(|t| t.contains("need_links/0/need_id") && t.contains("does not exist")), "{text:?}");
            assert!(text.iter().any(|t| t.contains("risks/0/initial/likelihood")), "{text:?}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn shipped_schema_is_generated_from_the_types() {
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/jsp-plan.schema.json"))
        .expect("public/jsp-plan.schema.json exists; regenerate with `cargo run --quiet > public/jsp-plan.schema.json`");
    assert_eq!(
        shipped.trim_end(),
        format::schema_json().trim_end(),
        "schema is stale: run `cargo run --quiet > public/jsp-plan.schema.json`"
    );
}

#[test]
fn schema_describes_the_top_level_fields() {
    let schema: Value = serde_json::from_str(&format::schema_json()).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], "jsp-planner/plan");
    assert_eq!(schema["required"], json!(["format", "version", "plan"]));
    assert!(schema["$defs"]["RiskEntry"].is_object());
}

#[test]
fn messages_stay_short_whatever_the_file_quotes() {
    // Found by the fuzzer: an unknown field whose name is 100,000 characters long.
    let mut v = file_json();
    v["plan"]["activities"][0][&"[".repeat(100_000)] = json!(1);
    let message = import_value(&v).unwrap_err().to_string();
    assert!(message.len() < 1_000, "{} characters", message.len());
    assert!(message.contains("unknown field"), "{message}");

    let mut v = file_json();
    v["plan"]["stakeholders"][0]["id"] = json!("x".repeat(50_000));
    v["plan"]["stakeholders"][1]["id"] = json!("x".repeat(50_000));
    let message = import_value(&v).unwrap_err().to_string();
    assert!(message.len() < 1_000, "{} characters", message.len());
}

#[test]
fn huge_numbers_and_wrong_types_are_shape_errors() {
    for bad in [json!(1e300), json!("3"), json!(-1), json!(256), json!(null)] {
        let mut v = file_json();
        v["plan"]["risks"][0]["initial"]["severity"] = bad.clone();
        match import_value(&v) {
            Err(ImportError::Shape { path, .. }) => {
                assert_eq!(path, "plan/risks/0/initial/severity", "{bad}")
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}
