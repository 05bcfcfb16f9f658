//! A plan linked to a file on disk, through the browser's File System
//! Access API (Chrome and Edge have it): "Save to file…" and "Open file…"
//! link the open plan to a file, every saved edit is then written there
//! too, a file changed on disk (someone saved it, a git pull) is offered as
//! a merge, and after a reload the browser is asked for permission again.
//! What each fact means, what is offered and the words are decided in
//! `app::linked`; this layer gathers the facts and carries them out. It is
//! in the editor's part of the app only: the plan list's "Open file…"
//! calls in through `EditorParts::open_file`.
//!
//! - `disk.rs`: the browser's objects (pickers, the file, permission);
//! - `handles.rs`: the links kept in IndexedDB over a reload.

use std::cell::{Cell, RefCell};

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::linked::{self, Action, Disk, Status};
use crate::plan::file::{self, ImportError};
use crate::plan::model::Plan;
use crate::web::state::{AppState, Dialog, NoticeKind};

mod disk;
mod handles;

pub use disk::supported;
use disk::{call, cancelled, error_parts, file_of, name_of, permission, picker, window, write_text, Stamp};
use handles::{forget, keep, recall};

/// A read (`reading`) or a write of the file failed: why, in words.
fn failure(name: &str, reading: bool, e: &JsValue) -> String {
    let (error, message) = error_parts(e);
    linked::failure(name, reading, &error, &message)
}

/// A picker could not open (the user's choice to cancel aside).
fn picker_failed(app: AppState, e: &JsValue) {
    let message = error_parts(e).1;
    let why = Some(message.trim().trim_end_matches('.')).filter(|m| !m.is_empty()).unwrap_or("the browser did not say why");
    app.notify(NoticeKind::Error, format!("The file picker did not open: {why}. Nothing was changed."));
}

// ----- the open plan's link --------------------------------------------------

/// The open plan's link to a file.
struct Link {
    app: AppState,
    id: String,
    handle: JsValue,
    name: String,
    /// Which link this is (a link made again for the same plan is another).
    serial: u64,
    /// The text last written to the file or read from it: the merge base.
    base: String,
    /// The file's stamp when it held `base`, if known.
    stamp: Option<Stamp>,
    status: Status,
    /// Saved edits the file may not have yet.
    dirty: bool,
    /// Write the plan over the file whatever it holds (the user chose so).
    force: bool,
    /// A look or a write is under way; `again`: another is wanted after it.
    busy: bool,
    again: bool,
    /// The disk's version offered for merging.
    offered: Option<Offered>,
}

struct Offered {
    plan: Plan,
    text: String,
    stamp: Stamp,
}

/// A file "Open file…" read, waiting for its import to open the plan it holds.
struct Pending {
    handle: JsValue,
    name: String,
    text: String,
    stamp: Stamp,
    plan_id: String,
    /// Not yet passed to an import (any later import drops it).
    fresh: bool,
}

/// What the plan page shows of the link.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub name: String,
    pub status: Status,
}

thread_local! {
    static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static SERIAL: Cell<u64> = const { Cell::new(0) };
    static SHOWN: ArcRwSignal<Option<Shown>> = ArcRwSignal::new(None);
}

/// What the plan page shows of the open plan's link (tracked).
pub fn shown() -> ArcRwSignal<Option<Shown>> {
    SHOWN.with(Clone::clone)
}

fn publish(shown: Option<Shown>) {
    SHOWN.with(|s| {
        if s.get_untracked() != shown {
            s.set(shown);
        }
    });
}

/// Change the link, then show what it is.
fn with_link<R>(f: impl FnOnce(&mut Link) -> R) -> Option<R> {
    let (result, shown) = LINK.with_borrow_mut(|link| {
        let link = link.as_mut()?;
        let result = f(link);
        Some((result, Shown { name: link.name.clone(), status: link.status.clone() }))
    })?;
    publish(Some(shown));
    Some(result)
}

/// Link the open plan `id` to `handle`, whose file holds `base`.
fn install(app: AppState, id: String, handle: JsValue, base: String, stamp: Option<Stamp>, status: Status) {
    let serial = SERIAL.get() + 1;
    SERIAL.set(serial);
    let name = name_of(&handle);
    let link =
        Link { app, id, handle, name, serial, base, stamp, status, dirty: false, force: false, busy: false, again: false, offered: None };
    LINK.set(Some(link));
    with_link(|_| ());
}

/// Look at the file, then write the plan's saved edits to it: one at a
/// time; a call while one runs asks for one more after it (so a burst of
/// saved edits is written once or twice, not once each).
fn run() {
    let start = with_link(|l| {
        if l.status == Status::NeedsPermission {
            return false;
        }
        if l.busy {
            l.again = true;
            return false;
        }
        l.busy = true;
        true
    });
    if start == Some(true) {
        leptos::task::spawn_local(pump());
    }
}

