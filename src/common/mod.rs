//! Code both document kinds use, naming neither: words, ids, the shared
//! rules and limits, and undo history.

pub mod edit;
pub mod history;
pub mod ids;
pub mod json;
pub mod rules;
pub mod words;
