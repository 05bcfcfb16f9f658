//! A.3 Risk acceptability criteria: the zone grid, each cell with its zone
//! and the risks placed there initially.

use super::new_part;
use crate::plan::export::level;
use crate::plan::model::{Plan, Rating, Zone};
use crate::plan::risk::{in_cell, Stage};
use crate::report::{Block, Cell, Orientation, Part, PartKey, Table, Tone};

pub(super) fn part(plan: &Plan) -> Part {
    let c = &plan.criteria;
    let intro =
        format!("{} (rows) by severity (columns). Each cell names its zone and lists the risks placed there initially.", c.axis.label());
    let mut header = vec![format!("{} / severity", c.axis.label())];
    header.extend((1..=c.severity_levels.len() as u8).map(|s| level(&c.severity_levels, s)));
    // Highest likelihood first, as the grid is drawn.
    let rows = (1..=c.likelihood_levels.len() as u8)
        .rev()
        .map(|l| {
            let mut row = vec![Cell::row_header(level(&c.likelihood_levels, l))];
            row.extend((1..=c.severity_levels.len() as u8).map(|s| grid_cell(plan, Rating { likelihood: l, severity: s })));
            row
        })
        .collect();
    let blocks = vec![Block::Paragraph(intro), Block::Table(Table { kind: "grid", header, rows })];
    new_part(PartKey::Criteria, "A.3 Risk acceptability criteria", Orientation::Portrait, blocks)
}

fn grid_cell(plan: &Plan, cell: Rating) -> Cell {
    let zone = plan.criteria.zone_of(cell);
    let ids = in_cell(plan, Stage::Initial, cell).iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
    Cell { strong: zone.map_or("No zone", Zone::label).into(), text: ids, row_header: false, tone: tone(zone) }
}

/// The colour hint of a zone; its name is always written beside it.
pub(super) fn tone(zone: Option<Zone>) -> Tone {
    match zone {
        Some(Zone::Acceptable) => Tone::Acceptable,
        Some(Zone::Review) => Tone::Review,
        Some(Zone::Unacceptable) => Tone::Unacceptable,
        None => Tone::Unset,
    }
}
