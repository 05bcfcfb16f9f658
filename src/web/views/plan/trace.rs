//! Controls and traceability: the plan's shared risk controls, the gaps in
//! the chain from stakeholder need to verified control, and the chain as a
//! table (and CSV).

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use crate::plan::deliverables::Gap;
use crate::plan::model::{Control, ControlKind, ControlStatus};
use crate::plan::sections::Section;
use crate::plan::trace::{gaps, rows};
use crate::web::state::{Confirmed, Dialog, Output};
use crate::web::views::app;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::item_table::ItemTable;
use crate::web::views::common::{derive, or_dash};

#[component]
pub fn TraceSection() -> impl IntoView {
    view! {
        <section aria-labelledby="trace-title">
            <h2 id="trace-title">"Controls and traceability"</h2>
            <p class="hint">"Trace each stakeholder need to the risks that threaten it, the controls that reduce them and the evidence that verifies each control. A control can serve several register entries: link it from each entry in the risk register."</p>
            <TraceGaps/>
            <ControlList/>
            <TraceTable/>
        </section>
    }
}

/// A gap as a link to where it is fixed. In this section itself the page
/// does not change, so the control is focused at once.
pub fn gap_link(g: Gap) -> impl IntoView {
    let fix = g.fix.clone();
    let here = g.place == Section::Traceability;
    view! {
        <a href=format!("#{}", g.place.anchor()) on:click=move |ev| {
            super::fix_target::request(fix.clone());
            if here {
                ev.prevent_default();
                super::fix_target::focus_requested();
            }
        }>{g.text}</a>
    }
}