/// What the link knows as a look starts.
struct Facts {
    app: AppState,
    id: String,
    serial: u64,
    handle: JsValue,
    name: String,
    base: String,
    stamp: Option<Stamp>,
    dirty: bool,
    force: bool,
}

/// What a look at the file (and a write) found.
enum Found {
    /// The file holds this plan as last written: its new text if it
    /// changed (written, or saved again elsewhere), its stamp; `wrote`: this look wrote it.
    Ours {
        base: Option<String>,
        stamp: Stamp,
        wrote: bool,
    },
    Changed(Box<Offered>),
    Refused(String),
    Failed(String),
}

async fn pump() {
    loop {
        let facts = with_link(|l| {
            l.again = false;
            Facts {
                app: l.app,
                id: l.id.clone(),
                serial: l.serial,
                handle: l.handle.clone(),
                name: l.name.clone(),
                base: l.base.clone(),
                stamp: l.stamp,
                dirty: l.dirty,
                force: l.force,
            }
        });
        let Some(facts) = facts else { return };
        let found = look_and_write(&facts).await;
        let again = settle(&facts, found);
        if !again {
            return;
        }
    }
}

async fn look_and_write(facts: &Facts) -> Found {
    let (file, stamp) = match file_of(&facts.handle).await {
        Ok(found) => found,
        Err(e) => return Found::Failed(failure(&facts.name, true, &e)),
    };
    // The plan was closed meanwhile (its last edits were written as it closed).
    if facts.app.open_id().as_deref() != Some(facts.id.as_str()) {
        return Found::Ours { base: None, stamp, wrote: false };
    }
    let mut base = None;
    if !facts.force && linked::may_have_changed(facts.stamp, stamp) {
        let bytes = match super::files::read(&file, file::MAX_FILE_BYTES).await {
            Ok(bytes) => bytes,
            Err(super::files::ReadError::TooLarge(size)) => {
                let why = ImportError::File(crate::common::json::Envelope::TooLarge { size }).to_string();
                return Found::Refused(linked::unreadable(&facts.name, &why));
            }
            Err(super::files::ReadError::Failed(why)) => return Found::Failed(linked::failure(&facts.name, true, "", &why)),
        };
        // Another tab of this browser may have written it: its text is in the shared record.
        let known = if bytes == facts.base.as_bytes() { None } else { recall(&facts.id).await.map(|(_, b)| b) };
        let last = known.as_deref().unwrap_or(&facts.base);
        let disk = facts.app.session.with_plan(|ours| linked::on_disk(&bytes, last, ours, &facts.name));
        let text = || file::decode_text(&bytes).map(|t| t.into_owned()).unwrap_or_default();
        match disk {
            None => return Found::Ours { base: None, stamp, wrote: false },
            Some(Disk::InStep) => base = known,
            Some(Disk::SameAsOurs) => base = Some(text()),
            Some(Disk::Changed(plan)) => return Found::Changed(Box::new(Offered { plan: *plan, text: text(), stamp })),
            Some(Disk::Refused(why)) => return Found::Refused(why),
        }
    }
    if !facts.dirty {
        return Found::Ours { base, stamp, wrote: false };
    }
    let Some(text) = facts.app.session.with_plan(file::export_for_file) else {
        return Found::Ours { base, stamp, wrote: false };
    };
    // Written over whatever the file holds when the user chose so, even with no edit since the last write.
    if !facts.force && text == *base.as_ref().unwrap_or(&facts.base) {
        return Found::Ours { base, stamp, wrote: false };
    }
    match write_text(&facts.handle, &text).await {
        Ok(stamp) => Found::Ours { base: Some(text), stamp, wrote: true },
        Err(e) => Found::Failed(failure(&facts.name, false, &e)),
    }
}

