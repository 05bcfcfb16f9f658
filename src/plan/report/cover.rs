//! The cover: title, document control, revision history and approvals,
//! attendees, and where each of the JSP's deliverables stands.

use super::{facts, heading, new_part, or_dash, table, KICKER};
use crate::plan::deliverables;
use crate::plan::model::{Plan, Revision};
use crate::report::{Block, Orientation, Part, PartKey};

pub(super) fn part(plan: &Plan, history: &[Revision]) -> Part {
    let d = &plan.document;
    let p = &plan.project;
    let mut blocks = vec![
        Block::Kicker(KICKER.into()),
        heading("Document control"),
        facts(&[
            ("Document id", &d.document_id),
            ("Revision", &d.revision),
            ("Author", &d.author),
            ("Workshop dates", &d.workshop_dates),
            ("Product", &p.product),
            ("Scope", p.scope.map_or("Not decided", |s| s.label())),
            ("Last edited", &short_time(&plan.updated_at)),
        ]),
    ];
    blocks.extend(revisions(history));
    blocks.extend(approvals(history));
    blocks.extend(attendees(plan));
    blocks.extend(deliverables_status(plan));
    new_part(PartKey::Cover, &or_dash(&plan.name), Orientation::Portrait, blocks)
}

const NO_REVISION: &str = "No revision issued yet.";

fn revisions(history: &[Revision]) -> Vec<Block> {
    if history.is_empty() {
        return vec![heading("Revision history"), Block::Paragraph(NO_REVISION.into())];
    }
    let rows = history
        .iter()
        .map(|r| vec![revision_name(r), date(&r.issued_at), or_dash(&r.summary), if r.approved() { "Approved" } else { "Issued" }.into()])
        .collect();
    vec![heading("Revision history"), table("revisions", &["Revision", "Issued", "Change summary", "Status"], rows)]
}

/// Who signed which revision, as what, when.
fn approvals(history: &[Revision]) -> Vec<Block> {
    let rows: Vec<Vec<String>> = history
        .iter()
        .flat_map(|r| {
            r.approvals.iter().map(move |a| {
                vec![revision_name(r), or_dash(&a.name), or_dash(&a.role), a.meaning.label().into(), or_dash(&a.date), or_dash(&a.comment)]
            })
        })
        .collect();
    let note = match (history.is_empty(), rows.is_empty()) {
        (true, _) => NO_REVISION,
        (false, true) => "No approval recorded yet.",
        (false, false) => {
            return vec![heading("Approvals"), table("approvals", &["Revision", "Name", "Role", "Meaning", "Date", "Comment"], rows)];
        }
    };
    vec![heading("Approvals"), Block::Paragraph(note.into())]
}

/// "3 (B)": the revision's number, and its label where it has one.
fn revision_name(r: &Revision) -> String {
    match r.label.trim() {
        label if label.is_empty() || label == r.number.to_string() => r.number.to_string(),
        label => format!("{} ({label})", r.number),
    }
}

/// Who was in the room, from where, holding which role.
fn attendees(plan: &Plan) -> Vec<Block> {
    let attendees = &plan.document.attendees;
    if attendees.is_empty() {
        return Vec::new();
    }
    let role = |id: &Option<String>| id.as_ref().and_then(|id| plan.roles.iter().find(|r| r.id == *id)).map_or("", |r| r.name.as_str());
    let rows = attendees.iter().map(|a| vec![or_dash(&a.name), or_dash(&a.organisation), or_dash(role(&a.role_id))]).collect();
    vec![heading("Attendees"), table("attendees", &["Name", "Organisation or function", "RACI role"], rows)]
}

/// The six deliverables, then traceability and risk acceptance, each with
/// what is still missing: every gap the app lists (dashboard and
/// traceability section), counted in the line above the table.
fn deliverables_status(plan: &Plan) -> Vec<Block> {
    let status = deliverables::status(plan);
    let rows = status
        .rows()
        .map(|d| {
            // Each gap is a sentence, so they read one after the other.
            let gaps = d.gaps.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join(" ");
            vec![d.title.to_string(), d.status.label().into(), or_dash(&gaps)]
        })
        .collect();
    vec![
        heading("Deliverables status"),
        Block::Paragraph(status.summary()),
        table("status", &["Deliverable", "Status", "Still missing"], rows),
    ]
}

/// The day of an RFC 3339 time ("2026-11-24"), or the text as it is.
fn date(time: &str) -> String {
    let day = time.trim().get(..10).unwrap_or(time.trim());
    or_dash(day)
}

/// An RFC 3339 time to the minute, "2026-11-24 09:30 UTC": the same in
/// every output and every time zone, unlike a browser's local time.
fn short_time(time: &str) -> String {
    let t = time.trim();
    match (t.get(..10), t.get(11..16)) {
        (Some(day), Some(minute)) if t.as_bytes().get(10).is_some_and(|b| matches!(b, b'T' | b't' | b' ')) => {
            let zone = if t.ends_with(['Z', 'z']) { " UTC" } else { "" };
            format!("{day} {minute}{zone}")
        }
        _ => t.to_string(),
    }
}
