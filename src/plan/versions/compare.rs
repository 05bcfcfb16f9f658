//! Compare two versions of a plan (two revisions, a revision and the
//! draft, or the plan and an imported file of it): a list of changes per
//! section in words, each place named as the app names it ("Risk R-001,
//! owner") with its value before and after.
//!
//! The walk is [`crate::plan::versions::diff::differences`]; this module only puts it in
//! words and builds the report part ([`document`]) that the screen, the
//! printer and Markdown render.

use serde_json::Value;

use crate::plan::model::Plan;
use crate::plan::versions::diff::{differences, Difference, Step};
use crate::plan::versions::merge::{place_of, to_value};
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Properties, Table};

/// What happened at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Added,
    Removed,
    Changed,
    Reordered,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Added => "Added",
            Kind::Removed => "Removed",
            Kind::Changed => "Changed",
            Kind::Reordered => "Order changed",
        }
    }
}

/// One change, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The section of the plan it belongs to, as the app titles it.
    pub section: &'static str,
    /// Where: "Risk R-001, owner".
    pub place: String,
    pub kind: Kind,
    /// The value before and after, in words ("—" for none).
    pub before: String,
    pub after: String,
}

/// The plan's sections in reading order, with the top-level fields each holds.
const SECTIONS: &[(&str, &[&str])] = &[
    ("Document control", &["name", "document"]),
    ("A.1 Release / change project planning", &["project"]),
    ("A.2 Stakeholder security needs", &["stakeholders", "needs", "need_links", "user_needs"]),
    ("A.3 Security management plan", &["management"]),
    ("A.3 Risk acceptability criteria", &["criteria"]),
    ("Risk register", &["risks"]),
    ("Controls and traceability", &["controls"]),
    ("Third-party components", &["components"]),
    ("Premarket documentation", &["premarket"]),
    ("Who is in the room", &["roles", "activities", "raci"]),
];

/// Every change from `before` to `after`, by section in reading order.
/// The plan's id, its times and its revision history are not compared.
pub fn compare(before: &Plan, after: &Plan) -> Vec<Entry> {
    let (b, a) = (to_value(before), to_value(after));
    // A rating is one value: its likelihood belongs with its severity.
    let whole = |path: &[Step]| matches!(path.last(), Some(Step::Field(f)) if f == "initial" || f == "residual");
    let sides_after: [(&dyn crate::plan::file::place::Lookup, &Value); 2] = [(after, &a), (before, &b)];
    let mut entries: Vec<(usize, Entry)> = differences(&b, &a, &whole)
        .into_iter()
        .filter_map(|d| {
            let path = match &d {
                Difference::Changed { path, .. } | Difference::Reordered { path, .. } => path,
            };
            let Some(Step::Field(top)) = path.first() else { return None };
            let section = SECTIONS.iter().position(|(_, fields)| fields.contains(&top.as_str()))?;
            let place = place_of(&sides_after, path);
            let entry = match d {
                Difference::Changed { before, after, .. } => {
                    let kind = match (&before, &after) {
                        (None, _) => Kind::Added,
                        (_, None) => Kind::Removed,
                        _ => Kind::Changed,
                    };
                    Entry { section: SECTIONS[section].0, place, kind, before: words(before.as_ref()), after: words(after.as_ref()) }
                }
                Difference::Reordered { .. } => {
                    Entry { section: SECTIONS[section].0, place, kind: Kind::Reordered, before: String::new(), after: String::new() }
                }
            };
            Some((section, entry))
        })
        .collect();
    // Stable: within a section, the order of the plan's fields.
    entries.sort_by_key(|(section, _)| *section);
    entries.into_iter().map(|(_, e)| e).collect()
}

/// A value in words: text as it is, a list joined, an item by its id and
/// name, a rating as its two levels.
fn words(value: Option<&Value>) -> String {
    let Some(value) = value else { return "—".into() };
    match value {
        Value::Null => "—".into(),
        Value::String(s) if s.trim().is_empty() => "—".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => (if *b { "yes" } else { "no" }).into(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items.iter().map(|i| words(Some(i))).collect::<Vec<_>>().join(", "),
        Value::Object(o) => {
            if let (Some(l), Some(s)) = (o.get("likelihood"), o.get("severity")) {
                return format!("likelihood {}, severity {}", words(Some(l)), words(Some(s)));
            }
            let text = |k: &str| o.get(k).and_then(Value::as_str).filter(|s| !s.trim().is_empty());
            let name = ["name", "text", "description", "label"].into_iter().find_map(text);
            // A component with its version: "CMP-003 openssl 3.0.2".
            let name = name.map(|n| match text("version") {
                Some(version) => format!("{n} {version}"),
                None => n.to_string(),
            });
            let risk = text("asset").map(|a| format!("{a}: {}", text("threat").unwrap_or("—")));
            match (text("id"), name.or(risk)) {
                (Some(id), Some(name)) => format!("{id} {name}"),
                (Some(id), None) => id.to_string(),
                (None, Some(name)) => name,
                (None, None) => o.values().filter(|v| !v.is_object()).map(|v| words(Some(v))).collect::<Vec<_>>().join(", "),
            }
        }
    }
}

/// The comparison as a report part: a table per section (where, what
/// happened, before, after), under a title naming both versions.
pub fn document(plan: &Plan, from: &str, to: &str, entries: &[Entry]) -> Document {
    let mut blocks = vec![Block::Paragraph(summary(entries))];
    for (section, _) in SECTIONS {
        let rows: Vec<Vec<Cell>> = entries
            .iter()
            .filter(|e| e.section == *section)
            .map(|e| vec![Cell::row_header(&e.place), Cell::text(e.kind.label()), Cell::text(&e.before), Cell::text(&e.after)])
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::Heading { level: 2, text: (*section).into() });
        blocks.push(Block::Table(Table {
            kind: "changes",
            header: ["Where", "Change", "Before", "After"].map(String::from).to_vec(),
            rows,
        }));
    }
    let title = format!("Changes from {from} to {to}");
    Document {
        properties: Properties {
            title: format!("{} — {title}", plan.name),
            subject: "Comparison of two versions of a JSP Concept Phase plan".into(),
            author: plan.document.author.clone(),
            document_id: plan.document.document_id.clone(),
            revision: plan.document.revision.clone(),
            footer: crate::plan::export::page_footer(plan),
        },
        parts: vec![Part { key: PartKey::Changes, title, orientation: Orientation::Portrait, blocks }],
    }
}

fn summary(entries: &[Entry]) -> String {
    let sections = SECTIONS.iter().filter(|(s, _)| entries.iter().any(|e| e.section == *s)).count();
    match (entries.len(), sections) {
        (0, _) => "No differences: both versions say the same.".into(),
        (1, _) => "1 change.".into(),
        (n, 1) => format!("{n} changes in 1 section."),
        (n, s) => format!("{n} changes in {s} sections."),
    }
}
