//! Merging two copies of the open or a stored plan: a file of a plan that is
//! already here, or the version another tab saved over this tab's edits.
//! Nothing is stored until the user has seen the conflicts and chosen; the
//! merged plan is applied as one edit, so it can be undone.

use super::{AppState, Dialog, NoticeKind};
use crate::common::words::{count, isolate};
use crate::plan::file;
use crate::plan::model::Plan;
use crate::plan::versions::merge::{Merge, Side};
use crate::web::storage;

impl AppState {
    /// Whether a file of plan `id` can be merged: this browser kept the version last exchanged.
    pub fn can_merge(self, id: &str) -> bool {
        storage::base_json(id).is_some()
    }

    /// Merge a file's plan with the copy here, from the version last exchanged.
    pub fn merge_file(self, theirs: Plan) {
        let (Some(base), Some(mine)) = (storage::base_json(&theirs.id), self.copy_here(&theirs.id)) else {
            self.notify(NoticeKind::Error, "This plan cannot be merged: the version it was last shared as is not kept here.");
            return;
        };
        self.show_merge(base, mine, theirs, false);
    }

    /// Another tab saved the open plan while this tab has edits: merge both,
    /// from the version this tab last read or wrote.
    pub fn merge_tabs(self) {
        let Some(id) = self.open_id() else { return };
        let base = self.session.merge_base_text().and_then(|t| file::plan_json(t.as_bytes()).ok());
        let theirs = storage::load(&id).ok().map(|l| l.plan);
        let (Some(base), Some(mine), Some(theirs)) = (base, self.session.with_plan(Plan::clone), theirs) else {
            self.notify(NoticeKind::Error, "The two versions could not be merged: the other tab’s version cannot be read.");
            return;
        };
        self.show_merge(base, mine, theirs, true);
    }

    /// Merge in the editor's part of the app (downloaded first if need be),
    /// then ask which side to keep where both changed.
    fn show_merge(self, base: serde_json::Value, mine: Plan, theirs: Plan, from_tab: bool) {
        crate::web::editor::with_parts(
            move |parts| {
                let merge = (parts.merge)(&base, &mine, &theirs);
                self.ask(Dialog::Merge { theirs: Box::new(theirs), merge: Box::new(merge), from_tab });
            },
            move || {
                self.notify(
                    NoticeKind::Error,
                    "The merge could not start: part of the app could not be downloaded. Nothing was changed; try again when online.",
                )
            },
        );
    }

    /// Store the merge with the user's choices, as one undoable edit of the plan.
    pub fn finish_merge(self, theirs: Plan, merge: &Merge, choices: &[Side], from_tab: bool) {
        let resolved = match merge.resolve(choices) {
            Ok(resolved) => resolved,
            Err(why) => {
                self.notify(NoticeKind::Error, format!("{why} Nothing was changed."));
                return;
            }
        };
        let id = theirs.id.clone();
        if from_tab {
            // Start from the other tab's stored version, so the merge is
            // written over it (and undo goes back to it).
            match storage::load(&id) {
                Ok(loaded) => self.session.follow(loaded),
                Err(why) => {
                    self.notify(NoticeKind::Error, format!("The other tab’s version could not be read ({why}). Nothing was changed."));
                    return;
                }
            }
        } else if self.open_id().as_deref() != Some(id.as_str()) {
            self.open(&id);
        }
        let merged = resolved.plan;
        let name = merged.name.clone();
        if self.session.edit_whole(move |p| *p = merged).is_err() {
            self.notify(NoticeKind::Error, "The merged plan could not be saved. Nothing was changed.");
            return;
        }
        if !from_tab {
            storage::set_base(&theirs);
            // The file was the plan's linked file on disk, or one "Open file…" read: the merge is written there.
            crate::web::linked_file::merged(self, &theirs);
        }
        self.library.refresh();
        let source = if from_tab { "the other tab" } else { "the file" };
        let mut text =
            format!("Merged “{}”: {} from {source} applied by themselves", isolate(&name), count(merge.theirs_applied, "change"));
        // "0 conflicts chosen" reads as if something was skipped.
        match merge.conflicts.len() {
            0 => text.push('.'),
            n => text.push_str(&format!(", {} chosen.", count(n, "conflict"))),
        }
        if !merge.renumbered.is_empty() {
            let moved: Vec<String> = merge.renumbered.iter().map(|r| format!("{} is now {}", r.old, r.new)).collect();
            text.push_str(&format!(" Added on both sides, both kept: {source}’s {}.", moved.join(", ")));
        }
        for repair in resolved.repairs {
            text.push(' ');
            text.push_str(&repair);
        }
        self.notify(NoticeKind::Info, text + " Undo takes it back.");
    }
}
