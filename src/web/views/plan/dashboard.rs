//! "What you walk away with": the six deliverables, computed from the plan.

use leptos::prelude::*;

use crate::plan::deliverables::{status, Completeness, Gap};
use crate::web::views::common::derive;

fn status_class(c: Completeness) -> &'static str {
    match c {
        Completeness::NotStarted => "status-not-started",
        Completeness::InProgress => "status-in-progress",
        Completeness::Complete => "status-complete",
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    // One computation for the six and the chain's gaps, as every output's
    // deliverables table counts them (`deliverables::status`).
    let status = derive(status);
    let done = move || status.with(|s| s.complete());
    view! {
        <section aria-labelledby="overview-title">
            <h2 id="overview-title">"What you walk away with"</h2>
            <p class="hint">"The Concept Phase deliverables of JSP2. Their state is computed from the plan; follow a link to fill what is missing."</p>
            <p class="progress" role="status">{move || format!("{} of 6 deliverables complete.", done())}</p>
            <ol class="deliverables" data-artefact>
                {move || status.with(|s| s.deliverables.clone()).into_iter().map(|d| view! {
                    <li class=format!("deliverable {}", status_class(d.status))>
                        <h3>{d.title}</h3>
                        <p class="status"><span class="badge">{d.status.label()}</span></p>
                        {(!d.gaps.is_empty()).then(|| view! {
                            <ul class="gaps" aria-label=format!("Missing for {}", d.title)>
                                {d.gaps.into_iter().map(|g| (format!("#{}", g.place.anchor()), g)).map(|(href, g)| view! {
                                    <li><a href=href on:click={
                                        let fix = g.fix.clone();
                                        move |_| super::fix_target::request(fix.clone())
                                    }>{g.text}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                }).collect_view()}
            </ol>
            <OrganisationMaturity/>
            <TraceSummary gaps=Memo::new(move |_| status.with(|s| s.traceability.gaps.clone()))/>
            <super::premarket::PremarketSummary/>
        </section>
    }
}

/// The organisation's maturity in the Concept Phase activities, from the
/// maturity assessment that names this plan, else the latest one kept here.
#[component]
fn OrganisationMaturity() -> impl IntoView {
    use crate::assessment::plan_link;
    let plan_id = crate::web::views::open_plan().plan.with_untracked(|p| p.id.clone());
    let assessments = crate::web::state::assessment::stored();
    let chosen = plan_link::linked_to(&assessments, &plan_id)
        .or_else(|| assessments.iter().max_by(|x, y| (&x.assessed_on, &x.updated_at).cmp(&(&y.assessed_on, &y.updated_at))));
    let level = |l: Option<u8>| l.map_or_else(|| "not scored".to_string(), |n| n.to_string());
    chosen.map(|a| {
        let rows = plan_link::concept_levels(a);
        view! {
            <section class="org-maturity" aria-labelledby="org-maturity-title">
                <h3 id="org-maturity-title">"The organisation’s maturity in these activities"</h3>
                <p class="hint">{format!("From the maturity assessment “{}” ({}), levels 0 to 5.", a.name, a.assessed_on)}</p>
                <ul>
                    {rows.into_iter().map(|r| {
                        let text = if r.not_applicable {
                            "not applicable".to_string()
                        } else {
                            format!("current {}, target {}", level(r.current), level(r.target))
                        };
                        view! { <li><strong>{r.activity.name}</strong>": "{text}</li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// Beyond the JSP's six: the gaps in the chain from stakeholder need to
/// verified control, and residual risks not yet accepted.
#[component]
fn TraceSummary(gaps: Memo<Vec<Gap>>) -> impl IntoView {
    view! {
        <section class="trace-summary" aria-labelledby="trace-summary-title">
            <h3 id="trace-summary-title">"Traceability and risk acceptance"</h3>
            <p>{move || match gaps.with(Vec::len) {
                0 => "Every critical need is traced to a verified control, and every residual risk that needs it is accepted.".to_string(),
                n => format!("{} in the chain from stakeholder need to verified control.", crate::common::words::count(n, "gap")),
            }}</p>
            <ul class="gaps" aria-label="Traceability and risk acceptance gaps">
                {move || gaps.get().into_iter().map(|g| view! { <li>{super::trace::gap_link(g)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
