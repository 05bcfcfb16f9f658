//! The app's state, in four parts with one job each:
//! - [`Library`]: the list of stored plans and the entries that cannot be read;
//! - [`Session`] (`session.rs`): the open plan and the one edit path;
//! - [`Ui`] (`ui.rs`): notices and the dialog queue;
//! - the open maturity assessment ([`assessment::OpenAssessment`],
//!   `assessment.rs`, in the editor's part), with the actions on stored
//!   assessments in `assessments.rs`.
//!
//! A document's save state is one [`SaveState`] for both kinds.
//!
//! [`AppState`] holds the four and carries out the actions that span them
//! (open, import, another tab's change). The decisions inside those actions
//! are pure functions in [`crate::app::decide`]; this layer gathers the facts from
//! the browser and acts. Views read signals and call these methods only.

pub mod assessment;
mod assessments;
mod backup;
mod files;
mod library;
mod merging;
mod session;
pub mod stored;
pub mod tabs;
mod ui;

pub use files::ImportTask;
pub use library::Library;
pub use session::{step_history, OpenPlan, SaveState, Session};
pub use ui::{Confirmed, Dialog, Notice, NoticeKind, RestoreItem, Ui};

use super::{browser, storage};
use crate::app::decide::{self, StorageAction};
use crate::app::library as plans;
use crate::common::words::isolate;
use crate::plan::model::{Plan, PlanText};
use crate::plan::presets;

/// What the plan list (and a reload) asks of stored plans. Carried out by
/// the editor's part ([`stored::run`]), which holds the reading, checking
/// and writing of plans, so that the first screen has none of that code.
#[derive(Debug, Clone)]
pub enum ListAction {
    Create(String),
    Open(String),
    Rename(String, String),
    Duplicate(String),
    Export(String),
    BackUpAll,
    Confirmed(Confirmed),
}

/// The plan in a form for other tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Markdown,
    RegisterCsv,
    MatrixCsv,
    TraceCsv,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub library: Library,
    pub session: Session,
    pub ui: Ui,
    /// The id of the maturity assessment open instead of the plan list.
    pub assessment: leptos::prelude::RwSignal<Option<String>>,
}

impl AppState {
    pub fn new() -> Self {
        let ui = Ui::new();
        AppState { library: Library::new(), session: Session::new(ui), ui, assessment: leptos::prelude::RwSignal::new(None) }
    }

    /// Read the library and reopen what the address names (on a reload),
    /// else the plan that was open last.
    pub fn init(self) {
        self.library.refresh();
        let named = super::address::named();
        if let Some((true, id)) = &named {
            if self.library.assessment_name(id).is_some() {
                self.open_assessment(id);
                return;
            }
        }
        let plan = named.filter(|(assessment, _)| !assessment).map(|(_, id)| id);
        if let Some(id) = plan.filter(|id| self.library.contains(id)).or_else(storage::last_open) {
            if self.library.contains(&id) {
                self.open(&id);
            }
        }
    }

    pub fn notify(self, kind: NoticeKind, text: impl Into<String>) {
        self.ui.notify(kind, text);
    }

    pub fn ask(self, dialog: Dialog) {
        self.ui.ask(dialog);
    }

    pub fn open_id(self) -> Option<String> {
        self.session.open_id()
    }

    /// This browser's copy of plan `id`: the open one as edited, else as stored.
    pub fn copy_here(self, id: &str) -> Option<Plan> {
        if self.open_id().as_deref() == Some(id) {
            return self.session.with_plan(Plan::clone);
        }
        storage::load(id).ok().map(|l| l.plan)
    }

    // ----- the plan list -------------------------------------------------

    /// Carry out `action` with the editor's part, downloading it first if
    /// need be (it is fetched ahead of need once the first screen is shown).
    fn through_editor(self, action: ListAction) {
        crate::web::editor::with_parts(
            move |parts| (parts.list_action)(self, action),
            move || {
                self.notify(
                    NoticeKind::Error,
                    "The plan editor could not be downloaded: the connection may be down, or another tab installed a newer version of the app (then reload the app). Your plans are safe in this browser; try again.",
                )
            },
        );
    }

    pub fn create(self, raw_name: &str) {
        self.through_editor(ListAction::Create(raw_name.to_string()));
    }

