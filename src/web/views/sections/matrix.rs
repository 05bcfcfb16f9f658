//! A.2 Voice of the customer: stakeholders, their security needs, and the
//! stakeholder-needs matrix (needs as rows, stakeholders as columns).
//!
//! Cells are buttons: click or Space/Enter cycles none -> relevant -> critical;
//! keys 0, 1 and 2 set a value directly; arrow keys move between cells.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::library::{clean_name, new_id};
use crate::model::{move_by, Relevance, SecurityNeed, Stakeholder};
use crate::web::browser::entropy;
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::{derive, focus_id, follow, table_arrow_nav};
use crate::web::views::name_list::{NameList, NamedItems};

/// One need's row of the matrix: stakeholder id -> relevance. Shared, so a
/// row takes its part of the index without copying it.
type RowLinks = Arc<HashMap<String, Relevance>>;
/// need id -> its row: one lookup per cell, rebuilt once per change.
type LinkIndex = HashMap<String, RowLinks>;

#[component]
pub fn StakeholderSection() -> impl IntoView {
    view! {
        <section aria-labelledby="a2-title">
            <h2 id="a2-title">"A.2 Voice of the customer"</h2>
            <p class="hint">"Each stakeholder group brings security needs. Mark how much each need matters to each group, then fold every need into a user need."</p>
            <StakeholderList/>
            <NeedMatrix/>
        </section>
    }
}

const STAKEHOLDERS: NamedItems = NamedItems {
    noun: "stakeholder",
    items: |p| p.stakeholders.iter().map(|s| (s.id.clone(), s.name.clone())).collect(),
    rename: |p, id, name| {
        if let Some(s) = p.stakeholders.iter_mut().find(|s| s.id == id) {
            s.name = name;
        }
    },
    reorder: |p, id, delta| {
        move_by(&mut p.stakeholders, id, delta);
    },
    add: |p, name| p.stakeholders.push(Stakeholder { id: new_id("sh", entropy()), name, description: String::new() }),
    remove: Confirmed::RemoveStakeholder,
    remove_note: "Their column of the matrix is removed too.",
};

#[component]
fn StakeholderList() -> impl IntoView {
    view! {
        <h3>"Stakeholders"</h3>
        <NameList kind=STAKEHOLDERS placeholder="e.g. Home caregivers"/>
    }
}

