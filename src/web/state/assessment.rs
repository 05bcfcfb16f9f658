//! Maturity assessments in the browser: the open assessment (this module)
//! and its page (`views/assessment/`), both in the editor's part of the app,
//! downloaded on demand; the plan list only lists assessments, from their
//! stored JSON (`storage::scan_assessments`), without this code.
//!
//! [`OpenAssessment`] is the one edit path of an assessment, as `Session` is
//! for a plan: every change goes through `assessment::edit::apply` (every
//! rule kept, the file size bounded), is recorded for undo and written to
//! storage once this tab holds the cross-tab write lock. Another tab's
//! write is taken, or merged with this tab's edits, as for a plan (see
//! `state::tabs`); only a place changed differently in both tabs waits
//! for the user's choice.

use leptos::prelude::*;

use super::SaveState;
use crate::assessment::{self, Assessment};
use crate::common::history::{Group, History};
use crate::web::{browser, storage};

#[derive(Clone, Copy)]
pub struct OpenAssessment {
    pub doc: RwSignal<Assessment>,
    pub saved: RwSignal<SaveState>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History<Assessment>>,
    /// The stored text as this tab last read or wrote it.
    stored: StoredValue<Option<String>>,
    /// Whether this tab wrote `stored` (rather than read it).
    own: StoredValue<bool>,
    /// Edits wait to be written.
    unwritten: StoredValue<bool>,
    /// A write waits for the cross-tab lock.
    queued: StoredValue<bool>,
}

/// The open assessment, for the views of its page.
pub fn open_assessment() -> OpenAssessment {
    expect_context::<OpenAssessment>()
}

