//! The first screen: the plans and maturity assessments kept in this browser.

pub mod assessment_list;
pub mod plan_list;
