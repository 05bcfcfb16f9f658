//! The roadmap: phases in the team's order, then the dated milestones that
//! close the gaps (`milestones`), then the roadmap as the report groups it.
//!
//! Phases and milestones get their ids from the assessment
//! (`Assessment::add_phase`, `add_milestone`); a removed phase leaves its
//! milestones without a phase, and Undo brings it back.

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use super::milestones::Milestones;
use super::{refused, report_part, typed_field};
use crate::report::PartKey;
use crate::web::state::assessment::open_assessment;
use crate::web::state::NoticeKind;
use crate::web::views::app;

#[component]
pub(super) fn Roadmap() -> impl IntoView {
    view! {
        <section id="assessment-roadmap" class="assessment-roadmap" aria-labelledby="roadmap-plan-title">
            <h2 id="roadmap-plan-title">"Plan the roadmap"</h2>
            <p class="hint">
                "Phases in the order you will work through them (four to six, over months or quarters are usual), "
                "then dated milestones, each closing the gaps of some activities."
            </p>
            <div class="roadmap-editor">
                <Phases/>
                <Milestones/>
            </div>
        </section>
        // On the projector the roadmap comes first and the forms that change it follow (style/main.css).
        <div class="roadmap-report" data-artefact="roadmap">{report_part(PartKey::Roadmap)}</div>
    }
}

#[component]
fn Phases() -> impl IntoView {
    let open = open_assessment();
    let ids = Memo::new(move |_| open.doc.with(|a| a.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    view! {
        <div class="phases">
            <h3>"Phases"</h3>
            <Show when=move || ids.with(|l| !l.is_empty()) fallback=|| view! { <p class="empty">"No phases yet."</p> }>
                <ol class="phase-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PhaseItem id/>
                    </For>
                </ol>
            </Show>
            <AddPhase/>
        </div>
    }
}

/// One phase: its name and goal, moved or removed.
#[component]
fn PhaseItem(id: String) -> impl IntoView {
    let open = open_assessment();
    let found = {
        let id = id.clone();
        Memo::new(move |_| {
            open.doc.with(|a| a.phases.iter().position(|p| p.id == id).map(|i| (i + 1, a.phases[i].name.clone(), a.phases[i].goal.clone())))
        })
    };
    let number = Memo::new(move |_| found.with(|f| f.as_ref().map_or(0, |f| f.0)));
    let name = Memo::new(move |_| found.with(|f| f.as_ref().map(|f| f.1.clone()).unwrap_or_default()));
    let goal = Memo::new(move |_| found.with(|f| f.as_ref().map(|f| f.2.clone()).unwrap_or_default()));
    let (name_id, goal_id) = (format!("phase-{id}-name"), format!("phase-{id}-goal"));
    let ids = StoredValue::new(id);
    let with_id = move |f: fn(&mut crate::assessment::Assessment, &str) -> Result<(), String>| ids.with_value(|id| open.edit(|a| f(a, id)));
    let remove = move |_| {
        let gone = name.get_untracked();
        match with_id(|a, id| a.remove_phase(id)) {
            Ok(_) => app().notify(NoticeKind::Info, format!("Removed the phase “{gone}”; its milestones stay, without a phase.")),
            Err(why) => app().notify(NoticeKind::Error, why),
        }
    };
    view! {
        <li class="phase-item">
            <fieldset>
                <legend>{move || format!("Phase {}", number.get())}</legend>
                {typed_field(name_id, "Name", MAX_NAME_LEN, name, move |a, v| ids.with_value(|id| a.rename_phase(id, v)))}
                {typed_field(goal_id, "Goal", MAX_TEXT_LEN, goal, move |a, v| ids.with_value(|id| a.set_phase_goal(id, v)))}
                <div class="row-actions">
                    <button type="button" aria-label=move || format!("Move {} earlier", name.get())
                        on:click=move |_| refused(with_id(|a, id| a.move_phase(id, -1)))>"Earlier"</button>
                    <button type="button" aria-label=move || format!("Move {} later", name.get())
                        on:click=move |_| refused(with_id(|a, id| a.move_phase(id, 1)))>"Later"</button>
                    <button type="button" class="danger" aria-label=move || format!("Remove phase {}", name.get())
                        on:click=remove>"Remove"</button>
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn AddPhase() -> impl IntoView {
    let open = open_assessment();
    let (name, goal) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, g) = (name.get_untracked(), goal.get_untracked());
        match open.edit(|a| a.add_phase(&n, &g)) {
            Ok(_) => {
                error.set(None);
                name.set(String::new());
                goal.set(String::new());
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <form class="add-phase" on:submit=add aria-labelledby="add-phase-title">
            <h4 id="add-phase-title">"Add a phase"</h4>
            <div class="field compact">
                <label for="new-phase-name">"Phase name"</label>
                <input id="new-phase-name" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Foundations"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" } aria-describedby="add-phase-error"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field compact">
                <label for="new-phase-goal">"Phase goal"</label>
                <input id="new-phase-goal" type="text" maxlength=MAX_TEXT_LEN placeholder="What the phase is for"
                    prop:value=move || goal.get() on:input=move |ev| goal.set(event_target_value(&ev))/>
            </div>
            <p class="field-error" id="add-phase-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            <button type="submit">"Add phase"</button>
        </form>
    }
}
