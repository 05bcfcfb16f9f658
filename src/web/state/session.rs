//! The open plan. [`Session`] holds at most one [`OpenPlan`]: created when a
//! plan opens and dropped when it closes, it owns that plan's signal (never
//! empty), the one edit path (apply, check every rule, record for undo,
//! save), undo/redo, the stored text it was read from, and whether this tab
//! is in step with storage. The plan editor's views are given the
//! `OpenPlan` itself, so inside them there is always a plan.

use js_sys::JsString;
use leptos::prelude::*;

use crate::common::history::History;
use crate::plan::model::Plan;
use crate::plan::{edit, file};
use crate::web::{browser, storage};

/// Whether the open plan's latest edit is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    /// Edits wait for their turn to be written (another tab may be writing).
    Saving,
    /// Not saved, with the reason shown to the user; the edit is kept in memory.
    Unsaved(String),
    /// Another tab changed the stored plan; saving waits for the user's choice.
    Conflict,
    /// Another tab deleted the plan; this tab's version is kept until the user chooses.
    Deleted,
}

#[derive(Clone, Copy)]
pub struct Session {
    open: RwSignal<Option<OpenPlan>>,
    /// The reactive owner of the open plan's signals: dropping it disposes them.
    owner: StoredValue<Option<Owner>, LocalStorage>,
    /// The app's owner, under which each open plan's owner is made (not
    /// under whichever view happened to call [`Session::start`]).
    root: StoredValue<Option<Owner>, LocalStorage>,
    ui: super::Ui,
}

/// One opened plan and all that goes with it.
#[derive(Clone, Copy)]
pub struct OpenPlan {
    pub plan: RwSignal<Plan>,
    pub save_state: RwSignal<SaveState>,
    /// What was repaired when the plan opened (see `crate::plan::repair`); shown until dismissed.
    pub repairs: RwSignal<Vec<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub(super) history: StoredValue<History<Plan>>,
    /// The stored text of the plan as this tab last read or wrote it
    /// (a JS string: see `storage::raw_js`).
    pub(super) stored: StoredValue<JsString, LocalStorage>,
    /// The hash of `stored` when this tab wrote it (reading a 4 MB text
    /// back to hash it costs more than a frame).
    stored_hash: StoredValue<Option<u64>>,
    /// Edits not yet written: they are written together just after the next
    /// paint (see [`OpenPlan::edit`]), or at once when the page is hidden.
    unwritten: StoredValue<Unwritten>,
    /// After a conflict with another tab: the version both started from
    /// (empty when not known).
    conflict_base: StoredValue<JsString, LocalStorage>,
    pub(super) ui: super::Ui,
}

impl PartialEq for OpenPlan {
    fn eq(&self, other: &Self) -> bool {
        self.plan == other.plan
    }
}

/// What is known of the open plan's text size, and the edits not yet written.
#[derive(Clone, Copy, Default)]
struct Unwritten {
    bytes: Bytes,
    /// Edits made since the text was last written or read.
    edits: usize,
    /// Whether this tab wrote the stored text (so it may hold edits a newer
    /// stored text lacks), rather than read it.
    own: bool,
    /// A write waits for the cross-tab lock (see `state::tabs`).
    queued: bool,
}

/// The size of the open plan's text (with the edits not yet written).
#[derive(Clone, Copy, Default, PartialEq)]
enum Bytes {
    /// Not known yet (just read: a stored text of an older version, or
    /// repaired, is not the size of the plan it opened as): measured after
    /// the next paint, or written by the next edit.
    #[default]
    Unknown,
    /// At most this many bytes: measured when written, plus the most each
    /// edit since can have added (see [`edit::growth_bound`]).
    AtMost(usize),
}

/// Step the open plan's history back (`back`) or forward; false when there
/// was nothing to step to. Handed out by the editor's part
/// ([`crate::web::editor::EditorParts::step_history`]), so the first screen
/// carries none of it.
pub fn step_history(session: Session, back: bool) -> bool {
    session.step_history(|h, current| if back { h.undo(current) } else { h.redo(current) })
}

