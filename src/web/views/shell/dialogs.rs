//! Modal questions, shown in a native `<dialog>` so focus is trapped and Escape cancels.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::state::Dialog;
use crate::web::views::app;

#[component]
pub fn Dialogs() -> impl IntoView {
    let app = app();
    move || {
        app.ui.dialog().map(|d| match d {
            // Drawn by the editor's part of the app, which merge_file loaded before asking.
            Dialog::Merge { theirs, merge, from_tab } => match crate::web::editor::parts() {
                Some(parts) => (parts.merge_dialog)(*theirs, *merge, from_tab),
                None => ().into_any(),
            },
            Dialog::Rename { id, name } => view! { <RenameDialog id name/> }.into_any(),
            Dialog::Delete { id, name } => view! { <DeleteDialog id name/> }.into_any(),
            // Asked only by an import, which the editor's part carries out.
            d @ (Dialog::Restore { .. } | Dialog::ImportConflict { .. } | Dialog::ReplaceUnreadable { .. }) => {
                match crate::web::editor::parts() {
                    Some(parts) => (parts.import_dialog)(d),
                    None => ().into_any(),
                }
            }
            Dialog::DiscardUnreadable { key } => view! { <DiscardDialog key/> }.into_any(),
            Dialog::Confirm { title, body, action } => view! { <ConfirmDialog title body action/> }.into_any(),
        })
    }
}

/// A node for a `<dialog>` that opens as a modal once it is in the page.
pub(crate) fn modal_when_mounted() -> NodeRef<leptos::html::Dialog> {
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    node
}

/// A modal dialog that opens when mounted and closes the app's dialog on Escape.
#[component]
pub(crate) fn Modal(title: String, children: Children) -> impl IntoView {
    let app = app();
    let node = modal_when_mounted();
    view! {
        <dialog node_ref=node aria-labelledby="dialog-title" class="modal"
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); app.ui.close_dialog(); }>
            <h2 id="dialog-title">{title}</h2>
            {children()}
        </dialog>
    }
}

pub(crate) fn close() {
    app().ui.close_dialog();
}

#[component]
fn RenameDialog(id: String, name: String) -> impl IntoView {
    let app = app();
    let value = RwSignal::new(name.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.rename(&id, &value.get_untracked());
        close();
    };
    view! {
        <Modal title=format!("Rename “{name}”")>
            <form on:submit=submit>
                <label for="rename-input">"New name"</label>
                <input id="rename-input" type="text" maxlength=MAX_NAME_LEN required autofocus
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                <div class="actions">
                    <button type="submit" class="primary">"Rename"</button>
                    <button type="button" on:click=move |_| close()>"Cancel"</button>
                </div>
            </form>
        </Modal>
    }
}

#[component]
fn DeleteDialog(id: String, name: String) -> impl IntoView {
    let app = app();
    view! {
        <Modal title=format!("Delete “{name}”?")>
            <p>"The plan is removed from this browser. This cannot be undone; export it first if you may need it again."</p>
            <div class="actions">
                <button type="button" class="danger" on:click=move |_| { app.delete(&id); close(); }>"Delete plan"</button>
                <button type="button" autofocus on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
}

#[component]
fn DiscardDialog(key: String) -> impl IntoView {
    let app = app();
    view! {
        <Modal title="Discard the unreadable entry?".to_string()>
            <p>"Its raw text is deleted from this browser. Download it first if it may hold work you need."</p>
            <div class="actions">
                <button type="button" class="danger" on:click=move |_| { app.discard_unreadable(&key); close(); }>"Discard"</button>
                <button type="button" autofocus on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
}

#[component]
fn ConfirmDialog(title: String, body: String, action: crate::web::state::Confirmed) -> impl IntoView {
    let app = app();
    view! {
        <Modal title>
            <p>{body}</p>
            <div class="actions">
                <button type="button" class="danger" on:click=move |_| { close(); app.confirmed(action.clone()); }>"Yes, go ahead"</button>
                <button type="button" autofocus on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
}