    pub fn open(self, id: &str) {
        self.through_editor(ListAction::Open(id.to_string()));
    }

    pub(super) fn create_now(self, raw_name: &str) {
        let name = crate::common::ids::clean_name(raw_name).unwrap_or_else(|| "Untitled plan".into());
        let name = self.library.unique_name(&name);
        let plan = presets::new_plan(crate::common::ids::new_id("plan", browser::entropy()), name, browser::now());
        match storage::save(&plan, None) {
            Ok(saved) => self.session.start(plan, saved.text, Vec::new()),
            Err(e) => self.notify(NoticeKind::Error, format!("The plan could not be created. {}", e.message())),
        }
        self.library.refresh();
    }

    pub(super) fn open_now(self, id: &str) {
        match storage::load(id) {
            Ok(loaded) => {
                let (plan, text, repairs) = (loaded.plan, loaded.text, loaded.repairs);
                self.session.start(plan, text, repairs);
            }
            Err(why) => {
                self.notify(NoticeKind::Error, format!("The plan could not be opened: {why}"));
                self.library.refresh();
            }
        }
    }

    pub fn close(self) {
        self.session.end();
        self.library.refresh();
    }

    pub fn rename(self, id: &str, raw_name: &str) {
        self.through_editor(ListAction::Rename(id.to_string(), raw_name.to_string()));
    }

    pub fn duplicate(self, id: &str) {
        self.through_editor(ListAction::Duplicate(id.to_string()));
    }

    pub(super) fn rename_now(self, id: &str, raw_name: &str) {
        let Some(name) = crate::common::ids::clean_name(raw_name) else {
            self.notify(NoticeKind::Error, "A plan needs a name.");
            return;
        };
        if self.open_id().as_deref() == Some(id) {
            self.edit(|p| p.set_text(PlanText::Name, name));
        } else if let Err(why) = self.library.change_stored(id, |p| p.name = name) {
            self.notify(NoticeKind::Error, why);
        }
        self.library.refresh();
    }

    pub(super) fn duplicate_now(self, id: &str) {
        match self.library.duplicate(id) {
            Ok(name) => self.notify(NoticeKind::Info, format!("Created “{}”.", isolate(&name))),
            Err(why) => self.notify(NoticeKind::Error, why),
        }
    }

    pub fn delete(self, id: &str) {
        if self.open_id().as_deref() == Some(id) {
            self.close();
        }
        storage::remove(&storage::plan_key(id));
        storage::remove_base(id);
        self.library.refresh();
        self.notify(NoticeKind::Info, "The plan was deleted.");
    }

    // ----- editing the open plan -----------------------------------------

