//! The people in the workshop, each with the organisation or function they
//! come from and the RACI role they hold: the attendance record of the
//! controlled document.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::common::ids::new_id;
use crate::web::browser::entropy;
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::item_table::ItemTable;

#[component]
pub fn Attendees() -> impl IntoView {
    let app = app();
    let ids = derive(|p| p.document.attendees.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
    let roles = derive(|p| p.roles.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>());
    let (name, organisation, role) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = crate::common::ids::clean_name(&name.get_untracked()) else { return };
        let (o, r) = (organisation.get_untracked(), role.get_untracked());
        let id = new_id("at", entropy());
        app.edit(move |p| p.add_attendee(id, &n, &o, (!r.is_empty()).then_some(r)));
        name.set(String::new());
        organisation.set(String::new());
    };
    view! {
        <h3 id="attendees-title">{move || format!("Attendees ({})", ids.with(Vec::len))}</h3>
        <form class="inline-add attendee-add" on:submit=add>
            <label for="new-attendee">"Add an attendee"</label>
            <input id="new-attendee" type="text" maxlength=MAX_NAME_LEN placeholder="Name"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="new-attendee-org" class="visually-hidden">"Organisation or function of the new attendee"</label>
            <input id="new-attendee-org" type="text" maxlength=MAX_NAME_LEN placeholder="Organisation or function"
                prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev))/>
            <label for="new-attendee-role" class="visually-hidden">"Role of the new attendee"</label>
            <select id="new-attendee-role" on:change=move |ev| role.set(event_target_value(&ev))>
                <option value="">"No RACI role"</option>
                {move || roles.get().into_iter().map(|(id, n)| view! { <option value=id.clone() selected={ let id = id.clone(); move || role.get() == id }>{n}</option> }).collect_view()}
            </select>
            <button type="submit">"Add attendee"</button>
        </form>
        <ItemTable ids labelled_by="attendees-title" class="attendees" columns=&["Name", "Organisation or function", "RACI role"]
            empty="No attendees recorded yet." row=move |id| view! { <AttendeeRow id roles/> }/>
    }
}

#[component]
fn AttendeeRow(id: String, roles: Memo<Vec<(String, String)>>) -> impl IntoView {
    let app = app();
    let attendee = {
        let id = id.clone();
        derive(move |p| p.document.attendees.iter().find(|a| a.id == id).cloned())
    };
    let name = move || attendee.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let organisation = move || attendee.with(|a| a.as_ref().map(|a| a.organisation.clone()).unwrap_or_default());
    let role = move || attendee.with(|a| a.as_ref().and_then(|a| a.role_id.clone()).unwrap_or_default());
    let error = FieldError::new();
    let error_id = format!("{id}-error");
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut crate::plan::model::Attendee) + Send>| {
            let id = id.clone();
            error.edit(move |p| {
                if let Some(a) = p.attendee_mut(&id) {
                    f(a);
                }
            });
        }
    };
    let (edit_org, edit_role) = (edit.clone(), edit.clone());
    let del_id = id.clone();
    view! {
        <tr>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN aria-label=move || format!("Name of attendee {}", name()) prop:value=name
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |a| a.name = v)); }/>
                {error.view(error_id)}
            </td>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN aria-label=move || format!("Organisation or function of {}", name()) prop:value=organisation
                    on:input=move |ev| { let v = event_target_value(&ev); edit_org(Box::new(move |a| a.organisation = v)); }/>
            </td>
            <td>
                <select aria-label=move || format!("RACI role of {}", name()) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit_role(Box::new(move |a| a.role_id = (!v.is_empty()).then_some(v)));
                }>
                    <option value="" selected=move || role().is_empty()>"No RACI role"</option>
                    {move || roles.get().into_iter().map(|(rid, n)| view! { <option value=rid.clone() selected=move || role() == rid>{n}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <button type="button" class="icon danger" aria-label=move || format!("Remove attendee {}", name())
                    on:click=move |_| { let id = del_id.clone(); app.edit(move |p| p.remove_attendee(&id)); }>"×"</button>
            </td>
        </tr>
    }
}
