//! A.1 Release / change project planning.

use super::{facts, heading, new_part, or_dash, table};
use crate::plan::model::{ChecklistItem, Plan, Scope};
use crate::plan::presets::IMPACT_QUESTIONS;
use crate::report::{Block, Orientation, Part, PartKey};

pub(super) fn part(plan: &Plan) -> Part {
    let a = &plan.project;
    let mut blocks = vec![Block::Paragraph(or_dash(&a.description))];
    blocks.extend(checklist("Inputs", &a.inputs));
    blocks.extend(checklist("Outputs", &a.outputs));
    blocks.extend(impact_assessment(plan));
    let r = &a.resources;
    blocks.push(heading("Security resources committed"));
    blocks.push(facts(&[("Budget", &r.budget), ("People", &r.people), ("Activities", &r.activities)]));
    let cyber = match a.cyber_device {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Not decided",
    };
    blocks.push(heading("Premarket"));
    blocks.push(facts(&[("Cyber device (section 524B)", cyber)]));
    new_part(PartKey::Project, "A.1 Release / change project planning", Orientation::Portrait, blocks)
}

fn checklist(title: &str, items: &[ChecklistItem]) -> Vec<Block> {
    if items.is_empty() {
        return vec![heading(title), Block::Paragraph("None listed.".into())];
    }
    vec![heading(title), Block::Checklist(items.iter().map(|i| (i.done, or_dash(&i.label))).collect())]
}

/// The Change Impact Assessment, the A.1 output only for a major addition
/// or maintenance: the questions answered, in the JSP's order.
fn impact_assessment(plan: &Plan) -> Vec<Block> {
    let a = &plan.project;
    if !a.scope.is_some_and(Scope::needs_impact_assessment) {
        return Vec::new();
    }
    let rows: Vec<Vec<String>> = IMPACT_QUESTIONS
        .iter()
        .filter_map(|(id, q)| {
            let x = a.change_impact.iter().find(|x| x.question_id == *id)?;
            Some(vec![q.to_string(), x.answer.label().into(), or_dash(&x.note)])
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![heading("Change Impact Assessment"), table("impact", &["Question", "Answer", "Note"], rows)]
}
