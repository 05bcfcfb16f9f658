//! The open plan: its signal, the one edit path (apply, check every rule,
//! record for undo, save), undo/redo, the stored text it was read from, and
//! whether this tab is in step with storage.

use js_sys::JsString;
use leptos::prelude::*;

use crate::history::History;
use crate::model::Plan;
use crate::web::{browser, storage};
use crate::{edit, format};

/// Whether the open plan's latest edit is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    /// Not saved, with the reason shown to the user; the edit is kept in memory.
    Unsaved(String),
    /// Another tab changed the stored plan; saving waits for the user's choice.
    Conflict,
    /// Another tab deleted the plan; this tab's version is kept until the user chooses.
    Deleted,
}

#[derive(Clone, Copy)]
pub struct Session {
    /// The open plan, if any. Components under the plan page only exist
    /// while it is `Some`; they read it through [`Session::derive`]-style memos.
    pub plan: RwSignal<Option<Plan>>,
    pub save_state: RwSignal<SaveState>,
    /// What was repaired when the plan opened (see `crate::repair`); shown until dismissed.
    pub repairs: RwSignal<Vec<String>>,
    history: StoredValue<History<Plan>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The stored text of the open plan as this tab last read or wrote it
    /// (a JS string: see `storage::raw_js`).
    stored: StoredValue<Option<JsString>, LocalStorage>,
    /// Edits not yet written: they are written together just after the next
    /// paint (see [`Session::edit`]), or at once when the page is hidden.
    unwritten: StoredValue<Unwritten>,
}

/// What is known of the open plan's text size, and the edits not yet written.
#[derive(Clone, Copy, Default)]
struct Unwritten {
    /// At most this many bytes of text, as last written or read.
    written_bytes: usize,
    /// Edits made since; each adds at most [`edit::EDIT_GROWTH_BOUND`].
    edits: usize,
}

impl Unwritten {
    fn size_check(self) -> edit::SizeCheck {
        edit::SizeCheck::Within(self.written_bytes.saturating_add(self.edits.saturating_mul(edit::EDIT_GROWTH_BOUND)))
    }

    fn written(bytes: usize) -> Self {
        Unwritten { written_bytes: bytes, edits: 0 }
    }

    /// Just read or written as this JS string: UTF-16 units to UTF-8 bytes are at most three bytes each.
    fn stored(text: &JsString) -> Self {
        Self::written(text.length() as usize * 3)
    }
}

impl Session {
    pub fn new() -> Self {
        Session {
            plan: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            repairs: RwSignal::new(Vec::new()),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            stored: StoredValue::new_local(None),
            unwritten: StoredValue::new(Unwritten::default()),
        }
    }

    pub fn open_id(self) -> Option<String> {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    }

    /// Start a session on `plan`, read from (or just written as) `text`.
    pub fn start(self, plan: Plan, text: JsString, repairs: Vec<String>) {
        self.flush();
        self.reset_history();
        self.unwritten.set_value(Unwritten::stored(&text));
        storage::set_last_open(Some(&plan.id));
        self.stored.set_value(Some(text));
        self.save_state.set(SaveState::Saved);
        self.repairs.set(repairs);
        self.plan.set(Some(plan));
    }

    pub fn end(self) {
        self.flush();
        self.reset_history();
        storage::set_last_open(None);
        self.plan.set(None);
        self.stored.set_value(None);
        self.repairs.set(Vec::new());
        self.save_state.set(SaveState::Saved);
    }

    pub fn stored_text(self) -> Option<String> {
        self.stored.with_value(|s| s.as_ref().map(String::from))
    }

