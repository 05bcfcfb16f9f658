//! The editor of one entry: fields write straight into the plan (and so autosave).
//!
//! Every control reads only its own memo of the entry (see [`Fields`]) and
//! changes the entry through one [`EditRisk`], made once by the editor.

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use crate::plan::model::{Acceptance, ControlKind, Rating, RiskCriteria, RiskEntry, RiskStatus, Treatment};
use crate::plan::risk::{self, zone_label, Stage};
use crate::web::state::{AppState, Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::derive;

mod rating;

use rating::{InitialRating, ResidualRating};

/// Edit one entry. Fields write straight into the plan (and so autosave).
#[component]
pub(super) fn RiskEditor(id: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    // One memo per field: an edit re-renders only the controls whose value
    // changed (with 200 needs, re-checking every need box on each keystroke
    // in the owner field cost more than the edit itself).
    let fields = Fields::new(&id);
    let edit = EditRisk::new(id.clone());
    let criteria = derive(|p| Some(p.criteria.clone()));
    let standing =
        move || criteria.with(|c| c.as_ref().map(|c| judgement(c, fields.initial.get(), fields.residual.get())).unwrap_or_default());
    let del_id = id.clone();
    view! {
        <section class="risk-editor" aria-labelledby="risk-editor-title">
            <h3 id="risk-editor-title">{format!("Edit {id}")}</h3>
            <p class="judgement" role="status">{standing}</p>
            <RiskTextInput id="risk-asset" label="Asset or function" value=fields.asset set=|r, v| r.asset = v edit/>
            <RiskTextInput id="risk-threat" label="Threat or vulnerability" value=fields.threat set=|r, v| r.threat = v edit/>
            <InitialRating fields criteria edit/>
            <TreatmentField fields edit/>
            <ControlLinks fields edit/>
            <div class="field">
                <label for="risk-controls">"Control notes"</label>
                <textarea id="risk-controls" rows="2" maxlength=MAX_TEXT_LEN prop:value=move || fields.controls.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.apply(move |r| r.controls = v); }></textarea>
            </div>
            <ResidualRating fields criteria edit/>
            <AcceptanceFields id=id.clone() fields edit/>
            <NeedLinks fields edit/>
            <RiskTextInput id="risk-owner" label="Owner" value=fields.owner set=|r, v| r.owner = v edit/>
            <StatusField fields edit/>
            <div class="actions">
                <button type="button" on:click=move |_| selected.set(None)>"Done"</button>
                <button type="button" class="danger" on:click=move |_| {
                    app.ask(Dialog::Confirm {
                        title: format!("Delete risk {del_id}?"),
                        body: "The entry is removed from the register.".into(),
                        action: Confirmed::RemoveRisk(del_id.clone()),
                    });
                }>"Delete entry…"</button>
            </div>
        </section>
    }
}

/// The entry's standing, in words, at the top of the editor.
fn judgement(c: &RiskCriteria, initial: Option<Rating>, residual: Option<Rating>) -> String {
    let j = risk::judge_ratings(c, initial, residual);
    match residual {
        _ if initial.is_none() => "Not rated yet: choose its initial levels below.".to_string(),
        Some(_) => format!("Initial risk: {}. Residual risk: {}.", zone_label(j.initial), zone_label(j.residual)),
        None => format!("Initial risk: {}. Residual risk not assessed yet.", zone_label(j.initial)),
    }
}

/// The entry's fields, one memo each (see [`RiskEditor`]).
#[derive(Clone, Copy)]
struct Fields {
    asset: Memo<String>,
    threat: Memo<String>,
    controls: Memo<String>,
    owner: Memo<String>,
    initial: Memo<Option<Rating>>,
    residual: Memo<Option<Rating>>,
    status: Memo<Option<RiskStatus>>,
    need_ids: Memo<Vec<String>>,
    treatment: Memo<Option<Treatment>>,
    control_ids: Memo<Vec<String>>,
    acceptance: Memo<Acceptance>,
}

