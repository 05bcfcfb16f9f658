//! serde_json's error texts in plain words.
//!
//! serde_json explains errors to programmers ("invalid type: string \"high\",
//! expected u8", "EOF while parsing a value"). The people importing a plan
//! need to know what is wrong and where, in the names the app uses. The
//! original text is kept for [`super::ImportError::detail`].

use serde_json::Value;

use super::place::{place, JsonPlan, Lookup, Place};
use crate::common::words::{quoted, shorten};

/// A syntax error as a sentence without its position and final period.
pub fn syntax(serde_message: &str) -> String {
    let m = serde_message;
    let what = if m.starts_with("EOF while parsing") {
        return "The file ends too early: it may have been cut off".into();
    } else if m.starts_with("recursion limit exceeded") {
        return "The file is nested too deeply to read".into();
    } else if m.starts_with("trailing characters") {
        "there is more text after the end of the plan"
    } else if m.starts_with("expected `:`") {
        "a colon “:” is missing after a field name"
    } else if m.starts_with("expected `,` or `}`") {
        "a comma or a closing brace “}” is missing"
    } else if m.starts_with("expected `,` or `]`") {
        "a comma or a closing bracket “]” is missing"
    } else if m.starts_with("key must be a string") {
        "a field name is not in double quotes"
    } else if m.starts_with("control character") {
        "a text holds a line break, tab or other control character, which must be written with a backslash (such as \\n)"
    } else if m.starts_with("invalid escape")
        || m.contains("hex escape")
        || m.starts_with("invalid unicode code point")
        || m.starts_with("lone leading surrogate")
    {
        "a text holds a backslash code that is not valid"
    } else if m.starts_with("invalid number") {
        "a number is not written correctly"
    } else if m.starts_with("number out of range") {
        "a number is too large"
    } else if m.starts_with("expected ident") {
        "a word is not in quotes (only true, false and null may be written without them)"
    } else if m.starts_with("trailing comma") {
        "there is a comma before a closing bracket or brace"
    } else if m.contains("key must be") {
        "a field name is not valid"
    } else {
        "something here is not valid JSON"
    };
    format!("The file is not valid JSON: {what}")
}

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

/// A JSON value as a person would name it: "the text “high”", "the number 3".
pub(crate) fn describe_value(v: &Value) -> String {
    match v {
        Value::Null => "null (empty)".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {}", shorten(&n.to_string(), 30)),
        Value::String(s) => format!("the text {}", quoted(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The found value named in serde's own text, when the JSON is not at hand.
fn found_in(m: &str) -> Option<String> {
    let rest = m.strip_prefix("invalid type: ").or_else(|| m.strip_prefix("invalid value: "))?;
    let found = rest.split(", expected").next()?;
    Some(if let Some(s) = found.strip_prefix("string ") {
        format!("the text {}", quoted(s.trim_matches('"')))
    } else if let Some(n) = found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point ")) {
        format!("the number {}", n.trim_matches('`'))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        b.trim_matches('`').to_string()
    } else if found == "null" || found == "unit value" {
        "null (empty)".into()
    } else if found == "sequence" {
        "a list".into()
    } else if found == "map" {
        "an object".into()
    } else {
        return None;
    })
}

fn one_of(choices: &[&str]) -> String {
    let quoted: Vec<String> = choices.iter().map(|c| format!("“{c}”")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The text between `start` and the next `end`, cut to a readable length.
pub(crate) fn between<'a>(m: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = m.find(start)? + start.len();
    let to = m[from..].find(end).map_or(m.len(), |i| from + i);
    Some(&m[from..to])
}

/// A JSON pointer (RFC 6901) to the path.
pub(crate) fn pointer(segs: &[&str]) -> String {
    segs.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(one_of(&["a"]), "“a”");
        assert_eq!(one_of(&["a", "b", "c"]), "“a”, “b” or “c”");
    }
}
