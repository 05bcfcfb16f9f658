//! The rule of the one edit path: an edit is kept only if the plan still
//! keeps every rule that loading and import check, and still fits in a plan
//! file. Otherwise the plan is left exactly as it was and the reason comes
//! back in words. The browser's session (`web::state::session`) edits only
//! through [`apply`]; the property test `tests/edit_sequences.rs` drives
//! random edits through it and shows every result loads again.

use crate::format::{export_compact, MAX_FILE_BYTES};
use crate::model::Plan;
use crate::validate::{describe, validate};

/// A kept edit: the plan as it was (for undo) and its new stored text.
pub struct Applied {
    pub before: Plan,
    pub text: String,
}

/// Apply `change`, stamping `now` as the time of the last edit; `Ok(None)`
/// when it changed nothing (and so is neither saved nor an undo step).
pub fn apply(plan: &mut Plan, now: &str, change: impl FnOnce(&mut Plan)) -> Result<Option<Applied>, String> {
    let before = plan.clone();
    change(plan);
    settle(plan, before, now)
}

/// The checks after a change, kept out of the generic [`apply`] so that the
/// wasm holds them once rather than once per kind of edit.
fn settle(plan: &mut Plan, before: Plan, now: &str) -> Result<Option<Applied>, String> {
    if *plan == before {
        return Ok(None);
    }
    plan.updated_at = now.to_string();
    if let Some(problem) = validate(plan).first() {
        let why = describe(problem, plan);
        *plan = before;
        return Err(why);
    }
    let text = export_compact(plan);
    if text.len() > MAX_FILE_BYTES {
        *plan = before;
        return Err(too_large());
    }
    Ok(Some(Applied { before, text }))
}

/// Why an edit that would outgrow a plan file is not kept (also what
/// storage says if it is ever asked to keep such a text).
pub fn too_large() -> String {
    format!(
        "The plan would be larger than {} MB, the most a plan file can hold, so this change was not kept.",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}
