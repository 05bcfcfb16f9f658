//! The invariants every stored or imported plan keeps. Views may assume them.
//!
//! Checked: ids are well-formed and unique per collection; every link points
//! at something that exists; the grid has 3 to 5 levels per axis and one zone
//! per cell; every rating is on the grid; texts and collections stay within
//! limits that keep the app responsive.

use crate::common::rules::{is_date, Checker, HashSet, Violation};
use crate::plan::file::place::place;
use crate::plan::model::*;

/// One whole sentence naming the place as the user sees it: "Plan name must
/// not be empty.", "Stakeholder 3 (“Clinicians”): the name must not be
/// empty.", "Risk R-001: the initial severity is 6, which is not a level of
/// this grid (1–5)." Items are named by id (risks) or name, else by 1-based
/// position, looked up in `plan`.
pub fn describe(v: &Violation, plan: &Plan) -> String {
    let segments: Vec<&str> = if v.path.is_empty() { Vec::new() } else { v.path.split('/').collect() };
    place(&segments, plan).sentence(&v.message)
}

/// Every invariant the plan breaks; empty means valid.
pub fn validate(plan: &Plan) -> Vec<Violation> {
    let mut v = Checker::default();
    v.id(|| "id".into(), &plan.id);
    // Problems are listed in the order the plan reads: A.3's texts come later.
    check_texts(&mut v, plan, |path| !path.starts_with("management/"));
    v.timestamp("created_at", &plan.created_at);
    v.timestamp("updated_at", &plan.updated_at);
    check_project(&mut v, &plan.project);
    check_document(&mut v, plan);
    check_matrix(&mut v, plan);
    check_texts(&mut v, plan, |path| path.starts_with("management/"));
    check_management(&mut v, &plan.management);
    check_criteria(&mut v, &plan.criteria);
    let controls = check_controls(&mut v, plan);
    let risks = check_risks(&mut v, plan, &controls);
    check_components(&mut v, plan, &risks);
    check_premarket(&mut v, plan);
    check_raci(&mut v, plan);
    v.found
}

fn check_texts(v: &mut Checker, plan: &Plan, included: impl Fn(&str) -> bool) {
    for field in PlanText::ALL.into_iter().filter(|f| included(f.path())) {
        match field.kind() {
            TextKind::Name { required } => v.name(|| field.path().into(), plan.text(field), required),
            TextKind::Text => v.text(|| field.path().into(), plan.text(field)),
        }
    }
}

fn check_project(v: &mut Checker, p: &ProjectPlanning) {
    for (key, list) in [("inputs", &p.inputs), ("outputs", &p.outputs)] {
        let path = format!("project/{key}");
        v.ids(&path, list.iter().map(|i| i.id.as_str()));
        for (i, item) in list.iter().enumerate() {
            v.name(|| format!("{path}/{i}/label"), &item.label, true);
        }
    }
    v.ids_named("project/change_impact", p.change_impact.iter().map(|a| a.question_id.as_str()), "question_id");
    optional_date(v, || "project/end_of_support".into(), &p.end_of_support);
    for (i, a) in p.change_impact.iter().enumerate() {
        v.text(|| format!("project/change_impact/{i}/note"), &a.note);
    }
}

fn check_document(v: &mut Checker, plan: &Plan) {
    let d = &plan.document;
    for (key, text) in
        [("document_id", &d.document_id), ("revision", &d.revision), ("author", &d.author), ("workshop_dates", &d.workshop_dates)]
    {
        v.name(|| format!("document/{key}"), text, false);
    }
    v.ids("document/attendees", d.attendees.iter().map(|a| a.id.as_str()));
    let roles: HashSet<&str> = plan.roles.iter().map(|r| r.id.as_str()).collect();
    for (i, a) in d.attendees.iter().enumerate() {
        v.name(|| format!("document/attendees/{i}/name"), &a.name, true);
        v.name(|| format!("document/attendees/{i}/organisation"), &a.organisation, false);
        if let Some(role) = &a.role_id {
            v.link(|| format!("document/attendees/{i}/role_id"), role, &roles);
        }
    }
}

