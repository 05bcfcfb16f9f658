//! The needs matrix: toolbar, find, and the windowed table of need rows.

use crate::common::rules::MAX_NAME_LEN;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::row::NeedRow;
use super::LinkIndex;
use crate::common::ids::clean_name;
use crate::plan::model::Relevance;
use crate::web::state::NoticeKind;
use crate::web::views::app;
use crate::web::views::common::inline_add::InlineAdd;
use crate::web::views::common::row_window::{RowWindow, Spacer};
use crate::web::views::common::{derive, table_arrow_nav};

/// The needs matrix: needs as rows (only those drawn near the screen),
/// stakeholders as columns, under its toolbar.
#[component]
pub(super) fn NeedMatrix() -> impl IntoView {
    let stakeholders = derive(|p| p.stakeholders.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let stakeholder_names = derive(|p| p.stakeholders.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<HashMap<_, _>>());
    let need_ids = derive(|p| p.needs.iter().map(|n| n.id.clone()).collect::<Vec<_>>());
    let needs = derive(|p| p.needs.iter().map(|n| (n.id.clone(), n.clone())).collect::<HashMap<_, _>>());
    let links = derive(|p| {
        let mut index: HashMap<&str, HashMap<String, Relevance>> = HashMap::new();
        for l in &p.need_links {
            index.entry(&l.need_id).or_default().insert(l.stakeholder_id.clone(), l.relevance);
        }
        index.into_iter().map(|(k, row)| (k.to_string(), Arc::new(row))).collect::<LinkIndex>()
    });
    let stakeholder_name = move |id: &str| stakeholder_names.with(|m| m.get(id).cloned().unwrap_or_default());
    // Rows outside the drawn window are not in the page, so the browser's own
    // find cannot see them: this filter searches every need.
    let find = RwSignal::new(String::new());
    let shown_ids = Memo::new(move |_| {
        let needle = find.with(|f| f.trim().to_lowercase());
        if needle.is_empty() {
            return need_ids.get();
        }
        needs.with(|m| need_ids.with(|ids| ids.iter().filter(|id| m.get(*id).is_some_and(|n| n.matches(&needle))).cloned().collect()))
    });
    // Need text, user need id, one per stakeholder, order.
    let columns = Signal::derive(move || stakeholders.with(Vec::len) + 3);
    let region = NodeRef::<leptos::html::Div>::new();
    let view_window = RowWindow::new(region, move || shown_ids.with(Vec::len));
    // The need an arrow key last moved to, until its cell has focus.
    let wanted = StoredValue::new(None::<String>);
    // Back to the top when the search changes; not when the matrix is first
    // drawn, where it is already at the top and setting the scroll position
    // would make the browser lay out the half-built page at once.
    Effect::new(move |first: Option<()>| {
        find.track();
        if first.is_some() {
            view_window.to_top();
        }
    });

    view! {
        <h3 id="matrix-title">"Security needs by stakeholder"</h3>
        <MatrixToolbar find/>
        <p class="count-line" role="status">{move || {
            let (shown, all) = (shown_ids.with(Vec::len), need_ids.with(Vec::len));
            if shown == all { String::new() } else { format!("{shown} of {all} needs match “{}”.", find.get().trim()) }
        }}</p>
        <p class="legend" id="matrix-legend">
            "Cells: " <span class="rel rel-none">"·"</span> " none, " <span class="rel rel-relevant">"R"</span> " relevant, "
            <span class="rel rel-critical">"C"</span> " critical. Click or press Space to change; 0, 1, 2 set a value; arrow keys move."
        </p>
        <div class="table-scroll matrix-region" tabindex="0" role="region" aria-labelledby="matrix-title" node_ref=region data-artefact
            on:scroll=move |_| view_window.on_scroll()>
            <table class="matrix" id="need-matrix" aria-describedby="matrix-legend"
                style:--stakeholders=move || stakeholders.with(Vec::len).to_string()
                on:click=move |ev| { wanted.set_value(None); cell_click(&ev, links) }
                on:keydown=move |ev| cell_key(&ev, shown_ids, view_window, wanted)
                aria-rowcount=move || (shown_ids.with(Vec::len) + 1).to_string()>
                <colgroup>
                    <col class="need-col"/>
                    <col class="ref-col"/>
                    <For each=move || stakeholders.get() key=|id| id.clone() let:sid>
                        // A custom property set through the CSSOM: the Content-Security-Policy refuses style attributes.
                        <col class="stakeholder-col" style:--lines=move || header_lines(&stakeholder_name(&sid)).to_string()/>
                    </For>
                    <col class="order-col"/>
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">"Security need"</th>
                        <th scope="col">"User need"</th>
                        <For each=move || stakeholders.get() key=|id| id.clone() let:sid>
                            <th scope="col" class="col-head" id=format!("sl-{sid}")><span class="col-name">{ let sid = sid.clone(); move || stakeholder_name(&sid) }</span><span class="visually-hidden">","</span></th>
                        </For>
                        <th scope="col">"Order"</th>
                    </tr>
                </thead>
                <tbody>
                    <Spacer rows=Signal::derive(move || view_window.range().0) row_px=view_window.row_px columns/>
                    <For each=move || { let (a, b) = view_window.range(); shown_ids.with(|ids| ids[a..b].iter().cloned().enumerate().map(|(i, id)| (a + i, id)).collect::<Vec<_>>()) }
                        key=|(i, id)| (*i, id.clone()) let:row>
                        <NeedRow nid=row.1 index=row.0 stakeholders needs links/>
                    </For>
                    <Spacer rows=Signal::derive(move || shown_ids.with(Vec::len).saturating_sub(view_window.range().1)) row_px=view_window.row_px columns/>
                </tbody>
            </table>
        </div>
        <Show when=move || need_ids.with(Vec::is_empty)>
            <p class="empty">"No security needs yet. Add one above, or start from the JSP’s examples."</p>
        </Show>
        <Show when=move || shown_ids.with(Vec::is_empty) && !need_ids.with(Vec::is_empty)>
            <p class="empty">"No need matches. Clear “Find needs” to see them all."</p>
        </Show>
    }
}

/// Above the matrix: adding a need, or the JSP's example needs, and `find`,
/// the words the matrix shows only the needs with.
#[component]
fn MatrixToolbar(find: RwSignal<String>) -> impl IntoView {
    let app = app();
    let add = move |typed: String| {
        let Some(text) = clean_name(&typed) else { return };
        app.edit(move |p| {
            p.add_need(text);
        });
    };
    let accept_examples = move |_| {
        let mut added = 0;
        app.edit(|p| added = p.accept_example_needs());
        let msg = if added == 0 {
            "All of the JSP’s example needs are already in the plan.".to_string()
        } else {
            format!("Added {added} example needs from the JSP.")
        };
        app.notify(NoticeKind::Info, msg);
    };
    view! {
        <div class="toolbar">
            <InlineAdd id="new-need" label="Add a security need" placeholder="e.g. Audit log of remote sessions" button="Add need"
                required="Type the security need first, then add it." on_add=add/>
            <button type="button" on:click=accept_examples>"Add the JSP’s example needs"</button>
            <div class="inline-add find">
                <label for="find-need">"Find needs"</label>
                <input id="find-need" type="search" maxlength=MAX_NAME_LEN placeholder="Words in a need or user need id"
                    prop:value=move || find.get() on:input=move |ev| find.set(event_target_value(&ev))/>
            </div>
        </div>
    }
}

/// Characters per line of a header turned on its side (style/main.css gives
/// such a line 8em, about 12 characters; fewer are counted, to be safe).
const SIDEWAYS_LINE: usize = 10;

/// A stakeholder column's size for its name, as the CSS variable `--lines`
/// the stylesheet reads: how many lines the name takes with the header turned
/// on its side, wrapping only at spaces (a word longer than a line is a line).
pub(super) fn header_lines(name: &str) -> usize {
    let words: Vec<usize> = name.split_whitespace().map(|w| w.chars().count()).collect();
    let longest = words.iter().copied().max().unwrap_or(1);
    let line = SIDEWAYS_LINE.max(longest);
    let mut lines = 1;
    let mut used = 0;
    for w in words {
        if used > 0 && used + 1 + w > line {
            lines += 1;
            used = w;
        } else {
            used += if used > 0 { 1 + w } else { w };
        }
    }
    lines
}

/// The need and stakeholder of the matrix cell an event came from, if any.
fn cell_of(ev: &web_sys::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let button = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if button.tag_name() != "BUTTON" || !button.class_list().contains("rel") {
        return None;
    }
    let sid = button.get_attribute("data-sid")?;
    let nid = button.closest("tr").ok()??.get_attribute("data-nid")?;
    Some((nid, sid))
}

/// Focus the cell `id` of need `nid` once its row is drawn (trying for up
/// to `frames` more frames), unless a later key has asked for another need.
fn focus_when_drawn(id: String, nid: String, wanted: StoredValue<Option<String>>, frames: u8) {
    use wasm_bindgen::JsCast;
    if wanted.try_with_value(|w| w.as_deref() != Some(nid.as_str())).unwrap_or(true) {
        return;
    }
    let cell = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
    if let Some(cell) = cell.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = cell.focus();
        wanted.set_value(None);
    } else if frames > 0 {
        request_animation_frame(move || focus_when_drawn(id, nid, wanted, frames - 1));
    } else {
        wanted.set_value(None);
    }
}

