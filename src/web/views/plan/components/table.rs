//! The register table: one row per component the filters show, drawing only
//! the rows in view of its scrolling box (a 5,000-component register would
//! otherwise take seconds to lay out), with arrow keys between rows.

use std::sync::Arc;

use leptos::prelude::*;

use super::Rows;
use crate::app::components::ComponentQuery;
use crate::plan::model::{Component, SupportLevel};
use crate::web::views::common::row_window::{RowWindow, Spacer};
use crate::web::views::common::{focus_id, or_dash};

/// The table's columns: component, version, supplier, licence, kind,
/// support, end of support, monitoring, notes, risks, actions.
const COLUMNS: usize = 11;

#[component]
pub(super) fn ComponentTable(
    rows: Memo<Rows>,
    shown: Memo<Rows>,
    query: RwSignal<ComponentQuery>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let region = NodeRef::<leptos::html::Div>::new();
    let window = RowWindow::new(region, move || shown.with(|s| s.0.len()));
    // Back to the top when the filters change (not on the first draw, which is there already).
    Effect::new(move |first: Option<()>| {
        query.track();
        if first.is_some() {
            window.to_top();
        }
    });
    let total = move || rows.with(|r| r.0.len());
    let count = move || match (shown.with(|s| s.0.len()), total()) {
        (_, 0) => String::new(),
        (n, all) if n == all => format!("{} components.", crate::common::words::thousands(all)),
        (n, all) => format!("{} of {} components shown.", crate::common::words::thousands(n), crate::common::words::thousands(all)),
    };
    let drawn = move || {
        let (a, b) = window.range();
        shown.with(|s| s.0[a..b].iter().enumerate().map(|(i, c)| (a + i, Arc::clone(c))).collect::<Vec<_>>())
    };
    view! {
        <p class="count-line" role="status">{count}</p>
        <div class="table-scroll components-region" tabindex="0" role="region" aria-labelledby="components-caption" node_ref=region
            data-artefact on:scroll=move |_| window.on_scroll() on:keydown=move |ev| row_key(&ev, shown, selected)>
            <table class="components" aria-rowcount=move || (shown.with(|s| s.0.len()) + 1).to_string()>
                <caption id="components-caption" class="visually-hidden">"Third-party components"</caption>
                <thead><tr aria-rowindex="1">
                    <th scope="col">"Component"</th><th scope="col">"Version"</th><th scope="col">"Supplier"</th>
                    <th scope="col" class="desk-only">"Licence"</th><th scope="col" class="desk-only">"Kind"</th>
                    <th scope="col">"Support"</th><th scope="col">"End of support"</th><th scope="col">"Monitoring"</th>
                    <th scope="col" class="desk-only">"Notes"</th><th scope="col">"Risks"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    <Spacer rows=Signal::derive(move || window.range().0) row_px=window.row_px columns=Signal::stored(COLUMNS)/>
                    <For each=drawn key=|(i, c)| (*i, c.id.clone(), Arc::as_ptr(c) as usize) let:row>
                        {row_view(row.0, row.1, selected)}
                    </For>
                    <Spacer rows=Signal::derive(move || shown.with(|s| s.0.len()).saturating_sub(window.range().1)) row_px=window.row_px columns=Signal::stored(COLUMNS)/>
                </tbody>
            </table>
        </div>
        <Show when=move || total() == 0>
            <p class="empty">"No components yet. Import the product’s SBOM, or add a component above."</p>
        </Show>
        <Show when=move || (total() > 0) && shown.with(|s| s.0.is_empty())>
            <p class="empty">"No component matches. Choose “All components” and clear “Find components” to see them all."</p>
        </Show>
    }
}

