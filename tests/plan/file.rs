//! The public file format: export, import, errors, schema.

use crate::common::sample_plan;
use jsp_planner::common::json::Envelope;
use jsp_planner::plan::file::{self, ImportError, MAX_FILE_BYTES};
use serde_json::{json, Value};

fn file_json() -> Value {
    serde_json::from_str(&file::export_pretty(&sample_plan())).unwrap()
}

fn import_value(v: &Value) -> Result<file::Imported, ImportError> {
    file::import(v.to_string().as_bytes())
}

/// Words a person importing a file should never have to read.
const PROGRAMMER_WORDS: &[&str] =
    &["u8", "u64", "sequence", "map", "struct", "eof", "parsing", "rule", "rules", "variant", "enum", "ident", "deserialize", "serde"];

/// A message is plain: whole sentences, no programmer words, no zero-based
/// paths, no backticks or straight-quoted names, and no claim about what changed.
fn assert_plain(message: &str) {
    assert!(message.ends_with('.'), "ends a sentence: {message}");
    assert!(message.chars().next().is_some_and(|c| c.is_uppercase() || c == '“'), "starts a sentence: {message}");
    let lower = message.to_lowercase();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        assert!(!PROGRAMMER_WORDS.contains(&word), "programmer word {word:?} in: {message}");
    }
    for bad in ["expected one of", "rule(s)", "/0", "`", "from 1 to 1.", "unchanged", "nothing was changed", "at line"] {
        assert!(!lower.contains(bad), "{bad:?} in: {message}");
    }
}

fn message(result: Result<file::Imported, ImportError>) -> String {
    let message = result.unwrap_err().to_string();
    assert_plain(&message);
    message
}

#[test]
fn export_then_import_gives_the_same_plan() {
    let plan = sample_plan();
    for text in [file::export_pretty(&plan), file::export_compact(&plan), file::export_for_file(&plan)] {
        let imported = file::import(text.as_bytes()).unwrap();
        assert_eq!(imported.plan, plan);
        assert_eq!(imported.migrated_from, None);
    }
    assert_eq!(file::export_for_file(&plan), file::export_pretty(&plan), "a small plan exports pretty");
}

#[test]
fn export_names_format_and_version() {
    let v = file_json();
    assert_eq!(v["format"], "jsp-planner/plan");
    assert_eq!(file::VERSION, 7);
    assert_eq!(v["version"], 7);
    assert_eq!(v["plan"]["name"], "Infusion pump 3.2");
    assert_eq!(v["plan"]["criteria"]["removed_severity_levels"], json!([]));
}

#[test]
fn an_unrated_risk_round_trips_as_null() {
    let mut plan = sample_plan();
    plan.risks[0].initial = None;
    plan.risks[0].residual = None;
    let text = file::export_pretty(&plan);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["plan"]["risks"][0]["initial"], Value::Null);
    let imported = file::import(text.as_bytes()).unwrap();
    assert_eq!(imported.plan, plan);
    assert_eq!(file::import(file::export_compact(&imported.plan).as_bytes()).unwrap().plan, plan);
}

#[test]
fn a_plan_just_under_the_limit_exports_to_a_file_that_imports() {
    // Storage keeps a plan whose compact form is at most MAX_FILE_BYTES; its
    // pretty form is larger, so the file must be written compactly.
    let mut plan = jsp_planner::plan::presets::new_plan("plan-big".into(), "Big".into(), crate::common::NOW.into());
    let risk = |i: usize| jsp_planner::plan::model::RiskEntry::new(format!("R-{i:04}"), "Asset", &"t".repeat(900));
    let base = file::export_compact(&plan).len();
    plan.risks.push(risk(0));
    let per_risk = file::export_compact(&plan).len() - base + 1; // and a comma
    let n = (MAX_FILE_BYTES - base) / per_risk;
    plan.risks = (0..n).map(risk).collect();
    let short = MAX_FILE_BYTES - 10 - file::export_compact(&plan).len();
    plan.risks[0].controls = "c".repeat(short);
    let compact = file::export_compact(&plan);
    assert!(compact.len() <= MAX_FILE_BYTES && compact.len() > MAX_FILE_BYTES - 100, "{}", compact.len());
    assert!(file::export_pretty(&plan).len() > MAX_FILE_BYTES);

    let file = file::export_for_file(&plan);
    assert_eq!(file, compact);
    assert_eq!(file::import(file.as_bytes()).unwrap().plan, plan);
}