fn check_matrix(v: &mut Checker, plan: &Plan) {
    let stakeholders = v.ids("stakeholders", plan.stakeholders.iter().map(|s| s.id.as_str()));
    let needs = v.ids("needs", plan.needs.iter().map(|n| n.id.as_str()));
    for (i, s) in plan.stakeholders.iter().enumerate() {
        v.name(|| format!("stakeholders/{i}/name"), &s.name, true);
        v.text(|| format!("stakeholders/{i}/description"), &s.description);
    }
    for (i, n) in plan.needs.iter().enumerate() {
        v.name(|| format!("needs/{i}/text"), &n.text, true);
    }
    let user_needs = v.ids("user_needs", plan.user_needs.iter().map(|u| u.id.as_str()));
    for (i, u) in plan.user_needs.iter().enumerate() {
        v.name(|| format!("user_needs/{i}/text"), &u.text, false);
    }
    for (i, n) in plan.needs.iter().enumerate() {
        v.links(|| format!("needs/{i}/user_need_ids"), &n.user_need_ids, &user_needs);
    }
    v.count("need_links", plan.need_links.len());
    let mut cells = HashSet::default();
    for (i, l) in plan.need_links.iter().enumerate() {
        v.link(|| format!("need_links/{i}/stakeholder_id"), &l.stakeholder_id, &stakeholders);
        v.link(|| format!("need_links/{i}/need_id"), &l.need_id, &needs);
        if !cells.insert((&l.stakeholder_id, &l.need_id)) {
            v.fail(format!("need_links/{i}"), "repeats an earlier cell (the same stakeholder and need)");
        }
    }
}

fn check_management(v: &mut Checker, m: &ManagementPlan) {
    let unique: HashSet<_> = m.sbom.formats.iter().collect();
    if unique.len() != m.sbom.formats.len() {
        v.fail("management/sbom/formats", "name a format twice");
    }
}

fn check_criteria(v: &mut Checker, c: &RiskCriteria) {
    for (key, levels) in [("likelihood_levels", &c.likelihood_levels), ("severity_levels", &c.severity_levels)] {
        let path = format!("criteria/{key}");
        if !(MIN_LEVELS..=MAX_LEVELS).contains(&levels.len()) {
            v.fail(&path, format!("must have {MIN_LEVELS} to {MAX_LEVELS} levels, not {}", levels.len()));
        }
        for (i, name) in levels.iter().enumerate() {
            v.name(|| format!("{path}/{i}"), name, true);
        }
    }
    for (key, removed) in
        [("removed_likelihood_levels", &c.removed_likelihood_levels), ("removed_severity_levels", &c.removed_severity_levels)]
    {
        let path = format!("criteria/{key}");
        if removed.len() > MAX_LEVELS {
            v.fail(&path, format!("must be at most {MAX_LEVELS}, not {}", removed.len()));
        }
        for (i, name) in removed.iter().enumerate() {
            v.name(|| format!("{path}/{i}"), name, true);
        }
    }
    if c.zones.len() != c.likelihood_levels.len() {
        v.fail("criteria/zones", "must have one row per likelihood level");
    }
    for (i, row) in c.zones.iter().enumerate() {
        if row.len() != c.severity_levels.len() {
            v.fail(format!("criteria/zones/{i}"), "must have one zone per severity level");
        }
    }
}

fn check_rating(v: &mut Checker, path: impl Fn() -> String, r: Rating, c: &RiskCriteria) {
    for (axis, level, count) in [("likelihood", r.likelihood, c.likelihood_levels.len()), ("severity", r.severity, c.severity_levels.len())]
    {
        let level = usize::from(level);
        if level == 0 || level > count {
            let message = match count {
                0 => format!("is {level}, but the grid has no {axis} levels"),
                1 => format!("is {level}, which is not a level of this grid (only 1)"),
                n => format!("is {level}, which is not a level of this grid (1–{n})"),
            };
            v.fail(format!("{}/{axis}", path()), message);
        }
    }
}

fn check_controls<'a>(v: &mut Checker, plan: &'a Plan) -> HashSet<&'a str> {
    let ids = v.ids("controls", plan.controls.iter().map(|c| c.id.as_str()));
    for (i, c) in plan.controls.iter().enumerate() {
        v.text(|| format!("controls/{i}/description"), &c.description);
        v.name(|| format!("controls/{i}/verification"), &c.verification, false);
        for (j, category) in c.categories.iter().enumerate() {
            if c.categories[..j].contains(category) {
                v.fail(format!("controls/{i}/categories/{j}"), "names a category twice");
            }
        }
    }
    ids
}