impl OpenAssessment {
    /// Read assessment `id` from storage.
    pub fn load(id: &str) -> Result<OpenAssessment, String> {
        let text = storage::raw(&storage::assessment_key(id)).ok_or("The assessment is no longer in this browser's storage.")?;
        let doc = assessment::import(text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(OpenAssessment {
            doc: RwSignal::new(doc),
            saved: RwSignal::new(SaveState::Saved),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            stored: StoredValue::new(Some(text)),
            own: StoredValue::new(false),
            unwritten: StoredValue::new(false),
            queued: StoredValue::new(false),
        })
    }

    /// Apply `change`: `Ok(None)` when it changed nothing (no undo step,
    /// nothing written); refused changes leave everything as it was and say why.
    pub fn edit<T>(self, change: impl FnOnce(&mut Assessment) -> Result<T, String>) -> Result<Option<T>, String> {
        self.edit_grouped(None, change)
    }

    /// [`Self::edit`] for typing: edits with the same `key` close together
    /// in time make one undo step.
    pub fn edit_typing<T>(self, key: &str, change: impl FnOnce(&mut Assessment) -> Result<T, String>) -> Result<Option<T>, String> {
        let group = Group { key: hash(key), at_ms: js_sys::Date::now() };
        self.edit_grouped(Some(group), change)
    }

    fn edit_grouped<T>(self, group: Option<Group>, change: impl FnOnce(&mut Assessment) -> Result<T, String>) -> Result<Option<T>, String> {
        let mut doc = self.doc.get_untracked();
        let Some(applied) = assessment::edit::apply(&mut doc, &browser::now(), change)? else { return Ok(None) };
        self.history.update_value(|h| h.record(applied.before, group));
        self.doc.set(doc);
        self.write();
        self.note_history();
        Ok(Some(applied.value))
    }

    pub fn undo(self) {
        self.step(|h, now| h.undo(now));
    }

    pub fn redo(self) {
        self.step(|h, now| h.redo(now));
    }

    fn step(self, f: impl FnOnce(&mut History<Assessment>, Assessment) -> Option<Assessment>) {
        let current = self.doc.get_untracked();
        let Some(next) = self.history.try_update_value(|h| f(h, current)).flatten() else { return };
        self.doc.set(next);
        self.write();
        self.note_history();
    }

    fn note_history(self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    fn key(self) -> String {
        self.doc.with_untracked(|d| storage::assessment_key(&d.id))
    }

    fn set_state(self, state: SaveState) {
        if self.saved.try_get_untracked().is_some_and(|s| s != state) {
            self.saved.set(state);
        }
    }

    /// Write the assessment once this tab holds the cross-tab write lock.
    fn write(self) {
        self.unwritten.set_value(true);
        if self.saved.get_untracked() == SaveState::Saved {
            self.saved.set(SaveState::Saving);
        }
        self.sync_soon();
    }

    /// Bring this tab and storage together once the cross-tab lock is ours
    /// (after an edit, or when another tab wrote the assessment).
    pub fn sync_soon(self) {
        if self.queued.try_get_value() != Some(false) {
            return;
        }
        self.queued.set_value(true);
        browser::with_write_lock(move || {
            // An assessment closed meanwhile has nothing to write.
            if self.queued.try_update_value(|q| *q = false).is_some() {
                self.sync();
            }
        });
    }

    fn sync(self) {
        use crate::app::decide::{after_merge, sync_step, Merged, SyncStep};
        let Some(state) = self.saved.try_get_untracked() else { return };
        if matches!(state, SaveState::Conflict | SaveState::Deleted) {
            return;
        }
        let key = self.key();
        let stored = self.stored.get_value();
        let unwritten = self.unwritten.get_value() || matches!(state, SaveState::Unsaved(_));
        let stored_js = stored.as_deref().map(js_sys::JsString::from);
        let found = super::tabs::look(&key, stored_js.as_ref(), unwritten, self.own.get_value());
        if found.facts.gone && stored.is_some() {
            // Deleted in another tab: kept here until the user chooses.
            return self.set_state(SaveState::Conflict);
        }
        match sync_step(found.facts) {
            SyncStep::Nothing => self.set_state(SaveState::Saved),
            SyncStep::Write => {
                let text = self.doc.with_untracked(assessment::export_compact);
                self.put(&key, text, stored_js.as_ref().map_or(0, super::tabs::parent_of_write));
            }
            SyncStep::Follow => {
                let Some((text, _)) = found.newer else { return };
                match assessment::import(text.as_bytes()) {
                    Ok(theirs) => self.follow(theirs, text),
                    Err(_) => self.set_state(SaveState::Conflict),
                }
            }
            SyncStep::Merge => {
                let Some((text, hash)) = found.newer else { return };
                let Some(base) = found.base.or(stored).filter(|_| !found.base_lost) else { return self.set_state(SaveState::Conflict) };
                let mine = self.doc.with_untracked(assessment::export_compact);
                let json = |t: &str| serde_json::from_str::<serde_json::Value>(t).ok();
                // Their order first, so a merge that adds nothing is exactly their version.
                let merged = match (json(&base), json(&text), json(&mine)) {
                    (Some(b), Some(t), Some(m)) => crate::plan::versions::merge::merge_json(&b, &t, &m),
                    _ => None,
                };
                let merged = merged.and_then(|v| assessment::import(v.to_string().as_bytes()).ok());
                let theirs = assessment::import(text.as_bytes()).ok();
                let same = merged.is_some() && merged == theirs;
                match after_merge(merged.is_none() || theirs.is_none(), same) {
                    Merged::Ask => self.set_state(SaveState::Conflict),
                    Merged::Follow => {
                        if let Some(theirs) = theirs {
                            self.follow(theirs, text);
                        }
                    }
                    Merged::Write => {
                        let Some(merged) = merged else { return };
                        let out = assessment::export_compact(&merged);
                        self.history.update_value(History::clear);
                        self.doc.set(merged);
                        self.note_history();
                        self.put(&key, out, hash);
                    }
                }
            }
        }
    }

    /// Write `text`, made from the text `parent` (a hash).
    fn put(self, key: &str, text: String, parent: u64) {
        match storage::write_doc(key, text, parent) {
            Ok((written, _)) => {
                self.stored.set_value(Some(String::from(&written)));
                self.own.set_value(true);
                self.unwritten.set_value(false);
                self.set_state(SaveState::Saved);
            }
            Err(e) => {
                self.unwritten.set_value(false);
                self.saved.set(SaveState::Unsaved(e.message()));
            }
        }
    }

    /// Take the stored version (nothing of this tab's is missing from it):
    /// undo starts again from here, so it never takes back the other tab's edits.
    fn follow(self, theirs: Assessment, text: String) {
        self.history.update_value(History::clear);
        if self.doc.with_untracked(|d| *d != theirs) {
            self.doc.set(theirs);
        }
        self.stored.set_value(Some(text));
        self.own.set_value(false);
        self.unwritten.set_value(false);
        self.set_state(SaveState::Saved);
        self.note_history();
    }

    /// Another tab wrote to storage (called when storage changes).
    pub fn check_other_tabs(self) {
        self.sync_soon();
    }

    /// After a conflict: write this tab's version over the other tab's.
    pub fn keep_mine(self) {
        let key = self.key();
        self.stored.set_value(storage::raw(&key));
        self.saved.set(SaveState::Saved);
        self.write();
    }

    /// After a conflict: take the other tab's version (this tab's stays undoable).
    pub fn take_theirs(self) -> Result<(), String> {
        let key = self.key();
        let text = storage::raw(&key).ok_or("The other tab deleted this assessment; keep yours to store it again.")?;
        let theirs = assessment::import(text.as_bytes()).map_err(|e| e.to_string())?;
        let mine = self.doc.get_untracked();
        self.history.update_value(|h| h.record(mine, None));
        self.doc.set(theirs);
        self.stored.set_value(Some(text));
        self.own.set_value(false);
        self.unwritten.set_value(false);
        self.saved.set(SaveState::Saved);
        self.note_history();
        Ok(())
    }
}

fn hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Create and store a new assessment named `name`, every activity unscored; its id.
pub fn create(name: &str) -> Result<String, String> {
    let id = crate::common::ids::new_id("assessment", browser::entropy());
    let now = browser::now();
    let a = assessment::edit::create(id.clone(), name, "", &now[..10.min(now.len())], &now)?;
    storage::write_text(&storage::assessment_key(&id), &assessment::export_compact(&a)).map_err(|e| e.message())?;
    Ok(id)
}

/// [`restore`]'s signature, as the editor's part hands it out.
pub type Restore = fn(&[u8]) -> Vec<Result<String, String>>;

/// Import each maturity assessment of a backup file as [`import_file`]
/// does; what was done with each, in words.
pub fn restore(backup: &[u8]) -> Vec<Result<String, String>> {
    crate::app::backup::assessment_files(backup).iter().map(|file| import_file(file.as_bytes()).map(|(_, said)| said)).collect()
}

/// [`import_file`]'s signature, as the editor's part hands it out.
pub type ImportFile = fn(&[u8]) -> Result<(String, String), String>;

/// Import an assessment file: stored as it is, or as a copy under a new id
/// when this browser holds another version of it (nothing is overwritten).
/// Returns the id to open and what was done, in words.
pub fn import_file(bytes: &[u8]) -> Result<(String, String), String> {
    let a = assessment::import(bytes).map_err(|e| e.to_string())?;
    let key = storage::assessment_key(&a.id);
    let text = assessment::export_compact(&a);
    match storage::raw(&key) {
        Some(here) if here == text => Ok((a.id.clone(), format!("“{}” is already here, unchanged.", a.name))),
        Some(_) => {
            let id = crate::common::ids::new_id("assessment", browser::entropy());
            let name = format!("{} (imported)", a.name);
            let copy = assessment::edit::duplicate(&a, id.clone(), &browser::now(), &name)?;
            storage::write_text(&storage::assessment_key(&id), &assessment::export_compact(&copy)).map_err(|e| e.message())?;
            Ok((id, format!("Another version of “{}” is here: the file was kept beside it as “{name}”.", a.name)))
        }
        None => {
            storage::write_text(&key, &text).map_err(|e| e.message())?;
            Ok((a.id.clone(), format!("Imported “{}”.", a.name)))
        }
    }
}

/// Every stored assessment that reads (one that does not is skipped here:
/// opening it says why).
pub fn stored() -> Vec<Assessment> {
    storage::scan_assessments()
        .0
        .iter()
        .filter_map(|s| storage::raw(&storage::assessment_key(&s.id)))
        .filter_map(|text| assessment::import(text.as_bytes()).ok())
        .collect()
}