#[component]
fn TraceGaps() -> impl IntoView {
    let found = derive(gaps);
    view! {
        <h3 id="trace-gaps-title">{move || match found.with(Vec::len) {
            0 => "No gaps in the chain".to_string(),
            1 => "1 gap in the chain".to_string(),
            n => format!("{n} gaps in the chain"),
        }}</h3>
        <Show when=move || !found.with(Vec::is_empty)
            fallback=|| view! { <p class="hint">"Every critical need is covered by a risk and a control, every control has a verification reference and every residual risk that needs it is accepted."</p> }>
            <ul class="gaps trace-gaps" aria-labelledby="trace-gaps-title">
                {move || found.get().into_iter().map(|g| view! { <li>{gap_link(g)}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The kind a new control gets, chosen beside its description (here and in
/// the register's "Add and link"); the label is read by screen readers only.
pub(super) fn control_kind_select(id: &'static str, label: &'static str, kind: RwSignal<ControlKind>) -> impl IntoView {
    view! {
        <label for=id class="visually-hidden">{label}</label>
        <select id=id on:change=move |ev| {
            let v = event_target_value(&ev);
            if let Some(k) = ControlKind::ALL.into_iter().find(|k| k.label() == v) { kind.set(k); }
        }>
            {ControlKind::ALL.map(|k| view! { <option value=k.label() selected=move || kind.get() == k>{k.label()}</option> }).collect_view()}
        </select>
    }
}

#[component]
fn ControlList() -> impl IntoView {
    let app = app();
    let ids = derive(|p| p.controls.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let description = RwSignal::new(String::new());
    let kind = RwSignal::new(ControlKind::Design);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = description.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let k = kind.get_untracked();
        app.edit(move |p| {
            p.add_control(&text, k);
        });
        description.set(String::new());
    };
    view! {
        <h3 id="controls-title">{move || format!("Risk controls ({})", ids.with(Vec::len))}</h3>
        <form class="inline-add" on:submit=add>
            <label for="new-control">"Add a control"</label>
            <input id="new-control" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Signed firmware verified at boot"
                prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
            {control_kind_select("new-control-kind", "Kind of the new control", kind)}
            <button type="submit">"Add control"</button>
        </form>
        <ItemTable ids labelled_by="controls-title" class="controls"
            columns=&["Control", "Description", "Kind", "Status", "Verification", "Used by"]
            empty="No controls yet. Add one above, or from a register entry." row=move |id| view! { <ControlRow id/> }/>
    }
}

#[component]
fn ControlRow(id: String) -> impl IntoView {
    let app = app();
    let control = {
        let id = id.clone();
        derive(move |p| p.controls.iter().find(|c| c.id == id).cloned())
    };
    let used_by = {
        let id = id.clone();
        derive(move |p| crate::plan::trace::risks_using(p, &id).join(", "))
    };
    let read = move |f: fn(&Control) -> String| move || control.with(|c| c.as_ref().map(f).unwrap_or_default());
    let error = FieldError::new();
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut Control) + Send>| {
            let id = id.clone();
            error.edit(move |p| {
                if let Some(c) = p.control_mut(&id) {
                    f(c);
                }
            });
        }
    };
    let (edit_kind, edit_status, edit_verification) = (edit.clone(), edit.clone(), edit.clone());
    let error_id = format!("control-{id}-error");
    let del_id = id.clone();
    view! {
        <tr>
            <th scope="row">{id.clone()}</th>
            <td>
                <textarea rows="2" maxlength=MAX_TEXT_LEN aria-label=format!("Description of control {id}") prop:value=read(|c| c.description.clone())
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |c| c.description = v)); }></textarea>
                {error.view(error_id)}
            </td>
            <td>
                <select aria-label=format!("Kind of control {id}") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = ControlKind::ALL.into_iter().find(|k| k.label() == v) { edit_kind(Box::new(move |c| c.kind = k)); }
                }>
                    {ControlKind::ALL.map(|k| view! { <option value=k.label() selected=move || control.with(|c| c.as_ref().is_some_and(|c| c.kind == k))>{k.label()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=format!("Status of control {id}") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = ControlStatus::ALL.into_iter().find(|s| s.label() == v) { edit_status(Box::new(move |c| c.status = s)); }
                }>
                    {ControlStatus::ALL.map(|s| view! { <option value=s.label() selected=move || control.with(|c| c.as_ref().is_some_and(|c| c.status == s))>{s.label()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN placeholder="e.g. VER-SEC-012" data-control=id.clone()
                    aria-label=format!("Verification of control {id}") prop:value=read(|c| c.verification.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit_verification(Box::new(move |c| c.verification = v)); }/>
            </td>
            <td>{move || used_by.with(|u| or_dash(u))}</td>
            <td>
                <button type="button" class="icon danger" aria-label=format!("Remove control {id}") on:click=move |_| {
                    app.ask(Dialog::Confirm {
                        title: format!("Remove control {del_id}?"),
                        body: "Its links from register entries are removed too.".into(),
                        action: Confirmed::RemoveControl(del_id.clone()),
                    });
                }>"×"</button>
            </td>
        </tr>
    }
}

#[component]
fn TraceTable() -> impl IntoView {
    let app = app();
    let table = derive(rows);
    view! {
        <h3 id="trace-table-title">"Traceability"</h3>
        <div class="actions">
            <button type="button" on:click=move |_| app.download_output(Output::TraceCsv)>"Download traceability (CSV)"</button>
        </div>
        <div class="table-scroll">
            <table class="trace" aria-labelledby="trace-table-title">
                <thead><tr>
                    <th scope="col">"Stakeholder need"</th>
                    <th scope="col">"User need"</th>
                    <th scope="col">"Risk"</th>
                    <th scope="col">"Control"</th>
                    <th scope="col">"Verification"</th>
                </tr></thead>
                <tbody>
                    {move || table.get().into_iter().map(|r| {
                        let need = r.need_label().to_string();
                        view! {
                            <tr>
                                <th scope="row">{need}{r.critical.then(|| view! { " " <span class="badge critical">"critical"</span> })}</th>
                                <td>{or_dash(&r.user_need)}</td>
                                <td>{or_dash(&r.risk_id)}</td>
                                <td>{or_dash(&r.control_label())}</td>
                                <td>{or_dash(&r.verification)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
