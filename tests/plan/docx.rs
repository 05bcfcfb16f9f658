//! The Word export read back as Word would: the zip by the `zip` crate, every
//! XML part by a conforming parser, then what a quality system relies on
//! (heading styles, repeated header rows, landscape sections, properties).

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use crate::common::sample_plan;
use jsp_planner::plan::model::{Approval, Meaning};
use jsp_planner::plan::report as plan_report;
use jsp_planner::report::{docx, Block, Cell, Document, Item, Orientation, Part, PartKey, Properties, Table, Tone};

/// Every entry of the package, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("an entry");
            let mut text = String::new();
            // Reading to the end checks the entry's CRC-32.
            entry.read_to_string(&mut text).expect("UTF-8 text with a right CRC");
            (entry.name().to_string(), text)
        })
        .collect()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn w_attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// (paragraph style, paragraph text) of every body paragraph outside tables.
fn paragraphs(doc: &roxmltree::Document) -> Vec<(String, String)> {
    let body = doc.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
    body.children()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p.descendants().find(|n| n.has_tag_name((W, "pStyle"))).and_then(|s| w_attr(s, "val")).unwrap_or("");
            (style.to_string(), text_of(p))
        })
        .collect()
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect()
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'q' ]]> \u{1}\u{b}\u{FFFE}end";
const HOSTILE_READ: &str = "<script>alert(\"x\")</script> & 'q' ]]> end";

fn hand_built() -> Document {
    let register = Table {
        kind: "register",
        header: vec!["ID".into(), "Threat".into(), "Acceptability".into()],
        rows: vec![
            vec![
                Cell::row_header("R-001"),
                Cell::text(HOSTILE),
                Cell { strong: "Acceptable".into(), tone: Tone::Acceptable, ..Cell::default() },
            ],
            // A short row: padded, so every row has the header's cells.
            vec![Cell::row_header("R-002")],
        ],
    };
    Document {
        properties: Properties {
            title: format!("Pump {HOSTILE}"),
            subject: "HSCC Joint Security Plan 2.0 · Concept Phase".into(),
            author: "Ada Lovelace, Product security".into(),
            document_id: "SMP-0042".into(),
            revision: "B".into(),
            footer: "SMP-0042 · Revision B".into(),
        },
        parts: vec![
            Part {
                key: PartKey::Cover,
                title: "Pump plan".into(),
                orientation: Orientation::Portrait,
                blocks: vec![
                    Block::Kicker("HSCC Joint Security Plan 2.0 · Concept Phase".into()),
                    Block::Facts(vec![("Document id".into(), "SMP-0042".into())]),
                ],
            },
            Part {
                key: PartKey::Project,
                title: "A.1 Release / change project planning".into(),
                orientation: Orientation::Portrait,
                blocks: vec![
                    Block::Heading { level: 2, text: "Inputs".into() },
                    Block::Checklist(vec![(true, "Scope decided".into()), (false, "Budget".into())]),
                    Block::List(vec![Item { strong: "Critical for:".into(), text: "patients".into() }]),
                    Block::Heading { level: 3, text: "Deeper".into() },
                    Block::Paragraph(HOSTILE.into()),
                    // Nothing to show: left out rather than written as a table with no rows.
                    Block::Table(Table { kind: "empty", header: vec![], rows: vec![] }),
                ],
            },
            Part {
                key: PartKey::Register,
                title: "Risk register".into(),
                orientation: Orientation::Landscape,
                blocks: vec![Block::Table(register)],
            },
            Part { key: PartKey::Roles, title: "Who is in the room (RACI)".into(), orientation: Orientation::Portrait, blocks: vec![] },
        ],
    }
}

#[test]
fn every_part_is_well_formed_xml_and_every_reference_resolves() {
    let files = unzip(&docx::render(&hand_built()));
    for (name, text) in &files {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
    assert_eq!(files.keys().next().map(String::as_str), Some("[Content_Types].xml"));
    let types = roxmltree::Document::parse(&files["[Content_Types].xml"]).unwrap();
    for part in types.descendants().filter_map(|n| n.attribute("PartName")) {
        assert!(files.contains_key(part.trim_start_matches('/')), "{part} is declared but missing");
    }
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        let doc = roxmltree::Document::parse(&files[rels]).unwrap();
        for target in doc.descendants().filter_map(|n| n.attribute("Target")) {
            assert!(files.contains_key(&format!("{base}{target}")), "{rels} points at a missing {target}");
        }
    }
    let styles = roxmltree::Document::parse(&files["word/styles.xml"]).unwrap();
    let style_ids: Vec<&str> = styles.descendants().filter(|n| n.has_tag_name((W, "style"))).filter_map(|n| w_attr(n, "styleId")).collect();
    let document = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    for used in document.descendants().filter(|n| n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "tblStyle"))) {
        let id = w_attr(used, "val").unwrap();
        assert!(style_ids.contains(&id), "style {id} is used but not defined");
    }
}