// --- Version 1 files --------------------------------------------------------

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/v1/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn version_1_files_are_migrated_and_export_as_the_current_version() {
    for name in ["full-plan.jsp-plan.json", "minimal.jsp-plan.json", "version-float.jsp-plan.json"] {
        let imported = file::import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.migrated_from, Some(1), "{name}");
        let criteria = &imported.plan.criteria;
        assert!(criteria.removed_likelihood_levels.is_empty() && criteria.removed_severity_levels.is_empty(), "{name}");

        let exported = file::export_for_file(&imported.plan);
        let v: Value = serde_json::from_str(&exported).unwrap();
        assert_eq!(v["version"], 7, "{name}");
        let again = file::import(exported.as_bytes()).unwrap();
        assert_eq!(again.migrated_from, None, "{name}");
        assert_eq!(again.plan, imported.plan, "{name}");
    }
}

#[test]
fn a_version_1_plan_keeps_everything_it_had() {
    let original: Value = serde_json::from_slice(&fixture("full-plan.jsp-plan.json")).unwrap();
    let imported = file::import(&fixture("full-plan.jsp-plan.json")).unwrap();
    let mut exported: Value = serde_json::from_str(&file::export_compact(&imported.plan)).unwrap();
    // The only differences: the version and the new, empty fields of versions 2 to 7.
    assert_eq!(exported["version"], 7);
    let criteria = exported["plan"]["criteria"].as_object_mut().unwrap();
    assert_eq!(criteria.remove("removed_likelihood_levels"), Some(json!([])));
    assert_eq!(criteria.remove("removed_severity_levels"), Some(json!([])));
    remove_version_3_fields(&mut exported);
    restore_need_ids(&mut exported, &original);
    exported["version"] = json!(1);
    assert_eq!(exported, original);
    assert_eq!(imported.plan.risks[1].initial, Some(jsp_planner::plan::model::Rating { likelihood: 3, severity: 4 }));
    assert_eq!(imported.plan.stakeholders[5].name, "Pharmacy (Zürich site)");
}

/// Give the needs of `exported` (a migrated file) the ids they have in
/// `original`, checking that version 5 gave them SN-01, SN-02… in order.
fn restore_need_ids(exported: &mut Value, original: &Value) {
    let old: Vec<Value> = original["plan"]["needs"].as_array().unwrap().iter().map(|n| n["id"].clone()).collect();
    let back = |id: &mut Value| {
        let n: usize = id.as_str().unwrap().strip_prefix("SN-").expect("a readable id").parse().unwrap();
        *id = old[n - 1].clone();
    };
    let plan = &mut exported["plan"];
    for (i, need) in plan["needs"].as_array_mut().unwrap().iter_mut().enumerate() {
        assert_eq!(need["id"], format!("SN-{:02}", i + 1));
        back(&mut need["id"]);
    }
    plan["need_links"].as_array_mut().unwrap().iter_mut().for_each(|l| back(&mut l["need_id"]));
    for risk in plan["risks"].as_array_mut().unwrap() {
        risk["need_ids"].as_array_mut().unwrap().iter_mut().for_each(back);
    }
}

/// Take out what version 7 added (checking it is empty).
fn remove_version_7_fields(file: &mut Value) {
    let plan = file["plan"].as_object_mut().unwrap();
    let premarket = plan.remove("premarket").expect("version 7's premarket part");
    assert_eq!(premarket["mds2"], json!([]));
    assert_eq!(premarket["architecture"]["global_system"], json!({"shows": "", "location": "", "status": "not_started"}));
    assert!(premarket["not_applicable"].as_object().unwrap().values().all(|r| r == ""));
    assert_eq!(plan["project"].as_object_mut().unwrap().remove("cyber_device"), Some(Value::Null));
    let management = plan["management"].as_object_mut().unwrap();
    assert_eq!(management.remove("disclosure_contact"), Some(json!("")));
    assert_eq!(management["sbom"].as_object_mut().unwrap().remove("customer_access"), Some(json!("")));
    for control in plan.get_mut("controls").and_then(Value::as_array_mut).into_iter().flatten() {
        assert_eq!(control.as_object_mut().unwrap().remove("categories"), Some(json!([])));
    }
}

/// Take out what version 6 added (checking it is empty).
fn remove_version_6_fields(file: &mut Value) {
    remove_version_7_fields(file);
    let plan = file["plan"].as_object_mut().unwrap();
    assert_eq!(plan.remove("components"), Some(json!([])), "version 6's component register");
    assert_eq!(plan["project"].as_object_mut().unwrap().remove("end_of_support"), Some(json!("")));
}

