//! The customer security summary: one or two pages a hospital buyer and
//! sales can hand out, answering what buyers ask (the Concept Phase
//! article): can the device be updated, how are vulnerabilities handled and
//! whom do we tell, is there an SBOM, what must we do to operate it
//! securely, how long is it supported. Built from the plan as a
//! report-model document, so print/PDF, Markdown and Word come free; it
//! carries the document control block as the plan report does.
//!
//! Where the plan holds nothing yet the summary says so ("Not decided
//! yet."), so a draft never reads as a promise.

use super::filled;
use crate::plan::model::{ControlKind, Plan, SecurityCategory};
use crate::report::{Block, Document, Item, Orientation, Part, PartKey, Properties};

/// The title of the document.
pub const TITLE: &str = "Customer security summary";

const NOT_DECIDED: &str = "Not decided yet.";

/// The summary of `plan`: one part, portrait.
pub fn report(plan: &Plan) -> Document {
    let m = &plan.management;
    let d = &plan.document;
    let product = or(&plan.project.product, plan.name.trim());
    let mut blocks = vec![
        Block::Kicker("Security information for hospitals and buyers".into()),
        Block::Heading { level: 2, text: "Document control".into() },
        Block::Facts(vec![
            ("Product".into(), product.clone()),
            ("Document id".into(), or(&d.document_id, "—")),
            ("Revision".into(), or(&d.revision, "—")),
            ("Author".into(), or(&d.author, "—")),
            ("Date".into(), plan.updated_at.get(..10).unwrap_or(&plan.updated_at).to_string()),
        ]),
    ];

    blocks.push(heading("How the device is updated and rolled back"));
    blocks.push(paragraph(&m.update_and_rollback));
    let updates = controls_in(plan, SecurityCategory::FirmwareAndSoftwareUpdates);
    if !updates.is_empty() {
        blocks.push(Block::List(updates));
    }

    blocks.push(heading("How vulnerabilities are monitored and disclosed"));
    blocks.push(Block::Facts(vec![
        ("Report a vulnerability to".into(), or(&m.disclosure_contact, NOT_DECIDED)),
        ("Monitoring of third-party components".into(), or(&m.third_party_monitoring, NOT_DECIDED)),
        ("Coordinated vulnerability disclosure".into(), or(&m.vulnerability_disclosure, NOT_DECIDED)),
    ]));

    blocks.push(heading("Software bill of materials (SBOM)"));
    let formats: Vec<&str> = m.sbom.formats.iter().map(|f| f.label()).collect();
    let available = if filled(&m.sbom.customer_access) { format!("Yes: {}", m.sbom.customer_access.trim()) } else { NOT_DECIDED.into() };
    blocks.push(Block::Facts(vec![
        ("Available".into(), available),
        ("Format".into(), if formats.is_empty() { NOT_DECIDED.into() } else { formats.join(", ") }),
        ("Updated".into(), or(&m.sbom.generated_when, NOT_DECIDED)),
    ]));

    blocks.push(heading("What the hospital must do to operate it securely"));
    let labelling: Vec<Item> = plan
        .controls
        .iter()
        .filter(|c| c.kind == ControlKind::Labelling && filled(&c.description))
        .map(|c| Item { strong: String::new(), text: c.description.trim().to_string() })
        .collect();
    if labelling.is_empty() {
        blocks.push(Block::Paragraph("The instructions for use will say; the plan records no labelling control yet.".into()));
    } else {
        blocks.push(Block::List(labelling));
    }
    let needs = hospital_needs(plan);
    if !needs.is_empty() {
        blocks.push(Block::Heading { level: 3, text: "What hospital IT asked for, and how the product answers".into() });
        blocks.push(Block::List(needs));
    }

    blocks.push(heading("Support horizon"));
    blocks.push(Block::Paragraph(match plan.project.end_of_support.trim() {
        "" => "The planned end of support is not decided yet.".into(),
        date => format!("Security updates are planned until {date}."),
    }));

    Document {
        properties: Properties {
            title: format!("{TITLE}: {product}"),
            subject: TITLE.into(),
            author: d.author.trim().to_string(),
            document_id: d.document_id.trim().to_string(),
            revision: d.revision.trim().to_string(),
            footer: format!("{} · {TITLE}", crate::plan::export::page_footer(plan)),
        },
        parts: vec![Part {
            key: PartKey::CustomerSummary,
            title: format!("{TITLE}: {product}"),
            orientation: Orientation::Portrait,
            blocks,
        }],
    }
}

fn heading(text: &str) -> Block {
    Block::Heading { level: 2, text: text.into() }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(or(text, NOT_DECIDED))
}

fn or(text: &str, otherwise: &str) -> String {
    match text.trim() {
        "" => otherwise.to_string(),
        t => t.to_string(),
    }
}

/// The controls of a category, by description.
fn controls_in(plan: &Plan, category: SecurityCategory) -> Vec<Item> {
    plan.controls
        .iter()
        .filter(|c| c.categories.contains(&category) && filled(&c.description))
        .map(|c| Item { strong: String::new(), text: c.description.trim().to_string() })
        .collect()
}

/// Whether a stakeholder group is the hospital's IT (the preset group, or
/// one the team named so).
fn is_hospital_it(id: &str, name: &str) -> bool {
    let name = name.to_lowercase();
    id == "sh-hospital-it" || name.contains("hospital") || name.contains("hdo") || name.contains("healthcare delivery")
}

/// The needs hospital IT holds, each with the controls that answer it
/// (through the risks that link the need).
fn hospital_needs(plan: &Plan) -> Vec<Item> {
    use std::collections::{HashMap, HashSet};
    let hdo: HashSet<&str> = plan.stakeholders.iter().filter(|s| is_hospital_it(&s.id, &s.name)).map(|s| s.id.as_str()).collect();
    let held: HashSet<&str> =
        plan.need_links.iter().filter(|l| hdo.contains(l.stakeholder_id.as_str())).map(|l| l.need_id.as_str()).collect();
    // Each held need's controls, through the risks that link it: one pass over the register.
    let mut controls_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in &plan.risks {
        for need in r.need_ids.iter().filter(|n| held.contains(n.as_str())) {
            controls_of.entry(need.as_str()).or_default().extend(r.control_ids.iter().map(String::as_str));
        }
    }
    plan.needs
        .iter()
        .filter(|n| held.contains(n.id.as_str()))
        .map(|n| {
            let linked = controls_of.get(n.id.as_str());
            let controls: Vec<&str> = plan
                .controls
                .iter()
                .filter(|c| linked.is_some_and(|l| l.contains(c.id.as_str())) && filled(&c.description))
                .map(|c| c.description.trim())
                .collect();
            let text = if controls.is_empty() {
                "being worked on.".to_string()
            } else {
                format!("{}.", controls.join("; ").trim_end_matches('.'))
            };
            Item { strong: format!("{}: ", n.text.trim()), text }
        })
        .collect()
}
