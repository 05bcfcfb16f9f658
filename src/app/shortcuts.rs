//! Keyboard shortcuts: one table that both the key handler and the help
//! overlay read, so the overlay can never list a shortcut that does not work.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Undo,
    Redo,
    NextSection,
    PreviousSection,
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
    ("Page Down / Page Up", "In workshop mode: next or previous section (a presenter’s clicker)"),
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
                "PageDown" => return Some(Shortcut::NextSection),
                "PageUp" => return Some(Shortcut::PreviousSection),
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
