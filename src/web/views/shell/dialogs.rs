//! Modal questions, shown in a native `<dialog>` so focus is trapped and Escape cancels.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::state::{Dialog, RestoreItem};
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
            Dialog::Restore { file_name, items } => view! { <RestoreDialog file_name items/> }.into_any(),
            Dialog::Rename { id, name } => view! { <RenameDialog id name/> }.into_any(),
            Dialog::Delete { id, name } => view! { <DeleteDialog id name/> }.into_any(),
            Dialog::ImportConflict { incoming, existing_name, comparison } => {
                view! { <ImportConflictDialog incoming=*incoming existing_name comparison/> }.into_any()
            }
            Dialog::ReplaceUnreadable { incoming, key } => view! { <ReplaceUnreadableDialog incoming=*incoming key/> }.into_any(),
            Dialog::DiscardUnreadable { key } => view! { <DiscardDialog key/> }.into_any(),
            Dialog::Confirm { title, body, action } => view! { <ConfirmDialog title body action/> }.into_any(),
        })
    }
}

/// A modal dialog that opens when mounted and closes the app's dialog on Escape.
#[component]
pub(crate) fn Modal(title: String, children: Children) -> impl IntoView {
    let app = app();
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
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

/// Which plans of a backup to restore: each with how it stands against the
/// copy here; new and newer ones are ticked, identical ones cannot be.
#[component]
fn RestoreDialog(file_name: String, items: Vec<RestoreItem>) -> impl IntoView {
    let app = app();
    let chosen = RwSignal::new(items.iter().map(|i| i.standing.restore_by_default()).collect::<Vec<bool>>());
    let count = move || chosen.with(|c| c.iter().filter(|x| **x).count());
    let plans: Vec<crate::plan::model::Plan> = items.iter().map(|i| (*i.plan).clone()).collect();
    let restore = move |_| {
        let picked = chosen.with_untracked(|c| plans.iter().zip(c).filter(|(_, on)| **on).map(|(p, _)| p.clone()).collect::<Vec<_>>());
        close();
        app.restore(picked);
    };
    view! {
        <Modal title=format!("Restore plans from “{file_name}”")>
            <p>"Choose the plans to restore. A restored plan replaces the copy in this browser; the others stay as they are."</p>
            <ul class="restore-list">
                {items.into_iter().enumerate().map(|(i, item)| {
                    let id = format!("restore-{i}");
                    let can = item.standing.changes_something();
                    view! {
                        <li class=format!("restore-item standing-{:?}", item.standing).to_lowercase()>
                            <input type="checkbox" id=id.clone() disabled=!can
                                prop:checked=move || chosen.with(|c| c[i])
                                on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| c[i] = on); }/>
                            <label for=id>
                                <span class="plan-name">{item.plan.name.clone()}</span>
                                <span class="standing">{item.standing.label()}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="actions">
                <button type="button" class="primary" disabled=move || count() == 0 on:click=restore>
                    {move || match count() { 1 => "Restore 1 plan".to_string(), n => format!("Restore {n} plans") }}
                </button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
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
fn ImportConflictDialog(incoming: crate::plan::model::Plan, existing_name: String, comparison: String) -> impl IntoView {
    let app = app();
    let (replace, keep) = (incoming.clone(), incoming.clone());
    view! {
        <Modal title="This plan is already in your library".to_string()>
            <p>"The file holds “" {incoming.name.clone()} "”, the same plan as your “" {existing_name} "”."</p>
            <p class="import-comparison">{comparison}</p>
            <p>"Replace your copy with the file’s, or keep both as separate plans?"</p>
            <div class="actions">
                {app.can_merge(&incoming.id).then(|| {
                    // The merge runs in the editor's part of the app: fetch it while the user reads.
                    crate::web::editor::with_parts(|_| {}, || {});
                    let theirs = incoming.clone();
                    view! { <button type="button" class="primary" on:click=move |_| { close(); app.merge_file(theirs.clone()); }>"Merge…"</button> }
                })}
                <button type="button" class="danger" on:click=move |_| { close(); app.import_replace(replace.clone()); }>"Replace mine"</button>
                <button type="button" class="primary" autofocus on:click=move |_| { close(); app.import_keep_both(keep.clone()); }>"Keep both"</button>
                <button type="button" on:click=move |_| close()>"Cancel import"</button>
            </div>
        </Modal>
    }
}

/// The file is a plan whose stored copy cannot be read: the file can take its place.
#[component]
fn ReplaceUnreadableDialog(incoming: crate::plan::model::Plan, key: String) -> impl IntoView {
    let app = app();
    let download_key = key.clone();
    view! {
        <Modal title="Replace the unreadable copy?".to_string()>
            <p>
                "The file holds “" {incoming.name.clone()} "”. This browser has a copy of the same plan that cannot be read. "
                "Replace that copy with the file’s? Download the unreadable text first if it may hold work the file does not."
            </p>
            <div class="actions">
                <button type="button" class="primary" autofocus on:click=move |_| { close(); app.import_replace(incoming.clone()); }>"Replace it with the file’s copy"</button>
                <button type="button" on:click=move |_| app.download_unreadable(&download_key)>"Download the unreadable text"</button>
                <button type="button" on:click=move |_| close()>"Cancel import"</button>
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
