//! `diff A B`: what changed from one version of a plan or assessment to
//! another, in words, section by section: a plan's changes are the app's
//! "Compare" (`plan::versions::compare`), an assessment's are walked the
//! same way (`plan::versions::diff`) and named as the app names its places.
//!
//! As git's external diff (`diff.jsp-planner.command = jsp-planner diff`)
//! it takes git's seven arguments (path old-file old-hex old-mode new-file
//! new-hex new-mode; nine for a rename); a side git gives as /dev/null is a
//! file added or removed. It exits 0 whether or not the versions differ,
//! since git stops at any other status.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::doc::{self, Doc};
use super::errors::{shown, CliError, Exit};
use super::merge::{assessment_place, assessment_words};
use crate::assessment::{self, Assessment};
use crate::common::words::count;
use crate::plan::versions::compare::{compare, Kind as Change};
use crate::plan::versions::diff::{differences, Difference, Step};

/// One change, in words.
struct Line {
    section: &'static str,
    place: String,
    kind: Change,
    before: String,
    after: String,
}

pub fn run(args: &[PathBuf]) -> Result<Exit, CliError> {
    let (name, a, b) = match args {
        [a, b] => (b, a, b),
        [path, old, _, _, new, _, _] | [path, old, _, _, new, _, _, _, _] => (path, old, new),
        _ => {
            return Err(CliError::Refused(format!(
                "diff takes two files, or the seven arguments git gives an external diff; it was given {}.",
                args.len()
            )))
        }
    };
    let (before, after) = (side(a)?, side(b)?);
    let name = shown(name);
    let what = |d: &Doc| format!("{} “{}”", d.kind().noun(), d.name());
    match (&before, &after) {
        (None, None) => {}
        (None, Some(d)) => println!("{name}: new file, {}.", what(d)),
        (Some(d), None) => println!("{name}: file removed, {}.", what(d)),
        (Some(old), Some(new)) if old.kind() != new.kind() => println!("{name}: was {}, now {}.", what(old), what(new)),
        (Some(old), Some(new)) => {
            let lines = match (old, new) {
                (Doc::Plan { plan: x, .. }, Doc::Plan { plan: y, .. }) => plan_lines(x, y),
                (Doc::Assessment { assessment: x, .. }, Doc::Assessment { assessment: y, .. }) => assessment_lines(x, y),
                _ => unreachable!("the kinds are equal"),
            };
            print(&name, &what(new), old.migrated_from(), new.migrated_from(), &lines);
        }
    }
    Ok(Exit::Clean)
}

/// A side of the comparison: `None` for git's /dev/null.
fn side(path: &Path) -> Result<Option<Doc>, CliError> {
    if path == Path::new("/dev/null") {
        return Ok(None);
    }
    doc::open(path).map(Some)
}

fn plan_lines(before: &crate::plan::model::Plan, after: &crate::plan::model::Plan) -> Vec<Line> {
    compare(before, after)
        .into_iter()
        .map(|e| Line { section: e.section, place: e.place, kind: e.kind, before: e.before, after: e.after })
        .collect()
}

/// An assessment's sections, in the order of its page, with their fields.
const ASSESSMENT_SECTIONS: &[(&str, &[&str])] = &[
    ("The assessment", &["name", "organisation", "assessed_on", "plan_id"]),
    ("Activities", &["activities"]),
    ("Roadmap", &["phases", "milestones"]),
];

fn assessment_lines(before: &Assessment, after: &Assessment) -> Vec<Line> {
    let json = |a: &Assessment| serde_json::from_str::<Value>(&assessment::export_compact(a)).expect("an exported file is JSON");
    let (b, a) = (json(before), json(after));
    let sides: [(&Assessment, &Value); 2] = [(after, &a), (before, &b)];
    let mut lines: Vec<(usize, Line)> = differences(&b["assessment"], &a["assessment"], &|_| false)
        .into_iter()
        .filter_map(|d| {
            let (path, kind, was, now) = match d {
                Difference::Changed { path, before, after } => {
                    let kind = match (&before, &after) {
                        (None, _) => Change::Added,
                        (_, None) => Change::Removed,
                        _ => Change::Changed,
                    };
                    (path, kind, before, after)
                }
                Difference::Reordered { path, .. } => (path, Change::Reordered, None, None),
            };
            let Some(Step::Field(top)) = path.first() else { return None };
            let section = ASSESSMENT_SECTIONS.iter().position(|(_, fields)| fields.contains(&top.as_str()))?;
            let full: Vec<Step> = std::iter::once(Step::Field("assessment".into())).chain(path.iter().cloned()).collect();
            let words = |v: &Option<Value>| if kind == Change::Reordered { String::new() } else { assessment_words(&path, v.as_ref()) };
            let line = Line {
                section: ASSESSMENT_SECTIONS[section].0,
                place: assessment_place(&full, &sides),
                kind,
                before: words(&was),
                after: words(&now),
            };
            Some((section, line))
        })
        .collect();
    lines.sort_by_key(|(section, _)| *section);
    lines.into_iter().map(|(_, l)| l).collect()
}

fn print(name: &str, what: &str, was: Option<u64>, now: Option<u64>, lines: &[Line]) {
    let sections = {
        let mut s: Vec<&str> = lines.iter().map(|l| l.section).collect();
        s.dedup();
        s.len()
    };
    let summary = match (lines.len(), sections) {
        (0, _) => "no differences: both versions say the same.".to_string(),
        (n, 1) => format!("{} in 1 section.", count(n, "change")),
        (n, s) => format!("{} in {s} sections.", count(n, "change")),
    };
    println!("{name}: {what}: {summary}");
    if was != now {
        let version = |v: Option<u64>| v.map_or_else(|| "the current format version".to_string(), |v| format!("format version {v}"));
        println!("The file went from {} to {}.", version(was), version(now));
    }
    let mut section = "";
    for l in lines {
        if l.section != section {
            section = l.section;
            println!("\n{section}");
        }
        println!("  {}: {}", l.kind.label(), l.place);
        let value = |sign: char, text: &str| println!("    {sign} {}", text.replace('\n', "\n      "));
        match l.kind {
            Change::Reordered => {}
            Change::Added => value('+', &l.after),
            Change::Removed => value('-', &l.before),
            Change::Changed => {
                value('-', &l.before);
                value('+', &l.after);
            }
        }
    }
}