fn check_risks<'a>(v: &mut Checker, plan: &'a Plan, controls: &HashSet<&str>) -> HashSet<&'a str> {
    let ids = v.ids("risks", plan.risks.iter().map(|r| r.id.as_str()));
    let needs: HashSet<&str> = plan.needs.iter().map(|n| n.id.as_str()).collect();
    for (i, r) in plan.risks.iter().enumerate() {
        v.name(|| format!("risks/{i}/asset"), &r.asset, false);
        v.text(|| format!("risks/{i}/threat"), &r.threat);
        v.text(|| format!("risks/{i}/controls"), &r.controls);
        v.name(|| format!("risks/{i}/owner"), &r.owner, false);
        if let Some(initial) = r.initial {
            check_rating(v, || format!("risks/{i}/initial"), initial, &plan.criteria);
        }
        if let Some(res) = r.residual {
            check_rating(v, || format!("risks/{i}/residual"), res, &plan.criteria);
        }
        v.links(|| format!("risks/{i}/need_ids"), &r.need_ids, &needs);
        v.links(|| format!("risks/{i}/control_ids"), &r.control_ids, controls);
        let a = &r.acceptance;
        v.text(|| format!("risks/{i}/acceptance/rationale"), &a.rationale);
        v.name(|| format!("risks/{i}/acceptance/approver"), &a.approver, false);
        if !a.date.is_empty() && !is_date(&a.date) {
            v.fail(format!("risks/{i}/acceptance/date"), "must be written year-month-day, as 2026-11-24, or be left empty");
        }
    }
    ids
}

/// A date that may be left empty.
fn optional_date(v: &mut Checker, path: impl Fn() -> String, date: &str) {
    if !date.is_empty() && !is_date(date) {
        v.fail(path(), "must be written year-month-day, as 2026-11-24, or be left empty");
    }
}

/// The component register: at most 5,000 components (`Checker::ids`
/// counts them), each named, its texts bounded, its dates dates
/// and its links to risks that exist.
fn check_components(v: &mut Checker, plan: &Plan, risks: &HashSet<&str>) {
    v.ids("components", plan.components.iter().map(|c| c.id.as_str()));
    for (i, c) in plan.components.iter().enumerate() {
        v.name(|| format!("components/{i}/name"), &c.name, true);
        for (key, text) in [("version", &c.version), ("group", &c.group), ("supplier", &c.supplier)] {
            v.name(|| format!("components/{i}/{key}"), text, false);
        }
        for (key, text) in [("purl", &c.purl), ("cpe", &c.cpe), ("licence", &c.licence), ("sbom_ref", &c.sbom_ref)] {
            v.longest(|| format!("components/{i}/{key}"), text, MAX_REF_LEN);
        }
        optional_date(v, || format!("components/{i}/end_of_support"), &c.end_of_support);
        optional_date(v, || format!("components/{i}/end_of_life"), &c.end_of_life);
        let m = &c.monitoring;
        for (key, text) in [("source", &m.source), ("frequency", &m.frequency), ("who", &m.who)] {
            v.name(|| format!("components/{i}/monitoring/{key}"), text, false);
        }
        v.text(|| format!("components/{i}/notes"), &c.notes);
        v.links(|| format!("components/{i}/risk_ids"), &c.risk_ids, risks);
    }
}

/// The premarket part (format version 7): texts bounded, at most one MDS2
/// answer per question, each question id well-formed. Question ids are not
/// checked against the question set (the first screen does not carry it);
/// an answer to a question the app does not ask is kept and not shown.
fn check_premarket(v: &mut Checker, plan: &Plan) {
    let p = &plan.premarket;
    for category in SecurityCategory::ALL {
        v.text(|| format!("premarket/not_applicable/{}", category.key()), p.not_applicable.get(category));
    }
    for view in ViewKind::ALL {
        let a = p.architecture.get(view);
        v.text(|| format!("premarket/architecture/{}/shows", view.key()), &a.shows);
        v.name(|| format!("premarket/architecture/{}/location", view.key()), &a.location, false);
    }
    v.count("premarket/mds2", p.mds2.len());
    let mut seen = HashSet::default();
    for (i, a) in p.mds2.iter().enumerate() {
        if !is_question_id(&a.question_id) {
            v.fail(
                format!("premarket/mds2/{i}/question_id"),
                format!("must be 1 to {MAX_QUESTION_ID_LEN} letters, digits, hyphens or dots, as AUDT-2.8.1"),
            );
        } else if !seen.insert(a.question_id.as_str()) {
            v.fail(format!("premarket/mds2/{i}/question_id"), format!("is “{}”, the same as an earlier one", a.question_id));
        }
        v.text(|| format!("premarket/mds2/{i}/note"), &a.note);
    }
}