#[test]
fn headings_use_words_heading_styles_with_outline_levels() {
    let files = unzip(&docx::render(&hand_built()));
    let doc = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let paragraphs = paragraphs(&doc);
    let styled = |style: &str| paragraphs.iter().filter(|(s, _)| s == style).map(|(_, t)| t.as_str()).collect::<Vec<_>>();
    assert_eq!(styled("Title"), ["Pump plan"]);
    assert_eq!(styled("Heading1"), ["A.1 Release / change project planning", "Risk register", "Who is in the room (RACI)"]);
    assert_eq!(styled("Heading2"), ["Inputs"]);
    assert_eq!(styled("Heading3"), ["Deeper"]);
    assert_eq!(styled("Checklist"), ["☑ Scope decided", "☐ Budget"]);
    assert_eq!(styled("ListBullet"), ["Critical for: patients"]);

    let styles = roxmltree::Document::parse(&files["word/styles.xml"]).unwrap();
    for (id, name, level) in [("Heading1", "heading 1", "0"), ("Heading2", "heading 2", "1"), ("Heading3", "heading 3", "2")] {
        let style = styles.descendants().find(|n| w_attr(*n, "styleId") == Some(id)).unwrap_or_else(|| panic!("no {id}"));
        let child = |tag: &str| style.descendants().find(|n| n.has_tag_name((W, tag))).and_then(|n| w_attr(n, "val"));
        assert_eq!(child("name"), Some(name), "{id} must carry Word's built-in name");
        assert_eq!(child("outlineLvl"), Some(level));
    }
}

#[test]
fn a_table_repeats_its_header_row_and_shades_a_zone_keeping_its_name() {
    let files = unzip(&docx::render(&hand_built()));
    let doc = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let tables: Vec<_> = doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    assert_eq!(tables.len(), 1, "the empty table is left out");
    let rows: Vec<_> = tables[0].children().filter(|n| n.has_tag_name((W, "tr"))).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].descendants().any(|n| n.has_tag_name((W, "tblHeader"))), "the header row repeats");
    assert!(!rows[1].descendants().any(|n| n.has_tag_name((W, "tblHeader"))));
    for row in &rows {
        assert_eq!(row.children().filter(|n| n.has_tag_name((W, "tc"))).count(), 3, "every row has the header's cells");
    }
    let zone = rows[1].children().filter(|n| n.has_tag_name((W, "tc"))).nth(2).unwrap();
    assert_eq!(text_of(zone), "Acceptable");
    let fill = zone.descendants().find(|n| n.has_tag_name((W, "shd"))).and_then(|n| w_attr(n, "fill"));
    assert_eq!(fill, Some("C6EFCE"));
    // The row header is bold.
    let id = rows[1].descendants().find(|n| n.has_tag_name((W, "r"))).unwrap();
    assert!(id.descendants().any(|n| n.has_tag_name((W, "b"))));
    let grid: u32 =
        tables[0].descendants().filter(|n| n.has_tag_name((W, "gridCol"))).map(|n| w_attr(n, "w").unwrap().parse::<u32>().unwrap()).sum();
    assert_eq!(grid, 16838 - 2 * 1134, "a landscape table takes the landscape page's width");
}

#[test]
fn a_landscape_part_gets_a_section_of_its_own() {
    let files = unzip(&docx::render(&hand_built()));
    let doc = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    // Sections in order with the paragraph texts before each one closes.
    let body = doc.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
    let mut sections = Vec::new();
    let mut texts = Vec::new();
    for node in body.children() {
        texts.push(text_of(node));
        if let Some(sect) = node.descendants().find(|n| n.has_tag_name((W, "sectPr"))) {
            let size = sect.children().find(|n| n.has_tag_name((W, "pgSz"))).unwrap();
            let w: u32 = w_attr(size, "w").unwrap().parse().unwrap();
            let h: u32 = w_attr(size, "h").unwrap().parse().unwrap();
            let landscape = w_attr(size, "orient") == Some("landscape");
            assert_eq!(landscape, w > h, "width and height are swapped with the orientation");
            assert!(sect.children().any(|n| n.has_tag_name((W, "footerReference"))), "every section has the footer");
            sections.push((landscape, std::mem::take(&mut texts).join("|")));
        }
    }
    assert_eq!(sections.len(), 3, "{sections:?}");
    assert!(!sections[0].0 && sections[0].1.contains("A.1 Release"));
    assert!(sections[1].0 && sections[1].1.starts_with("Risk register"), "{sections:?}");
    assert!(!sections[2].0 && sections[2].1.contains("Who is in the room"));
    // The last section's settings close the body, as Word writes them.
    assert!(body.last_element_child().unwrap().has_tag_name((W, "sectPr")));
}

