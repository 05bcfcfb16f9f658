//! Operations on the user's library of plans that do not touch storage.

use crate::plan::model::Plan;

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

/// A copy with a new identity, e.g. to start a maintenance release from a product plan.
pub fn duplicate(plan: &Plan, new_id: String, now: &str, name: String) -> Plan {
    let mut copy = plan.clone();
    copy.id = new_id;
    copy.name = name;
    copy.created_at = now.to_owned();
    copy.updated_at = now.to_owned();
    copy
}
