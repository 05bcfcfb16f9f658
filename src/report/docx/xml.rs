//! Writing text into WordprocessingML safely.
//!
//! Every word of a plan is user text, and a plan file can come from anyone:
//! markup characters are escaped, and characters XML 1.0 forbids (control
//! characters other than tab and line breaks, U+FFFE, U+FFFF) are dropped,
//! since a single one makes Word refuse the whole file.

/// Append `text` escaped for element content or a quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Whether XML 1.0 allows `c` in a document (a Rust `char` is never a surrogate).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// Append a run of `text`, bold if `bold`: lines become `<w:br/>` and tabs
/// `<w:tab/>`, as Word itself stores them. Nothing for empty text.
pub fn run(out: &mut String, text: &str, bold: bool) {
    if text.is_empty() {
        return;
    }
    out.push_str(if bold { "<w:r><w:rPr><w:b/><w:bCs/></w:rPr>" } else { "<w:r>" });
    let text = text.replace("\r\n", "\n");
    for (i, line) in text.split(['\n', '\r']).enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                // Keep leading and trailing spaces, which Word trims otherwise.
                out.push_str("<w:t xml:space=\"preserve\">");
                escape_into(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFE}d\u{7}"), "abcd");
        assert_eq!(escape("tab\tline\nok é 😀"), "tab\tline\nok é 😀");
    }

    #[test]
    fn a_run_breaks_lines_and_tabs() {
        let mut out = String::new();
        run(&mut out, "a\r\nb\tc", true);
        assert_eq!(
            out,
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">a</w:t><w:br/>\
             <w:t xml:space=\"preserve\">b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }
}
