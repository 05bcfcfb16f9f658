//! The risk register: entries placed on the grid and judged by the criteria,
//! with filtering, sorting, a placement grid whose cells list their entries,
//! and an editor for one entry at a time.

use leptos::prelude::*;

use super::criteria::zone_class;
use crate::assess::{self, RegisterQuery, SortKey, Stage};
use crate::model::{Rating, RiskEntry, RiskStatus, Zone};
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::{derive, level_options};

use crate::assess::zone_label;

/// One table row, as displayed; the `For` key, so only changed rows re-render.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    asset: String,
    threat: String,
    initial: String,
    initial_zone: Option<Zone>,
    residual: String,
    residual_zone: Option<Zone>,
    status: RiskStatus,
    owner: String,
    needs: usize,
}

fn row(r: &RiskEntry, c: &crate::model::RiskCriteria) -> Row {
    let j = assess::judge(r, c);
    let rating = |x: Rating| format!("{} × {}", x.likelihood, x.severity);
    Row {
        id: r.id.clone(),
        asset: r.asset.clone(),
        threat: r.threat.clone(),
        initial: r.initial.map_or_else(|| assess::NOT_RATED.to_string(), rating),
        initial_zone: j.initial,
        residual: r.residual.map(rating).unwrap_or_else(|| "not assessed".into()),
        residual_zone: j.residual,
        status: r.status,
        owner: r.owner.clone(),
        needs: r.need_ids.len(),
    }
}

#[component]
pub fn RegisterSection() -> impl IntoView {
    let query = RwSignal::new(RegisterQuery::default());
    let cell = RwSignal::new(None::<(Stage, Rating)>);
    let selected = RwSignal::new(None::<String>);
    // The editor shows while its entry exists: deleting it (once confirmed) or
    // undoing its creation closes it; cancelling the delete keeps it open.
    let ids = derive(|p| p.risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let editing = Memo::new(move |_| selected.get().filter(|id| ids.with(|ids| ids.contains(id))));
    view! {
        <section aria-labelledby="register-title">
            <h2 id="register-title">"Risk register"</h2>
            <p class="hint">"Each entry ties an asset and a threat to stakeholder needs and controls; its cell on the grid decides whether it is acceptable."</p>
            <AddRisk selected/>
            <Placement cell/>
            <Filters query cell/>
            <RiskTable query cell selected/>
            {move || editing.get().map(|id| view! { <RiskEditor id selected/> })}
        </section>
    }
}

#[component]
fn AddRisk(selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    let asset = RwSignal::new(String::new());
    let threat = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, t) = (asset.get_untracked(), threat.get_untracked());
        if a.trim().is_empty() && t.trim().is_empty() {
            app.notify(crate::web::state::NoticeKind::Error, "Name the asset or the threat of the new risk.");
            return;
        }
        let mut new_id = String::new();
        app.edit(|p| {
            new_id = assess::next_risk_id(p);
            p.risks.push(RiskEntry::new(new_id.clone(), &a, &t));
        });
        asset.set(String::new());
        threat.set(String::new());
        selected.set(Some(new_id));
    };
    view! {
        <form class="add-risk" on:submit=add aria-label="Add a risk">
            <div class="field">
                <label for="new-risk-asset">"Asset or function"</label>
                <input id="new-risk-asset" type="text" maxlength="300" prop:value=move || asset.get() on:input=move |ev| asset.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="new-risk-threat">"Threat or vulnerability"</label>
                <input id="new-risk-threat" type="text" maxlength="300" prop:value=move || threat.get() on:input=move |ev| threat.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="primary">"Add risk"</button>
        </form>
    }
}

