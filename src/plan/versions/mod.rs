//! Everything about two copies of a plan: the changes between them in
//! words ([`diff`]), comparing revisions and files ([`compare`]), the
//! three-way merge ([`merge`]) and its values in words ([`words`]).

pub mod compare;
pub mod diff;
pub mod merge;
pub mod words;
