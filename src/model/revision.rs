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
//! ([`crate::diff::delta`]). A 250 kB plan with 20 revisions then costs one
//! copy plus twenty short change lists (measured by `scripts/bench.sh`).

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diff::{apply, delta, Change};

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
    /// The revision with this number.
    pub fn revision(&self, number: u32) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.number == number)
    }

    /// The newest revision, if any was issued.
    pub fn latest_revision(&self) -> Option<&Revision> {
        self.revisions.last()
    }

    /// Freeze the plan as it is now as the next revision, labelled `label`
    /// (also written as the plan's document revision) with `summary` saying
    /// what changed. Returns its number.
    pub fn issue_revision(&mut self, label: &str, summary: &str, now: &str) -> Result<u32, String> {
        let summary = summary.trim();
        if summary.is_empty() {
            return Err("Say in a few words what changed in this revision: the summary goes into its history.".into());
        }
        let number = self.revisions.last().map_or(1, |r| r.number + 1);
        let label = match label.trim() {
            "" => number.to_string(),
            l => l.to_string(),
        };
        if self.revisions.iter().any(|r| r.label == label) {
            return Err(format!("A revision is already labelled “{label}”: give this one another label."));
        }
        self.document.revision = label.clone();
        let revisions = std::mem::take(&mut self.revisions);
        let text = crate::format::plan_text(self);
        self.revisions = revisions;
        if let Some(last) = self.revisions.last_mut() {
            // The previous newest keeps only how to get back to it from this one.
            let newer: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            let older = last.json()?;
            last.content = Content::Delta(delta(&newer, &older));
        }
        self.revisions.push(Revision {
            number,
            label,
            issued_at: now.to_string(),
            summary: summary.to_string(),
            approvals: Vec::new(),
            content: Content::Snapshot(Snapshot::new(text)),
        });
        Ok(number)
    }

    /// The plan's JSON as revision `number` froze it (no revisions of its own).
    pub fn revision_json(&self, number: u32) -> Result<Value, String> {
        let at = self.revisions.iter().position(|r| r.number == number).ok_or_else(|| format!("There is no revision {number}."))?;
        let newest = self.revisions.last().ok_or("No revision was issued.")?;
        let mut json = newest.json()?;
        for older in self.revisions[at..self.revisions.len() - 1].iter().rev() {
            let Content::Delta(changes) = &older.content else {
                return Err(format!("Revision {} keeps a whole copy where only the newest may.", older.number));
            };
            apply(&mut json, changes).map_err(|e| format!("Revision {} could not be rebuilt: {e}.", older.number))?;
        }
        Ok(json)
    }

    /// Record an approval of revision `number`. Refused once the revision is approved.
    pub fn record_approval(&mut self, number: u32, mut approval: Approval) -> Result<(), String> {
        let revision = self.open_revision(number)?;
        approval.id = format!("AP-{}", crate::assess::next_number(revision.approvals.iter().map(|a| a.id.as_str()), "AP-"));
        if approval.name.trim().is_empty() {
            return Err("Give the name of the person who signs.".into());
        }
        if !crate::validate::is_date(&approval.date) || approval.date.is_empty() {
            return Err("Give the date of the signature, year-month-day, as 2026-11-24.".into());
        }
        revision.approvals.push(approval);
        Ok(())
    }

    /// Take back an approval recorded in error. Refused once the revision is approved.
    pub fn remove_approval(&mut self, number: u32, id: &str) -> Result<(), String> {
        self.open_revision(number)?.approvals.retain(|a| a.id != id);
        Ok(())
    }

    fn open_revision(&mut self, number: u32) -> Result<&mut Revision, String> {
        let revision = self.revisions.iter_mut().find(|r| r.number == number).ok_or_else(|| format!("There is no revision {number}."))?;
        if revision.approved() {
            return Err(format!("{} is approved, so it is read-only: new work continues in the draft.", revision.title()));
        }
        Ok(revision)
    }
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
