//! The roadmap: milestones grouped in their phases, and the gaps no
//! milestone closes yet.
//!
//! Phases keep the order the team gave them (a roadmap reads as a story:
//! "Foundations" before "Automation"), even when their dates overlap;
//! within a phase, milestones are in date order. Milestones without a phase
//! come last, so nothing planned is hidden.

use super::score::{gaps, Gap};
use super::{Assessment, Milestone, Phase};

/// One phase of the roadmap with its milestones.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseGroup<'a> {
    /// `None` for the milestones given no phase.
    pub phase: Option<&'a Phase>,
    /// By date, then in the order listed.
    pub milestones: Vec<&'a Milestone>,
}

impl PhaseGroup<'_> {
    /// The first and last milestone dates, when it has milestones.
    pub fn span(&self) -> Option<(&str, &str)> {
        Some((self.milestones.first()?.date.as_str(), self.milestones.last()?.date.as_str()))
    }
}

/// The roadmap: each phase in order (empty ones too), then a group of the
/// milestones without a (known) phase when there are any.
pub fn roadmap(a: &Assessment) -> Vec<PhaseGroup<'_>> {
    let in_phase = |id: Option<&str>| {
        // YYYY-MM-DD sorts as text; a stable sort keeps the listed order on a tie.
        let mut list: Vec<&Milestone> = a.milestones.iter().filter(|m| m.phase_id.as_deref() == id).collect();
        list.sort_by(|x, y| x.date.cmp(&y.date));
        list
    };
    let mut groups: Vec<PhaseGroup<'_>> =
        a.phases.iter().map(|p| PhaseGroup { phase: Some(p), milestones: in_phase(Some(p.id.as_str())) }).collect();
    let mut loose: Vec<&Milestone> =
        a.milestones.iter().filter(|m| m.phase_id.as_deref().is_none_or(|id| !a.phases.iter().any(|p| p.id == id))).collect();
    loose.sort_by(|x, y| x.date.cmp(&y.date));
    if !loose.is_empty() {
        groups.push(PhaseGroup { phase: None, milestones: loose });
    }
    groups
}

/// The milestones that close `activity_id`'s gap, by date.
pub fn milestones_closing<'a>(a: &'a Assessment, activity_id: &str) -> Vec<&'a Milestone> {
    let mut list: Vec<&Milestone> = a.milestones.iter().filter(|m| m.closes.iter().any(|c| c == activity_id)).collect();
    list.sort_by(|x, y| x.date.cmp(&y.date));
    list
}

/// The gaps (largest first) that no milestone closes: work nobody has planned.
pub fn unplanned_gaps(a: &Assessment) -> Vec<Gap> {
    gaps(a).into_iter().filter(|g| !a.milestones.iter().any(|m| m.closes.iter().any(|c| c == g.activity.id))).collect()
}