fn check_raci(v: &mut Checker, plan: &Plan) {
    let roles = v.ids("roles", plan.roles.iter().map(|r| r.id.as_str()));
    let activities = v.ids("activities", plan.activities.iter().map(|a| a.id.as_str()));
    for (i, r) in plan.roles.iter().enumerate() {
        v.name(|| format!("roles/{i}/name"), &r.name, true);
    }
    for (i, a) in plan.activities.iter().enumerate() {
        v.name(|| format!("activities/{i}/name"), &a.name, true);
    }
    v.count("raci", plan.raci.len());
    let mut cells = HashSet::default();
    for (i, a) in plan.raci.iter().enumerate() {
        v.link(|| format!("raci/{i}/role_id"), &a.role_id, &roles);
        v.link(|| format!("raci/{i}/activity_id"), &a.activity_id, &activities);
        if !cells.insert((&a.role_id, &a.activity_id)) {
            v.fail(format!("raci/{i}"), "repeats an earlier cell (the same role and activity)");
        }
    }
}

/// The shape of the revision history: numbered 1, 2, 3... with distinct
/// labels, the newest keeping the whole plan and the others its changes,
/// and approvals that end with the approver's (an approved revision takes
/// no more). Whether each revision rebuilds into a valid plan is checked on
/// import (`plan::file::check_revisions`), not on every edit; so is this, with
/// the history read (the first part of the app never reads it).
pub fn revision_rules(revisions: &[crate::plan::model::Revision]) -> Vec<Violation> {
    use crate::plan::model::{Content, Meaning};
    let v = &mut Checker::default();
    let mut labels = HashSet::default();
    let last = revisions.len().saturating_sub(1);
    for (i, r) in revisions.iter().enumerate() {
        if r.number as usize != i + 1 {
            v.fail(format!("revisions/{i}/number"), format!("must be {}: revisions are numbered 1, 2, 3… in order", i + 1));
        }
        v.name(|| format!("revisions/{i}/label"), &r.label, true);
        if !labels.insert(r.label.as_str()) {
            v.fail(format!("revisions/{i}/label"), "repeats the label of an earlier revision");
        }
        v.timestamp(&format!("revisions/{i}/issued_at"), &r.issued_at);
        v.text(|| format!("revisions/{i}/summary"), &r.summary);
        match (&r.content, i == last) {
            (Content::Snapshot(_), true) | (Content::Delta(_), false) => {}
            (_, true) => v.fail(format!("revisions/{i}/content"), "must be a whole copy of the plan: it is the newest revision"),
            (_, false) => {
                v.fail(format!("revisions/{i}/content"), "must be the changes from the next revision: only the newest keeps a whole copy")
            }
        }
        v.ids(&format!("revisions/{i}/approvals"), r.approvals.iter().map(|a| a.id.as_str()));
        let approver = r.approvals.iter().position(|a| a.meaning == Meaning::Approver);
        for (j, a) in r.approvals.iter().enumerate() {
            v.name(|| format!("revisions/{i}/approvals/{j}/name"), &a.name, true);
            v.name(|| format!("revisions/{i}/approvals/{j}/role"), &a.role, false);
            v.text(|| format!("revisions/{i}/approvals/{j}/comment"), &a.comment);
            if !is_date(&a.date) || a.date.is_empty() {
                v.fail(format!("revisions/{i}/approvals/{j}/date"), "must be written year-month-day, as 2026-11-24");
            }
            if approver.is_some_and(|k| j > k) {
                v.fail(
                    format!("revisions/{i}/approvals/{j}"),
                    "follows the approver's signature: an approved revision takes no more approvals",
                );
            }
        }
    }
    std::mem::take(&mut v.found)
}
