//! Premarket readiness: each element of the documentation FDA's premarket
//! guidance recommends, with what in the plan feeds it, its state (by the
//! rules of `plan::premarket::readiness`, never a tick box) and what is
//! missing, each a link to the field to fill; then the four architecture
//! views. A summary of it sits on the dashboard.

use leptos::prelude::*;

use super::target::{gap_link, target_link};
use crate::plan::premarket::readiness::{readiness, Applies, Element, State, Summary};
use crate::plan::premarket::Target;
use crate::plan::sections::Section;
use crate::web::views::common::derive;

#[component]
pub fn PremarketSection() -> impl IntoView {
    super::style::install();
    let elements = derive(readiness);
    let summary = Memo::new(move |_| elements.with(|e| Summary::of(e)));
    let cyber = derive(|p| p.project.cyber_device);
    view! {
        <section aria-labelledby="premarket-title" class="premarket-page">
            <h2 id="premarket-title">"Premarket readiness"</h2>
            <p class="hint">"What FDA’s premarket cybersecurity guidance asks to see, and how far this plan holds it. Each state is worked out from the plan: fill what is missing by following its link."</p>
            <p class="progress" role="status">{move || summary.get().line()}</p>
            <p class="cyber-line">
                {move || match cyber.get() {
                    Some(true) => "The product is a cyber device (section 524B). ",
                    Some(false) => "The product is not a cyber device (section 524B). ",
                    None => "Not decided yet whether the product is a cyber device (section 524B). ",
                }}
                {target_link("Change in A.1".to_string(), Target::CyberDevice, Section::Premarket)}
            </p>
            <div class="table-scroll" data-artefact>
                <table class="readiness" aria-labelledby="premarket-title">
                    <thead><tr>
                        <th scope="col">"Element"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Fed by"</th>
                        <th scope="col">"What is missing"</th>
                    </tr></thead>
                    <tbody>
                        {move || elements.get().into_iter().map(element_row).collect_view()}
                    </tbody>
                </table>
            </div>
            <super::views::ArchitectureViews/>
        </section>
    }
}

fn element_row(e: Element) -> impl IntoView {
    let part = e.id.parent().is_some();
    let class = match (&e.applies, part) {
        (Applies::Yes, true) => "part",
        (Applies::Yes, false) => "",
        (_, true) => "part not-applicable",
        (_, false) => "not-applicable",
    };
    let (badge_class, state) = match &e.applies {
        Applies::Yes => (state_class(e.state), e.state.label()),
        Applies::No(_) => ("status-complete", "Does not apply"),
        Applies::Undecided(_) => ("status-in-progress", "Not decided"),
    };
    let why = match &e.applies {
        Applies::No(why) | Applies::Undecided(why) => Some(*why),
        Applies::Yes => None,
    };
    view! {
        <tr class=class data-element=e.id.key()>
            <th scope="row">{e.title()}<span class="rule">{e.id.rule()}</span></th>
            <td><span class=badge_class><span class="badge state">{state}</span></span></td>
            <td>
                <ul>
                    {e.feeds.into_iter().map(|f| view! { <li>{target_link(f.label.to_string(), f.target, Section::Premarket)}</li> }).collect_view()}
                </ul>
            </td>
            <td>
                {why.map(|w| view! { <p class="why">{w}</p> })}
                <ul class="gaps">
                    {e.gaps.into_iter().map(|g| view! { <li>{gap_link(g, Section::Premarket)}</li> }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}

fn state_class(state: State) -> &'static str {
    match state {
        State::Missing => "status-not-started",
        State::Started => "status-in-progress",
        State::Drafted => "status-complete",
    }
}

/// On the dashboard: how far the premarket documentation is, and how many
/// security control categories are still open, with links to both views.
#[component]
pub fn PremarketSummary() -> impl IntoView {
    let summary = derive(|p| Summary::of(&readiness(p)));
    let open = derive(|p| crate::plan::premarket::coverage::coverage_gaps(p).len());
    view! {
        <section class="premarket-summary" aria-labelledby="premarket-summary-title">
            <h3 id="premarket-summary-title">"Premarket readiness"</h3>
            <p>{move || format!("Premarket documentation: {}", summary.get().line())}" "
                <a href=format!("#{}", Section::Premarket.anchor())>"See what is missing"</a></p>
            <p>{move || match open.get() {
                0 => "Every security control category is covered or ruled out.".to_string(),
                1 => "1 security control category has no control and no reason.".to_string(),
                n => format!("{n} security control categories have no control and no reason."),
            }}" "<a href=format!("#{}", Section::Categories.anchor())>"Open the categories"</a></p>
        </section>
    }
}
