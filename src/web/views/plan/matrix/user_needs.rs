//! The user needs the security needs fold into: listed with their text and
//! what folds into them. Folding happens in the matrix (ids typed in a row);
//! here user needs get their words, and are added or removed.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use super::LONG_LIST;
use crate::common::ids::clean_name;
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::inline_add::InlineAdd;
use crate::web::views::common::item_table::ItemTable;
use crate::web::views::common::{derive, or_dash};

#[component]
pub(super) fn UserNeedList() -> impl IntoView {
    let app = app();
    let ids = derive(|p| p.user_needs.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
    let add = move |typed: String| {
        let Some(text) = clean_name(&typed) else { return };
        app.edit(move |p| {
            p.add_user_need(&text);
        });
    };
    // A long list starts folded, and is built only once opened: 100 rows of
    // fields under the matrix cost its first draw about 60 ms.
    let open = RwSignal::new(ids.with_untracked(Vec::len) <= LONG_LIST);
    view! {
        <details class="user-needs-list" prop:open=move || open.get()
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let now = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                if now != open.get_untracked() { open.set(now); }
            }>
        <summary><h3 id="user-needs-title">{move || format!("User needs ({})", ids.with(Vec::len))}</h3></summary>
        <Show when=move || open.get()>
        <p class="hint">"Type user need ids in the matrix to fold a security need into them (“UN-1, UN-4”); a new id adds a user need here. Give each its words for the design history file."</p>
        <InlineAdd id="new-user-need" label="Add a user need" placeholder="e.g. Therapy continues safely during an update"
            button="Add user need" required="Type the user need first, then add it." on_add=add/>
        <ItemTable ids labelled_by="user-needs-title" class="user-needs" columns=&["User need", "Text", "Security needs folded in"]
            row=move |id| view! { <UserNeedRow id/> }/>
        </Show>
        </details>
    }
}

#[component]
fn UserNeedRow(id: String) -> impl IntoView {
    let app = app();
    let text = {
        let id = id.clone();
        derive(move |p| p.user_needs.iter().find(|u| u.id == id).map(|u| u.text.clone()).unwrap_or_default())
    };
    let folded = {
        let id = id.clone();
        derive(move |p| crate::plan::trace::needs_folded_into(p, &id).join("; "))
    };
    let error = FieldError::new();
    let error_id = format!("un-{id}-error");
    let (edit_id, del_id) = (id.clone(), id.clone());
    view! {
        <tr>
            <th scope="row">{id.clone()}</th>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN aria-label=format!("Text of user need {id}") prop:value=move || text.get()
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| {
                        let (v, id) = (event_target_value(&ev), edit_id.clone());
                        error.edit(move |p| if let Some(u) = p.user_need_mut(&id) { u.text = v; });
                    }/>
                {error.view(error_id)}
            </td>
            <td>{move || folded.with(|f| or_dash(f))}</td>
            <td>
                <button type="button" class="icon danger" aria-label=format!("Remove user need {id}") on:click=move |_| {
                    app.ask(Dialog::Confirm {
                        title: format!("Remove user need {del_id}?"),
                        body: "The security needs folded into it are unfolded from it.".into(),
                        action: Confirmed::RemoveUserNeed(del_id.clone()),
                    });
                }>"×"</button>
            </td>
        </tr>
    }
}
