//! Third-party components: the support table FDA asks for (component,
//! version, supplier, level of support, end of support) with how the team
//! monitors each, under the product's planned end of support and a count of
//! what needs attention.

use super::{facts, heading, new_part, or_dash, table};
use crate::common::words::count;
use crate::plan::model::{ComponentFilter, Plan};
use crate::report::{Block, Orientation, Part, PartKey};

pub(super) fn part(plan: &Plan) -> Part {
    let end = plan.project.end_of_support.as_str();
    let mut blocks = vec![facts(&[("Product's planned end of support", end)])];
    if plan.components.is_empty() {
        blocks.push(Block::Paragraph("No components in the register yet.".into()));
        return new_part(PartKey::Components, "Third-party components", Orientation::Landscape, blocks);
    }
    let n = |filter| plan.filtered_components(filter).len();
    let mut attention = vec![
        format!("{} with support not known", count(n(ComponentFilter::UnknownSupport), "component")),
        format!("{} no longer maintained or abandoned", n(ComponentFilter::Unsupported)),
    ];
    if !end.is_empty() {
        attention.push(format!("{} whose support ends before the product’s", n(ComponentFilter::EndsBeforeProduct)));
    }
    blocks.push(Block::Paragraph(format!("{} in the register: {}.", count(plan.components.len(), "component"), attention.join(", "))));
    let rows = plan
        .components
        .iter()
        .map(|c| {
            let m = &c.monitoring;
            let monitoring: Vec<&str> = [m.source.trim(), m.frequency.trim(), m.who.trim()].into_iter().filter(|s| !s.is_empty()).collect();
            let name = if c.group.trim().is_empty() { c.name.trim().to_string() } else { format!("{}/{}", c.group.trim(), c.name.trim()) };
            vec![
                format!("{} {name}", c.id),
                or_dash(&c.version),
                or_dash(&c.supplier),
                c.support.label().into(),
                or_dash(&c.end_of_support),
                or_dash(&monitoring.join("; ")),
            ]
        })
        .collect();
    blocks.push(heading("Support and monitoring"));
    blocks.push(table("components", &["Component", "Version", "Supplier", "Level of support", "End of support", "Monitoring"], rows));
    new_part(PartKey::Components, "Third-party components", Orientation::Landscape, blocks)
}
