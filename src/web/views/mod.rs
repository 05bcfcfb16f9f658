//! Components. Each reads the [`AppState`] from context.
//!
//! - [`shell`]: what every page has: the top bar, notices, display
//!   switches, the shortcuts help, dialogs.
//! - [`common`]: pieces both documents' views use: fields and their errors,
//!   the report view, the windowed rows of long tables, named lists.
//! - [`library`]: the first screen, the list of plans and assessments.
//! - [`plan`]: the plan page, one Concept Phase section at a time, with the
//!   workshop stepper, quick capture and the merge dialog.
//! - [`assessment`]: the maturity assessment page.
//!
//! `plan` and `assessment` are in the editor's part of the wasm
//! (`web::editor`); `shell`, `common` and `library` are in the first screen.

pub mod assessment;
pub mod common;
pub mod library;
pub mod plan;
pub mod shell;

pub use library::plan_list::PlanList;
pub use plan::step_section;
pub use plan::workshop::focus_capture;
pub use shell::banners::{Notices, TopBar};
pub use shell::controls::ShortcutsHelp;
pub use shell::dialogs::Dialogs;

use leptos::prelude::*;

use super::state::AppState;

pub(crate) fn app() -> AppState {
    expect_context::<AppState>()
}

/// The plan the editor shows: given to the editor's views when a plan opens,
/// so inside them there is always one (see `state::OpenPlan`).
pub(crate) fn open_plan() -> crate::web::state::OpenPlan {
    expect_context::<crate::web::state::OpenPlan>()
}

/// A short local date and time for a stored RFC 3339 timestamp.
pub(crate) fn short_time(ts: &str) -> String {
    let date = js_sys::Date::new(&ts.into());
    if date.get_time().is_nan() {
        return ts.to_string();
    }
    let locale: String = date.to_locale_string("default", &js_sys::Object::new()).into();
    locale
}
