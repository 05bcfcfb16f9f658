//! Tabs of one browser profile editing the same plan (a facilitator's
//! laptop and the projector's window): in the editor's part of the app.
//!
//! Every write of the open plan happens under one cross-tab lock
//! ([`browser::with_write_lock`]) and notes the text it was made from
//! (`storage::write_doc`). The browser may still show a tab a stored text
//! older than the last write, so a tab that finds the stored text moved on
//! (when it writes, or when another tab's write reaches it) merges its
//! edits onto the newer text from the version that text was made from:
//! what merges by itself is written (or, when the stored text already holds
//! it all, simply taken) and only a place changed differently on both sides
//! asks the user (the conflict banner). The decisions are
//! `app::decide::{sync_step, after_merge}`.

use js_sys::JsString;
use leptos::prelude::*;

use super::{NoticeKind, OpenPlan, SaveState};
use crate::app::decide::{self, Base, Merged, SyncFacts, SyncStep};
use crate::plan::{file, model::Plan, repair, versions::merge};
use crate::web::{browser, storage};

/// Bring the open plan and storage together: `now` when the page goes away
/// (no waiting for the lock), else once this tab holds the write lock.
pub fn sync_plan(open: OpenPlan, now: bool) {
    if now {
        return sync(open);
    }
    // One turn in the queue is enough: it writes whatever the plan is by then.
    if open.try_queued() != Some(false) {
        return;
    }
    open.set_queued(true);
    browser::with_write_lock(move || {
        // A plan closed meanwhile was written as it closed.
        if open.set_queued(false) {
            sync(open);
        }
    });
}

/// Learn from other tabs' writes, as they come: which text each was made
/// from, and the texts themselves (a later write may be made from one).
pub fn listen() {
    let _ = window_event_listener(leptos::ev::storage, |ev| {
        let (Some(key), Some(value)) = (ev.key(), ev.new_value()) else { return };
        if key == storage::LINEAGE {
            storage::note_lineage(&value);
        } else if key.starts_with(storage::PLAN_PREFIX) || key.starts_with(storage::ASSESSMENT_PREFIX) {
            storage::remember(decide::text_hash(&value), &JsString::from(value.as_str()));
        }
    });
}

/// What storage holds compared with what this tab last saw there.
pub struct Found {
    pub facts: SyncFacts,
    /// The stored text and its hash, when it moved on.
    pub newer: Option<(String, u64)>,
    /// The text to merge from, when it is not the one this tab last saw
    /// (see `decide::merge_base`).
    pub base: Option<String>,
    /// No merge is safe: the user chooses.
    pub base_lost: bool,
}

/// Compare the text stored under `key` with `stored`, the text this tab
/// last read or wrote (JS strings: compared without copying them).
pub fn look(key: &str, stored: Option<&JsString>, unwritten: bool, own_in_stored: bool) -> Found {
    let current = storage::raw_js(key);
    let moved_on = current.is_some() && current.as_ref() != stored;
    let mut found = Found {
        facts: SyncFacts { gone: current.is_none(), moved_on, unwritten, own_in_stored, builds_on_stored: false },
        newer: None,
        base: None,
        base_lost: false,
    };
    if let Some(current) = current.filter(|_| moved_on) {
        let text = String::from(&current);
        let hash = decide::text_hash(&text);
        storage::remember(hash, &current);
        storage::learn_lineage();
        let theirs = decide::ancestors(hash, storage::parent_of);
        let stored_hash = stored.map_or(0, |s| decide::text_hash(&String::from(s)));
        let mut stored_from = vec![stored_hash];
        stored_from.extend(decide::ancestors(stored_hash, storage::parent_of));
        found.facts.builds_on_stored = theirs.contains(&stored_hash);
        match decide::merge_base(&theirs, stored_hash, &stored_from, own_in_stored) {
            Base::Stored => {}
            Base::Ancestor(common) => match storage::remembered(common) {
                Some(text) => found.base = Some(String::from(&text)),
                None => found.base_lost = true,
            },
            Base::Lost => found.base_lost = true,
        }
        found.newer = Some((text, hash));
    }
    found
}

