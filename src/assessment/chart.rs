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
//! Two layouts ([`Layout`]): at the desk ([`DESK`]) the names stand above
//! their bars in a narrow chart beside the table; on the projector
//! ([`PROJECTOR`]) the chart has the page's width, the names stand left of
//! their bars and the text is 18 units, 18 px when drawn at 1280 x 720.
//!
//! Coordinates are SVG user units: x to the right, y down; a label's `y` is
//! its text baseline.

use super::level::MAX_LEVEL;
use super::score::{component_scores, ComponentScore, Score};
use super::Assessment;

/// The desk layout's viewBox width.
pub const WIDTH: f32 = 640.0;
/// Where the desk layout's scale's 0 sits.
pub const PLOT_LEFT: f32 = 16.0;
/// Where the desk layout's 5 sits; the space to its right holds the value labels.
pub const PLOT_RIGHT: f32 = 536.0;
/// Space above the first row.
const TOP: f32 = 8.0;
/// From a bar's end to its value label.
const LABEL_GAP: f32 = 6.0;

/// Where things go. The current level's bar is thicker than the target's,
/// so the two differ by shape as well as by colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// The viewBox's width.
    pub width: f32,
    /// Where the scale's 0 and 5 sit.
    pub plot_left: f32,
    pub plot_right: f32,
    /// The height of one component's row.
    pub row_height: f32,
    /// The text's size (the SVG's `font-size`).
    pub text: f32,
    /// Names left of the bars (right-aligned to the scale's 0) rather than above them.
    pub names_beside: bool,
    /// The bars' thickness.
    pub current_height: f32,
    pub target_height: f32,
}

/// Beside the scores table at the desk, and on paper.
pub const DESK: Layout = Layout {
    width: WIDTH,
    plot_left: PLOT_LEFT,
    plot_right: PLOT_RIGHT,
    row_height: 60.0,
    text: 14.0,
    names_beside: false,
    current_height: 14.0,
    target_height: 8.0,
};

/// Across the projector's screen: 1232 units are drawn 1:1 at 1280 x 720.
pub const PROJECTOR: Layout = Layout {
    width: 1232.0,
    plot_left: 480.0,
    plot_right: 1080.0,
    row_height: 54.0,
    text: 18.0,
    names_beside: true,
    current_height: 18.0,
    target_height: 10.0,
};

/// The whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f32,
    pub height: f32,
    /// The text's size, in user units.
    pub text: f32,
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

impl Layout {
    /// The x of `value` on the scale.
    pub fn x_of(&self, value: f32) -> f32 {
        self.plot_left + value.clamp(0.0, f32::from(MAX_LEVEL)) / f32::from(MAX_LEVEL) * (self.plot_right - self.plot_left)
    }

    /// From a bar's middle to the baseline of text centred on it.
    fn drop(&self) -> f32 {
        self.text / 3.0
    }
}

/// The x of `value` on the desk layout's scale.
pub fn x_of(value: f32) -> f32 {
    DESK.x_of(value)
}

/// The chart of `a`'s component means, current against target, at the desk.
pub fn chart(a: &Assessment) -> Chart {
    chart_in(a, &DESK)
}

/// The chart of `a` in layout `l`.
pub fn chart_in(a: &Assessment, l: &Layout) -> Chart {
    let rows: Vec<Row> = component_scores(a).iter().enumerate().map(|(i, s)| row(l, TOP + l.row_height * i as f32, s)).collect();
    let bottom = TOP + l.row_height * rows.len() as f32;
    let ticks = (0..=MAX_LEVEL)
        .map(|value| {
            let x = l.x_of(f32::from(value));
            let label = Label { x, y: bottom + l.text * 4.0 / 3.0, text: value.to_string(), anchor: Anchor::Middle };
            Tick { value, x, y1: TOP, y2: bottom, label }
        })
        .collect();
    let caption = Label {
        x: (l.plot_left + l.plot_right) / 2.0,
        y: bottom + l.text * 17.0 / 6.0,
        text: "Mean level, 0 (not performed) to 5 (continuously improved)".into(),
        anchor: Anchor::Middle,
    };
    Chart {
        width: l.width,
        height: bottom + l.text * 11.0 / 3.0,
        text: l.text,
        title: "Current and target level by component".into(),
        description: "For each component, a thick bar for the mean current level of its applicable, scored activities and \
                      a thin bar for their mean target, on a scale of 0 to 5; each value is written beside its bar."
            .into(),
        ticks,
        rows,
        caption,
    }
}

/// One component's row whose band starts at `top`: at the desk its name
/// above its two bars; on the projector its name left of them, between.
fn row(l: &Layout, top: f32, s: &ComponentScore) -> Row {
    let (name_y, bars_top, name_x, anchor) = if l.names_beside {
        let middle = top + (l.current_height + 4.0 + l.target_height) / 2.0;
        (middle + l.drop(), top, l.plot_left - l.text * 2.0 / 3.0, Anchor::End)
    } else {
        (top + l.text * 7.0 / 6.0, top + l.text * 5.0 / 3.0, l.plot_left, Anchor::Start)
    };
    let target_top = bars_top + l.current_height + if l.names_beside { 4.0 } else { l.text / 3.0 };
    Row {
        component_id: s.component.id,
        label: Label { x: name_x, y: name_y, text: s.component.name.into(), anchor },
        current: measure(l, "Current", s.current, bars_top, l.current_height),
        target: measure(l, "Target", s.target, target_top, l.target_height),
    }
}

/// A bar at `y` for `score`, with its value written after it; or, with no
/// score, no bar and the words "not scored" where it would start.
fn measure(l: &Layout, what: &str, score: Option<Score>, y: f32, height: f32) -> Measure {
    let baseline = y + height / 2.0 + l.drop();
    match score {
        Some(s) => {
            let value = s.mean() as f32;
            let width = l.x_of(value) - l.plot_left;
            Measure {
                bar: Some(Bar { x: l.plot_left, y, width, height, value }),
                label: Label {
                    x: l.plot_left + width + LABEL_GAP,
                    y: baseline,
                    text: format!("{what} {}", s.display()),
                    anchor: Anchor::Start,
                },
            }
        }
        None => {
            Measure { bar: None, label: Label { x: l.plot_left, y: baseline, text: format!("{what}: not scored"), anchor: Anchor::Start } }
        }
    }
}
