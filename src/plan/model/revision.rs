//! Revisions: numbered, frozen versions of the plan, each with a change
//! summary and the approvals recorded against it (format version 4).
//!
//! Issuing a revision freezes the plan as it is; work goes on in the plan
//! itself, the draft. A revision whose approvals include an approver is
//! approved, and then nothing about it changes: no approval is added or
//! taken away (its content never changes at all).
//!
//! Storage: the newest revision keeps a whole copy of the plan (as its
//! JSON text, written once and never re-read on an edit); each older one
//! keeps only the changes that turn the revision after it back into it
//! ([`crate::plan::versions::diff::delta`]). A 250 kB plan with 20 revisions then costs one
//! copy plus twenty short change lists (measured by `scripts/bench.sh`).
//!
//! The plan holds its revisions as their JSON text ([`Revisions`]), read
//! into [`Revision`]s only where they are used: the plan list stores, loads
//! and imports plans without any of the revision code, which stays in the
//! editor's part of the app (the first download is about 15 kB smaller).

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::plan::versions::diff::{apply, delta, Change};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// 1, 2, 3...: the order revisions were issued in.
    pub number: u32,
    /// The revision as the document names it ("A", "1.0"): the plan's
    /// `document.revision` when it was issued.
    pub label: String,
    /// RFC 3339 timestamp of issue.
    pub issued_at: String,
    /// What changed since the revision before, in the author's words.
    pub summary: String,
    pub approvals: Vec<Approval>,
    pub content: Content,
}

/// What a revision keeps of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Content {
    /// The whole plan (the newest revision), with no revisions of its own.
    Snapshot(Snapshot),
    /// The changes that turn the next revision's plan into this one's.
    Delta(Vec<Change>),
}

/// A plan's JSON text, shared rather than copied when the plan is cloned
/// for undo, written as it is into the plan file.
#[derive(Debug, Clone)]
pub struct Snapshot(Arc<str>);

/// The plan's revisions (a list of [`Revision`]) as their JSON text, shared
/// when the plan is cloned and written into the file as it is. Read with
/// [`super::Plan::revisions`]; a file's text is checked on import
/// ([`crate::plan::file::check_revisions`]).
#[derive(Debug, Clone, Default)]
pub struct Revisions(Option<Arc<str>>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub id: String,
    pub name: String,
    /// Their role or function ("Head of quality").
    pub role: String,
    pub meaning: Meaning,
    /// YYYY-MM-DD.
    pub date: String,
    pub comment: String,
}

/// What a signature means (21 CFR 11.50 asks that it be stated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    Author,
    Reviewer,
    Approver,
}

impl Meaning {
    pub const ALL: [Meaning; 3] = [Meaning::Author, Meaning::Reviewer, Meaning::Approver];

    pub fn label(self) -> &'static str {
        match self {
            Meaning::Author => "Author",
            Meaning::Reviewer => "Reviewer",
            Meaning::Approver => "Approver",
        }
    }
}

impl Revision {
    /// Approved: an approver has signed, and the revision is read-only.
    pub fn approved(&self) -> bool {
        self.approvals.iter().any(|a| a.meaning == Meaning::Approver)
    }

    /// "Revision 2 (B)", or "Revision 2" when it has no label of its own.
    pub fn title(&self) -> String {
        let label = self.label.trim();
        if label.is_empty() || label == self.number.to_string() {
            format!("Revision {}", self.number)
        } else {
            format!("Revision {} ({label})", self.number)
        }
    }

    pub fn status(&self) -> &'static str {
        if self.approved() {
            "Approved"
        } else {
            "Issued, awaiting approval"
        }
    }
}

impl Snapshot {
    pub fn new(json: String) -> Snapshot {
        Snapshot(json.into())
    }

    pub fn text(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Serialize for Snapshot {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written as JSON, not as a string holding JSON: the file stays readable.
        let raw: &serde_json::value::RawValue = serde_json::from_str(&self.0).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Snapshot, D::Error> {
        let value = Value::deserialize(d)?;
        if !value.is_object() {
            return Err(serde::de::Error::custom("a revision's snapshot must be a plan object"));
        }
        Ok(Snapshot::new(value.to_string()))
    }
}

impl Revisions {
    /// The text of `list`.
    pub fn of(list: &[Revision]) -> Revisions {
        if list.is_empty() {
            return Revisions(None);
        }
        Revisions(Some(serde_json::to_string(list).expect("revisions serialize").into()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn text(&self) -> &str {
        self.0.as_deref().unwrap_or("[]")
    }

    /// The revisions, or why the text does not hold them.
    pub fn read(&self) -> Result<Vec<Revision>, serde_json::Error> {
        match &self.0 {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(text),
        }
    }
}

impl PartialEq for Revisions {
    fn eq(&self, other: &Revisions) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl Serialize for Revisions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw: &serde_json::value::RawValue = serde_json::from_str(self.text()).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Revisions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Revisions, D::Error> {
        // Kept as the file's text, only checked to be JSON here: what each
        // revision holds is checked where revisions are read.
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        if !raw.get().starts_with('[') {
            return Err(serde::de::Error::custom("the revisions must be a list"));
        }
        match compact(raw.get()) {
            text if text == "[]" => Ok(Revisions(None)),
            text => Ok(Revisions(Some(text.into()))),
        }
    }
}

/// JSON text without the spaces and line breaks between its tokens (a
/// pretty-printed file's), so the plan stores its history compactly.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

impl JsonSchema for Revisions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<Revision>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Revision>>::json_schema(generator)
    }
}

impl JsonSchema for Snapshot {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Snapshot".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "The whole plan as it was issued (the fields of `plan`, with `revisions` empty)."
        })
    }
}