/// Take out what versions 3 to 6 added (checking it is empty), leaving a version 2
/// plan: user needs without text go back to each need's one reference.
fn remove_version_3_fields(file: &mut Value) {
    remove_version_6_fields(file);
    let plan = file["plan"].as_object_mut().unwrap();
    assert_eq!(plan.remove("revisions"), Some(json!([])), "version 4's revisions");
    assert_eq!(plan.remove("controls"), Some(json!([])));
    let empty_document = json!({ "document_id": "", "revision": "", "author": "", "workshop_dates": "", "attendees": [] });
    assert_eq!(plan.remove("document"), Some(empty_document));
    let user_needs = plan.remove("user_needs").unwrap();
    assert!(user_needs.as_array().unwrap().iter().all(|u| u["text"] == ""), "{user_needs}");
    for need in plan["needs"].as_array_mut().unwrap() {
        let need = need.as_object_mut().unwrap();
        let ids = need.remove("user_need_ids").unwrap();
        let ids = ids.as_array().unwrap();
        assert!(ids.len() <= 1);
        need.insert("user_need_ref".into(), ids.first().cloned().unwrap_or(Value::Null));
    }
    for risk in plan["risks"].as_array_mut().unwrap() {
        let risk = risk.as_object_mut().unwrap();
        assert_eq!(risk.remove("treatment"), Some(Value::Null));
        assert_eq!(risk.remove("control_ids"), Some(json!([])));
        assert_eq!(risk.remove("acceptance"), Some(json!({ "rationale": "", "approver": "", "date": "" })));
    }
}

