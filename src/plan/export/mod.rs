//! The plan in the forms people already use outside the tool: Markdown for
//! wikis and design history files, CSV for spreadsheets. Both treat every
//! piece of user text as text: Markdown escapes it so no HTML or link can
//! form, CSV defuses cells a spreadsheet would run as a formula.

mod csv;

pub(crate) use self::csv::to_csv;
pub use self::csv::{components_csv, matrix_csv, register_csv, safe_cell, trace_csv};
pub use crate::report::markdown::escape_markdown;

use crate::plan::model::{Plan, Rating, RiskCriteria};

/// Above this many stakeholders the matrix is printed as a list (each need
/// with who holds it): a table that wide is unreadable on a page, and a
/// 1,200-column one is too large to lay out at all.
pub const WIDE_MATRIX: usize = 12;

/// The whole plan as one Markdown document, in the order of the printed
/// report (built by [`crate::report`], as every output of the report is).
pub fn plan_markdown(plan: &Plan) -> String {
    use crate::plan::report::{build, ALL_PARTS};
    use crate::report::markdown;
    markdown::render(&build(plan, &plan.revisions(), ALL_PARTS))
}

/// The line at the foot of every printed page: the document id and
/// revision, or the plan's name while it has no id.
pub fn page_footer(plan: &Plan) -> String {
    let d = &plan.document;
    let id = if d.document_id.trim().is_empty() { plan.name.trim() } else { d.document_id.trim() };
    let mut line: String = id.chars().filter(|c| !c.is_control()).collect();
    if !d.revision.trim().is_empty() {
        line.push_str(", revision ");
        line.extend(d.revision.trim().chars().filter(|c| !c.is_control()));
    }
    line
}

/// "3 – High": a level with its name, as the views show it.
pub(crate) fn level(names: &[String], level: u8) -> String {
    let name = names.get(usize::from(level).wrapping_sub(1)).map_or("?", String::as_str);
    format!("{level} – {name}")
}

/// A rating in words, e.g. "Exploitability 3 – High, severity 2 – Minor".
pub(crate) fn rating_words(c: &RiskCriteria, r: Rating) -> String {
    format!("{} {}, severity {}", c.axis.label(), level(&c.likelihood_levels, r.likelihood), level(&c.severity_levels, r.severity))
}

/// The needs a risk links to, by id and text ("SN-01 Audit log"), in the plan’s order.
pub(crate) fn linked_needs(plan: &Plan, ids: &[String]) -> Vec<String> {
    // By id and text: the id is what a reader finds in the matrix, the text what it means.
    plan.needs.iter().filter(|n| ids.contains(&n.id)).map(|n| format!("{} {}", n.id, n.text)).collect()
}
