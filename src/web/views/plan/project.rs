//! A.1 Release / change project planning.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::plan::model::{Answer, Checklist, PlanText, Scope};
use crate::plan::presets::IMPACT_QUESTIONS;
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::field::{text_area, text_field};

#[component]
pub fn ProjectSection() -> impl IntoView {
    let scope = derive(|p| p.project.scope);
    let needs_cia = move || matches!(scope.get(), Some(Scope::MajorAddition | Scope::Maintenance));
    view! {
        <section aria-labelledby="a1-title">
            <h2 id="a1-title">"A.1 Release / change project planning"</h2>
            <p class="hint">"Define the scope, gather the inputs, name the outputs and commit the security resources now, not later."</p>
            <div class="form-body" data-artefact>
            {text_field("plan-name", "Plan name", PlanText::Name)}
            {text_field("product", "Product", PlanText::Product)}
            <ProductEndOfSupport/>
            <ScopeChoice/>
            <super::premarket::CyberDevice/>
            {text_area("description", "Project summary", "What the release or change delivers, and why.",
                PlanText::Summary)}
            <div class="columns">
                <Checklist title="Inputs" hint="What the team gathers before deciding the security activities. Tick an input once the team has it."
                    list=Checklist::Inputs prefix="in" ticked="gathered" unticked="to gather"/>
                <Checklist title="Outputs" hint="What A.1 produces. Tick an output once it is produced."
                    list=Checklist::Outputs prefix="out" ticked="produced" unticked="to produce"/>
            </div>
            <Show when=needs_cia>
                <ImpactAssessment/>
            </Show>
            <h3>"Security resources committed"</h3>
            {text_area("res-budget", "Security budget", "The money committed to security activities, decided now rather than later.",
                PlanText::Budget)}
            {text_area("res-people", "Security people", "Who will do the security work, and how much of their time.",
                PlanText::People)}
            {text_area("res-activities", "Security activities", "The security activities this scope needs (e.g. threat modelling, testing, SBOM).",
                PlanText::Activities)}
            </div>
        </section>
    }
}

/// When the manufacturer plans to stop supporting the product: the
/// component register shows which components' support ends before it.
#[component]
fn ProductEndOfSupport() -> impl IntoView {
    let value = derive(|p| p.project.end_of_support.clone());
    let error = crate::web::views::common::field::FieldError::new();
    view! {
        <div class="field">
            <label for="product-end-of-support">"Planned end of support of the product"</label>
            <p class="hint" id="product-end-of-support-hint">"Components whose support ends before this date are gaps (Third-party components)."</p>
            <input id="product-end-of-support" type="date" prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby="product-end-of-support-hint product-end-of-support-error"
                on:change=move |ev| { let v = event_target_value(&ev); error.edit(move |p| p.set_product_end_of_support(v)); }/>
            {error.view("product-end-of-support-error".to_string())}
        </div>
    }
}

#[component]
fn ScopeChoice() -> impl IntoView {
    let app = app();
    let scope = derive(|p| p.project.scope);
    view! {
        <fieldset class="field scope">
            <legend>"Scope of the project"</legend>
            <p class="hint">"A new product needs a Development Plan; a major addition or maintenance needs a Change Impact Assessment."</p>
            {Scope::ALL.into_iter().map(|s| view! {
                <label class="choice">
                    <input type="radio" name="scope" prop:checked=move || scope.get() == Some(s)
                        on:change=move |_| app.edit(move |p| p.set_scope(s))/>
                    {s.label()}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn Checklist(
    title: &'static str,
    hint: &'static str,
    list: Checklist,
    prefix: &'static str,
    /// What a tick means, said beside each item ("gathered"), and its absence ("to gather").
    ticked: &'static str,
    unticked: &'static str,
) -> impl IntoView {
    let app = app();
    let items = derive(move |p| p.checklist(list).clone());
    let new_label = RwSignal::new(String::new());
    let input_id = format!("{prefix}-new");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(label) = crate::common::ids::clean_name(&new_label.get_untracked()) else { return };
        let id = crate::common::ids::new_id(prefix, crate::web::browser::entropy());
        app.edit(move |p| p.add_checklist_item(list, id, label));
        new_label.set(String::new());
    };
    view! {
        <fieldset class="field checklist">
            <legend>{title}</legend>
            <p class="hint">{hint}</p>
            <For each=move || items.get() key=|i| (i.id.clone(), i.label.clone(), i.done) let:item>
                {
                    let (id, id2) = (item.id.clone(), item.id.clone());
                    let label = item.label.clone();
                    view! {
                        <div class="check-row">
                            <label class="choice">
                                <input type="checkbox" prop:checked=item.done
                                    on:change=move |ev| {
                                        let done = event_target_checked(&ev);
                                        let id = id.clone();
                                        app.edit(move |p| p.set_checklist_done(list, &id, done));
                                    }/>
                                {item.label.clone()}
                                " "
                                <span class="tick-state" class:done=item.done>{if item.done { ticked } else { unticked }}</span>
                            </label>
                            <button type="button" class="icon" aria-label=format!("Remove “{label}”")
                                on:click=move |_| { let id = id2.clone(); app.edit(move |p| p.remove_checklist_item(list, &id)); }>"×"</button>
                        </div>
                    }
                }
            </For>
            <form class="inline-add" on:submit=add>
                <label for=input_id.clone() class="visually-hidden">{format!("New {} item", title.to_lowercase())}</label>
                <input id=input_id type="text" maxlength=MAX_NAME_LEN placeholder=format!("Add to {}", title.to_lowercase())
                    prop:value=move || new_label.get() on:input=move |ev| new_label.set(event_target_value(&ev))/>
                <button type="submit">"Add"</button>
            </form>
        </fieldset>
    }
}

#[component]
fn ImpactAssessment() -> impl IntoView {
    let app = app();
    let answers = derive(|p| p.project.change_impact.clone());
    view! {
        <fieldset class="field cia">
            <legend>"Change Impact Assessment"</legend>
            <p class="hint">"For a major addition or maintenance: what the change touches decides which security activities it needs."</p>
            <ol>
                {IMPACT_QUESTIONS.iter().map(|(qid, question)| {
                    let qid: &'static str = qid;
                    let current = move || answers.with(|a| a.iter().find(|x| x.question_id == qid).cloned());
                    let set_answer = move |answer: Answer| app.edit(move |p| p.answer_impact(qid, answer));
                    let note_id = format!("{qid}-note");
                    view! {
                        <li>
                            <fieldset class="question">
                                <legend>{*question}</legend>
                                {Answer::ALL.map(|a| view! {
                                    <label class="choice inline">
                                        <input type="radio" name=qid prop:checked=move || current().map(|x| x.answer) == Some(a)
                                            on:change=move |_| set_answer(a)/>
                                        {a.label()}
                                    </label>
                                }).collect_view()}
                                <label for=note_id.clone() class="visually-hidden">{format!("Note on: {question}")}</label>
                                <input id=note_id type="text" class="note" placeholder="Note (optional)" maxlength=MAX_NAME_LEN
                                    prop:disabled=move || current().is_none()
                                    prop:value=move || current().map(|x| x.note).unwrap_or_default()
                                    on:input=move |ev| {
                                        let note = event_target_value(&ev);
                                        app.edit(move |p| p.note_impact(qid, note));
                                    }/>
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </fieldset>
    }
}
