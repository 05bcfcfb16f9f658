//! Decisions the browser layer carries out, kept here so that they are
//! tested natively: the plan library, backups, what to do about other tabs,
//! saves, imports and notices, a plan linked to a file on disk, the
//! keyboard shortcuts, and which components the register's filters show.

pub mod backup;
pub mod components;
pub mod decide;
pub mod library;
pub mod linked;
pub mod shortcuts;
