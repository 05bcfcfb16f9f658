//! The heatmap (one row per component, one cell per activity, each saying
//! its current and target level) and the activities' owners and evidence.

use super::{heading, level_text, new_part, or_dash, table, toned, NOT_APPLICABLE, NOT_SCORED};
use crate::assessment::framework::{Activity, COMPONENTS};
use crate::assessment::score::{standing, Standing};
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
    let s = standing(e);
    let shortfall = match s {
        Standing::NotApplicable => {
            let reason = e.not_applicable.as_deref().unwrap_or_default();
            return toned(name, format!("{NOT_APPLICABLE}: {}", or_dash(reason)), Tone::Plain);
        }
        Standing::NotScored => return toned(name, NOT_SCORED, Tone::Unset),
        Standing::Unknown => String::new(),
        Standing::Met => "; target met".into(),
        Standing::Short(n) => format!("; {}", short_text(n)),
    };
    let text = format!("Current: {}; target: {}{shortfall}", level_text(e.current), level_text(e.target));
    toned(name, text, tone(s))
}

/// The shading that repeats an activity's standing.
fn tone(s: Standing) -> Tone {
    match s {
        Standing::NotApplicable => Tone::Plain,
        Standing::NotScored | Standing::Unknown => Tone::Unset,
        Standing::Met => Tone::Acceptable,
        Standing::Short(1) => Tone::Review,
        Standing::Short(_) => Tone::Unacceptable,
    }
}

fn short_text(n: u8) -> String {
    match n {
        1 => "1 level short".into(),
        n => format!("{n} levels short"),
    }
}

/// How to read the brief heatmap: its cells' words and what the shading means.
pub const BRIEF_LEGEND: &str = "Current → target level, and how far short. Green: met; amber: 1 short; red: 2 or more; \
                                grey: not fully scored.";

/// One component in the brief heatmap: its activities as cells naming the
/// activity (`strong`), saying its levels (`text`) and shaded (`tone`).
#[derive(Debug, Clone, PartialEq)]
pub struct BriefRow {
    pub component: &'static str,
    pub cells: Vec<Cell>,
}

/// The heatmap in brief, for the projector: each activity says "2 → 4 ·
/// 2 short", so the whole organisation fits on one screen. Only the screen
/// shows it; the report keeps the full words.
pub fn brief(a: &Assessment) -> Vec<BriefRow> {
    let blank = ActivityEntry::unscored("");
    let cell = |act: &Activity| {
        let e = a.entry(act.id).unwrap_or(&blank);
        toned(act.name, brief_text(e), tone(standing(e)))
    };
    COMPONENTS.iter().map(|c| BriefRow { component: c.name, cells: c.activities.iter().map(cell).collect() }).collect()
}

/// "2 → 4 · 2 short", "3 → 3 · met", "2 → –", "Not applicable".
pub fn brief_text(e: &ActivityEntry) -> String {
    let level = |l: Option<u8>| l.map_or_else(|| "–".to_string(), |l| l.to_string());
    let levels = format!("{} → {}", level(e.current), level(e.target));
    match standing(e) {
        Standing::NotApplicable => NOT_APPLICABLE.into(),
        Standing::NotScored => NOT_SCORED.into(),
        Standing::Unknown => levels,
        Standing::Met => format!("{levels} · met"),
        Standing::Short(n) => format!("{levels} · {n} short"),
    }
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
