//! The library: create, import, and act on stored plans.

use leptos::prelude::*;

use super::{app, short_time};
use crate::web::state::Dialog;

#[component]
pub fn PlanList() -> impl IntoView {
    let app = app();
    let new_name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.create(&new_name.get_untracked());
        new_name.set(String::new());
    };
    view! {
        <section class="plan-list" aria-labelledby="plans-title">
            <h1 id="plans-title">"Your plans"</h1>
            <p class="lead">
                "Plan the Concept Phase of the Joint Security Plan (JSP2): project planning, stakeholder security needs, "
                "the security management plan and the risk register. Plans stay in this browser; share them by exporting a file."
            </p>
            <div class="toolbar">
                <form class="create" on:submit=create>
                    <label for="new-plan-name">"New plan name"</label>
                    <input id="new-plan-name" type="text" maxlength="300" placeholder="e.g. Infusion pump 3.2 release"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">"Create plan"</button>
                </form>
                <ImportButton/>
            </div>
            <Show
                when=move || app.library.plans.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty">"No plans yet. Create one, or import a plan file."</p> }
            >
                <table class="plans">
                    <caption class="visually-hidden">"Stored plans, most recently edited first"</caption>
                    <thead><tr><th scope="col">"Plan"</th><th scope="col">"Last edited"</th><th scope="col">"Actions"</th></tr></thead>
                    <tbody>
                        <For each=move || app.library.plans.get() key=|p| (p.id.clone(), p.name.clone(), p.updated_at.clone()) let:plan>
                            <PlanRow id=plan.id name=plan.name updated_at=plan.updated_at/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn PlanRow(id: String, name: String, updated_at: String) -> impl IntoView {
    let app = app();
    let (open_id, rename_id, dup_id, export_id, delete_id) = (id.clone(), id.clone(), id.clone(), id.clone(), id);
    let (rename_name, delete_name) = (name.clone(), name.clone());
    view! {
        <tr>
            <th scope="row">
                <button type="button" class="link plan-name" on:click=move |_| app.open(&open_id)>{name.clone()}</button>
            </th>
            <td>{short_time(&updated_at)}</td>
            <td class="row-actions">
                <button type="button" aria-label=format!("Rename {name}")
                    on:click=move |_| app.ask(Dialog::Rename { id: rename_id.clone(), name: rename_name.clone() })>"Rename"</button>
                <button type="button" aria-label=format!("Duplicate {name}") on:click=move |_| app.duplicate(&dup_id)>"Duplicate"</button>
                <button type="button" aria-label=format!("Export {name}") on:click=move |_| app.export(&export_id)>"Export"</button>
                <button type="button" class="danger" aria-label=format!("Delete {name}")
                    on:click=move |_| app.ask(Dialog::Delete { id: delete_id.clone(), name: delete_name.clone() })>"Delete…"</button>
            </td>
        </tr>
    }
}

/// A button that opens the file picker; the input itself stays hidden.
#[component]
pub fn ImportButton() -> impl IntoView {
    let app = app();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let files = el.files().map(|f| crate::web::files::list(&f)).unwrap_or_default();
        if !files.is_empty() {
            app.import_files(files);
        }
        // Allow picking the same file again.
        el.set_value("");
    };
    // The input's click is dispatched after this handler returns: clicked
    // inside it, the input's own click event would bubble into the delegated
    // handler that is still running ("closure invoked recursively").
    let pick = move |_| {
        if let Some(el) = input.get_untracked() {
            set_timeout(move || el.click(), std::time::Duration::ZERO);
        }
    };
    view! {
        <div class="import">
            <button type="button" on:click=pick>"Import plan files…"</button>
            <input node_ref=input type="file" accept=".json,application/json" multiple class="visually-hidden"
                tabindex="-1" aria-hidden="true" data-testid="import-input" on:change=on_change/>
            <span class="hint">"or drop .json files anywhere on the page"</span>
        </div>
    }
}
