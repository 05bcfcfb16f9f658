//! A.2 Voice of the customer: the stakeholder-needs matrix (a list when it
//! is too wide to print) and the user needs the security needs fold into.

use super::{heading, new_part, or_dash, table};
use crate::plan::export::WIDE_MATRIX;
use crate::plan::model::{Plan, Relevance};
use crate::report::{Block, Cell, Item, Orientation, Part, PartKey, Table, Tone};

const TITLE: &str = "A.2 Voice of the customer: stakeholder security needs";

pub(super) fn part(plan: &Plan) -> Part {
    let (orientation, mut blocks) = if plan.stakeholders.len() > WIDE_MATRIX {
        (Orientation::Portrait, need_list(plan))
    } else {
        (Orientation::Landscape, matrix(plan))
    };
    blocks.extend(user_needs(plan));
    new_part(PartKey::Needs, TITLE, orientation, blocks)
}

/// The user needs of a security need, "UN-1, UN-4", or a dash.
fn user_need_ids(ids: &[String]) -> String {
    or_dash(&ids.join(", "))
}

fn matrix(plan: &Plan) -> Vec<Block> {
    if plan.needs.is_empty() || plan.stakeholders.is_empty() {
        let counts = format!("{} stakeholders, {} security needs.", plan.stakeholders.len(), plan.needs.len());
        return vec![Block::Paragraph(counts)];
    }
    let index = plan.relevance_index();
    let mut header = vec!["Security need".to_string(), "User needs".to_string()];
    header.extend(plan.stakeholders.iter().map(|s| or_dash(&s.name)));
    let rows = plan
        .needs
        .iter()
        .map(|n| {
            let mut row = vec![Cell::row_header(or_dash(&n.text)), Cell::text(user_need_ids(&n.user_need_ids))];
            row.extend(plan.stakeholders.iter().map(|s| relevance_cell(index.get(&(s.id.as_str(), n.id.as_str())).copied())));
            row
        })
        .collect();
    vec![Block::Table(Table { kind: "matrix", header, rows })]
}

fn relevance_cell(r: Option<Relevance>) -> Cell {
    let tone = match r {
        Some(Relevance::Critical) => Tone::Critical,
        Some(_) => Tone::Relevant,
        None => Tone::Plain,
    };
    Cell { text: r.map_or("", |r| r.label()).into(), tone, ..Cell::default() }
}

/// The matrix of a plan with many stakeholders, as a list: each need with
/// the stakeholders who hold it (a table that wide cannot be printed).
fn need_list(plan: &Plan) -> Vec<Block> {
    let names = |v: Vec<&str>| or_dash(&v.join(", "));
    let items = plan
        .needs
        .iter()
        .map(|n| {
            let (critical, relevant) = plan.holders(&n.id);
            let text = format!(
                "(user needs {}). Critical for: {}. Relevant for: {}.",
                user_need_ids(&n.user_need_ids),
                names(critical),
                names(relevant)
            );
            Item { strong: or_dash(&n.text), text }
        })
        .collect();
    let intro = format!("{} stakeholders: each need is listed with the stakeholders who hold it.", plan.stakeholders.len());
    vec![Block::Paragraph(intro), Block::List(items)]
}

fn user_needs(plan: &Plan) -> Vec<Block> {
    if plan.user_needs.is_empty() {
        return Vec::new();
    }
    let rows = plan
        .user_needs
        .iter()
        .map(|u| vec![or_dash(&u.id), or_dash(&u.text), or_dash(&crate::plan::trace::needs_folded_into(plan, &u.id).join("; "))])
        .collect();
    vec![heading("User needs"), table("user-needs", &["User need", "Text", "Security needs folded in"], rows)]
}
