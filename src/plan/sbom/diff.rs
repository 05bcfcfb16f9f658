//! What importing an SBOM does to the register, shown before it is done.
//!
//! Each of the SBOM's components is matched with one of the register's:
//! by package URL, else by its SBOM reference (`bom-ref`/`SPDXID`), else by
//! name and version, else by name alone (so "openssl 3.0.2" becoming
//! "openssl 3.0.13" is a change of version, not a removal and an addition).
//! Stronger matches are made first across the whole register.
//!
//! - A match is refreshed from the SBOM: name, version, group, supplier,
//!   purl, CPE, licence, kind and reference, and the level of support and
//!   dates when the SBOM gives them. What the SBOM leaves empty never clears
//!   what the plan has, and what the team wrote (monitoring, notes, linked
//!   risks) is never touched. A change of reference alone is made but not
//!   listed (SBOM tools often give new references each time).
//! - A component of the SBOM with no match is added, with the next free id.
//! - A component of the register the SBOM no longer lists is removed if it
//!   came from an SBOM and the team wrote nothing about it (no monitoring,
//!   notes or linked risks). Otherwise it is kept, and the preview says so:
//!   typed-in components, and those the team wrote about, are the team's to
//!   remove.

use std::collections::HashMap;

use super::Sbom;
use crate::plan::model::{Component, ComponentText, Plan, SupportLevel};

/// One field that a re-import changes, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// "Version", "Level of support".
    pub field: &'static str,
    /// "(empty)" for none.
    pub before: String,
    pub after: String,
}

/// A component of the register the SBOM changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub id: String,
    /// "CMP-003 openssl 3.0.2", as it is now.
    pub title: String,
    pub fields: Vec<FieldChange>,
    /// The SBOM's component it matched.
    incoming: Component,
}

/// A component of the register the SBOM no longer lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub id: String,
    /// "CMP-004 busybox 1.35.0".
    pub title: String,
    /// Kept: typed in, or the team wrote about it.
    pub kept: bool,
}

/// What importing an SBOM does to the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    /// The SBOM's components that are new to the register, in its order.
    pub added: Vec<Component>,
    pub changed: Vec<Changed>,
    pub removed: Vec<Removed>,
    /// Components the SBOM lists as the register has them.
    pub unchanged: usize,
    /// Matched components whose only change is their SBOM reference.
    refreshed: Vec<(String, String)>,
}

impl Changes {
    /// Nothing would change (the SBOM is the register already).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.iter().all(|r| r.kept) && self.refreshed.is_empty()
    }

    /// "3 added, 2 changed, 1 removed, 1 kept though the SBOM no longer lists it, 980 unchanged."
    pub fn summary(&self) -> String {
        let removed = self.removed.iter().filter(|r| !r.kept).count();
        let kept = self.removed.len() - removed;
        let mut parts = Vec::new();
        for (n, words) in [(self.added.len(), "added"), (self.changed.len(), "changed"), (removed, "removed")] {
            if n > 0 {
                parts.push(format!("{} {words}", crate::common::words::thousands(n)));
            }
        }
        if kept > 0 {
            parts.push(format!(
                "{} kept though the SBOM no longer lists {}",
                crate::common::words::thousands(kept),
                if kept == 1 { "it" } else { "them" }
            ));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} unchanged", crate::common::words::thousands(self.unchanged)));
        }
        if parts.is_empty() {
            return "The SBOM lists no components, and the register has none.".into();
        }
        let mut text = crate::common::words::capitalize(&parts.join(", "));
        text.push('.');
        text
    }

    /// Why a removed component is kept, for the preview.
    pub const KEPT_WHY: &'static str = "Kept: it was typed in, or the team wrote monitoring, notes or linked risks for it. Remove it yourself if the product no longer uses it.";

    /// Make the changes in `plan` (run it through `plan::edit::apply`). A
    /// component removed or changed by someone since the comparison is
    /// left as it is now.
    pub fn apply(&self, plan: &mut Plan) {
        for c in &self.changed {
            if let Some(existing) = plan.component_mut(&c.id) {
                refresh(existing, &c.incoming);
            }
        }
        for (id, sbom_ref) in &self.refreshed {
            if let Some(existing) = plan.component_mut(id) {
                existing.sbom_ref.clone_from(sbom_ref);
            }
        }
        let gone: std::collections::HashSet<&str> = self.removed.iter().filter(|r| !r.kept).map(|r| r.id.as_str()).collect();
        if !gone.is_empty() {
            plan.components.retain(|c| !gone.contains(c.id.as_str()));
        }
        plan.add_components(self.added.clone());
    }
}

