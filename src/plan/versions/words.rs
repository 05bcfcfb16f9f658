//! A value of a plan in the app's words, for the rows of the merge dialog:
//! a rating as its level names, linked controls and needs by their id and
//! text, a choice by its label, a removed value as "(removed)"; never JSON.

use serde_json::Value;

use crate::common::words::{capitalize, shorten};
use crate::plan::versions::diff::{get, Step};

/// The most characters a worded value shows.
const LONGEST: usize = 200;

/// `value`, found at `path` of a plan whose JSON is `root` (`None`: that
/// side removed it), in words. Linked items are looked up in `root`, then in
/// `other` (the other side's plan).
pub fn worded(path: &[Step], value: Option<&Value>, root: &Value, other: &Value) -> String {
    let Some(value) = value else { return "(removed)".into() };
    let roots = [root, other];
    let text = match path.last() {
        Some(Step::Item(_)) => match path.iter().rev().nth(1) {
            Some(Step::Field(list)) => item(list, value, &roots),
            _ => plain(value),
        },
        Some(Step::Field(field)) => field_value(field, value, &roots),
        None => plain(value),
    };
    shorten(&text, LONGEST)
}

fn field_value(field: &str, value: &Value, roots: &[&Value; 2]) -> String {
    match (field, value) {
        ("initial" | "residual", _) => rating(value, roots[0]),
        ("criteria", _) => criteria(value),
        ("treatment", Value::Null) => "(not decided)".into(),
        ("scope", Value::Null) => "(not chosen)".into(),
        ("role_id", Value::Null) => "(no role)".into(),
        ("cyber_device", Value::Null) => "(not decided)".into(),
        ("answer", Value::Null) => "(blank)".into(),
        ("confirmed", Value::Bool(done)) => (if *done { "Confirmed" } else { "Not confirmed" }).into(),
        ("categories", Value::Array(items)) if !items.is_empty() => {
            items.iter().map(|c| c.as_str().map_or_else(|| plain(c), category)).collect::<Vec<_>>().join(", ")
        }
        ("revisions", Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|r| {
                let number = r.get("number").map_or_else(String::new, plain);
                match r.get("label").and_then(Value::as_str).map(str::trim).filter(|l| !l.is_empty() && *l != number) {
                    Some(label) => format!("Revision {number} ({label})"),
                    None => format!("Revision {number}"),
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        ("done", Value::Bool(done)) => (if *done { "Done" } else { "Not done" }).into(),
        (_, Value::String(id)) if field.ends_with("_id") && field != "document_id" && field != "question_id" => {
            linked(&field[..field.len() - 3], id, roots)
        }
        (_, Value::Array(ids)) if field.ends_with("_ids") => {
            let stem = &field[..field.len() - 4];
            let words: Vec<String> = ids.iter().map(|id| id.as_str().map_or_else(|| plain(id), |id| linked(stem, id, roots))).collect();
            if words.is_empty() {
                "(none)".into()
            } else {
                words.join("; ")
            }
        }
        (_, Value::String(s)) if is_choice(field) => choice(field, s),
        ("formats", Value::Array(items)) if !items.is_empty() => {
            items.iter().map(|f| f.as_str().map_or_else(|| plain(f), |f| choice("formats", f))).collect::<Vec<_>>().join(", ")
        }
        _ => plain(value),
    }
}

/// Fields that hold one of a fixed set of words.
pub(crate) fn is_choice(field: &str) -> bool {
    matches!(field, "status" | "treatment" | "kind" | "relevance" | "answer" | "scope" | "axis" | "value" | "meaning" | "support")
}

/// A fixed word as the app labels it: "new_product" -> "New product", "R" -> "Responsible".
fn choice(field: &str, word: &str) -> String {
    match (field, word) {
        ("value", "R") => "Responsible".into(),
        ("value", "A") => "Accountable".into(),
        ("value", "C") => "Consulted".into(),
        ("value", "I") => "Informed".into(),
        ("formats", "cyclonedx") => "CycloneDX".into(),
        ("formats", "spdx") => "SPDX".into(),
        ("answer", "not_applicable") => "N/A".into(),
        _ => capitalize(&word.replace('_', " ")),
    }
}

/// A security control category as FDA words it ("Code, Data and Execution Integrity").
fn category(word: &str) -> String {
    let labels = crate::plan::file::place::CATEGORY.iter().zip(crate::plan::file::place::CATEGORY_LABELS);
    labels.into_iter().find(|(k, _)| **k == word).map_or_else(|| capitalize(&word.replace('_', " ")), |(_, l)| l.to_string())
}

/// "Likelihood: Likely (4), Severity: Serious (3)", with the plan's level names.
fn rating(value: &Value, root: &Value) -> String {
    let Some(r) = value.as_object() else { return if value.is_null() { "(not rated)".into() } else { plain(value) } };
    let criteria = root.get("criteria");
    let axis = criteria.and_then(|c| c.get("axis")).and_then(Value::as_str).map_or("Likelihood".to_string(), |a| choice("axis", a));
    let level = |key: &str, levels: &str| {
        let n = r.get(key).and_then(Value::as_u64).unwrap_or(0);
        let name = criteria
            .and_then(|c| c.get(levels))
            .and_then(|l| l.get(usize::try_from(n).ok()?.checked_sub(1)?))
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty());
        match name {
            Some(name) => format!("{name} ({n})"),
            None => format!("level {n}"),
        }
    };
    format!("{axis}: {}, Severity: {}", level("likelihood", "likelihood_levels"), level("severity", "severity_levels"))
}

/// The grid in words: its levels and how many cells each zone has.
fn criteria(value: &Value) -> String {
    let names = |key: &str| -> String {
        value
            .get(key)
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    };
    let axis = value.get("axis").and_then(Value::as_str).map_or("Likelihood".to_string(), |a| choice("axis", a));
    let mut zones = [("acceptable", 0), ("review", 0), ("unacceptable", 0)];
    for zone in value.get("zones").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_array).flatten() {
        if let Some(slot) = zones.iter_mut().find(|(name, _)| zone.as_str() == Some(*name)) {
            slot.1 += 1;
        }
    }
    let cells: Vec<String> = zones.iter().map(|(name, n)| format!("{n} {name}")).collect();
    format!("{axis} levels: {}; Severity levels: {}; cells: {}", names("likelihood_levels"), names("severity_levels"), cells.join(", "))
}

/// The item `id` of the list a link named `stem` points into ("need" ->
/// "needs"), by its id and text; the id alone if neither side has it.
fn linked(stem: &str, id: &str, roots: &[&Value; 2]) -> String {
    let list = match stem.strip_suffix('y') {
        Some(s) => format!("{s}ies"),
        None => format!("{stem}s"),
    };
    roots
        .iter()
        .find_map(|root| {
            let items = get(root, &[Step::Field(list.clone())])?.as_array()?;
            let found = items.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))?;
            Some(item(&list, found, roots))
        })
        .unwrap_or_else(|| id.to_string())
}

