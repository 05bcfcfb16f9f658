//! Building the [`Document`] from a plan: every word the report says, in
//! the order it says it. One file per part (`cover`, `project`, ...); this
//! one holds the list of parts and the small helpers they share.
//!
//! Empty user text becomes an em dash here, once, so every output shows the
//! same "nothing written yet"; renderers never decide what to say.

mod components;
mod cover;
mod criteria;
mod management;
mod needs;
mod project;
mod register;
mod roles;
mod trace;

use crate::plan::model::{Plan, Revision};
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Properties, Table};

/// The whole plan report, in its printed order.
pub const ALL_PARTS: &[PartKey] = &[
    PartKey::Cover,
    PartKey::Project,
    PartKey::Needs,
    PartKey::Management,
    PartKey::Criteria,
    PartKey::Register,
    PartKey::Traceability,
    PartKey::Components,
    PartKey::Roles,
];

/// The Security Management Plan alone (A.3 with its criteria, who holds
/// which role), under its cover.
pub const MANAGEMENT_PLAN_PARTS: &[PartKey] = &[PartKey::Cover, PartKey::Management, PartKey::Criteria, PartKey::Roles];

/// The report of `plan` with the chosen `parts`, in the order given.
/// `history` is the revision history the cover lists: passed apart from the
/// plan because a revision's snapshot shows the history up to itself.
/// A key that is no part of a plan report ([`PartKey::Changes`], an
/// assessment's parts) is skipped.
pub fn build(plan: &Plan, history: &[Revision], parts: &[PartKey]) -> Document {
    Document { properties: properties(plan), parts: parts.iter().filter_map(|&key| part(plan, history, key)).collect() }
}

fn part(plan: &Plan, history: &[Revision], key: PartKey) -> Option<Part> {
    Some(match key {
        PartKey::Cover => cover::part(plan, history),
        PartKey::Project => project::part(plan),
        PartKey::Needs => needs::part(plan),
        PartKey::Management => management::part(plan),
        PartKey::Criteria => criteria::part(plan),
        PartKey::Register => register::part(plan),
        PartKey::Traceability => trace::part(plan),
        PartKey::Components => components::part(plan),
        PartKey::Roles => roles::part(plan),
        PartKey::Changes
        | PartKey::Levels
        | PartKey::Heatmap
        | PartKey::Scores
        | PartKey::Gaps
        | PartKey::Roadmap
        | PartKey::Progress
        | PartKey::Activities
        | PartKey::Mds2Doc
        | PartKey::Mds2Sections
        | PartKey::CustomerSummary
        | PartKey::Readiness
        | PartKey::Coverage
        | PartKey::ArchitectureViews => return None,
    })
}

fn properties(plan: &Plan) -> Properties {
    let d = &plan.document;
    Properties {
        title: plan.name.trim().to_string(),
        subject: KICKER.into(),
        author: d.author.trim().to_string(),
        document_id: d.document_id.trim().to_string(),
        revision: d.revision.trim().to_string(),
        footer: crate::plan::export::page_footer(plan),
    }
}

/// The line above the cover's title.
const KICKER: &str = "HSCC Joint Security Plan 2.0 · Concept Phase";

/// A part of the plan report.
fn new_part(key: PartKey, title: &str, orientation: Orientation, blocks: Vec<Block>) -> Part {
    Part { key, title: title.into(), orientation, blocks }
}

/// The text, trimmed, or an em dash where the team has written nothing yet.
fn or_dash(text: &str) -> String {
    match text.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

fn heading(text: &str) -> Block {
    Block::Heading { level: 2, text: text.into() }
}

fn facts(pairs: &[(&str, &str)]) -> Block {
    Block::Facts(pairs.iter().map(|(label, value)| (label.to_string(), or_dash(value))).collect())
}

/// A table whose first column heads each row.
fn table(kind: &'static str, header: &[&str], rows: Vec<Vec<String>>) -> Block {
    let rows = rows
        .into_iter()
        .map(|row| row.into_iter().enumerate().map(|(i, text)| if i == 0 { Cell::row_header(text) } else { Cell::text(text) }).collect())
        .collect();
    Block::Table(Table { kind, header: header.iter().map(|h| h.to_string()).collect(), rows })
}

/// The title a printed report carries (the PDF's title and the name the
/// browser offers for the file): the document id, then the plan's name;
/// either alone when the other is blank.
pub fn print_title(plan: &Plan) -> String {
    let words = [plan.document.document_id.trim(), plan.name.trim()];
    let title = words.iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>().join(" ");
    match title.chars().filter(|c| !c.is_control()).collect::<String>() {
        t if t.is_empty() => "JSP Planner plan".into(),
        t => t,
    }
}
