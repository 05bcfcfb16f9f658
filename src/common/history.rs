//! Undo and redo within a session.
//!
//! The history keeps whole snapshots of the value before each edit: a plan is
//! small next to what a browser holds, a snapshot cannot drift out of step the
//! way inverse operations can, and undo is then a swap. Typing in one field
//! produces an edit per keystroke, so edits that belong to one group (same
//! field, close together in time) share a single undo step.

use std::collections::VecDeque;

/// How many undo steps are kept; the oldest fall off.
pub const LIMIT: usize = 100;
/// Edits of one group within this many milliseconds of the previous one merge.
pub const GROUP_WINDOW_MS: f64 = 1500.0;

/// Which burst of edits an edit belongs to, e.g. typing in one text field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    pub key: u64,
    pub at_ms: f64,
}

#[derive(Debug, Clone)]
pub struct History<T> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    last_group: Option<Group>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History { undo: VecDeque::new(), redo: Vec::new(), last_group: None }
    }
}

impl<T> History<T> {
    /// Note an edit, given the value as it was before it. An edit in the same
    /// group as the previous one, soon after it, extends that step instead.
    pub fn record(&mut self, before: T, group: Option<Group>) {
        self.redo.clear();
        let extends = match (self.last_group, group) {
            (Some(last), Some(now)) => last.key == now.key && now.at_ms - last.at_ms <= GROUP_WINDOW_MS,
            _ => false,
        };
        self.last_group = group;
        if extends && !self.undo.is_empty() {
            return;
        }
        if self.undo.len() == LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
    }

    /// Step back: returns the value to show, taking `current` onto the redo stack.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current);
        self.last_group = None;
        Some(previous)
    }

    /// Step forward again after an undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push_back(current);
        self.last_group = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forget everything, e.g. when another plan is opened.
    pub fn clear(&mut self) {
        *self = History::default();
    }
}
