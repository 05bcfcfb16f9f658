//! Opening a stored plan that breaks a rule, instead of hiding it.
//!
//! Edits keep every rule now, but storage may hold a plan written by an older
//! version of the app (an empty plan name was once accepted) or changed by
//! hand. [`repair`] fixes what can be fixed without guessing: it fills empty
//! names, cuts over-long text, drops links to things that no longer exist and
//! moves ratings back onto the grid, and it says each thing it did, so the
//! app can show it. What it cannot fix safely (duplicate ids, a broken grid,
//! too many items) stays a problem, and the entry stays unreadable and untouched.

use std::collections::HashSet;

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::plan::model::*;

/// Change `plan` so that it keeps the rules where that is safe; returns what
/// was changed, in words for the user (empty: nothing needed changing).
pub fn repair(plan: &mut Plan) -> Vec<String> {
    let mut log = Vec::new();
    for field in PlanText::ALL {
        texts(plan, field, &mut log);
    }
    let p = &mut plan.project;
    for (what, list) in [("An input", &mut p.inputs), ("An output", &mut p.outputs)] {
        for item in list.iter_mut() {
            name(&mut item.label, "Unnamed item", what, &mut log);
        }
    }
    for a in &mut p.change_impact {
        cut(&mut a.note, MAX_TEXT_LEN, "A Change Impact Assessment note", &mut log);
    }
    for s in &mut plan.stakeholders {
        name(&mut s.name, "Unnamed stakeholder", "A stakeholder name", &mut log);
        cut(&mut s.description, MAX_TEXT_LEN, "A stakeholder description", &mut log);
    }
    for n in &mut plan.needs {
        name(&mut n.text, "Unnamed need", "A security need", &mut log);
    }
    for r in &mut plan.roles {
        name(&mut r.name, "Unnamed role", "A role name", &mut log);
    }
    for a in &mut plan.activities {
        name(&mut a.name, "Unnamed activity", "An activity name", &mut log);
    }
    dedup_formats(&mut plan.management.sbom.formats);
    for (i, level) in plan.criteria.likelihood_levels.iter_mut().enumerate() {
        name(level, &format!("Level {}", i + 1), "A level name", &mut log);
    }
    for (i, level) in plan.criteria.severity_levels.iter_mut().enumerate() {
        name(level, &format!("Severity {}", i + 1), "A severity level name", &mut log);
    }
    let roles: HashSet<String> = plan.roles.iter().map(|r| r.id.clone()).collect();
    let d = &mut plan.document;
    for text in [&mut d.document_id, &mut d.revision, &mut d.author, &mut d.workshop_dates] {
        cut(text, MAX_NAME_LEN, "A document control field", &mut log);
    }
    for a in &mut d.attendees {
        name(&mut a.name, "Unnamed attendee", "An attendee name", &mut log);
        cut(&mut a.organisation, MAX_NAME_LEN, "An attendee's organisation", &mut log);
        if a.role_id.as_ref().is_some_and(|r| !roles.contains(r)) {
            a.role_id = None;
            log.push(format!("Attendee “{}” held a role that no longer exists; the role was cleared.", a.name));
        }
    }
    for u in &mut plan.user_needs {
        cut(&mut u.text, MAX_NAME_LEN, &format!("The text of user need {}", u.id), &mut log);
    }
    for c in &mut plan.controls {
        cut(&mut c.description, MAX_TEXT_LEN, &format!("The description of control {}", c.id), &mut log);
        cut(&mut c.verification, MAX_NAME_LEN, &format!("The verification of control {}", c.id), &mut log);
        let before = c.categories.len();
        c.categories.sort();
        c.categories.dedup();
        if c.categories.len() != before {
            log.push(format!("Control {} named a security control category twice; it is named once now.", c.id));
        }
    }
    links(plan, &mut log);
    risks(plan, &mut log);
    components(plan, &mut log);
    premarket(plan, &mut log);
    log
}