fn sync(open: OpenPlan) {
    let (Some(id), Some(state)) = (open.id(), open.save_state.try_get_untracked()) else { return };
    if matches!(state, SaveState::Conflict | SaveState::Deleted) {
        return;
    }
    let key = storage::plan_key(&id);
    let stored = open.stored.get_value();
    let unwritten = open.has_unwritten() || matches!(state, SaveState::Unsaved(_));
    let found = look(&key, Some(&stored), unwritten, open.own());
    match decide::sync_step(found.facts) {
        SyncStep::Nothing => open.set_state(SaveState::Saved),
        SyncStep::Write => {
            write(open, &key, open.stored_hash().map_or_else(|| parent_of_write(&stored), |hash| kept_in_mind(hash, &stored)))
        }
        SyncStep::Follow => {
            let Some((text, _)) = found.newer else { return };
            match repair::read_stored(&text) {
                Ok((plan, _)) => follow(open, plan, JsString::from(text.as_str())),
                Err(_) => ask(open, None),
            }
        }
        SyncStep::Merge => {
            let Some((text, hash)) = found.newer else { return };
            if found.base_lost {
                return ask(open, None);
            }
            let base = found.base.unwrap_or_else(|| String::from(&stored));
            merge_onto(open, &key, base, text, hash);
        }
    }
}

/// Merge this tab's plan onto `text` (stored, with hash `hash`) from `base`.
fn merge_onto(open: OpenPlan, key: &str, base: String, text: String, hash: u64) {
    let (Ok(base_json), Ok((theirs, _))) = (file::plan_json(base.as_bytes()), repair::read_stored(&text)) else {
        return ask(open, Some(base));
    };
    let mine = open.plan.get_untracked();
    // Their order first, so a merge that adds nothing is exactly their plan.
    let merge = merge::merge_tabs(&base_json, &theirs, &mine);
    let resolved = if merge.conflicts.is_empty() { merge.resolve(&[]).ok().map(|r| r.plan) } else { None };
    let same = resolved.as_ref() == Some(&theirs);
    match decide::after_merge(resolved.is_none(), same) {
        Merged::Ask => ask(open, Some(base)),
        Merged::Follow => follow(open, theirs, JsString::from(text.as_str())),
        Merged::Write => {
            let Some(merged) = resolved else { return };
            let out = file::export_compact(&merged);
            if out.len() > file::MAX_FILE_BYTES {
                return open.not_written(crate::plan::edit::too_large());
            }
            let bytes = out.len();
            match storage::write_doc(key, out, hash) {
                Ok((written, written_hash)) => {
                    open.took_merge(merged, written, bytes, written_hash);
                    written_to_storage(open);
                    open.ui.notify(NoticeKind::Info, "Another tab changed this plan too: both tabs’ changes are kept.");
                }
                Err(e) => open.not_written(e.message()),
            }
        }
    }
}

fn follow(open: OpenPlan, plan: Plan, text: JsString) {
    let news = open.plan.with_untracked(|p| *p != plan);
    open.follow(storage::Loaded { plan, text, repairs: Vec::new() });
    if news {
        open.ui.notify(NoticeKind::Info, "Updated with the changes made in another tab.");
    }
}

/// A place changed differently here and in another tab: the user chooses,
/// merging from `base` (the version both started from) if they wish.
fn ask(open: OpenPlan, base: Option<String>) {
    open.set_conflict_base(base);
    open.set_state(SaveState::Conflict);
}

/// The hash of `stored`, about to be written over, which is kept in mind:
/// a tab that writes over this tab's write without having seen it made its
/// version from this text, and merging from it keeps this tab's edit.
pub fn parent_of_write(stored: &JsString) -> u64 {
    let hash = decide::text_hash(&String::from(stored));
    storage::remember(hash, stored);
    hash
}

/// [`parent_of_write`] of a text whose hash is known.
fn kept_in_mind(hash: u64, stored: &JsString) -> u64 {
    storage::remember(hash, stored);
    hash
}

/// Write this tab's plan, made from the text `parent` (a hash).
fn write(open: OpenPlan, key: &str, parent: u64) {
    let Some(text) = open.plan.try_with_untracked(file::export_compact) else { return };
    if text.len() > file::MAX_FILE_BYTES {
        // Not reachable by the edits the app makes (see `edit::growth_bound`); never store it.
        return open.not_written(crate::plan::edit::too_large());
    }
    let bytes = text.len();
    match storage::write_doc(key, text, parent) {
        Ok((written, hash)) => {
            open.wrote(written, bytes, hash);
            written_to_storage(open);
        }
        Err(e) => open.not_written(e.message()),
    }
}

/// The open plan's edits are in storage: its linked file on disk, if it
/// has one, is written too (`web::linked_file`).
fn written_to_storage(open: OpenPlan) {
    if let Some(id) = open.id() {
        crate::web::linked_file::stored(&id);
    }
}
