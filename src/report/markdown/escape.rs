//! Escaping user text for Markdown: only what a renderer would read as
//! markup, so the file still reads, diffs and greps as the plan's words.

/// Make user text inert in Markdown, escaping only what could be read as
/// markup, so the file still reads, diffs and greps as the plan's words
/// ("R-001", "2026-11-23T22:35" stay as they are). Escaped everywhere:
/// code, emphasis, links and images, HTML, table pipes, strikethrough,
/// character references (`&` before a name), mentions and e-mail links
/// (`@`), bare-URL autolinks (`http://`, `www.`), a backslash that would
/// escape, and `$` where two could open maths. At the start of the text
/// (where a block begins): headings, quotes, list markers and setext or
/// thematic lines. Line breaks become spaces, so one value stays one
/// paragraph or one table cell.
pub fn escape_markdown(text: &str) -> String {
    let chars: Vec<char> =
        text.chars().map(|c| if matches!(c, '\r' | '\n' | '\t') { ' ' } else { c }).filter(|c| !c.is_control()).collect();
    let lead = block_marker(&chars);
    let maths = chars.iter().filter(|&&c| c == '$').count() > 1;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = lead == Some(i)
            || match c {
                '`' | '*' | '[' | ']' | '<' | '|' | '~' | '@' => true,
                '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
                // An underscore between two letters or digits cannot emphasise (snake_case).
                '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
                '&' => is_reference(&chars[i + 1..]),
                '$' => maths,
                ':' => prev.is_some_and(|p| p.is_ascii_alphabetic()) && next == Some('/'),
                '.' => i >= 3 && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w')),
                _ => false,
            };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where text at the start of a line would begin a block: the position of
/// the character to escape (of "# ", ">", "- ", "---", "+ ", "===", or the
/// `.`/`)` of "1. ").
fn block_marker(chars: &[char]) -> Option<usize> {
    let first = chars.iter().position(|c| *c != ' ')?;
    let rest = &chars[first..];
    let spaced = |at: usize| rest.get(at).is_none_or(|c| *c == ' ');
    let only = |mark: char| rest.iter().all(|c| *c == mark || *c == ' ');
    let marks = rest.iter().take_while(|c| **c == rest[0]).count();
    let block = match rest[0] {
        '>' => true,
        '#' => marks <= 6 && spaced(marks),
        '-' => spaced(1) || only('-'),
        '+' => spaced(1),
        '=' => only('='),
        c if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 9 && matches!(rest.get(digits), Some('.' | ')')) && spaced(digits + 1) {
                return Some(first + digits);
            }
            false
        }
        _ => false,
    };
    block.then_some(first)
}

/// Whether text after an `&` completes a character reference (`amp;`, `#65;`).
fn is_reference(after: &[char]) -> bool {
    let body = after.strip_prefix(&['#']).unwrap_or(after);
    let name = body.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    (1..=32).contains(&name) && body.get(name) == Some(&';')
}
