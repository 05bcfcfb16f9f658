//! The gaps, largest first, and the roadmap that closes them: phases in
//! the team's order, milestones by date, each with the gaps it closes.

use super::{heading, new_part, or_dash, table, NOT_APPLICABLE, NOT_SCORED};
use crate::assessment::level::label;
use crate::assessment::roadmap::{milestones_closing, roadmap as phases, unplanned_gaps};
use crate::assessment::score::gaps as sorted_gaps;
use crate::assessment::{framework, Assessment, Milestone};
use crate::report::{Block, Cell, Orientation, Part, PartKey};

pub(super) fn gaps(a: &Assessment) -> Part {
    let list = sorted_gaps(a);
    let blocks = if list.is_empty() {
        vec![Block::Paragraph("No applicable activity has a target above its current level.".into())]
    } else {
        let rows = list
            .iter()
            .map(|g| {
                let by: Vec<String> =
                    milestones_closing(a, g.activity.id).iter().map(|m| format!("{} ({})", or_dash(&m.name), or_dash(&m.date))).collect();
                vec![
                    Cell::row_header(g.activity.name),
                    Cell::text(g.component.name),
                    Cell::text(label(g.current)),
                    Cell::text(label(g.target)),
                    Cell::text(g.size().to_string()),
                    Cell::text(if by.is_empty() { "No milestone yet".to_string() } else { by.join("; ") }),
                ]
            })
            .collect();
        vec![table("gaps", &["Activity", "Component", "Current", "Target", "Gap", "Closed by"], rows)]
    };
    new_part(PartKey::Gaps, "Gaps, largest first", Orientation::Portrait, blocks)
}

pub(super) fn roadmap(a: &Assessment) -> Part {
    let groups = phases(a);
    let mut blocks = Vec::new();
    if groups.is_empty() {
        blocks.push(Block::Paragraph("No phases or milestones yet.".into()));
    }
    for g in &groups {
        let name = g.phase.map_or_else(|| "Milestones without a phase".to_string(), |p| or_dash(&p.name));
        let span =
            g.span().map_or(String::new(), |(from, to)| if from == to { format!(" ({from})") } else { format!(" ({from} to {to})") });
        blocks.push(heading(&format!("{name}{span}")));
        if let Some(goal) = g.phase.map(|p| p.goal.trim()).filter(|goal| !goal.is_empty()) {
            blocks.push(Block::Paragraph(goal.into()));
        }
        if g.milestones.is_empty() {
            blocks.push(Block::Paragraph("No milestones yet.".into()));
            continue;
        }
        let rows = g
            .milestones
            .iter()
            .map(|m| vec![Cell::row_header(or_dash(&m.date)), Cell::text(or_dash(&m.name)), Cell::text(closes(a, m))])
            .collect();
        blocks.push(table("milestones", &["Date", "Milestone", "Closes the gaps of"], rows));
    }
    let unplanned = unplanned_gaps(a);
    if !unplanned.is_empty() {
        let names: Vec<&str> = unplanned.iter().map(|g| g.activity.name).collect();
        blocks.push(Block::Paragraph(format!("Gaps no milestone closes yet: {}.", names.join(", "))));
    }
    new_part(PartKey::Roadmap, "Roadmap", Orientation::Portrait, blocks)
}

/// "A.2 Voice of the customer (gap 3: 1 to 4); …": each activity the
/// milestone closes, with where its gap stands today.
fn closes(a: &Assessment, m: &Milestone) -> String {
    if m.closes.is_empty() {
        return "—".into();
    }
    let each = m.closes.iter().map(|id| {
        let name = framework::find(id).map_or(id.as_str(), |(_, act)| act.name);
        let entry = a.entry(id);
        let state = match entry.map(|e| (e.applicable(), e.current, e.target)) {
            Some((false, ..)) => NOT_APPLICABLE.to_lowercase(),
            Some((true, Some(current), Some(target))) if target > current => format!("gap {}: {current} to {target}", target - current),
            Some((true, Some(_), Some(_))) => "no gap now".into(),
            _ => NOT_SCORED.to_lowercase(),
        };
        format!("{name} ({state})")
    });
    each.collect::<Vec<_>>().join("; ")
}