/// One component's row. Its cells are one line each (the stylesheet cuts
/// longer texts), so every row has the height the window measures.
fn row_view(index: usize, c: Arc<Component>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let id = c.id.clone();
    let title = c.title();
    let monitoring = [&c.monitoring.source, &c.monitoring.frequency, &c.monitoring.who]
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let (edit_id, remove_id, sel_id) = (id.clone(), id.clone(), id.clone());
    let (edit_title, remove_title) = (title.clone(), title.clone());
    view! {
        <tr aria-rowindex=(index + 2).to_string() data-component=id.clone()
            class:selected=move || selected.with(|s| s.as_deref() == Some(sel_id.as_str()))>
            <th scope="row"><span class="cmp-id">{id.clone()}</span>" "{name_with_group(&c)}</th>
            <td>{or_dash(&c.version)}</td>
            <td>{or_dash(&c.supplier)}</td>
            <td class="desk-only">{or_dash(&c.licence)}</td>
            <td class="desk-only">{c.kind.label()}</td>
            <td><span class=format!("badge {}", support_class(c.support))>{c.support.label()}</span></td>
            <td>{or_dash(&c.end_of_support)}</td>
            <td>{or_dash(&monitoring)}</td>
            <td class="desk-only">{or_dash(&c.notes)}</td>
            <td>{if c.risk_ids.is_empty() { "—".to_string() } else { c.risk_ids.join(", ") }}</td>
            <td class="row-actions">
                <button type="button" id=format!("cmp-edit-{id}") data-component=id.clone() aria-label=format!("Edit {id} {edit_title}")
                    on:click=move |_| {
                        selected.set(Some(edit_id.clone()));
                        focus_id("component-name");
                    }>"Edit"</button>
                <button type="button" class="danger" aria-label=format!("Remove {id} {remove_title}")
                    on:click=move |_| remove(&remove_id)>"Remove"</button>
            </td>
        </tr>
    }
}

fn name_with_group(c: &Component) -> String {
    match c.group.trim() {
        "" => c.name.clone(),
        group => format!("{group}/{}", c.name),
    }
}

pub(super) fn support_class(s: SupportLevel) -> &'static str {
    match s {
        SupportLevel::ActivelyMaintained => "support-active",
        SupportLevel::NoLongerMaintained => "support-ended",
        SupportLevel::Abandoned => "support-abandoned",
        SupportLevel::Unknown => "support-unknown",
    }
}

/// Remove a component at once (Ctrl+Z brings it back, as the notice says),
/// and put the focus on the row that takes its place.
pub(super) fn remove(id: &str) {
    let app = crate::web::views::app();
    let Some((title, next)) = app
        .session
        .with_plan(|p| {
            let at = p.components.iter().position(|c| c.id == id)?;
            let next = p.components.get(at + 1).or_else(|| at.checked_sub(1).and_then(|i| p.components.get(i))).map(|c| c.id.clone());
            Some((p.components[at].title(), next))
        })
        .flatten()
    else {
        return;
    };
    let gone = id.to_string();
    app.edit(move |p| p.remove_component(&gone));
    app.notify(
        crate::web::state::NoticeKind::Info,
        format!("Removed {id} {}. Ctrl+Z (⌘Z on a Mac) brings it back.", crate::common::words::isolate(&title)),
    );
    // Once the rows after it are drawn again (their positions changed).
    let to = next.map_or_else(|| "new-component".to_string(), |next| format!("cmp-edit-{next}"));
    request_animation_frame(move || focus_id(&to));
}

/// Up and Down move between the rows' Edit buttons by component (the next
/// row may not be drawn yet: focusing it scrolls it into view); Left, Right,
/// Home and End between a row's buttons; Escape closes the editor.
fn row_key(ev: &leptos::ev::KeyboardEvent, shown: Memo<Rows>, selected: RwSignal<Option<String>>) {
    use wasm_bindgen::JsCast;
    let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|e| e.tag_name() == "BUTTON") else {
        return;
    };
    let Some(id) = button.closest("tr").ok().flatten().and_then(|tr| tr.get_attribute("data-component")) else { return };
    let up = match ev.key().as_str() {
        "ArrowUp" => true,
        "ArrowDown" => false,
        "Escape" => {
            selected.set(None);
            return;
        }
        key @ ("ArrowLeft" | "ArrowRight" | "Home" | "End") => {
            // Between the row's buttons (Edit, Remove), which share a cell.
            ev.prevent_default();
            let Some(list) = button.closest("tr").ok().flatten().and_then(|tr| tr.query_selector_all("button").ok()) else { return };
            let buttons: Vec<web_sys::HtmlElement> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
            let at = buttons.iter().position(|b| b.is_same_node(Some(&button))).unwrap_or(0);
            let to = match key {
                "ArrowLeft" => at.saturating_sub(1),
                "ArrowRight" => (at + 1).min(buttons.len().saturating_sub(1)),
                "Home" => 0,
                _ => buttons.len().saturating_sub(1),
            };
            if let Some(b) = buttons.get(to) {
                let _ = b.focus();
            }
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    let target = shown.with_untracked(|s| {
        let i = s.0.iter().position(|c| c.id == id)?;
        s.0.get(if up { i.checked_sub(1)? } else { i + 1 }).map(|c| c.id.clone())
    });
    if let Some(t) = target {
        focus_id(&format!("cmp-edit-{t}"));
    }
}
