//! The questions an import asks (a plan already here, an unreadable copy
//! to replace, which plans of a backup to restore). Only an import asks
//! them, and imports run in the editor's part of the app, so these are
//! drawn from there ([`crate::web::editor::EditorParts::import_dialog`]).

use leptos::prelude::*;

use super::dialogs::{close, Modal};
use crate::web::state::{Dialog, RestoreItem};
use crate::web::views::app;

/// Draw an import's question (any other dialog draws nothing).
pub fn draw(dialog: Dialog) -> AnyView {
    match dialog {
        Dialog::Restore { file_name, items } => view! { <RestoreDialog file_name items/> }.into_any(),
        Dialog::ImportConflict { incoming, existing_name, comparison } => {
            view! { <ImportConflictDialog incoming=*incoming existing_name comparison/> }.into_any()
        }
        Dialog::ReplaceUnreadable { incoming, key } => view! { <ReplaceUnreadableDialog incoming=*incoming key/> }.into_any(),
        _ => ().into_any(),
    }
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
