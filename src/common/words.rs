//! Words both documents use in what they say to people: numbers with
//! thousands separators, sizes, counts, quotes of user text cut to a
//! readable length, and user text isolated from the app's own sentences.

/// 1234567 as "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// "12 kB", "4.3 MB": a size as people read it (integer arithmetic only:
/// float formatting would add kilobytes to the wasm).
pub fn human_bytes(n: usize) -> String {
    const MB: usize = 1024 * 1024;
    if n >= MB {
        let tenths = (n * 10 + MB / 2) / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} kB", n.div_ceil(1024))
    }
}

/// "1 question", "3 questions": counts read as words, not "question(s)".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The first letter in capitals.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Quote text a user wrote, cut to a readable length.
pub fn quoted(s: &str) -> String {
    format!("“{}”", shorten(s.trim(), 40))
}

/// At most `max` characters, with "…" when cut: messages quote parts of a
/// file, and a hostile file must not make them unreadable.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Wrap text the user wrote so that, shown inside the app's own sentences,
/// its direction marks cannot run on into them (an unclosed U+202E in a plan
/// name would otherwise reverse the rest of a message): first-strong isolate
/// .. pop directional isolate.
pub fn isolate(user_text: &str) -> String {
    format!("\u{2068}{user_text}\u{2069}")
}

/// A place in a document as one phrase, capitalised: items and sections
/// outermost first, then the field ("Risk R-001, initial severity"); `whole`
/// names the document itself ("The plan").
pub fn place_phrase(context: &[String], field: Option<&String>, whole: &str) -> String {
    let mut parts = context.to_vec();
    parts.extend(field.cloned());
    if parts.is_empty() {
        return whole.into();
    }
    capitalize(&parts.join(", "))
}

/// The place, then `predicate` (which reads after a subject, e.g. "must not
/// be empty"), as one whole sentence.
pub fn place_sentence(context: &[String], field: Option<&String>, whole: &str, predicate: &str) -> String {
    match (field, context.is_empty()) {
        (None, true) => format!("{whole} {predicate}."),
        (None, false) => format!("{} {predicate}.", capitalize(&context.join(", "))),
        (Some(field), true) => format!("{} {predicate}.", capitalize(field)),
        (Some(field), false) => format!("{}: the {field} {predicate}.", capitalize(&context.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(4_194_305), "4,194,305");
    }
}
