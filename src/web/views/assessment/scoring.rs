//! The scoring editor: one table per component, one row per activity, with
//! its current and target level, whether it applies (and why not), its
//! evidence and owner.
//!
//! The level lists work as any select does (arrow keys, typing a digit).
//! On a row, + (or =) and - step the current level one up or down through
//! `Assessment::step_current`, which never wraps round; on a Target list
//! they step the target. Typing in a text field is never taken as a key.
//! A refused change (a level of an activity marked not applicable) is
//! told in a notice in the domain's words.

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{html_id, off_step, page, refused, FieldError};
use crate::assessment::edit::{Side, Step};
use crate::assessment::level::label;
use crate::assessment::{Activity, ActivityEntry, Assessment, Component, COMPONENTS, LEVELS};
use crate::web::display::display;
use crate::web::state::assessment::open_assessment;

#[component]
pub(super) fn Scoring() -> impl IntoView {
    let (workshop, step) = (display().workshop, page().step);
    // On the projector, shown while the workshop is on one of the components.
    let off = move || workshop.get() && step.get() >= COMPONENTS.len();
    view! {
        <div id="assessment-scoring" class="assessment-scoring" class:off-step=off>
            <p class="hint keys-hint" id="scoring-keys">
                "Score each activity from 0 to 5, as it is today (Current) and where you want it (Target). In a row, press "
                <kbd>"+"</kbd>" or "<kbd>"="</kbd>" to raise the current level and "<kbd>"-"</kbd>" to lower it; "
                "on a Target list they change the target. The arrow keys choose within a list. "
                "An activity that does not apply needs a reason: its levels are kept, and not counted."
            </p>
            <details class="level-guide">
                <summary>"What the levels mean"</summary>
                <dl>
                    {LEVELS.iter().map(|l| view! { <dt>{label(l.value)}</dt><dd>{l.definition}</dd> }).collect_view()}
                </dl>
            </details>
            {COMPONENTS.iter().enumerate().map(|(at, component)| view! { <ComponentTable component at/> }).collect_view()}
        </div>
    }
}

#[component]
fn ComponentTable(component: &'static Component, at: usize) -> impl IntoView {
    let title_id = html_id("component", component.id);
    view! {
        <section class="component-scores" aria-labelledby=title_id.clone() data-step=at class:off-step=off_step(at)>
            <h2 id=title_id.clone()>{component.name}</h2>
            <table class="scoring-table" data-artefact="scoring" aria-labelledby=title_id.clone() aria-describedby="scoring-keys">
                <colgroup>
                    <col class="activity-col"/><col class="level-col"/><col class="level-col"/>
                    <col class="na-col"/><col class="evidence-col"/><col class="owner-col"/>
                </colgroup>
                <thead><tr>
                    <th scope="col">"Activity and our question"</th>
                    <th scope="col">"Current"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Not applicable"</th>
                    <th scope="col">"Evidence"</th>
                    <th scope="col">"Owner"</th>
                </tr></thead>
                <tbody>
                    {component.activities.iter().map(|activity| view! { <ActivityRow activity/> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// How a control names its level: "Current" or "Target".
fn side_label(side: Side) -> &'static str {
    match side {
        Side::Current => "Current",
        Side::Target => "Target",
    }
}

/// The class of a level's select, by which the row's keys know which level to step.
fn side_class(side: Side) -> &'static str {
    match side {
        Side::Current => "level level-current",
        Side::Target => "level level-target",
    }
}

#[component]
fn ActivityRow(activity: &'static Activity) -> impl IntoView {
    let open = open_assessment();
    let id = activity.id;
    let entry = Memo::new(move |_| open.doc.with(|a| a.entry(id).cloned().unwrap_or_else(|| ActivityEntry::unscored(id))));
    let current = Memo::new(move |_| entry.with(|e| e.current));
    let target = Memo::new(move |_| entry.with(|e| e.target));
    let reason = Memo::new(move |_| entry.with(|e| e.not_applicable.clone()));
    let evidence = Memo::new(move |_| entry.with(|e| e.evidence.clone()));
    let owner = Memo::new(move |_| entry.with(|e| e.owner.clone()));
    let na = Memo::new(move |_| reason.with(Option::is_some));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let by = match ev.key().as_str() {
            "+" | "=" => Step::Up,
            "-" => Step::Down,
            _ => return,
        };
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if crate::web::browser::is_text_entry(&el) && el.tag_name() != "SELECT" {
            return;
        }
        let side = if el.class_list().contains("level-target") { Side::Target } else { Side::Current };
        ev.prevent_default();
        refused(open.edit(|a| a.step_level(id, side, by)));
    };
    view! {
        <tr on:keydown=on_key class:not-applicable=move || na.get()>
            <th scope="row">
                <span class="activity-name">{activity.name}</span>
                <span class="question">{activity.question}</span>
            </th>
            <td>{level_select(activity, Side::Current, current, na)}</td>
            <td>{level_select(activity, Side::Target, target, na)}</td>
            <td><NotApplicable activity reason/></td>
            <td>
                {text(activity, "evidence", format!("Evidence for {}", activity.name), true, evidence, Assessment::set_evidence)}
            </td>
            <td>{text(activity, "owner", format!("Owner of {}", activity.name), false, owner, Assessment::set_owner)}</td>
        </tr>
    }
}

/// "Not scored", then the levels 0 to 5 by name.
fn level_select(activity: &'static Activity, side: Side, level: Memo<Option<u8>>, na: Memo<bool>) -> impl IntoView {
    let open = open_assessment();
    let id = activity.id;
    let change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<u8>().ok();
        let outcome = open.edit(|a| a.set_level(id, side, chosen));
        if outcome.is_err() {
            // The assessment kept its level: so does the list.
            if let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value(&level.get_untracked().map_or(String::new(), |l| l.to_string()));
            }
        }
        refused(outcome);
    };
    view! {
        <select class=side_class(side) id=html_id(side.word(), id)
            aria-label=format!("{} level of {}", side_label(side), activity.name)
            disabled=move || na.get() on:change=change>
            <option value="" prop:selected=move || level.get().is_none()>"Not scored"</option>
            {LEVELS.iter().map(|l| {
                let v = l.value;
                view! { <option value=v.to_string() prop:selected=move || level.get() == Some(v)>{label(v)}</option> }
            }).collect_view()}
        </select>
    }
}

