//! The app's state and every action that changes it. Views only read signals
//! and call these methods; storage and files are reached only from here.

use js_sys::JsString;
use leptos::prelude::*;

use super::{browser, files, storage};
use crate::export;
use crate::format::{self, ImportError};
use crate::history::History;
use crate::library::{self, PlanSummary};
use crate::model::Plan;
use crate::presets;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
}

/// Whether the open plan's latest edit is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    /// Not saved, with the reason shown to the user; the edit is kept in memory.
    Unsaved(String),
    /// Another tab changed or deleted the stored plan; saving waits for the user's choice.
    Conflict,
}

/// The one modal question the app may be asking.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
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

/// The plan in a form for other tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Markdown,
    RegisterCsv,
    MatrixCsv,
}

/// Edits that ask first.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    RemoveStakeholder(String),
    RemoveNeed(String),
    RemoveRisk(String),
    RemoveRole(String),
    RemoveActivity(String),
    /// Replace the grid with the preset at this index of `presets::grid_presets`.
    ApplyGridPreset(usize),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub library: RwSignal<Vec<PlanSummary>>,
    pub unreadable: RwSignal<Vec<storage::Unreadable>>,
    /// The open plan, if any.
    pub plan: RwSignal<Option<Plan>>,
    pub save_state: RwSignal<SaveState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub dialog: RwSignal<Option<Dialog>>,
    /// Undo and redo of the open plan's edits, this session only.
    history: StoredValue<History<Plan>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The stored text of the open plan as this tab last read or wrote it
    /// (a JS string: see `storage::raw_js`).
    stored: StoredValue<Option<JsString>, LocalStorage>,
    next_notice: StoredValue<u64>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            library: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            plan: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            notices: RwSignal::new(Vec::new()),
            dialog: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            stored: StoredValue::new_local(None),
            next_notice: StoredValue::new(0),
        }
    }

    /// Read the library and reopen the plan that was open last.
    pub fn init(self) {
        self.refresh_library();
        if let Some(id) = storage::last_open() {
            if self.library.with_untracked(|l| l.iter().any(|p| p.id == id)) {
                self.open(&id);
            }
        }
    }

    pub fn refresh_library(self) {
        let scan = storage::scan();
        self.library.set(scan.plans);
        self.unreadable.set(scan.unreadable);
    }

    pub fn notify(self, kind: NoticeKind, text: impl Into<String>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            n.retain(|old| old.kind == NoticeKind::Error);
            n.push(Notice { id, kind, text: text.into() });
        });
    }

    pub fn dismiss(self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    pub fn open_id(self) -> Option<String> {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    }

    // ----- the plan list -------------------------------------------------

    pub fn create(self, raw_name: &str) {
        let name = library::clean_name(raw_name).unwrap_or_else(|| "Untitled plan".into());
        let name = self.library.with_untracked(|l| library::unique_name(&name, l.iter().map(|p| p.name.as_str())));
        let plan = presets::new_plan(library::new_id("plan", browser::entropy()), name, browser::now());
        match storage::save(&plan, None) {
            Ok(text) => self.show(plan, text),
            Err(e) => self.notify(NoticeKind::Error, format!("The plan could not be created. {}", e.message())),
        }
        self.refresh_library();
    }

    pub fn open(self, id: &str) {
        match storage::load(id) {
            Ok((plan, text)) => self.show(plan, text),
            Err(why) => {
                self.notify(NoticeKind::Error, format!("The plan could not be opened: {why}"));
                self.refresh_library();
            }
        }
    }

    fn show(self, plan: Plan, text: JsString) {
        self.reset_history();
        storage::set_last_open(Some(&plan.id));
        self.stored.set_value(Some(text));
        self.save_state.set(SaveState::Saved);
        self.plan.set(Some(plan));
    }

    pub fn close(self) {
        self.reset_history();
        storage::set_last_open(None);
        self.plan.set(None);
        self.stored.set_value(None);
        self.save_state.set(SaveState::Saved);
        self.refresh_library();
    }

    pub fn rename(self, id: &str, raw_name: &str) {
        let Some(name) = library::clean_name(raw_name) else {
            self.notify(NoticeKind::Error, "A plan needs a name.");
            return;
        };
        if self.open_id().as_deref() == Some(id) {
            self.edit(|p| p.name = name);
        } else {
            self.change_stored(id, |p| p.name = name);
        }
        self.refresh_library();
    }

    pub fn duplicate(self, id: &str) {
        match storage::load(id) {
            Ok((plan, _)) => {
                let name = self
                    .library
                    .with_untracked(|l| library::unique_name(&library::copy_name(&plan.name), l.iter().map(|p| p.name.as_str())));
                let copy = library::duplicate(&plan, library::new_id("plan", browser::entropy()), &browser::now(), name);
                match storage::save(&copy, None) {
                    Ok(_) => self.notify(NoticeKind::Info, format!("Created “{}”.", copy.name)),
                    Err(e) => self.notify(NoticeKind::Error, format!("The copy could not be saved. {}", e.message())),
                }
            }
            Err(why) => self.notify(NoticeKind::Error, format!("The plan could not be copied: {why}")),
        }
        self.refresh_library();
    }

    pub fn delete(self, id: &str) {
        if self.open_id().as_deref() == Some(id) {
            self.close();
        }
        storage::remove(&storage::plan_key(id));
        self.refresh_library();
        self.notify(NoticeKind::Info, "The plan was deleted.");
    }

    /// Change a plan that is not open, keeping the conflict check.
    fn change_stored(self, id: &str, change: impl FnOnce(&mut Plan)) {
        match storage::load(id) {
            Ok((mut plan, text)) => {
                change(&mut plan);
                plan.updated_at = browser::now();
                if let Err(e) = storage::save(&plan, Some(&text)) {
                    self.notify(NoticeKind::Error, e.message());
                }
            }
            Err(why) => self.notify(NoticeKind::Error, why),
        }
    }

    // ----- editing the open plan -----------------------------------------

    /// Apply an edit to the open plan and save it at once. The plan as it was
    /// goes onto the undo history (typing in one field makes one step).
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        let mut edited = false;
        self.plan.update(|p| {
            if let Some(p) = p {
                let before = p.clone();
                self.history.update_value(|h| h.record(before, browser::typing_group()));
                change(p);
                p.updated_at = browser::now();
                edited = true;
            }
        });
        if edited {
            self.sync_history_flags();
            self.persist();
        }
    }

    /// Step back one edit; says so, so screen reader users hear what happened.
    pub fn undo(self) {
        self.step_history(|h, current| h.undo(current), "Undone.", "Nothing to undo.");
    }

    pub fn redo(self) {
        self.step_history(|h, current| h.redo(current), "Redone.", "Nothing to redo.");
    }

    fn step_history(self, step: impl FnOnce(&mut History<Plan>, Plan) -> Option<Plan>, done: &str, nothing: &str) {
        let Some(current) = self.plan.get_untracked() else { return };
        let mut next = None;
        self.history.update_value(|h| next = step(h, current));
        match next {
            Some(mut plan) => {
                plan.updated_at = browser::now();
                self.plan.set(Some(plan));
                self.sync_history_flags();
                self.persist();
                self.notify(NoticeKind::Info, done);
            }
            None => self.notify(NoticeKind::Info, nothing),
        }
    }

    fn sync_history_flags(self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    fn reset_history(self) {
        self.history.update_value(History::clear);
        self.sync_history_flags();
    }

    fn persist(self) {
        if self.save_state.get_untracked() == SaveState::Conflict {
            return;
        }
        let result =
            self.stored.with_value(|expected| self.plan.with_untracked(|p| p.as_ref().map(|p| storage::save(p, expected.as_ref()))));
        match result {
            Some(Ok(text)) => {
                self.stored.set_value(Some(text));
                self.save_state.set(SaveState::Saved);
                self.update_summary();
            }
            Some(Err(SaveError::Conflict)) => self.save_state.set(SaveState::Conflict),
            Some(Err(e)) => self.save_state.set(SaveState::Unsaved(e.message())),
            None => {}
        }
    }

    fn update_summary(self) {
        let Some(summary) = self.plan.with_untracked(|p| p.as_ref().map(PlanSummary::from)) else { return };
        self.library.update(|l| {
            l.retain(|s| s.id != summary.id);
            l.insert(0, summary);
        });
    }

    /// Conflict resolution: drop this tab's edits and read what is stored.
    pub fn load_theirs(self) {
        let Some(id) = self.open_id() else { return };
        if storage::raw(&storage::plan_key(&id)).is_some() {
            self.open(&id);
        } else {
            self.close();
            self.notify(NoticeKind::Info, "The plan had been deleted in another tab.");
        }
    }

    /// Conflict resolution: write this tab's version over the stored one.
    pub fn keep_mine(self) {
        let result = self.plan.with_untracked(|p| p.as_ref().map(storage::save_over));
        match result {
            Some(Ok(text)) => {
                self.stored.set_value(Some(text));
                self.save_state.set(SaveState::Saved);
                self.refresh_library();
            }
            Some(Err(e)) => self.save_state.set(SaveState::Unsaved(e.message())),
            None => {}
        }
    }

    /// Conflict resolution: keep both, saving this tab's version as a new plan.
    pub fn save_mine_as_copy(self) {
        let Some(mine) = self.plan.get_untracked() else { return };
        let name =
            self.library.with_untracked(|l| library::unique_name(&library::copy_name(&mine.name), l.iter().map(|p| p.name.as_str())));
        let copy = library::duplicate(&mine, library::new_id("plan", browser::entropy()), &browser::now(), name);
        match storage::save(&copy, None) {
            Ok(text) => {
                self.show(copy, text);
                self.refresh_library();
            }
            Err(e) => self.save_state.set(SaveState::Unsaved(e.message())),
        }
    }

    /// Another tab wrote to storage.
    pub fn on_storage_event(self, key: Option<String>, new_value: Option<String>) {
        let relevant = key.as_deref().is_none_or(|k| k.starts_with(storage::PLAN_PREFIX));
        if !relevant {
            return;
        }
        self.refresh_library();
        let Some(id) = self.open_id() else { return };
        let ours = key.is_none() || key.as_deref() == Some(storage::plan_key(&id).as_str());
        let unchanged = self.stored.with_value(|stored| match (stored, &new_value) {
            (Some(stored), Some(new)) => stored == new.as_str(),
            (None, None) => true,
            _ => false,
        });
        if ours && !unchanged {
            self.save_state.set(SaveState::Conflict);
        }
    }

    // ----- files -----------------------------------------------------------

    pub fn export(self, id: &str) {
        let plan = if self.open_id().as_deref() == Some(id) { self.plan.get_untracked() } else { storage::load(id).ok().map(|(p, _)| p) };
        let Some(plan) = plan else {
            self.notify(NoticeKind::Error, "The plan could not be read for export.");
            return;
        };
        let name = files::file_name(&plan.name, ".jsp-plan.json");
        match files::download(&name, "application/json", &format::export_pretty(&plan)) {
            Ok(()) => self.notify(NoticeKind::Info, format!("Exported “{}” as {name}.", plan.name)),
            Err(why) => self.notify(NoticeKind::Error, format!("The export failed: {why}")),
        }
    }

    /// Download the open plan in one of the outside formats.
    pub fn download_output(self, output: Output) {
        let Some((name, text)) = self.plan.with_untracked(|p| {
            p.as_ref().map(|p| {
                let (suffix, text) = match output {
                    Output::Markdown => (".md", export::plan_markdown(p)),
                    Output::RegisterCsv => ("-risk-register.csv", export::register_csv(p)),
                    Output::MatrixCsv => ("-stakeholder-needs.csv", export::matrix_csv(p)),
                };
                (files::file_name(&p.name, suffix), text)
            })
        }) else {
            return;
        };
        let mime = match output {
            Output::Markdown => "text/markdown;charset=utf-8",
            Output::RegisterCsv | Output::MatrixCsv => "text/csv;charset=utf-8",
        };
        match files::download(&name, mime, &text) {
            Ok(()) => self.notify(NoticeKind::Info, format!("Downloaded {name}.")),
            Err(why) => self.notify(NoticeKind::Error, format!("The download failed: {why}")),
        }
    }

    /// Import a file the user picked or dropped.
    pub fn import_file(self, file: web_sys::File) {
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let result = match files::read(&file, format::MAX_FILE_BYTES).await {
                Ok(bytes) => {
                    // Marks for the benchmark: parse + validate time of an import.
                    browser::mark("jsp-import-read");
                    let result = format::import(&bytes);
                    browser::mark("jsp-import-checked");
                    result
                }
                Err(files::ReadError::TooLarge(size)) => Err(ImportError::TooLarge { size }),
                Err(files::ReadError::Failed(why)) => {
                    self.notify(NoticeKind::Error, format!("“{file_name}” could not be read: {why}. Nothing was changed."));
                    return;
                }
            };
            self.import_result(&file_name, result);
        });
    }

    fn import_result(self, file_name: &str, result: Result<format::Imported, ImportError>) {
        match result {
            Err(e) => self.notify(NoticeKind::Error, format!("“{file_name}” was not imported. {e} Your plans are unchanged.")),
            Ok(imported) => {
                let existing = self.library.with_untracked(|l| l.iter().find(|p| p.id == imported.plan.id).map(|p| p.name.clone()));
                match existing {
                    Some(existing_name) => {
                        self.dialog.set(Some(Dialog::ImportConflict { incoming: Box::new(imported.plan), existing_name }))
                    }
                    None => self.store_imported(imported.plan, None),
                }
            }
        }
    }

    /// Finish an import: `replace` holds the stored text being replaced, if any.
    fn store_imported(self, plan: Plan, replace: Option<JsString>) {
        match storage::save(&plan, replace.as_ref()) {
            Ok(text) => {
                let name = plan.name.clone();
                self.show(plan, text);
                self.notify(NoticeKind::Info, format!("Imported “{name}”."));
            }
            Err(e) => self.notify(NoticeKind::Error, format!("The plan was not imported. {}", e.message())),
        }
        self.refresh_library();
    }

    pub fn import_replace(self, plan: Plan) {
        let current = storage::raw_js(&storage::plan_key(&plan.id));
        if self.open_id().as_deref() == Some(plan.id.as_str()) {
            self.plan.set(None);
        }
        self.store_imported(plan, current);
    }

    pub fn import_keep_both(self, plan: Plan) {
        let name = self.library.with_untracked(|l| library::unique_name(&plan.name, l.iter().map(|p| p.name.as_str())));
        let copy = library::duplicate(&plan, library::new_id("plan", browser::entropy()), &plan.updated_at, name);
        let copy = Plan { created_at: plan.created_at.clone(), ..copy };
        self.store_imported(copy, None);
    }

    /// Carry out a confirmed edit.
    pub fn confirmed(self, action: Confirmed) {
        match action {
            Confirmed::RemoveStakeholder(id) => self.edit(|p| p.remove_stakeholder(&id)),
            Confirmed::RemoveNeed(id) => self.edit(|p| p.remove_need(&id)),
            Confirmed::RemoveRisk(id) => self.edit(|p| p.risks.retain(|r| r.id != id)),
            Confirmed::RemoveRole(id) => self.edit(|p| p.remove_role(&id)),
            Confirmed::RemoveActivity(id) => self.edit(|p| p.remove_activity(&id)),
            Confirmed::ApplyGridPreset(i) => {
                let Some((name, criteria)) = presets::grid_presets().into_iter().nth(i) else { return };
                let mut moved = 0;
                self.edit(|p| {
                    let (l, s) = (criteria.likelihood_levels.len(), criteria.severity_levels.len());
                    moved = p.resize_grid(l, s);
                    p.criteria = criteria;
                });
                let extra = if moved > 0 { format!(" {moved} rating(s) moved onto the smaller grid.") } else { String::new() };
                self.notify(NoticeKind::Info, format!("Applied “{name}”.{extra}"));
            }
        }
    }

    // ----- unreadable stored entries ---------------------------------------

    /// Save an unreadable entry's raw text as a file so nothing is lost.
    pub fn download_unreadable(self, key: &str) {
        let Some(text) = storage::raw(key) else { return };
        let name = files::file_name(key.trim_start_matches(storage::PLAN_PREFIX), ".unreadable.json");
        if let Err(why) = files::download(&name, "application/json", &text) {
            self.notify(NoticeKind::Error, format!("The download failed: {why}"));
        }
    }

    pub fn discard_unreadable(self, key: &str) {
        storage::remove(key);
        self.refresh_library();
    }
}

use storage::SaveError;
