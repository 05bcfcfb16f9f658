//! The revision history a plan keeps as text: checked on import, and each
//! issued revision rebuilt into the plan it froze.

use super::{invalid, json_error, strict_from_str, ImportError, FORMAT, VERSION};
use crate::plan::model::{Plan, Revision};
use crate::plan::rules::{describe, validate};

/// How the revisions of an imported plan are checked: [`check_revisions`],
/// passed in where the code holding it is loaded on demand.
pub type RevisionCheck = fn(&Plan) -> Result<(), ImportError>;

/// The revision history reads, keeps its rules, and every issued revision
/// rebuilds into a plan that keeps every rule: a file whose stored changes
/// were edited by hand or cut short is refused rather than showing a
/// revision that was never issued.
pub fn check_revisions(plan: &Plan) -> Result<(), ImportError> {
    if plan.revisions.is_empty() {
        return Ok(());
    }
    let list = read_revisions(plan)?;
    let violations = crate::plan::rules::revision_rules(&list);
    if !violations.is_empty() {
        return Err(invalid(violations, plan));
    }
    // Newest first: the older ones are rebuilt from it.
    for r in list.iter().rev() {
        frozen_plan(&list, r.number)
            .map_err(|why| ImportError::Revision { number: r.number, why: why.trim_end_matches('.').to_string() })?;
    }
    Ok(())
}

/// The plan's revisions read from its text, or what in them does not fit the
/// format, placed and worded as for the rest of a file.
fn read_revisions(plan: &Plan) -> Result<Vec<Revision>, ImportError> {
    #[derive(serde::Deserialize)]
    struct File {
        plan: History,
    }
    #[derive(serde::Deserialize)]
    struct History {
        revisions: Vec<Revision>,
    }
    // Where the history sits in a plan file, so an error is placed as in one.
    let text = format!("{{\"plan\":{{\"revisions\":{}}}}}", plan.revisions.text());
    serde_json::from_str::<File>(&text).map(|f| f.plan.revisions).map_err(|e| json_error(e, &text))
}

/// The plan as revision `number` froze it, read and checked like a file.
pub fn revision_plan(plan: &Plan, number: u32) -> Result<Plan, String> {
    frozen_plan(&plan.revisions.read().map_err(|e| format!("The revision history cannot be read ({e}).",))?, number)
}

fn frozen_plan(list: &[Revision], number: u32) -> Result<Plan, String> {
    let json = crate::plan::model::frozen_json(list, number)?;
    let file = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"plan\":{json}}}");
    let frozen = strict_from_str(&file).map_err(|e| e.to_string())?.plan;
    if !frozen.revisions.is_empty() {
        return Err("its copy of the plan holds revisions of its own".into());
    }
    if let Some(problem) = validate(&frozen).first() {
        return Err(describe(problem, &frozen));
    }
    Ok(frozen)
}