/// The component register: names filled, texts cut, dates that are not
/// dates cleared, links to risks that no longer exist removed.
fn components(plan: &mut Plan, log: &mut Vec<String>) {
    if !plan.project.end_of_support.is_empty() && !crate::common::rules::is_date(&plan.project.end_of_support) {
        log.push("The product's planned end of support was not a date and was cleared.".into());
        plan.project.end_of_support.clear();
    }
    let risks: HashSet<String> = plan.risks.iter().map(|r| r.id.clone()).collect();
    for c in &mut plan.components {
        let id = c.id.clone();
        name(&mut c.name, "Unnamed component", &format!("The name of component {id}"), log);
        for field in ComponentText::ALL.into_iter().filter(|f| *f != ComponentText::Name) {
            let text = field.get_mut(c);
            if field.is_date() {
                if !text.is_empty() && !crate::common::rules::is_date(text) {
                    log.push(format!("The {} date of component {id} was not a date and was cleared.", field.label().to_lowercase()));
                    text.clear();
                }
                continue;
            }
            let max = match field {
                ComponentText::Notes => MAX_TEXT_LEN,
                ComponentText::Purl | ComponentText::Cpe | ComponentText::Licence => MAX_REF_LEN,
                _ => MAX_NAME_LEN,
            };
            cut(text, max, &format!("The {} of component {id}", field.label().to_lowercase()), log);
        }
        cut(&mut c.sbom_ref, MAX_REF_LEN, &format!("The SBOM reference of component {id}"), log);
        if keep_known(&mut c.risk_ids, &risks) {
            log.push(format!("Component {id} linked risks that no longer exist; those links were removed."));
        }
    }
}

/// The premarket part: texts cut; of two answers to one MDS2 question the
/// first is kept. A question id that is not well-formed stays a problem.
fn premarket(plan: &mut Plan, log: &mut Vec<String>) {
    let p = &mut plan.premarket;
    for category in SecurityCategory::ALL {
        let what = format!("Why “{}” does not apply", category.label());
        cut(p.not_applicable.get_mut(category), MAX_TEXT_LEN, &what, log);
    }
    for view in ViewKind::ALL {
        let a = p.architecture.get_mut(view);
        cut(&mut a.shows, MAX_TEXT_LEN, &format!("What the {} view shows", view.label()), log);
        cut(&mut a.location, MAX_NAME_LEN, &format!("Where the {} view lives", view.label()), log);
    }
    let mut seen = HashSet::new();
    let before = p.mds2.len();
    p.mds2.retain(|a| !is_question_id(&a.question_id) || seen.insert(a.question_id.clone()));
    if p.mds2.len() != before {
        log.push("An MDS2 question was answered twice; the first answer was kept.".into());
    }
    for a in &mut p.mds2 {
        cut(&mut a.note, MAX_TEXT_LEN, &format!("The note on MDS2 question {}", a.question_id), log);
    }
}

/// The plan's single texts: an empty plan name gets a fallback; every text
/// too long for its kind is cut.
fn texts(plan: &mut Plan, field: PlanText, log: &mut Vec<String>) {
    let what = match field {
        PlanText::Name => "The plan name",
        PlanText::Product => "The product name",
        PlanText::Summary | PlanText::Budget | PlanText::People | PlanText::Activities => "A text of A.1",
        _ => "A text of the security management plan",
    };
    let text = plan.text_mut(field);
    match field.kind() {
        TextKind::Name { required: true } => name(text, "Untitled plan", what, log),
        TextKind::Name { required: false } => cut(text, MAX_NAME_LEN, what, log),
        TextKind::Text => cut(text, MAX_TEXT_LEN, what, log),
    }
}

fn name(text: &mut String, fallback: &str, what: &str, log: &mut Vec<String>) {
    if text.trim().is_empty() {
        *text = fallback.to_string();
        log.push(format!("{what} was empty and is now “{fallback}”."));
    } else {
        cut(text, MAX_NAME_LEN, what, log);
    }
}

fn cut(text: &mut String, max: usize, what: &str, log: &mut Vec<String>) {
    let n = text.chars().count();
    if n > max {
        *text = text.chars().take(max).collect();
        log.push(format!("{what} had {n} characters and was cut to {max}."));
    }
}

fn dedup_formats(formats: &mut Vec<SbomFormat>) {
    let mut seen = HashSet::new();
    formats.retain(|f| seen.insert(*f));
}

