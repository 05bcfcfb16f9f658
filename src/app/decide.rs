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