/// Take in what the look found; whether to look again.
fn settle(facts: &Facts, found: Found) -> bool {
    let mut offer = None;
    let mut tell = None;
    let mut kept = None;
    let again = with_link(|l| {
        if l.serial != facts.serial {
            return false;
        }
        match found {
            Found::Ours { base, stamp, wrote } => {
                if let Some(base) = base {
                    kept = Some((l.handle.clone(), base.clone()));
                    l.base = base;
                }
                l.stamp = Some(stamp);
                l.status = Status::InStep;
                l.offered = None;
                l.force = false;
                if !l.again {
                    l.dirty = false;
                }
                if wrote {
                    l.app.library.mark_covered(std::slice::from_ref(&l.id));
                }
            }
            Found::Changed(offered) => {
                let new = l.status != Status::Changed || l.offered.as_ref().is_none_or(|o| o.text != offered.text);
                if new {
                    offer = Some((offered.plan.clone(), l.base.clone()));
                }
                l.status = Status::Changed;
                l.offered = Some(*offered);
            }
            Found::Refused(why) | Found::Failed(why)
                if l.status == Status::Refused(why.clone()) || l.status == Status::Failed(why.clone()) => {}
            Found::Refused(why) => {
                tell = Some(why.clone());
                l.status = Status::Refused(why);
            }
            Found::Failed(why) => {
                tell = Some(why.clone());
                l.status = Status::Failed(why);
            }
        }
        let again = l.again && linked::writes(&l.status);
        l.busy = again;
        again
    })
    .unwrap_or(false);
    if let Some((handle, base)) = kept {
        let id = facts.id.clone();
        leptos::task::spawn_local(async move { keep(&id, &handle, &base).await });
    }
    if let Some(why) = tell {
        facts.app.notify(NoticeKind::Error, why);
    }
    if let Some((theirs, base)) = offer {
        offer_merge(facts.app, &base, theirs);
    }
    again
}

/// Ask the merge of the disk's plan onto the one here, from `base`.
fn offer_merge(app: AppState, base: &str, theirs: Plan) {
    let (Ok(base), Some(mine)) = (file::plan_json(base.as_bytes()), app.session.with_plan(Plan::clone)) else {
        app.notify(
            NoticeKind::Error,
            "The version last written to the file cannot be read, so the two cannot be merged. Nothing was changed.",
        );
        return;
    };
    let merge = crate::plan::versions::merge::merge_onto(&base, &mine, &theirs);
    app.ask(Dialog::Merge { theirs: Box::new(theirs), merge: Box::new(merge), from_tab: false });
}

// ----- what the app calls ----------------------------------------------------

/// "Save to file…": pick a file, write the open plan there (the same text
/// as Export) and link the plan to it.
pub fn save_to_file(app: AppState) {
    let Some((id, name, text)) = app.session.with_plan(|p| (p.id.clone(), p.name.clone(), file::export_for_file(p))) else { return };
    if !supported() {
        app.notify(NoticeKind::Error, linked::NO_FILE_API);
        return;
    }
    let suggested = super::files::file_name(&name, ".jsp-plan.json");
    // Called at once, inside the click: the picker needs it.
    let picked = call(&window(), "showSaveFilePicker", &[&picker(Some(&suggested))]);
    leptos::task::spawn_local(async move {
        let handle = match picked {
            Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await,
            Err(e) => Err(e),
        };
        let handle = match handle {
            Ok(handle) => handle,
            Err(e) if cancelled(&e) => return,
            Err(e) => return picker_failed(app, &e),
        };
        let file_name = name_of(&handle);
        match write_text(&handle, &text).await {
            Ok(stamp) => {
                keep(&id, &handle, &text).await;
                install(app, id.clone(), handle, text, Some(stamp), Status::InStep);
                app.library.mark_covered(std::slice::from_ref(&id));
                app.notify(NoticeKind::Info, linked::saved_to(&name, &file_name));
                // An edit made while the picker was open is written too.
                stored(&id);
            }
            Err(e) => app.notify(NoticeKind::Error, failure(&file_name, false, &e)),
        }
    });
}

/// "Open file…" (the plan list): pick a file and import it the way a
/// dropped file is (every check, and the questions a plan already here
/// asks); the plan it opens is linked to it.
pub fn open_file(app: AppState) {
    let picked = call(&window(), "showOpenFilePicker", &[&picker(None)]);
    if picked.is_err() {
        app.notify(NoticeKind::Error, linked::NO_FILE_API_OPEN);
        return;
    }
    leptos::task::spawn_local(async move {
        let handles = match picked {
            Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await,
            Err(e) => Err(e),
        };
        let handle = match handles {
            Ok(list) => list.unchecked_into::<js_sys::Array>().get(0),
            Err(e) if cancelled(&e) => return,
            Err(e) => return picker_failed(app, &e),
        };
        let name = name_of(&handle);
        let read = match file_of(&handle).await {
            Ok((file, stamp)) => super::files::read(&file, crate::app::backup::MAX_BYTES).await.ok().map(|bytes| (bytes, stamp)),
            Err(_) => None,
        };
        let Some((bytes, stamp)) = read else {
            let words = format!("“{}” could not be read. Nothing was changed.", crate::common::words::isolate(&name));
            return app.notify(NoticeKind::Error, words);
        };
        let plan_id = file::plan_json(&bytes).ok().and_then(|v| v["id"].as_str().map(str::to_string));
        if let (Some(plan_id), Ok(text)) = (plan_id, file::decode_text(&bytes)) {
            let text = text.into_owned();
            PENDING.set(Some(Pending { handle, name: name.clone(), text, stamp, plan_id, fresh: true }));
        }
        app.import_bytes(name, bytes).await;
    });
}

