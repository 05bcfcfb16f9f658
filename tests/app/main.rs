//! Native tests of the decisions the browser layer carries out
//! (`jsp_planner::app`), one binary.

#[path = "../common/mod.rs"]
mod common;

mod backup;
mod components;
mod decide;
mod import;
mod linked;
