//! Decisions the app takes about things outside the plan: what a change made
//! by another tab means for this one, whether a save may go ahead, what an
//! import should do with a plan already in the library, and which messages
//! stay on screen. Pure functions, so each rule is tested natively; the
//! browser layer (`web::state`) only gathers the facts and carries them out.

/// What this tab knows when another tab writes to storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageEvent<'a> {
    /// The key written; `None` when the other tab cleared all storage.
    pub key: Option<&'a str>,
    /// The value before the write, as the event reports it.
    pub old_value: Option<&'a str>,
    /// The value written; `None` when the key was removed.
    pub new_value: Option<&'a str>,
}

/// What this tab has of the open plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenPlan<'a> {
    /// Its storage key.
    pub key: &'a str,
    /// The text this tab last read or wrote there.
    pub stored: Option<&'a str>,
    /// Whether every edit made in this tab is in storage.
    pub saved: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageAction {
    /// Not about plans (preferences, other apps on the origin).
    Ignore,
    /// Another plan changed: only the list needs reading again.
    RefreshList,
    /// The open plan changed elsewhere, and everything this tab did is part
    /// of what the other tab started from: take the new version quietly.
    Follow,
    /// Both tabs changed the open plan: the user chooses.
    Conflict,
    /// The open plan was deleted elsewhere.
    Deleted,
}

pub fn storage_event(event: StorageEvent<'_>, plan_prefix: &str, open: Option<OpenPlan<'_>>) -> StorageAction {
    let Some(key) = event.key else {
        // storage.clear() in another tab removed every plan, the open one too.
        return if open.is_some() { StorageAction::Deleted } else { StorageAction::RefreshList };
    };
    if !key.starts_with(plan_prefix) {
        return StorageAction::Ignore;
    }
    let Some(open) = open.filter(|o| o.key == key) else { return StorageAction::RefreshList };
    match event.new_value {
        None => StorageAction::Deleted,
        Some(new) if Some(new) == open.stored => StorageAction::RefreshList,
        // The other tab wrote over exactly what this tab saved last, and this
        // tab has nothing unsaved: it has no edits of its own to lose.
        Some(_) if open.saved && event.old_value == open.stored => StorageAction::Follow,
        Some(_) => StorageAction::Conflict,
    }
}

/// Whether a save of the open plan may write, given what this tab expects
/// to find in storage and what is there now (texts, or in the browser JS
/// strings compared without copying them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveCheck {
    Write,
    /// Someone else wrote a different version since this tab last did.
    Conflict,
    /// The entry is gone although this tab had saved it (cleared in this tab,
    /// e.g. from the browser's tools; another tab's delete arrives as an
    /// event first). Writing it again loses nothing.
    Recreate,
}

pub fn save_check<T: PartialEq + ?Sized>(expected: Option<&T>, current: Option<&T>) -> SaveCheck {
    match (expected, current) {
        (e, c) if e == c => SaveCheck::Write,
        (Some(_), None) => SaveCheck::Recreate,
        _ => SaveCheck::Conflict,
    }
}

/// What importing a plan does, given what the library holds under its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    /// New to this browser: store it.
    Store,
    /// A readable plan has the same id: ask whether to replace it or keep both.
    AskReplaceOrKeepBoth,
    /// The stored copy of this plan cannot be read: offer the file as its replacement.
    OfferReplaceUnreadable,
}

pub fn import_action(incoming_id: &str, readable: &[&str], unreadable: &[&str]) -> ImportAction {
    if readable.contains(&incoming_id) {
        ImportAction::AskReplaceOrKeepBoth
    } else if unreadable.contains(&incoming_id) {
        ImportAction::OfferReplaceUnreadable
    } else {
        ImportAction::Store
    }
}