/// What importing `sbom` would do to a register holding `components`.
pub fn compare(components: &[Component], sbom: &Sbom) -> Changes {
    let matches = match_up(components, &sbom.components);
    let mut changes = Changes { added: Vec::new(), changed: Vec::new(), removed: Vec::new(), unchanged: 0, refreshed: Vec::new() };
    let mut matched = vec![false; components.len()];
    for (incoming, found) in sbom.components.iter().zip(&matches) {
        let Some(i) = *found else {
            changes.added.push(incoming.clone());
            continue;
        };
        matched[i] = true;
        let existing = &components[i];
        let mut after = existing.clone();
        refresh(&mut after, incoming);
        let fields = field_changes(existing, &after);
        if !fields.is_empty() {
            changes.changed.push(Changed { id: existing.id.clone(), title: title(existing), fields, incoming: incoming.clone() });
        } else {
            changes.unchanged += 1;
            if after.sbom_ref != existing.sbom_ref {
                changes.refreshed.push((existing.id.clone(), after.sbom_ref));
            }
        }
    }
    for (c, _) in components.iter().zip(&matched).filter(|(_, m)| !**m) {
        changes.removed.push(Removed { id: c.id.clone(), title: title(c), kept: team_owned(c) });
    }
    changes
}

/// "CMP-003 openssl 3.0.2".
fn title(c: &Component) -> String {
    format!("{} {}", c.id, c.title())
}

/// Typed in, or written about by the team: a re-import does not remove it.
fn team_owned(c: &Component) -> bool {
    c.sbom_ref.is_empty() || !c.monitoring.is_empty() || !c.notes.trim().is_empty() || !c.risk_ids.is_empty()
}

/// `existing` with what the SBOM says, keeping what it does not.
fn refresh(existing: &mut Component, incoming: &Component) {
    for field in [
        ComponentText::Name,
        ComponentText::Version,
        ComponentText::Group,
        ComponentText::Supplier,
        ComponentText::Purl,
        ComponentText::Cpe,
        ComponentText::Licence,
        ComponentText::EndOfSupport,
        ComponentText::EndOfLife,
    ] {
        let new = field.get(incoming);
        if !new.is_empty() {
            field.get_mut(existing).clone_from(new);
        }
    }
    existing.kind = incoming.kind;
    if incoming.support != SupportLevel::Unknown {
        existing.support = incoming.support;
    }
    if !incoming.sbom_ref.is_empty() {
        existing.sbom_ref.clone_from(&incoming.sbom_ref);
    }
}

/// The fields a person reads that differ, in the register's order.
fn field_changes(before: &Component, after: &Component) -> Vec<FieldChange> {
    let shown = |s: &str| if s.is_empty() { "(empty)".to_string() } else { s.to_string() };
    let mut out = Vec::new();
    for field in ComponentText::ALL {
        let (b, a) = (field.get(before), field.get(after));
        if b != a {
            out.push(FieldChange { field: field.label(), before: shown(b), after: shown(a) });
        }
    }
    if before.kind != after.kind {
        out.push(FieldChange { field: "Kind", before: before.kind.label().into(), after: after.kind.label().into() });
    }
    if before.support != after.support {
        out.push(FieldChange { field: "Level of support", before: before.support.label().into(), after: after.support.label().into() });
    }
    out
}

/// For each incoming component, the index of the register's component it
/// matches, if any; each register component matches at most one.
fn match_up(components: &[Component], incoming: &[Component]) -> Vec<Option<usize>> {
    type Key = fn(&Component) -> Option<String>;
    let keys: [Key; 4] = [
        |c| (!c.purl.is_empty()).then(|| c.purl.clone()),
        |c| (!c.sbom_ref.is_empty()).then(|| c.sbom_ref.clone()),
        |c| (!c.version.is_empty()).then(|| format!("{}\u{0}{}\u{0}{}", c.group, c.name, c.version)),
        |c| Some(format!("{}\u{0}{}", c.group, c.name)),
    ];
    let mut found: Vec<Option<usize>> = vec![None; incoming.len()];
    let mut taken = vec![false; components.len()];
    for key in keys {
        // The register's unmatched components by key, first ones first.
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in components.iter().enumerate().rev().filter(|(i, _)| !taken[*i]) {
            if let Some(k) = key(c) {
                by_key.entry(k).or_default().push(i);
            }
        }
        for (slot, c) in found.iter_mut().zip(incoming).filter(|(slot, _)| slot.is_none()) {
            if let Some(i) = key(c).and_then(|k| by_key.get_mut(&k)).and_then(Vec::pop) {
                *slot = Some(i);
                taken[i] = true;
            }
        }
    }
    found
}
