//! The report as a Word document (.docx), written by hand: a few fixed XML
//! parts around the body, in a zip of stored entries. A general OOXML or zip
//! crate would add to the wasm for one download; this is what the report
//! needs and no more.
//!
//! What makes it fit a quality system: Word's built-in heading styles with
//! outline levels (a table of contents works), tables whose header row
//! repeats on every page, landscape sections for the parts with wide
//! tables, and the document's title, author, id and revision as document
//! properties and in every page's footer with "Page n of N".
//!
//! - `body`: `word/document.xml`, parts and blocks; sections by orientation.
//! - `table`: tables (header rows, shading by tone, column widths).
//! - `styles`: the styles part.
//! - `package`: content types, relationships, properties, settings, footer.
//! - `xml`: escaping user text; `zip`: the archive.

mod body;
mod package;
mod styles;
mod table;
mod xml;
mod zip;

use super::Document;

/// The media type of a .docx file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `doc` as the bytes of a .docx file.
pub fn render(doc: &Document) -> Vec<u8> {
    let p = &doc.properties;
    zip::stored(&[
        // The content types come first, as Office writes them.
        ("[Content_Types].xml", package::content_types().into_bytes()),
        ("_rels/.rels", package::package_relationships().into_bytes()),
        ("docProps/core.xml", package::core(p).into_bytes()),
        ("docProps/app.xml", package::app().into_bytes()),
        ("docProps/custom.xml", package::custom(p).into_bytes()),
        ("word/document.xml", body::document(doc).into_bytes()),
        ("word/_rels/document.xml.rels", package::document_relationships().into_bytes()),
        ("word/styles.xml", styles::styles().into_bytes()),
        ("word/numbering.xml", package::numbering().into_bytes()),
        ("word/settings.xml", package::settings().into_bytes()),
        ("word/footer1.xml", package::footer(p).into_bytes()),
    ])
}
