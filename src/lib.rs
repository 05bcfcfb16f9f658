//! JSP Planner: plan the Concept Phase of the HSCC Joint Security Plan 2.0 in the browser.
//!
//! The crate is split so that everything a plan *is* stays testable natively:
//! - [`model`]: the plan and its parts (A.1, A.2, A.3, criteria, register, RACI).
//! - [`validate`]: the invariants a plan must keep (unique ids, no dangling links, levels in range).
//! - [`presets`]: the JSP's own examples used to seed a new plan.
//! - [`format`]: the public JSON file format: export, import, migration, JSON Schema.
//! - [`library`]: operations on the set of plans a user keeps (create, duplicate, rename).
//! - [`assess`], [`deliverables`]: risk acceptability, register queries, completeness of the deliverables.
//! - [`decide`]: pure decisions about other tabs, saves, imports and notices.
//! - [`history`], [`capture`]: undo/redo snapshots and one-line quick capture.
//! - [`edit`]: the rule of the one edit path (every rule kept, the file size bounded).
//! - [`export`]: the plan as Markdown and the register and matrix as CSV.
//! - [`navigation`]: the plan's sections (id, title, anchor) as one table.
//! - [`repair`]: opening a stored plan that breaks a rule, with each fix said in words.
//! - [`shortcuts`]: the keyboard shortcuts and their help text.
//! - [`trace`]: traceability from stakeholder need to verified control, and its gaps.
//! - [`assessment`]: the organisation's JSP2 maturity self-assessment, a second document kind with its own file format.
//!
//! The browser app (`web`) exists only on wasm32 and is a thin layer over these.

pub mod assess;
pub mod assessment;
pub mod backup;
pub mod capture;
pub mod common;
pub mod compare;
pub mod decide;
pub mod deliverables;
pub mod diff;
pub mod edit;
pub mod export;
pub mod format;
pub mod library;
pub mod merge;
pub mod model;
pub mod navigation;
pub mod presets;
pub mod repair;
pub mod report;
pub mod shortcuts;
pub mod trace;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod web;
