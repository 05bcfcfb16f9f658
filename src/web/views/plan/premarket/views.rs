//! The four architecture views FDA's premarket guidance asks for, as a
//! checklist: what each shows for this product, where it lives, its status.

use leptos::prelude::*;

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::plan::model::{Scope, ViewKind, ViewStatus, ViewText};
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::field::FieldError;

#[component]
pub fn ArchitectureViews() -> impl IntoView {
    let maintenance = derive(|p| p.project.scope == Some(Scope::Maintenance));
    view! {
        <h3 id="views-title">"Architecture views"</h3>
        <p class="hint">"The four views the premarket submission shows. Say what each shows for this product and where it lives (a document id)."</p>
        <Show when=move || maintenance.get()>
            <p class="why">"A maintenance release keeps the product’s architecture views, unless the change alters the architecture."</p>
        </Show>
        <div class="table-scroll">
            <table class="views" aria-labelledby="views-title">
                <thead><tr>
                    <th scope="col">"View"</th>
                    <th scope="col">"What it shows for this product"</th>
                    <th scope="col">"Where it lives"</th>
                    <th scope="col">"Status"</th>
                </tr></thead>
                <tbody>{ViewKind::ALL.into_iter().map(|v| view! { <ViewRow view=v/> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn ViewRow(view: ViewKind) -> impl IntoView {
    let app = app();
    let shows = derive(move |p| p.premarket.architecture.get(view).shows.clone());
    let location = derive(move |p| p.premarket.architecture.get(view).location.clone());
    let status = derive(move |p| Some(p.premarket.architecture.get(view).status));
    let (shows_error, location_error) = (FieldError::new(), FieldError::new());
    let key = view.key();
    let (shows_err_id, location_err_id) = (format!("view-{key}-shows-error"), format!("view-{key}-location-error"));
    view! {
        <tr data-view-row=key>
            <th scope="row">{view.label()}<span class="hint desk-only">{view.hint()}</span></th>
            <td>
                <textarea rows="2" maxlength=MAX_TEXT_LEN data-view=key aria-label=format!("What the {} view shows", view.label())
                    prop:value=move || shows.get() aria-invalid=shows_error.invalid() aria-describedby=shows_err_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); shows_error.edit(move |p| p.set_view_text(view, ViewText::Shows, v)); }></textarea>
                {shows_error.view(shows_err_id.clone())}
            </td>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN placeholder="e.g. ARC-0012 rev B" aria-label=format!("Where the {} view lives", view.label())
                    prop:value=move || location.get() aria-invalid=location_error.invalid() aria-describedby=location_err_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); location_error.edit(move |p| p.set_view_text(view, ViewText::Location, v)); }/>
                {location_error.view(location_err_id.clone())}
            </td>
            <td>
                <select aria-label=format!("Status of the {} view", view.label()) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = ViewStatus::ALL.into_iter().find(|s| s.label() == v) { app.edit(move |p| p.set_view_status(view, s)); }
                }>
                    {ViewStatus::ALL.map(|s| view! { <option value=s.label() selected=move || status.get() == Some(s)>{s.label()}</option> }).collect_view()}
                </select>
            </td>
        </tr>
    }
}