/// The box that marks an activity not applicable, and its reason. Ticking it
/// asks for the reason (the assessment refuses a blank one, and its sentence
/// says so); the first character typed marks the activity.
#[component]
fn NotApplicable(activity: &'static Activity, reason: Memo<Option<String>>) -> impl IntoView {
    let open = open_assessment();
    let id = activity.id;
    let asking = RwSignal::new(false);
    let error = FieldError::new();
    let checked = Memo::new(move |_| reason.with(Option::is_some) || asking.get());
    let input_id = html_id("na-reason", id);
    let error_id = html_id("na-error", id);
    let focus_target = input_id.clone();
    let toggle = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            error.show(open.edit(|a| a.mark_not_applicable(id, "")));
            asking.set(true);
            let target = focus_target.clone();
            // Once the reason's field is shown.
            request_animation_frame(move || crate::web::views::common::focus_id(&target));
        } else {
            asking.set(false);
            error.clear();
            refused(open.edit(|a| a.mark_applicable(id)));
        }
    };
    let key = format!("not-applicable:{id}");
    let typed = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let outcome = open.edit_typing(&key, |a| a.mark_not_applicable(id, &v));
        if outcome.is_ok() {
            asking.set(false);
        }
        error.show(outcome);
    };
    view! {
        <div class="na">
            <input type="checkbox" id=html_id("na", id) aria-label=format!("Not applicable: {}", activity.name)
                prop:checked=move || checked.get() on:change=toggle/>
            <div class="na-reason" hidden=move || !checked.get()>
                <input type="text" id=input_id maxlength=MAX_TEXT_LEN placeholder="Why not?"
                    aria-label=format!("Why {} does not apply", activity.name)
                    prop:value=move || reason.get().unwrap_or_default()
                    aria-invalid=error.invalid() aria-describedby=error_id.clone() on:input=typed/>
                {error.view(error_id)}
            </div>
        </div>
    }
}

/// An activity's evidence (several lines) or owner (one), kept as typed.
fn text(
    activity: &'static Activity,
    field: &'static str,
    label: String,
    multiline: bool,
    value: Memo<String>,
    set: fn(&mut Assessment, &str, &str) -> Result<(), String>,
) -> impl IntoView {
    let open = open_assessment();
    let id = activity.id;
    let error = FieldError::new();
    let error_id = html_id(&format!("{field}-error"), id);
    let key = format!("{field}:{id}");
    let typed = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        error.show(open.edit_typing(&key, |a| set(a, id, &v)));
    };
    let control = if multiline {
        view! {
            <textarea id=html_id(field, id) rows="2" maxlength=MAX_TEXT_LEN aria-label=label prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby=error_id.clone() on:input=typed></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=html_id(field, id) maxlength=MAX_NAME_LEN aria-label=label prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby=error_id.clone() on:input=typed/>
        }
        .into_any()
    };
    (control, error.view(error_id))
}