impl Fields {
    fn new(id: &str) -> Self {
        // The entry is found once per edit; each field then reads it by position.
        let at = {
            let id = id.to_string();
            derive(move |p| p.risks.iter().position(|r| r.id == id))
        };
        Fields {
            asset: field(at, |r| r.asset.clone()),
            threat: field(at, |r| r.threat.clone()),
            controls: field(at, |r| r.controls.clone()),
            owner: field(at, |r| r.owner.clone()),
            initial: field(at, |r| r.initial),
            residual: field(at, |r| r.residual),
            status: field(at, |r| Some(r.status)),
            need_ids: field(at, |r| r.need_ids.clone()),
            treatment: field(at, |r| r.treatment),
            control_ids: field(at, |r| r.control_ids.clone()),
            acceptance: field(at, |r| r.acceptance.clone()),
        }
    }

    /// The rating of `stage`.
    fn rating(self, stage: Stage) -> Memo<Option<Rating>> {
        match stage {
            Stage::Initial => self.initial,
            Stage::Residual => self.residual,
        }
    }
}

/// One field of the entry at position `at` (its default once the entry is gone).
fn field<T>(at: Memo<Option<usize>>, get: fn(&RiskEntry) -> T) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    derive(move |p| at.get().and_then(|i| p.risks.get(i)).map(get).unwrap_or_default())
}

/// How the editor's controls change its entry: one edit of the plan each
/// (so autosaved and undoable), on the entry with the editor's id if it is
/// still there. Made once by [`RiskEditor`]; `Copy`, so each control and
/// handler takes it as it is.
#[derive(Clone, Copy)]
struct EditRisk {
    app: AppState,
    id: StoredValue<String>,
}

impl EditRisk {
    fn new(id: String) -> Self {
        EditRisk { app: app(), id: StoredValue::new(id) }
    }

    /// Change the entry with `f`.
    fn apply(self, f: impl FnOnce(&mut RiskEntry)) {
        // A copy of the id: the arena is not to be held while the plan changes.
        let Some(id) = self.id.try_get_value() else { return };
        self.app.edit(move |p| {
            if let Some(r) = p.risk_mut(&id) {
                f(r);
            }
        });
    }
}

/// A one-line text field of the entry: shows `value`, and `set`s what is typed.
#[component]
fn RiskTextInput(
    id: &'static str,
    label: &'static str,
    value: Memo<String>,
    set: fn(&mut RiskEntry, String),
    edit: EditRisk,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" maxlength=MAX_NAME_LEN prop:value=move || value.get()
                on:input=move |ev| { let v = event_target_value(&ev); edit.apply(move |r| set(r, v)); }/>
        </div>
    }
}

