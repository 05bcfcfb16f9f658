//! The risk register, each entry with its ratings, treatment, the controls
//! and needs it links, and the acceptances of residual risks.

use super::{criteria::tone, heading, new_part, or_dash, table};
use crate::plan::export::{linked_needs, rating_words};
use crate::plan::model::{Acceptance, Plan, RiskEntry};
use crate::plan::risk::{judge, zone_label, NOT_RATED};
use crate::report::{Block, Cell, Orientation, Part, PartKey, Table};

const HEADER: [&str; 11] = [
    "ID",
    "Asset or function",
    "Threat or vulnerability",
    "Initial",
    "Treatment",
    "Controls",
    "Residual",
    "Zone",
    "Needs",
    "Owner",
    "Status",
];

pub(super) fn part(plan: &Plan) -> Part {
    let mut blocks = if plan.risks.is_empty() {
        vec![Block::Paragraph("No entries yet.".into())]
    } else {
        let links = crate::plan::trace::Links::new(plan);
        let rows = plan.risks.iter().map(|r| row(plan, &links, r)).collect();
        vec![Block::Table(Table { kind: "register", header: HEADER.map(String::from).to_vec(), rows })]
    };
    blocks.extend(acceptances(plan));
    new_part(PartKey::Register, "Risk register", Orientation::Landscape, blocks)
}

fn row(plan: &Plan, links: &crate::plan::trace::Links<'_>, r: &RiskEntry) -> Vec<Cell> {
    let c = &plan.criteria;
    let j = judge(r, c);
    let initial = r.initial.map_or(NOT_RATED.into(), |x| format!("{} ({})", rating_words(c, x), zone_label(j.initial)));
    let acceptability = Cell { text: zone_label(j.current()).into(), tone: tone(j.current()), ..Cell::default() };
    vec![
        Cell::row_header(or_dash(&r.id)),
        Cell::text(or_dash(&r.asset)),
        Cell::text(or_dash(&r.threat)),
        Cell::text(initial),
        Cell::text(r.treatment.map_or("Not decided", |t| t.label())),
        Cell::text(or_dash(&crate::plan::trace::controls_text(links, r))),
        Cell::text(r.residual.map_or("Not assessed".into(), |x| rating_words(c, x))),
        acceptability,
        Cell::text(or_dash(&linked_needs(plan, &r.need_ids).join("; "))),
        Cell::text(or_dash(&r.owner)),
        Cell::text(r.status.label()),
    ]
}

/// Who accepted which residual risk, when and why.
fn acceptances(plan: &Plan) -> Vec<Block> {
    let rows: Vec<Vec<String>> = plan
        .risks
        .iter()
        .filter(|r| r.acceptance != Acceptance::default())
        .map(|r| {
            let a = &r.acceptance;
            vec![or_dash(&r.id), or_dash(&a.rationale), or_dash(&a.approver), or_dash(&a.date)]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        heading("Acceptance of residual risks"),
        table("acceptances", &["Risk", "Benefit-risk rationale", "Accepted by", "Accepted on"], rows),
    ]
}
