//! The whole plan as one Markdown document (CommonMark with GFM tables), in
//! the order of the printed report.

use std::fmt::Write;

use super::{level, linked_needs, rating_words};
use crate::assess::{judge, zone_label, NOT_RATED};
use crate::deliverables::deliverables;
use crate::model::{Acceptance, ChecklistItem, Plan, RiskEntry, Scope, MANAGEMENT_SECTIONS};
use crate::presets::IMPACT_QUESTIONS;

/// Make user text inert in Markdown, escaping only what could be read as
/// markup, so the file still reads, diffs and greps as the plan's words
/// ("R-001", "2026-11-23T22:35" stay as they are). Escaped everywhere:
/// code, emphasis, links and images, HTML, table pipes, strikethrough,
/// character references (`&` before a name), mentions and e-mail links
/// (`@`), bare-URL autolinks (`http://`, `www.`), a backslash that would
/// escape, and `$` where two could open maths. At the start of the text
/// (where a block begins): headings, quotes, list markers and setext or
/// thematic lines. Line breaks become spaces, so one value stays one
/// paragraph or one table cell.
pub fn escape_markdown(text: &str) -> String {
    let chars: Vec<char> =
        text.chars().map(|c| if matches!(c, '\r' | '\n' | '\t') { ' ' } else { c }).filter(|c| !c.is_control()).collect();
    let lead = block_marker(&chars);
    let maths = chars.iter().filter(|&&c| c == '$').count() > 1;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = lead == Some(i)
            || match c {
                '`' | '*' | '[' | ']' | '<' | '|' | '~' | '@' => true,
                '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
                // An underscore between two letters or digits cannot emphasise (snake_case).
                '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
                '&' => is_reference(&chars[i + 1..]),
                '$' => maths,
                ':' => prev.is_some_and(|p| p.is_ascii_alphabetic()) && next == Some('/'),
                '.' => i >= 3 && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w')),
                _ => false,
            };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where text at the start of a line would begin a block: the position of
/// the character to escape (of "# ", ">", "- ", "---", "+ ", "===", or the
/// `.`/`)` of "1. ").
fn block_marker(chars: &[char]) -> Option<usize> {
    let first = chars.iter().position(|c| *c != ' ')?;
    let rest = &chars[first..];
    let spaced = |at: usize| rest.get(at).is_none_or(|c| *c == ' ');
    let only = |mark: char| rest.iter().all(|c| *c == mark || *c == ' ');
    let marks = rest.iter().take_while(|c| **c == rest[0]).count();
    let block = match rest[0] {
        '>' => true,
        '#' => marks <= 6 && spaced(marks),
        '-' => spaced(1) || only('-'),
        '+' => spaced(1),
        '=' => only('='),
        c if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 9 && matches!(rest.get(digits), Some('.' | ')')) && spaced(digits + 1) {
                return Some(first + digits);
            }
            false
        }
        _ => false,
    };
    block.then_some(first)
}

/// Whether text after an `&` completes a character reference (`amp;`, `#65;`).
fn is_reference(after: &[char]) -> bool {
    let body = after.strip_prefix(&['#']).unwrap_or(after);
    let name = body.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    (1..=32).contains(&name) && body.get(name) == Some(&';')
}

/// Escaped text, or an em dash where the team has written nothing yet.
fn text_or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        escape_markdown(text.trim())
    }
}

/// Free text that keeps its paragraphs: each line escaped on its own and
/// unindented (so none turns into a code block).
fn text_block(text: &str) -> String {
    if text.trim().is_empty() {
        return "—".into();
    }
    text.trim().lines().map(|l| escape_markdown(l.trim())).collect::<Vec<_>>().join("\n")
}

fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&line(row));
    }
    out.push('\n');
}

fn checklist(out: &mut String, title: &str, items: &[ChecklistItem]) {
    let _ = writeln!(out, "**{title}**\n");
    if items.is_empty() {
        out.push_str("None listed.\n\n");
        return;
    }
    for i in items {
        let _ = writeln!(out, "- [{}] {}", if i.done { "x" } else { " " }, escape_markdown(&i.label));
    }
    out.push('\n');
}