    /// Apply an edit to the open plan (see [`Session::edit`]). An edit that
    /// would break a rule is not kept, and the reason is shown as an error.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        if let Err(why) = self.session.edit(change) {
            self.notify(NoticeKind::Error, why);
        }
        self.library.note(self.session);
    }

    /// Apply an edit typed into a field: the reason a value is refused comes
    /// back for the field to show beside itself.
    pub fn try_edit(self, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        let result = self.session.edit(change);
        self.library.note(self.session);
        result
    }

    /// Step back one edit; says so, so screen reader users hear what happened.
    pub fn undo(self) {
        // Through the editor's part, which holds the step (only an open plan has one).
        let done = crate::web::editor::parts().is_some_and(|p| (p.step_history)(self.session, true));
        self.notify(NoticeKind::Info, if done { "Undone." } else { "Nothing to undo." });
    }

    pub fn redo(self) {
        let done = crate::web::editor::parts().is_some_and(|p| (p.step_history)(self.session, false));
        self.notify(NoticeKind::Info, if done { "Redone." } else { "Nothing to redo." });
    }

    // ----- other tabs ------------------------------------------------------

    /// Another tab wrote to storage.
    pub fn on_storage_event(self, key: Option<String>, old_value: Option<String>, new_value: Option<String>) {
        let open_key = self.open_id().map(|id| storage::plan_key(&id));
        let stored = self.session.stored_text();
        let open = open_key.as_deref().map(|key| decide::OpenPlan { key, stored: stored.as_deref(), saved: self.session.is_saved() });
        let event = decide::StorageEvent { key: key.as_deref(), old_value: old_value.as_deref(), new_value: new_value.as_deref() };
        match decide::storage_event(event, storage::PLAN_PREFIX, open) {
            StorageAction::Ignore => return,
            StorageAction::RefreshList => {}
            // With the editor's part (and so the merge): take, merge or ask (`state::tabs`).
            StorageAction::Follow | StorageAction::Conflict if crate::web::editor::parts().is_some() => self.session.sync_with_storage(),
            // A plan opens only through the editor's part, so without it none is open.
            StorageAction::Follow => {}
            StorageAction::Conflict => self.session.set_save_state(SaveState::Conflict),
            StorageAction::Deleted => self.session.set_save_state(SaveState::Deleted),
        }
        self.library.refresh();
    }

    /// Conflict resolution: drop this tab's edits and read what is stored.
    pub fn load_theirs(self) {
        if let Some(id) = self.open_id() {
            self.open(&id);
            self.notify(NoticeKind::Info, "Loaded the other tab’s version; this tab’s changes were dropped.");
        }
    }

    /// Conflict resolution: write this tab's version over the stored one.
    pub fn keep_mine(self) {
        match self.session.overwrite() {
            Ok(()) => self.library.refresh(),
            Err(why) => self.session.set_save_state(SaveState::Unsaved(why)),
        }
    }

    /// Conflict or delete resolution: keep this tab's version as a new plan.
    pub fn save_mine_as_copy(self) {
        let Some(mine) = self.session.with_plan(Plan::clone) else { return };
        let name = self.library.unique_name(&crate::common::ids::copy_name(&mine.name));
        let copy = plans::duplicate(&mine, crate::common::ids::new_id("plan", browser::entropy()), &browser::now(), name);
        match storage::save(&copy, None) {
            Ok(saved) => {
                let name = copy.name.clone();
                self.session.start(copy, saved.text, Vec::new());
                self.library.refresh();
                self.notify(NoticeKind::Info, format!("Your version is kept as “{}”.", isolate(&name)));
            }
            Err(e) => self.session.set_save_state(SaveState::Unsaved(e.message())),
        }
    }

    /// Carry out a confirmed edit (with the editor's part, which holds the edits).
    pub fn confirmed(self, action: Confirmed) {
        self.through_editor(ListAction::Confirmed(action));
    }

    pub(super) fn confirmed_now(self, action: Confirmed) {
        match action {
            Confirmed::RemoveNamed(list, id) => self.edit(|p| p.remove_named(list, &id)),
            Confirmed::RemoveNeed(id) => self.edit(|p| p.remove_need(&id)),
            Confirmed::RemoveUserNeed(id) => self.edit(|p| p.remove_user_need(&id)),
            Confirmed::RemoveRisk(id) => self.edit(|p| p.remove_risk(&id)),
            Confirmed::RemoveControl(id) => self.edit(|p| p.remove_control(&id)),
            Confirmed::DeleteAssessment(id) => self.delete_assessment(&id),
            Confirmed::DiscardMine => {
                self.close();
                self.notify(NoticeKind::Info, "Your version of the deleted plan was discarded.");
            }
            Confirmed::ApplyGridPreset(i) => {
                let Some((name, criteria)) = presets::grid_presets().into_iter().nth(i) else { return };
                let mut moved = 0;
                self.edit(|p| moved = p.apply_grid(criteria));
                self.notify(NoticeKind::Info, format!("Applied “{name}”.{}", moved_note(moved)));
            }
        }
    }

    /// Set the number of levels on one axis of the grid.
    pub fn resize_grid(self, likelihood: bool, levels: usize) {
        let mut moved = 0;
        self.edit(|p| {
            let (l, s) = (p.criteria.likelihood_levels.len(), p.criteria.severity_levels.len());
            moved = if likelihood { p.resize_grid(levels, s) } else { p.resize_grid(l, levels) };
        });
        if moved > 0 {
            self.notify(NoticeKind::Info, moved_note(moved).trim_start().to_string());
        }
    }
}

/// " 2 risk ratings moved onto the smaller grid." (empty when none moved).
fn moved_note(moved: usize) -> String {
    match moved {
        0 => String::new(),
        n => format!(" {} moved onto the smaller grid.", crate::common::words::count(n, "risk rating")),
    }
}
