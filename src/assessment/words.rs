//! Places in an assessment named the way people see them ("Activity “A.2
//! Voice of the customer”, current level", "Milestone 2 (“SBOM for all
//! products”), date"), and serde_json's shape errors in plain words.
//!
//! The plan has the same two jobs in `plan::file::place` and `plan::file::shape`,
//! but their names are a plan's (stakeholders, risks, grid levels), so the
//! assessment has its own small table; the helpers for quoting and
//! shortening user text are shared.

use serde_json::Value;

use super::framework;
use super::Assessment;
use crate::common::words::{place_phrase, place_sentence, quoted};
// One wording of JSON values and paths for plan and assessment files.
use crate::common::json::words::{between, describe_value, pointer};

/// Names items of an assessment's lists: from an [`Assessment`] or from a
/// file's JSON (for shape errors, when no assessment could be read).
pub(crate) trait Lookup {
    /// Item `index` of `list`: an entry's activity id, a phase's or milestone's name.
    fn label(&self, list: &str, index: usize) -> Option<String>;
}

impl Lookup for Assessment {
    fn label(&self, list: &str, index: usize) -> Option<String> {
        match list {
            "activities" => self.activities.get(index).map(|e| e.activity_id.clone()),
            "phases" => self.phases.get(index).map(|p| p.name.clone()),
            "milestones" => self.milestones.get(index).map(|m| m.name.clone()),
            _ => None,
        }
    }
}

/// The `assessment` object of a file, as JSON.
struct Json<'a>(Option<&'a Value>);

impl Lookup for Json<'_> {
    fn label(&self, list: &str, index: usize) -> Option<String> {
        let item = self.0?.get(list)?.get(index)?;
        let key = if list == "activities" { "activity_id" } else { "name" };
        item.get(key)?.as_str().filter(|s| !s.trim().is_empty()).map(str::to_string)
    }
}

/// A place: items outermost first, then the field.
#[derive(Debug, Default)]
pub(crate) struct Place {
    context: Vec<String>,
    field: Option<String>,
    /// What kind of object the place is, with its article.
    noun: Option<&'static str>,
    /// The place holds a level (0–5 or null).
    level: bool,
}

impl Place {
    /// "Activity “A.1 …”, owner"; "The assessment" for the whole.
    pub fn phrase(&self) -> String {
        place_phrase(&self.context, self.field.as_ref(), "The assessment")
    }

    /// The place, then `predicate`, as one whole sentence.
    pub fn sentence(&self, predicate: &str) -> String {
        place_sentence(&self.context, self.field.as_ref(), "The assessment", predicate)
    }
}

/// Name the place at `path` (segments relative to the assessment).
pub(crate) fn place(path: &[&str], lookup: &dyn Lookup) -> Place {
    let mut p = Place::default();
    let Some((&first, rest)) = path.split_first() else {
        p.noun = Some("an assessment");
        return p;
    };
    let top = |name: &str| Some(name.to_string());
    match first {
        "id" => p.field = top("assessment id"),
        "name" => p.field = top("assessment name"),
        "organisation" => p.field = top("organisation"),
        "assessed_on" => p.field = top("assessment date"),
        "created_at" => p.field = top("creation time"),
        "updated_at" => p.field = top("last edit time"),
        "plan_id" => p.field = top("linked plan id"),
        "activities" | "phases" | "milestones" => list(&mut p, first, rest, lookup),
        other => p.field = Some(quoted(other)),
    }
    p
}