#[test]
fn a_version_2_plan_keeps_everything_and_gains_no_controls_yet() {
    let path = format!("{}/tests/fixtures/workshop/insulin-pump.jsp-plan.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let original: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(original["version"], 2, "the workshop fixture stays a version 2 file, to test this migration");
    let imported = file::import(&bytes).unwrap();
    assert_eq!(imported.migrated_from, Some(2));
    assert!(!imported.plan.risks.is_empty());
    assert!(imported.plan.risks.iter().all(|r| r.treatment.is_none() && r.control_ids.is_empty() && !r.acceptance.is_complete()));
    let mut exported: Value = serde_json::from_str(&file::export_compact(&imported.plan)).unwrap();
    remove_version_3_fields(&mut exported);
    restore_need_ids(&mut exported, &original);
    exported["version"] = json!(2);
    assert_eq!(exported, original);
}

#[test]
fn version_2_user_need_references_become_user_needs_and_nothing_typed_is_lost() {
    let mut v: Value = serde_json::from_str(&file::export_compact(&sample_plan())).unwrap();
    v["version"] = json!(2);
    let plan = v["plan"].as_object_mut().unwrap();
    plan.remove("user_needs");
    plan.remove("controls");
    plan.remove("document");
    for risk in plan["risks"].as_array_mut().unwrap() {
        for key in ["treatment", "control_ids", "acceptance"] {
            risk.as_object_mut().unwrap().remove(key);
        }
    }
    // Shared, invalid as an id, colliding with the id the invalid one would get, blank, none.
    let refs = [json!("UN-12"), json!("UN 12: safe updates"), json!("UN-12"), json!("UN-1"), json!("  "), Value::Null, json!("UN-12")];
    for (need, r) in plan["needs"].as_array_mut().unwrap().iter_mut().zip(refs) {
        let need = need.as_object_mut().unwrap();
        need.remove("user_need_ids");
        need.insert("user_need_ref".into(), r);
    }
    let imported = import_value(&v).unwrap();
    assert_eq!(imported.migrated_from, Some(2));
    let p = &imported.plan;
    let ids: Vec<Vec<&str>> = p.needs.iter().map(|n| n.user_need_ids.iter().map(String::as_str).collect()).collect();
    assert_eq!(ids, [vec!["UN-12"], vec!["UN-2"], vec!["UN-12"], vec!["UN-1"], vec![], vec![], vec!["UN-12"]]);
    let user_needs: Vec<(&str, &str)> = p.user_needs.iter().map(|u| (u.id.as_str(), u.text.as_str())).collect();
    // A reference that is an id keeps it, even one met later ("UN-1"): the
    // invalid one gets the next number no reference uses, its words as text.
    assert_eq!(user_needs, [("UN-12", ""), ("UN-2", "UN 12: safe updates"), ("UN-1", "")]);
    assert!(jsp_planner::plan::rules::validate(p).is_empty());
    // A reference that is not text is left for the strict reader to name.
    v["plan"]["needs"][0]["user_need_ref"] = json!(7);
    assert!(shape_path(&import_value(&v).unwrap_err()).is_some());
}

// --- Versions ---------------------------------------------------------------

#[test]
fn a_version_written_as_a_whole_float_is_that_version() {
    let mut v = file_json();
    v["version"] = json!(7.0);
    let imported = import_value(&v).unwrap();
    assert_eq!(imported.migrated_from, None);
    assert_eq!(imported.plan, sample_plan());
    let text = file::export_compact(&sample_plan()).replacen("\"version\":7", "\"version\":7.0", 1);
    assert!(text.contains("\"version\":7.0"));
    assert_eq!(file::import(text.as_bytes()).unwrap().plan, sample_plan());
}

#[test]
fn newer_version_is_refused_with_both_versions_named() {
    let mut v = file_json();
    v["version"] = json!(file::VERSION + 1);
    let err = import_value(&v).unwrap_err();
    assert_eq!(err, ImportError::File(Envelope::NewerVersion { found: file::VERSION + 1 }));
    let msg = err.to_string();
    assert_plain(&msg);
    assert_eq!(
        msg,
        "The file was saved by a newer JSP Planner (format version 8); this app reads versions up to 7. \
         Open it in an up-to-date JSP Planner."
    );
    v["version"] = json!(8.0);
    assert_eq!(import_value(&v).unwrap_err(), ImportError::File(Envelope::NewerVersion { found: 8 }));
}

#[test]
fn bad_versions_are_refused_in_plain_words() {
    for (bad, shown) in [(json!(0), "0"), (json!(-1), "-1"), (json!("2"), "“2”"), (json!(1.5), "1.5"), (json!(1e300), "1e+300")] {
        let mut v = file_json();
        v["version"] = bad.clone();
        let err = import_value(&v).unwrap_err();
        assert!(matches!(err, ImportError::File(Envelope::BadVersion { .. })), "{bad}: {err:?}");
        let msg = message(Err(err));
        assert_eq!(msg, format!("The file’s “version” is {shown}; it must be a whole number: from 1 to 7."), "{bad}");
    }
    let mut v = file_json();
    v["version"] = Value::Null;
    assert_eq!(message(import_value(&v)), "The file has no “version”; it must be a whole number: from 1 to 7.");
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(message(import_value(&v)), "The file has no “version”; it must be a whole number: from 1 to 7.");
}

// --- Encodings --------------------------------------------------------------

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for unit in std::iter::once(0xfeff).filter(|_| bom).chain(text.encode_utf16()) {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn plan_with_accents() -> jsp_planner::plan::model::Plan {
    let mut plan = sample_plan();
    plan.name = "Pompe à perfusion “Zürich” €".into();
    plan
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", file::export_compact(&sample_plan()));
    assert!(file::import(text.as_bytes()).is_ok());
}

#[test]
fn utf16_with_or_without_byte_order_mark_is_read() {
    let plan = plan_with_accents();
    let text = file::export_pretty(&plan);
    for big_endian in [false, true] {
        for bom in [true, false] {
            let imported = file::import(&utf16(&text, big_endian, bom)).unwrap_or_else(|e| panic!("be={big_endian} bom={bom}: {e}"));
            assert_eq!(imported.plan, plan);
        }
    }
}

#[test]
fn odd_length_or_broken_utf16_is_refused_naming_the_encoding() {
    let text = file::export_compact(&sample_plan());
    let mut bytes = utf16(&text, false, true);
    bytes.pop();
    let err = file::import(&bytes).unwrap_err();
    assert!(matches!(err, ImportError::File(Envelope::Encoding { .. })), "{err:?}");
    let msg = message(Err(err));
    assert_eq!(msg, "The file is UTF-16 (little-endian) text, but it ends in the middle of a character: it may have been cut off.");

    let mut bytes = utf16(&text, true, true);
    bytes.extend([0xd8, 0x00, 0x00, 0x7d]); // a lone high surrogate, then "}"
    let msg = message(file::import(&bytes));
    assert!(msg.starts_with("The file is UTF-16 (big-endian) text, but the character at byte"), "{msg}");
}

/// The text in Windows-1252, for the characters this test uses.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '“' => 0x93,
            '”' => 0x94,
            c if u32::from(c) < 0x100 => u32::from(c) as u8,
            c => panic!("{c} is not in this test's Windows-1252 table"),
        })
        .collect()
}

