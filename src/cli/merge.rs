//! `merge BASE OURS THEIRS [PATH]`: the app's three-way merge
//! (`plan::versions::merge`) as a command and as git's merge driver
//! (`jsp-planner merge %O %A %B %P`).
//!
//! The merge is written into OURS. A field changed differently on both
//! sides keeps our value (the app's "Merge…" starts from mine too), so OURS
//! always opens in the app; each such field is listed, in the app's words
//! (`plan::versions::words`, the merge dialog's), in a Markdown report
//! beside the file, and the exit status is 1: git then stops the merge.
//! Nothing is written when a file cannot be read (exit 2).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::doc::{self, Doc};
use super::errors::{shown, CliError, Exit};
use super::write;
use crate::assessment::{self, framework, level, Assessment};
use crate::common::words::{count, shorten};
use crate::plan::export::escape_markdown;
use crate::plan::file as plan_file;
use crate::plan::model::Plan;
use crate::plan::versions::merge::{merge_json_keeping_first, merge_onto, Step};

/// A field changed differently on both sides, in words.
struct Conflict {
    place: String,
    ours: String,
    theirs: String,
    /// Both values in one, where the app offers that.
    both: Option<String>,
}

/// What the merge came to.
struct Merged {
    /// The file to write into OURS; `None` when the merge cannot be kept.
    text: Option<String>,
    conflicts: Vec<Conflict>,
    /// Why the merge cannot be kept, as a sentence.
    broken: Option<String>,
    /// What else the person should know: repairs, renumbered items.
    notes: Vec<String>,
    /// How many of their changes applied by themselves, where known.
    taken: Option<usize>,
}

