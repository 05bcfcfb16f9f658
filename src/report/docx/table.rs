//! A report table as a Word table: a header row repeated on every page
//! (`w:tblHeader`), borders, bold row headers, and a cell's tone as its
//! shading while its words stay (the zone grid reads without colour).

use super::xml::run;
use crate::report::{Cell, Table, Tone};

/// Append `table` at `width` twips wide. A table with no columns is left out:
/// Word calls a table without rows damaged.
pub fn table(out: &mut String, table: &Table, width: u32) {
    let columns = table.rows.iter().map(Vec::len).chain([table.header.len()]).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let widths = column_widths(table, columns, width);
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"PlanTable\"/>");
    out.push_str(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>"));
    // Borders here as well as in the style: LibreOffice and templates that
    // restyle tables keep them.
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>"));
    }
    // Fixed: both Word and LibreOffice then lay the columns out as given.
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    if !table.header.is_empty() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let text = table.header.get(i).map_or("", String::as_str);
            cell(out, *w, Some(HEADER_FILL), |out| run(out, text, true));
        }
        out.push_str("</w:tr>");
    }
    for row in &table.rows {
        out.push_str("<w:tr>");
        for (i, w) in widths.iter().enumerate() {
            match row.get(i) {
                Some(c) => cell(out, *w, fill(c.tone), |out| cell_text(out, c)),
                None => cell(out, *w, None, |_| {}),
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

const HEADER_FILL: &str = "D9E2F3";

/// Light fills, so black text keeps its contrast on each.
fn fill(tone: Tone) -> Option<&'static str> {
    match tone {
        Tone::Plain => None,
        Tone::Acceptable => Some("C6EFCE"),
        Tone::Review => Some("FFEB9C"),
        Tone::Unacceptable | Tone::Critical => Some("FFC7CE"),
        Tone::Relevant => Some("DDEBF7"),
        Tone::Unset => Some("EDEDED"),
    }
}

/// One cell: every cell holds a paragraph, even an empty one (Word insists).
fn cell(out: &mut String, width: u32, fill: Option<&str>, content: impl FnOnce(&mut String)) {
    out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
    if let Some(fill) = fill {
        out.push_str(&format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"));
    }
    out.push_str("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
    content(out);
    out.push_str("</w:p></w:tc>");
}

/// A cell's strong run heads it on a line of its own (a grid cell's zone
/// name over its risk ids); a row header is bold throughout.
fn cell_text(out: &mut String, c: &Cell) {
    run(out, &c.strong, true);
    if !c.strong.is_empty() && !c.text.is_empty() {
        out.push_str("<w:r><w:br/></w:r>");
    }
    run(out, &c.text, c.row_header);
}

/// Column widths in twips summing to `width`. A fixed layout does not
/// measure text, so this does, roughly: each column first gets room for its
/// longest word (a risk id must not break), then the rest goes by the length
/// of its longest text, so a description column gets the room and an id
/// column stays narrow. When the words alone are too wide for the page,
/// the columns with the longest words give way first.
fn column_widths(table: &Table, columns: usize, width: u32) -> Vec<u32> {
    let chars = |s: &str| s.chars().count() as u32;
    let word = |s: &str| s.split_whitespace().map(chars).max().unwrap_or(0);
    let column = |i: usize| {
        let cells = table.rows.iter().filter_map(move |r| r.get(i)).flat_map(|c| [c.strong.as_str(), c.text.as_str()]);
        table.header.get(i).map(String::as_str).into_iter().chain(cells)
    };
    // About 100 twips a character at the table's 9 pt, plus the cell's margins.
    let least: Vec<u32> = (0..columns).map(|i| column(i).map(word).max().unwrap_or(0).min(24) * 100 + 240).collect();
    let least = capped(&least, width);
    let wants: Vec<u32> = (0..columns).map(|i| column(i).map(chars).max().unwrap_or(0).clamp(4, 60)).collect();
    let (spare, wants_total) = (width - least.iter().sum::<u32>(), wants.iter().sum::<u32>());
    let mut widths: Vec<u32> = least.iter().zip(&wants).map(|(l, w)| l + spare * w / wants_total).collect();
    // Rounding leaves a few twips: give them to the last column.
    let rest = width - widths.iter().sum::<u32>();
    if let Some(last) = widths.last_mut() {
        *last += rest;
    }
    widths
}

/// `least` with its largest values lowered to one cap, the highest that
/// keeps the sum within `width` (unchanged when it already is).
fn capped(least: &[u32], width: u32) -> Vec<u32> {
    let sum = |cap: u32| least.iter().map(|l| (*l).min(cap)).sum::<u32>();
    let (mut low, mut high) = (0, least.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if sum(mid) <= width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    least.iter().map(|l| (*l).min(low)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_sum_to_the_width_and_follow_the_text() {
        let table = Table {
            kind: "register",
            header: vec!["ID".into(), "Threat or vulnerability".into()],
            rows: vec![vec![Cell::row_header("R-001"), Cell::text("A long threat description that runs on and on")]],
        };
        let widths = column_widths(&table, 2, 9000);
        assert_eq!(widths.iter().sum::<u32>(), 9000);
        assert!(widths[0] < widths[1] / 3, "{widths:?}");
        assert!(widths[0] >= 5 * 100 + 240, "room for the id on one line: {widths:?}");
        // Too narrow for the words: the longest word's column gives way, the id keeps its room.
        let widths = column_widths(&table, 2, 2000);
        assert_eq!(widths.iter().sum::<u32>(), 2000);
        assert_eq!(widths[0], 5 * 100 + 240, "{widths:?}");
    }
}
