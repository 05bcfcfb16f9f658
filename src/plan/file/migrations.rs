//! The plan file's versions: each change of the format is a function on the
//! raw JSON from one version to the next, applied in order on import.

use serde_json::Value;

use crate::common::json::Migration;

/// Migrations from version `i + 1` to `i + 2`, applied in order to the raw
/// JSON. A format change adds a function here and bumps [`super::VERSION`].
pub(super) const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 keeps the names of grid levels removed by shrinking the grid
/// (`criteria.removed_likelihood_levels` / `removed_severity_levels`) and
/// allows a risk's `initial` rating to be `null` (not rated yet). A version 1
/// file had neither: its grid kept no removed names, and every entry was rated,
/// so its ratings are kept as they are. Anything that is not a plan with
/// criteria is left for the strict reader to report.
fn v1_to_v2(mut file: Value) -> Result<Value, String> {
    if let Some(criteria) = file.pointer_mut("/plan/criteria").and_then(Value::as_object_mut) {
        for key in ["removed_likelihood_levels", "removed_severity_levels"] {
            criteria.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(file)
}

/// Version 3 adds document control, traceability and risk acceptance.
///
/// - `plan.document`: document id, revision, author, workshop dates and
///   attendees, all empty.
/// - User needs become items (`plan.user_needs`: id and text), and a
///   security need folds into any number of them (`user_need_ids`). A
///   version 2 need had one free-text `user_need_ref`: each distinct one
///   becomes a user need, with the reference as its id when it is a valid id
///   ("UN-12"), otherwise with the next free "UN-n" id and the reference
///   kept as its text, so nothing typed is lost.
/// - The plan's shared risk `controls`, and on each entry its `treatment`,
///   `control_ids` and `acceptance`: no controls are linked (the free-text
///   `controls` notes are kept), no treatment is chosen, nothing is accepted.
fn v2_to_v3(mut file: Value) -> Result<Value, String> {
    let Some(plan) = file.get_mut("plan").and_then(Value::as_object_mut) else { return Ok(file) };
    plan.entry("document")
        .or_insert_with(|| serde_json::json!({ "document_id": "", "revision": "", "author": "", "workshop_dates": "", "attendees": [] }));
    let user_needs = fold_user_need_refs(plan);
    plan.entry("user_needs").or_insert(user_needs);
    plan.entry("controls").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(risks) = plan.get_mut("risks").and_then(Value::as_array_mut) {
        for risk in risks.iter_mut().filter_map(Value::as_object_mut) {
            risk.entry("treatment").or_insert(Value::Null);
            risk.entry("control_ids").or_insert_with(|| Value::Array(Vec::new()));
            risk.entry("acceptance").or_insert_with(|| serde_json::json!({ "rationale": "", "approver": "", "date": "" }));
        }
    }
    Ok(file)
}

/// Version 4 adds issued revisions with their approvals (`plan.revisions`);
/// an older plan has issued none.
///
/// A later format change must also carry each revision forward: rebuild
/// each one's plan (`Plan::revision_json`), migrate it like the plan, and
/// store the revisions again.
fn v3_to_v4(mut file: Value) -> Result<Value, String> {
    if let Some(plan) = file.get_mut("plan").and_then(Value::as_object_mut) {
        plan.entry("revisions").or_insert_with(|| Value::Array(Vec::new()));
    }
    Ok(file)
}

/// Version 5 gives the stakeholder security needs readable ids, as the
/// risks have: `SN-01`, `SN-02`… in the order of the matrix (a need whose id
/// is already written `SN-` and a number keeps it), and every link follows:
/// the matrix cells' `need_id`, the risks' `need_ids`. The revisions are
/// renamed alike (their copies, and the changes between them), so a
/// revision compares with the draft need by need; a need only an older
/// revision holds gets the numbers after the draft's.
fn v4_to_v5(mut file: Value) -> Result<Value, String> {
    let Some(plan) = file.get_mut("plan") else { return Ok(file) };
    // Each id once, in the order met: the draft's needs first, in the
    // matrix's order, then the links and the revisions.
    let mut names: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut meet = |id: &mut String| {
        if names.insert(id.clone(), String::new()).is_none() {
            order.push(id.clone());
        }
    };
    if let Some(needs) = plan.get_mut("needs") {
        need_ids(needs, "needs", &mut meet);
    }
    need_ids(plan, "", &mut meet);
    let readable = |id: &str| id.strip_prefix("SN-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let mut next = crate::common::ids::next_number(order.iter().map(String::as_str).filter(|id| readable(id)), "SN-");
    for id in order.iter().filter(|id| !readable(id)) {
        names.insert(id.clone(), format!("SN-{next:02}"));
        next = next.saturating_add(1);
    }
    need_ids(plan, "", &mut |id: &mut String| {
        if let Some(new) = names.get(id.as_str()).filter(|n| !n.is_empty()) {
            *id = new.clone();
        }
    });
    Ok(file)
}

/// Version 6 adds the component register (`plan.components`, empty) and
/// the product's planned end of support (`plan.project.end_of_support`,
/// empty: not decided). The newest revision's copy of the plan gains them
/// too; the older revisions are stored as changes field by field from it,
/// which never name the new fields, so they rebuild with them as well.
fn v5_to_v6(mut file: Value) -> Result<Value, String> {
    let Some(plan) = file.get_mut("plan") else { return Ok(file) };
    add_v6_fields(plan);
    if let Some(revisions) = plan.get_mut("revisions").and_then(Value::as_array_mut) {
        for snapshot in revisions.iter_mut().filter_map(|r| r.pointer_mut("/content/snapshot")) {
            add_v6_fields(snapshot);
        }
    }
    Ok(file)
}

fn add_v6_fields(plan: &mut Value) {
    let Some(plan) = plan.as_object_mut() else { return };
    plan.entry("components").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(project) = plan.get_mut("project").and_then(Value::as_object_mut) {
        project.entry("end_of_support").or_insert_with(|| Value::String(String::new()));
    }
}

/// Version 7 adds the premarket part: each control's security control
/// `categories` (none), `plan.premarket` (no category ruled out, the four
/// architecture views not started, no MDS2 answer), the cyber device answer
/// `plan.project.cyber_device` (null: not decided), the disclosure contact
/// `plan.management.disclosure_contact` and how customers get the SBOM
/// `plan.management.sbom.customer_access` (empty). The newest revision's
/// copy gains them too, and so does every control an older revision's
/// stored changes put back (a control removed since, or a whole list).
fn v6_to_v7(mut file: Value) -> Result<Value, String> {
    let Some(plan) = file.get_mut("plan") else { return Ok(file) };
    add_v7_fields(plan);
    if let Some(revisions) = plan.get_mut("revisions").and_then(Value::as_array_mut) {
        for content in revisions.iter_mut().filter_map(|r| r.get_mut("content")) {
            if let Some(snapshot) = content.get_mut("snapshot") {
                add_v7_fields(snapshot);
            }
            if let Some(changes) = content.get_mut("delta").and_then(Value::as_array_mut) {
                changes.iter_mut().for_each(add_v7_control_fields_in_change);
            }
        }
    }
    Ok(file)
}

fn add_v7_fields(plan: &mut Value) {
    let Some(plan) = plan.as_object_mut() else { return };
    if let Some(controls) = plan.get_mut("controls").and_then(Value::as_array_mut) {
        controls.iter_mut().for_each(add_categories);
    }
    plan.entry("premarket").or_insert_with(|| serde_json::to_value(crate::plan::model::Premarket::default()).unwrap_or(Value::Null));
    if let Some(project) = plan.get_mut("project").and_then(Value::as_object_mut) {
        project.entry("cyber_device").or_insert(Value::Null);
    }
    if let Some(management) = plan.get_mut("management").and_then(Value::as_object_mut) {
        management.entry("disclosure_contact").or_insert_with(|| Value::String(String::new()));
        if let Some(sbom) = management.get_mut("sbom").and_then(Value::as_object_mut) {
            sbom.entry("customer_access").or_insert_with(|| Value::String(String::new()));
        }
    }
}

fn add_categories(control: &mut Value) {
    if let Some(control) = control.as_object_mut() {
        control.entry("categories").or_insert_with(|| Value::Array(Vec::new()));
    }
}

/// A stored change (`{"set": {"path": […], "value": …}}`) that puts back
/// a control, or the whole list of controls, gives each its categories.
fn add_v7_control_fields_in_change(change: &mut Value) {
    let Some(fields) = change.as_object_mut() else { return };
    for inner in fields.values_mut().filter_map(Value::as_object_mut) {
        if stored_change_list(inner).as_deref() != Some("controls") {
            continue;
        }
        let last_is_item = inner.get("path").and_then(Value::as_array).and_then(|p| p.last()).is_some_and(|s| s.get("item").is_some());
        match inner.get_mut("value") {
            Some(Value::Array(controls)) if !last_is_item => controls.iter_mut().for_each(add_categories),
            Some(control @ Value::Object(_)) if last_is_item => add_categories(control),
            _ => {}
        }
    }
}

/// Call `f` on every need id in `value` (a plan, revisions, or part of one;
/// `key` is the field that holds it): a need's `id`, a `need_id`, the
/// `need_ids`, and in a revision's stored changes the need or matrix cell a
/// path or an order names.
fn need_ids(value: &mut Value, key: &str, f: &mut dyn FnMut(&mut String)) {
    match value {
        Value::String(id) if key == "need_id" => f(id),
        Value::Array(items) if key == "need_ids" => items.iter_mut().for_each(|i| need_ids(i, "need_id", f)),
        // A list of needs, or a need itself (a stored change's value at a need's path).
        Value::Array(items) if key == "needs" => items.iter_mut().for_each(|i| need_ids(i, "needs", f)),
        Value::Object(fields) if key == "needs" && !fields.contains_key("needs") => {
            for (k, v) in fields.iter_mut() {
                let k = if k == "id" { "need_id" } else { k.as_str() };
                need_ids(v, k, f);
            }
        }
        Value::Object(fields) => {
            // A stored change: its path, and the value or order it puts there.
            let list = stored_change_list(fields);
            for (k, v) in fields.iter_mut() {
                match (k.as_str(), &list) {
                    ("path", _) => path_ids(v, f),
                    ("keys", Some(list)) => {
                        if let Value::Array(keys) = v {
                            keys.iter_mut().for_each(|k| item_key(k, list, f));
                        }
                    }
                    ("value", Some(list)) => need_ids(v, list, f),
                    _ => need_ids(v, k, f),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| need_ids(i, "", f)),
        _ => {}
    }
}

/// For a stored change (`{"path": […], …}`), the last field its path names.
fn stored_change_list(fields: &serde_json::Map<String, Value>) -> Option<String> {
    let path = fields.get("path")?.as_array()?;
    path.iter().rev().find_map(|step| step.get("field").and_then(Value::as_str)).map(str::to_string)
}

/// The need ids in a stored change's path: the item after `needs` or `need_links`.
fn path_ids(path: &mut Value, f: &mut dyn FnMut(&mut String)) {
    let Value::Array(steps) = path else { return };
    let mut list = String::new();
    for step in steps {
        if let Some(field) = step.get("field").and_then(Value::as_str) {
            list = field.to_string();
        } else if let Some(key) = step.get_mut("item") {
            item_key(key, &list, f);
        }
    }
}

/// A list item's key (see `plan::versions::diff::key_of`): a need's id, or a
/// matrix cell's `need_id=…&stakeholder_id=…`.
fn item_key(key: &mut Value, list: &str, f: &mut dyn FnMut(&mut String)) {
    let Value::String(key) = key else { return };
    match list {
        "needs" => f(key),
        "need_links" => {
            let parts: Vec<String> = key
                .split('&')
                .map(|part| match part.strip_prefix("need_id=") {
                    Some(id) => {
                        let mut id = id.to_string();
                        f(&mut id);
                        format!("need_id={id}")
                    }
                    None => part.to_string(),
                })
                .collect();
            *key = parts.join("&");
        }
        _ => {}
    }
}

/// Turn each version 2 need's `user_need_ref` into `user_need_ids`, and
/// return the user needs they name (see [`v2_to_v3`]).
fn fold_user_need_refs(plan: &mut serde_json::Map<String, Value>) -> Value {
    let valid = crate::common::ids::is_id;
    // (reference as typed, id given), in the order first met.
    let mut made: Vec<(String, String)> = Vec::new();
    let mut next = 0u32;
    let needs = plan.get_mut("needs").and_then(Value::as_array_mut).map(std::mem::take).unwrap_or_default();
    // References that are ids keep them, wherever they come: numbers given
    // to the others avoid them.
    let reserved: Vec<String> =
        needs.iter().filter_map(|n| n.get("user_need_ref")?.as_str().map(str::trim)).filter(|r| valid(r)).map(str::to_string).collect();
    let mut out = Vec::with_capacity(needs.len());
    for mut need in needs {
        if let Some(n) = need.as_object_mut() {
            // Text or null as version 2 wrote it; anything else stays for the strict reader to report.
            if !matches!(n.get("user_need_ref"), Some(Value::String(_) | Value::Null)) {
                out.push(need);
                continue;
            }
            let reference = n.remove("user_need_ref").and_then(|r| r.as_str().map(|r| r.trim().to_string())).filter(|r| !r.is_empty());
            let ids = match reference {
                Some(r) => {
                    let id = match made.iter().find(|(typed, _)| *typed == r) {
                        Some((_, id)) => id.clone(),
                        None => {
                            let id = if valid(&r) {
                                r.clone()
                            } else {
                                loop {
                                    next += 1;
                                    let candidate = format!("UN-{next}");
                                    if !reserved.contains(&candidate) && !made.iter().any(|(_, id)| *id == candidate) {
                                        break candidate;
                                    }
                                }
                            };
                            made.push((r, id.clone()));
                            id
                        }
                    };
                    vec![Value::String(id)]
                }
                None => Vec::new(),
            };
            n.entry("user_need_ids").or_insert(Value::Array(ids));
        }
        out.push(need);
    }
    if plan.contains_key("needs") {
        plan.insert("needs".into(), Value::Array(out));
    }
    let items = made.into_iter().map(|(typed, id)| {
        let text = if typed == id { String::new() } else { typed };
        serde_json::json!({ "id": id, "text": text })
    });
    Value::Array(items.collect())
}
