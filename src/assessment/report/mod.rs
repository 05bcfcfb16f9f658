//! The assessment's report as the shared, format-neutral
//! [`crate::report::Document`]: what it says is decided here, once, and the
//! printed view, Markdown ([`crate::report::markdown`]) and Word
//! ([`crate::report::docx`]) only render it.
//!
//! The parts, in order: the cover (a [`PartKey::Cover`], so every renderer
//! treats it as the title page), the levels and their meaning, the heatmap,
//! the scores by component (also the table behind the chart, see
//! [`super::chart`]), the gaps, the roadmap, the progress since a baseline
//! (only when one is given), and each activity's owner and evidence.
//!
//! Numbers come from [`super::score`] and [`super::roadmap`]; nothing is
//! recomputed here. Colour is only ever a hint ([`Tone`]): every cell says
//! its levels in words, so the report reads the same in black and white.
//!
//! - this file: the document, its properties, the cover, levels and scores.
//! - `heatmap`: the heatmap (and its brief form for the projector) and the
//!   activities' owners and evidence.
//! - `plan`: the gaps and the roadmap.
//! - `progress`: the changes since a baseline.

mod heatmap;
mod plan;
mod progress;

pub use heatmap::{brief as brief_heatmap, brief_text, BriefRow, BRIEF_LEGEND};

use super::level::{label, LEVELS};
use super::score::{component_scores, Score};
use super::Assessment;
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Properties, Table, Tone};

/// How a missing level reads in every output.
pub const NOT_SCORED: &str = "Not scored";
/// How an activity marked not applicable reads.
pub const NOT_APPLICABLE: &str = "Not applicable";

/// The line above the cover's title.
pub const KICKER: &str = "HSCC Joint Security Plan 2.0 · Maturity self-assessment";

/// The report's parts when there is no baseline, in order.
pub const PARTS: &[PartKey] =
    &[PartKey::Cover, PartKey::Levels, PartKey::Heatmap, PartKey::Scores, PartKey::Gaps, PartKey::Roadmap, PartKey::Activities];

/// The report of `a`; with a `baseline` (an earlier assessment), a part on
/// the progress made since it, after the roadmap.
pub fn document(a: &Assessment, baseline: Option<&Assessment>) -> Document {
    let mut parts = vec![cover(a), levels(), heatmap::part(a), scores(a), plan::gaps(a), plan::roadmap(a)];
    parts.extend(baseline.map(|b| progress::part(b, a)));
    parts.push(heatmap::activities(a));
    Document { properties: properties(a), parts }
}

fn properties(a: &Assessment) -> Properties {
    let title = title(a);
    let mut footer: String = title.chars().filter(|c| !c.is_control()).collect();
    if !a.assessed_on.trim().is_empty() {
        footer.push_str(", assessed ");
        footer.extend(a.assessed_on.trim().chars().filter(|c| !c.is_control()));
    }
    Properties {
        title,
        subject: KICKER.into(),
        author: a.organisation.trim().to_string(),
        document_id: a.id.trim().to_string(),
        revision: String::new(),
        footer,
    }
}

/// The assessment's name, or what it is when it has none.
fn title(a: &Assessment) -> String {
    match a.name.trim() {
        "" => "Maturity assessment".into(),
        name => name.into(),
    }
}

fn cover(a: &Assessment) -> Part {
    let scores = component_scores(a);
    let applicable: usize = scores.iter().map(|s| s.applicable).sum();
    let scored: usize = scores.iter().map(|s| s.scored).sum();
    let not_applicable = super::framework::activities().count() - applicable;
    let mut facts = vec![("Organisation".to_string(), or_dash(&a.organisation)), ("Assessed on".to_string(), or_dash(&a.assessed_on))];
    if let Some(plan) = &a.plan_id {
        facts.push(("Linked plan".into(), or_dash(plan)));
    }
    facts.push(("Activities scored".into(), format!("{scored} of {applicable} that apply ({not_applicable} not applicable)")));
    let blocks = vec![
        Block::Kicker(KICKER.into()),
        Block::Facts(facts),
        Block::Paragraph(
            "Every activity of the JSP is scored from 0 to 5 (see “Levels”), today and as a target. A component’s score is the \
             mean of its applicable, scored activities; an activity not yet scored is unknown, not 0."
                .into(),
        ),
    ];
    new_part(PartKey::Cover, &title(a), Orientation::Portrait, blocks)
}

fn levels() -> Part {
    let rows = LEVELS.iter().map(|l| vec![Cell::row_header(l.value.to_string()), Cell::text(l.name), Cell::text(l.definition)]).collect();
    new_part(PartKey::Levels, "Levels", Orientation::Portrait, vec![table("levels", &["Level", "Name", "Meaning"], rows)])
}

/// Each component's mean levels: also the chart's table alternative.
fn scores(a: &Assessment) -> Part {
    let rows = component_scores(a)
        .into_iter()
        .map(|s| {
            vec![
                Cell::row_header(s.component.name),
                Cell::text(score_text(s.current)),
                Cell::text(score_text(s.target)),
                Cell::text(format!("{} of {}", s.scored, s.applicable)),
            ]
        })
        .collect();
    let blocks = vec![
        Block::Paragraph(
            "The mean current and target level of each component’s applicable activities, from 0 to 5; “Not scored” where \
             none has a level yet."
                .into(),
        ),
        table("scores", &["Component", "Current", "Target", "Activities scored"], rows),
    ];
    new_part(PartKey::Scores, "Scores by component", Orientation::Portrait, blocks)
}

// ---- helpers the parts share ----

fn new_part(key: PartKey, title: &str, orientation: Orientation, blocks: Vec<Block>) -> Part {
    Part { key, title: title.into(), orientation, blocks }
}

fn heading(text: &str) -> Block {
    Block::Heading { level: 2, text: text.into() }
}

fn table(kind: &'static str, header: &[&str], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(Table { kind, header: header.iter().map(|h| h.to_string()).collect(), rows })
}

/// The text, trimmed, or an em dash where nothing is written (as the plan's report).
fn or_dash(text: &str) -> String {
    match text.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

/// "2 – Managed", or "Not scored".
fn level_text(level: Option<u8>) -> String {
    level.map_or_else(|| NOT_SCORED.to_string(), label)
}

/// "2.3", or "Not scored".
fn score_text(score: Option<Score>) -> String {
    score.map_or_else(|| NOT_SCORED.to_string(), |s| s.display())
}

/// A cell with a colour hint; its words must say the same.
fn toned(strong: impl Into<String>, text: impl Into<String>, tone: Tone) -> Cell {
    Cell { strong: strong.into(), text: text.into(), row_header: false, tone }
}
