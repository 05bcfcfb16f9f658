//! Small building blocks both documents' views share.

pub mod field;
pub mod inline_add;
pub mod item_table;
pub mod limit;
pub mod name_list;
pub mod report_view;
pub mod row_window;

use leptos::prelude::*;

use crate::plan::model::{Plan, Zone};

/// A memo of one derived value of the open plan; views re-render only when it changes.
pub fn derive<T>(f: impl Fn(&Plan) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let plan = super::open_plan().plan;
    Memo::new(move |_| plan.with(&f))
}

/// Whether a click is the second (or third) of a double-click. A button
/// whose action is done at the first click (a download, issuing a revision)
/// ignores it: double-clicking out of habit must not do the action twice,
/// while two deliberate clicks (further apart than a double-click) still do.
pub fn repeated_click(ev: &web_sys::MouseEvent) -> bool {
    ev.detail() > 1
}

/// A text as tables show it: a dash for nothing.
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

/// A numbered level select (1..=n) with the level names.
pub fn level_options(names: Vec<String>, selected: u8) -> impl IntoView {
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let v = (i + 1) as u8;
            view! { <option value=v.to_string() selected=v == selected>{format!("{v} – {name}")}</option> }
        })
        .collect_view()
}

/// Arrow-key navigation between the buttons of a table's cells: Up/Down move
/// to the same column of the neighbouring row, Left/Right to the neighbouring
/// cell, Home/End to the row's first/last button. Returns true if handled.
pub fn table_arrow_nav(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let Some(cell) = target.closest("td").ok().flatten() else { return false };
    let Some(row) = cell.parent_element() else { return false };
    let index = cell.unchecked_ref::<web_sys::HtmlTableCellElement>().cell_index();
    let button_in = |el: Option<web_sys::Element>| el.and_then(|e| e.query_selector("button").ok().flatten());
    let nth =
        |tr: Option<web_sys::Element>| tr.and_then(|tr| tr.unchecked_into::<web_sys::HtmlTableRowElement>().cells().item(index as u32));
    let dest = match ev.key().as_str() {
        "ArrowUp" => button_in(nth(row.previous_element_sibling())),
        "ArrowDown" => button_in(nth(row.next_element_sibling())),
        "ArrowLeft" => button_in(cell.previous_element_sibling()),
        "ArrowRight" => button_in(cell.next_element_sibling()),
        "Home" => row.query_selector("td button").ok().flatten(),
        "End" => {
            let all = row.query_selector_all("td button").ok();
            all.and_then(|l| l.item(l.length().saturating_sub(1))).and_then(|n| n.dyn_into().ok())
        }
        _ => return false,
    };
    ev.prevent_default();
    if let Some(el) = dest.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    true
}

/// Focus the element with `id` (the browser brings it into view). If it is
/// not in the page yet, e.g. a matrix row just being drawn, try again on the
/// next frame.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    let find = |id: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(el) = find(id) {
        let _ = el.focus();
        return;
    }
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = find(&id) {
            let _ = el.focus();
        }
    });
}

/// A signal that follows `f` but is set only when the value really changes.
///
/// Memos in Leptos mark every downstream effect for a check on each change of
/// their sources; with thousands of cells that check alone costs more than the
/// edit. A signal fed by one effect stops that: cells below it are woken only
/// when their row actually changed.
pub fn follow<T>(f: impl Fn() -> T + Send + Sync + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let (read, write) = signal(untrack(&f));
    Effect::new(move |_| {
        let next = f();
        if read.with_untracked(|v| *v != next) {
            write.set(next);
        }
    });
    read
}

pub fn zone_class(z: Option<Zone>) -> &'static str {
    match z {
        Some(Zone::Acceptable) => "zone-acceptable",
        Some(Zone::Review) => "zone-review",
        Some(Zone::Unacceptable) => "zone-unacceptable",
        None => "zone-none",
    }
}
