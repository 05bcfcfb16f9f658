//! The invariants every stored or imported assessment keeps.
//!
//! Checked: ids well-formed and unique; every entry names a framework
//! activity, each at most once; levels 0 to 5; an activity marked not
//! applicable says why; dates are YYYY-MM-DD; milestones name known phases
//! and activities; texts and lists stay within the plan's limits, so an
//! assessment is never harder to show than a plan.
//!
//! A broken rule is a [`Violation`] (the plan's type: a path relative to the
//! assessment, and words that read after the place); [`describe`] makes the
//! sentence a person reads.

use std::collections::HashSet;

use super::framework;
use super::level::MAX_LEVEL;
use super::words::place;
use super::Assessment;
use crate::common::ids::is_id;
use crate::common::rules::{is_date, Violation, MAX_ID_LEN, MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::common::words::{quoted, thousands};

/// At most this many phases: a roadmap has 4–6; this leaves room without
/// letting a file make the view unusable.
pub const MAX_PHASES: usize = 100;
/// At most this many milestones.
pub const MAX_MILESTONES: usize = 1_000;

/// One whole sentence naming the place: "Activity “A.2 Voice of the
/// customer”: the current level is 7; levels are 0 to 5."
pub fn describe(v: &Violation, a: &Assessment) -> String {
    let segments: Vec<&str> = if v.path.is_empty() { Vec::new() } else { v.path.split('/').collect() };
    place(&segments, a).sentence(&v.message)
}

/// Every invariant `a` breaks, in the order the assessment reads; empty means valid.
pub fn validate(a: &Assessment) -> Vec<Violation> {
    let mut c = Checker::default();
    c.id("id", &a.id);
    c.name("name", &a.name, true);
    c.name("organisation", &a.organisation, false);
    c.date("assessed_on", &a.assessed_on);
    c.timestamp("created_at", &a.created_at);
    c.timestamp("updated_at", &a.updated_at);
    if let Some(plan_id) = &a.plan_id {
        c.id("plan_id", plan_id);
    }
    activities(&mut c, a);
    let phases = phases(&mut c, a);
    milestones(&mut c, a, &phases);
    c.found
}

#[derive(Default)]
struct Checker {
    found: Vec<Violation>,
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found.push(Violation { path: path.into(), message: message.into() });
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_id(id) {
            self.fail(path, format!("must be 1 to {MAX_ID_LEN} letters, digits, hyphens or underscores"));
        }
    }

    fn name(&mut self, path: &str, text: &str, required: bool) {
        if required && text.trim().is_empty() {
            self.fail(path, "must not be empty");
        }
        self.longest(path, text, MAX_NAME_LEN);
    }

    fn longest(&mut self, path: &str, text: &str, max: usize) {
        // Counting stops at the limit: a hostile text is not walked twice.
        if text.chars().nth(max).is_some() {
            self.fail(path, format!("is longer than {} characters", thousands(max)));
        }
    }

    fn date(&mut self, path: &str, date: &str) {
        if !is_date(date) {
            let found = if date.is_empty() { "empty".to_string() } else { quoted(date) };
            self.fail(path, format!("is {found}; it must be a date written YYYY-MM-DD, such as 2026-03-31"));
        }
    }

    /// A loose RFC 3339 check, as for plans: date, 'T', time.
    fn timestamp(&mut self, path: &str, ts: &str) {
        let b = ts.as_bytes();
        let ok = (20..=40).contains(&b.len()) && ts.get(..10).is_some_and(is_date) && b[10] == b'T' && b[13] == b':';
        if !ok {
            self.fail(path, "must be a date and time such as 2026-01-31T09:30:00.000Z");
        }
    }

    fn count(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.fail(path, format!("has {} entries; at most {} are allowed", thousands(n), thousands(max)));
        }
    }

    /// Ids of a list well-formed and unique; the set of them.
    fn ids<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            self.id(&format!("{path}/{i}/id"), id);
            if !seen.insert(id) {
                self.fail(format!("{path}/{i}/id"), format!("is {}, the same as an earlier one", quoted(id)));
            }
        }
        seen
    }
}

fn activities(c: &mut Checker, a: &Assessment) {
    let mut seen = HashSet::new();
    for (i, e) in a.activities.iter().enumerate() {
        let path = |field: &str| format!("activities/{i}/{field}");
        if framework::find(&e.activity_id).is_none() {
            c.fail(path("activity_id"), format!("is {}, which is not an activity of the JSP framework", quoted(&e.activity_id)));
        } else if !seen.insert(e.activity_id.as_str()) {
            c.fail(format!("activities/{i}"), "is listed more than once; each activity is assessed once");
        }
        for (field, level) in [("current", e.current), ("target", e.target)] {
            if let Some(l) = level.filter(|l| *l > MAX_LEVEL) {
                c.fail(path(field), format!("is {l}; levels are 0 to {MAX_LEVEL}"));
            }
        }
        if let Some(reason) = &e.not_applicable {
            if reason.trim().is_empty() {
                c.fail(format!("activities/{i}"), "is marked not applicable without a reason; say why it does not apply");
            }
            c.longest(&path("not_applicable"), reason, MAX_TEXT_LEN);
        }
        c.longest(&path("evidence"), &e.evidence, MAX_TEXT_LEN);
        c.name(&path("owner"), &e.owner, false);
    }
}

fn phases<'a>(c: &mut Checker, a: &'a Assessment) -> HashSet<&'a str> {
    c.count("phases", a.phases.len(), MAX_PHASES);
    let ids = c.ids("phases", a.phases.iter().map(|p| p.id.as_str()));
    for (i, p) in a.phases.iter().enumerate() {
        c.name(&format!("phases/{i}/name"), &p.name, true);
        c.longest(&format!("phases/{i}/goal"), &p.goal, MAX_TEXT_LEN);
    }
    ids
}

fn milestones(c: &mut Checker, a: &Assessment, phases: &HashSet<&str>) {
    c.count("milestones", a.milestones.len(), MAX_MILESTONES);
    c.ids("milestones", a.milestones.iter().map(|m| m.id.as_str()));
    for (i, m) in a.milestones.iter().enumerate() {
        c.name(&format!("milestones/{i}/name"), &m.name, true);
        c.date(&format!("milestones/{i}/date"), &m.date);
        if let Some(phase) = m.phase_id.as_deref().filter(|p| !phases.contains(p)) {
            c.fail(format!("milestones/{i}/phase_id"), format!("is {}, which is not a phase of this roadmap", quoted(phase)));
        }
        let mut seen = HashSet::new();
        for (j, id) in m.closes.iter().enumerate() {
            if framework::find(id).is_none() {
                c.fail(format!("milestones/{i}/closes/{j}"), format!("is {}, which is not an activity of the JSP framework", quoted(id)));
            } else if !seen.insert(id.as_str()) {
                c.fail(format!("milestones/{i}/closes/{j}"), format!("is {}, which is already listed", quoted(id)));
            }
        }
    }
}