impl super::Plan {
    /// The issued revisions, oldest first. A history that cannot be read
    /// (this app never writes one; an import refuses one) reads as none,
    /// and stays as it is: nothing writes over it.
    pub fn revisions(&self) -> Vec<Revision> {
        self.revisions.read().unwrap_or_default()
    }

    fn revision_list(&self) -> Result<Vec<Revision>, String> {
        self.revisions.read().map_err(|e| format!("The revision history cannot be read ({e})."))
    }

    /// The revision with this number.
    pub fn revision(&self, number: u32) -> Option<Revision> {
        self.revisions().into_iter().find(|r| r.number == number)
    }

    /// The newest revision, if any was issued.
    pub fn latest_revision(&self) -> Option<Revision> {
        self.revisions().pop()
    }

    /// Freeze the plan as it is now as the next revision, labelled `label`
    /// (also written as the plan's document revision) with `summary` saying
    /// what changed. Returns its number.
    pub fn issue_revision(&mut self, label: &str, summary: &str, now: &str) -> Result<u32, String> {
        let summary = summary.trim();
        if summary.is_empty() {
            return Err("Say in a few words what changed in this revision: the summary goes into its history.".into());
        }
        let mut list = self.revision_list()?;
        let number = list.last().map_or(1, |r| r.number + 1);
        let label = match label.trim() {
            "" => next_label(&list),
            l => l.to_string(),
        };
        if list.iter().any(|r| r.label == label) {
            return Err(format!("A revision is already labelled “{label}”: give this one another label."));
        }
        let mut frozen = self.clone();
        frozen.document.revision = label.clone();
        frozen.revisions = Revisions::default();
        let text = crate::plan::file::plan_text(&frozen);
        if let Some(last) = list.last_mut() {
            // The previous newest keeps only how to get back to it from this one.
            let newer: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            let older = last.json()?;
            last.content = Content::Delta(delta(&newer, &older));
        }
        list.push(Revision {
            number,
            label: label.clone(),
            issued_at: now.to_string(),
            summary: summary.to_string(),
            approvals: Vec::new(),
            content: Content::Snapshot(Snapshot::new(text)),
        });
        self.document.revision = label;
        self.revisions = Revisions::of(&list);
        Ok(number)
    }

    /// The plan's JSON as revision `number` froze it (no revisions of its own).
    pub fn revision_json(&self, number: u32) -> Result<Value, String> {
        frozen_json(&self.revision_list()?, number)
    }

    /// Record an approval of revision `number`. Refused once the revision is approved.
    pub fn record_approval(&mut self, number: u32, mut approval: Approval) -> Result<(), String> {
        let mut list = self.revision_list()?;
        let revision = open_revision(&mut list, number)?;
        approval.id = format!("AP-{}", crate::common::ids::next_number(revision.approvals.iter().map(|a| a.id.as_str()), "AP-"));
        if approval.name.trim().is_empty() {
            return Err("Give the name of the person who signs.".into());
        }
        if !crate::common::rules::is_date(&approval.date) || approval.date.is_empty() {
            return Err("Give the date of the signature, year-month-day, as 2026-11-24.".into());
        }
        revision.approvals.push(approval);
        self.revisions = Revisions::of(&list);
        Ok(())
    }

    /// Take back an approval recorded in error. Refused once the revision is approved.
    pub fn remove_approval(&mut self, number: u32, id: &str) -> Result<(), String> {
        let mut list = self.revision_list()?;
        open_revision(&mut list, number)?.approvals.retain(|a| a.id != id);
        self.revisions = Revisions::of(&list);
        Ok(())
    }
}

/// The label a revision after `list` gets when none is given: the one after
/// the last label when it is a letter ("B" after "A") or a whole number
/// ("4" after "3"), else the revision's number.
pub fn next_label(list: &[Revision]) -> String {
    let number = list.last().map_or(1, |r| r.number + 1);
    let last = list.last().map_or("", |r| r.label.trim());
    let next = match last.as_bytes() {
        [c @ b'A'..=b'Y'] | [c @ b'a'..=b'y'] => char::from(c + 1).to_string(),
        _ => last.parse::<u32>().map_or(number, |n| n + 1).to_string(),
    };
    if list.iter().any(|r| r.label == next) {
        number.to_string()
    } else {
        next
    }
}

/// The plan's JSON as revision `number` of `list` froze it: the newest
/// revision's copy with the changes back to it applied.
pub fn frozen_json(list: &[Revision], number: u32) -> Result<Value, String> {
    let at = list.iter().position(|r| r.number == number).ok_or_else(|| format!("There is no revision {number}."))?;
    let newest = list.last().ok_or("No revision was issued.")?;
    let mut json = newest.json()?;
    for older in list[at..list.len() - 1].iter().rev() {
        let Content::Delta(changes) = &older.content else {
            return Err(format!("Revision {} keeps a whole copy where only the newest may.", older.number));
        };
        apply(&mut json, changes).map_err(|e| format!("Revision {} could not be rebuilt: {e}.", older.number))?;
    }
    Ok(json)
}

/// Revision `number` of `list`, if it still takes approvals.
fn open_revision(list: &mut [Revision], number: u32) -> Result<&mut Revision, String> {
    let revision = list.iter_mut().find(|r| r.number == number).ok_or_else(|| format!("There is no revision {number}."))?;
    if revision.approved() {
        return Err(format!("{} is approved, so it is read-only: new work continues in the draft.", revision.title()));
    }
    Ok(revision)
}

impl Revision {
    /// The whole plan of the newest revision, as JSON.
    fn json(&self) -> Result<Value, String> {
        match &self.content {
            Content::Snapshot(s) => serde_json::from_str(s.text()).map_err(|e| e.to_string()),
            Content::Delta(_) => Err(format!("Revision {} keeps only changes, not a whole copy.", self.number)),
        }
    }
}
