//! Filters and sorting of the register table.

use leptos::prelude::*;

use crate::plan::model::{Rating, RiskStatus, Zone};
use crate::plan::risk::{self, RegisterQuery, SortKey, Stage};
use crate::web::views::open_plan;

#[component]
pub(super) fn Filters(query: RwSignal<RegisterQuery>, cell: RwSignal<Option<(Stage, Rating)>>) -> impl IntoView {
    let plan = open_plan().plan;
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
                    {move || cell.get().map(|(s, r)| {
                        let names = plan.with(|p| risk::rating_names(&p.criteria, r));
                        let stage = if s == Stage::Initial { "initial" } else { "residual" };
                        format!("Showing {stage} ratings in cell {names} ({}).", risk::rating_numbers(r))
                    })}
                    " "<button type="button" on:click=move |_| cell.set(None)>"Show all cells"</button>
                </p>
            </Show>
        </div>
    }
}
