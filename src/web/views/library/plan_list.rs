//! The library: create, import, and act on stored plans.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::state::Dialog;
use crate::web::views::{app, short_time};

#[component]
pub fn PlanList() -> impl IntoView {
    let app = app();
    let new_name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The name stays typed: the plan opens in place of the list once
        // created, and if it cannot be (the editor's part cannot be
        // downloaded, storage is full) the name is still there to try again.
        app.create(&new_name.get_untracked());
    };
    // Which kinds of document the list shows.
    let kind = RwSignal::new(String::from("all"));
    let shows = move |k: &str| kind.with(|v| v == "all" || v == k);
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
                    <input id="new-plan-name" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Infusion pump 3.2 release"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">"Create plan"</button>
                </form>
                <ImportButton/>
                // Opens a file on disk and keeps it linked: all of it in the editor's part.
                <button type="button" on:click=move |_| crate::web::editor::with_parts(move |p| (p.open_file)(app), || ())>"Open file…"</button>
                <Show when=move || app.library.plans.with(|l| !l.is_empty()) || app.library.assessments.with(|l| !l.is_empty())>
                    <button type="button" on:click=move |_| app.back_up_all()>"Back up all plans"</button>
                </Show>
                <KindFilter kind/>
            </div>
            <BackupStatus/>
            <div hidden=move || !shows("plans")>
            <Show
                when=move || app.library.plans.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty">"No plans yet. Create one, or import a plan file."</p> }
            >
                <table class="plans">
                    <caption class="visually-hidden">"Stored plans, most recently edited first"</caption>
                    <thead><tr><th scope="col">"Plan"</th><th scope="col">"Last edited"</th><th scope="col">"Last saved to a file"</th><th scope="col">"Actions"</th></tr></thead>
                    <tbody>
                        <For each=move || app.library.plans.get() key=|p| (p.id.clone(), p.name.clone(), p.updated_at.clone()) let:plan>
                            <PlanRow id=plan.id name=plan.name updated_at=plan.updated_at/>
                        </For>
                    </tbody>
                </table>
            </Show>
            </div>
        </section>
        <div hidden=move || !shows("assessments")>
            <super::assessment_list::AssessmentList/>
        </div>
    }
}

/// Plans, maturity assessments, or both.
#[component]
fn KindFilter(kind: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field compact kind-select">
            <label for="library-kind">"Show"</label>
            <select id="library-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="all">"Plans and maturity assessments"</option>
                <option value="plans">"Plans only"</option>
                <option value="assessments">"Maturity assessments only"</option>
            </select>
        </div>
    }
}

#[component]
fn PlanRow(id: String, name: String, updated_at: String) -> impl IntoView {
    let app = app();
    let (open_id, rename_id, dup_id, export_id, covered_id, delete_id) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id);
    let (rename_name, delete_name) = (name.clone(), name.clone());
    view! {
        <tr>
            <th scope="row">
                <button type="button" class="link plan-name" on:click=move |_| app.open(&open_id)>{name.clone()}</button>
            </th>
            <td>{short_time(&updated_at)}</td>
            <td>{move || app.library.covered.with(|c| c.get(&covered_id).map_or_else(|| "Never".to_string(), |t| short_time(t)))}</td>
            <td class="row-actions">
                <button type="button" aria-label=format!("Rename {name}")
                    on:click=move |_| app.ask(Dialog::Rename { id: rename_id.clone(), name: rename_name.clone() })>"Rename"</button>
                <button type="button" aria-label=format!("Duplicate {name}") on:click=move |_| app.duplicate(&dup_id)>"Duplicate"</button>
                <button type="button" aria-label=format!("Export {name}") on:click=move |ev: web_sys::MouseEvent| if ev.detail() < 2 { app.export(&export_id) }>"Export"</button>
                <button type="button" class="danger" aria-label=format!("Delete {name}")
                    on:click=move |_| app.ask(Dialog::Delete { id: delete_id.clone(), name: delete_name.clone() })>"Delete…"</button>
            </td>
        </tr>
    }
}

/// Days of edits without a backup before the plan list reminds.
const REMIND_AFTER_DAYS: i64 = 3;

/// How safe the plans are: a reminder after days of edits without a backup,
/// the storage they use, and whether the browser promised to keep it.
#[component]
fn BackupStatus() -> impl IntoView {
    let app = app();
    let due = Memo::new(move |_| {
        let now = crate::web::browser::now();
        app.library.covered.with(|covered| {
            app.library.plans.with(|plans| {
                let rows = plans.iter().map(|p| (p.created_at.as_str(), p.updated_at.as_str(), covered.get(&p.id).map(String::as_str)));
                crate::app::backup::reminder_due(rows, &now, REMIND_AFTER_DAYS)
            })
        })
    });
    let used = Memo::new(move |_| {
        app.library.plans.track();
        app.library.covered.track();
        crate::web::storage::bytes_used()
    });
    let persisted = RwSignal::new(None::<bool>);
    crate::web::offline::ask_persistent_storage(persisted);
    view! {
        <Show when=move || due.get()>
            <p class="reminder" role="status">
                "Some plans have changed since they were last saved to a file, " {REMIND_AFTER_DAYS.to_string()} " or more days ago. "
                "Back up all plans to keep a copy outside this browser."
            </p>
        </Show>
        <p class="storage-line">
            {move || format!("Your plans use {} of this browser’s storage. ", crate::common::words::human_bytes(used.get()))}
            {move || match persisted.get() {
                Some(true) => "The browser keeps them until you clear this site’s data.",
                Some(false) => "The browser may clear them when space runs low: keep backups.",
                None => "",
            }}
        </p>
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
    let pick = move |_| {
        if let Some(el) = input.get_untracked() {
            crate::web::files::open_picker(el);
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
