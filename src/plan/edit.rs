//! The plan on the one edit path ([`crate::common::edit`]): an edit is kept
//! only if the plan still keeps every rule and still fits in a plan file.
//! The size is checked exactly (by writing the plan's text) only when the
//! edit could pass the limit: an edit's growth is bounded by the parts it
//! changed ([`growth_bound`]), so typing a character in a 4 MB plan writes
//! nothing before the screen shows it. The browser's session
//! (`web::state::session`) edits only through [`apply`]; the property test
//! `tests/plan/edit_sequences.rs` drives random edits through it, shows
//! every result loads again and that each grew within its bound.

use serde::Serialize;

use crate::common::edit::{impl_document, settle};
use crate::common::json::layout::Layout;
use crate::plan::file::{export_compact, MAX_FILE_BYTES};
use crate::plan::model::Plan;
use crate::plan::rules::{describe, validate};

/// [`growth_bound`], or another sound bound of how much an edit can grow a
/// plan's text (the browser hands it out from the editor's part, so the
/// first screen does not carry it).
pub type GrowthBound = fn(&Plan, &Plan) -> usize;

/// How an edit is checked against the plan file's size limit.
#[derive(Debug, Clone, Copy)]
pub enum SizeCheck {
    /// Write the plan's text now and refuse the edit if it passes the limit
    /// (a merge, or a plan whose size is not known).
    Now,
    /// A plan whose stored text is at most this many bytes: when the edit's
    /// growth (by the [`GrowthBound`]) still fits the limit, the text is left
    /// to the caller to write later (after the screen is painted: at 4 MB,
    /// writing the text costs more than a frame); otherwise it is written now.
    Within(usize, GrowthBound),
}

/// A kept edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The plan as it was (for undo).
    pub before: Plan,
    /// The plan's new stored text, when the size check wrote it.
    pub text: Option<String>,
    /// Its stored text is now at most this many bytes (`text`'s length when
    /// it was written).
    pub bytes: usize,
}

/// Apply `change`, stamping `now` as the time of the last edit; `Ok(None)`
/// when it changed nothing (and so is neither saved nor an undo step). The
/// plan's text comes back only when the size check needed it.
pub fn apply(plan: &mut Plan, now: &str, size: SizeCheck, change: impl FnOnce(&mut Plan)) -> Result<Option<Applied>, String> {
    let before = plan.clone();
    change(plan);
    let within = match size {
        SizeCheck::Now => None,
        // The stamp is the one field every edit sets: it is at most `now`'s length.
        SizeCheck::Within(bytes, growth) => {
            let bound = bytes.saturating_add(growth(&before, plan)).saturating_add(json_len(now));
            (bound <= MAX_FILE_BYTES).then_some(bound)
        }
    };
    let kept = settle(plan, before, now, within.is_none())?;
    Ok(kept.map(|k| Applied { bytes: k.text.as_ref().map_or(within.unwrap_or(0), String::len), before: k.before, text: k.text }))
}

/// At most how many bytes longer the stored text of `after` is than that of
/// `before`, leaving aside `updated_at` (the caller bounds the stamp):
/// each part that differs counts as long as its new text, and in a list
/// only the items between the common start and the common end count (with
/// a comma each). Comparing the parts costs about a millisecond for 4,000
/// risks; writing the whole text about thirty.
pub fn growth_bound(before: &Plan, after: &Plan) -> usize {
    // Every field by name: a new one cannot be left out unseen.
    let Plan {
        id,
        name,
        created_at,
        updated_at: _,
        document,
        project,
        stakeholders,
        needs,
        need_links,
        user_needs,
        management,
        criteria,
        risks,
        controls,
        components,
        premarket,
        roles,
        activities,
        raci,
        revisions,
    } = after;
    let mut m = Measure::default();
    m.part(&before.id, id);
    m.part(&before.name, name);
    m.part(&before.created_at, created_at);
    m.part(&before.document, document);
    m.part(&before.project, project);
    m.items(&before.stakeholders, stakeholders);
    m.items(&before.needs, needs);
    m.items(&before.need_links, need_links);
    m.items(&before.user_needs, user_needs);
    m.part(&before.management, management);
    m.part(&before.criteria, criteria);
    m.items(&before.risks, risks);
    m.items(&before.controls, controls);
    m.items(&before.components, components);
    m.part(&before.premarket, premarket);
    m.items(&before.roles, roles);
    m.items(&before.activities, activities);
    m.items(&before.raci, raci);
    m.part(&before.revisions, revisions);
    m.grown
}

/// The compact JSON length of parts of a plan, through the serializer the
/// stored text is written with (no second copy of the plan's serializing
/// code in the wasm).
#[derive(Default)]
struct Measure {
    buf: Vec<u8>,
    grown: usize,
}

impl Measure {
    fn len<T: Serialize + ?Sized>(&mut self, value: &T) -> usize {
        self.buf.clear();
        let mut serializer = serde_json::Serializer::with_formatter(&mut self.buf, Layout::new(false));
        value.serialize(&mut serializer).expect("a plan always serializes");
        self.buf.len()
    }

    fn part<T: Serialize + PartialEq>(&mut self, before: &T, after: &T) {
        if before != after {
            self.grown += self.len(after);
        }
    }

    fn items<T: Serialize + PartialEq>(&mut self, before: &[T], after: &[T]) {
        let start = before.iter().zip(after).take_while(|(b, a)| b == a).count();
        let most = before.len().min(after.len()) - start;
        let end = before.iter().rev().zip(after.iter().rev()).take(most).take_while(|(b, a)| b == a).count();
        for item in &after[start..after.len() - end] {
            self.grown += self.len(item) + 1;
        }
    }
}

/// The most a JSON string of `text` can take.
pub fn json_len(text: &str) -> usize {
    // Quotes, and at most a six-byte escape per character.
    2 + 6 * text.chars().count()
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
