//! The assessment as Markdown (for a wiki or a management report) and as
//! CSV (one row per activity, for a spreadsheet or the MDIC benchmarking
//! survey). As with plans, user text is always text: Markdown escapes it
//! (`crate::export::escape_markdown`), CSV defuses formula-like cells
//! (`crate::export::safe_cell`, the plan's own rule).

use super::framework::{Component, COMPONENTS};
use super::level::{label, LEVELS};
use super::roadmap::{milestones_closing, roadmap, unplanned_gaps};
use super::score::{component_scores, gaps, progress, signed_tenths, Score};
use super::{framework, ActivityEntry, Assessment};
use crate::export::{escape_markdown as md, safe_cell};

/// How a missing level reads in every output.
pub const NOT_SCORED: &str = "Not scored";
/// How an activity marked not applicable reads.
pub const NOT_APPLICABLE: &str = "Not applicable";

fn level_text(level: Option<u8>) -> String {
    level.map_or_else(|| NOT_SCORED.to_string(), label)
}

fn score_text(score: Option<Score>) -> String {
    score.map_or_else(|| NOT_SCORED.to_string(), |s| s.display())
}

fn activity_name(id: &str) -> &str {
    framework::find(id).map_or(id, |(_, a)| a.name)
}

/// The whole assessment as one Markdown document; with a `baseline`, a
/// section on the progress made since it.
pub fn assessment_markdown(a: &Assessment, baseline: Option<&Assessment>) -> String {
    let mut out = String::new();
    let title = if a.name.trim().is_empty() { "Maturity assessment".to_string() } else { md(&a.name) };
    out.push_str(&format!("# {title}\n\n"));
    let mut facts = vec![format!("- Assessed on: {}", md(&a.assessed_on))];
    if !a.organisation.trim().is_empty() {
        facts.insert(0, format!("- Organisation: {}", md(&a.organisation)));
    }
    if let Some(plan) = &a.plan_id {
        facts.push(format!("- Linked plan: {}", md(plan)));
    }
    out.push_str(&facts.join("\n"));
    out.push_str(
        "\n\nLevels are 0 to 5 (see “Levels” at the end). A component’s score is the mean of its applicable, scored activities.\n",
    );

    out.push_str("\n## Scores by component\n\n| Component | Current | Target | Activities scored |\n|---|---|---|---|\n");
    for s in component_scores(a) {
        out.push_str(&format!(
            "| {} | {} | {} | {} of {} |\n",
            s.component.name,
            score_text(s.current),
            score_text(s.target),
            s.scored,
            s.applicable
        ));
    }

    out.push_str("\n## Activities\n");
    for c in COMPONENTS {
        component_section(&mut out, a, c);
    }

    gaps_section(&mut out, a);
    roadmap_section(&mut out, a);
    if let Some(b) = baseline {
        progress_section(&mut out, b, a);
    }

    out.push_str("\n## Levels\n\n| Level | Name | Meaning |\n|---|---|---|\n");
    for l in LEVELS {
        out.push_str(&format!("| {} | {} | {} |\n", l.value, l.name, l.definition));
    }
    out
}

fn component_section(out: &mut String, a: &Assessment, c: &Component) {
    out.push_str(&format!("\n### {}\n\n| Activity | Current | Target | Owner | Evidence |\n|---|---|---|---|---|\n", c.name));
    let blank = ActivityEntry::unscored("");
    let mut reasons = Vec::new();
    for act in c.activities {
        let e = a.entry(act.id).unwrap_or(&blank);
        let (current, target) = match &e.not_applicable {
            Some(reason) => {
                reasons.push(format!("- {}: {}", act.name, md(reason)));
                (NOT_APPLICABLE.to_string(), String::new())
            }
            None => (level_text(e.current), level_text(e.target)),
        };
        out.push_str(&format!("| {} | {current} | {target} | {} | {} |\n", act.name, md(&e.owner), md(&e.evidence)));
    }
    if !reasons.is_empty() {
        out.push_str(&format!("\nNot applicable, and why:\n\n{}\n", reasons.join("\n")));
    }
}

fn gaps_section(out: &mut String, a: &Assessment) {
    out.push_str("\n## Gaps, largest first\n\n");
    let list = gaps(a);
    if list.is_empty() {
        out.push_str("No applicable activity has a target above its current level.\n");
        return;
    }
    out.push_str("| Activity | Component | Current | Target | Gap | Closed by |\n|---|---|---|---|---|---|\n");
    for g in list {
        let by: Vec<String> = milestones_closing(a, g.activity.id).iter().map(|m| format!("{} ({})", md(&m.name), m.date)).collect();
        let by = if by.is_empty() { "No milestone yet".to_string() } else { by.join("; ") };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {by} |\n",
            g.activity.name,
            g.component.name,
            label(g.current),
            label(g.target),
            g.size()
        ));
    }
}

fn roadmap_section(out: &mut String, a: &Assessment) {
    out.push_str("\n## Roadmap\n");
    let groups = roadmap(a);
    if groups.is_empty() {
        out.push_str("\nNo phases or milestones yet.\n");
    }
    for g in &groups {
        let name = g.phase.map_or_else(|| "Milestones without a phase".to_string(), |p| md(&p.name));
        let span =
            g.span().map_or(String::new(), |(from, to)| if from == to { format!(" ({from})") } else { format!(" ({from} to {to})") });
        out.push_str(&format!("\n### {name}{span}\n\n"));
        if let Some(goal) = g.phase.map(|p| p.goal.trim()).filter(|goal| !goal.is_empty()) {
            out.push_str(&format!("{}\n\n", md(goal)));
        }
        if g.milestones.is_empty() {
            out.push_str("No milestones yet.\n");
        }
        for m in &g.milestones {
            let closes: Vec<&str> = m.closes.iter().map(|id| activity_name(id)).collect();
            let closes = if closes.is_empty() { String::new() } else { format!(": closes {}", closes.join(", ")) };
            out.push_str(&format!("- {} {}{closes}\n", m.date, md(&m.name)));
        }
    }
    let unplanned = unplanned_gaps(a);
    if !unplanned.is_empty() {
        let names: Vec<&str> = unplanned.iter().map(|g| g.activity.name).collect();
        out.push_str(&format!("\nGaps no milestone closes yet: {}.\n", names.join(", ")));
    }
}

fn progress_section(out: &mut String, baseline: &Assessment, a: &Assessment) {
    let p = progress(baseline, a);
    out.push_str(&format!("\n## Progress since {} ({})\n\n", md(&baseline.name), md(&baseline.assessed_on)));
    out.push_str("| Component | Before | Now | Change |\n|---|---|---|---|\n");
    for c in &p.components {
        let change = c.change_tenths().map_or(String::new(), signed_tenths);
        out.push_str(&format!("| {} | {} | {} | {change} |\n", c.component.name, score_text(c.before), score_text(c.after)));
    }
    let moved: Vec<_> = p.activities.iter().filter(|c| c.before != c.after).collect();
    if moved.is_empty() {
        out.push_str("\nNo activity’s level changed.\n");
        return;
    }
    out.push_str("\n| Activity | Before | Now | Change |\n|---|---|---|---|\n");
    for c in moved {
        let change = c.change().map_or(String::new(), |d| if d > 0 { format!("+{d}") } else { d.to_string() });
        out.push_str(&format!("| {} | {} | {} | {change} |\n", c.activity.name, level_text(c.before), level_text(c.after)));
    }
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
