//! The editor of one entry: fields write straight into the plan (and so autosave).

use super::*;

/// Edit one entry. Fields write straight into the plan (and so autosave).
#[component]
pub(super) fn RiskEditor(id: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    // One memo per field: an edit re-renders only the controls whose value
    // changed (with 200 needs, re-checking every need box on each keystroke
    // in the owner field cost more than the edit itself).
    let fields = Fields::new(&id);
    let criteria = derive(|p| Some(p.criteria.clone()));
    let needs = derive(|p| p.needs.iter().map(|n| (n.id.clone(), n.text.clone())).collect::<Vec<_>>());
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut RiskEntry)>| {
            let id = id.clone();
            app.edit(move |p| {
                if let Some(r) = p.risk_mut(&id) {
                    f(r);
                }
            });
        }
    };
    let judgement = move || {
        let Some(c) = criteria.get() else { return String::new() };
        let (initial, residual) = (fields.initial.get(), fields.residual.get());
        let j = risk::judge_ratings(&c, initial, residual);
        match residual {
            _ if initial.is_none() => "Not rated yet: choose its initial levels below.".to_string(),
            Some(_) => format!("Initial risk: {}. Residual risk: {}.", zone_label(j.initial), zone_label(j.residual)),
            None => format!("Initial risk: {}. Residual risk not assessed yet.", zone_label(j.initial)),
        }
    };
    let text_input = {
        let edit = edit.clone();
        move |fid: &'static str, label: &'static str, value: Memo<String>, set: fn(&mut RiskEntry, String)| {
            let edit = edit.clone();
            view! {
                <div class="field">
                    <label for=fid>{label}</label>
                    <input id=fid type="text" maxlength="300" prop:value=move || value.get()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |r| set(r, v))); }/>
                </div>
            }
        }
    };
    // An unrated entry gets its initial rating once both levels are chosen;
    // the first choice waits here (0: not chosen).
    let pending = RwSignal::new((0u8, 0u8));
    let rating_select = {
        let edit = edit.clone();
        move |fid: &'static str, label: String, residual: bool, likelihood: bool| {
            let edit = edit.clone();
            let levels =
                move || criteria.get().map(|c| if likelihood { c.likelihood_levels } else { c.severity_levels }).unwrap_or_default();
            let current = move || {
                let rating = if residual { fields.residual.get() } else { fields.initial.get() };
                match rating {
                    Some(r) => {
                        if likelihood {
                            r.likelihood
                        } else {
                            r.severity
                        }
                    }
                    None if !residual => pending.with(|p| if likelihood { p.0 } else { p.1 }),
                    None => 0,
                }
            };
            view! {
                <div class="field compact">
                    <label for=fid>{label}</label>
                    <select id=fid prop:disabled=move || residual && fields.residual.with(Option::is_none)
                        on:change=move |ev| {
                            let v: u8 = event_target_value(&ev).parse().unwrap_or(0);
                            let rated = if residual { fields.residual.get_untracked() } else { fields.initial.get_untracked() }.is_some();
                            if !rated {
                                pending.update(|p| if likelihood { p.0 = v } else { p.1 = v });
                                let (l, s) = pending.get_untracked();
                                if l == 0 || s == 0 { return; }
                                pending.set((0, 0));
                                edit(Box::new(move |r| r.initial = Some(Rating { likelihood: l, severity: s })));
                                return;
                            }
                            edit(Box::new(move |r| {
                                let target = if residual { &mut r.residual } else { &mut r.initial };
                                match (target.as_mut(), v) {
                                    // "Not rated" takes the rating back.
                                    (_, 0) if !residual => *target = None,
                                    (Some(t), v) if v > 0 => if likelihood { t.likelihood = v } else { t.severity = v },
                                    _ => {}
                                }
                            }));
                        }>
                        {move || {
                            let unset = current() == 0;
                            view! { <option value="0" selected=unset>{if residual { "—" } else { risk::NOT_RATED }}</option> }
                        }}
                        {move || level_options(levels(), current())}
                    </select>
                </div>
            }
        }
    };
    let axis = move || criteria.get().map(|c| c.axis.label()).unwrap_or("Likelihood");
    let heading = {
        let id = id.clone();
        move || format!("Edit {id}")
    };
    let del_id = id.clone();
    let edit_controls = edit.clone();
    let edit_residual = edit.clone();
    let edit_status = edit.clone();
    let edit_needs: EditRisk = std::sync::Arc::new(edit.clone());
    view! {
        <section class="risk-editor" aria-labelledby="risk-editor-title">
            <h3 id="risk-editor-title">{heading}</h3>
            <p class="judgement" role="status">{judgement}</p>
            {text_input("risk-asset", "Asset or function", fields.asset, |r, v| r.asset = v)}
            {text_input("risk-threat", "Threat or vulnerability", fields.threat, |r, v| r.threat = v)}
            <fieldset class="field ratings">
                <legend>"Initial rating (before controls)"</legend>
                { let rs = rating_select.clone(); move || rs("risk-initial-l", axis().to_string(), false, true) }
                {rating_select("risk-initial-s", "Severity".into(), false, false)}
            </fieldset>
            <TreatmentField fields edit=edit.clone()/>
            <ControlLinks fields edit=edit.clone()/>
            <div class="field">
                <label for="risk-controls">"Control notes"</label>
                <textarea id="risk-controls" rows="2" prop:value=move || fields.controls.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit_controls(Box::new(move |r| r.controls = v)); }></textarea>
            </div>
            <fieldset class="field ratings">
                <legend>"Residual rating (after controls)"</legend>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || fields.residual.with(Option::is_some)
                        prop:disabled=move || fields.initial.with(Option::is_none) && fields.residual.with(Option::is_none)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_residual(Box::new(move |r| r.residual = if on { r.residual.or(r.initial) } else { None }));
                        }/>
                    "Residual risk assessed"
                    {move || fields.initial.with(Option::is_none).then_some(view! { <span class="hint">" (rate the initial risk first)"</span> })}
                </label>
                { let rs = rating_select.clone(); move || rs("risk-residual-l", axis().to_string(), true, true) }
                {rating_select("risk-residual-s", "Severity".into(), true, false)}
            </fieldset>
            <AcceptanceFields id=id.clone() fields edit=edit.clone()/>
            <fieldset class="field needs-links">
                <legend>"Linked stakeholder needs"</legend>
                {move || {
                    let list = needs.get();
                    if list.is_empty() {
                        return view! { <p class="hint">"No security needs yet: add them in A.2."</p> }.into_any();
                    }
                    link_boxes(list, fields.need_ids, edit_needs.clone(), |r| &mut r.need_ids)
                }}
            </fieldset>
            {text_input("risk-owner", "Owner", fields.owner, |r, v| r.owner = v)}
            <div class="field compact">
                <label for="risk-status-edit">"Status"</label>
                <select id="risk-status-edit" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = RiskStatus::ALL.into_iter().find(|s| s.label() == v) { edit_status(Box::new(move |r| r.status = s)); }
                }>
                    {move || { let cur = fields.status.get(); RiskStatus::ALL.map(|s| view! { <option value=s.label() selected=cur == Some(s)>{s.label()}</option> }).collect_view() }}
                </select>
            </div>
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
}

