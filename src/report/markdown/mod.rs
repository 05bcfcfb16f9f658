//! A [`Document`] as Markdown: CommonMark with GFM tables, for wikis and
//! design history files. Every word from the document is escaped with
//! [`escape_markdown`], which marks only what would change the meaning, so
//! no HTML, link or emphasis can form from the plan's text.
//!
//! The cover's title is the document's one level-1 heading; every other
//! part's title is a level-2 heading, and a part's headings sit one level
//! below its title (as on screen).

mod escape;

pub use escape::escape_markdown;

use std::fmt::Write;

use super::{Block, Cell, Document, Item, Part, PartKey, Table};

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for part in &doc.parts {
        render_part(&mut out, part);
    }
    out
}

fn render_part(out: &mut String, part: &Part) {
    let title_level = if part.key == PartKey::Cover { 1 } else { 2 };
    let _ = writeln!(out, "{} {}\n", "#".repeat(title_level), escape_markdown(&part.title));
    for block in &part.blocks {
        render_block(out, block, title_level);
        out.push('\n');
    }
}

/// One block; `title_level` is the level of its part's title, under which
/// the block's headings sit.
fn render_block(out: &mut String, block: &Block, title_level: usize) {
    match block {
        Block::Heading { level, text } => {
            let level = (title_level + usize::from(*level).saturating_sub(1).max(1)).min(6);
            let _ = writeln!(out, "{} {}", "#".repeat(level), escape_markdown(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{}", paragraph(text));
        }
        Block::Kicker(text) => {
            let _ = writeln!(out, "*{}*", escape_markdown(text.trim()));
        }
        Block::Facts(pairs) => {
            for (label, value) in pairs {
                let _ = writeln!(out, "- **{}:** {}", escape_markdown(label), escape_markdown(value));
            }
        }
        Block::List(items) => items.iter().for_each(|i| {
            let _ = writeln!(out, "- {}", item(i));
        }),
        Block::Checklist(items) => {
            for (done, label) in items {
                let _ = writeln!(out, "- [{}] {}", if *done { "x" } else { " " }, escape_markdown(label));
            }
        }
        Block::Table(t) => table(out, t),
    }
}

/// Free text that keeps its paragraphs: each line escaped on its own and
/// unindented (so none turns into a code block).
fn paragraph(text: &str) -> String {
    text.trim().lines().map(|l| escape_markdown(l.trim())).collect::<Vec<_>>().join("\n")
}

fn item(i: &Item) -> String {
    strong_then_text(&i.strong, &i.text)
}

fn cell(c: &Cell) -> String {
    strong_then_text(&c.strong, &c.text)
}

/// `**strong** text`, either part left out when empty.
fn strong_then_text(strong: &str, text: &str) -> String {
    match (strong.trim(), text.trim()) {
        ("", text) => escape_markdown(text),
        (strong, "") => format!("**{}**", escape_markdown(strong)),
        (strong, text) => format!("**{}** {}", escape_markdown(strong), escape_markdown(text)),
    }
}

fn table(out: &mut String, t: &Table) {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(t.header.iter().map(|h| escape_markdown(h)).collect()));
    let _ = writeln!(out, "|{}", "---|".repeat(t.header.len()));
    for row in &t.rows {
        out.push_str(&line(row.iter().map(cell).collect()));
    }
}
