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

use super::framework;
use super::level::MAX_LEVEL;
use super::words::place;
use super::Assessment;
use crate::common::rules::{is_date, Checker, HashSet, Violation};
use crate::common::words::quoted;

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
    c.id(|| "id".into(), &a.id);
    c.name(|| "name".into(), &a.name, true);
    c.name(|| "organisation".into(), &a.organisation, false);
    c.date(|| "assessed_on".into(), &a.assessed_on);
    timestamp(&mut c, "created_at", &a.created_at);
    timestamp(&mut c, "updated_at", &a.updated_at);
    if let Some(plan_id) = &a.plan_id {
        c.id(|| "plan_id".into(), plan_id);
    }
    activities(&mut c, a);
    let phases = phases(&mut c, a);
    milestones(&mut c, a, &phases);
    c.found
}

/// A loose RFC 3339 check, as for plans, whose date is also a real one:
/// date, 'T', time.
fn timestamp(c: &mut Checker, path: &str, ts: &str) {
    let b = ts.as_bytes();
    let ok = (20..=40).contains(&b.len()) && ts.get(..10).is_some_and(is_date) && b[10] == b'T' && b[13] == b':';
    if !ok {
        c.fail(path, "must be a date and time such as 2026-01-31T09:30:00.000Z");
    }
}

fn activities(c: &mut Checker, a: &Assessment) {
    let mut seen = HashSet::default();
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
            c.text(|| path("not_applicable"), reason);
        }
        c.text(|| path("evidence"), &e.evidence);
        c.name(|| path("owner"), &e.owner, false);
    }
}

fn phases<'a>(c: &mut Checker, a: &'a Assessment) -> HashSet<&'a str> {
    c.at_most("phases", a.phases.len(), MAX_PHASES);
    let ids = c.unique("phases", a.phases.iter().map(|p| p.id.as_str()), "id");
    for (i, p) in a.phases.iter().enumerate() {
        c.name(|| format!("phases/{i}/name"), &p.name, true);
        c.text(|| format!("phases/{i}/goal"), &p.goal);
    }
    ids
}

fn milestones(c: &mut Checker, a: &Assessment, phases: &HashSet<&str>) {
    c.at_most("milestones", a.milestones.len(), MAX_MILESTONES);
    c.unique("milestones", a.milestones.iter().map(|m| m.id.as_str()), "id");
    for (i, m) in a.milestones.iter().enumerate() {
        c.name(|| format!("milestones/{i}/name"), &m.name, true);
        c.date(|| format!("milestones/{i}/date"), &m.date);
        if let Some(phase) = m.phase_id.as_deref().filter(|p| !phases.contains(p)) {
            c.fail(format!("milestones/{i}/phase_id"), format!("is {}, which is not a phase of this roadmap", quoted(phase)));
        }
        let mut seen = HashSet::default();
        for (j, id) in m.closes.iter().enumerate() {
            if framework::find(id).is_none() {
                c.fail(format!("milestones/{i}/closes/{j}"), format!("is {}, which is not an activity of the JSP framework", quoted(id)));
            } else if !seen.insert(id.as_str()) {
                c.fail(format!("milestones/{i}/closes/{j}"), format!("is {}, which is already listed", quoted(id)));
            }
        }
    }
}
