//! The geometry of the current-vs-target chart, worked out here so it is
//! tested natively; the view only draws it as SVG (a `<rect>` per [`Bar`],
//! a `<text>` per [`Label`], a `<line>` per [`Tick`]) in a viewBox of
//! [`WIDTH`] by [`Chart::height`].
//!
//! One row per component, in framework order: its name, a bar for the mean
//! current level and a thinner one for the mean target, on a 0–5 scale.
//! Every value is also written beside its bar ("Current 2.3"), and a
//! component with nothing scored has no bar but says so, so the chart reads
//! without colour and on paper. The same numbers, as a table, are the
//! report's "Scores by component" ([`super::report`]).
//!
//! Coordinates are SVG user units: x to the right, y down; a label's `y` is
//! its text baseline.

use super::level::MAX_LEVEL;
use super::score::{component_scores, Score};
use super::Assessment;

/// The viewBox's width.
pub const WIDTH: f32 = 640.0;
/// Where the scale's 0 sits.
pub const PLOT_LEFT: f32 = 16.0;
/// Where the scale's 5 sits; the space to its right holds the value labels.
pub const PLOT_RIGHT: f32 = 536.0;
/// The height of one component's row.
pub const ROW_HEIGHT: f32 = 60.0;
/// Space above the first row.
const TOP: f32 = 8.0;
/// The current level's bar, and the target's (thinner, so the two differ by
/// shape as well as by colour).
const CURRENT_HEIGHT: f32 = 14.0;
const TARGET_HEIGHT: f32 = 8.0;
/// From a bar's end to its value label.
const LABEL_GAP: f32 = 6.0;
/// From a bar's middle to the baseline of text centred on it (12px text).
const TEXT_DROP: f32 = 4.0;

/// The whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f32,
    pub height: f32,
    /// For the SVG's `<title>`.
    pub title: String,
    /// For the SVG's `<desc>`: how to read it.
    pub description: String,
    /// 0 to 5: a grid line across every row and its label below.
    pub ticks: Vec<Tick>,
    pub rows: Vec<Row>,
    /// What the scale measures, under the tick labels.
    pub caption: Label,
}

/// A mark of the scale: a vertical line from `y1` to `y2` at `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: u8,
    pub x: f32,
    pub y1: f32,
    pub y2: f32,
    pub label: Label,
}

/// One component's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub component_id: &'static str,
    /// The component's name, above its bars.
    pub label: Label,
    /// Its mean current level.
    pub current: Measure,
    /// Its mean target level.
    pub target: Measure,
}

/// One value of a row: its bar (none when nothing is scored) and the label
/// that writes it out ("Current 2.3", "Current: not scored").
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub bar: Option<Bar>,
    pub label: Label,
}

/// A bar from the scale's 0: `width` is in proportion to `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The mean level it shows, 0 to 5.
    pub value: f32,
}

/// A line of text; `y` is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub anchor: Anchor,
}

/// Where a label's `x` is on its text (SVG's `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The value of SVG's `text-anchor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The x of `value` on the scale.
pub fn x_of(value: f32) -> f32 {
    PLOT_LEFT + value.clamp(0.0, f32::from(MAX_LEVEL)) / f32::from(MAX_LEVEL) * (PLOT_RIGHT - PLOT_LEFT)
}

/// The chart of `a`'s component means, current against target.
pub fn chart(a: &Assessment) -> Chart {
    let scores = component_scores(a);
    let rows: Vec<Row> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let top = TOP + ROW_HEIGHT * i as f32;
            Row {
                component_id: s.component.id,
                label: Label { x: PLOT_LEFT, y: top + 14.0, text: s.component.name.into(), anchor: Anchor::Start },
                current: measure("Current", s.current, top + 20.0, CURRENT_HEIGHT),
                target: measure("Target", s.target, top + 38.0, TARGET_HEIGHT),
            }
        })
        .collect();
    let bottom = TOP + ROW_HEIGHT * rows.len() as f32;
    let ticks = (0..=MAX_LEVEL)
        .map(|value| {
            let x = x_of(f32::from(value));
            Tick { value, x, y1: TOP, y2: bottom, label: Label { x, y: bottom + 16.0, text: value.to_string(), anchor: Anchor::Middle } }
        })
        .collect();
    let caption = Label {
        x: (PLOT_LEFT + PLOT_RIGHT) / 2.0,
        y: bottom + 34.0,
        text: "Mean level, 0 (not performed) to 5 (continuously improved)".into(),
        anchor: Anchor::Middle,
    };
    Chart {
        width: WIDTH,
        height: bottom + 44.0,
        title: "Current and target level by component".into(),
        description: "For each component, a thick bar for the mean current level of its applicable, scored activities and \
                      a thin bar for their mean target, on a scale of 0 to 5; each value is written beside its bar."
            .into(),
        ticks,
        rows,
        caption,
    }
}

/// A bar at `y` for `score`, with its value written after it; or, with no
/// score, no bar and the words "not scored" where it would start.
fn measure(what: &str, score: Option<Score>, y: f32, height: f32) -> Measure {
    let baseline = y + height / 2.0 + TEXT_DROP;
    match score {
        Some(s) => {
            let value = s.mean() as f32;
            let width = x_of(value) - PLOT_LEFT;
            Measure {
                bar: Some(Bar { x: PLOT_LEFT, y, width, height, value }),
                label: Label {
                    x: PLOT_LEFT + width + LABEL_GAP,
                    y: baseline,
                    text: format!("{what} {}", s.display()),
                    anchor: Anchor::Start,
                },
            }
        }
        None => {
            Measure { bar: None, label: Label { x: PLOT_LEFT, y: baseline, text: format!("{what}: not scored"), anchor: Anchor::Start } }
        }
    }
}
