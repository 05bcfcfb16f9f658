//! What every page has around its content: the top bar and notices, and
//! the dialogs.

pub mod banners;
pub mod dialogs;
