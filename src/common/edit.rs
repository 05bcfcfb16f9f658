//! The one edit path both documents take: a change is kept only if the
//! document still keeps every rule that loading and import check, and its
//! stored text still fits in a file. Otherwise the document is left exactly
//! as it was and the reason comes back in words.
//!
//! Each document's `edit` module wraps [`settle`] in its own `apply` (the plan
//! decides when its text must be written now; an assessment is small and
//! always writes it). [`settle`] is generic over the document only, not over
//! the change: the wasm holds it once per document kind, as before it was
//! shared.

/// What the one edit path needs of a document.
pub trait Document: Clone + PartialEq {
    /// The most its stored text may hold: a file of its kind's limit.
    const MAX_BYTES: usize;
    /// Stamp `now` (RFC 3339) as the time of its last edit.
    fn stamp(&mut self, now: &str);
    /// The first rule it breaks, as the sentence a person reads.
    fn first_problem(&self) -> Option<String>;
    /// Its stored (compact) text.
    fn stored_text(&self) -> String;
    /// Why an edit that would outgrow a file is not kept.
    fn too_large() -> String;
}

/// A kept edit: the document as it was (for undo) and, when it was written,
/// its new stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept<D> {
    pub before: D,
    pub text: Option<String>,
}

/// The checks after a change from `before` to `doc`: `Ok(None)` when nothing
/// changed (neither saved nor an undo step); on `Err` `doc` is `before` again.
/// `write_text` asks for the stored text now, which also checks its size.
pub fn settle<D: Document>(doc: &mut D, before: D, now: &str, write_text: bool) -> Result<Option<Kept<D>>, String> {
    if *doc == before {
        return Ok(None);
    }
    doc.stamp(now);
    if let Some(why) = doc.first_problem() {
        *doc = before;
        return Err(why);
    }
    if !write_text {
        return Ok(Some(Kept { before, text: None }));
    }
    let text = doc.stored_text();
    if text.len() > D::MAX_BYTES {
        *doc = before;
        return Err(D::too_large());
    }
    Ok(Some(Kept { before, text: Some(text) }))
}

/// [`Document`] for a document type, from the functions its kind already
/// has: both keep `updated_at`, check their rules with `validate` and name a
/// broken one with `describe`, and store their compact file text.
macro_rules! impl_document {
    ($doc:ty, max_bytes: $max:expr, validate: $validate:path, describe: $describe:path, text: $text:path, too_large: $too_large:expr) => {
        impl $crate::common::edit::Document for $doc {
            const MAX_BYTES: usize = $max;

            fn stamp(&mut self, now: &str) {
                self.updated_at = now.to_string();
            }

            fn first_problem(&self) -> Option<String> {
                $validate(self).first().map(|problem| $describe(problem, self))
            }

            fn stored_text(&self) -> String {
                $text(self)
            }

            fn too_large() -> String {
                $too_large()
            }
        }
    };
}
pub(crate) use impl_document;
