//! The editor of one component, under the register: every field writes
//! straight into the plan (so it is autosaved, and Ctrl+Z undoes it).
//! Enter in a one-line field, or Escape anywhere, closes it and puts the
//! focus back on the component's row.

use leptos::prelude::*;

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::plan::model::{Component, ComponentKind, ComponentText, SupportLevel, MAX_REF_LEN};
use crate::web::views::app;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::{derive, focus_id};

#[component]
pub(super) fn ComponentEditor(id: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    // The component, found once per edit; each control reads its own field of it.
    let component = {
        let id = id.clone();
        derive(move |p| p.component(&id).cloned())
    };
    let title = move || component.with(|c| c.as_ref().map(Component::title).unwrap_or_default());
    let row = id.clone();
    let close = move || {
        selected.set(None);
        focus_id(&format!("cmp-edit-{row}"));
    };
    let close_on_escape = close.clone();
    let remove_id = id.clone();
    view! {
        <section class="component-editor" aria-labelledby="component-editor-title"
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close_on_escape(); }>
            <h3 id="component-editor-title">{let id = id.clone(); move || format!("Edit {id} {}", title())}</h3>
            <p class="hint">"Changes are kept as you type. Enter or Escape goes back to the register; Ctrl+Z undoes."</p>
            <div class="component-fields">
                <TextInput id=id.clone() field=ComponentText::Name dom="component-name" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Version dom="component-version" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Group dom="component-group" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Supplier dom="component-supplier" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Licence dom="component-licence" component close=close.clone()/>
                <KindSelect id=id.clone() component/>
                <SupportSelect id=id.clone() component/>
                <TextInput id=id.clone() field=ComponentText::EndOfSupport dom="component-end-of-support" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::EndOfLife dom="component-end-of-life" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Purl dom="component-purl" component close=close.clone()/>
                <TextInput id=id.clone() field=ComponentText::Cpe dom="component-cpe" component close=close.clone()/>
            </div>
            <fieldset class="field monitoring">
                <legend>"How the team monitors it"</legend>
                <div class="component-fields">
                    <TextInput id=id.clone() field=ComponentText::MonitoringSource dom="component-monitoring-source" component close=close.clone()/>
                    <TextInput id=id.clone() field=ComponentText::MonitoringFrequency dom="component-monitoring-frequency" component close=close.clone()/>
                    <TextInput id=id.clone() field=ComponentText::MonitoringWho dom="component-monitoring-who" component close=close.clone()/>
                </div>
            </fieldset>
            <Notes id=id.clone() component/>
            <RiskLinks id=id.clone() component/>
            <div class="actions">
                <button type="button" on:click=move |_| close()>"Done"</button>
                <button type="button" class="danger" on:click=move |_| super::table::remove(&remove_id)>"Remove component"</button>
            </div>
        </section>
    }
}

/// A one-line field of the component (a date field for the two dates).
#[component]
fn TextInput(
    id: String,
    field: ComponentText,
    dom: &'static str,
    component: Memo<Option<Component>>,
    close: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let value = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| field.get(c).clone()).unwrap_or_default()));
    let error = FieldError::new();
    let error_id = format!("{dom}-error");
    let max = if matches!(field, ComponentText::Purl | ComponentText::Cpe | ComponentText::Licence) { MAX_REF_LEN } else { MAX_NAME_LEN };
    let set = move |v: String| {
        let id = id.clone();
        error.edit(move |p| p.set_component_text(&id, field, v));
    };
    let on_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            close();
        }
    };
    // A date is kept when picked or typed whole (its input says so by `change`).
    let input = if field.is_date() {
        let set = set.clone();
        view! {
            <input id=dom type="date" prop:value=move || value.get() aria-invalid=error.invalid() aria-describedby=error_id.clone()
                on:change=move |ev| set(event_target_value(&ev)) on:keydown=on_enter/>
        }
        .into_any()
    } else {
        view! {
            <input id=dom type="text" maxlength=max prop:value=move || value.get() aria-invalid=error.invalid() aria-describedby=error_id.clone()
                on:input=move |ev| set(event_target_value(&ev)) on:keydown=on_enter/>
        }
        .into_any()
    };
    view! {
        <div class="field compact">
            <label for=dom>{field.label()}</label>
            {input}
            {error.view(format!("{dom}-error"))}
        </div>
    }
}

#[component]
fn KindSelect(id: String, component: Memo<Option<Component>>) -> impl IntoView {
    let kind = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| c.kind)));
    view! {
        <div class="field compact">
            <label for="component-kind">"Kind"</label>
            <select id="component-kind" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(k) = ComponentKind::ALL.into_iter().find(|k| k.cyclonedx() == v) {
                    let id = id.clone();
                    app().edit(move |p| p.set_component_kind(&id, k));
                }
            }>
                {ComponentKind::ALL.map(|k| view! { <option value=k.cyclonedx() selected=move || kind.get() == Some(k)>{k.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn SupportSelect(id: String, component: Memo<Option<Component>>) -> impl IntoView {
    let support = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| c.support)));
    let key = |s: SupportLevel| super::table::support_class(s);
    view! {
        <div class="field compact">
            <label for="component-support">"Level of support"</label>
            <select id="component-support" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(s) = SupportLevel::ALL.into_iter().find(|s| key(*s) == v) {
                    let id = id.clone();
                    app().edit(move |p| p.set_component_support(&id, s));
                }
            }>
                {SupportLevel::ALL.map(|s| view! { <option value=key(s) selected=move || support.get() == Some(s)>{s.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Notes(id: String, component: Memo<Option<Component>>) -> impl IntoView {
    let value = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| c.notes.clone()).unwrap_or_default()));
    let error = FieldError::new();
    view! {
        <div class="field">
            <label for="component-notes">"Notes"</label>
            <textarea id="component-notes" rows="2" maxlength=MAX_TEXT_LEN prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby="component-notes-error"
                on:input=move |ev| {
                    let (v, id) = (event_target_value(&ev), id.clone());
                    error.edit(move |p| p.set_component_text(&id, ComponentText::Notes, v));
                }></textarea>
            {error.view("component-notes-error".to_string())}
        </div>
    }
}

/// The register's risks as boxes to tick.
#[component]
fn RiskLinks(id: String, component: Memo<Option<Component>>) -> impl IntoView {
    let risks = derive(|p| p.risks.iter().map(|r| (r.id.clone(), format!("{} {}: {}", r.id, r.asset, r.threat))).collect::<Vec<_>>());
    let linked = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| c.risk_ids.clone()).unwrap_or_default()));
    view! {
        <fieldset class="field risk-links">
            <legend>"Linked risks"</legend>
            {move || {
                let list = risks.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No risks yet: add them in the risk register."</p> }.into_any();
                }
                list.into_iter().map(|(risk, label)| {
                    let checked = { let risk = risk.clone(); move || linked.with(|l| l.contains(&risk)) };
                    let id = id.clone();
                    view! {
                        <label class="choice">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                let (on, id, risk) = (event_target_checked(&ev), id.clone(), risk.clone());
                                app().edit(move |p| p.link_component_risk(&id, &risk, on));
                            }/>
                            {label}
                        </label>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}