impl Session {
    pub fn new(ui: super::Ui) -> Self {
        Session { open: RwSignal::new(None), owner: StoredValue::new_local(None), root: StoredValue::new_local(Owner::current()), ui }
    }

    /// The open plan, if any (tracked: views that show it follow openings and closings).
    pub fn open(self) -> Option<OpenPlan> {
        self.open.get()
    }

    pub fn open_untracked(self) -> Option<OpenPlan> {
        self.open.try_get_untracked().flatten()
    }

    pub fn open_id(self) -> Option<String> {
        self.open_untracked().and_then(|o| o.plan.try_with_untracked(|p| p.id.clone()))
    }

    /// Read the open plan, if any, without tracking it.
    pub fn with_plan<R>(self, f: impl FnOnce(&Plan) -> R) -> Option<R> {
        self.open_untracked().and_then(|o| o.plan.try_with_untracked(f))
    }

    /// Start a session on `plan`, read from (or just written as) `text`.
    pub fn start(self, plan: Plan, text: JsString, repairs: Vec<String>) {
        self.flush();
        storage::set_last_open(Some(&plan.id));
        let owner = self.root.with_value(|root| match root {
            Some(root) => root.with(Owner::new),
            None => Owner::new(),
        });
        let open = owner.with(|| OpenPlan::new(plan, text, repairs, self.ui));
        self.retire(Some(owner));
        self.open.set(Some(open));
        open.measure_later();
    }

    pub fn end(self) {
        self.flush();
        storage::set_last_open(None);
        self.retire(None);
        self.open.set(None);
    }

    /// Put `next` in place of the last plan's owner, and dispose of the last
    /// plan's signals once the views that read them are gone (they go when
    /// the change of plan is drawn).
    fn retire(self, next: Option<Owner>) {
        let last = self.owner.try_update_value(|o| std::mem::replace(o, next)).flatten();
        if let Some(last) = last {
            leptos::prelude::set_timeout(move || drop(last), std::time::Duration::from_millis(0));
        }
    }

    pub fn save_state(self) -> SaveState {
        self.open().map_or(SaveState::Saved, |o| o.save_state.get())
    }

    pub fn set_save_state(self, state: SaveState) {
        if let Some(o) = self.open_untracked() {
            o.save_state.set(state);
        }
    }

    pub fn stored_text(self) -> Option<String> {
        self.open_untracked().map(OpenPlan::stored_text)
    }

    /// The version this tab's edits and another tab's both started from:
    /// the one found when they conflicted, else the stored text as this tab last saw it.
    pub fn merge_base_text(self) -> Option<String> {
        let open = self.open_untracked()?;
        let base = open.conflict_base.with_value(|b| String::from(b));
        Some(if base.is_empty() { open.stored_text() } else { base })
    }

    /// Bring the open plan and storage together after another tab wrote it.
    pub fn sync_with_storage(self) {
        if let Some(o) = self.open_untracked() {
            o.sync(false);
        }
    }

    /// See [`OpenPlan::edit`].
    pub fn edit(self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        self.open_untracked().ok_or_else(|| "No plan is open.".to_string())?.edit(change)
    }

    /// See [`OpenPlan::edit_whole`].
    pub fn edit_whole(self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        self.open_untracked().ok_or_else(|| "No plan is open.".to_string())?.edit_whole(change)
    }

    /// Write the open plan's edits not yet written, if any.
    pub fn flush(self) {
        if let Some(o) = self.open_untracked() {
            o.flush();
        }
    }

    pub fn step_history(self, step: impl FnOnce(&mut History<Plan>, Plan) -> Option<Plan>) -> bool {
        self.open_untracked().is_some_and(|o| o.step_history(step))
    }

    pub fn follow(self, loaded: storage::Loaded) {
        if let Some(o) = self.open_untracked() {
            o.follow(loaded);
        }
    }

    pub fn overwrite(self) -> Result<(), String> {
        self.open_untracked().map_or(Ok(()), OpenPlan::overwrite)
    }

    /// Whether this tab's edits are all in storage, as far as it knows.
    pub fn is_saved(self) -> bool {
        self.open_untracked().is_none_or(OpenPlan::is_saved)
    }
}

