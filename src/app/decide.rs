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