/// An item of `list` as the app names it.
fn item(list: &str, value: &Value, roots: &[&Value; 2]) -> String {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::trim).unwrap_or_default().to_string();
    let with_id = |body: String| {
        let id = text("id");
        match (id.is_empty(), body.is_empty()) {
            (_, true) => id,
            (true, false) => body,
            (false, false) => format!("{id} {body}"),
        }
    };
    let named = |stem: &str, key: &str| value.get(key).and_then(Value::as_str).map_or_else(String::new, |id| linked(stem, id, roots));
    match list {
        "risks" => {
            let (asset, threat) = (text("asset"), text("threat"));
            with_id(if asset.is_empty() { threat } else { format!("{asset}: {threat}") })
        }
        "controls" => with_id(text("description")),
        // "CMP-003 openssl 3.0.2", as the register names it.
        "components" => {
            let name = match text("group") {
                group if group.is_empty() => text("name"),
                group => format!("{group}/{}", text("name")),
            };
            with_id(match text("version") {
                version if version.is_empty() => name,
                version => format!("{name} {version}"),
            })
        }
        "user_needs" => with_id(text("text")),
        "needs" => with_id(text("text")),
        "stakeholders" | "roles" | "activities" | "attendees" => text("name"),
        "inputs" | "outputs" => {
            let done = value.get("done").and_then(Value::as_bool) == Some(true);
            format!("{}{}", text("label"), if done { " (done)" } else { "" })
        }
        "need_links" => format!(
            "{} × {}: {}",
            named("stakeholder", "stakeholder_id"),
            named("need", "need_id"),
            choice("relevance", &text("relevance"))
        ),
        "raci" => format!("{} × {}: {}", named("role", "role_id"), named("activity", "activity_id"), choice("value", &text("value"))),
        // "AUDT-2: Yes (confirmed)".
        "mds2" => {
            let answer = value.get("answer").and_then(Value::as_str).map_or("(blank)".to_string(), |a| choice("answer", a));
            let confirmed = if value.get("confirmed").and_then(Value::as_bool) == Some(true) { " (confirmed)" } else { "" };
            let note = match text("note") {
                note if note.is_empty() => String::new(),
                note => format!(": {note}"),
            };
            format!("{}: {answer}{confirmed}{note}", text("question_id"))
        }
        "change_impact" => {
            let (answer, note) = (choice("answer", &text("answer")), text("note"));
            if note.is_empty() {
                answer
            } else {
                format!("{answer}: {note}")
            }
        }
        _ => plain(value),
    }
}

/// Any other value: text as it is, a list joined, an object field by field.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => "(none)".into(),
        Value::String(s) if s.trim().is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => (if *b { "Yes" } else { "No" }).into(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => fields
            .iter()
            .filter(|(k, _)| *k != "id")
            .map(|(k, v)| format!("{}: {}", capitalize(&k.replace('_', " ")), field_value(k, v, &[&Value::Null, &Value::Null])))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
