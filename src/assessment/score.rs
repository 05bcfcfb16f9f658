//! What an assessment says in numbers: each component's mean level, the gaps
//! between current and target levels, and progress against a baseline.
//!
//! Only applicable, scored activities count. An activity marked not
//! applicable does not pull its component down, and one not yet scored is
//! unknown rather than 0. A component with nothing to count has no score
//! (`None`), which outputs show as "not scored", never as 0.
//!
//! Means are kept as a sum and a count and shown with integer arithmetic:
//! exact, comparable, and no float formatting in the wasm.

use super::framework::{Activity, Component, COMPONENTS};
use super::{ActivityEntry, Assessment};

/// A mean of levels: `total / count`, with `count` at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub total: u32,
    pub count: u32,
}

impl Score {
    fn of(levels: impl Iterator<Item = u8>) -> Option<Score> {
        let (total, count) = levels.fold((0u32, 0u32), |(t, c), l| (t + u32::from(l), c + 1));
        (count > 0).then_some(Score { total, count })
    }

    /// The mean as a float, for charts.
    pub fn mean(&self) -> f64 {
        f64::from(self.total) / f64::from(self.count)
    }

    /// The mean in tenths, rounded half up (2.25 is 23).
    pub fn tenths(&self) -> u32 {
        (self.total * 20 + self.count) / (self.count * 2)
    }

    /// The mean to one decimal: "2.3", "4.0".
    pub fn display(&self) -> String {
        let t = self.tenths();
        format!("{}.{}", t / 10, t % 10)
    }

    /// `self - earlier` in tenths, rounded half away from zero.
    pub fn change_tenths(&self, earlier: &Score) -> i64 {
        let num = (i64::from(self.total) * i64::from(earlier.count) - i64::from(earlier.total) * i64::from(self.count)) * 10;
        let den = i64::from(self.count) * i64::from(earlier.count);
        let rounded = (num.abs() * 2 + den) / (den * 2);
        rounded * num.signum()
    }
}

/// Signed tenths as text: "+0.5", "-1.3", "0.0".
pub fn signed_tenths(t: i64) -> String {
    let sign = match t.signum() {
        1 => "+",
        -1 => "-",
        _ => "",
    };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// One component's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentScore {
    pub component: &'static Component,
    /// Mean current level of its applicable, scored activities.
    pub current: Option<Score>,
    /// Mean target level of its applicable activities with a target.
    pub target: Option<Score>,
    /// How many of its activities apply.
    pub applicable: usize,
    /// How many of those have a current level.
    pub scored: usize,
}

/// The applicable entries of a component's activities (missing entries are
/// unscored and applicable: they count as applicable, not scored).
fn applicable<'a>(a: &'a Assessment, c: &'static Component) -> impl Iterator<Item = Option<&'a ActivityEntry>> + 'a {
    c.activities.iter().map(|act| a.entry(act.id)).filter(|e| e.is_none_or(ActivityEntry::applicable))
}

/// The score of one component.
pub fn component_score(a: &Assessment, c: &'static Component) -> ComponentScore {
    ComponentScore {
        component: c,
        current: Score::of(applicable(a, c).filter_map(|e| e?.current)),
        target: Score::of(applicable(a, c).filter_map(|e| e?.target)),
        applicable: applicable(a, c).count(),
        scored: applicable(a, c).filter(|e| e.is_some_and(|e| e.current.is_some())).count(),
    }
}

/// Every component's score, in framework order.
pub fn component_scores(a: &Assessment) -> Vec<ComponentScore> {
    COMPONENTS.iter().map(|c| component_score(a, c)).collect()
}

/// Where one activity stands against its target, as the heatmaps shade it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Marked not applicable.
    NotApplicable,
    /// Neither level given yet.
    NotScored,
    /// Only one of its levels given, so how far short is unknown.
    Unknown,
    /// At or above its target.
    Met,
    /// Below its target by this many levels (at least 1).
    Short(u8),
}

/// The standing of an activity's entry.
pub fn standing(e: &ActivityEntry) -> Standing {
    if !e.applicable() {
        return Standing::NotApplicable;
    }
    match (e.current, e.target) {
        (Some(current), Some(target)) if current >= target => Standing::Met,
        (Some(current), Some(target)) => Standing::Short(target - current),
        (None, None) => Standing::NotScored,
        _ => Standing::Unknown,
    }
}

/// An applicable activity whose target is above its current level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub component: &'static Component,
    pub activity: &'static Activity,
    pub current: u8,
    pub target: u8,
}

impl Gap {
    /// Target minus current, at least 1.
    pub fn size(&self) -> u8 {
        self.target - self.current
    }
}

/// The gaps, largest first, then in framework order. An activity needs
/// both levels to have a gap: with either unscored its size is unknown.
pub fn gaps(a: &Assessment) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = COMPONENTS
        .iter()
        .flat_map(|c| c.activities.iter().map(move |act| (c, act)))
        .filter_map(|(component, activity)| {
            let e = a.entry(activity.id).filter(|e| e.applicable())?;
            let (current, target) = (e.current?, e.target?);
            (target > current).then_some(Gap { component, activity, current, target })
        })
        .collect();
    // Stable: equal sizes keep framework order.
    gaps.sort_by_key(|g| std::cmp::Reverse(g.size()));
    gaps
}

/// How one activity moved since the baseline. A side is `None` when that
/// assessment did not score it or marked it not applicable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityChange {
    pub component: &'static Component,
    pub activity: &'static Activity,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl ActivityChange {
    /// Levels gained (negative when lost); `None` unless both sides are scored.
    pub fn change(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }
}

/// How one component's mean moved since the baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentChange {
    pub component: &'static Component,
    pub before: Option<Score>,
    pub after: Option<Score>,
}

impl ComponentChange {
    /// The change of the mean in tenths of a level; `None` unless both are scored.
    pub fn change_tenths(&self) -> Option<i64> {
        Some(self.after?.change_tenths(&self.before?))
    }
}

/// Progress from a baseline (an earlier assessment) to an assessment: every
/// activity and component, in framework order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub activities: Vec<ActivityChange>,
    pub components: Vec<ComponentChange>,
}

/// Compare `now` with `baseline`, activity by activity and component by component.
pub fn progress(baseline: &Assessment, now: &Assessment) -> Progress {
    let activities = COMPONENTS
        .iter()
        .flat_map(|c| c.activities.iter().map(move |act| (c, act)))
        .map(|(component, activity)| ActivityChange {
            component,
            activity,
            before: baseline.current(activity.id),
            after: now.current(activity.id),
        })
        .collect();
    let components = COMPONENTS
        .iter()
        .map(|c| ComponentChange { component: c, before: component_score(baseline, c).current, after: component_score(now, c).current })
        .collect();
    Progress { activities, components }
}