pub fn plan_markdown(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_markdown(&plan.name));
    let _ = writeln!(
        out,
        "Concept Phase plan (HSCC Joint Security Plan 2.0) for {}. Last edited {}.\n",
        text_or_dash(&plan.project.product),
        escape_markdown(&plan.updated_at)
    );
    document_control(&mut out, plan);
    project(&mut out, plan);
    stakeholders(&mut out, plan);
    management(&mut out, plan);
    criteria(&mut out, plan);
    register(&mut out, plan);
    roles(&mut out, plan);
    status(&mut out, plan);
    out
}

fn document_control(out: &mut String, plan: &Plan) {
    let d = &plan.document;
    out.push_str("## Document control\n\n");
    for (label, value) in
        [("Document id", &d.document_id), ("Revision", &d.revision), ("Author", &d.author), ("Workshop dates", &d.workshop_dates)]
    {
        let _ = writeln!(out, "- **{label}:** {}", text_or_dash(value));
    }
    out.push('\n');
    if d.attendees.is_empty() {
        return;
    }
    out.push_str("**Attendees**\n\n");
    let header = ["Name", "Organisation or function", "RACI role"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = d
        .attendees
        .iter()
        .map(|a| {
            let role = a.role_id.as_ref().and_then(|id| plan.roles.iter().find(|r| r.id == *id)).map_or("", |r| r.name.as_str());
            vec![escape_markdown(&a.name), text_or_dash(&a.organisation), text_or_dash(role)]
        })
        .collect();
    table(out, &header, &rows);
}

fn project(out: &mut String, plan: &Plan) {
    let p = &plan.project;
    out.push_str("## A.1 Release / change project planning\n\n");
    let _ = writeln!(out, "- **Product:** {}", text_or_dash(&p.product));
    let _ = writeln!(out, "- **Scope:** {}\n", p.scope.map_or("Not decided", |s| s.label()));
    let _ = writeln!(out, "{}\n", text_block(&p.description));
    checklist(out, "Inputs", &p.inputs);
    checklist(out, "Outputs", &p.outputs);
    // The CIA is the A.1 output only for a major addition or maintenance.
    if p.scope.is_some_and(Scope::needs_impact_assessment) && !p.change_impact.is_empty() {
        out.push_str("**Change Impact Assessment**\n\n");
        let rows: Vec<Vec<String>> = IMPACT_QUESTIONS
            .iter()
            .filter_map(|(id, q)| {
                let a = p.change_impact.iter().find(|a| a.question_id == *id)?;
                Some(vec![escape_markdown(q), a.answer.label().into(), text_or_dash(&a.note)])
            })
            .collect();
        table(out, &["Question".into(), "Answer".into(), "Note".into()], &rows);
    }
    out.push_str("**Security resources committed**\n\n");
    let r = &p.resources;
    let _ = writeln!(out, "- **Budget:** {}", text_or_dash(&r.budget));
    let _ = writeln!(out, "- **People:** {}", text_or_dash(&r.people));
    let _ = writeln!(out, "- **Activities:** {}\n", text_or_dash(&r.activities));
}

fn stakeholders(out: &mut String, plan: &Plan) {
    out.push_str("## A.2 Voice of the customer: stakeholder security needs\n\n");
    if plan.needs.is_empty() || plan.stakeholders.is_empty() {
        let _ = writeln!(out, "{} stakeholders, {} security needs.\n", plan.stakeholders.len(), plan.needs.len());
    }
    if plan.stakeholders.len() > super::WIDE_MATRIX {
        for n in &plan.needs {
            let (critical, relevant) = plan.holders(&n.id);
            let names = |v: Vec<&str>| {
                if v.is_empty() {
                    "—".to_string()
                } else {
                    v.iter().map(|s| escape_markdown(s)).collect::<Vec<_>>().join(", ")
                }
            };
            let user_need = text_or_dash(&n.user_need_ids.join(", "));
            let _ = writeln!(
                out,
                "- **{}** (user need {user_need}). Critical for: {}. Relevant for: {}.",
                escape_markdown(&n.text),
                names(critical),
                names(relevant)
            );
        }
        out.push('\n');
        user_needs(out, plan);
        return;
    }
    let index = plan.relevance_index();
    let mut header = vec!["Security need".to_string(), "User need".to_string()];
    header.extend(plan.stakeholders.iter().map(|s| escape_markdown(&s.name)));
    let rows: Vec<Vec<String>> = plan
        .needs
        .iter()
        .map(|n| {
            let mut row = vec![escape_markdown(&n.text), text_or_dash(&n.user_need_ids.join(", "))];
            row.extend(plan.stakeholders.iter().map(|s| index.get(&(s.id.as_str(), n.id.as_str())).map_or("", |r| r.label()).into()));
            row
        })
        .collect();
    if !rows.is_empty() {
        table(out, &header, &rows);
    }
    user_needs(out, plan);
}

fn user_needs(out: &mut String, plan: &Plan) {
    if plan.user_needs.is_empty() {
        return;
    }
    out.push_str("### User needs\n\n");
    let header = ["User need", "Text", "Security needs folded in"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = plan
        .user_needs
        .iter()
        .map(|u| {
            let folded = crate::trace::needs_folded_into(plan, &u.id);
            vec![escape_markdown(&u.id), text_or_dash(&u.text), text_or_dash(&folded.join("; "))]
        })
        .collect();
    table(out, &header, &rows);
}

fn management(out: &mut String, plan: &Plan) {
    out.push_str("## A.3 Security management plan\n\n");
    let section = |out: &mut String, i: usize| {
        let s = &MANAGEMENT_SECTIONS[i];
        let _ = writeln!(out, "### {}\n\n{}\n", s.label, text_block(plan.text(s.field)));
    };
    (0..3).for_each(|i| section(out, i));
    let sbom = &plan.management.sbom;
    let formats: Vec<&str> = sbom.formats.iter().map(|f| f.label()).collect();
    out.push_str("### SBOM approach\n\n");
    let _ = writeln!(out, "- **Formats:** {}", if formats.is_empty() { "—".into() } else { formats.join(", ") });
    let _ = writeln!(out, "- **Generated:** {}", text_or_dash(&sbom.generated_when));
    let _ = writeln!(out, "- **Owner:** {}\n", text_or_dash(&sbom.owner));
    (3..MANAGEMENT_SECTIONS.len()).for_each(|i| section(out, i));
}

fn criteria(out: &mut String, plan: &Plan) {
    let c = &plan.criteria;
    out.push_str("## A.3 Risk acceptability criteria\n\n");
    let mut header = vec![format!("{} / severity", c.axis.label())];
    header.extend((1..=c.severity_levels.len() as u8).map(|s| escape_markdown(&level(&c.severity_levels, s))));
    // Highest likelihood first, as the grid is drawn.
    let rows: Vec<Vec<String>> = (1..=c.likelihood_levels.len() as u8)
        .rev()
        .map(|l| {
            let mut row = vec![escape_markdown(&level(&c.likelihood_levels, l))];
            row.extend(c.zones[usize::from(l) - 1].iter().map(|z| z.label().to_string()));
            row
        })
        .collect();
    table(out, &header, &rows);
}

fn register(out: &mut String, plan: &Plan) {
    let c = &plan.criteria;
    out.push_str("## Risk register\n\n");
    if plan.risks.is_empty() {
        out.push_str("No entries yet.\n\n");
        return;
    }
    let header: Vec<String> = [
        "ID",
        "Asset or function",
        "Threat or vulnerability",
        "Initial",
        "Treatment",
        "Controls",
        "Residual",
        "Acceptability",
        "Needs",
        "Owner",
        "Status",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = plan
        .risks
        .iter()
        .map(|r| {
            let j = judge(r, c);
            vec![
                escape_markdown(&r.id),
                text_or_dash(&r.asset),
                text_or_dash(&r.threat),
                match r.initial {
                    Some(x) => escape_markdown(&format!("{} ({})", rating_words(c, x), zone_label(j.initial))),
                    None => NOT_RATED.into(),
                },
                r.treatment.map_or("Not decided", |t| t.label()).into(),
                text_or_dash(&crate::trace::controls_text(plan, r)),
                r.residual.map_or("Not assessed".into(), |x| escape_markdown(&rating_words(c, x))),
                zone_label(j.current()).into(),
                text_or_dash(&linked_needs(plan, &r.need_ids).join("; ")),
                text_or_dash(&r.owner),
                r.status.label().into(),
            ]
        })
        .collect();
    table(out, &header, &rows);
    acceptances(out, plan);
    controls(out, plan);
    traceability(out, plan);
}

fn acceptances(out: &mut String, plan: &Plan) {
    let accepted: Vec<&RiskEntry> = plan.risks.iter().filter(|r| r.acceptance != Acceptance::default()).collect();
    if accepted.is_empty() {
        return;
    }
    out.push_str("### Acceptance of residual risks\n\n");
    let header = ["Risk", "Benefit-risk rationale", "Accepted by", "Accepted on"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = accepted
        .iter()
        .map(|r| {
            let a = &r.acceptance;
            vec![escape_markdown(&r.id), text_or_dash(&a.rationale), text_or_dash(&a.approver), text_or_dash(&a.date)]
        })
        .collect();
    table(out, &header, &rows);
}

fn controls(out: &mut String, plan: &Plan) {
    if plan.controls.is_empty() {
        return;
    }
    out.push_str("### Risk controls\n\n");
    let header = ["Control", "Description", "Kind", "Status", "Verification", "Used by"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = plan
        .controls
        .iter()
        .map(|c| {
            let used = crate::trace::risks_using(plan, &c.id);
            vec![
                escape_markdown(&c.id),
                text_or_dash(&c.description),
                c.kind.label().into(),
                c.status.label().into(),
                text_or_dash(&c.verification),
                text_or_dash(&used.join(", ")),
            ]
        })
        .collect();
    table(out, &header, &rows);
}

fn traceability(out: &mut String, plan: &Plan) {
    if plan.needs.is_empty() && plan.risks.is_empty() {
        return;
    }
    out.push_str("### Traceability\n\n");
    let header = ["Stakeholder need", "Critical", "User need", "Risk", "Control", "Verification"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = crate::trace::rows(plan)
        .into_iter()
        .map(|r| {
            let control = r.control_label();
            vec![
                text_or_dash(r.need_label()),
                if r.critical { "Critical".into() } else { String::new() },
                text_or_dash(&r.user_need),
                text_or_dash(&r.risk_id),
                text_or_dash(&control),
                text_or_dash(&r.verification),
            ]
        })
        .collect();
    table(out, &header, &rows);
}

fn roles(out: &mut String, plan: &Plan) {
    out.push_str("## Who is in the room (RACI)\n\n");
    if plan.roles.is_empty() || plan.activities.is_empty() {
        out.push_str("No roles or activities yet.\n\n");
        return;
    }
    let mut header = vec!["Role".to_string()];
    header.extend(plan.activities.iter().map(|a| escape_markdown(&a.name)));
    let rows: Vec<Vec<String>> = plan
        .roles
        .iter()
        .map(|r| {
            let mut row = vec![escape_markdown(&r.name)];
            row.extend(plan.activities.iter().map(|a| plan.raci_value(&r.id, &a.id).map_or("", |v| v.letter()).into()));
            row
        })
        .collect();
    table(out, &header, &rows);
    out.push_str("R: responsible, A: accountable, C: consulted, I: informed.\n\n");
}

fn status(out: &mut String, plan: &Plan) {
    out.push_str("## Deliverables status\n\n");
    for d in deliverables(plan) {
        let _ = writeln!(out, "- **{}:** {}", d.title, d.status.label());
        for g in &d.gaps {
            let _ = writeln!(out, "  - {}", escape_markdown(&g.text));
        }
    }
    out.push('\n');
}
