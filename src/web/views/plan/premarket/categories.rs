//! FDA's security control categories: the boxes a control carries them by
//! (drawn in each control's row of Controls and traceability), and the
//! coverage view, per category its controls, the risks they treat and how
//! far they are verified. A category with no control is a gap until the
//! team records why it does not apply, in the field beside it.

use leptos::prelude::*;

use super::target::{gap_link, target_link};
use crate::common::rules::MAX_TEXT_LEN;
use crate::plan::model::SecurityCategory;
use crate::plan::premarket::coverage::{category_coverage, uncategorised, CoverageState};
use crate::plan::premarket::Target;
use crate::plan::sections::Section;
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::field::FieldError;

/// The categories of control `id` as labelled boxes, folded under a line
/// that names the ones ticked (the row stays one line until opened).
#[component]
pub fn ControlCategories(id: String) -> impl IntoView {
    super::style::install();
    let app = app();
    let ticked = {
        let id = id.clone();
        derive(move |p| p.controls.iter().find(|c| c.id == id).map(|c| c.categories.clone()).unwrap_or_default())
    };
    let summary = move || {
        ticked.with(|t| match t.len() {
            0 => "No category yet".to_string(),
            _ => t.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "),
        })
    };
    let legend = format!("Security control categories of control {id}");
    view! {
        <details class="control-categories">
            <summary><span class="visually-hidden">{format!("Categories of {id}: ")}</span>{summary}</summary>
            <fieldset>
                <legend class="visually-hidden">{legend}</legend>
                {SecurityCategory::ALL.into_iter().map(|c| {
                    let id = id.clone();
                    view! {
                        <label class="choice">
                            <input type="checkbox" data-category-of=id.clone() prop:checked=move || ticked.with(|t| t.contains(&c))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    app.edit(move |p| p.set_control_category(&id, c, on));
                                }/>
                            {c.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

/// One category's row as shown: what its controls are and where it stands.
#[derive(Debug, Clone, PartialEq, Default)]
struct Row {
    /// (id, description) of each control in it.
    controls: Vec<(String, String)>,
    risks: Vec<String>,
    verification: String,
    state: Option<CoverageState>,
}

#[component]
pub fn CategoriesSection() -> impl IntoView {
    super::style::install();
    let gaps = derive(|p| crate::plan::premarket::coverage::coverage_gaps(p).len());
    view! {
        <section aria-labelledby="categories-title" class="premarket-page">
            <h2 id="categories-title">"Security control categories"</h2>
            <p class="hint">"FDA’s premarket guidance groups security controls in eight categories. Each category needs a control, or a reason it does not apply to this product. Tick a control’s categories in Controls and traceability."</p>
            <p class="progress" role="status">{move || match gaps.get() {
                0 => "Every category is covered or ruled out.".to_string(),
                1 => "1 category has no control and no reason.".to_string(),
                n => format!("{n} categories have no control and no reason."),
            }}</p>
            <div class="table-scroll" data-artefact>
                <table class="coverage" aria-labelledby="categories-title">
                    <thead><tr>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Controls"</th>
                        <th scope="col">"Risks treated"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Why it does not apply"</th>
                    </tr></thead>
                    <tbody>
                        {SecurityCategory::ALL.into_iter().map(|c| view! { <CategoryRow category=c/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Uncategorised/>
        </section>
    }
}

#[component]
fn CategoryRow(category: SecurityCategory) -> impl IntoView {
    let row = derive(move |p| {
        let c = category_coverage(p, category);
        Row {
            controls: c.controls.iter().map(|x| (x.id.clone(), x.description.clone())).collect(),
            risks: c.risks.iter().map(|r| r.to_string()).collect(),
            verification: c.verification(),
            state: Some(c.state),
        }
    });
    let reason = derive(move |p| p.premarket.not_applicable.get(category).clone());
    let error = FieldError::new();
    let field_id = format!("category-reason-{}", category.key());
    let error_id = format!("{field_id}-error");
    view! {
        <tr>
            <th scope="row">
                <span class="category-name">{category.label()}</span>
                <span class="hint desk-only">{category.hint()}</span>
            </th>
            <td>{move || {
                let controls = row.with(|r| r.controls.clone());
                if controls.is_empty() {
                    return view! { <span class="muted">"None"</span> }.into_any();
                }
                view! {
                    <ul class="plain">
                        {controls.into_iter().map(|(id, text)| view! {
                            <li>{target_link(format!("{id} {text}"), Target::ControlCategories(id), Section::Categories)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}</td>
            <td>{move || row.with(|r| if r.risks.is_empty() { "—".to_string() } else { r.risks.join(", ") })}</td>
            <td>
                <span class=move || state_class(row.with(|r| r.state))><span class="badge">{move || row.with(|r| r.state.map(CoverageState::label).unwrap_or_default())}</span></span>
                <span class="verification">{move || row.with(|r| r.verification.clone())}</span>
            </td>
            <td>
                <label for=field_id.clone() class="visually-hidden">{format!("Why {} does not apply", category.label())}</label>
                <textarea id=field_id rows="2" maxlength=MAX_TEXT_LEN data-category-reason=category.key()
                    placeholder="Only if no control belongs here"
                    prop:value=move || reason.get() aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| p.set_category_reason(category, v)); }></textarea>
                {error.view(error_id.clone())}
            </td>
        </tr>
    }
}

/// The badge colours of the dashboard: red for a gap, amber for controls
/// not all verified, green for verified or ruled out.
fn state_class(state: Option<CoverageState>) -> &'static str {
    match state {
        Some(CoverageState::Gap) | None => "status-not-started",
        Some(CoverageState::NotVerified | CoverageState::PartlyVerified) => "status-in-progress",
        Some(CoverageState::Verified | CoverageState::NotApplicable) => "status-complete",
    }
}

/// Uncategorised controls named one by one; the rest are counted.
const LISTED: usize = 50;

/// Controls that carry no category yet, each linking to its boxes.
#[component]
fn Uncategorised() -> impl IntoView {
    let open = derive(uncategorised);
    view! {
        <h3 id="uncategorised-title">{move || match open.with(Vec::len) {
            0 => "Every control has a category".to_string(),
            1 => "1 control without a category".to_string(),
            n => format!("{n} controls without a category"),
        }}</h3>
        <ul class="gaps" aria-labelledby="uncategorised-title">
            {move || open.get().into_iter().take(LISTED).map(|g| view! { <li>{gap_link(g, Section::Categories)}</li> }).collect_view()}
        </ul>
        {move || {
            let n = open.with(Vec::len);
            (n > LISTED).then(|| view! { <p class="hint">{format!("And {} more: find them in Controls and traceability.", n - LISTED)}</p> })
        }}
    }
}
