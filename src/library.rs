//! Operations on the user's library of plans that do not touch storage.

use crate::model::Plan;
use crate::validate::MAX_NAME_LEN;

/// A fresh id from caller-supplied entropy (the browser's crypto in the app,
/// fixed values in tests): `prefix` followed by 16 hex digits.
pub fn new_id(prefix: &str, entropy: u64) -> String {
    format!("{prefix}-{entropy:016x}")
}

/// What the plan list shows for each plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<&Plan> for PlanSummary {
    fn from(p: &Plan) -> Self {
        PlanSummary { id: p.id.clone(), name: p.name.clone(), created_at: p.created_at.clone(), updated_at: p.updated_at.clone() }
    }
}

/// Trim and bound a name typed by the user; `None` if nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let name: String = raw.trim().chars().take(MAX_NAME_LEN).collect();
    (!name.is_empty()).then_some(name)
}

/// A copy with a new identity, e.g. to start a maintenance release from a product plan.
pub fn duplicate(plan: &Plan, new_id: String, now: &str, name: String) -> Plan {
    let mut copy = plan.clone();
    copy.id = new_id;
    copy.name = name;
    copy.created_at = now.to_owned();
    copy.updated_at = now.to_owned();
    copy
}

/// The default name of a copy: "Copy of <name>", bounded in length.
pub fn copy_name(name: &str) -> String {
    clean_name(&format!("Copy of {name}")).unwrap_or_else(|| "Copy".into())
}

/// A name not already taken by `existing`: "Name", then "Name (2)", "Name (3)"...
pub fn unique_name<'a>(name: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    if !existing.clone().any(|n| n == name) {
        return name.to_owned();
    }
    (2..).map(|i| format!("{name} ({i})")).find(|candidate| !existing.clone().any(|n| n == candidate)).expect("an unused name exists")
}
