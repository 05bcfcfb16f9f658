//! serde_json's error texts in plain words.
//!
//! serde_json explains errors to programmers ("invalid type: string \"high\",
//! expected u8", "EOF while parsing a value"). The people importing a plan
//! need to know what is wrong and where, in the names the app uses; each
//! document kind names its places itself (`plan::file::shape`,
//! `assessment::words`). The original text is kept for the errors' detail.

use serde_json::Value;

use crate::common::words::{quoted, shorten};

/// A syntax error as a sentence without its position and final period.
pub fn syntax(serde_message: &str, noun: &str) -> String {
    let m = serde_message;
    let after_end;
    let what = if m.starts_with("EOF while parsing") {
        return "The file ends too early: it may have been cut off".into();
    } else if m.starts_with("recursion limit exceeded") {
        return "The file is nested too deeply to read".into();
    } else if m.starts_with("trailing characters") {
        after_end = format!("there is more text after the end of the {noun}");
        &after_end
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

/// A JSON value as a person would name it: "the text “high”", "the number 3".
pub fn describe_value(v: &Value) -> String {
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
pub fn found_in(m: &str) -> Option<String> {
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

/// "“a”, “b” or “c”".
pub fn one_of(choices: &[&str]) -> String {
    let quoted: Vec<String> = choices.iter().map(|c| format!("“{c}”")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The text between `start` and the next `end`, cut to a readable length.
pub fn between<'a>(m: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = m.find(start)? + start.len();
    let to = m[from..].find(end).map_or(m.len(), |i| from + i);
    Some(&m[from..to])
}

/// A JSON pointer (RFC 6901) to the path.
pub fn pointer(segs: &[&str]) -> String {
    segs.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(one_of(&["a"]), "“a”");
        assert_eq!(one_of(&["a", "b", "c"]), "“a”, “b” or “c”");
    }
}