/// What the import dialog says about a file whose plan this browser holds
/// already, before the user chooses: whether the two copies are identical,
/// or which is newer and when each was last edited (`file_edited`,
/// `yours_edited`: times as the user reads them). `standing` is the file's
/// copy against yours, as a backup's restore judges it
/// ([`crate::app::backup::Standing::of`]).
pub fn import_comparison(standing: crate::app::backup::Standing, file_edited: &str, yours_edited: &str) -> String {
    use crate::app::backup::Standing;
    match standing {
        Standing::Identical => format!("The file’s copy is identical to yours (last edited {yours_edited}): importing it changes nothing."),
        Standing::Newer => format!("The file’s copy is newer: it was last edited {file_edited}, yours {yours_edited}."),
        Standing::Older => format!("Your copy is newer: it was last edited {yours_edited}, the file’s {file_edited}."),
        Standing::Different => format!("The copies differ, though both were last edited {yours_edited}."),
        Standing::New => "This browser has no copy of it.".into(),
    }
}

/// Why an import did not fit in the browser's storage, in the storage's own
/// measure (`crate::common::words::human_bytes`, as the plan list counts
/// what plans use): the room the plan `needs` and, where known, the room
/// still `free`. Both are estimates, so they read "about".
pub fn import_too_big_for_storage(needs: usize, free: Option<usize>) -> String {
    use crate::common::words::human_bytes;
    let room = match free {
        // The estimate may not know this browser's limit; the write failed, so less is free.
        Some(free) if free < needs => format!("It needs about {} of storage and about {} is free.", human_bytes(needs), human_bytes(free)),
        _ => format!("It needs about {} of storage, more than is free.", human_bytes(needs)),
    };
    format!("Browser storage is full, so the file was not imported. {room} Export plans you no longer need to files and delete them here, then import it again.")
}

