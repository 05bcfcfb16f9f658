//! JSP Planner: plan the Concept Phase of the HSCC Joint Security Plan 2.0 in the browser.
//!
//! The crate in layers, each using only those above it:
//! - [`common`]: what both document kinds use, naming neither: words, ids,
//!   the shared rules and limits, undo history.
//! - [`report`]: the format-neutral report model and its Markdown and Word renderers.
//! - [`plan`]: the product plan: its model (A.1, A.2, A.3, criteria, register,
//!   RACI), rules, file format, deliverables, traceability, report, exports and
//!   versions (diff, compare, merge).
//! - [`assessment`]: the organisation's JSP2 maturity self-assessment, the
//!   second document kind, with its own file format, rules, edits and report.
//! - [`app`]: decisions the browser layer carries out, tested natively: the
//!   plan library, backups, other tabs, saves, imports, notices, shortcuts.
//! - `cli` (native only): the command-line tool `jsp-planner`, over all of the
//!   above: check, report, merge, diff, schema, migrate.
//! - `web` (wasm32 only): the browser app, a thin layer of state, storage and
//!   views over all of the above.

pub mod common;
pub mod report;

pub mod assessment;
pub mod plan;

pub mod app;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;