#[test]
fn windows_1252_is_read_when_the_file_is_not_utf8() {
    let plan = plan_with_accents();
    let bytes = windows_1252(&file::export_pretty(&plan));
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(file::import(&bytes).unwrap().plan, plan);
}

#[test]
fn bytes_that_are_no_windows_1252_character_are_refused() {
    let mut bytes = windows_1252(&file::export_compact(&plan_with_accents()));
    let at = bytes.iter().position(|&b| b == 0x80).unwrap();
    bytes[at] = 0x81;
    let err = file::import(&bytes).unwrap_err();
    assert!(matches!(err, ImportError::File(Envelope::Encoding { encoding: "Windows-1252", .. })), "{err:?}");
    let msg = message(Err(err));
    assert_eq!(
        msg,
        format!(
            "The file is neither UTF-8 nor Windows-1252 text: byte {} (0x81) is not a character in either. Save it as UTF-8 and try again.",
            at + 1
        )
    );
}

#[test]
fn binary_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    for bytes in [&png[..], b"{\"format\":\0}", &[0xff, 0xfe, 0x00][..]] {
        let err = file::import(bytes).unwrap_err();
        assert!(matches!(err, ImportError::File(Envelope::Binary) | ImportError::File(Envelope::Encoding { .. })), "{err:?}");
    }
    assert_eq!(file::import(png).unwrap_err(), ImportError::File(Envelope::Binary));
    assert_eq!(message(file::import(png)), "The file is not text: it holds binary data.");
    assert_eq!(file::import(&[0x00, 0x00, 0x00, 0x01]).unwrap_err(), ImportError::File(Envelope::Binary));
}

// --- One test per error kind: the words people read -------------------------

#[test]
fn too_large_says_both_sizes_so_they_differ() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    let err = file::import(&big).unwrap_err();
    assert_eq!(err, ImportError::File(Envelope::TooLarge { size: MAX_FILE_BYTES + 1 }));
    assert_eq!(message(Err(err)), "The file is 4,194,305 bytes; plan files can be at most 4,194,304 bytes (4 MB).");
    let err = ImportError::File(Envelope::TooLarge { size: MAX_FILE_BYTES * 43 / 40 });
    assert_eq!(err.to_string(), "The file is 4.3 MB; plan files can be at most 4 MB.");
    assert_eq!(
        ImportError::File(Envelope::TooLarge { size: 9 * 1024 * 1024 }).to_string(),
        "The file is 9 MB; plan files can be at most 4 MB."
    );
    assert_eq!(err.detail().unwrap(), "4508876 bytes; the limit is 4194304 bytes");
}

#[test]
fn empty_files_are_named() {
    assert_eq!(file::import(b"  \n").unwrap_err(), ImportError::File(Envelope::Empty));
    assert_eq!(message(file::import(b"")), "The file is empty.");
    assert_eq!(message(file::import(b"\xef\xbb\xbf")), "The file is empty.");
}