fn links(plan: &mut Plan, log: &mut Vec<String>) {
    let stakeholders: HashSet<String> = plan.stakeholders.iter().map(|s| s.id.clone()).collect();
    let needs: HashSet<String> = plan.needs.iter().map(|n| n.id.clone()).collect();
    let before = plan.need_links.len();
    let mut seen = HashSet::new();
    plan.need_links.retain(|l| {
        stakeholders.contains(&l.stakeholder_id) && needs.contains(&l.need_id) && seen.insert((l.stakeholder_id.clone(), l.need_id.clone()))
    });
    if plan.need_links.len() < before {
        log.push(format!("{} matrix cells pointed at nothing and were removed.", before - plan.need_links.len()));
    }
    let roles: HashSet<String> = plan.roles.iter().map(|r| r.id.clone()).collect();
    let activities: HashSet<String> = plan.activities.iter().map(|a| a.id.clone()).collect();
    let before = plan.raci.len();
    let mut seen = HashSet::new();
    plan.raci.retain(|a| {
        roles.contains(&a.role_id) && activities.contains(&a.activity_id) && seen.insert((a.role_id.clone(), a.activity_id.clone()))
    });
    if plan.raci.len() < before {
        log.push(format!("{} RACI cells pointed at nothing and were removed.", before - plan.raci.len()));
    }
    let user_needs: HashSet<String> = plan.user_needs.iter().map(|u| u.id.clone()).collect();
    for n in &mut plan.needs {
        if keep_known(&mut n.user_need_ids, &user_needs) {
            log.push(format!("The need “{}” was folded into user needs that no longer exist; those links were removed.", n.text));
        }
    }
    let controls: HashSet<String> = plan.controls.iter().map(|c| c.id.clone()).collect();
    for r in &mut plan.risks {
        if keep_known(&mut r.need_ids, &needs) {
            log.push(format!("Risk {} linked needs that no longer exist; those links were removed.", r.id));
        }
        if keep_known(&mut r.control_ids, &controls) {
            log.push(format!("Risk {} linked controls that no longer exist; those links were removed.", r.id));
        }
    }
}

/// Keep the links to `known` ids, each once; whether any was dropped.
fn keep_known(links: &mut Vec<String>, known: &HashSet<String>) -> bool {
    let before = links.len();
    let mut seen = HashSet::new();
    links.retain(|l| known.contains(l) && seen.insert(l.clone()));
    links.len() < before
}

fn risks(plan: &mut Plan, log: &mut Vec<String>) {
    let (l, s) = (plan.criteria.likelihood_levels.len() as u8, plan.criteria.severity_levels.len() as u8);
    if l == 0 || s == 0 {
        return;
    }
    for r in &mut plan.risks {
        cut(&mut r.asset, MAX_NAME_LEN, &format!("The asset of risk {}", r.id), log);
        cut(&mut r.owner, MAX_NAME_LEN, &format!("The owner of risk {}", r.id), log);
        cut(&mut r.threat, MAX_TEXT_LEN, &format!("The threat of risk {}", r.id), log);
        cut(&mut r.controls, MAX_TEXT_LEN, &format!("The control notes of risk {}", r.id), log);
        cut(&mut r.acceptance.rationale, MAX_TEXT_LEN, &format!("The acceptance rationale of risk {}", r.id), log);
        cut(&mut r.acceptance.approver, MAX_NAME_LEN, &format!("The approver of risk {}", r.id), log);
        if !r.acceptance.date.is_empty() && !crate::common::rules::is_date(&r.acceptance.date) {
            log.push(format!("The acceptance date of risk {} was not a date and was cleared.", r.id));
            r.acceptance.date.clear();
        }
        let id = r.id.clone();
        for (stage, rating) in [("initial", r.initial.as_mut()), ("residual", r.residual.as_mut())] {
            let Some(rating) = rating else { continue };
            let fixed = Rating { likelihood: rating.likelihood.clamp(1, l), severity: rating.severity.clamp(1, s) };
            if fixed != *rating {
                *rating = fixed;
                log.push(format!("The {stage} rating of risk {id} was off the grid and was moved onto its edge."));
            }
        }
    }
}

/// Read a stored plan: as import does, and when the only problem is a broken
/// rule, repaired. Returns the plan and what the repair changed (empty when
/// it was already valid). Other errors (not JSON, wrong shape) are returned
/// as they are: the entry then stays untouched for the user to decide.
/// The revision history is not rebuilt: it was checked when it came in (on
/// import, or issued here), and rebuilding it on every read would be slow.
pub fn read_stored(text: &str) -> Result<(Plan, Vec<String>), crate::plan::file::ImportError> {
    use crate::plan::file::{import_plan, parse, ImportError};
    let invalid = match import_plan(text.as_bytes()) {
        Ok(imported) => return Ok((imported.plan, Vec::new())),
        Err(e @ ImportError::Invalid(_)) => e,
        Err(e) => return Err(e),
    };
    // The shape is right (only rules failed), so reading without the rules
    // works; an older version is upgraded through the same migration as a file.
    let Ok(mut file) = parse(text.as_bytes()) else { return Err(invalid) };
    let log = repair(&mut file.plan);
    if crate::plan::rules::validate(&file.plan).is_empty() {
        Ok((file.plan, log))
    } else {
        Err(invalid)
    }
}
