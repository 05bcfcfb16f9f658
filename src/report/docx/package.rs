//! The package around the body: content types, relationships, document
//! properties, settings, the bullet list's numbering and the footer.
//!
//! The document's id and revision go where quality systems look for them:
//! Dublin Core's identifier and OPC's version in `core.xml`, and custom
//! properties "Document ID" and "Revision" that a template's DOCPROPERTY
//! fields can show.

use super::xml::{escape, run};
use crate::report::Properties;

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let over = |part: &str, kind: String| format!(r#"<Override PartName="/{part}" ContentType="{kind}"/>"#);
    [
        format!(r#"{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#),
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#.into(),
        r#"<Default Extension="xml" ContentType="application/xml"/>"#.into(),
        over("word/document.xml", format!("{wml}.document.main+xml")),
        over("word/styles.xml", format!("{wml}.styles+xml")),
        over("word/numbering.xml", format!("{wml}.numbering+xml")),
        over("word/settings.xml", format!("{wml}.settings+xml")),
        over("word/footer1.xml", format!("{wml}.footer+xml")),
        over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml".into()),
        over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml".into()),
        over("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml".into()),
        "</Types>".into(),
    ]
    .concat()
}

/// A relationships part: (id, type, target), the type relative to `REL`
/// unless it is a full address.
fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = format!(r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
    for (id, kind, target) in rels {
        let kind = if kind.starts_with("http") { kind.to_string() } else { format!("{REL}/{kind}") };
        out.push_str(&format!(r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#));
    }
    out + "</Relationships>"
}

pub fn package_relationships() -> String {
    relationships(&[
        ("rId1", "officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", "extended-properties", "docProps/app.xml"),
        ("rId4", "custom-properties", "docProps/custom.xml"),
    ])
}

pub fn document_relationships() -> String {
    relationships(&[
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFooter", "footer", "footer1.xml"),
    ])
}

/// Title, subject, author, and the document's id and revision.
pub fn core(p: &Properties) -> String {
    let mut out = format!(
        r#"{XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    );
    let mut element = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            out.push_str(&format!("<{name}>{}</{name}>", escape(value)));
        }
    };
    element("dc:title", &p.title);
    element("dc:subject", &p.subject);
    element("dc:creator", &p.author);
    element("cp:lastModifiedBy", &p.author);
    element("dc:identifier", &p.document_id);
    // cp:revision is Word's save counter, a number; the document's own
    // revision ("B", "1.2") is its version.
    element("cp:version", &p.revision);
    if !p.revision.is_empty() && p.revision.len() <= 9 && p.revision.bytes().all(|b| b.is_ascii_digit()) {
        element("cp:revision", &p.revision);
    }
    out + "</cp:coreProperties>"
}

pub fn app() -> String {
    format!(
        r#"{XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>JSP Planner</Application></Properties>"#
    )
}

/// "Document ID" and "Revision" as custom properties, for a template's fields.
pub fn custom(p: &Properties) -> String {
    let mut out = format!(
        r#"{XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
    );
    for (pid, (name, value)) in [("Document ID", &p.document_id), ("Revision", &p.revision)].into_iter().enumerate() {
        // Property ids start at 2, the format's first free one.
        out.push_str(&format!(
            r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{}" name="{name}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            pid + 2,
            escape(value)
        ));
    }
    out + "</Properties>"
}

/// Word opens the file in its current mode, not as a Word 2007 document.
pub fn settings() -> String {
    format!(
        r#"{XML}<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// One bullet list (numId 1), used by the List Bullet style.
pub fn numbering() -> String {
    format!(
        r#"{XML}<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

/// Every page's foot: the document's line (id, revision), then "Page n of N".
pub fn footer(p: &Properties) -> String {
    let mut out = format!(r#"{XML}<w:ftr xmlns:w="{W}" xmlns:r="{REL}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#);
    if !p.footer.trim().is_empty() {
        run(&mut out, &format!("{} · ", p.footer), false);
    }
    run(&mut out, "Page ", false);
    out.push_str(r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#);
    run(&mut out, " of ", false);
    out.push_str(r#"<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#);
    out + "</w:p></w:ftr>"
}
