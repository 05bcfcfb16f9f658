//! Premarket readiness as a report-model document (print/PDF, Markdown,
//! Word): the document control block, the readiness of each element of
//! FDA's premarket documentation, the security control category coverage
//! and the architecture views checklist.

use super::coverage::coverage;
use super::readiness::{readiness, Applies, Summary};
use crate::plan::model::{Plan, ViewKind};
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Properties, Table};

pub const TITLE: &str = "Premarket readiness";

/// The whole document, in the order given by `parts` (keys that are not
/// its parts are skipped); [`ALL_PARTS`] for all of it.
pub fn build(plan: &Plan, parts: &[PartKey]) -> Document {
    let d = &plan.document;
    let product = match plan.project.product.trim() {
        "" => plan.name.trim().to_string(),
        p => p.to_string(),
    };
    Document {
        properties: Properties {
            title: format!("{TITLE}: {product}"),
            subject: "FDA premarket cybersecurity documentation: readiness".into(),
            author: d.author.trim().to_string(),
            document_id: d.document_id.trim().to_string(),
            revision: d.revision.trim().to_string(),
            footer: format!("{} · {TITLE}", crate::plan::export::page_footer(plan)),
        },
        parts: parts
            .iter()
            .filter_map(|key| match key {
                PartKey::Readiness => Some(readiness_part(plan, &product)),
                PartKey::Coverage => Some(coverage_part(plan)),
                PartKey::ArchitectureViews => Some(views_part(plan)),
                _ => None,
            })
            .collect(),
    }
}

/// Readiness, then coverage, then the architecture views.
pub const ALL_PARTS: &[PartKey] = &[PartKey::Readiness, PartKey::Coverage, PartKey::ArchitectureViews];

fn dash(text: &str) -> String {
    match text.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

fn table(kind: &'static str, header: &[&str], rows: Vec<Vec<String>>) -> Block {
    let rows = rows
        .into_iter()
        .map(|row| row.into_iter().enumerate().map(|(i, t)| if i == 0 { Cell::row_header(t) } else { Cell::text(t) }).collect())
        .collect();
    Block::Table(Table { kind, header: header.iter().map(|h| h.to_string()).collect(), rows })
}

fn readiness_part(plan: &Plan, product: &str) -> Part {
    let d = &plan.document;
    let elements = readiness(plan);
    let summary = Summary::of(&elements);
    let cyber = match plan.project.cyber_device {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Not decided",
    };
    let rows = elements
        .iter()
        .map(|e| {
            let title = if e.id.parent().is_some() { format!("– {}", e.title()) } else { e.title().to_string() };
            let (applies, state) = match &e.applies {
                Applies::Yes => ("Yes".to_string(), e.state.label().to_string()),
                Applies::No(why) => (format!("No: {why}"), "—".into()),
                Applies::Undecided(why) => (format!("Not decided: {why}"), e.state.label().to_string()),
            };
            let feeds: Vec<&str> = e.feeds.iter().map(|f| f.label).collect();
            let gaps = match e.gaps.len() {
                0 => "—".to_string(),
                n if n <= 3 => e.gaps.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join(" "),
                n => format!("{} … and {} more.", e.gaps[..3].iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join(" "), n - 3),
            };
            vec![title, applies, state, dash(&feeds.join("; ")), gaps]
        })
        .collect();
    let blocks = vec![
        Block::Kicker("FDA premarket cybersecurity documentation · what the plan feeds".into()),
        Block::Heading { level: 2, text: "Document control".into() },
        Block::Facts(vec![
            ("Product".into(), dash(product)),
            ("Document id".into(), dash(&d.document_id)),
            ("Revision".into(), dash(&d.revision)),
            ("Author".into(), dash(&d.author)),
            ("Scope".into(), plan.project.scope.map_or("Not decided", |s| s.label()).into()),
            ("Cyber device (section 524B)".into(), cyber.into()),
        ]),
        Block::Paragraph(summary.line()),
        Block::Paragraph(
            "Drafted: the plan holds what the element needs; started: some of it; missing: none of it. The rules are in docs/READINESS.md."
                .into(),
        ),
        table("readiness", &["Element", "Applies", "State", "Fed by", "Gaps"], rows),
    ];
    Part { key: PartKey::Readiness, title: format!("{TITLE}: {product}"), orientation: Orientation::Landscape, blocks }
}

fn coverage_part(plan: &Plan) -> Part {
    let rows = coverage(plan)
        .iter()
        .map(|c| {
            let controls: Vec<String> =
                c.controls.iter().map(|x| format!("{} {}", x.id, x.description.trim()).trim().to_string()).collect();
            let state = match c.reason {
                Some(reason) if c.controls.is_empty() => format!("Does not apply: {reason}"),
                _ => format!("{} ({})", c.state.label(), c.verification()),
            };
            vec![c.category.label().to_string(), dash(&controls.join("; ")), dash(&c.risks.join(", ")), state]
        })
        .collect();
    Part {
        key: PartKey::Coverage,
        title: "Security control categories".into(),
        orientation: Orientation::Portrait,
        blocks: vec![table("coverage", &["Category", "Controls", "Risks treated", "Verification"], rows)],
    }
}

fn views_part(plan: &Plan) -> Part {
    let rows = ViewKind::ALL
        .iter()
        .map(|v| {
            let a = plan.premarket.architecture.get(*v);
            vec![v.label().to_string(), dash(&a.shows), dash(&a.location), a.status.label().to_string()]
        })
        .collect();
    Part {
        key: PartKey::ArchitectureViews,
        title: "Architecture views".into(),
        orientation: Orientation::Portrait,
        blocks: vec![table("views", &["View", "What it shows", "Where it lives", "Status"], rows)],
    }
}
