//! Code both document kinds use, naming neither: words ([`words`]), ids
//! ([`ids`]), the shared limits and rule checker ([`rules`]), the one edit
//! path ([`edit`]), undo history ([`history`]) and versioned JSON files
//! ([`json`]).

pub mod edit;
pub mod history;
pub mod ids;
pub mod json;
pub mod rules;
pub mod words;
