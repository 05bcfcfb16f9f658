//! Judging risk register entries against the risk acceptability criteria,
//! and querying the register (filter, sort, grid cell).

use std::collections::HashSet;

use crate::common::ids::next_number;
use crate::plan::model::{Plan, Rating, RiskCriteria, RiskEntry, RiskStatus, Zone};

/// Which rating of an entry a grid shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Initial,
    Residual,
}

/// How an entry stands against the criteria. A zone is `None` while that
/// rating is not given: an unrated entry is never judged acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub initial: Option<Zone>,
    pub residual: Option<Zone>,
}

impl Judgement {
    /// The zone that decides acceptability: the residual one once assessed.
    pub fn current(&self) -> Option<Zone> {
        self.residual.or(self.initial)
    }
}

/// What the register and outputs call a zone, or the lack of one.
pub fn zone_label(zone: Option<Zone>) -> &'static str {
    zone.map_or(NOT_RATED, Zone::label)
}

pub const NOT_RATED: &str = "Not rated";

pub fn judge(entry: &RiskEntry, criteria: &RiskCriteria) -> Judgement {
    judge_ratings(criteria, entry.initial, entry.residual)
}

/// The zones of an initial and a residual rating.
pub fn judge_ratings(criteria: &RiskCriteria, initial: Option<Rating>, residual: Option<Rating>) -> Judgement {
    Judgement { initial: initial.and_then(|r| criteria.zone_of(r)), residual: residual.and_then(|r| criteria.zone_of(r)) }
}

/// A rating by its level names, as the room says it: "Likely × Catastrophic"
/// (a level without a name, which validation refuses, falls back to its number).
pub fn rating_names(criteria: &RiskCriteria, r: Rating) -> String {
    let name = |names: &[String], level: u8| {
        names.get(usize::from(level).wrapping_sub(1)).filter(|n| !n.trim().is_empty()).cloned().unwrap_or_else(|| level.to_string())
    };
    format!("{} × {}", name(&criteria.likelihood_levels, r.likelihood), name(&criteria.severity_levels, r.severity))
}

/// A rating by its numbers, the secondary detail: "4 × 5".
pub fn rating_numbers(r: Rating) -> String {
    format!("{} × {}", r.likelihood, r.severity)
}

pub fn rating_at(entry: &RiskEntry, stage: Stage) -> Option<Rating> {
    match stage {
        Stage::Initial => entry.initial,
        Stage::Residual => entry.residual,
    }
}

/// The entries placed in one grid cell, in register order.
pub fn in_cell(plan: &Plan, stage: Stage, cell: Rating) -> Vec<&RiskEntry> {
    plan.risks.iter().filter(|r| rating_at(r, stage) == Some(cell)).collect()
}

/// How many entries sit in each cell: `counts[l - 1][s - 1]`.
pub fn cell_counts(plan: &Plan, stage: Stage) -> Vec<Vec<usize>> {
    let c = &plan.criteria;
    let mut counts = vec![vec![0; c.severity_levels.len()]; c.likelihood_levels.len()];
    for r in plan.risks.iter().filter_map(|r| rating_at(r, stage)) {
        let (l, s) = (usize::from(r.likelihood), usize::from(r.severity));
        if let Some(n) = counts.get_mut(l.wrapping_sub(1)).and_then(|row| row.get_mut(s.wrapping_sub(1))) {
            *n += 1;
        }
    }
    counts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Register order (as entered).
    #[default]
    Id,
    /// Worst current zone first, then highest severity and likelihood; unrated entries last.
    Risk,
    Status,
    Owner,
}

/// What the register view shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterQuery {
    /// Case-insensitive text searched in id, asset, threat, controls and owner.
    pub text: String,
    pub zone: Option<Zone>,
    pub status: Option<RiskStatus>,
    pub sort: SortKey,
}

pub fn query<'a>(plan: &'a Plan, q: &RegisterQuery) -> Vec<&'a RiskEntry> {
    let needle = q.text.trim().to_lowercase();
    // A risk is found by the words of the controls linked to it, too.
    let controls: HashSet<&str> = if needle.is_empty() {
        HashSet::new()
    } else {
        plan.controls
            .iter()
            .filter(|c| [&c.id, &c.description, &c.verification].iter().any(|f| f.to_lowercase().contains(&needle)))
            .map(|c| c.id.as_str())
            .collect()
    };
    let mut rows: Vec<&RiskEntry> = plan
        .risks
        .iter()
        .filter(|r| needle.is_empty() || matches_text(r, &needle) || r.control_ids.iter().any(|c| controls.contains(c.as_str())))
        .filter(|r| q.zone.is_none() || judge(r, &plan.criteria).current() == q.zone)
        .filter(|r| q.status.is_none_or(|s| r.status == s))
        .collect();
    if q.sort != SortKey::Id {
        // One key type for every order, so the wasm carries one sort routine.
        rows.sort_by_cached_key(|r| sort_key(q.sort, r, plan));
    }
    rows
}

/// Ascending key for `sort`: ties keep register (id) order, as the sort is stable.
fn sort_key(sort: SortKey, r: &RiskEntry, plan: &Plan) -> (std::cmp::Reverse<(u8, u8, u8)>, u8, String) {
    let mut key = (std::cmp::Reverse((0, 0, 0)), 0, String::new());
    match sort {
        SortKey::Id => {}
        SortKey::Risk => {
            let current = r.residual.or(r.initial).unwrap_or(Rating { likelihood: 0, severity: 0 });
            let zone = judge(r, &plan.criteria).current().map_or(0, zone_rank);
            key.0 = std::cmp::Reverse((zone, current.severity, current.likelihood));
        }
        SortKey::Status => key.1 = r.status as u8,
        SortKey::Owner => key.2 = r.owner.to_lowercase(),
    }
    key
}

fn matches_text(r: &RiskEntry, needle: &str) -> bool {
    [&r.id, &r.asset, &r.threat, &r.controls, &r.owner].iter().any(|f| f.to_lowercase().contains(needle))
}

fn zone_rank(z: Zone) -> u8 {
    match z {
        Zone::Acceptable => 1,
        Zone::Review => 2,
        Zone::Unacceptable => 3,
    }
}

/// The next free register id of the form "R-001".
pub fn next_risk_id(plan: &Plan) -> String {
    format!("R-{:03}", next_number(plan.risks.iter().map(|r| r.id.as_str()), "R-"))
}
