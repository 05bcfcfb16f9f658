//! `word/styles.xml`: Word's own built-in style names ("heading 1", "Title",
//! "List Bullet", ...), so a table of contents, the navigation pane and a
//! quality system's template recognise the headings; `w:outlineLvl` makes
//! them outline levels 1 to 3 for the contents.

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// (id, built-in name, paragraph properties, run properties)
const PARAGRAPH_STYLES: [(&str, &str, &str, &str); 10] = [
    (
        "Title",
        "Title",
        r#"<w:spacing w:before="1200" w:after="240"/>"#,
        r#"<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="44"/><w:szCs w:val="44"/>"#,
    ),
    ("Subtitle", "Subtitle", r#"<w:spacing w:after="240"/>"#, r#"<w:color w:val="404040"/><w:sz w:val="24"/><w:szCs w:val="24"/>"#),
    (
        "Heading1",
        "heading 1",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>"#,
        r#"<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#,
    ),
    (
        "Heading2",
        "heading 2",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>"#,
        r#"<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="26"/><w:szCs w:val="26"/>"#,
    ),
    (
        "Heading3",
        "heading 3",
        r#"<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/>"#,
        r#"<w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/>"#,
    ),
    ("ListBullet", "List Bullet", r#"<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>"#, ""),
    ("Checklist", "Checklist", r#"<w:spacing w:after="60"/><w:ind w:left="360"/>"#, ""),
    (
        "Fact",
        "Fact",
        r#"<w:tabs><w:tab w:val="left" w:pos="2835"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="2835" w:hanging="2835"/>"#,
        "",
    ),
    (
        "TableText",
        "Table Text",
        r#"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    ),
    ("Footer", "footer", r#"<w:spacing w:after="0"/>"#, r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#),
];

pub fn styles() -> String {
    let mut out = format!(
        r#"{XML}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
    );
    out.push_str(concat!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        r#"<w:style w:type="table" w:styleId="PlanTable"><w:name w:val="Plan Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:left w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:right w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/></w:tblBorders></w:tblPr></w:style>"#,
    ));
    for (id, name, ppr, rpr) in PARAGRAPH_STYLES {
        out.push_str(&format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr>"#
        ));
        if !rpr.is_empty() {
            out.push_str(&format!("<w:rPr>{rpr}</w:rPr>"));
        }
        out.push_str("</w:style>");
    }
    out + "</w:styles>"
}
