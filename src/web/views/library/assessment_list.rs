//! The maturity assessments in the plan list: create one, and open, export
//! or delete those kept here. An assessment is an organisation-level
//! document (how well the whole JSP is performed), kept beside the plans.

use leptos::prelude::*;

use crate::web::views::common::inline_add::InlineAdd;
use crate::web::views::{app, short_time};

#[component]
pub fn AssessmentList() -> impl IntoView {
    let app = app();
    view! {
        <section class="assessment-list" aria-labelledby="assessments-title">
            <h2 id="assessments-title">"Maturity assessments"</h2>
            <p class="lead">
                "How well the organisation performs every activity of the JSP, on a 0–5 scale, where it wants to be, "
                "and the milestones that get it there."
            </p>
            <InlineAdd id="new-assessment-name" label="New assessment name" placeholder="e.g. Product security maturity 2026"
                button="Create assessment" class="create" on_add=move |name| app.create_assessment(&name)/>
            <Show when=move || app.library.assessments.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty">"No assessments yet. Create one, or import an assessment file with “Import plan files…”."</p> }>
                <table class="plans assessments">
                    <caption class="visually-hidden">"Stored maturity assessments, most recently edited first"</caption>
                    <thead><tr>
                        <th scope="col">"Assessment"</th><th scope="col">"Organisation"</th>
                        <th scope="col">"Last edited"</th><th scope="col">"Actions"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || app.library.assessments.get() key=|a| (a.id.clone(), a.name.clone(), a.updated_at.clone()) let:a>
                            <AssessmentRow id=a.id name=a.name organisation=a.organisation updated_at=a.updated_at/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn AssessmentRow(id: String, name: String, organisation: String, updated_at: String) -> impl IntoView {
    let app = app();
    let (open_id, export_id, delete_id) = (id.clone(), id.clone(), id);
    view! {
        <tr>
            <th scope="row">
                <button type="button" class="link plan-name" on:click=move |_| app.open_assessment(&open_id)>{name.clone()}</button>
            </th>
            <td>{crate::web::views::common::or_dash(&organisation)}</td>
            <td>{short_time(&updated_at)}</td>
            <td class="row-actions">
                <button type="button" aria-label=format!("Export {name}") on:click=move |ev: web_sys::MouseEvent| if ev.detail() < 2 { app.export_assessment(&export_id) }>"Export"</button>
                <button type="button" class="danger" aria-label=format!("Delete {name}")
                    on:click=move |_| app.ask_delete_assessment(&delete_id)>"Delete…"</button>
            </td>
        </tr>
    }
}
