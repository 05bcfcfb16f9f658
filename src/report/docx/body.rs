//! `word/document.xml`: the parts in order, each opening with a level-1
//! heading (the cover with the Title style instead), blocks as paragraphs
//! with named styles, and a section of its own for each run of landscape
//! parts.
//!
//! Word keeps a section's page set-up in the last paragraph of the section
//! (`w:pPr/w:sectPr`), and the last section's at the end of the body; a
//! change of orientation therefore closes the section with an empty
//! paragraph carrying the settings of the pages before it.

use super::table::table;
use super::xml::run;
use crate::report::{Block, Document, Orientation, Part, PartKey};

/// A4 in twips, and 2 cm margins.
const PAGE_SHORT: u32 = 11906;
const PAGE_LONG: u32 = 16838;
const MARGIN: u32 = 1134;

pub fn document(doc: &Document) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
    ));
    let mut orientation = doc.parts.first().map_or(Orientation::Portrait, |p| p.orientation);
    let mut after_cover = false;
    for part in &doc.parts {
        let new_section = part.orientation != orientation;
        if new_section {
            out.push_str("<w:p><w:pPr>");
            section(&mut out, orientation);
            out.push_str("</w:pPr></w:p>");
            orientation = part.orientation;
        }
        // A section starts a new page by itself; otherwise the cover ends its page.
        part_body(&mut out, part, after_cover && !new_section);
        after_cover = part.key == PartKey::Cover;
    }
    section(&mut out, orientation);
    out.push_str("</w:body></w:document>");
    out
}

/// A section's page set-up, with the footer on every page.
fn section(out: &mut String, orientation: Orientation) {
    let (w, h, orient) = match orientation {
        Orientation::Portrait => (PAGE_SHORT, PAGE_LONG, ""),
        Orientation::Landscape => (PAGE_LONG, PAGE_SHORT, r#" w:orient="landscape""#),
    };
    out.push_str(&format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
    ));
}

/// The width text can take on a page of `orientation`, in twips.
fn text_width(orientation: Orientation) -> u32 {
    match orientation {
        Orientation::Portrait => PAGE_SHORT - 2 * MARGIN,
        Orientation::Landscape => PAGE_LONG - 2 * MARGIN,
    }
}

fn part_body(out: &mut String, part: &Part, page_break: bool) {
    let style = if part.key == PartKey::Cover { "Title" } else { "Heading1" };
    paragraph(out, style, page_break, |out| run(out, &part.title, false));
    for block in &part.blocks {
        self::block(out, block, text_width(part.orientation));
    }
}

fn block(out: &mut String, block: &Block, width: u32) {
    match block {
        Block::Heading { level, text } => {
            // Level 1 is the part's own title; Word's styles go deeper than the report does.
            let style = if *level <= 2 { "Heading2" } else { "Heading3" };
            paragraph(out, style, false, |out| run(out, text, false));
        }
        Block::Paragraph(text) => paragraph(out, "Normal", false, |out| run(out, text, false)),
        Block::Kicker(text) => paragraph(out, "Subtitle", false, |out| run(out, text, false)),
        Block::Facts(facts) => {
            for (label, value) in facts {
                paragraph(out, "Fact", false, |out| {
                    run(out, label, true);
                    out.push_str("<w:r><w:tab/></w:r>");
                    run(out, value, false);
                });
            }
        }
        Block::List(items) => {
            for item in items {
                paragraph(out, "ListBullet", false, |out| {
                    run(out, &item.strong, true);
                    if !item.strong.is_empty() && !item.text.is_empty() {
                        run(out, " ", false);
                    }
                    run(out, &item.text, false);
                });
            }
        }
        Block::Checklist(items) => {
            for (done, text) in items {
                paragraph(out, "Checklist", false, |out| run(out, &format!("{} {text}", if *done { "☑" } else { "☐" }), false));
            }
        }
        Block::Table(t) => {
            table(out, t, width);
            // Two tables in a row would merge into one; a paragraph keeps them apart.
            out.push_str("<w:p/>");
        }
    }
}

fn paragraph(out: &mut String, style: &str, page_break: bool, content: impl FnOnce(&mut String)) {
    out.push_str(&format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>"#));
    if page_break {
        out.push_str("<w:pageBreakBefore/>");
    }
    out.push_str("</w:pPr>");
    content(out);
    out.push_str("</w:p>");
}
