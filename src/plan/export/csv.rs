//! RFC 4180 CSV (CRLF line ends, quotes where needed) with a UTF-8 byte order
//! mark so Excel reads accents and dashes right; LibreOffice ignores it.

use super::{level, linked_needs};
use crate::plan::model::{Plan, Zone};
use crate::plan::risk::{judge, zone_label, NOT_RATED};

const BOM: &str = "\u{feff}";

/// Defuse formula injection: a cell a spreadsheet would evaluate (starting
/// with = + - @, or a tab or carriage return that may hide one) gets a
/// leading apostrophe, which shows it as the text it is (OWASP's advice).
pub fn safe_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

pub(crate) fn to_csv(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, &safe_cell(cell));
        }
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180: a field holding a comma, a quote, CR or LF is quoted and its
/// quotes doubled; others are written as they are. Written here rather than
/// with the csv crate, whose reader and error types added at least 16 kB gzip
/// to the wasm; the tests read our output back with that crate.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn zone(z: Option<Zone>) -> String {
    z.map_or(String::new(), |z| z.label().to_string())
}

/// The risk register, one entry per row, with its judgement against the criteria.
pub fn register_csv(plan: &Plan) -> String {
    let c = &plan.criteria;
    let axis = c.axis.label();
    let header = [
        "ID".to_string(),
        "Asset or function".into(),
        "Threat or vulnerability".into(),
        format!("Initial {}", axis.to_lowercase()),
        "Initial severity".into(),
        "Initial zone".into(),
        "Treatment".into(),
        "Controls".into(),
        "Control notes".into(),
        format!("Residual {}", axis.to_lowercase()),
        "Residual severity".into(),
        "Residual zone".into(),
        "Acceptability".into(),
        "Linked stakeholder needs".into(),
        "Owner".into(),
        "Status".into(),
        "Acceptance rationale".into(),
        "Accepted by".into(),
        "Accepted on".into(),
    ];
    let mut rows = vec![header.to_vec()];
    let links = crate::plan::trace::Links::new(plan);
    for r in &plan.risks {
        let j = judge(r, c);
        rows.push(vec![
            r.id.clone(),
            r.asset.clone(),
            r.threat.clone(),
            r.initial.map_or(String::new(), |x| level(&c.likelihood_levels, x.likelihood)),
            r.initial.map_or(String::new(), |x| level(&c.severity_levels, x.severity)),
            if r.initial.is_some() { zone(j.initial) } else { NOT_RATED.into() },
            r.treatment.map_or(String::new(), |t| t.label().to_string()),
            links.controls_of(r).iter().map(|c| format!("{} {}", c.id, c.description)).collect::<Vec<_>>().join("; "),
            r.controls.clone(),
            r.residual.map_or(String::new(), |x| level(&c.likelihood_levels, x.likelihood)),
            r.residual.map_or(String::new(), |x| level(&c.severity_levels, x.severity)),
            zone(j.residual),
            zone_label(j.current()).into(),
            linked_needs(plan, &r.need_ids).join("; "),
            r.owner.clone(),
            r.status.label().to_string(),
            r.acceptance.rationale.clone(),
            r.acceptance.approver.clone(),
            r.acceptance.date.clone(),
        ]);
    }
    to_csv(rows)
}

/// The stakeholder-needs matrix: a row per need, a column per stakeholder,
/// each cell the relevance ("Relevant", "Critical") or empty for none.
pub fn matrix_csv(plan: &Plan) -> String {
    let index = plan.relevance_index();
    let mut header = vec!["Need id".to_string(), "Security need".to_string(), "Folded into user need".to_string()];
    header.extend(plan.stakeholders.iter().map(|s| s.name.clone()));
    let mut rows = vec![header];
    for n in &plan.needs {
        let mut row = vec![n.id.clone(), n.text.clone(), n.user_need_ids.join(", ")];
        row.extend(
            plan.stakeholders.iter().map(|s| index.get(&(s.id.as_str(), n.id.as_str())).map_or(String::new(), |r| r.label().to_string())),
        );
        rows.push(row);
    }
    to_csv(rows)
}

/// The traceability table (see [`crate::plan::trace::rows`]): stakeholder need,
/// user need, risk, control and its verification, one chain per row.
pub fn trace_csv(plan: &Plan) -> String {
    let header = ["Need id", "Security need", "Critical", "User need", "Risk", "Control", "Control description", "Verification"];
    let mut rows = vec![header.map(String::from).to_vec()];
    for r in crate::plan::trace::rows(plan) {
        let critical = if r.critical { "Critical" } else { "" };
        rows.push(vec![r.need_id, r.need, critical.into(), r.user_need, r.risk_id, r.control_id, r.control, r.verification]);
    }
    to_csv(rows)
}

/// The component register, one component per row: what FDA asks of each
/// (supplier, level of support, end of support) and how the team watches it.
pub fn components_csv(plan: &Plan) -> String {
    let header = [
        "ID",
        "Name",
        "Version",
        "Group",
        "Supplier",
        "Kind",
        "Licence",
        "Package URL",
        "CPE",
        "Level of support",
        "End of support",
        "End of life",
        "Monitored in",
        "How often",
        "Who monitors it",
        "Linked risks",
        "Notes",
        "SBOM reference",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    for c in &plan.components {
        rows.push(vec![
            c.id.clone(),
            c.name.clone(),
            c.version.clone(),
            c.group.clone(),
            c.supplier.clone(),
            c.kind.label().into(),
            c.licence.clone(),
            c.purl.clone(),
            c.cpe.clone(),
            c.support.label().into(),
            c.end_of_support.clone(),
            c.end_of_life.clone(),
            c.monitoring.source.clone(),
            c.monitoring.frequency.clone(),
            c.monitoring.who.clone(),
            c.risk_ids.join("; "),
            c.notes.clone(),
            c.sbom_ref.clone(),
        ]);
    }
    to_csv(rows)
}
