//! The one link between an assessment and a plan: an assessment may name a
//! plan (`plan_id`), and the plan's dashboard shows the organisation's
//! Concept Phase levels from it. The plan file format is untouched: the
//! link is read from the assessment side only, so deleting either document
//! leaves the other valid.

use super::framework::{self, Activity};
use super::Assessment;

/// One Concept Phase activity's levels, as a plan's dashboard shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptLevel {
    pub activity: &'static Activity,
    /// `None` when not scored or not applicable.
    pub current: Option<u8>,
    pub target: Option<u8>,
    pub not_applicable: bool,
}

/// The levels of A.1, A.2 and A.3 in `a`, in that order.
pub fn concept_levels(a: &Assessment) -> Vec<ConceptLevel> {
    let concept = framework::component("concept").expect("the framework has a Concept component");
    concept
        .activities
        .iter()
        .map(|activity| {
            let entry = a.entry(activity.id);
            let not_applicable = entry.is_some_and(|e| !e.applicable());
            let level = |pick: fn(&super::ActivityEntry) -> Option<u8>| entry.filter(|_| !not_applicable).and_then(pick);
            ConceptLevel { activity, current: level(|e| e.current), target: level(|e| e.target), not_applicable }
        })
        .collect()
}

/// The assessment linked to `plan_id` that speaks for it: the latest
/// assessed, then the latest edited.
pub fn linked_to<'a>(assessments: &'a [Assessment], plan_id: &str) -> Option<&'a Assessment> {
    assessments
        .iter()
        .filter(|a| a.plan_id.as_deref() == Some(plan_id))
        .max_by(|x, y| (&x.assessed_on, &x.updated_at).cmp(&(&y.assessed_on, &y.updated_at)))
}

/// The Concept Phase levels for a plan's dashboard, from the assessment
/// linked to it; `None` when no assessment names the plan.
pub fn levels_for_plan(assessments: &[Assessment], plan_id: &str) -> Option<Vec<ConceptLevel>> {
    linked_to(assessments, plan_id).map(concept_levels)
}
