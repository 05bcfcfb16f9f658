//! Controls and traceability: the shared risk controls, then the chain from
//! each stakeholder need to a verified control.

use super::{heading, new_part, or_dash, table};
use crate::plan::model::Plan;
use crate::report::{Block, Orientation, Part, PartKey};

pub(super) fn part(plan: &Plan) -> Part {
    let mut blocks = controls(plan);
    blocks.extend(traceability(plan));
    new_part(PartKey::Traceability, "Controls and traceability", Orientation::Landscape, blocks)
}

fn controls(plan: &Plan) -> Vec<Block> {
    if plan.controls.is_empty() {
        return vec![heading("Risk controls"), Block::Paragraph("No controls yet.".into())];
    }
    let links = crate::plan::trace::Links::new(plan);
    let rows = plan
        .controls
        .iter()
        .map(|c| {
            vec![
                or_dash(&c.id),
                or_dash(&c.description),
                c.kind.label().into(),
                c.status.label().into(),
                or_dash(&c.verification),
                or_dash(&links.risks_using(&c.id).join(", ")),
            ]
        })
        .collect();
    vec![heading("Risk controls"), table("controls", &["Control", "Description", "Kind", "Status", "Verification", "Used by"], rows)]
}

fn traceability(plan: &Plan) -> Vec<Block> {
    let rows: Vec<Vec<String>> = crate::plan::trace::rows(plan)
        .into_iter()
        .map(|r| {
            let need = if r.critical { format!("{} (critical)", r.need_label()) } else { r.need_label().to_string() };
            vec![or_dash(&need), or_dash(&r.user_need), or_dash(&r.risk_id), or_dash(&r.control_label()), or_dash(&r.verification)]
        })
        .collect();
    if rows.is_empty() {
        return vec![heading("Traceability"), Block::Paragraph("No needs or risks to trace yet.".into())];
    }
    vec![heading("Traceability"), table("trace", &["Stakeholder need", "User needs", "Risk", "Control", "Verification"], rows)]
}
