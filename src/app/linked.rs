//! A plan linked to a file on disk: the browser layer (`web/linked_file.rs`,
//! the File System Access API) reads the file, the permission and the
//! writes' outcomes; what they mean, what the app offers and its words are
//! decided here, so each rule is tested natively.
//!
//! The app keeps the text it last wrote to (or read from) the linked file.
//! That text is the merge base: when the file on disk no longer holds it
//! (someone saved it, a git pull), the disk's plan is merged onto the one
//! in this browser from it, with the three-way merge of an import
//! (`plan::versions::merge`). Until the user has merged, nothing is written
//! to the file, so nobody's change is lost; edits keep going to the
//! browser's storage meanwhile.

use crate::common::words::isolate;
use crate::plan::file;
use crate::plan::model::Plan;

/// Where a linked file stands, as the plan page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The file holds the plan as last saved here (or a write is on its way).
    InStep,
    /// The browser asks again before the app may write (after a reload);
    /// edits are kept in the browser's storage meanwhile.
    NeedsPermission,
    /// The last write failed, in words; the link stays and can be retried.
    Failed(String),
    /// The file changed on disk and is not merged yet: writes wait.
    Changed,
    /// The file on disk is not this plan any more, in words: writes wait.
    Refused(String),
}

/// What the file on disk holds, compared with what the app last wrote there.
#[derive(Debug, Clone, PartialEq)]
pub enum Disk {
    /// The text the app last wrote or read: nothing to do.
    InStep,
    /// Another text of exactly this plan (saved again elsewhere, other line
    /// endings): nothing to merge; its text becomes the base.
    SameAsOurs,
    /// Someone changed the plan: merge theirs onto ours from the last write.
    Changed(Box<Plan>),
    /// Not a plan this app can read, or another plan: why, in words.
    Refused(String),
}

/// Compare the file's `bytes` with `last_written` (the merge base) and with
/// `ours`, the plan in this browser. The file is read with every check of
/// an import (size, encoding, format and version, rules, revisions).
pub fn on_disk(bytes: &[u8], last_written: &str, ours: &Plan, file_name: &str) -> Disk {
    if bytes == last_written.as_bytes() {
        return Disk::InStep;
    }
    let theirs = match file::import(bytes) {
        Ok(imported) => imported.plan,
        Err(e) => return Disk::Refused(unreadable(file_name, &e.to_string())),
    };
    if theirs.id != ours.id {
        return Disk::Refused(format!(
            "{} on disk now holds another plan, “{}”. Nothing was changed here, and the file is not written until you choose.",
            isolate(file_name),
            isolate(&theirs.name)
        ));
    }
    if theirs == *ours {
        return Disk::SameAsOurs;
    }
    Disk::Changed(Box::new(theirs))
}

/// The file cannot be read as a plan (`why`: the import's words).
pub fn unreadable(file_name: &str, why: &str) -> String {
    format!(
        "{} on disk cannot be read as this plan. {why} Nothing was changed here, and the file is not written until you choose.",
        isolate(file_name)
    )
}

/// Whether the file may have changed since the app last wrote or read it,
/// from its last-modified time and size (`None`: not known), so that an
/// unchanged file is not read again before each write.
pub fn may_have_changed(known: Option<(f64, f64)>, now: (f64, f64)) -> bool {
    known != Some(now)
}

/// Why a read (`reading`: looking whether it changed) or a write of the
/// linked file failed, in words, from the browser's error name (a
/// `DOMException`'s) and message.
pub fn failure(file_name: &str, reading: bool, error_name: &str, message: &str) -> String {
    let why = match error_name {
        "NotAllowedError" | "SecurityError" => "the browser no longer allows the app to use it".to_string(),
        "NotFoundError" => "the file is gone (moved, renamed or deleted)".to_string(),
        "QuotaExceededError" => "the disk is full".to_string(),
        "NoModificationAllowedError" | "InvalidStateError" => "another program holds it, or it changed while being written".to_string(),
        _ if message.trim().is_empty() => "the browser did not say why".to_string(),
        _ => format!("the browser said: {}", message.trim().trim_end_matches('.')),
    };
    let done = if reading { "read" } else { "written" };
    format!("{} could not be {done}: {why}. Your edits are safe in this browser; try again, or unlink the file.", isolate(file_name))
}

/// Where the browser has no File System Access API (Firefox, Safari).
pub const NO_FILE_API: &str = "Saving to a file on disk needs Chrome or Edge; use Export and Import here.";

/// The same, for the plan list's "Open file…".
pub const NO_FILE_API_OPEN: &str = "Opening a file on disk and keeping it linked needs Chrome or Edge; use Import here.";

/// The line the plan page shows about its linked file.
pub fn status_line(file_name: &str, status: &Status) -> String {
    let name = isolate(file_name);
    match status {
        Status::InStep => format!("Linked to {name}: every saved change is written there too."),
        Status::NeedsPermission => format!("Linked to {name} — allow writing again"),
        Status::Failed(why) | Status::Refused(why) => why.clone(),
        Status::Changed => format!(
            "{name} changed on disk since this app last wrote it. Merge the two; until then your edits are kept in this browser only."
        ),
    }
}

/// Whether the status asks the user to act (the plan page shows it as a banner).
pub fn needs_attention(status: &Status) -> bool {
    !matches!(status, Status::InStep)
}

/// What the user can do about a linked file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Ask the browser for permission again, then write the current plan.
    Allow,
    /// Try the failed write again (asking for permission first if need be).
    Retry,
    /// Offer the merge of the disk's plan again.
    Merge,
    /// Read the file on disk again.
    CheckAgain,
    /// Write this plan over whatever the file holds.
    WriteOver,
    /// Forget the link; the file stays as it is.
    Unlink,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Allow => "Allow writing again",
            Action::Retry => "Try again",
            Action::Merge => "Merge…",
            Action::CheckAgain => "Read the file again",
            Action::WriteOver => "Write this plan over the file",
            Action::Unlink => "Unlink",
        }
    }
}

/// The actions offered in each status, the one to take first first.
pub fn actions(status: &Status) -> &'static [Action] {
    match status {
        Status::InStep => &[Action::Unlink],
        Status::NeedsPermission => &[Action::Allow, Action::Unlink],
        Status::Failed(_) => &[Action::Retry, Action::Unlink],
        Status::Changed => &[Action::Merge, Action::WriteOver, Action::Unlink],
        Status::Refused(_) => &[Action::CheckAgain, Action::WriteOver, Action::Unlink],
    }
}

/// Whether a saved edit is written to the file now: only while the file is
/// in step (or a write failed and may work again); otherwise the edit stays
/// in the browser's storage until the user acts.
pub fn writes(status: &Status) -> bool {
    matches!(status, Status::InStep | Status::Failed(_))
}

/// After "Save to file…": what was done.
pub fn saved_to(plan_name: &str, file_name: &str) -> String {
    format!("Saved “{}” to {}. Every saved change is written there too.", isolate(plan_name), isolate(file_name))
}

/// After "Open file…" opened a plan: it is linked.
pub fn linked_to(plan_name: &str, file_name: &str) -> String {
    format!("“{}” is linked to {}: every saved change is written there too.", isolate(plan_name), isolate(file_name))
}

/// After "Unlink".
pub fn unlinked(file_name: &str) -> String {
    format!("Unlinked {}. The file stays as it is; this plan is kept in this browser.", isolate(file_name))
}
