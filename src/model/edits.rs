//! Edits the workspace makes to a plan. Each keeps the invariants of
//! `validate`: removing an item removes the links to it, and shrinking the
//! grid moves ratings that fell off it onto its edge.

use super::*;

/// Anything with a stable id, so lists can be reordered by id.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),*) => { $(impl Identified for $t { fn id(&self) -> &str { &self.id } })* };
}
identified!(Stakeholder, SecurityNeed, RiskEntry, Role, Activity, ChecklistItem);

/// Move the item with `id` one place up (`-1`) or down (`+1`); false if it cannot move.
pub fn move_by<T: Identified>(items: &mut [T], id: &str, delta: isize) -> bool {
    let Some(i) = items.iter().position(|x| x.id() == id) else { return false };
    let Some(j) = i.checked_add_signed(delta).filter(|j| *j < items.len()) else { return false };
    items.swap(i, j);
    true
}

impl Relevance {
    /// The next value when a matrix cell is clicked: none -> relevant -> critical -> none.
    pub fn cycle(current: Option<Relevance>) -> Option<Relevance> {
        match current {
            None => Some(Relevance::Relevant),
            Some(Relevance::Relevant) => Some(Relevance::Critical),
            Some(Relevance::Critical) => None,
        }
    }
}

impl Plan {
    pub fn raci_value(&self, role_id: &str, activity_id: &str) -> Option<Raci> {
        self.raci.iter().find(|a| a.role_id == role_id && a.activity_id == activity_id).map(|a| a.value)
    }

    pub fn set_raci(&mut self, role_id: &str, activity_id: &str, value: Option<Raci>) {
        self.raci.retain(|a| !(a.role_id == role_id && a.activity_id == activity_id));
        if let Some(value) = value {
            self.raci.push(RaciAssignment { role_id: role_id.into(), activity_id: activity_id.into(), value });
        }
    }

    pub fn remove_role(&mut self, id: &str) {
        self.roles.retain(|r| r.id != id);
        self.raci.retain(|a| a.role_id != id);
    }

    pub fn remove_activity(&mut self, id: &str) {
        self.activities.retain(|a| a.id != id);
        self.raci.retain(|a| a.activity_id != id);
    }

    /// Add the JSP's example needs that are not in the plan yet, each linked
    /// as critical to the stakeholder that voiced it (if still present).
    pub fn accept_example_needs(&mut self) -> usize {
        let mut added = 0;
        for (need, stakeholder) in crate::presets::example_needs() {
            if self.needs.iter().any(|n| n.id == need.id) {
                continue;
            }
            let id = need.id.clone();
            self.needs.push(need);
            if self.stakeholders.iter().any(|s| s.id == stakeholder) {
                self.set_relevance(stakeholder, &id, Some(Relevance::Critical));
            }
            added += 1;
        }
        added
    }

    /// Replace the grid with `criteria` (a preset); ratings beyond its edge
    /// move onto it. Returns how many ratings moved.
    pub fn apply_grid(&mut self, criteria: RiskCriteria) -> usize {
        let moved = self.resize_grid(criteria.likelihood_levels.len(), criteria.severity_levels.len());
        self.criteria = criteria;
        moved
    }

    /// Change the number of levels on each axis (each clamped to 3..=5).
    /// New levels get default names and zones; ratings beyond the new edge
    /// move onto it. Returns how many ratings moved.
    pub fn resize_grid(&mut self, likelihood: usize, severity: usize) -> usize {
        let (l, s) = (likelihood.clamp(MIN_LEVELS, MAX_LEVELS), severity.clamp(MIN_LEVELS, MAX_LEVELS));
        let c = &mut self.criteria;
        resize_levels(&mut c.likelihood_levels, &mut c.removed_likelihood_levels, l, "Level");
        resize_levels(&mut c.severity_levels, &mut c.removed_severity_levels, s, "Severity");
        c.zones.truncate(l);
        for row in &mut c.zones {
            row.truncate(s);
        }
        for (i, row) in c.zones.iter_mut().enumerate() {
            for j in row.len()..s {
                row.push(default_zone(i, j, l, s));
            }
        }
        for i in c.zones.len()..l {
            c.zones.push((0..s).map(|j| default_zone(i, j, l, s)).collect());
        }
        let (l, s) = (l as u8, s as u8);
        let mut moved = 0;
        for r in &mut self.risks {
            for rating in r.initial.iter_mut().chain(r.residual.as_mut()) {
                let clamped = Rating { likelihood: rating.likelihood.min(l), severity: rating.severity.min(s) };
                if clamped != *rating {
                    *rating = clamped;
                    moved += 1;
                }
            }
        }
        moved
    }
}

/// Shrinking keeps the names it removes in `removed` (lowest first) and
/// growing takes them back, so 5 -> 4 -> 5 restores "Frequent" rather than
/// inventing "Level 5". A level that stays is never renamed.
fn resize_levels(levels: &mut Vec<String>, removed: &mut Vec<String>, n: usize, word: &str) {
    if levels.len() > n {
        let mut gone = levels.split_off(n);
        gone.append(removed);
        *removed = gone;
    }
    while levels.len() < n {
        let name = if removed.is_empty() { format!("{word} {}", levels.len() + 1) } else { removed.remove(0) };
        levels.push(name);
    }
    removed.truncate(MAX_LEVELS);
}

/// The zone a new cell gets: by its distance from the low corner.
fn default_zone(i: usize, j: usize, l: usize, s: usize) -> Zone {
    let score = (i as f64 / (l - 1) as f64) + (j as f64 / (s - 1) as f64);
    if score < 0.75 {
        Zone::Acceptable
    } else if score < 1.5 {
        Zone::Review
    } else {
        Zone::Unacceptable
    }
}
