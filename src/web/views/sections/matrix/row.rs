//! One need's row of the matrix: its text, user need id, cells and order buttons.

use super::*;

/// One need's row. It reads the shared memos through two row signals (see
/// `follow`), so a cell edit wakes one row's cells, and each shared memo has
/// one subscriber per row rather than one per cell.
#[component]
pub(super) fn NeedRow(
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
                if let Some(n) = p.need_mut(&nid) {
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
                // A text area so that a long need wraps rather than being cut; it is
                // one line of text, so Enter does not add a line break.
                <textarea id=format!("need-{nid}") class="need-text" rows="2" maxlength="300" prop:value=text
                    on:keydown=|ev| if ev.key() == "Enter" { ev.prevent_default(); }
                    on:input=move |ev| { let v = event_target_value(&ev); edit_need(Box::new(move |n| n.text = v)); }></textarea>
            </th>
            <td>
                <input type="text" class="user-need" maxlength="300" placeholder="UN-…"
                    aria-label=move || format!("User need id for “{}”", text())
                    prop:value=user_ref
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_ref(Box::new(move |n| n.set_user_need(v)));
                    }/>
            </td>
            // A plain map rather than a keyed <For>: the cells are rebuilt only
            // when the stakeholders change, and skipping For's per-item
            // bookkeeping makes a screenful of 50-cell rows paint sooner.
            {move || stakeholders.with(|ids| ids.iter().map(|sid| {
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
                    on:click=move |_| { let id = up_id.clone(); app.edit(move |p| p.move_need(&id, -1)); }>"↑"</button>
                <button type="button" class="icon" aria-label=move || format!("Move “{}” down", text())
                    on:click=move |_| { let id = down_id.clone(); app.edit(move |p| p.move_need(&id, 1)); }>"↓"</button>
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

pub(super) fn rel_class(v: Option<Relevance>) -> &'static str {
    match v {
        None => "rel-none",
        Some(Relevance::Relevant) => "rel-relevant",
        Some(Relevance::Critical) => "rel-critical",
    }
}
