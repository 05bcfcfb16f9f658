//! A.3 Security management plan: its sections in the JSP's order, with the
//! SBOM approach after the third.

use super::{facts, heading, new_part, or_dash};
use crate::plan::model::{Plan, PlanText, MANAGEMENT_SECTIONS};
use crate::report::{Block, Orientation, Part, PartKey};

/// The SBOM approach comes after this many text sections, as in the JSP.
const SBOM_AFTER: usize = 3;

pub(super) fn part(plan: &Plan) -> Part {
    let section = |s: &crate::plan::model::TextSection| {
        let mut blocks = vec![heading(s.label), Block::Paragraph(or_dash(plan.text(s.field)))];
        // Where vulnerabilities are reported, with the disclosure (format version 7).
        if s.field == PlanText::Disclosure {
            blocks.push(facts(&[("Disclosure contact", &plan.management.disclosure_contact)]));
        }
        blocks
    };
    let (before, after) = MANAGEMENT_SECTIONS.split_at(SBOM_AFTER);
    let mut blocks: Vec<Block> = before.iter().flat_map(section).collect();
    let sbom = &plan.management.sbom;
    let formats = sbom.formats.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
    blocks.push(heading("SBOM approach"));
    blocks.push(facts(&[
        ("Formats", &formats),
        ("Generated", &sbom.generated_when),
        ("Owner", &sbom.owner),
        ("How customers get it", &sbom.customer_access),
    ]));
    blocks.extend(after.iter().flat_map(section));
    new_part(PartKey::Management, "A.3 Security management plan", Orientation::Portrait, blocks)
}