fn relevance(links: Memo<LinkIndex>, nid: &str, sid: &str) -> Option<Relevance> {
    links.with_untracked(|m| m.get(nid).and_then(|row| row.get(sid)).copied())
}

fn set_cell(nid: String, sid: String, v: Option<Relevance>) {
    app().edit(move |p| p.set_relevance(&sid, &nid, v));
}

/// Click (and Space or Enter, which click a button) cycles none -> relevant -> critical.
fn cell_click(ev: &leptos::ev::MouseEvent, links: Memo<LinkIndex>) {
    if let Some((nid, sid)) = cell_of(ev) {
        let next = Relevance::cycle(relevance(links, &nid, &sid));
        set_cell(nid, sid, next);
    }
}

/// 0, 1 and 2 set a cell; arrow keys, Home and End move between cells.
fn cell_key(ev: &leptos::ev::KeyboardEvent, shown: Memo<Vec<String>>, window: RowWindow, wanted: StoredValue<Option<String>>) {
    let Some((nid, sid)) = cell_of(ev) else { return };
    // Up and down go by need, since the next row may not be drawn yet.
    let up = match ev.key().as_str() {
        "ArrowUp" => Some(true),
        "ArrowDown" => Some(false),
        _ => None,
    };
    if let Some(up) = up {
        ev.prevent_default();
        // Keys come faster than rows are drawn: step from the need the last
        // key asked for, not from the cell that still has focus.
        let from = wanted.get_value();
        let target = shown.with_untracked(|ids| {
            let at = |id: &str| ids.iter().position(|x| x == id);
            let i = from.as_deref().and_then(at).or_else(|| at(&nid))?;
            let j = if up { i.checked_sub(1)? } else { i + 1 };
            ids.get(j).map(|id| (j, id.clone()))
        });
        if let Some((index, t)) = target {
            wanted.set_value(Some(t.clone()));
            window.reveal(index);
            focus_when_drawn(format!("st-{t}-{sid}"), t, wanted, 10);
        }
        return;
    }
    wanted.set_value(None);
    if table_arrow_nav(ev) {
        return;
    }
    let v = match ev.key().as_str() {
        "0" => None,
        "1" => Some(Relevance::Relevant),
        "2" => Some(Relevance::Critical),
        _ => return,
    };
    ev.prevent_default();
    set_cell(nid, sid, v);
}
