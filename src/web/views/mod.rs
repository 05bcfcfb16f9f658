//! Components. Each reads the [`AppState`] from context.

pub mod assessment;
mod assessment_list;
mod banners;
mod common;
mod dialogs;
mod merge_dialog;
mod name_list;
mod plan_list;
mod row_window;
mod sections;
mod workshop;

pub use banners::{Notices, TopBar};
pub use dialogs::Dialogs;
pub use plan_list::PlanList;
pub use sections::{load_plan_editor, step_section};
pub use workshop::{focus_capture, ShortcutsHelp};

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