#[test]
fn properties_name_the_title_author_id_and_revision() {
    let files = unzip(&docx::render(&hand_built()));
    let core = roxmltree::Document::parse(&files["docProps/core.xml"]).unwrap();
    let value = |name: &str| core.descendants().find(|n| n.tag_name().name() == name).and_then(|n| n.text()).map(str::to_string);
    assert_eq!(value("title").as_deref(), Some(format!("Pump {HOSTILE_READ}").as_str()));
    assert_eq!(value("creator").as_deref(), Some("Ada Lovelace, Product security"));
    assert_eq!(value("identifier").as_deref(), Some("SMP-0042"));
    assert_eq!(value("version").as_deref(), Some("B"));
    assert_eq!(value("revision"), None, "Word's revision is a number; B is not one");
    let custom = roxmltree::Document::parse(&files["docProps/custom.xml"]).unwrap();
    let property = |name: &str| custom.descendants().find(|n| n.attribute("name") == Some(name)).map(text_of_any);
    assert_eq!(property("Revision").as_deref(), Some("B"));
    assert_eq!(property("Document ID").as_deref(), Some("SMP-0042"));

    let footer = roxmltree::Document::parse(&files["word/footer1.xml"]).unwrap();
    let fields: Vec<_> = footer.descendants().filter_map(|n| w_attr(n, "instr")).map(str::trim).collect();
    assert_eq!(fields, ["PAGE", "NUMPAGES"]);
    assert!(text_of(footer.root()).starts_with("SMP-0042 · Revision B · Page 1 of 1"));
}

fn text_of_any(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
}

#[test]
fn hostile_text_stays_text() {
    let files = unzip(&docx::render(&hand_built()));
    let doc = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let paragraphs = paragraphs(&doc);
    assert!(paragraphs.iter().any(|(s, t)| s == "Normal" && t == HOSTILE_READ), "{paragraphs:?}");
    assert!(text_of(doc.root()).contains(HOSTILE_READ));
    assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
}

#[test]
fn the_plan_report_holds_every_heading_risk_and_approval() {
    let mut plan = sample_plan();
    plan.document.document_id = "SMP-0042".into();
    plan.document.author = "Ada Lovelace".into();
    plan.issue_revision("A", "First issue", "2026-11-24T10:00:00Z").unwrap();
    let approval = Approval {
        id: String::new(),
        name: "Grace Hopper".into(),
        role: "Head of quality".into(),
        meaning: Meaning::Approver,
        date: "2026-11-25".into(),
        comment: String::new(),
    };
    plan.record_approval(1, approval).unwrap();
    let doc = plan_report::build(&plan, &plan.revisions(), plan_report::ALL_PARTS);
    let files = unzip(&docx::render(&doc));
    let xml = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let paragraphs = paragraphs(&xml);
    let text = text_of(xml.root());
    for part in &doc.parts {
        let style = if part.key == PartKey::Cover { "Title" } else { "Heading1" };
        assert!(paragraphs.contains(&(style.to_string(), part.title.clone())), "{} is not a {style}", part.title);
        for block in &part.blocks {
            if let Block::Heading { text, .. } = block {
                assert!(paragraphs.iter().any(|(s, t)| s.starts_with("Heading") && t == text), "{text} is not a heading");
            }
        }
    }
    for risk in &plan.risks {
        assert!(text.contains(&risk.id), "{} is missing", risk.id);
    }
    assert!(text.contains("Grace Hopper") && text.contains("Head of quality"), "the approval is missing");

    let smp = plan_report::build(&plan, &plan.revisions(), plan_report::MANAGEMENT_PLAN_PARTS);
    let files = unzip(&docx::render(&smp));
    let xml = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let headings: Vec<String> = self::paragraphs(&xml).into_iter().filter(|(s, _)| s == "Heading1").map(|(_, t)| t).collect();
    assert!(headings.iter().any(|t| t.contains("Security management plan")), "{headings:?}");
    assert!(!headings.iter().any(|t| t == "Risk register"), "the Security Management Plan alone has no register: {headings:?}");
}

#[test]
fn the_word_cover_counts_every_gap_the_app_lists() {
    let plan = crate::workspace::complete_but_for_the_chain();
    let doc = plan_report::build(&plan, &[], plan_report::ALL_PARTS);
    let files = unzip(&docx::render(&doc));
    let xml = roxmltree::Document::parse(&files["word/document.xml"]).unwrap();
    let text = text_of(xml.root());
    assert!(text.contains("Traceability and risk acceptance") && text.contains("In progress"), "the row is missing");
    assert!(text.contains("10 gaps open, all in traceability and risk acceptance."));
    for gap in jsp_planner::plan::trace::gaps(&plan) {
        assert!(text.contains(&gap.text), "{} is not in the Word document", gap.text);
    }
}
