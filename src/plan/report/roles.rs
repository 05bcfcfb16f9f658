//! Who is in the room: the RACI of each role for each activity.

use super::new_part;
use crate::plan::model::Plan;
use crate::report::{Block, Cell, Orientation, Part, PartKey, Table};

pub(super) fn part(plan: &Plan) -> Part {
    let title = "Who is in the room (RACI)";
    if plan.roles.is_empty() || plan.activities.is_empty() {
        return new_part(PartKey::Roles, title, Orientation::Portrait, vec![Block::Paragraph("No roles or activities yet.".into())]);
    }
    let mut header = vec!["Role".to_string()];
    header.extend(plan.activities.iter().map(|a| super::or_dash(&a.name)));
    let rows = plan
        .roles
        .iter()
        .map(|r| {
            let mut row = vec![Cell::row_header(super::or_dash(&r.name))];
            row.extend(plan.activities.iter().map(|a| Cell::text(plan.raci_value(&r.id, &a.id).map_or("", |v| v.letter()))));
            row
        })
        .collect();
    let legend = Block::Paragraph("R: responsible, A: accountable, C: consulted, I: informed.".into());
    new_part(PartKey::Roles, title, Orientation::Portrait, vec![Block::Table(Table { kind: "raci", header, rows }), legend])
}
