//! Everything about two copies of a plan: the changes between them in
//! words ([`diff`]), comparing revisions and files ([`compare`]) and the
//! three-way merge ([`merge`]).

pub mod compare;
pub mod diff;
pub mod merge;
