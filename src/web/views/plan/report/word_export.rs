//! "Download Word document…": a chooser of the report's parts, with the two
//! choices most wanted as quick buttons (the whole plan; the Security
//! Management Plan alone), then the .docx built in the browser.
//!
//! The dialog is this component's own `<dialog>` rather than one of the
//! app's dialogs (`views/dialogs.rs`): those are drawn by the first part of
//! the app, and the Word writer lives in the editor's part, loaded on
//! demand, so the first screen carries none of it.

use leptos::prelude::*;

use crate::plan::model::Plan;
use crate::plan::report::{self, ALL_PARTS, MANAGEMENT_PLAN_PARTS};
use crate::report::{docx, PartKey};
use crate::web::files;
use crate::web::state::NoticeKind;
use crate::web::views::{app, open_plan};

#[component]
pub fn WordExport() -> impl IntoView {
    let plan = open_plan().plan;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::Button>::new();
    let chosen = RwSignal::new(ALL_PARTS.to_vec());
    // The parts' names as the report gives them, read when the dialog opens.
    let names = RwSignal::new(Vec::<(PartKey, String)>::new());
    let open = move |_| {
        names.set(plan.with_untracked(part_names));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // However it closes (Escape, Cancel, after the download), focus goes back to the button.
    let closed = move |_| {
        if let Some(b) = opener.get() {
            let _ = b.focus();
        }
    };
    let download = move |_| {
        let parts = chosen.with_untracked(|c| in_report_order(c));
        plan.with_untracked(|p| save(p, &parts));
        close();
    };
    view! {
        <button type="button" node_ref=opener aria-haspopup="dialog" on:click=open>"Download Word document…"</button>
        <dialog node_ref=dialog class="modal word-export" aria-labelledby="word-export-title" on:close=closed>
            <h2 id="word-export-title">"Download a Word document"</h2>
            <p>"A .docx with Word’s heading styles, for your quality system’s template. It is made in this browser; nothing is sent anywhere."</p>
            <div class="actions" role="group" aria-label="Quick choices">
                <button type="button" aria-pressed=move || (chosen.with(|c| same(c, ALL_PARTS))).to_string()
                    on:click=move |_| chosen.set(ALL_PARTS.to_vec())>"Whole plan"</button>
                <button type="button" aria-pressed=move || (chosen.with(|c| same(c, MANAGEMENT_PLAN_PARTS))).to_string()
                    on:click=move |_| chosen.set(MANAGEMENT_PLAN_PARTS.to_vec())>"Security Management Plan only"</button>
            </div>
            <fieldset class="word-parts">
                <legend>"Parts to include"</legend>
                {move || names.get().into_iter().map(|(key, name)| {
                    let id = format!("word-part-{key:?}").to_lowercase();
                    view! {
                        <div class="word-part">
                            <input type="checkbox" id=id.clone() prop:checked=move || chosen.with(|c| c.contains(&key))
                                on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| toggle(c, key, on)); }/>
                            <label for=id>{name}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="actions">
                <button type="button" class="primary" disabled=move || chosen.with(Vec::is_empty) on:click=download>"Download .docx"</button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}

/// Each part of the whole report with the name the user knows it by.
fn part_names(p: &Plan) -> Vec<(PartKey, String)> {
    let doc = report::build(p, &p.revisions(), ALL_PARTS);
    doc.parts
        .into_iter()
        .map(|part| match part.key {
            // The cover's own title is the plan's name.
            PartKey::Cover => (part.key, "Cover (document control, approvals, attendees, deliverables)".to_string()),
            key => (key, part.title),
        })
        .collect()
}

/// Build the document of `parts` and offer it as `<plan name>.docx`.
fn save(p: &Plan, parts: &[PartKey]) {
    let bytes = docx::render(&report::build(p, &p.revisions(), parts));
    let name = if p.name.trim().is_empty() { &p.document.document_id } else { &p.name };
    let suffix = if same(parts, MANAGEMENT_PLAN_PARTS) { "-security-management-plan.docx" } else { ".docx" };
    let file = files::file_name(name, suffix);
    match files::download_bytes(&file, docx::MIME, &bytes) {
        Ok(()) => app().notify(NoticeKind::Info, format!("Downloaded {file}.")),
        Err(why) => app().notify(NoticeKind::Error, format!("The download failed: {why}")),
    }
}

fn same(chosen: &[PartKey], parts: &[PartKey]) -> bool {
    chosen.len() == parts.len() && parts.iter().all(|p| chosen.contains(p))
}

fn toggle(chosen: &mut Vec<PartKey>, key: PartKey, on: bool) {
    chosen.retain(|k| *k != key);
    if on {
        chosen.push(key);
    }
}

/// The chosen parts in the report's own order, whatever order they were ticked in.
fn in_report_order(chosen: &[PartKey]) -> Vec<PartKey> {
    ALL_PARTS.iter().copied().filter(|k| chosen.contains(k)).collect()
}
