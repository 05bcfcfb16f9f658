//! The progress since a baseline: each component's mean before and now,
//! then each activity whose level changed.

use super::{heading, level_text, new_part, score_text, table};
use crate::assessment::score::{progress, signed_tenths};
use crate::assessment::Assessment;
use crate::report::{Block, Cell, Orientation, Part, PartKey};

/// How a change reads when one side has no level.
fn one_sided(before: bool, after: bool) -> &'static str {
    match (before, after) {
        (false, true) => "Newly scored",
        (true, false) => "No longer scored",
        _ => "—",
    }
}

pub(super) fn part(baseline: &Assessment, a: &Assessment) -> Part {
    let p = progress(baseline, a);
    let name = match baseline.name.trim() {
        "" => "the baseline",
        name => name,
    };
    let title = match baseline.assessed_on.trim() {
        "" => format!("Progress since {name}"),
        day => format!("Progress since {name} ({day})"),
    };
    let components = p
        .components
        .iter()
        .map(|c| {
            let change = c.change_tenths().map_or_else(|| one_sided(c.before.is_some(), c.after.is_some()).to_string(), signed_tenths);
            vec![Cell::row_header(c.component.name), Cell::text(score_text(c.before)), Cell::text(score_text(c.after)), Cell::text(change)]
        })
        .collect();
    let mut blocks = vec![heading("By component"), table("progress", &["Component", "Before", "Now", "Change"], components)];
    blocks.push(heading("Activities whose level changed"));
    let moved: Vec<Vec<Cell>> = p
        .activities
        .iter()
        .filter(|c| c.before != c.after)
        .map(|c| {
            let change = c.change().map_or_else(
                || one_sided(c.before.is_some(), c.after.is_some()).to_string(),
                |d| if d > 0 { format!("+{d}") } else { d.to_string() },
            );
            vec![
                Cell::row_header(c.activity.name),
                Cell::text(c.component.name),
                Cell::text(level_text(c.before)),
                Cell::text(level_text(c.after)),
                Cell::text(change),
            ]
        })
        .collect();
    if moved.is_empty() {
        blocks.push(Block::Paragraph("No activity’s level changed.".into()));
    } else {
        blocks.push(table("progress", &["Activity", "Component", "Before", "Now", "Change"], moved));
    }
    new_part(PartKey::Progress, &title, Orientation::Portrait, blocks)
}
