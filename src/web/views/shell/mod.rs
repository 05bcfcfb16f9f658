//! What every page has around its content: the top bar and notices, the
//! display switches and shortcuts help, and the dialogs.

pub mod banners;
pub mod controls;
pub mod dialogs;
