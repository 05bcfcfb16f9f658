//! The whole library as one file: back up every plan, and restore the plans
//! of a backup the user chooses, each shown as new, identical, newer or older.

use leptos::prelude::*;

use super::{AppState, Dialog, NoticeKind, RestoreItem};
use crate::app::backup::{self, Entry, Standing};
use crate::common::words::{count, isolate};
use crate::plan::file::ImportError;
use crate::plan::model::Plan;
use crate::web::{browser, files, storage};

impl AppState {
    /// Download every readable plan as one backup file (through the editor's part, which writes plan files).
    pub fn back_up_all(self) {
        self.through_editor(super::ListAction::BackUpAll);
    }

    pub(super) fn back_up_all_now(self) {
        let ids: Vec<String> = self.library.plans.with_untracked(|l| l.iter().map(|p| p.id.clone()).collect());
        let plans: Vec<Plan> = ids.iter().filter_map(|id| self.copy_here(id)).collect();
        let now = browser::now();
        let name = format!("jsp-planner-backup-{}.json", now.get(..10).unwrap_or("today"));
        let assessments: Vec<String> =
            self.library.assessments.with_untracked(|l| l.iter().filter_map(|a| storage::raw(&storage::assessment_key(&a.id))).collect());
        let texts: Vec<&str> = assessments.iter().map(String::as_str).collect();
        match files::download(&name, "application/json", &backup::write_with(&plans, &texts, &now)) {
            Ok(()) => {
                let ids: Vec<String> = plans.iter().map(|p| p.id.clone()).collect();
                self.library.mark_covered(&ids);
                let unreadable = self.library.unreadable_keys().len();
                let skipped = match unreadable {
                    0 => String::new(),
                    1 => " 1 stored entry that cannot be read is not in it.".to_string(),
                    n => format!(" {n} stored entries that cannot be read are not in it."),
                };
                let with = match texts.len() {
                    0 => String::new(),
                    n => format!(" and {}", count(n, "maturity assessment")),
                };
                self.notify(NoticeKind::Info, format!("Backed up {}{with} as {name}.{skipped}", count(plans.len(), "plan")));
            }
            Err(why) => self.notify(NoticeKind::Error, format!("The backup failed: {why}")),
        }
    }

    /// A backup file was read: report the plans that cannot be restored and
    /// ask which of the others to restore.
    pub(super) fn offer_restore(self, file_name: &str, read: Result<Vec<Entry>, ImportError>) {
        let entries = match read {
            Ok(entries) => entries,
            Err(e) => {
                self.notify(NoticeKind::Error, format!("“{}” was not restored. {e} Your plans are unchanged.", isolate(file_name)));
                return;
            }
        };
        let total = entries.len();
        let mut items = Vec::new();
        for entry in entries {
            match entry.plan {
                Ok(plan) => {
                    let here = self.copy_here(&plan.id);
                    let standing = Standing::of(&plan, here.as_ref());
                    items.push(RestoreItem { plan: Box::new(plan), standing });
                }
                Err(e) => self.notify(
                    NoticeKind::Error,
                    format!("Plan {} of {total} in “{}” cannot be restored. {e}", entry.position, isolate(file_name)),
                ),
            }
        }
        if items.is_empty() {
            self.notify(
                NoticeKind::Info,
                format!("“{}” holds no plan that can be restored. Your plans are unchanged.", isolate(file_name)),
            );
            return;
        }
        self.ask(Dialog::Restore { file_name: file_name.to_string(), items });
    }

    /// Restore the chosen plans of a backup, each replacing the copy here.
    pub fn restore(self, plans: Vec<Plan>) {
        let mut restored = 0;
        for plan in plans {
            let key = storage::plan_key(&plan.id);
            let open = self.open_id().as_deref() == Some(plan.id.as_str());
            let current = storage::raw_js(&key);
            match storage::save(&plan, current.as_ref()) {
                Ok(saved) => {
                    restored += 1;
                    if open {
                        self.session.start(plan, saved.text, Vec::new());
                    }
                }
                Err(e) => self.notify(NoticeKind::Error, format!("“{}” was not restored. {}", isolate(&plan.name), e.message())),
            }
        }
        self.library.refresh();
        if restored > 0 {
            self.notify(NoticeKind::Info, format!("Restored {}.", count(restored, "plan")));
        }
    }
}
