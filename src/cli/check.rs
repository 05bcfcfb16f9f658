//! `check FILE…`: is each file a valid plan or assessment, and what does it
//! still lack? A plan's gaps are the dashboard's (`plan::deliverables::status`:
//! the six deliverables, then traceability and risk acceptance); an
//! assessment's are the activities not yet scored and the maturity gaps no
//! milestone closes (`assessment::roadmap::unplanned_gaps`, the roadmap's
//! "Gaps no milestone closes yet").

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::doc::{self, Doc};
use super::errors::{shown, CliError, Exit};
use crate::assessment::framework::COMPONENTS;
use crate::assessment::roadmap::unplanned_gaps;
use crate::assessment::score::{standing, Standing};
use crate::assessment::Assessment;
use crate::common::words::count;
use crate::plan::deliverables::status;
use crate::plan::model::Plan;

/// One gap: where it is fixed (a section, or an assessment's component), in
/// words, and under which deliverable (a plan's) or list (an assessment's).
struct Gap {
    group: String,
    section: String,
    /// The plan section's anchor in the app's address (`#a1`); none for an assessment.
    anchor: Option<&'static str>,
    text: String,
}

/// What one file came to.
struct Finding {
    summary: String,
    gaps: Vec<Gap>,
}

pub fn run(files: &[PathBuf], as_json: bool) -> Exit {
    let mut exit = Exit::Clean;
    let mut results = Vec::new();
    for path in files {
        let result = doc::open(path).map(|d| {
            let f = finding(&d);
            (d, f)
        });
        exit = exit.max(match &result {
            Ok((_, f)) if f.gaps.is_empty() => Exit::Clean,
            Ok(_) => Exit::Found,
            Err(_) => Exit::Failed,
        });
        match (&result, as_json) {
            (_, true) => results.push(to_json(path, &result)),
            (Ok((d, f)), false) => print_words(path, d, f),
            (Err(e), false) => super::complain(e),
        }
    }
    if as_json {
        let out = json!({ "exit": exit as u8, "files": results });
        println!("{}", serde_json::to_string_pretty(&out).expect("JSON always serializes"));
    }
    exit
}

fn finding(d: &Doc) -> Finding {
    match d {
        Doc::Plan { plan, .. } => plan_finding(plan),
        Doc::Assessment { assessment, .. } => assessment_finding(assessment),
    }
}

fn plan_finding(plan: &Plan) -> Finding {
    let status = status(plan);
    let gaps = status
        .rows()
        .flat_map(|d| {
            d.gaps.iter().map(move |g| Gap {
                group: d.title.to_string(),
                section: g.place.title().to_string(),
                anchor: Some(g.place.anchor()),
                text: g.text.clone(),
            })
        })
        .collect();
    Finding { summary: status.summary(), gaps }
}

fn assessment_finding(a: &Assessment) -> Finding {
    const NOT_SCORED: &str = "Activities not yet scored";
    const UNPLANNED: &str = "Gaps no milestone closes yet";
    let mut gaps = Vec::new();
    let mut scored = 0;
    let mut applicable = 0;
    for c in COMPONENTS {
        for activity in c.activities {
            let entry = a.entry(activity.id).cloned().unwrap_or_else(|| crate::assessment::ActivityEntry::unscored(activity.id));
            let missing = match standing(&entry) {
                Standing::NotApplicable => continue,
                Standing::Met | Standing::Short(_) => None,
                Standing::NotScored => Some("its current and target levels"),
                Standing::Unknown if entry.current.is_none() => Some("its current level"),
                Standing::Unknown => Some("its target level"),
            };
            applicable += 1;
            match missing {
                None => scored += 1,
                Some(what) => gaps.push(Gap {
                    group: NOT_SCORED.into(),
                    section: c.name.into(),
                    anchor: None,
                    text: format!("Give “{}” {what}.", activity.name),
                }),
            }
        }
    }
    let unplanned = unplanned_gaps(a);
    for g in &unplanned {
        gaps.push(Gap {
            group: UNPLANNED.into(),
            section: g.component.name.into(),
            anchor: None,
            text: format!("Plan a milestone that closes the gap of “{}” ({} to {}).", g.activity.name, g.current, g.target),
        });
    }
    let summary = format!(
        "{scored} of {applicable} applicable activities scored; {}.",
        match unplanned.len() {
            0 => "every gap has a milestone".to_string(),
            n => format!("{} no milestone closes", count(n, "gap")),
        }
    );
    Finding { summary, gaps }
}

fn print_words(path: &Path, d: &Doc, f: &Finding) {
    println!("{}: {} “{}”. {}", shown(path), d.kind().noun(), d.name(), f.summary);
    if let Some(v) = d.migrated_from() {
        println!("  Written in format version {v}: `jsp-planner migrate {}` brings it up to date.", shown(path));
    }
    let mut group = "";
    for g in &f.gaps {
        if g.group != group {
            group = &g.group;
            println!("  {group}:");
        }
        println!("    - {} ({})", g.text, g.section);
    }
}

fn to_json(path: &Path, result: &Result<(Doc, Finding), CliError>) -> Value {
    match result {
        Ok((d, f)) => json!({
            "file": shown(path),
            "valid": true,
            "kind": d.kind().noun(),
            "name": d.name(),
            "migrated_from": d.migrated_from(),
            "summary": f.summary,
            "gaps": f.gaps.iter().map(|g| json!({
                "group": g.group,
                "section": g.section,
                "anchor": g.anchor,
                "text": g.text,
            })).collect::<Vec<_>>(),
        }),
        Err(e) => json!({
            "file": shown(path),
            "valid": false,
            "error": e.to_string(),
            "detail": e.detail(),
        }),
    }
}
