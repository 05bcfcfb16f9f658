//! The plan on the one edit path ([`crate::common::edit`]): an edit is kept
//! only if the plan still keeps every rule and still fits in a plan file,
//! and near that limit the size is checked before the edit is shown. The
//! browser's session (`web::state::session`) edits only through [`apply`]; the property test `tests/plan/edit_sequences.rs` drives
//! random edits through it and shows every result loads again.

use crate::common::edit::{impl_document, settle, Kept};
use crate::common::rules::MAX_TEXT_LEN;
use crate::plan::file::{export_compact, MAX_FILE_BYTES};
use crate::plan::model::Plan;
use crate::plan::rules::{describe, validate};

/// The most one ordinary edit (a field typed or pasted, an item added or
/// removed, a level set) can add to a plan's stored text: a text of
/// [`MAX_TEXT_LEN`] characters, each written as a six-byte JSON escape, with
/// room to spare. `tests/plan/edit_sequences.rs` checks it against every edit the
/// app makes.
pub const EDIT_GROWTH_BOUND: usize = 2 * 6 * MAX_TEXT_LEN + 16 * 1024;

/// How an edit is checked against the plan file's size limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SizeCheck {
    /// Write the plan's text now and refuse the edit if it passes the limit
    /// (any edit: a merge, or a plan near the limit).
    Now,
    /// An ordinary edit of a plan whose text is at most this many bytes:
    /// when one more [`EDIT_GROWTH_BOUND`] still fits the limit, the text is
    /// left to the caller to write later (after the screen is painted: at
    /// 1 MB, writing the text costs more than the rest of the edit).
    Within(usize),
}

impl SizeCheck {
    fn needs_text(self) -> bool {
        match self {
            SizeCheck::Now => true,
            SizeCheck::Within(bytes) => bytes.saturating_add(EDIT_GROWTH_BOUND) > MAX_FILE_BYTES,
        }
    }
}

/// Apply `change`, stamping `now` as the time of the last edit; `Ok(None)`
/// when it changed nothing (and so is neither saved nor an undo step). The
/// plan's text comes back only when the size check needed it.
pub fn apply(plan: &mut Plan, now: &str, size: SizeCheck, change: impl FnOnce(&mut Plan)) -> Result<Option<Kept<Plan>>, String> {
    let before = plan.clone();
    change(plan);
    settle(plan, before, now, size.needs_text())
}

impl_document!(Plan, max_bytes: MAX_FILE_BYTES, validate: validate, describe: describe, text: export_compact, too_large: too_large);

/// Why an edit that would outgrow a plan file is not kept (also what
/// storage says if it is ever asked to keep such a text).
pub fn too_large() -> String {
    format!(
        "The plan would be larger than {} MB, the most a plan file can hold, so this change was not kept.",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}
