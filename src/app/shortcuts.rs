//! Keyboard shortcuts: one table that both the key handler and the help
//! overlay read, so the overlay can never list a shortcut that does not work.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Undo,
    Redo,
    NextSection,
    PreviousSection,
    /// A presenter's clicker in workshop mode (Page Down): the rest of a long
    /// section first, then the next section (see [`page_move`]).
    PageForward,
    /// Page Up in workshop mode: back up a long section, then the previous one.
    PageBack,
    ToggleWorkshop,
    ToggleFullscreen,
    ToggleTheme,
    QuickCapture,
    Help,
}

/// A key press as the browser reports it.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub meta: bool,
    pub shift: bool,
    pub alt: bool,
    /// Focus is in a text field, where plain letters are typing, not commands.
    pub typing: bool,
    /// Focus is on a control that uses arrow keys itself (a button, a select,
    /// a matrix or grid cell).
    pub on_control: bool,
    /// Workshop mode is on: a presenter's clicker steps the sections.
    pub workshop: bool,
}

/// For the help overlay: the keys, and what they do.
pub const HELP: &[(&str, &str)] = &[
    ("Ctrl+Z / ⌘Z", "Undo the last edit"),
    ("Shift+Ctrl+Z / Shift+⌘Z, Ctrl+Y", "Redo"),
    ("N or ]", "Next section"),
    ("P or [", "Previous section"),
    ("Page Down / Page Up", "In workshop mode (a presenter’s clicker): the rest of a long section, then the next or previous one"),
    ("→ / ←", "In workshop mode, when no control has focus: next or previous section"),
    ("W", "Workshop (projector) mode on or off"),
    ("F", "Full screen on or off"),
    ("T", "Light or dark theme"),
    ("C", "Quick capture: add a need, risk or stakeholder"),
    ("?", "Show this help"),
    ("Arrow keys", "Move between cells of the matrix, grid and RACI"),
    ("0, 1, 2", "In the needs matrix: none, relevant, critical"),
    ("A, R, U", "In the risk grid: acceptable, review, unacceptable"),
    ("Esc", "Close a dialog or this help"),
];

impl Shortcut {
    pub fn from_key(k: KeyPress) -> Option<Shortcut> {
        let command = k.ctrl || k.meta;
        if command && !k.alt {
            return match k.key.to_ascii_lowercase().as_str() {
                "z" if k.shift => Some(Shortcut::Redo),
                "z" => Some(Shortcut::Undo),
                "y" if !k.shift => Some(Shortcut::Redo),
                _ => None,
            };
        }
        if k.typing || command || k.alt {
            return None;
        }
        if k.workshop && !k.shift {
            match k.key {
                "PageDown" => return Some(Shortcut::PageForward),
                "PageUp" => return Some(Shortcut::PageBack),
                "ArrowRight" if !k.on_control => return Some(Shortcut::NextSection),
                "ArrowLeft" if !k.on_control => return Some(Shortcut::PreviousSection),
                _ => {}
            }
        }
        match k.key {
            "n" | "N" | "]" => Some(Shortcut::NextSection),
            "p" | "P" | "[" => Some(Shortcut::PreviousSection),
            "w" | "W" => Some(Shortcut::ToggleWorkshop),
            "f" | "F" => Some(Shortcut::ToggleFullscreen),
            "t" | "T" => Some(Shortcut::ToggleTheme),
            "c" | "C" => Some(Shortcut::QuickCapture),
            "?" => Some(Shortcut::Help),
            _ => None,
        }
    }
}

/// What a clicker's Page Down or Page Up does on the projector: scroll.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageMove {
    /// Scroll the page by this many pixels (down if positive): there is more
    /// of the section that way.
    Scroll(f64),
    /// The section is shown to its end (or its top): go to the next (or previous) one.
    Step,
}

/// Pixels of the last screen kept in view after a page scroll, so the room
/// keeps its place (about a line of a table).
const PAGE_OVERLAP: f64 = 48.0;

/// Page Down (`forward`) or Page Up on a page scrolled to `top`, `view` high
/// with `covered` pixels of it under the sticky workshop bar, the whole page
/// `total` high: about a screen of what the bar does not cover, while there
/// is more of the section that way; else the next (or previous) section. The
/// rest of a long section (the register's rows below its grid) reaches the
/// room before the section changes.
pub fn page_move(forward: bool, top: f64, view: f64, total: f64, covered: f64) -> PageMove {
    let screen = (view - covered - PAGE_OVERLAP).max(view / 2.0);
    // Less than a pixel left counts as none: scroll positions are fractional.
    let left = if forward { total - (top + view) } else { top };
    if left < 1.0 {
        return PageMove::Step;
    }
    let by = screen.min(left);
    PageMove::Scroll(if forward { by } else { -by })
}