#[component]
fn NeedMatrix() -> impl IntoView {
    let app = app();
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
    let new_need = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = clean_name(&new_need.get_untracked()) else {
            return;
        };
        let id = new_id("nd", entropy());
        app.edit(move |p| p.needs.push(SecurityNeed { id, text, user_need_ref: None }));
        new_need.set(String::new());
    };
    let accept_examples = move |_| {
        let mut added = 0;
        app.edit(|p| added = p.accept_example_needs());
        let msg = if added == 0 {
            "All of the JSP’s example needs are already in the plan.".to_string()
        } else {
            format!("Added {added} example needs from the JSP.")
        };
        app.notify(crate::web::state::NoticeKind::Info, msg);
    };
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
    let region = NodeRef::<leptos::html::Div>::new();
    let view_window = Window::new(region, shown_ids);
    Effect::new(move |_| {
        find.track();
        view_window.to_top();
    });

    view! {
        <h3 id="matrix-title">"Security needs by stakeholder"</h3>
        <div class="toolbar">
            <form class="inline-add" on:submit=add>
                <label for="new-need">"Add a security need"</label>
                <input id="new-need" type="text" maxlength="300" placeholder="e.g. Audit log of remote sessions"
                    prop:value=move || new_need.get() on:input=move |ev| new_need.set(event_target_value(&ev))/>
                <button type="submit">"Add need"</button>
            </form>
            <button type="button" on:click=accept_examples>"Add the JSP’s example needs"</button>
            <div class="inline-add find">
                <label for="find-need">"Find needs"</label>
                <input id="find-need" type="search" maxlength="300" placeholder="Words in a need or user need id"
                    prop:value=move || find.get() on:input=move |ev| find.set(event_target_value(&ev))/>
            </div>
        </div>
        <p class="count-line" role="status">{move || {
            let (shown, all) = (shown_ids.with(Vec::len), need_ids.with(Vec::len));
            if shown == all { String::new() } else { format!("{shown} of {all} needs match “{}”.", find.get().trim()) }
        }}</p>
        <p class="legend" id="matrix-legend">
            "Cells: " <span class="rel rel-none">"·"</span> " none, " <span class="rel rel-relevant">"R"</span> " relevant, "
            <span class="rel rel-critical">"C"</span> " critical. Click or press Space to change; 0, 1, 2 set a value; arrow keys move."
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-title" node_ref=region
            on:scroll=move |_| view_window.on_scroll()>
            <table class="matrix" id="need-matrix" aria-describedby="matrix-legend"
                aria-rowcount=move || (shown_ids.with(Vec::len) + 1).to_string()>
                <colgroup>
                    <col class="need-col"/>
                    <col class="ref-col"/>
                    <For each=move || stakeholders.get() key=|id| id.clone() let:_sid>
                        <col class="stakeholder-col"/>
                    </For>
                    <col class="order-col"/>
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">"Security need"</th>
                        <th scope="col">"User need"</th>
                        <For each=move || stakeholders.get() key=|id| id.clone() let:sid>
                            <th scope="col" class="col-head" id=format!("sl-{sid}")>{ let sid = sid.clone(); move || stakeholder_name(&sid) }<span class="visually-hidden">","</span></th>
                        </For>
                        <th scope="col">"Order"</th>
                    </tr>
                </thead>
                <tbody>
                    <Spacer rows=Signal::derive(move || view_window.range().0) row_px=view_window.row_px stakeholders/>
                    <For each=move || { let (a, b) = view_window.range(); shown_ids.with(|ids| ids[a..b].iter().cloned().enumerate().map(|(i, id)| (a + i, id)).collect::<Vec<_>>()) }
                        key=|(i, id)| (*i, id.clone()) let:row>
                        <NeedRow nid=row.1 index=row.0 need_ids=shown_ids stakeholders needs links/>
                    </For>
                    <Spacer rows=Signal::derive(move || shown_ids.with(Vec::len).saturating_sub(view_window.range().1)) row_px=view_window.row_px stakeholders/>
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

/// Rows drawn beyond the visible part of the matrix, above and below.
const OVERSCAN: usize = 6;

/// Only the rows near the visible part of the matrix are in the page; the
/// rest are stood in for by two spacer rows of the same height. A 50 x 200
/// matrix is 10,000 cells; laying all of them out took the browser seconds.
#[derive(Clone, Copy)]
struct Window {
    region: NodeRef<leptos::html::Div>,
    scroll_top: RwSignal<f64>,
    height: RwSignal<f64>,
    /// Height of one need row in pixels, measured once rows are drawn.
    row_px: RwSignal<f64>,
    range: Memo<(usize, usize)>,
}

impl Window {
    fn new(region: NodeRef<leptos::html::Div>, need_ids: Memo<Vec<String>>) -> Self {
        // Until measured: the region's maximum height, 75% of the window (style/main.css).
        let initial = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).map_or(800.0, |h| h * 0.75);
        let (scroll_top, height, row_px) = (RwSignal::new(0.0_f64), RwSignal::new(initial), RwSignal::new(46.0_f64));
        let range = Memo::new(move |_| {
            let n = need_ids.with(Vec::len);
            let px = row_px.get().max(1.0);
            // OVERSCAN rows each side of the visible ones (none above the first).
            let top = (scroll_top.get() / px) as usize;
            let visible = (height.get() / px).ceil() as usize;
            (top.saturating_sub(OVERSCAN).min(n), (top + visible + OVERSCAN).min(n))
        });
        let window = Window { region, scroll_top, height, row_px, range };
        Effect::new(move |_| {
            range.track();
            request_animation_frame(move || window.measure());
        });
        window
    }

    fn range(self) -> (usize, usize) {
        self.range.get()
    }

    /// Back to the first row, e.g. when the rows shown change.
    fn to_top(self) {
        if let Some(el) = self.region.get_untracked() {
            el.set_scroll_top(0);
        }
        self.scroll_top.set(0.0);
    }

    fn on_scroll(self) {
        if let Some(el) = self.region.get_untracked() {
            self.scroll_top.set(f64::from(el.scroll_top()));
        }
    }

    /// Take the real row height and region height from the page.
    fn measure(self) {
        use wasm_bindgen::JsCast;
        // This runs a frame after it was asked for: by then the section may
        // be gone (N pressed quickly in workshop mode) and its signals disposed.
        let Some(Some(el)) = self.region.try_get_untracked() else {
            return;
        };
        if self.row_px.try_get_untracked().is_none() || self.height.try_get_untracked().is_none() {
            return;
        }
        let height = f64::from(el.client_height());
        if height > 0.0 && (height - self.height.get_untracked()).abs() > 1.0 {
            self.height.set(height);
        }
        let row = el.query_selector("tbody tr[aria-rowindex]").ok().flatten();
        if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
            let px = f64::from(row.offset_height());
            if px > 0.0 && (px - self.row_px.get_untracked()).abs() > 0.5 {
                self.row_px.set(px);
            }
        }
    }
}