fn list(p: &mut Place, list: &str, rest: &[&str], lookup: &dyn Lookup) {
    let (word, whole, noun) = match list {
        "activities" => ("Activity entry", "list of activities", "an activity entry"),
        "phases" => ("Phase", "list of phases", "a phase"),
        _ => ("Milestone", "list of milestones", "a milestone"),
    };
    let Some(index) = rest.first().and_then(|s| s.parse::<usize>().ok()) else {
        p.field = Some(whole.into());
        p.noun = Some("a list");
        return;
    };
    let n = index + 1;
    let label = lookup.label(list, index);
    p.context.push(match (list, label) {
        ("activities", Some(id)) => match framework::find(&id) {
            Some((_, activity)) => format!("Activity “{}”", activity.name),
            None => format!("{word} {n} ({})", quoted(&id)),
        },
        (_, Some(name)) => format!("{word} {n} ({})", quoted(&name)),
        (_, None) => format!("{word} {n}"),
    });
    p.noun = Some(noun);
    let field = match (list, &rest[1..]) {
        (_, []) => return,
        ("activities", ["activity_id", ..]) => "activity id".to_string(),
        ("activities", ["current", ..]) => {
            p.level = true;
            "current level".into()
        }
        ("activities", ["target", ..]) => {
            p.level = true;
            "target level".into()
        }
        ("activities", ["not_applicable", ..]) => "reason it is not applicable".into(),
        ("activities", ["evidence", ..]) => "evidence notes".into(),
        ("activities", ["owner", ..]) => "owner".into(),
        ("phases", ["goal", ..]) => "goal".into(),
        ("milestones", ["date", ..]) => "date".into(),
        ("milestones", ["phase_id", ..]) => "phase".into(),
        ("milestones", ["closes"]) => "list of activities it closes".into(),
        ("milestones", ["closes", j, ..]) => match j.parse::<usize>() {
            Ok(j) => format!("activity {} it closes", j + 1),
            Err(_) => "list of activities it closes".into(),
        },
        (_, ["id", ..]) => "id".into(),
        (_, ["name", ..]) => "name".into(),
        (_, [other, ..]) => quoted(other),
    };
    p.noun = None;
    p.field = Some(field);
}

/// A shape error as one sentence. `path` is from the file's top
/// (`assessment/activities/0/current`), `root` the file's JSON when it parses.
pub(crate) fn shape(serde_message: &str, path: &[String], root: Option<&Value>) -> String {
    let m = serde_message;
    let segs: Vec<&str> = path.iter().map(String::as_str).collect();
    let lookup = Json(root.and_then(|r| r.get("assessment")));
    let here = |segs: &[&str]| -> Option<Place> {
        match segs {
            [] => None,
            ["assessment", rest @ ..] => Some(place(rest, &lookup)),
            [key, ..] => Some(Place { field: Some(format!("file’s {}", quoted(key))), ..Place::default() }),
        }
    };
    let parent = here(&segs[..segs.len().saturating_sub(1)]);
    let whole = |p: &Option<Place>| p.as_ref().map_or("The file".to_string(), Place::phrase);

    if let Some(name) = between(m, "unknown field `", "`") {
        return match parent {
            None => format!("{} is not a field of an assessment file.", quoted(name)),
            Some(p) => {
                let noun = p.noun.filter(|n| *n != "a list").unwrap_or("this part of the assessment");
                format!("{}: {} is not a field of {noun}.", p.phrase(), quoted(name))
            }
        };
    }
    if let Some(name) = between(m, "duplicate field `", "`") {
        return format!("{}: {} appears twice.", whole(&parent), quoted(name));
    }
    let p = here(&segs);
    if let Some(name) = between(m, "missing field `", "`") {
        return format!("{}: {} is missing.", whole(&p), quoted(name));
    }
    let value = root.and_then(|r| r.pointer(&pointer(&segs)));
    let found = value.map(describe_value).unwrap_or_else(|| "this value".into());
    let Some(p) = p else { return format!("The file must be an assessment file, not {found}.") };
    if p.level {
        return p.sentence(&format!("must be a whole number from 0 to 5, or null until scored, not {found}"));
    }
    let expected = m.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
    let wanted = match expected {
        "a string" => "text in quotes",
        "a sequence" => "a list in [ ]",
        e if e.starts_with("struct ") => "an object in { }",
        e if e.starts_with('u') || e.starts_with('i') => "a whole number",
        _ => "",
    };
    if wanted.is_empty() {
        p.sentence(&format!("holds {found}, which is not allowed here"))
    } else {
        p.sentence(&format!("must be {wanted}, not {found}"))
    }
}
