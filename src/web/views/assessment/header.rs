//! The top of the page: the assessment's name as its title, the fields
//! that say whose assessment it is and when, undo and redo, whether the
//! latest edit is stored, and the choice to make when another tab changed
//! the same assessment.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use super::FieldError;
use crate::assessment::Assessment;
use crate::web::state::assessment::open_assessment;
use crate::web::state::NoticeKind;
use crate::web::state::SaveState;
use crate::web::views::app;

#[component]
pub(super) fn Header() -> impl IntoView {
    let open = open_assessment();
    let name = Memo::new(move |_| open.doc.with(|a| a.name.clone()));
    view! {
        <header class="assessment-header">
            <div class="assessment-top">
                <button type="button" class="link" on:click=move |_| app().close_assessment()>"← All plans"</button>
                <span class="kicker">"Maturity self-assessment against the JSP"</span>
            </div>
            <h1>{move || name.get()}</h1>
            <div class="assessment-fields">
                {text_field("assessment-name", "Assessment name", |a| a.name.clone(), Assessment::rename)}
                {text_field("assessment-organisation", "Organisation", |a| a.organisation.clone(), Assessment::set_organisation)}
                <DateField/>
                <PlanLink/>
            </div>
            <div class="assessment-toolbar">
                <UndoRedo/>
                <SaveLine/>
            </div>
            <ConflictBanner/>
        </header>
    }
}

/// A single-line field of the assessment itself, kept as typed.
fn text_field(
    id: &'static str,
    label: &'static str,
    get: fn(&Assessment) -> String,
    set: fn(&mut Assessment, &str) -> Result<(), String>,
) -> impl IntoView {
    let doc = open_assessment().doc;
    super::typed_field(id.into(), label, MAX_NAME_LEN, Memo::new(move |_| doc.with(get)), set)
}

#[component]
fn DateField() -> impl IntoView {
    let open = open_assessment();
    let value = Memo::new(move |_| open.doc.with(|a| a.assessed_on.clone()));
    let error = FieldError::new();
    view! {
        <div class="field compact">
            <label for="assessment-date">"Assessed on"</label>
            <input id="assessment-date" type="date" prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby="assessment-date-error"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    error.show(open.edit(|a| a.set_assessed_on(&v)));
                }/>
            {error.view("assessment-date-error".into())}
        </div>
    }
}

/// The product plan this assessment speaks for, on that plan's dashboard
/// (without one, a dashboard shows the latest assessment). Chosen from the
/// plans in this browser; a linked plan that is not here is named by its id.
#[component]
fn PlanLink() -> impl IntoView {
    let (open, plans) = (open_assessment(), app().library.plans);
    let linked = Memo::new(move |_| open.doc.with(|a| a.plan_id.clone()));
    let choices = Memo::new(move |_| {
        let mut list: Vec<(String, String)> = plans.with(|l| l.iter().map(|p| (p.id.clone(), p.name.clone())).collect());
        list.sort_by_key(|(_, name)| name.to_lowercase());
        if let Some(id) = linked.get().filter(|id| !list.iter().any(|(p, _)| p == id)) {
            list.push((id.clone(), format!("A plan not in this browser ({id})")));
        }
        list
    });
    let change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let outcome = open.edit(|a| a.set_plan_id(Some(id.as_str()).filter(|id| !id.is_empty())));
        if let Err(why) = outcome {
            app().notify(NoticeKind::Error, why);
        }
    };
    view! {
        <div class="field compact">
            <label for="assessment-plan">"Product plan"</label>
            <select id="assessment-plan" on:change=change>
                <option value="" prop:selected=move || linked.with(Option::is_none)>"None: the organisation as a whole"</option>
                {move || choices.get().into_iter().map(|(id, name)| {
                    let chosen = id.clone();
                    view! { <option value=id prop:selected=move || linked.with(|l| l.as_deref() == Some(chosen.as_str()))>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The undo and redo buttons, here and on the workshop bar.
#[component]
pub(super) fn UndoRedo() -> impl IntoView {
    let open = open_assessment();
    view! {
        <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !open.can_undo.get() on:click=move |_| open.undo()>
            "Undo"
        </button>
        <button type="button" aria-keyshortcuts="Control+Y" disabled=move || !open.can_redo.get() on:click=move |_| open.redo()>
            "Redo"
        </button>
    }
}

/// Whether the latest edit is in this browser's storage, and if not, why.
#[component]
fn SaveLine() -> impl IntoView {
    let saved = open_assessment().saved;
    view! {
        <p class="save-line" role="status" data-testid="save-status">
            {move || match saved.get() {
                SaveState::Saved => view! { <span class="ok">"Saved in this browser"</span> }.into_any(),
                SaveState::Saving => view! { <span>"Saving…"</span> }.into_any(),
                SaveState::Unsaved(why) => view! { <span class="bad">"Not saved: " {why}</span> }.into_any(),
                // An assessment deleted in another tab is a conflict too (`OpenAssessment::write`).
                SaveState::Conflict | SaveState::Deleted => view! { <span class="bad">"Not saved: changed in another tab"</span> }.into_any(),
            }}
        </p>
    }
}

/// Another tab wrote this assessment since this tab read it: nothing is
/// written until the user chooses whose version stays.
#[component]
fn ConflictBanner() -> impl IntoView {
    let open = open_assessment();
    let conflict = Memo::new(move |_| open.saved.with(|s| *s == SaveState::Conflict));
    let take = move |_| {
        if let Err(why) = open.take_theirs() {
            app().notify(NoticeKind::Error, why);
        }
    };
    view! {
        <Show when=move || conflict.get()>
            <div class="banner conflict assessment-conflict" role="alert">
                <p>
                    <strong>"This assessment was changed in another tab."</strong>
                    " Your edits here are not saved until you choose. Keep yours to store them over the other tab’s, "
                    "or take the other tab’s version (yours can be brought back with Undo)."
                </p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| open.keep_mine()>"Keep mine"</button>
                    <button type="button" on:click=take>"Take theirs"</button>
                </div>
            </div>
        </Show>
    }
}
