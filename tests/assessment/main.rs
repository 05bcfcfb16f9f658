//! Native tests of the maturity assessment (`jsp_planner::assessment`), one
//! binary: the document (framework, scoring, roadmap, file format), its
//! edits and its report.

#[path = "../common/mod.rs"]
mod common;

mod document;
mod edit;
mod report;
