//! A shape error in a plan file (well-formed JSON whose content does not fit
//! the format) as one sentence, naming the place as the app shows it.

use serde_json::Value;

use super::place::{place, JsonPlan, Lookup, Place};
use crate::common::json::words::{between, describe_value, found_in, one_of, pointer};
use crate::common::words::quoted;

/// A shape error (a well-formed file whose content does not fit the format),
/// as one sentence. `path` is where it happened (from the file's top),
/// `root` the file as JSON when it parses.
pub fn shape(serde_message: &str, path: &[String], root: Option<&Value>) -> String {
    let m = serde_message;
    let segs: Vec<&str> = path.iter().map(String::as_str).collect();
    let lookup = JsonPlan(root.and_then(|r| r.get("plan")));
    let here = |segs: &[&str]| -> Place {
        match segs {
            [] => Place { noun: Some("a plan file"), ..Place::default() },
            ["plan", rest @ ..] => place(rest, &lookup),
            [key, ..] => Place { field: Some(format!("file’s {}", quoted(key))), ..Place::default() },
        }
    };
    let parent_of = |segs: &[&str]| here(&segs[..segs.len().saturating_sub(1)]);
    let whole = |p: &Place| -> String {
        if p.noun == Some("a plan file") {
            "The file".into()
        } else {
            p.phrase()
        }
    };

    if let Some(name) = between(m, "unknown field `", "`") {
        let parent = parent_of(&segs);
        let noun = parent.noun.filter(|n| *n != "a list").unwrap_or("this part of the plan");
        let noun = if noun == "the plan" { "a plan" } else { noun };
        return if parent.noun == Some("a plan file") {
            format!("{} is not a field of a plan file.", quoted(name))
        } else {
            format!("{}: {} is not a field of {noun}.", whole(&parent), quoted(name))
        };
    }
    if let Some(name) = between(m, "duplicate field `", "`") {
        let parent = parent_of(&segs);
        return format!("{}: {} appears twice.", whole(&parent), quoted(name));
    }
    if let Some(name) = between(m, "missing field `", "`") {
        let p = here(&segs);
        return format!("{}: {} is missing.", whole(&p), quoted(name));
    }
    let p = here(&segs);
    let value = root.and_then(|r| r.pointer(&pointer(&segs)));
    let found = value.map(describe_value).or_else(|| found_in(m)).unwrap_or_else(|| "this value".into());
    if let Some(axis) = p.level_axis {
        let range = match lookup.levels(axis) {
            Some(n) if (3..=5).contains(&n) => format!(" (1–{n})"),
            _ => String::new(),
        };
        return match value {
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => p.sentence(&format!("is {n}, which is not a level of this grid{range}")),
            _ => p.sentence(&format!("must be a level of this grid{range}, not {found}")),
        };
    }
    if let Some(choices) = p.choices {
        let list = one_of(choices);
        return match value {
            Some(Value::String(s)) => p.sentence(&format!("is {}, which is not one of {list}", quoted(s))),
            _ => p.sentence(&format!("must be one of {list}, not {found}")),
        };
    }
    if m.contains("snapshot must be a plan object") {
        return p.sentence("must hold the whole plan, as an object in { }, in its “snapshot”");
    }
    if let Some(word) = between(m, "unknown variant `", "`") {
        return p.sentence(&format!("is {}, which is not one of the allowed values", quoted(word)));
    }
    let expected = m.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
    let wanted = match expected {
        "a string" => "text in quotes".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list in [ ]".to_string(),
        e if e.starts_with("struct ") => "an object in { }".to_string(),
        e if e.starts_with('u') || e.starts_with('i') => "a whole number".to_string(),
        _ => String::new(),
    };
    if wanted.is_empty() {
        p.sentence(&format!("holds {found}, which is not allowed here"))
    } else {
        p.sentence(&format!("must be {wanted}, not {found}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::model::*;

    /// The fixed word lists in `place` are the serde names of the enums.
    #[test]
    fn choices_match_the_enums() {
        fn names<T: serde::Serialize>(all: &[T]) -> Vec<String> {
            all.iter().map(|v| serde_json::to_value(v).unwrap().as_str().unwrap().to_string()).collect()
        }
        use super::super::place as p;
        assert_eq!(names(&RiskStatus::ALL), p::STATUS);
        assert_eq!(names(&Scope::ALL), p::SCOPE);
        assert_eq!(names(&[Relevance::Relevant, Relevance::Critical]), p::RELEVANCE);
        assert_eq!(names(&Answer::ALL), p::ANSWER);
        assert_eq!(names(&[LikelihoodAxis::Exploitability, LikelihoodAxis::Likelihood]), p::AXIS);
        assert_eq!(names(&[Zone::Acceptable, Zone::Review, Zone::Unacceptable]), p::ZONE);
        assert_eq!(names(&[SbomFormat::Cyclonedx, SbomFormat::Spdx]), p::SBOM_FORMAT);
        assert_eq!(names(&Raci::ALL), p::RACI);
        assert_eq!(names(&ComponentKind::ALL), p::COMPONENT_KIND);
        assert_eq!(names(&SupportLevel::ALL), p::SUPPORT);
        assert_eq!(names(&SecurityCategory::ALL), p::CATEGORY);
        assert_eq!(names(&ViewStatus::ALL), p::VIEW_STATUS);
        assert_eq!(names(&Mds2Value::ALL), p::MDS2_VALUE);
        let keys: Vec<&str> = SecurityCategory::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(keys, p::CATEGORY);
        let labels: Vec<&str> = SecurityCategory::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels, p::CATEGORY_LABELS);
        let views: Vec<(&str, &str)> = ViewKind::ALL.iter().map(|v| (v.key(), v.label())).collect();
        assert_eq!(views, p::VIEWS);
    }
}