/// The grid with how many entries sit in each cell; a cell click filters the table.
#[component]
fn Placement(cell: RwSignal<Option<(Stage, Rating)>>) -> impl IntoView {
    let app = app();
    let stage = RwSignal::new(Stage::Initial);
    let criteria = derive(|p| Some(p.criteria.clone()));
    let counts = Memo::new(move |_| {
        let s = stage.get();
        app.session.plan.with(|p| p.as_ref().map(|p| assess::cell_counts(p, s)).unwrap_or_default())
    });
    view! {
        <h3 id="placement-title">"Entries on the grid"</h3>
        <fieldset class="field compact">
            <legend>"Show ratings"</legend>
            {[(Stage::Initial, "Initial (before controls)"), (Stage::Residual, "Residual (after controls)")].into_iter().map(|(s, label)| view! {
                <label class="choice inline">
                    <input type="radio" name="placement-stage" prop:checked=move || stage.get() == s on:change=move |_| stage.set(s)/>
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
        {move || criteria.get().map(|c| {
            let axis = c.axis.label();
            view! {
                <table class="risk-grid placement" aria-labelledby="placement-title">
                    <thead><tr>
                        <th scope="col">{format!("{axis} ↓ / Severity →")}</th>
                        {c.severity_levels.iter().enumerate().map(|(j, s)| view! { <th scope="col">{format!("{} {s}", j + 1)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {(0..c.likelihood_levels.len()).rev().map(|i| {
                            let lname = c.likelihood_levels[i].clone();
                            view! { <tr>
                                <th scope="row">{format!("{} {lname}", i + 1)}</th>
                                {c.zones[i].iter().enumerate().map(|(j, z)| {
                                    let rating = Rating { likelihood: (i + 1) as u8, severity: (j + 1) as u8 };
                                    let n = move || counts.with(|c| c.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0));
                                    let z = *z;
                                    let sev = c.severity_levels[j].clone();
                                    let lname = lname.clone();
                                    let pressed = move || cell.get() == Some((stage.get(), rating));
                                    view! { <td>
                                        <button type="button" class=format!("zone {}", zone_class(Some(z)))
                                            aria-pressed=move || pressed().to_string()
                                            aria-label=move || format!("{axis} {lname}, severity {sev}, {}: {} entries", z.label(), n())
                                            on:click=move |_| cell.set(if pressed() { None } else { Some((stage.get_untracked(), rating)) })>
                                            <span class="zone-name">{z.label()}</span>
                                            <span class="count">{n}</span>
                                        </button>
                                    </td> }
                                }).collect_view()}
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })}
    }
}

#[component]
fn Filters(query: RwSignal<RegisterQuery>, cell: RwSignal<Option<(Stage, Rating)>>) -> impl IntoView {
    view! {
        <div class="filters" role="search" aria-label="Filter the register">
            <div class="field compact">
                <label for="risk-search">"Search"</label>
                <input id="risk-search" type="search" prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); query.update(|q| q.text = v); }/>
            </div>
            <div class="field compact">
                <label for="risk-zone">"Zone"</label>
                <select id="risk-zone" on:change=move |ev| {
                    let z = match event_target_value(&ev).as_str() { "acceptable" => Some(Zone::Acceptable), "review" => Some(Zone::Review), "unacceptable" => Some(Zone::Unacceptable), _ => None };
                    query.update(|q| q.zone = z);
                }>
                    <option value="">"Any zone"</option>
                    <option value="acceptable">"Acceptable"</option>
                    <option value="review">"Review"</option>
                    <option value="unacceptable">"Unacceptable"</option>
                </select>
            </div>
            <div class="field compact">
                <label for="risk-status">"Status"</label>
                <select id="risk-status" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    query.update(|q| q.status = RiskStatus::ALL.into_iter().find(|s| s.label() == v));
                }>
                    <option value="">"Any status"</option>
                    {RiskStatus::ALL.map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field compact">
                <label for="risk-sort">"Sort by"</label>
                <select id="risk-sort" on:change=move |ev| {
                    let s = match event_target_value(&ev).as_str() { "risk" => SortKey::Risk, "status" => SortKey::Status, "owner" => SortKey::Owner, _ => SortKey::Id };
                    query.update(|q| q.sort = s);
                }>
                    <option value="id">"Id"</option>
                    <option value="risk">"Highest risk first"</option>
                    <option value="status">"Status"</option>
                    <option value="owner">"Owner"</option>
                </select>
            </div>
            <Show when=move || cell.get().is_some()>
                <p class="cell-filter">
                    {move || cell.get().map(|(s, r)| format!("Showing {} ratings in cell {} × {}.", if s == Stage::Initial { "initial" } else { "residual" }, r.likelihood, r.severity))}
                    " "<button type="button" on:click=move |_| cell.set(None)>"Show all cells"</button>
                </p>
            </Show>
        </div>
    }
}

#[component]
fn RiskTable(query: RwSignal<RegisterQuery>, cell: RwSignal<Option<(Stage, Rating)>>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    let rows = Memo::new(move |_| {
        let q = query.get();
        let c = cell.get();
        app.session.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            assess::query(p, &q)
                .into_iter()
                .filter(|r| c.is_none_or(|(stage, rating)| assess::rating_at(r, stage) == Some(rating)))
                .map(|r| row(r, &p.criteria))
                .collect::<Vec<_>>()
        })
    });
    let total = derive(|p| p.risks.len());
    view! {
        <p class="count-line" role="status">{move || format!("{} of {} entries shown.", rows.with(Vec::len), total.get())}</p>
        <div class="table-scroll">
            <table class="register">
                <caption class="visually-hidden">"Risk register entries"</caption>
                <thead><tr>
                    <th scope="col">"Id"</th><th scope="col">"Asset or function"</th><th scope="col">"Threat or vulnerability"</th>
                    <th scope="col">"Initial"</th><th scope="col">"Residual"</th><th scope="col">"Status"</th>
                    <th scope="col">"Owner"</th><th scope="col">"Needs"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        {
                            let id = r.id.clone();
                            view! { <tr class:selected=move || selected.get().as_deref() == Some(id.as_str())>
                                <th scope="row">{r.id.clone()}</th>
                                <td>{r.asset.clone()}</td>
                                <td>{r.threat.clone()}</td>
                                <td><span class=format!("badge {}", zone_class(r.initial_zone))>{
                                    if r.initial_zone.is_some() { format!("{} {}", r.initial, zone_label(r.initial_zone)) } else { r.initial.clone() }
                                }</span></td>
                                <td><span class=format!("badge {}", zone_class(r.residual_zone))>{
                                    if r.residual_zone.is_some() { format!("{} {}", r.residual, zone_label(r.residual_zone)) } else { r.residual.clone() }
                                }</span></td>
                                <td>{r.status.label()}</td>
                                <td>{r.owner.clone()}</td>
                                <td>{r.needs}</td>
                                <td><button type="button" aria-label=format!("Edit {}", r.id) on:click={ let id = r.id.clone(); move |_| selected.set(Some(id.clone())) }>"Edit"</button></td>
                            </tr> }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// Edit one entry. Fields write straight into the plan (and so autosave).
#[component]
fn RiskEditor(id: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    let entry = {
        let id = id.clone();
        derive(move |p| p.risks.iter().find(|r| r.id == id).cloned())
    };
    let criteria = derive(|p| Some(p.criteria.clone()));
    let needs = derive(|p| p.needs.iter().map(|n| (n.id.clone(), n.text.clone())).collect::<Vec<_>>());
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut RiskEntry)>| {
            let id = id.clone();
            app.edit(move |p| {
                if let Some(r) = p.risks.iter_mut().find(|r| r.id == id) {
                    f(r);
                }
            });
        }
    };
    let judgement = move || {
        let (Some(e), Some(c)) = (entry.get(), criteria.get()) else { return String::new() };
        let j = assess::judge(&e, &c);
        match e.residual {
            _ if e.initial.is_none() => "Not rated yet: choose its initial levels below.".to_string(),
            Some(_) => format!("Initial risk: {}. Residual risk: {}.", zone_label(j.initial), zone_label(j.residual)),
            None => format!("Initial risk: {}. Residual risk not assessed yet.", zone_label(j.initial)),
        }
    };
    let text_input = {
        let edit = edit.clone();
        move |fid: &'static str, label: &'static str, get: fn(&RiskEntry) -> String, set: fn(&mut RiskEntry, String)| {
            let edit = edit.clone();
            view! {
                <div class="field">
                    <label for=fid>{label}</label>
                    <input id=fid type="text" maxlength="300" prop:value=move || entry.get().map(|e| get(&e)).unwrap_or_default()
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
                let rating = entry.get().and_then(|e| if residual { e.residual } else { e.initial });
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
                    <select id=fid prop:disabled=move || residual && entry.get().is_some_and(|e| e.residual.is_none())
                        on:change=move |ev| {
                            let v: u8 = event_target_value(&ev).parse().unwrap_or(0);
                            let rated = entry.get_untracked().is_some_and(|e| if residual { e.residual.is_some() } else { e.initial.is_some() });
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
                            view! { <option value="0" selected=unset>{if residual { "—" } else { assess::NOT_RATED }}</option> }
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
    let edit_needs = edit.clone();
    view! {
        <section class="risk-editor" aria-labelledby="risk-editor-title">
            <h3 id="risk-editor-title">{heading}</h3>
            <p class="judgement" role="status">{judgement}</p>
            {text_input("risk-asset", "Asset or function", |e| e.asset.clone(), |r, v| r.asset = v)}
            {text_input("risk-threat", "Threat or vulnerability", |e| e.threat.clone(), |r, v| r.threat = v)}
            <fieldset class="field ratings">
                <legend>"Initial rating (before controls)"</legend>
                { let rs = rating_select.clone(); move || rs("risk-initial-l", axis().to_string(), false, true) }
                {rating_select("risk-initial-s", "Severity".into(), false, false)}
            </fieldset>
            <div class="field">
                <label for="risk-controls">"Controls"</label>
                <textarea id="risk-controls" rows="3" prop:value=move || entry.get().map(|e| e.controls).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit_controls(Box::new(move |r| r.controls = v)); }></textarea>
            </div>
            <fieldset class="field ratings">
                <legend>"Residual rating (after controls)"</legend>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || entry.get().is_some_and(|e| e.residual.is_some())
                        prop:disabled=move || entry.get().is_some_and(|e| e.initial.is_none() && e.residual.is_none())
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_residual(Box::new(move |r| r.residual = if on { r.residual.or(r.initial) } else { None }));
                        }/>
                    "Residual risk assessed"
                    {move || entry.get().is_some_and(|e| e.initial.is_none()).then_some(view! { <span class="hint">" (rate the initial risk first)"</span> })}
                </label>
                { let rs = rating_select.clone(); move || rs("risk-residual-l", axis().to_string(), true, true) }
                {rating_select("risk-residual-s", "Severity".into(), true, false)}
            </fieldset>
            <fieldset class="field needs-links">
                <legend>"Linked stakeholder needs"</legend>
                {move || {
                    let list = needs.get();
                    if list.is_empty() {
                        return view! { <p class="hint">"No security needs yet: add them in A.2."</p> }.into_any();
                    }
                    let edit_needs = edit_needs.clone();
                    list.into_iter().map(|(nid, text)| {
                        let edit_needs = edit_needs.clone();
                        let checked = { let nid = nid.clone(); move || entry.get().is_some_and(|e| e.need_ids.contains(&nid)) };
                        view! {
                            <label class="choice">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let nid = nid.clone();
                                    edit_needs(Box::new(move |r| { r.need_ids.retain(|x| *x != nid); if on { r.need_ids.push(nid); } }));
                                }/>
                                {text}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            {text_input("risk-owner", "Owner", |e| e.owner.clone(), |r, v| r.owner = v)}
            <div class="field compact">
                <label for="risk-status-edit">"Status"</label>
                <select id="risk-status-edit" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = RiskStatus::ALL.into_iter().find(|s| s.label() == v) { edit_status(Box::new(move |r| r.status = s)); }
                }>
                    {move || { let cur = entry.get().map(|e| e.status); RiskStatus::ALL.map(|s| view! { <option value=s.label() selected=cur == Some(s)>{s.label()}</option> }).collect_view() }}
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