pub fn run(base: &Path, ours: &Path, theirs: &Path, name: Option<&Path>) -> Result<Exit, CliError> {
    let (base_bytes, ours_bytes, theirs_bytes) = (doc::bytes(base)?, doc::bytes(ours)?, doc::bytes(theirs)?);
    let (mine, other) = (doc::read(ours, &ours_bytes)?, doc::read(theirs, &theirs_bytes)?);
    let no_base = base_bytes.iter().all(u8::is_ascii_whitespace);
    let merged = match (mine, other) {
        (Doc::Plan { plan: m, .. }, Doc::Plan { plan: t, .. }) => {
            let b = if no_base {
                Value::Object(Map::new())
            } else {
                plan_file::plan_json(&base_bytes).map_err(|error| CliError::Plan { path: shown(base), error })?
            };
            plans(&b, &m, &t)
        }
        (Doc::Assessment { assessment: m, .. }, Doc::Assessment { assessment: t, .. }) => {
            let b = if no_base {
                Value::Object(Map::new())
            } else {
                let a = assessment::file::parse(&base_bytes).map_err(|error| CliError::Assessment { path: shown(base), error })?;
                file_json(&assessment::export_compact(&a))
            };
            assessments(&b, &m, &t)
        }
        (m, t) => {
            return Err(CliError::Refused(format!(
                "{} is {} {} and {} is {} {}: only two copies of one kind of document merge. Nothing was written.",
                shown(ours),
                article(m.kind().noun()),
                m.kind().noun(),
                shown(theirs),
                article(t.kind().noun()),
                t.kind().noun()
            )))
        }
    };
    let shown_name = shown(name.unwrap_or(ours));
    let report_path = PathBuf::from(format!("{}.conflicts.md", name.unwrap_or(ours).display()));
    if !merged.conflicts.is_empty() || merged.broken.is_some() {
        write::whole(&report_path, report(&shown_name, ours, &merged).as_bytes())?;
    }
    if let Some(text) = &merged.text {
        write::whole(ours, text.as_bytes())?;
    }
    for note in &merged.notes {
        eprintln!("{shown_name}: {note}");
    }
    let taken = merged.taken.filter(|&n| n > 0).map(|n| format!(" ({} of theirs taken)", count(n, "change"))).unwrap_or_default();
    match (&merged.broken, merged.conflicts.len()) {
        (Some(why), _) => {
            eprintln!("{shown_name}: the merge cannot be kept: {why} Ours is left as it was; see {}.", report_path.display());
            Ok(Exit::Found)
        }
        (None, 0) => {
            eprintln!("{shown_name}: merged{taken}.");
            Ok(Exit::Clean)
        }
        (None, n) => {
            eprintln!(
                "{shown_name}: merged{taken}, but {} changed differently on both sides: the file keeps ours there. \
                 The fields and both values are in {}.",
                if n == 1 { "1 field was".to_string() } else { format!("{n} fields were") },
                report_path.display()
            );
            Ok(Exit::Found)
        }
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with('a') {
        "an"
    } else {
        "a"
    }
}

fn plans(base: &Value, mine: &Plan, theirs: &Plan) -> Merged {
    let m = merge_onto(base, mine, theirs);
    let conflicts = m
        .conflicts
        .iter()
        .map(|c| Conflict {
            place: c.place.clone(),
            ours: c.mine_words.clone(),
            theirs: c.theirs_words.clone(),
            both: c.both_words.clone(),
        })
        .collect();
    let mut notes: Vec<String> =
        m.renumbered.iter().map(|r| format!("both sides added {}: theirs is kept as {}.", r.old, r.theirs)).collect();
    let (text, broken) = match m.resolve(&[]) {
        Ok(resolved) => {
            notes.extend(resolved.repairs.iter().map(|r| format!("repaired: {r}")));
            let text = plan_file::export_for_file(&resolved.plan);
            if text.len() > plan_file::MAX_FILE_BYTES {
                (
                    None,
                    Some(format!(
                        "the merged plan would be larger than the {} a plan file can be.",
                        crate::common::words::human_bytes(plan_file::MAX_FILE_BYTES)
                    )),
                )
            } else {
                (Some(text), None)
            }
        }
        Err(why) => (None, Some(why)),
    };
    Merged { text, conflicts, broken, notes, taken: Some(m.theirs_applied) }
}

/// A file's text as JSON (the app's own export, so it always is).
fn file_json(text: &str) -> Value {
    serde_json::from_str(text).expect("an exported file is JSON")
}

fn assessments(base: &Value, mine: &Assessment, theirs: &Assessment) -> Merged {
    let (m, t) = (file_json(&assessment::export_compact(mine)), file_json(&assessment::export_compact(theirs)));
    let (merged, found) = merge_json_keeping_first(base, &m, &t);
    let conflicts = found
        .iter()
        .map(|c| Conflict {
            place: assessment_place(&c.path, &[(mine, &m), (theirs, &t)]),
            ours: assessment_words(&c.path, c.mine.as_ref()),
            theirs: assessment_words(&c.path, c.theirs.as_ref()),
            both: None,
        })
        .collect();
    let (text, broken) = match assessment::import(merged.to_string().as_bytes()) {
        Ok(a) => (Some(assessment::export_pretty(&a)), None),
        Err(e) => (None, Some(format!("the merged assessment is not valid: {e}"))),
    };
    Merged { text, conflicts, broken, notes: Vec::new(), taken: None }
}

/// The place of `path` (from the file's top) in an assessment, as the app
/// names it; items are looked up in the first side that has them.
pub(super) fn assessment_place(path: &[Step], sides: &[(&Assessment, &Value)]) -> String {
    let rest = match path.split_first() {
        Some((Step::Field(f), rest)) if f == "assessment" => rest,
        _ => return "The assessment file".into(),
    };
    for (a, file) in sides {
        if let Some(segments) = segments(rest, &file["assessment"]) {
            let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
            return assessment::words::place(&segments, *a).phrase();
        }
    }
    "The assessment".into()
}

/// A path of fields and keyed items as the field names and list indices
/// the place namers read; `None` when an item is not in `root`.
fn segments(path: &[Step], root: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut at = root;
    for step in path {
        match step {
            Step::Field(f) => {
                out.push(f.clone());
                at = at.get(f)?;
            }
            Step::Item(key) => {
                let list = at.as_array()?;
                let i = list.iter().position(|v| crate::plan::versions::diff::key_of(v).as_deref() == Some(key.as_str()))?;
                out.push(i.to_string());
                at = &list[i];
            }
        }
    }
    Some(out)
}

/// A value of an assessment in words: levels by their names, activities by
/// theirs, a removed value as "(removed)"; never JSON.
pub(super) fn assessment_words(path: &[Step], value: Option<&Value>) -> String {
    let Some(value) = value else { return "(removed)".into() };
    let field = match path.last() {
        Some(Step::Field(f)) => f.as_str(),
        _ => "",
    };
    let activity = |id: &str| framework::find(id).map_or_else(|| id.to_string(), |(_, a)| a.name.to_string());
    let text = match (field, value) {
        ("current" | "target", Value::Null) => assessment::report::NOT_SCORED.into(),
        ("current" | "target", Value::Number(n)) => n.as_u64().map_or_else(|| n.to_string(), |n| level::label(n as u8)),
        ("not_applicable", Value::Null) => "Applicable".into(),
        ("not_applicable", Value::String(why)) => format!("{}: {why}", assessment::report::NOT_APPLICABLE),
        ("activity_id", Value::String(id)) => activity(id),
        ("closes", Value::Array(ids)) if !ids.is_empty() => {
            ids.iter().map(|id| id.as_str().map_or_else(|| id.to_string(), activity)).collect::<Vec<_>>().join("; ")
        }
        (_, Value::Object(o)) => {
            let name = o.get("activity_id").and_then(Value::as_str).map(activity);
            name.or_else(|| o.get("name").and_then(Value::as_str).map(str::to_string)).unwrap_or_else(|| value.to_string())
        }
        (_, Value::String(s)) if s.trim().is_empty() => "—".into(),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Null) => "—".into(),
        (_, Value::Array(items)) if items.is_empty() => "(none)".into(),
        _ => value.to_string(),
    };
    shorten(&text, 200)
}

/// The conflict report: which field, both values.
fn report(name: &str, ours: &Path, m: &Merged) -> String {
    let e = |s: &str| escape_markdown(s);
    let mut out = format!("# Merge conflicts in {}\n\n", e(name));
    if let Some(why) = &m.broken {
        out.push_str(&format!(
            "The merge cannot be kept: {} {} is left as it was (ours). Merge the two copies in JSP Planner instead: \
             open ours, import theirs and choose \u{201c}Merge\u{2026}\u{201d}.\n\n",
            e(why),
            e(&shown(ours))
        ));
    }
    if !m.conflicts.is_empty() {
        let n = m.conflicts.len();
        out.push_str(&format!(
            "{} changed differently on both sides. The merged file keeps ours in {}, so it opens in JSP Planner as it is. \
             Where theirs (or both) should stand, change it there, then delete this file.\n",
            if n == 1 { "1 field was".to_string() } else { format!("{n} fields were") },
            if n == 1 { "it" } else { "each" }
        ));
        for (i, c) in m.conflicts.iter().enumerate() {
            out.push_str(&format!("\n## {}. {}\n\n", i + 1, e(&c.place)));
            // A long text's paragraphs stay inside its list item.
            let v = |s: &str| e(s).replace('\n', "\n  ");
            out.push_str(&format!("- Ours (kept): {}\n- Theirs: {}\n", v(&c.ours), v(&c.theirs)));
            if let Some(both) = &c.both {
                out.push_str(&format!("- Both: {}\n", v(both)));
            }
        }
    }
    out
}