    /// Apply an edit if the result keeps every rule that loading checks and
    /// fits in a plan file; otherwise the plan keeps its last valid value and
    /// the reason comes back in words. A kept edit goes onto the undo history
    /// (typing in one field makes one step) and is saved just after the
    /// screen shows it: writing a 1 MB plan's text takes longer than a frame,
    /// and a burst of edits (typing) is written once. An ordinary edit cannot
    /// pass the size limit unseen ([`edit::SizeCheck`]); near the limit it
    /// is written at once.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        self.edit_sized(false, change)
    }

    /// An edit of any size (a merge): its text is written, and its size checked, at once.
    pub fn edit_whole(self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        self.edit_sized(true, change)
    }

    fn edit_sized(self, whole: bool, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        // One copy of the edit path in the wasm, whatever the closure's type.
        let mut change = Some(change);
        self.edit_with(whole, &mut |p| {
            if let Some(change) = change.take() {
                change(p)
            }
        })
    }

    fn edit_with(self, whole: bool, change: &mut dyn FnMut(&mut Plan)) -> Result<(), String> {
        let mut outcome = Err("No plan is open.".to_string());
        let mut text = None;
        let mut kept = false;
        let size = if whole { edit::SizeCheck::Now } else { self.unwritten.get_value().size_check() };
        self.plan.maybe_update(|p| {
            let Some(p) = p else { return false };
            match edit::apply(p, &browser::now(), size, change) {
                Ok(Some(applied)) => {
                    self.history.update_value(|h| h.record(applied.before, browser::typing_group()));
                    text = applied.text;
                    kept = true;
                    outcome = Ok(());
                    true
                }
                Ok(None) => {
                    outcome = Ok(());
                    false
                }
                Err(why) => {
                    outcome = Err(why);
                    false
                }
            }
        });
        if kept {
            self.sync_history_flags();
            match text {
                Some(text) => self.persist(text),
                None => self.write_after_paint(),
            }
        }
        outcome
    }

    /// Note one more unwritten edit and write them all once the screen has shown it.
    fn write_after_paint(self) {
        let before = self.unwritten.get_value();
        self.unwritten.set_value(Unwritten { edits: before.edits + 1, ..before });
        if before.edits == 0 {
            browser::after_paint(move || self.flush());
        }
    }

    /// Write the edits not yet written, if any (also when the page is hidden
    /// or closed, and before another plan opens).
    pub fn flush(self) {
        let Some(pending) = self.unwritten.try_get_value() else { return };
        if pending.edits == 0 {
            return;
        }
        let Some(text) = self.plan.with_untracked(|p| p.as_ref().map(format::export_compact)) else { return };
        if text.len() > format::MAX_FILE_BYTES {
            // Not reachable by the edits the app makes (see `edit::EDIT_GROWTH_BOUND`); never store it.
            self.unwritten.set_value(Unwritten { edits: 0, ..pending });
            self.save_state.set(SaveState::Unsaved(edit::too_large()));
            return;
        }
        self.persist(text);
    }

    /// Whether edits wait to be written.
    fn has_unwritten(self) -> bool {
        self.unwritten.try_get_value().is_some_and(|u| u.edits > 0)
    }

    /// Step back (or forward) one edit; false when there was nothing to step to.
    pub fn step_history(self, step: impl FnOnce(&mut History<Plan>, Plan) -> Option<Plan>) -> bool {
        let Some(current) = self.plan.get_untracked() else { return false };
        let mut next = None;
        self.history.update_value(|h| next = step(h, current));
        let Some(mut plan) = next else { return false };
        plan.updated_at = browser::now();
        let text = format::export_compact(&plan);
        self.plan.set(Some(plan));
        self.sync_history_flags();
        self.persist(text);
        true
    }

    fn sync_history_flags(self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    fn reset_history(self) {
        self.history.update_value(History::clear);
        self.sync_history_flags();
    }

    /// Write the open plan's text, unless another tab's change waits for the user.
    fn persist(self, text: String) {
        self.unwritten.set_value(Unwritten::written(text.len()));
        if matches!(self.save_state.get_untracked(), SaveState::Conflict | SaveState::Deleted) {
            return;
        }
        let Some(id) = self.open_id() else { return };
        let result = self.stored.with_value(|expected| storage::save_text(&id, text, expected.as_ref()));
        match result {
            Ok(saved) => {
                self.stored.set_value(Some(saved.text));
                self.save_state.set(SaveState::Saved);
            }
            Err(storage::SaveError::Conflict) => self.save_state.set(SaveState::Conflict),
            Err(e) => self.save_state.set(SaveState::Unsaved(e.message())),
        }
    }

    /// Take the version another tab wrote (this tab had no edits of its own).
    pub fn follow(self, loaded: storage::Loaded) {
        self.reset_history();
        self.unwritten.set_value(Unwritten::stored(&loaded.text));
        self.stored.set_value(Some(loaded.text));
        self.save_state.set(SaveState::Saved);
        self.plan.set(Some(loaded.plan));
    }

    /// Conflict resolution: write this tab's version over the stored one.
    pub fn overwrite(self) -> Result<(), String> {
        let result = self.plan.with_untracked(|p| p.as_ref().map(storage::save_over));
        match result {
            Some(Ok(text)) => {
                self.unwritten.set_value(Unwritten::stored(&text));
                self.stored.set_value(Some(text));
                self.save_state.set(SaveState::Saved);
                Ok(())
            }
            Some(Err(e)) => Err(e.message()),
            None => Ok(()),
        }
    }

    /// Whether this tab's edits are all in storage, as far as it knows.
    pub fn is_saved(self) -> bool {
        self.save_state.get_untracked() == SaveState::Saved && !self.has_unwritten()
    }
}
