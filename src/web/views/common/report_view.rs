//! A [`Document`] on screen and on paper: each block to its HTML element,
//! with the class names `style/main.css` gives the report (print breaks a
//! page before each part and lays a landscape part on a wide page).
//!
//! Every word of the document is a text node: nothing here parses or
//! injects HTML, so the plan's text can never become markup.
//!
//! Wrap the result in an element with class `report` (as the Report section
//! does) for the report's styles.

use leptos::prelude::*;

use super::zone_class;
use crate::plan::model::Zone;
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Table, Tone};

/// The document's parts, in order.
pub fn document_view(doc: &Document) -> impl IntoView {
    doc.parts.iter().map(part_view).collect_view()
}

/// The cover is the document's title page (its title is the one `h1`); every
/// other part is a section whose title is an `h2`.
fn part_view(part: &Part) -> AnyView {
    if part.key == PartKey::Cover {
        // The scene-setting line reads above the title, as on a title page.
        let (kickers, rest): (Vec<&Block>, Vec<&Block>) = part.blocks.iter().partition(|b| matches!(b, Block::Kicker(_)));
        return view! {
            <header class="report-cover">
                {kickers.into_iter().map(|b| block_view(b, 1)).collect_view()}
                <h1 class="report-title">{part.title.clone()}</h1>
                {rest.into_iter().map(|b| block_view(b, 1)).collect_view()}
            </header>
        }
        .into_any();
    }
    let class = match part.orientation {
        Orientation::Portrait => "report-part",
        Orientation::Landscape => "report-part wide",
    };
    view! {
        <section class=class>
            <h2>{part.title.clone()}</h2>
            {part.blocks.iter().map(|b| block_view(b, 2)).collect_view()}
        </section>
    }
    .into_any()
}

/// One block; `title_level` is the level of its part's title, under which
/// the block's headings sit.
fn block_view(block: &Block, title_level: u8) -> AnyView {
    match block {
        Block::Heading { level, text } => heading(title_level + level.saturating_sub(1).max(1), text.clone()),
        Block::Paragraph(text) => view! { <p class="prose">{text.clone()}</p> }.into_any(),
        Block::Kicker(text) => view! { <p class="kicker">{text.clone()}</p> }.into_any(),
        Block::Facts(pairs) => view! {
            <dl class="facts">
                {pairs.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
        }
        .into_any(),
        Block::List(items) => view! {
            <ul class="report-list">
                {items.iter().map(|i| view! { <li>{strong_then_text(&i.strong, &i.text)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Block::Checklist(items) => view! {
            <ul class="checklist">
                {items.iter().map(|(done, label)| view! { <li>{if *done { "☑ " } else { "☐ " }}{label.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Block::Table(t) => table_view(t).into_any(),
    }
}

fn heading(level: u8, text: String) -> AnyView {
    match level {
        ..=2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        4 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}

/// A list item's or a cell's emphasised start, then its text.
fn strong_then_text(strong: &str, text: &str) -> impl IntoView {
    let text = match (strong.is_empty(), text.is_empty()) {
        (_, true) => None,
        (true, false) => Some(text.to_string()),
        (false, false) => Some(format!(" {text}")),
    };
    let strong = (!strong.is_empty()).then(|| view! { <strong>{strong.to_string()}</strong> });
    (strong, text)
}

fn table_view(t: &Table) -> impl IntoView {
    let narrow = narrow_from(t.kind);
    let head = t.header.iter().enumerate().map(|(i, h)| {
        let h = h.clone();
        if narrow.is_some_and(|from| i >= from) {
            view! { <th scope="col" class="col-head"><span class="col-name">{h}</span></th> }.into_any()
        } else {
            view! { <th scope="col">{h}</th> }.into_any()
        }
    });
    view! {
        <table class=format!("report-table report-{}", t.kind)>
            <thead><tr>{head.collect_view()}</tr></thead>
            <tbody>
                {t.rows.iter().map(|row| view! { <tr>{row.iter().map(cell_view).collect_view()}</tr> }).collect_view()}
            </tbody>
        </table>
    }
}

/// Where a table's columns become one per stakeholder or activity: their
/// names are set on their side so that many fit across the page.
fn narrow_from(kind: &str) -> Option<usize> {
    match kind {
        "matrix" => Some(2),
        "raci" => Some(1),
        _ => None,
    }
}

fn cell_view(c: &Cell) -> AnyView {
    // With both, the text is the detail under the emphasised words (a grid
    // cell's zone, then its risks).
    let content = if c.strong.is_empty() || c.text.is_empty() {
        strong_then_text(&c.strong, &c.text).into_any()
    } else {
        view! { <strong>{c.strong.clone()}</strong><span class="cell-text">{c.text.clone()}</span> }.into_any()
    };
    if c.row_header {
        view! { <th scope="row" class=tone_class(c.tone)>{content}</th> }.into_any()
    } else {
        view! { <td class=tone_class(c.tone)>{content}</td> }.into_any()
    }
}

/// The CSS classes of a colour hint: the zone colours of the grid and the
/// relevance colours of the needs matrix.
pub(crate) fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "",
        Tone::Acceptable => zone_class(Some(Zone::Acceptable)),
        Tone::Review => zone_class(Some(Zone::Review)),
        Tone::Unacceptable => zone_class(Some(Zone::Unacceptable)),
        Tone::Unset => zone_class(None),
        Tone::Critical => "rel-critical",
        Tone::Relevant => "rel-relevant",
    }
}

/// Name the document at the foot of every printed page (style/main.css reads
/// --page-footer in @page), or stop naming it. Set through the CSSOM, which
/// the Content-Security-Policy allows.
pub(crate) fn set_page_footer(line: Option<String>) {
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let style = root.unchecked_into::<web_sys::HtmlElement>().style();
    let _ = match line {
        Some(line) => style.set_property("--page-footer", &css_string(&line)),
        None => style.remove_property("--page-footer").map(|_| ()),
    };
}

/// `s` as a CSS string: quoted, with backslashes and quotes escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
