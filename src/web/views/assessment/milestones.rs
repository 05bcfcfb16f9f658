//! Milestones of the roadmap: add one (name, date, phase, the gaps it
//! closes), then change or remove each. The gaps offered are the
//! activities whose target is above their current level
//! (`assessment::score::gaps`), plus any a milestone already names.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use super::{html_id, refused, typed_field, FieldError};
use crate::assessment::framework;
use crate::assessment::score::gaps;
use crate::assessment::{Assessment, Milestone};
use crate::web::state::assessment::open_assessment;
use crate::web::state::NoticeKind;
use crate::web::views::app;

/// An activity a milestone may close: its id, name, and where its gap stands.
#[derive(Clone, PartialEq)]
struct GapChoice {
    id: &'static str,
    text: String,
}

fn gap_choices(a: &Assessment, also: &[String]) -> Vec<GapChoice> {
    let mut list: Vec<GapChoice> = gaps(a)
        .iter()
        .map(|g| GapChoice { id: g.activity.id, text: format!("{} ({} → {})", g.activity.name, g.current, g.target) })
        .collect();
    for id in also {
        if let Some((_, act)) = framework::find(id).filter(|_| !list.iter().any(|c| c.id == id)) {
            list.push(GapChoice { id: act.id, text: format!("{} (no gap now)", act.name) });
        }
    }
    list
}

/// The phases to choose from: (id, name), after "No phase".
fn phase_options(a: &Assessment) -> Vec<(String, String)> {
    a.phases.iter().map(|p| (p.id.clone(), p.name.clone())).collect()
}