#[test]
fn malformed_json_is_told_in_words_with_a_position() {
    let err = file::import(b"{\n  \"format\": \"jsp-planner/plan\",\n  oops\n}").unwrap_err();
    match &err {
        ImportError::File(Envelope::NotJson { line, column, .. }) => assert_eq!((*line, *column), (3, 3)),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(message(Err(err.clone())), "The file is not valid JSON: a field name is not in double quotes (line 3, column 3).");
    assert!(err.detail().unwrap().contains("key must be a string"), "{:?}", err.detail());

    let cut = file::export_pretty(&sample_plan());
    let cut = &cut[..cut.len() / 2];
    let msg = message(file::import(cut.as_bytes()));
    assert!(msg.starts_with("The file ends too early: it may have been cut off (line "), "{msg}");

    for (text, words) in [
        ("{\"a\" 1}", "a colon “:” is missing after a field name"),
        ("{\"a\":1 \"b\":2}", "a comma or a closing brace “}” is missing"),
        ("{\"a\":[1 2]}", "a comma or a closing bracket “]” is missing"),
        ("{\"a\":\"\u{1}\"}", "a text holds a line break, tab or other control character"),
        ("{\"a\":\"\\q\"}", "a text holds a backslash code that is not valid"),
        ("{\"a\":-}", "a number is not written correctly"),
        ("{\"format\":1e999}", "a number is too large"),
        ("{\"a\":tru}", "a word is not in quotes"),
        ("{\"a\":1,}", "there is a comma before a closing bracket or brace"),
        ("{} x", "there is more text after the end of the plan"),
        ("{\"a\":}", "something here is not valid JSON"),
    ] {
        let msg = message(file::import(text.as_bytes()));
        assert!(msg.contains(words), "{text}: {msg}");
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    let err = file::import("{\"é€\": \"x\" oops}".as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::File(Envelope::NotJson { line: 1, column: 12, .. })), "{err:?}");
}

#[test]
fn json_that_is_not_an_object_is_not_a_plan_file() {
    for (text, what) in [("[1,2]", "a list"), ("42", "a number"), ("\"plan\"", "a text"), ("null", "a single value")] {
        let err = file::import(text.as_bytes()).unwrap_err();
        assert!(matches!(err, ImportError::File(Envelope::NotAnObject(_))), "{text}: {err:?}");
        assert_eq!(message(Err(err)), format!("The file is JSON but not a plan file: it holds {what}, not an object."));
    }
}

#[test]
fn wrong_or_missing_format_is_named() {
    let mut v = file_json();
    v["format"] = json!("something-else");
    let err = import_value(&v).unwrap_err();
    assert_eq!(err, ImportError::File(Envelope::WrongFormat { found: "“something-else”".into() }));
    assert_eq!(message(Err(err)), "This is not a JSP Planner plan file: its “format” is “something-else”, not “jsp-planner/plan”.");
    v.as_object_mut().unwrap().remove("format");
    let err = import_value(&v).unwrap_err();
    assert!(matches!(err, ImportError::File(Envelope::NotAnObject(_))));
    assert_eq!(message(Err(err)), "The file is JSON but not a plan file: it has no “format” field.");
}

#[test]
fn migration_errors_read_as_sentences() {
    let err = ImportError::File(Envelope::Migration { from: 1, message: "the risk criteria are not readable".into() });
    assert_plain(&err.to_string());
    assert_eq!(err.to_string(), "The file could not be upgraded from format version 1: the risk criteria are not readable.");
}

fn shape(v: &Value) -> (String, String) {
    let err = import_value(v).unwrap_err();
    let Some(path) = shape_path(&err) else { panic!("unexpected {err:?}") };
    let message = err.to_string();
    assert_plain(&message);
    (path, message)
}

#[test]
fn shape_errors_name_the_place_as_the_user_sees_it() {
    let mut v = file_json();
    v["plan"]["risks"][0]["initial"]["severity"] = json!(256);
    assert_eq!(
        shape(&v),
        (
            "plan/risks/0/initial/severity".into(),
            "Risk R-001: the initial severity is 256, which is not a level of this grid (1–5).".into()
        )
    );
    v["plan"]["risks"][0]["initial"]["severity"] = json!("high");
    assert_eq!(shape(&v).1, "Risk R-001: the initial severity must be a level of this grid (1–5), not the text “high”.");

    let mut v = file_json();
    v["plan"]["stakeholders"][1]["name"] = json!(5);
    assert_eq!(shape(&v).1, "Stakeholder 2: the name must be text in quotes, not the number 5.");
    v["plan"]["stakeholders"][1]["name"] = json!("Clinicians");
    v["plan"]["stakeholders"][1]["description"] = json!(["a"]);
    assert_eq!(shape(&v).1, "Stakeholder 2 (“Clinicians”): the description must be text in quotes, not a list.");

    let mut v = file_json();
    v["plan"]["name"] = json!(null);
    assert_eq!(shape(&v).1, "Plan name must be text in quotes, not null (empty).");

    let mut v = file_json();
    v["plan"]["risks"][0]["status"] = json!("weird");
    assert_eq!(shape(&v).1, "Risk R-001: the status is “weird”, which is not one of “open”, “mitigating”, “accepted” or “closed”.");
    v["plan"]["risks"][0]["status"] = json!(3);
    assert_eq!(shape(&v).1, "Risk R-001: the status must be one of “open”, “mitigating”, “accepted” or “closed”, not the number 3.");

    let mut v = file_json();
    v["plan"]["criteria"]["zones"][1][2] = json!("red");
    assert_eq!(
        shape(&v).1,
        "Risk criteria: the zone of likelihood level 2, severity level 3 is “red”, which is not one of “acceptable”, “review” or “unacceptable”."
    );

    let mut v = file_json();
    v["plan"]["project"]["inputs"][0]["done"] = json!("yes");
    assert_eq!(shape(&v).1, "Project planning, input 1 (“Project charter”): the done mark must be true or false, not the text “yes”.");

    let mut v = file_json();
    v["plan"]["needs"] = json!({});
    assert_eq!(shape(&v).1, "List of security needs must be a list in [ ], not an object.");
}

#[test]
fn missing_unknown_and_duplicate_fields_name_where_they_are() {
    let mut v = file_json();
    v["plan"]["risks"][0]["initial"].as_object_mut().unwrap().remove("severity");
    v["plan"]["activities"][0]["surprise"] = json!(1);
    let (path, msg) = shape(&v);
    assert_eq!(path, "plan/activities/0/surprise");
    assert_eq!(msg, "Activity 1 (“A.1 Release / change project planning”): “surprise” is not a field of an activity.");
    v["plan"]["activities"][0].as_object_mut().unwrap().remove("surprise");
    assert_eq!(shape(&v), ("plan/risks/0/initial".into(), "Risk R-001, initial rating: “severity” is missing.".into()));
    // Pretty-printed files span lines; the place is found all the same.
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let err = file::import(pretty.as_bytes()).unwrap_err();
    assert_eq!(shape_path(&err).as_deref(), Some("plan/risks/0/initial"), "{err:?}");
    assert!(err.detail().unwrap().starts_with("at plan/risks/0/initial: missing field `severity`"), "{:?}", err.detail());

    let mut v = file_json();
    v["surprise"] = json!(true);
    assert_eq!(shape(&v).1, "“surprise” is not a field of a plan file.");
    let mut v = file_json();
    v["plan"]["surprise"] = json!(true);
    assert_eq!(shape(&v).1, "The plan: “surprise” is not a field of a plan.");
    let mut v = file_json();
    v["plan"]["risks"][0]["foo"] = json!(true);
    assert_eq!(shape(&v).1, "Risk R-001: “foo” is not a field of a risk.");
    let mut v = file_json();
    v["plan"].as_object_mut().unwrap().remove("risks");
    assert_eq!(shape(&v).1, "The plan: “risks” is missing.");
    let mut v = file_json();
    v.as_object_mut().unwrap().remove("plan");
    assert_eq!(shape(&v), ("/".into(), "The file: “plan” is missing.".into()));

    let text = file::export_compact(&sample_plan()).replacen("\"name\":", "\"name\":\"x\",\"name\":", 1);
    let err = file::import(text.as_bytes()).unwrap_err();
    assert_eq!(shape_path(&err).as_deref(), Some("plan/name"), "{err:?}");
    assert_eq!(message(Err(err)), "The plan: “name” appears twice.");
    let text = file::export_compact(&sample_plan()).replacen("\"version\":7", "\"version\":7,\"version\":7", 1);
    assert_eq!(message(file::import(text.as_bytes())), "The file: “version” appears twice.");
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let in_header = format!("{{\"format\":{deep},\"version\":1}}");
    let msg = message(file::import(in_header.as_bytes()));
    assert!(msg.contains("nested too deeply"), "{msg}");
    let in_plan = format!("{{\"format\":\"jsp-planner/plan\",\"version\":7,\"plan\":{{\"id\":{deep}}}}}");
    let err = file::import(in_plan.as_bytes()).unwrap_err();
    assert_eq!(shape_path(&err).as_deref(), Some("plan/id"), "{err:?}");
    assert_eq!(message(Err(err)), "Plan id must be text in quotes, not a list.");
    assert!(matches!(file::import(deep.as_bytes()).unwrap_err(), ImportError::File(Envelope::NotJson { .. })));
}

#[test]
fn broken_invariants_are_described_three_at_most() {
    let mut v = file_json();
    v["plan"]["name"] = json!(" ");
    let err = import_value(&v).unwrap_err();
    assert_eq!(message(Err(err)), "The plan has a problem: Plan name must not be empty.");

    v["plan"]["need_links"][0]["need_id"] = json!("nd-missing");
    v["plan"]["risks"][0]["initial"]["likelihood"] = json!(9);
    v["plan"]["stakeholders"][2]["name"] = json!("");
    let err = import_value(&v).unwrap_err();
    let ImportError::Invalid(problems) = &err else { panic!("unexpected {err:?}") };
    let paths: Vec<&str> = problems.iter().map(|p| p.violation.path.as_str()).collect();
    assert_eq!(paths, ["name", "stakeholders/2/name", "need_links/0/need_id", "risks/0/initial/likelihood"]);
    assert_eq!(
        message(Err(err.clone())),
        "The plan has 4 problems: Plan name must not be empty; Stakeholder 3: the name must not be empty; \
         Needs matrix cell 1: the need is “nd-missing”, which does not exist; and 1 more problem."
    );
    assert_eq!(problems[3].description, "Risk R-001: the initial likelihood is 9, which is not a level of this grid (1–5).");
    let detail = err.detail().unwrap();
    assert!(detail.contains("need_links/0/need_id: is “nd-missing”, which does not exist"), "{detail}");

    v["plan"]["roles"][0]["id"] = json!("role engineering");
    v["plan"]["roles"][1]["name"] = json!("");
    v["plan"]["updated_at"] = json!("yesterday");
    let msg = message(import_value(&v));
    assert!(msg.starts_with("The plan has 7 problems: ") && msg.ends_with("; and 4 more problems."), "{msg}");
}

#[test]
fn shipped_schema_is_generated_from_the_types() {
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/jsp-plan.schema.json"))
        .expect("public/jsp-plan.schema.json exists; regenerate with `cargo run --quiet -- schema plan > public/jsp-plan.schema.json`");
    assert_eq!(
        shipped.trim_end(),
        file::schema_json().trim_end(),
        "schema is stale: run `cargo run --quiet -- schema plan > public/jsp-plan.schema.json`"
    );
}

#[test]
fn schema_describes_the_top_level_fields() {
    let schema: Value = serde_json::from_str(&file::schema_json()).unwrap();
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
    assert!(message.contains("is not a field of an activity"), "{message}");

    let mut v = file_json();
    v["plan"]["stakeholders"][0]["id"] = json!("x".repeat(50_000));
    v["plan"]["stakeholders"][1]["id"] = json!("x".repeat(50_000));
    let message = import_value(&v).unwrap_err().to_string();
    assert!(message.len() < 1_000, "{} characters", message.len());
}

#[test]
fn huge_numbers_and_wrong_types_are_shape_errors() {
    for bad in [json!(1e300), json!("3"), json!(-1), json!(256), json!(null), json!(1.5), json!([1]), json!({"a": 1}), json!(true)] {
        let mut v = file_json();
        v["plan"]["risks"][0]["initial"]["severity"] = bad.clone();
        let (path, msg) = shape(&v);
        assert_eq!(path, "plan/risks/0/initial/severity", "{bad}");
        assert!(msg.starts_with("Risk R-001: the initial severity "), "{bad}: {msg}");
    }
}

/// Where a shape error is, as experts read it; `None` for any other error.
fn shape_path(err: &ImportError) -> Option<String> {
    match err {
        ImportError::File(envelope) => envelope.shape_path(),
        _ => None,
    }
}

#[test]
fn a_compact_file_200_bytes_under_the_limit_imports_and_fits_where_plans_are_kept() {
    // Kept plans are written compactly in the current version and may be at
    // most MAX_FILE_BYTES (web/storage.rs): a file within the limit, of this
    // version or of version 3 (which lacks the revisions), is kept too.
    let mut plan = jsp_planner::plan::presets::new_plan("plan-big".into(), "Big".into(), crate::common::NOW.into());
    let risk = |i: usize| jsp_planner::plan::model::RiskEntry::new(format!("R-{i:04}"), "Asset", &"t".repeat(900));
    let base = file::export_compact(&plan).len();
    plan.risks.push(risk(0));
    let per_risk = file::export_compact(&plan).len() - base + 1;
    plan.risks = (0..(MAX_FILE_BYTES - base) / per_risk).map(risk).collect();
    plan.risks[0].controls = "c".repeat(MAX_FILE_BYTES - 200 - file::export_compact(&plan).len());
    let current = file::export_for_file(&plan);
    assert_eq!(current.len(), MAX_FILE_BYTES - 200);
    let kept = file::export_compact(&file::import(current.as_bytes()).unwrap().plan);
    assert!(kept.len() <= MAX_FILE_BYTES, "{}", kept.len());

    let mut v3: serde_json::Value = serde_json::from_str(&current).unwrap();
    v3["version"] = 3.into();
    v3["plan"].as_object_mut().unwrap().remove("revisions");
    let v3 = v3.to_string();
    assert!(v3.len() < MAX_FILE_BYTES - 200);
    let imported = file::import(v3.as_bytes()).unwrap();
    assert_eq!(imported.migrated_from, Some(3));
    assert!(file::export_compact(&imported.plan).len() <= MAX_FILE_BYTES);
}
