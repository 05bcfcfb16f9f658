//! One need's row of the matrix: its text, user need id, cells and order buttons.

use crate::common::rules::MAX_NAME_LEN;
use std::collections::HashMap;

use leptos::prelude::*;

use super::cells::Cells;
use super::LinkIndex;
use crate::plan::model::SecurityNeed;
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::follow;

/// One need's row. It reads the shared memos through two row signals (see
/// `follow`), so a cell edit wakes one row's cells, and each shared memo has
/// one subscriber per row rather than one per cell.
#[component]
pub(super) fn NeedRow(
    nid: String,
    /// Position among all needs (0-based), announced as the row's index.
    index: usize,
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
    let user_ids = move || need.with(|n| n.as_ref().map(|n| n.user_need_ids.join(", ")).unwrap_or_default());
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
    let (up_id, down_id, del_id, cells_id, fold_id) = (nid.clone(), nid.clone(), nid.clone(), nid.clone(), nid.clone());
    view! {
        <tr aria-rowindex=(index + 2).to_string() data-nid=nid.clone()>
            <th scope="row">
                <span id=format!("nl-{nid}") class="visually-hidden">{move || format!("{},", text())}</span>
                <label for=format!("need-{nid}") class="visually-hidden">"Security need"</label>
                // A text area so that a long need wraps rather than being cut; it is
                // one line of text, so Enter does not add a line break.
                <textarea id=format!("need-{nid}") class="need-text" rows="2" maxlength=MAX_NAME_LEN prop:value=text
                    on:keydown=|ev| if ev.key() == "Enter" { ev.prevent_default(); }
                    on:input=move |ev| { let v = event_target_value(&ev); edit_need(Box::new(move |n| n.text = v)); }></textarea>
            </th>
            <td>
                // Ids separated by commas, kept when the field is left (or on
                // Enter): while typing "UN-1, UN-" there is nothing to keep yet.
                <input type="text" class="user-need" maxlength=MAX_NAME_LEN placeholder="UN-…"
                    aria-label=move || format!("User need ids for “{}”", text())
                    prop:value=user_ids
                    on:change={
                        let nid = fold_id.clone();
                        move |ev| {
                            let (v, nid) = (event_target_value(&ev), nid.clone());
                            app.edit(move |p| p.fold_need(&nid, &v));
                        }
                    }/>
            </td>
            // The cells are our own view (cells.rs); the table handles their clicks and keys.
            {move || Cells {
                nid: cells_id.clone(),
                values: stakeholders.with(|ids| row_links.with(|m| ids.iter().map(|sid| (sid.clone(), m.get(sid).copied())).collect())),
            }}
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
