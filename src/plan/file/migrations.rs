//! The plan file's versions: each change of the format is a function on the
//! raw JSON from one version to the next, applied in order on import.

use serde_json::Value;

use crate::common::json::Migration;

/// Migrations from version `i + 1` to `i + 2`, applied in order to the raw
/// JSON. A format change adds a function here and bumps [`super::VERSION`].
pub(super) const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4];

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
