//! Decisions the browser layer carries out, kept here so that they are
//! tested natively: the plan library, backups, what to do about other tabs,
//! saves, imports and notices, a plan linked to a file on disk, and the
//! keyboard shortcuts.

pub mod backup;
pub mod decide;
pub mod library;
pub mod linked;
pub mod shortcuts;
