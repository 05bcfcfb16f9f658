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

use crate::web::views::common::row_window::MoreRows;

use super::zone_class;
use crate::plan::model::Zone;
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Table, Tone};

/// The document's parts, in order.
pub fn document_view(doc: &Document) -> impl IntoView {
    doc.parts.iter().map(part_view).collect_view()
}

/// The parts of a document that is built again as its plan changes: a part
/// that reads the same as before keeps what is drawn (typing the document
/// id redraws the cover, not a 4,000-entry register).
pub fn parts_view(parts: Signal<Vec<(u64, std::sync::Arc<Part>)>>) -> impl IntoView {
    view! { <For each=move || parts.get() key=|(version, _)| *version let:item>{part_view(&item.1)}</For> }
}

/// `next` in place of `last` for [`parts_view`]: each part equal to the one
/// at its place in `last` keeps its version, any other gets a new one.
pub fn renumber(last: &[(u64, std::sync::Arc<Part>)], next: Vec<Part>) -> Vec<(u64, std::sync::Arc<Part>)> {
    thread_local! {
        static VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    next.into_iter()
        .enumerate()
        .map(|(i, part)| match last.get(i) {
            Some((version, same)) if **same == part => (*version, std::sync::Arc::clone(same)),
            _ => (VERSION.replace(VERSION.get() + 1) + 1, std::sync::Arc::new(part)),
        })
        .collect()
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

fn table_view(t: &Table) -> AnyView {
    if t.rows.len() * t.header.len().max(1) > LONG_TABLE_CELLS {
        return long_table(t).into_any();
    }
    view! {
        <table class=format!("report-table report-{}", t.kind)>
            {head_view(t)}
            <tbody>{rows_view(&t.rows)}</tbody>
        </table>
    }
    .into_any()
}

fn head_view(t: &Table) -> impl IntoView {
    let narrow = narrow_from(t.kind);
    let head = t.header.iter().enumerate().map(|(i, h)| {
        let h = h.clone();
        if narrow.is_some_and(|from| i >= from) {
            view! { <th scope="col" class="col-head"><span class="col-name">{h}</span></th> }.into_any()
        } else {
            view! { <th scope="col">{h}</th> }.into_any()
        }
    });
    view! { <thead><tr>{head.collect_view()}</tr></thead> }
}

fn rows_view(rows: &[Vec<Cell>]) -> impl IntoView {
    rows.iter().map(|row| view! { <tr>{row.iter().map(cell_view).collect_view()}</tr> }).collect_view()
}

/// A table of more cells than this draws its first rows at once and the
/// rest as the reader scrolls to them ([`long_table`]). A 4,000-entry
/// register drawn whole took the browser 9 s to open the report, most of it
/// laying out rows far below the screen.
const LONG_TABLE_CELLS: usize = 3000;

/// About this many cells are drawn at a time: a step of a long table.
const STEP_CELLS: usize = 1500;

/// A long table: a first step of rows, then a step more each time the line
/// under the table comes near the screen. Printing prints every row: before
/// the print the rows not yet drawn go into a last row group of their own,
/// which the print takes away again.
fn long_table(t: &Table) -> impl IntoView {
    use std::sync::Arc;
    let rows: Arc<[Vec<Cell>]> = t.rows.clone().into();
    let total = rows.len();
    let step = (STEP_CELLS / t.header.len().max(1)).max(10);
    let shown = RwSignal::new(step.min(total));
    let rest = NodeRef::<leptos::html::Tbody>::new();
    print_whole(rest, shown, Arc::clone(&rows));
    let chunk = move |i: usize| {
        let rows = Arc::clone(&rows);
        view! { <tbody>{rows_view(&rows[i * step..((i + 1) * step).min(total)])}</tbody> }
    };
    view! {
        <table class=format!("report-table report-{}", t.kind)>
            {head_view(t)}
            <For each=move || 0..shown.get().div_ceil(step) key=|i| *i let:i>{chunk(i)}</For>
            <tbody class="print-rest" node_ref=rest></tbody>
        </table>
        <MoreRows drawn=shown step total=move || total what="Rows" rest=" Printing, Markdown and Word hold them all."/>
    }
}

/// Before a print, put the rows of `rows` not yet drawn (from `shown` on)
/// into `rest`, drawn at once (the print follows the event without waiting
/// for the app's next update); after it, take them away.
fn print_whole(rest: NodeRef<leptos::html::Tbody>, shown: RwSignal<usize>, rows: std::sync::Arc<[Vec<Cell>]>) {
    use wasm_bindgen::JsCast;
    let printed: StoredValue<Option<Box<dyn std::any::Any>>, LocalStorage> = StoredValue::new_local(None);
    let before = window_event_listener_untyped("beforeprint", move |_| {
        let (Some(el), Some(from)) = (rest.get_untracked(), shown.try_get_untracked()) else { return };
        if from >= rows.len() || printed.with_value(Option::is_some) {
            return;
        }
        let rows = std::sync::Arc::clone(&rows);
        let handle = leptos::mount::mount_to(el.unchecked_into(), move || rows_view(&rows[from..]));
        printed.set_value(Some(Box::new(handle)));
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        printed.try_update_value(Option::take);
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
        printed.try_update_value(Option::take);
    });
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