/// One field of the entry at position `at` (its default once the entry is gone).
fn field<T>(at: Memo<Option<usize>>, get: fn(&RiskEntry) -> T) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    derive(move |p| at.get().and_then(|i| p.risks.get(i)).map(get).unwrap_or_default())
}

/// How the entry edits its risk (see [`RiskEditor`]).
type EditRisk = std::sync::Arc<dyn Fn(Box<dyn FnOnce(&mut RiskEntry)>) + Send + Sync>;

#[component]
fn TreatmentField(fields: Fields, edit: impl Fn(Box<dyn FnOnce(&mut RiskEntry)>) + Clone + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="field compact">
            <label for="risk-treatment">"Treatment"</label>
            <select id="risk-treatment" on:change=move |ev| {
                let v = event_target_value(&ev);
                let t = Treatment::ALL.into_iter().find(|t| t.label() == v);
                edit(Box::new(move |r| r.treatment = t));
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
            let edit = edit.clone();
            let checked = {
                let id = id.clone();
                move || linked.with(|ids| ids.contains(&id))
            };
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = id.clone();
                        edit(Box::new(move |r| {
                            let list = links(r);
                            list.retain(|x| *x != id);
                            if on { list.push(id); }
                        }));
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
fn ControlLinks(fields: Fields, edit: impl Fn(Box<dyn FnOnce(&mut RiskEntry)>) + Clone + Send + Sync + 'static) -> impl IntoView {
    let app = app();
    let controls = derive(|p| p.controls.iter().map(|c| (c.id.clone(), format!("{} {}", c.id, c.description))).collect::<Vec<_>>());
    let edit: EditRisk = std::sync::Arc::new(edit);
    let new_control = RwSignal::new(String::new());
    let add = {
        let edit = edit.clone();
        move || {
            let text = new_control.get_untracked();
            if text.trim().is_empty() {
                return;
            }
            let mut id = String::new();
            app.edit(|p| id = p.add_control(&text, ControlKind::Design));
            if !id.is_empty() {
                edit(Box::new(move |r| r.control_ids.push(id)));
                new_control.set(String::new());
            }
        }
    };
    let add_key = add.clone();
    view! {
        <fieldset class="field control-links">
            <legend>"Risk controls"</legend>
            {move || {
                let list = controls.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No controls yet: add the first below. Controls are listed, verified and shared in Controls and traceability."</p> }.into_any();
                }
                link_boxes(list, fields.control_ids, edit.clone(), |r| &mut r.control_ids)
            }}
            <div class="inline-add">
                <label for="risk-new-control">"New control"</label>
                <input id="risk-new-control" type="text" maxlength="300" placeholder="e.g. Mutual TLS on the service port"
                    prop:value=move || new_control.get() on:input=move |ev| new_control.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_key(); }/>
                <button type="button" on:click=move |_| add()>"Add and link"</button>
            </div>
        </fieldset>
    }
}

