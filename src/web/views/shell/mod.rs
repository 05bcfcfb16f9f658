//! What every page has around its content: the top bar and notices, the
//! display switches and shortcuts help, and the dialogs (an import's own
//! questions in `import_dialogs`, drawn from the editor's part).

pub mod banners;
pub mod controls;
pub mod dialogs;
pub mod import_dialogs;
