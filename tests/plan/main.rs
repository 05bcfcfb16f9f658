//! Native tests of the product plan (`jsp_planner::plan`), one binary: a
//! module per part of `src/plan/` (and the report renderers it feeds).

#[path = "../common/mod.rs"]
mod common;
mod edits;

mod components;
mod docx;
mod edit_sequences;
mod file;
mod merge;
mod model;
mod outputs;
mod premarket;
mod report;
mod revisions;
mod roundtrip_props;
mod rules;
mod sbom;
mod tabs;
mod trace;
mod workspace;
