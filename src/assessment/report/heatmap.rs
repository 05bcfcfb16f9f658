//! The heatmap (one row per component, one cell per activity, each saying
//! its current and target level) and the activities' owners and evidence.

use super::{heading, level_text, new_part, or_dash, table, toned, NOT_APPLICABLE, NOT_SCORED};
use crate::assessment::framework::COMPONENTS;
use crate::assessment::{ActivityEntry, Assessment};
use crate::report::{Block, Cell, Item, Orientation, Part, PartKey, Tone};

/// What the shading means; the cells say it in words too.
const LEGEND: &str = "Each cell names an activity with its current level and its target. The shading only repeats the words: \
                      green where the target is met, amber one level short, red two or more levels short, grey where a level \
                      is not scored yet; not applicable activities are unshaded.";

pub(super) fn part(a: &Assessment) -> Part {
    let columns = COMPONENTS.iter().map(|c| c.activities.len()).max().unwrap_or(0);
    let mut header = vec!["Component".to_string()];
    header.extend((1..=columns).map(|n| format!("Activity {n}")));
    let blank = ActivityEntry::unscored("");
    let rows = COMPONENTS
        .iter()
        .map(|c| {
            let mut row = vec![Cell::row_header(c.name)];
            row.extend(c.activities.iter().map(|act| cell(act.name, a.entry(act.id).unwrap_or(&blank))));
            // Every row as wide as the header, so each renderer draws a full grid.
            row.resize(columns + 1, Cell::default());
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let blocks = vec![Block::Paragraph(LEGEND.into()), table("heatmap", &header, rows)];
    new_part(PartKey::Heatmap, "Heatmap", Orientation::Landscape, blocks)
}

/// One activity's cell: its name, then its levels and how far short it is.
fn cell(name: &str, e: &ActivityEntry) -> Cell {
    if let Some(reason) = &e.not_applicable {
        return toned(name, format!("{NOT_APPLICABLE}: {}", or_dash(reason)), Tone::Plain);
    }
    let (shortfall, tone) = match (e.current, e.target) {
        (Some(current), Some(target)) if current >= target => ("target met".to_string(), Tone::Acceptable),
        (Some(current), Some(target)) => match target - current {
            1 => ("1 level short".to_string(), Tone::Review),
            n => (format!("{n} levels short"), Tone::Unacceptable),
        },
        _ => (String::new(), Tone::Unset),
    };
    if e.current.is_none() && e.target.is_none() {
        return toned(name, NOT_SCORED, tone);
    }
    let mut text = format!("Current: {}; target: {}", level_text(e.current), level_text(e.target));
    if !shortfall.is_empty() {
        text.push_str("; ");
        text.push_str(&shortfall);
    }
    toned(name, text, tone)
}

/// Every activity with its levels, owner and evidence, component by
/// component, then why those not applicable do not apply.
pub(super) fn activities(a: &Assessment) -> Part {
    let blank = ActivityEntry::unscored("");
    let mut blocks = Vec::new();
    for c in COMPONENTS {
        let mut reasons = Vec::new();
        let rows = c
            .activities
            .iter()
            .map(|act| {
                let e = a.entry(act.id).unwrap_or(&blank);
                let (current, target) = match &e.not_applicable {
                    Some(reason) => {
                        reasons.push(Item { strong: String::new(), text: format!("{}: {}", act.name, or_dash(reason)) });
                        (NOT_APPLICABLE.to_string(), "—".to_string())
                    }
                    None => (level_text(e.current), level_text(e.target)),
                };
                vec![
                    Cell::row_header(act.name),
                    Cell::text(current),
                    Cell::text(target),
                    Cell::text(or_dash(&e.owner)),
                    Cell::text(or_dash(&e.evidence)),
                ]
            })
            .collect();
        blocks.push(heading(c.name));
        blocks.push(table("activities", &["Activity", "Current", "Target", "Owner", "Evidence"], rows));
        if !reasons.is_empty() {
            blocks.push(Block::Paragraph("Not applicable, and why:".into()));
            blocks.push(Block::List(reasons));
        }
    }
    new_part(PartKey::Activities, "Activities: owners and evidence", Orientation::Landscape, blocks)
}
