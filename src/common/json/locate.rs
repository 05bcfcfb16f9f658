//! Where in a plan file a shape error happened, as a path such as
//! `plan/risks/0/initial/severity`.
//!
//! serde_json reports the line and column at which a data error was found.
//! Rather than track the path while deserializing (serde_path_to_error wraps
//! every type's deserializer and added about 70 kB to the wasm), we scan the
//! text again up to that point. serde_json has already parsed that prefix, so
//! it is well-formed JSON and a small scanner is enough.

/// One open object or array on the way to the error.
enum Frame<'a> {
    /// The key whose value is being read, once its name has been read.
    Object { key: Option<&'a str> },
    /// The index of the element being read; `started` once it has begun.
    Array { index: usize, started: bool },
}

/// The path of the innermost value open at `line`/`column` (one-based, as
/// serde_json counts them: the column is the number of bytes read on that
/// line). Empty when the error is at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> Vec<String> {
    let end = offset(text, line, column);
    let frames = scan(&text.as_bytes()[..end], text);
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key } => key.map(str::to_string),
            Frame::Array { index, started } => started.then(|| index.to_string()),
        })
        .collect()
}

fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1) };
    (line_start + column).min(text.len())
}

fn scan<'a>(prefix: &[u8], text: &'a str) -> Vec<Frame<'a>> {
    let mut frames: Vec<Frame<'a>> = Vec::new();
    let mut i = 0;
    while i < prefix.len() {
        let byte = prefix[i];
        if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let is_key = matches!(frames.last(), Some(Frame::Object { key: None }));
        if let Some(Frame::Array { started, .. }) = frames.last_mut() {
            if byte != b',' && byte != b']' {
                *started = true;
            }
        }
        match byte {
            b'{' => frames.push(Frame::Object { key: None }),
            b'[' => frames.push(Frame::Array { index: 0, started: false }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index, started }) => (*index, *started) = (*index + 1, false),
                None => {}
            },
            b'"' => {
                let close = string_end(prefix, i + 1);
                if is_key {
                    // Quote bytes are ASCII, so both ends are char boundaries.
                    let name = &text[i + 1..close.min(prefix.len())];
                    if let Some(Frame::Object { key }) = frames.last_mut() {
                        *key = Some(name);
                    }
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    frames
}

/// The index of the quote closing the string that starts at `from`, or the
/// end of the prefix when it stops inside the string.
fn string_end(prefix: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < prefix.len() {
        match prefix[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    prefix.len()
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn path(text: &str, at: &str) -> String {
        // The column just past the first occurrence of `at`, on one line.
        let column = text.find(at).expect("marker in text") + at.len();
        path_at(text, 1, column).join("/")
    }

    #[test]
    fn names_keys_and_indices() {
        let text = r#"{"plan":{"risks":[{"a":1},{"initial":{"severity":"high"}}]}}"#;
        assert_eq!(path(text, r#""high""#), "plan/risks/1/initial/severity");
    }

    #[test]
    fn a_key_just_read_is_part_of_the_path() {
        assert_eq!(path(r#"{"plan":{"surprise":true}}"#, r#""surprise""#), "plan/surprise");
    }

    #[test]
    fn a_closed_object_is_its_parent_key() {
        assert_eq!(path(r#"{"plan":{"initial":{"likelihood":3}}}"#, "3}"), "plan/initial");
    }

    #[test]
    fn an_array_just_opened_has_no_index() {
        assert_eq!(path(r#"{"plan":{"id":[[["#, r#""id":["#), "plan/id");
    }

    #[test]
    fn quotes_and_brackets_inside_strings_do_not_count() {
        let text = r#"{"a\"[{":["}",{"b":1}]}"#;
        assert_eq!(path(text, r#"{"b":1"#), r#"a\"[{/1/b"#);
    }

    #[test]
    fn lines_are_counted() {
        let text = "{\n  \"plan\": {\n    \"name\": 5\n  }\n}";
        assert_eq!(path_at(text, 3, 13).join("/"), "plan/name");
    }
}