/// How the entry is treated, or "Not decided".
#[component]
fn TreatmentField(fields: Fields, edit: EditRisk) -> impl IntoView {
    view! {
        <div class="field compact">
            <label for="risk-treatment">"Treatment"</label>
            <select id="risk-treatment" on:change=move |ev| {
                let v = event_target_value(&ev);
                let t = Treatment::ALL.into_iter().find(|t| t.label() == v);
                edit.apply(move |r| r.treatment = t);
            }>
                <option value="" selected=move || fields.treatment.with(Option::is_none)>"Not decided"</option>
                {Treatment::ALL.map(|t| view! { <option value=t.label() selected=move || fields.treatment.get() == Some(t)>{t.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// One box per item (id, label), ticked when the entry links it; ticking
/// adds the link to the entry's list `links`, unticking removes it.
fn link_boxes(
    items: Vec<(String, String)>,
    linked: Memo<Vec<String>>,
    edit: EditRisk,
    links: fn(&mut RiskEntry) -> &mut Vec<String>,
) -> AnyView {
    items
        .into_iter()
        .map(|(id, label)| {
            let checked = {
                let id = id.clone();
                move || linked.with(|ids| ids.contains(&id))
            };
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = id.clone();
                        edit.apply(move |r| {
                            let list = links(r);
                            list.retain(|x| *x != id);
                            if on { list.push(id); }
                        });
                    }/>
                    {label}
                </label>
            }
        })
        .collect_view()
        .into_any()
}

/// The plan's controls as boxes to tick, and a new control added and linked in one step.
#[component]
fn ControlLinks(fields: Fields, edit: EditRisk) -> impl IntoView {
    let app = app();
    let controls = derive(|p| p.controls.iter().map(|c| (c.id.clone(), format!("{} {}", c.id, c.description))).collect::<Vec<_>>());
    let new_control = RwSignal::new(String::new());
    // Design first, as ISO 14971 orders the kinds; shown and changeable beside the text.
    let kind = RwSignal::new(ControlKind::Design);
    let add = move || {
        let text = new_control.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let mut id = String::new();
        let k = kind.get_untracked();
        app.edit(|p| id = p.add_control(&text, k));
        if !id.is_empty() {
            edit.apply(move |r| r.control_ids.push(id));
            new_control.set(String::new());
        }
    };
    view! {
        <fieldset class="field control-links">
            <legend>"Risk controls"</legend>
            {move || {
                let list = controls.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No controls yet: add the first below. Controls are listed, verified and shared in Controls and traceability."</p> }.into_any();
                }
                link_boxes(list, fields.control_ids, edit, |r| &mut r.control_ids)
            }}
            <div class="inline-add">
                <label for="risk-new-control">"New control"</label>
                <input id="risk-new-control" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Mutual TLS on the service port"
                    prop:value=move || new_control.get() on:input=move |ev| new_control.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
                {crate::web::views::plan::trace::control_kind_select("risk-new-control-kind", "Kind of the control to add", kind)}
                <button type="button" on:click=move |_| add()>"Add and link"</button>
            </div>
        </fieldset>
    }
}

/// Why, by whom and when the residual risk is accepted; asked for when its
/// zone is review or unacceptable, or when the treatment is to accept it.
#[component]
fn AcceptanceFields(id: String, fields: Fields, edit: EditRisk) -> impl IntoView {
    let needed = derive(move |p| p.risks.iter().find(|r| r.id == id).and_then(|r| crate::plan::trace::needs_acceptance(p, r)));
    let hint = move || match (needed.get(), fields.acceptance.with(Acceptance::is_complete)) {
        (None, _) => "Not needed while the risk is acceptable, unless it is treated by accepting it.".to_string(),
        (Some(_), true) => "Accepted.".to_string(),
        (Some(z), false) => {
            format!("Needed: the risk is {}. Give the benefit-risk rationale, who accepts it and when.", z.label().to_lowercase())
        }
    };
    view! {
        <fieldset class="field acceptance" aria-describedby="risk-acceptance-hint">
            <legend>"Acceptance of the residual risk"</legend>
            <p class="hint" id="risk-acceptance-hint">{hint}</p>
            <div class="field">
                <label for="risk-acceptance-rationale">"Benefit-risk rationale"</label>
                <textarea id="risk-acceptance-rationale" rows="2" maxlength=MAX_TEXT_LEN prop:value=move || fields.acceptance.with(|a| a.rationale.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit.apply(move |r| r.acceptance.rationale = v); }></textarea>
            </div>
            <div class="field compact">
                <label for="risk-acceptance-approver">"Accepted by"</label>
                <input id="risk-acceptance-approver" type="text" maxlength=MAX_NAME_LEN placeholder="Name and role"
                    prop:value=move || fields.acceptance.with(|a| a.approver.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit.apply(move |r| r.acceptance.approver = v); }/>
            </div>
            <div class="field compact">
                <label for="risk-acceptance-date">"Accepted on"</label>
                <input id="risk-acceptance-date" type="date" prop:value=move || fields.acceptance.with(|a| a.date.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit.apply(move |r| r.acceptance.date = v); }/>
            </div>
        </fieldset>
    }
}

/// The plan's security needs as boxes to tick.
#[component]
fn NeedLinks(fields: Fields, edit: EditRisk) -> impl IntoView {
    // By id and text, as the matrix, the CSV and the report name them.
    let needs = derive(|p| p.needs.iter().map(|n| (n.id.clone(), format!("{} {}", n.id, n.text))).collect::<Vec<_>>());
    view! {
        <fieldset class="field needs-links">
            <legend>"Linked stakeholder needs"</legend>
            {move || {
                let list = needs.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No security needs yet: add them in A.2."</p> }.into_any();
                }
                link_boxes(list, fields.need_ids, edit, |r| &mut r.need_ids)
            }}
        </fieldset>
    }
}

/// The entry's status.
#[component]
fn StatusField(fields: Fields, edit: EditRisk) -> impl IntoView {
    view! {
        <div class="field compact">
            <label for="risk-status-edit">"Status"</label>
            <select id="risk-status-edit" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(s) = RiskStatus::ALL.into_iter().find(|s| s.label() == v) { edit.apply(move |r| r.status = s); }
            }>
                {move || { let cur = fields.status.get(); RiskStatus::ALL.map(|s| view! { <option value=s.label() selected=cur == Some(s)>{s.label()}</option> }).collect_view() }}
            </select>
        </div>
    }
}
