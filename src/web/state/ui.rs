//! What the app tells and asks the user: notices and the one dialog API.
//! Views never set dialog signals themselves: they `ask` and the dialog
//! closes through `close_dialog`, so several questions (two dropped files
//! that both need an answer) wait in turn instead of replacing each other.

use leptos::prelude::*;

use crate::app::decide::notices_to_keep;
pub use crate::app::decide::NoticeKind;
use crate::plan::model::{NamedList, Plan};

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
}

/// A modal question the app asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Two copies of one plan merged: the conflicts to choose for. `from_tab`:
    /// theirs is another tab's stored version, not a file.
    Merge {
        theirs: Box<Plan>,
        merge: Box<crate::plan::versions::merge::Merge>,
        from_tab: bool,
    },
    /// A backup file was read: which of its plans to restore.
    Restore {
        file_name: String,
        items: Vec<RestoreItem>,
    },
    Rename {
        id: String,
        name: String,
    },
    Delete {
        id: String,
        name: String,
    },
    ImportConflict {
        incoming: Box<Plan>,
        existing_name: String,
        /// How the file's copy stands against yours (`decide::import_comparison`).
        comparison: String,
    },
    /// The file holds a plan whose stored copy cannot be read.
    ReplaceUnreadable {
        incoming: Box<Plan>,
        key: String,
    },
    DiscardUnreadable {
        key: String,
    },
    /// A destructive edit of the open plan, applied only if confirmed.
    Confirm {
        title: String,
        body: String,
        action: Confirmed,
    },
}

/// One readable plan of a backup, and how it stands against the copy here.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreItem {
    pub plan: Box<Plan>,
    pub standing: crate::app::backup::Standing,
}

/// Edits that ask first.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    /// A stakeholder, role or activity, and every link to it.
    RemoveNamed(NamedList, String),
    RemoveNeed(String),
    /// A user need, unfolding the security needs from it.
    RemoveUserNeed(String),
    RemoveRisk(String),
    /// A risk control, and its links from register entries.
    RemoveControl(String),
    /// Replace the grid with the preset at this index of `presets::grid_presets`.
    ApplyGridPreset(usize),
    /// Close the open plan, dropping this tab's version (after a delete elsewhere).
    DiscardMine,
    /// Delete the stored maturity assessment with this id.
    DeleteAssessment(String),
}

/// How long an information notice stays (style/main.css fades it over its last second).
const INFO_MS: u64 = 6000;

#[derive(Clone, Copy)]
pub struct Ui {
    pub notices: RwSignal<Vec<Notice>>,
    /// Questions waiting for an answer; the first is on screen.
    dialogs: RwSignal<Vec<Dialog>>,
    next_notice: StoredValue<u64>,
}

impl Ui {
    pub fn new() -> Self {
        Ui { notices: RwSignal::new(Vec::new()), dialogs: RwSignal::new(Vec::new()), next_notice: StoredValue::new(0) }
    }

    /// Show a notice; its id is returned, for [`Ui::dismiss`].
    pub fn notify(self, kind: NoticeKind, text: impl Into<String>) -> u64 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|list| {
            let kinds: Vec<NoticeKind> = list.iter().map(|n| n.kind).collect();
            let keep = notices_to_keep(&kinds, kind);
            let mut i = 0;
            list.retain(|_| {
                i += 1;
                keep.contains(&(i - 1))
            });
            list.push(Notice { id, kind, text: text.into() });
        });
        // Information fades after a few seconds (the stylesheet fades it out
        // first); errors stay until dismissed.
        if kind == NoticeKind::Info {
            set_timeout(move || self.dismiss(id), std::time::Duration::from_millis(INFO_MS));
        }
        id
    }

    pub fn dismiss(self, id: u64) {
        // try_: a timed dismissal may fire after the app is gone.
        self.notices.try_update(|n| n.retain(|x| x.id != id));
    }

    /// Ask a question; it shows once the ones before it are answered.
    pub fn ask(self, dialog: Dialog) {
        self.dialogs.update(|d| d.push(dialog));
    }

    /// The question on screen has been answered or cancelled.
    pub fn close_dialog(self) {
        self.dialogs.update(|d| {
            if !d.is_empty() {
                d.remove(0);
            }
        });
    }

    /// The question on screen (tracked).
    pub fn dialog(self) -> Option<Dialog> {
        self.dialogs.with(|d| d.first().cloned())
    }

    pub fn dialog_open(self) -> bool {
        self.dialogs.with_untracked(|d| !d.is_empty())
    }
}