/// Why an import was refused although its file was within the file limit:
/// written as this browser keeps plans (compact, in the current format
/// version), the plan takes `stored_bytes`, more than a plan may. A file
/// of an older version grows as it is brought up to date, and one that
/// leaves out empty fields grows as they are written.
pub fn import_too_large(stored_bytes: usize) -> String {
    use crate::common::words::{human_bytes, thousands};
    use crate::plan::file::MAX_FILE_BYTES;
    format!(
        "The file was not imported: kept in this browser, its plan would take {} bytes, more than the {} bytes ({}) a plan can hold. Make the plan smaller where it was written, then import it again.",
        thousands(stored_bytes),
        thousands(MAX_FILE_BYTES),
        human_bytes(MAX_FILE_BYTES)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// How many information messages stay at once: enough for the outcome of a
/// few files dropped together, few enough not to push the page down.
pub const MAX_INFOS: usize = 3;

/// Which notices stay when one of `incoming` kind arrives: every error
/// (until dismissed) and the most recent information messages. `kinds` is
/// oldest first; returns the indices to keep.
pub fn notices_to_keep(kinds: &[NoticeKind], incoming: NoticeKind) -> Vec<usize> {
    let room = if incoming == NoticeKind::Info { MAX_INFOS - 1 } else { MAX_INFOS };
    let infos: Vec<usize> = kinds.iter().enumerate().filter(|(_, k)| **k == NoticeKind::Info).map(|(i, _)| i).collect();
    let first_info_kept = infos.len().saturating_sub(room);
    let kept_infos = &infos[first_info_kept..];
    (0..kinds.len()).filter(|i| kinds[*i] == NoticeKind::Error || kept_infos.contains(i)).collect()
}

// ----- several tabs writing one document --------------------------------
//
// Tabs of one browser profile write a plan or an assessment under one lock,
// but a tab may still read a stored text older than the last write (the
// browser caches storage per tab), so each write also records, in a short
// list kept beside the documents ([`lineage_add`]), which text it was made
// from. A tab that finds the stored text moved on merges from that text.

/// A text's identity in the list of writes: the same in every tab.
pub fn text_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

/// How many writes the list keeps: a tab's view lags a few writes at most.
pub const LINEAGE_LINES: usize = 32;

/// The writes in the list: (text written, text it was made from).
pub fn lineage_read(list: &str) -> Vec<(u64, u64)> {
    let hex = |s: &str| u64::from_str_radix(s, 16).ok();
    list.lines().filter_map(|l| l.split_once(' ')).filter_map(|(c, p)| Some((hex(c)?, hex(p)?))).collect()
}

/// The list with one more write, keeping the last [`LINEAGE_LINES`].
pub fn lineage_add(list: Option<&str>, child: u64, parent: u64) -> String {
    let mut lines: Vec<(u64, u64)> = list.map(lineage_read).unwrap_or_default();
    lines.retain(|&(c, _)| c != child);
    lines.push((child, parent));
    let skip = lines.len().saturating_sub(LINEAGE_LINES);
    lines[skip..].iter().map(|(c, p)| format!("{c:016x} {p:016x}\n")).collect()
}

/// What a tab knows when it writes its document or hears it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncFacts {
    /// The stored text is gone.
    pub gone: bool,
    /// The stored text is not the one this tab last read or wrote.
    pub moved_on: bool,
    /// This tab has edits not yet written.
    pub unwritten: bool,
    /// The text this tab last read or wrote holds edits made in this tab
    /// (it wrote it), which the newer text may lack.
    pub own_in_stored: bool,
    /// The newer text was made from the one this tab last read or wrote,
    /// so it holds everything that one did.
    pub builds_on_stored: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStep {
    /// In step: nothing to write.
    Nothing,
    /// Write this tab's version.
    Write,
    /// Take the stored version: nothing of this tab's is missing from it.
    Follow,
    /// Merge this tab's edits onto the stored version.
    Merge,
}

pub fn sync_step(f: SyncFacts) -> SyncStep {
    if f.gone || !f.moved_on {
        // A text cleared in this very tab is written again; nothing of anyone's is lost.
        return if f.unwritten { SyncStep::Write } else { SyncStep::Nothing };
    }
    if !f.unwritten && (!f.own_in_stored || f.builds_on_stored) {
        return SyncStep::Follow;
    }
    SyncStep::Merge
}

/// What a merge of this tab's edits onto the stored version leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    /// A place changed differently on both sides: the user chooses.
    Ask,
    /// The stored version already holds everything: take it, write nothing
    /// (so two tabs never write the same merge back and forth).
    Follow,
    /// Write the merge: it adds this tab's edits to the stored version.
    Write,
}

pub fn after_merge(conflicts: bool, same_as_stored: bool) -> Merged {
    match (conflicts, same_as_stored) {
        (true, _) => Merged::Ask,
        (false, true) => Merged::Follow,
        (false, false) => Merged::Write,
    }
}

/// The texts `text` was made from, nearest first, as far as `parent` knows
/// (a loop, which only a hash collision could make, ends the walk).
pub fn ancestors(text: u64, parent: impl Fn(u64) -> Option<u64>) -> Vec<u64> {
    let mut chain: Vec<u64> = Vec::new();
    let mut at = text;
    while let Some(p) = parent(at) {
        if p == text || chain.contains(&p) || chain.len() >= 4 * LINEAGE_LINES {
            break;
        }
        chain.push(p);
        at = p;
    }
    chain
}

/// What to merge from when the stored text moved on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The text this tab last read or wrote.
    Stored,
    /// An older text both versions were made from (by its hash).
    Ancestor(u64),
    /// This tab wrote the text it last saw, and the newer one was not made
    /// from anything this tab's version was: no merge is safe.
    Lost,
}

/// Where the newer text (made from `theirs`, nearest first) and this tab's
/// version meet: this tab's version is `stored` (made from `stored_from`)
/// plus its edits not yet written; `own`: this tab wrote `stored`.
pub fn merge_base(theirs: &[u64], stored: u64, stored_from: &[u64], own: bool) -> Base {
    // Written without a record (another kind of write), or made from what
    // this tab last saw: that is what the newer text was made from.
    if theirs.is_empty() || theirs.contains(&stored) {
        return Base::Stored;
    }
    match theirs.iter().find(|t| stored_from.contains(t)) {
        Some(&common) => Base::Ancestor(common),
        // This tab only read what it last saw: nothing of its own is in it.
        None if !own => Base::Stored,
        None => Base::Lost,
    }
}
