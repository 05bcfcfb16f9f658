//! The plan list's actions on stored plans, carried out in the editor's part
//! of the app: reading a stored plan whole (migration, checks, repair) and
//! writing one are code the first screen does not need to draw the list, so
//! it lives here, reached only through [`crate::web::editor::EditorParts`].
//! The first screen lists plans from their names alone
//! (`storage::scan_listed`) until this part is loaded; then the list is
//! read again with every check (`storage::scan`).

use super::{AppState, ListAction};

/// Carry out what the plan list asked for.
pub fn run(app: AppState, action: ListAction) {
    match action {
        ListAction::Create(name) => app.create_now(&name),
        ListAction::Open(id) => app.open_now(&id),
        ListAction::Rename(id, name) => app.rename_now(&id, &name),
        ListAction::Duplicate(id) => app.duplicate_now(&id),
        ListAction::Export(id) => app.export_now(&id),
        ListAction::BackUpAll => app.back_up_all_now(),
        ListAction::Confirmed(action) => app.confirmed_now(action),
    }
}