/// An import starts: a file "Open file…" read is for the first one only.
pub fn import_started() {
    PENDING.with_borrow_mut(|p| match p {
        Some(pending) if pending.fresh => pending.fresh = false,
        _ => *p = None,
    });
}

/// An import opened plan `id`: if "Open file…" read it, link them.
/// `merged`: the plan is a merge of the file's and the one here, which the file lacks.
pub fn adopt(app: AppState, id: &str, merged: bool) -> bool {
    let Some(pending) = PENDING.with_borrow_mut(|p| p.take_if(|p| p.plan_id == id)) else { return false };
    let plan_name = app.session.with_plan(|p| p.name.clone()).unwrap_or_default();
    let (handle, base) = (pending.handle.clone(), pending.text.clone());
    let key = id.to_string();
    leptos::task::spawn_local(async move { keep(&key, &handle, &base).await });
    install(app, id.to_string(), pending.handle, pending.text, Some(pending.stamp), Status::InStep);
    app.notify(NoticeKind::Info, linked::linked_to(&plan_name, &pending.name));
    if merged {
        stored(id);
    }
    true
}

/// The user merged a file's plan into the open plan (the merge dialog):
/// the disk's version offered here, or a file "Open file…" read. The merge
/// is then written to the file.
pub fn merged(app: AppState, theirs: &Plan) {
    if adopt(app, &theirs.id, true) {
        return;
    }
    let matched = with_link(|l| match l.offered.take() {
        Some(o) if o.plan == *theirs => {
            l.base = o.text;
            l.stamp = Some(o.stamp);
            l.status = Status::InStep;
            l.dirty = true;
            true
        }
        other => {
            l.offered = other;
            false
        }
    });
    if matched == Some(true) {
        run();
    }
}

/// The open plan `id` was written to the browser's storage: write it to
/// its file too, if it has one that is in step.
pub fn stored(id: &str) {
    let wanted = with_link(|l| {
        if l.id != id {
            return false;
        }
        l.dirty = true;
        linked::writes(&l.status)
    });
    if wanted == Some(true) {
        run();
    }
}

/// Plan `id` opened: find its link, if it has one, and look at the file.
pub fn opened(app: AppState, id: String) {
    if with_link(|l| l.id == id) == Some(true) {
        return run();
    }
    LINK.set(None);
    publish(None);
    if !supported() {
        return;
    }
    leptos::task::spawn_local(async move {
        let Some((handle, base)) = recall(&id).await else { return };
        if app.open_id().as_deref() != Some(id.as_str()) || LINK.with_borrow(|l| l.is_some()) {
            return;
        }
        let status = if permission(&handle, false).await { Status::InStep } else { Status::NeedsPermission };
        install(app, id, handle, base, None, status);
        run();
    });
}

/// The app regained focus: has the file changed on disk?
pub fn check() {
    run();
}

/// Carry out what the user chose about the link.
pub fn act(action: Action) {
    match action {
        Action::Allow | Action::Retry => allow(),
        Action::Merge => {
            let offer = LINK.with_borrow(|l| {
                let l = l.as_ref()?;
                Some((l.app, l.base.clone(), l.offered.as_ref()?.plan.clone()))
            });
            if let Some((app, base, theirs)) = offer {
                offer_merge(app, &base, theirs);
            }
        }
        Action::CheckAgain => {
            with_link(|l| l.stamp = None);
            run();
        }
        Action::WriteOver => {
            with_link(|l| {
                l.status = Status::InStep;
                l.force = true;
                l.dirty = true;
            });
            run();
        }
        Action::Unlink => unlink(),
    }
}

/// Ask for permission again (the click is the user's gesture), then write
/// the plan as it is now.
fn allow() {
    let Some(handle) = LINK.with_borrow(|l| l.as_ref().map(|l| l.handle.clone())) else { return };
    // Asked at the next microtask, well within the click's activation.
    leptos::task::spawn_local(async move {
        if permission(&handle, true).await {
            // From here a failure is told again, even in the same words: the user asked.
            with_link(|l| {
                l.status = Status::InStep;
                l.dirty = true;
            });
            run();
        } else {
            let told = with_link(|l| {
                l.status = Status::NeedsPermission;
                (l.app, l.name.clone())
            });
            if let Some((app, name)) = told {
                let words = format!(
                    "The browser did not allow writing to {}. Your edits are safe in this browser.",
                    crate::common::words::isolate(&name)
                );
                app.notify(NoticeKind::Error, words);
            }
        }
    });
}

fn unlink() {
    let Some(link) = LINK.take() else { return };
    publish(None);
    link.app.notify(NoticeKind::Info, linked::unlinked(&link.name));
    leptos::task::spawn_local(async move { forget(&link.id).await });
}