/// A row standing in for `rows` need rows that are not drawn.
#[component]
fn Spacer(rows: Signal<usize>, row_px: RwSignal<f64>, stakeholders: Memo<Vec<String>>) -> impl IntoView {
    view! {
        <tr class="spacer" aria-hidden="true">
            <td colspan=move || (stakeholders.with(Vec::len) + 3).to_string()
                // Whole pixels: formatting an f64 would pull float printing into the wasm.
                style:height=move || format!("{}px", (rows.get() as f64 * row_px.get()).round() as u64)></td>
        </tr>
    }
}

/// One need's row. It reads the shared memos through two row signals (see
/// `follow`), so a cell edit wakes one row's cells, and each shared memo has
/// one subscriber per row rather than one per cell.
#[component]
fn NeedRow(
    nid: String,
    /// Position among all needs (0-based), announced as the row's index.
    index: usize,
    need_ids: Memo<Vec<String>>,
    stakeholders: Memo<Vec<String>>,
    needs: Memo<HashMap<String, SecurityNeed>>,
    links: Memo<LinkIndex>,
) -> impl IntoView {
    let app = app();
    let need = {
        let nid = nid.clone();
        follow(move || needs.with(|m| m.get(&nid).cloned()))
    };
    let row_links = {
        let nid = nid.clone();
        follow(move || links.with(|m| m.get(&nid).cloned().unwrap_or_default()))
    };
    let text = move || need.with(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default());
    let user_ref = move || need.with(|n| n.as_ref().and_then(|n| n.user_need_ref.clone()).unwrap_or_default());
    let edit_need = {
        let nid = nid.clone();
        move |f: Box<dyn FnOnce(&mut SecurityNeed)>| {
            let nid = nid.clone();
            app.edit(move |p| {
                if let Some(n) = p.needs.iter_mut().find(|n| n.id == nid) {
                    f(n);
                }
            });
        }
    };
    let edit_ref = edit_need.clone();
    let (up_id, down_id, del_id, cells_id) = (nid.clone(), nid.clone(), nid.clone(), nid.clone());
    view! {
        <tr aria-rowindex=(index + 2).to_string()>
            <th scope="row">
                <span id=format!("nl-{nid}") class="visually-hidden">{move || format!("{},", text())}</span>
                <label for=format!("need-{nid}") class="visually-hidden">"Security need"</label>
                <input id=format!("need-{nid}") type="text" class="need-text" maxlength="300" prop:value=text
                    on:input=move |ev| { let v = event_target_value(&ev); edit_need(Box::new(move |n| n.text = v)); }/>
            </th>
            <td>
                <input type="text" class="user-need" maxlength="300" placeholder="UN-…"
                    aria-label=move || format!("User need id for “{}”", text())
                    prop:value=user_ref
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_ref(Box::new(move |n| n.user_need_ref = (!v.trim().is_empty()).then_some(v)));
                    }/>
            </td>
            // A plain map rather than a keyed <For>: the cells are rebuilt only
            // when the stakeholders change, and skipping For's per-item
            // bookkeeping makes a screenful of 50-cell rows paint sooner.
            {move || stakeholders.with(|ids| ids.iter().cloned().map(|sid| {
                    let nid = cells_id.clone();
                    let value = { let sid = sid.clone(); move || row_links.with(|m| m.get(&sid).copied()) };
                    let set = { let (nid, sid) = (nid.clone(), sid.clone()); move |v: Option<Relevance>| {
                        let (nid, sid) = (nid.clone(), sid.clone());
                        app.edit(move |p| p.set_relevance(&sid, &nid, v));
                    } };
                    let (set_key, value_key, value_class, value_state) = (set.clone(), value.clone(), value.clone(), value);
                    // The accessible name is "need, stakeholder, state": the row and column
                    // headers, then the button's own aria-label. The symbol is drawn by CSS
                    // from the class, so an edit changes two attributes and no text, which
                    // keeps the browser from laying out again (see style/main.css).
                    let own_id = format!("st-{nid}-{sid}");
                    let (nid_key, sid_key) = (nid.clone(), sid.clone());
                    view! {
                        <td class="cell">
                            <button type="button" id=own_id.clone() class=move || format!("rel {}", rel_class(value_class()))
                                aria-labelledby=format!("nl-{nid} sl-{sid} {own_id}")
                                aria-label=move || value_state().map_or("none", Relevance::label).to_lowercase()
                                on:click=move |_| set(Relevance::cycle(value_key()))
                                on:keydown=move |ev| {
                                    // Up and down go by need, since the next row may not be drawn yet.
                                    let up = match ev.key().as_str() { "ArrowUp" => Some(true), "ArrowDown" => Some(false), _ => None };
                                    if let Some(up) = up {
                                        ev.prevent_default();
                                        let target = need_ids.with_untracked(|ids| {
                                            let i = ids.iter().position(|x| *x == nid_key)?;
                                            ids.get(if up { i.checked_sub(1)? } else { i + 1 }).cloned()
                                        });
                                        if let Some(t) = target { focus_id(&format!("st-{t}-{sid_key}")); }
                                        return;
                                    }
                                    if table_arrow_nav(&ev) { return; }
                                    let v = match ev.key().as_str() {
                                        "0" => None,
                                        "1" => Some(Relevance::Relevant),
                                        "2" => Some(Relevance::Critical),
                                        _ => return,
                                    };
                                    ev.prevent_default();
                                    set_key(v);
                                }>
                            </button>
                        </td>
                    }
                }).collect_view())}
            <td class="row-actions">
                <button type="button" class="icon" aria-label=move || format!("Move “{}” up", text())
                    on:click=move |_| { let id = up_id.clone(); app.edit(move |p| { move_by(&mut p.needs, &id, -1); }); }>"↑"</button>
                <button type="button" class="icon" aria-label=move || format!("Move “{}” down", text())
                    on:click=move |_| { let id = down_id.clone(); app.edit(move |p| { move_by(&mut p.needs, &id, 1); }); }>"↓"</button>
                <button type="button" class="icon danger" aria-label=move || format!("Remove need “{}”", text())
                    on:click=move |_| {
                        app.ask(Dialog::Confirm {
                            title: format!("Remove the need “{}”?", text()),
                            body: "Its row of the matrix and its links from risk entries are removed too.".into(),
                            action: Confirmed::RemoveNeed(del_id.clone()),
                        });
                    }>"×"</button>
            </td>
        </tr>
    }
}

fn rel_class(v: Option<Relevance>) -> &'static str {
    match v {
        None => "rel-none",
        Some(Relevance::Relevant) => "rel-relevant",
        Some(Relevance::Critical) => "rel-critical",
    }
}