#[component]
pub(super) fn Milestones() -> impl IntoView {
    let open = open_assessment();
    let ids = Memo::new(move |_| open.doc.with(|a| a.milestones.iter().map(|m| m.id.clone()).collect::<Vec<_>>()));
    view! {
        <div class="milestones">
            <h3>"Milestones"</h3>
            <AddMilestone/>
            <Show when=move || ids.with(|l| !l.is_empty()) fallback=|| view! { <p class="empty">"No milestones yet."</p> }>
                <ul class="milestone-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <MilestoneItem id/>
                    </For>
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn AddMilestone() -> impl IntoView {
    let open = open_assessment();
    let (name, date, phase) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let closes = RwSignal::new(Vec::<&'static str>::new());
    let error = RwSignal::new(None::<String>);
    let choices = Memo::new(move |_| open.doc.with(|a| gap_choices(a, &[])));
    let phases = Memo::new(move |_| open.doc.with(phase_options));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, d) = (name.get_untracked(), date.get_untracked());
        // A phase chosen here and removed since is no choice.
        let p = phase.get_untracked();
        let p = phases.with_untracked(|l| l.iter().any(|(id, _)| *id == p)).then_some(p);
        let chosen = closes.get_untracked();
        match open.edit(|a| a.add_milestone(&n, &d, p.as_deref(), &chosen)) {
            Ok(_) => {
                error.set(None);
                name.set(String::new());
                closes.set(Vec::new());
                app().notify(NoticeKind::Info, format!("Added the milestone “{}”.", n.trim()));
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let invalid = move || if error.with(Option::is_some) { "true" } else { "false" };
    view! {
        <form class="add-milestone" on:submit=add aria-labelledby="add-milestone-title">
            <h4 id="add-milestone-title">"Add a milestone"</h4>
            <div class="milestone-fields">
                <div class="field compact">
                    <label for="new-milestone-name">"Milestone name"</label>
                    <input id="new-milestone-name" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Threat modelling in every project"
                        aria-invalid=invalid aria-describedby="add-milestone-error"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field compact">
                    <label for="new-milestone-date">"Due on"</label>
                    <input id="new-milestone-date" type="date" prop:value=move || date.get()
                        on:change=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div class="field compact">
                    <label for="new-milestone-phase">"Phase"</label>
                    {phase_select("new-milestone-phase".into(), phases, Signal::derive(move || phase.get()), move |v| phase.set(v))}
                </div>
            </div>
            <GapBoxes choices id_prefix="new-milestone-closes".into()
                empty="No activity has a gap yet: give activities a target above their current level."
                checked=move |id| closes.with(|l| l.contains(&id))
                toggle=move |id, on| closes.update(|l| { l.retain(|x| *x != id); if on { l.push(id); } })/>
            <p class="field-error" id="add-milestone-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            <button type="submit">"Add milestone"</button>
        </form>
    }
}

/// A milestone's "Gaps it closes" boxes, one for each gap (and for each
/// activity it already closes); `checked` says which are ticked and `toggle`
/// is told of each change.
#[component]
fn GapBoxes(
    choices: Memo<Vec<GapChoice>>,
    /// The start of each box's id ("new-milestone-closes").
    id_prefix: String,
    /// What shows when there is no gap to choose.
    empty: &'static str,
    checked: impl Fn(&'static str) -> bool + Copy + Send + Sync + 'static,
    toggle: impl Fn(&'static str, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <fieldset class="closes">
            <legend>"Gaps it closes"</legend>
            <Show when=move || choices.with(|c| !c.is_empty()) fallback=move || view! { <p class="empty">{empty}</p> }>
                {
                    let id_prefix = id_prefix.clone();
                    move || choices.get().into_iter().map(|c| {
                        let (id, box_id) = (c.id, html_id(&id_prefix, c.id));
                        view! {
                            <label class="choice" for=box_id.clone()>
                                <input type="checkbox" id=box_id.clone() prop:checked=move || checked(id)
                                    on:change=move |ev| toggle(id, event_target_checked(&ev))/>
                                {c.text}
                            </label>
                        }
                    }).collect_view()
                }
            </Show>
        </fieldset>
    }
}

/// A select of "No phase" and the roadmap's phases.
fn phase_select(id: String, phases: Memo<Vec<(String, String)>>, chosen: Signal<String>, set: impl Fn(String) + 'static) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| set(event_target_value(&ev))>
            <option value="" prop:selected=move || chosen.with(String::is_empty)>"No phase"</option>
            {move || phases.get().into_iter().map(|(pid, pname)| {
                let key = pid.clone();
                view! { <option value=pid prop:selected=move || chosen.with(|c| *c == key)>{pname}</option> }
            }).collect_view()}
        </select>
    }
}

/// One milestone, its fields changed in place.
#[component]
fn MilestoneItem(id: String) -> impl IntoView {
    let open = open_assessment();
    let found: Memo<Option<Milestone>> = {
        let id = id.clone();
        Memo::new(move |_| open.doc.with(|a| a.milestones.iter().find(|m| m.id == id).cloned()))
    };
    let field = move |f: fn(&Milestone) -> String| Memo::new(move |_| found.with(|m| m.as_ref().map(f).unwrap_or_default()));
    let name = field(|m| m.name.clone());
    let date = field(|m| m.date.clone());
    let phase = field(|m| m.phase_id.clone().unwrap_or_default());
    let closes = Memo::new(move |_| found.with(|m| m.as_ref().map(|m| m.closes.clone()).unwrap_or_default()));
    let choices = Memo::new(move |_| closes.with(|c| open.doc.with(|a| gap_choices(a, c))));
    let phases = Memo::new(move |_| open.doc.with(phase_options));
    let date_error = FieldError::new();
    let base = format!("milestone-{id}");
    let ids = StoredValue::new(id);
    let (name_id, date_id, phase_id) = (format!("{base}-name"), format!("{base}-date"), format!("{base}-phase"));
    let date_err_id = format!("{date_id}-error");
    let remove = move |_| {
        let gone = name.get_untracked();
        if ids.with_value(|id| open.edit(|a| a.remove_milestone(id))).is_ok() {
            app().notify(NoticeKind::Info, format!("Removed the milestone “{gone}”."));
        }
    };
    view! {
        <li class="milestone-item">
            <fieldset>
                <legend>{move || name.get()}</legend>
                <div class="milestone-fields">
                    {typed_field(name_id, "Name", MAX_NAME_LEN, name, move |a, v| ids.with_value(|id| a.rename_milestone(id, v)))}
                    <div class="field compact">
                        <label for=date_id.clone()>"Due on"</label>
                        <input id=date_id type="date" prop:value=move || date.get()
                            aria-invalid=date_error.invalid() aria-describedby=date_err_id.clone()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                date_error.show(ids.with_value(|id| open.edit(|a| a.set_milestone_date(id, &v))));
                            }/>
                        {date_error.view(date_err_id)}
                    </div>
                    <div class="field compact">
                        <label for=phase_id.clone()>"Phase"</label>
                        {phase_select(phase_id, phases, phase.into(), move |v| {
                            refused(ids.with_value(|id| open.edit(|a| a.set_milestone_phase(id, Some(v.as_str()).filter(|v| !v.is_empty())))));
                        })}
                    </div>
                </div>
                <GapBoxes choices id_prefix=ids.with_value(|id| format!("milestone-{id}-closes")) empty="No activity has a gap."
                    checked=move |act| closes.with(|l| l.iter().any(|x| x == act))
                    toggle=move |act, on| refused(ids.with_value(|id| open.edit(|a| if on { a.link_gap(id, act) } else { a.unlink_gap(id, act) })))/>
                <div class="row-actions">
                    <button type="button" class="danger" aria-label=move || format!("Remove milestone {}", name.get()) on:click=remove>
                        "Remove"
                    </button>
                </div>
            </fieldset>
        </li>
    }
}
