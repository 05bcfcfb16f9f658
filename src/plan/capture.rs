//! Quick capture: add a stakeholder need, a risk or a stakeholder from one
//! line of text, so a workshop scribe never leaves the keyboard.

use crate::common::ids::{clean_name, new_id};
use crate::plan::model::{Plan, RiskEntry, Stakeholder};
use crate::plan::risk::next_risk_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    Need,
    Risk,
    Stakeholder,
}

impl CaptureKind {
    pub const ALL: [CaptureKind; 3] = [CaptureKind::Need, CaptureKind::Risk, CaptureKind::Stakeholder];

    pub fn label(self) -> &'static str {
        match self {
            CaptureKind::Need => "Security need",
            CaptureKind::Risk => "Risk",
            CaptureKind::Stakeholder => "Stakeholder",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CaptureKind::Need => "need",
            CaptureKind::Risk => "risk",
            CaptureKind::Stakeholder => "stakeholder",
        }
    }

    pub fn from_key(key: &str) -> Option<CaptureKind> {
        CaptureKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What a capture added, for the confirmation the user hears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub id: String,
    pub summary: String,
}

impl Plan {
    /// Add one item from a line of text. A risk written "asset: threat" is
    /// split at the first colon followed by a space (so "http://…" is not);
    /// otherwise the whole line is the threat. Returns `None`
    /// for a blank line.
    pub fn capture(&mut self, kind: CaptureKind, text: &str, entropy: u64) -> Option<Captured> {
        let text = clean_name(text)?;
        let captured = match kind {
            CaptureKind::Need => {
                let id = self.add_need(text.clone());
                Captured { id, summary: format!("Added need “{text}”.") }
            }
            CaptureKind::Stakeholder => {
                let id = new_id("sh", entropy);
                self.stakeholders.push(Stakeholder { id: id.clone(), name: text.clone(), description: String::new() });
                Captured { id, summary: format!("Added stakeholder “{text}”.") }
            }
            CaptureKind::Risk => {
                let (asset, threat) = match text.split_once(": ") {
                    Some((a, t)) if !a.trim().is_empty() && !t.trim().is_empty() => (a.trim(), t.trim()),
                    _ => ("", text.as_str()),
                };
                let id = next_risk_id(self);
                self.risks.push(RiskEntry::new(id.clone(), asset, threat));
                Captured { summary: format!("Added risk {id}."), id }
            }
        };
        Some(captured)
    }
}
