//! The assessment as Markdown (for a wiki or a management report) and as
//! CSV (one row per activity, for a spreadsheet or the MDIC benchmarking
//! survey). As with plans, user text is always text: Markdown is the
//! shared report renderer's, which escapes every word
//! (`crate::report::markdown`); CSV defuses formula-like cells
//! (`crate::plan::export::safe_cell`, the plan's own rule).

use super::framework::COMPONENTS;
use super::{ActivityEntry, Assessment};
use crate::plan::export::safe_cell;

pub use super::report::{NOT_APPLICABLE, NOT_SCORED};

/// The whole assessment as one Markdown document; with a `baseline`, a
/// section on the progress made since it. The words are the report's
/// ([`super::report::document`]), as in print and Word.
pub fn assessment_markdown(a: &Assessment, baseline: Option<&Assessment>) -> String {
    crate::report::markdown::render(&super::report::document(a, baseline))
}

/// One row per framework activity, in framework order: the levels as
/// numbers (empty when not scored) so a spreadsheet can average them.
pub fn assessment_csv(a: &Assessment) -> String {
    let header = [
        "Component",
        "Activity id",
        "Activity",
        "Applicable",
        "Not applicable because",
        "Current level",
        "Target level",
        "Gap",
        "Owner",
        "Evidence",
        "Question",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    let blank = ActivityEntry::unscored("");
    for c in COMPONENTS {
        for act in c.activities {
            let e = a.entry(act.id).unwrap_or(&blank);
            let num = |l: Option<u8>| l.map_or(String::new(), |l| l.to_string());
            let gap = match (e.applicable(), e.current, e.target) {
                (true, Some(cur), Some(t)) if t > cur => (t - cur).to_string(),
                (true, Some(_), Some(_)) => "0".into(),
                _ => String::new(),
            };
            rows.push(vec![
                c.name.to_string(),
                act.id.to_string(),
                act.name.to_string(),
                if e.applicable() { "Yes" } else { "No" }.to_string(),
                e.not_applicable.clone().unwrap_or_default(),
                num(e.current),
                num(e.target),
                gap,
                e.owner.clone(),
                e.evidence.clone(),
                act.question.to_string(),
            ]);
        }
    }
    to_csv(rows)
}

/// RFC 4180 with a UTF-8 byte order mark, CRLF line ends, every cell
/// defused by the plan's [`safe_cell`]. The plan's writer (`export::csv`)
/// keeps its row joiner private; these few lines repeat it rather than
/// widen that module while another change is under way there.
fn to_csv(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                let cell = safe_cell(cell);
                if cell.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