impl OpenPlan {
    fn new(plan: Plan, text: JsString, repairs: Vec<String>, ui: super::Ui) -> Self {
        OpenPlan {
            plan: RwSignal::new(plan),
            save_state: RwSignal::new(SaveState::Saved),
            repairs: RwSignal::new(repairs),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            unwritten: StoredValue::new(Unwritten::default()),
            stored: StoredValue::new_local(text),
            stored_hash: StoredValue::new(None),
            conflict_base: StoredValue::new_local(JsString::from("")),
            ui,
        }
    }

    pub(super) fn id(self) -> Option<String> {
        self.plan.try_with_untracked(|p| p.id.clone())
    }

    pub fn stored_text(self) -> String {
        self.stored.with_value(|s| String::from(s))
    }

    /// Apply an edit if the result keeps every rule that loading checks and
    /// fits in a plan file; otherwise the plan keeps its last valid value and
    /// the reason comes back in words. A kept edit goes onto the undo history
    /// (typing in one field makes one step) and is saved just after the
    /// screen shows it: writing a 4 MB plan's text takes longer than a frame,
    /// and a burst of edits (typing) is written once. An edit cannot pass
    /// the size limit unseen: the text's size is known when it is written,
    /// each edit adds at most its [`edit::growth_bound`], and only an edit
    /// that could pass the limit has its text written (and measured) at once.
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
        let mut outcome = Ok(());
        let mut text = None;
        let mut bytes = 0;
        let mut kept = false;
        let size = if whole { edit::SizeCheck::Now } else { self.size_check() };
        self.plan.maybe_update(|p| match edit::apply(p, &browser::now(), size, change) {
            Ok(Some(applied)) => {
                self.history.update_value(|h| h.record(applied.before, browser::typing_group()));
                text = applied.text;
                bytes = applied.bytes;
                kept = true;
                true
            }
            Ok(None) => false,
            Err(why) => {
                outcome = Err(why);
                false
            }
        });
        if kept {
            self.sync_history_flags();
            match text {
                Some(text) => {
                    // The edit's text was written before the screen showed it (a test's and a profile's landmark).
                    browser::mark("jsp-edit-text-now");
                    self.persist(text)
                }
                None => self.write_after_paint(bytes),
            }
        }
        outcome
    }

    /// How the next edit is checked against the size limit: by the most the
    /// text can be now, else by writing it.
    fn size_check(self) -> edit::SizeCheck {
        let Some(u) = self.unwritten.try_get_value() else { return edit::SizeCheck::Now };
        match (u.bytes, crate::web::editor::parts()) {
            (Bytes::AtMost(bytes), Some(parts)) => edit::SizeCheck::Within(bytes, parts.growth_bound),
            _ => edit::SizeCheck::Now,
        }
    }

    /// Measure the plan's text after the next paint, if its size is not
    /// known (a 4 MB plan's text takes some 30 ms to write: not while the
    /// plan is being drawn, and not on the first keystroke).
    fn measure_later(self) {
        browser::after_paint(move || {
            if self.unwritten.try_with_value(|u| u.bytes) != Some(Bytes::Unknown) {
                return;
            }
            let Some(bytes) = self.plan.try_with_untracked(|p| file::export_compact(p).len()) else { return };
            self.unwritten.update_value(|u| {
                if u.bytes == Bytes::Unknown {
                    u.bytes = Bytes::AtMost(bytes);
                }
            });
        });
    }

    /// Note one more unwritten edit, after which the text is at most
    /// `bytes`, and write them all once the screen has shown it.
    fn write_after_paint(self, bytes: usize) {
        let before = self.unwritten.get_value();
        self.unwritten.set_value(Unwritten { bytes: Bytes::AtMost(bytes), edits: before.edits + 1, ..before });
        self.mark_saving();
        if before.edits == 0 {
            browser::after_paint(move || self.sync(false));
        }
    }

    /// Bring this tab and storage together: write this tab's edits, or take
    /// or merge another tab's; `now` when the page goes away (no waiting
    /// for the cross-tab lock). Without the editor's part (which holds the
    /// merge) the edits are written if storage still holds what this tab
    /// last saw, and another tab's change is a conflict.
    fn sync(self, now: bool) {
        match crate::web::editor::parts() {
            Some(parts) => (parts.sync_plan)(self, now),
            None => self.flush_alone(),
        }
    }

    /// Write the edits not yet written, if any (also when the page is hidden
    /// or closed, and before another plan opens).
    pub fn flush(self) {
        if self.has_unwritten() {
            self.sync(true);
        }
    }

    fn flush_alone(self) {
        let Some(pending) = self.unwritten.try_get_value() else { return };
        if pending.edits == 0 {
            return;
        }
        // A plan closed meanwhile was written as it closed.
        let Some(text) = self.plan.try_with_untracked(file::export_compact) else { return };
        if text.len() > file::MAX_FILE_BYTES {
            // Not reachable by the edits the app makes (see `edit::growth_bound`); never store it.
            self.unwritten.set_value(Unwritten { edits: 0, ..pending });
            self.save_state.set(SaveState::Unsaved(edit::too_large()));
            return;
        }
        self.save_now(text);
    }

    /// Whether edits wait to be written.
    pub(super) fn has_unwritten(self) -> bool {
        self.unwritten.try_get_value().is_some_and(|u| u.edits > 0)
    }

    /// Step back (or forward) one edit; false when there was nothing to step to.
    /// Written after the screen shows it, as an edit is, unless it could pass the size limit.
    pub fn step_history(self, step: impl FnOnce(&mut History<Plan>, Plan) -> Option<Plan>) -> bool {
        let current = self.plan.get_untracked();
        let mut next = None;
        self.history.update_value(|h| next = step(h, current));
        let Some(mut plan) = next else { return false };
        plan.updated_at = browser::now();
        let within = match self.size_check() {
            edit::SizeCheck::Within(bytes, growth) => {
                let grown = self.plan.with_untracked(|p| growth(p, &plan)) + edit::json_len(&plan.updated_at);
                Some(bytes.saturating_add(grown)).filter(|b| *b <= file::MAX_FILE_BYTES)
            }
            edit::SizeCheck::Now => None,
        };
        let text = within.is_none().then(|| file::export_compact(&plan));
        self.plan.set(plan);
        self.sync_history_flags();
        match (text, within) {
            (Some(text), _) => self.persist(text),
            (None, bytes) => self.write_after_paint(bytes.unwrap_or(file::MAX_FILE_BYTES)),
        }
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

    /// Write the open plan's text (now, or once the cross-tab lock is ours),
    /// unless another tab's change waits for the user.
    fn persist(self, text: String) {
        if crate::web::editor::parts().is_some() {
            self.unwritten.update_value(|u| *u = Unwritten { bytes: Bytes::AtMost(text.len()), edits: 1, ..*u });
            self.mark_saving();
            self.sync(false);
            return;
        }
        self.save_now(text);
    }

    fn save_now(self, text: String) {
        self.unwritten.update_value(|u| *u = Unwritten { bytes: Bytes::AtMost(text.len()), edits: 0, ..*u });
        if matches!(self.save_state.get_untracked(), SaveState::Conflict | SaveState::Deleted) {
            return;
        }
        let Some(id) = self.id() else { return };
        let result = self.stored.with_value(|expected| storage::save_text(&id, text, Some(expected)));
        match result {
            Ok(saved) => {
                self.stored.set_value(saved.text);
                self.stored_hash.set_value(None);
                self.set_own(true);
                self.save_state.set(SaveState::Saved);
            }
            Err(storage::SaveError::Conflict) => self.save_state.set(SaveState::Conflict),
            Err(e) => self.save_state.set(SaveState::Unsaved(e.message())),
        }
    }

    /// Take the version another tab wrote (this tab had no edits of its own).
    pub fn follow(self, loaded: storage::Loaded) {
        self.reset_history();
        self.took(loaded.text, false, Bytes::Unknown, None);
        self.measure_later();
        self.save_state.set(SaveState::Saved);
        if self.plan.with_untracked(|p| *p != loaded.plan) {
            self.plan.set(loaded.plan);
        }
    }

    /// Take `plan` as written in `text` (`bytes` long, hash `hash`) by this
    /// tab (a merge of another tab's version and this one's): undo starts
    /// again from here, so it never takes back the other tab's edits.
    pub(super) fn took_merge(self, plan: Plan, text: JsString, bytes: usize, hash: u64) {
        self.reset_history();
        self.took(text, true, Bytes::AtMost(bytes), Some(hash));
        self.save_state.set(SaveState::Saved);
        self.plan.set(plan);
    }

    /// The open plan's edits are written: `text` (`bytes` long, hash `hash`) is stored.
    pub(super) fn wrote(self, text: JsString, bytes: usize, hash: u64) {
        self.took(text, true, Bytes::AtMost(bytes), Some(hash));
        self.set_state(SaveState::Saved);
    }

    /// `text` is stored, and this tab has nothing unwritten; `own`: this
    /// tab wrote it; `hash`: its hash, when known.
    fn took(self, text: JsString, own: bool, bytes: Bytes, hash: Option<u64>) {
        let queued = self.queued();
        self.unwritten.set_value(Unwritten { bytes, edits: 0, own, queued });
        self.stored.set_value(text);
        self.stored_hash.set_value(hash);
        self.conflict_base.set_value(JsString::from(""));
    }

    /// The hash of the stored text as this tab last wrote it, if it did.
    pub(super) fn stored_hash(self) -> Option<u64> {
        self.stored_hash.try_get_value().flatten()
    }

    /// Whether this tab wrote the stored text (rather than read it).
    pub(super) fn own(self) -> bool {
        self.unwritten.with_value(|u| u.own)
    }

    fn set_own(self, own: bool) {
        self.unwritten.update_value(|u| u.own = own);
    }

    /// Whether a write waits for the cross-tab lock; `None` once the plan is closed.
    pub(super) fn try_queued(self) -> Option<bool> {
        self.unwritten.try_with_value(|u| u.queued)
    }

    fn queued(self) -> bool {
        self.try_queued().unwrap_or(false)
    }

    /// Note whether a write waits for the lock; false once the plan is closed.
    pub(super) fn set_queued(self, queued: bool) -> bool {
        self.unwritten.try_update_value(|u| u.queued = queued).is_some()
    }

    /// After a conflict: the version both sides started from (`None`: the one this tab last saw).
    pub(super) fn set_conflict_base(self, base: Option<String>) {
        self.conflict_base.set_value(JsString::from(base.unwrap_or_default().as_str()));
    }

    /// The edits could not be written (why, in words): they stay on screen,
    /// and the next edit tries again.
    pub(super) fn not_written(self, why: String) {
        if let Some(u) = self.unwritten.try_get_value() {
            self.unwritten.set_value(Unwritten { edits: 0, ..u });
        }
        self.save_state.set(SaveState::Unsaved(why));
    }

    /// An edit waits to be written: the status says so until it is.
    fn mark_saving(self) {
        if self.save_state.try_get_untracked() == Some(SaveState::Saved) {
            self.save_state.set(SaveState::Saving);
        }
    }

    /// Set the save state, telling the views only when it changes.
    pub(super) fn set_state(self, state: SaveState) {
        if self.save_state.try_get_untracked().is_some_and(|s| s != state) {
            self.save_state.set(state);
        }
    }

    /// Conflict resolution: write this tab's version over the stored one.
    pub fn overwrite(self) -> Result<(), String> {
        match self.plan.with_untracked(storage::save_over) {
            Ok(text) => {
                self.took(text, true, Bytes::Unknown, None);
                self.measure_later();
                self.save_state.set(SaveState::Saved);
                Ok(())
            }
            Err(e) => Err(e.message()),
        }
    }

    /// Whether this tab's edits are all in storage, as far as it knows.
    pub fn is_saved(self) -> bool {
        self.save_state.try_get_untracked().is_none_or(|s| s == SaveState::Saved) && !self.has_unwritten()
    }
}