/// Why, by whom and when the residual risk is accepted; asked for when its
/// zone is review or unacceptable, or when the treatment is to accept it.
#[component]
fn AcceptanceFields(
    id: String,
    fields: Fields,
    edit: impl Fn(Box<dyn FnOnce(&mut RiskEntry)>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let needed = derive(move |p| p.risks.iter().find(|r| r.id == id).and_then(|r| crate::plan::trace::needs_acceptance(p, r)));
    let edit: EditRisk = std::sync::Arc::new(edit);
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
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
                <textarea id="risk-acceptance-rationale" rows="2" prop:value=move || fields.acceptance.with(|a| a.rationale.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); e1(Box::new(move |r| r.acceptance.rationale = v)); }></textarea>
            </div>
            <div class="field compact">
                <label for="risk-acceptance-approver">"Accepted by"</label>
                <input id="risk-acceptance-approver" type="text" maxlength="300" placeholder="Name and role"
                    prop:value=move || fields.acceptance.with(|a| a.approver.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); e2(Box::new(move |r| r.acceptance.approver = v)); }/>
            </div>
            <div class="field compact">
                <label for="risk-acceptance-date">"Accepted on"</label>
                <input id="risk-acceptance-date" type="date" prop:value=move || fields.acceptance.with(|a| a.date.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); e3(Box::new(move |r| r.acceptance.date = v)); }/>
            </div>
        </fieldset>
    }
}
