//! The register table: one row per entry shown by the filters.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::views::common::row_window::MoreRows;

use super::{rows, RatingText, Row, Rows};
use crate::plan::model::{Rating, Zone};
use crate::plan::risk::{self, zone_label, RegisterQuery, Stage};
use crate::web::views::common::derive;
use crate::web::views::common::zone_class;
use crate::web::views::open_plan;

#[component]
pub(super) fn RiskTable(
    query: RwSignal<RegisterQuery>,
    cell: RwSignal<Option<(Stage, Rating)>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let plan = open_plan().plan;
    let rows = Memo::new(move |last: Option<&Rows>| {
        let q = query.get();
        let c = cell.get();
        plan.with(|p| {
            let shown =
                risk::query(p, &q).into_iter().filter(|r| c.is_none_or(|(stage, rating)| risk::rating_at(r, stage) == Some(rating)));
            rows(shown, &p.criteria, last)
        })
    });
    let total = derive(|p| p.risks.len());
    // A long register draws its first rows, and more as the line under the
    // table nears the screen: drawing 4,000 rows took 1.5 s, and an edit
    // compared every drawn row again.
    let drawn = RwSignal::new(DRAWN_STEP);
    let shown = move || rows.with(|r| r.rows.len());
    // The rows are laid out as grids (style/main.css); Chromium keeps the
    // table's semantics (tests/browser/a11y.test.mjs checks it), so no role
    // attributes: 4,500 of them took a tenth of drawing a 500-entry register.
    view! {
        <p class="count-line" role="status">{move || format!("{} of {} entries shown.", rows.with(|r| r.rows.len()), total.get())}</p>
        <div class="table-scroll">
            <table class="register">
                <caption class="visually-hidden">"Risk register entries"</caption>
                <thead><tr>
                    <th scope="col">"Id"</th><th scope="col">"Asset or function"</th><th scope="col">"Threat or vulnerability"</th>
                    <th scope="col">"Initial"</th><th scope="col">"Residual"</th><th scope="col">"Status and owner"</th>
                    <th scope="col">"Needs"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                // The first rows always drawn; the rest drawn near the screen
                // (style/main.css). Two groups rather than a :nth-child rule:
                // an edit replaces its row, and a position-based rule would
                // then restyle every row after it.
                <tbody>
                    <For each=move || rows.with(|r| r.rows.iter().take(ALWAYS_DRAWN).cloned().collect::<Vec<_>>()) key=Row::key let:r>
                        {row_view(r, selected)}
                    </For>
                </tbody>
                <tbody class="far">
                    <For each=move || {
                        let drawn = drawn.get();
                        rows.with(|r| r.rows.iter().take(drawn).skip(ALWAYS_DRAWN).cloned().collect::<Vec<_>>())
                    } key=Row::key let:r>
                        {row_view(r, selected)}
                    </For>
                </tbody>
            </table>
        </div>
        <MoreRows drawn step=DRAWN_STEP total=shown what="Entries"/>
    }
}

/// Rows drawn whatever the scroll position: a skipped row has no innerText
/// and no table cells in the accessibility tree until it is scrolled to, and
/// a workshop's register stays well within this.
const ALWAYS_DRAWN: usize = 20;

/// Rows drawn at first, and added each time the reader nears the end.
const DRAWN_STEP: usize = 500;

fn row_view(r: Arc<Row>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let id = r.id.clone();
    view! { <tr class:selected=move || selected.get().as_deref() == Some(id.as_str())>
        <th scope="row">{r.id.clone()}</th>
        <td>{r.asset.clone()}</td>
        <td>{r.threat.clone()}</td>
        <td class="rating">{judged(r.initial.clone(), r.initial_zone, risk::NOT_RATED)}</td>
        <td class="rating">{judged(r.residual.clone(), r.residual_zone, "Not assessed")}</td>
        <td>{r.status.label()}<span class="owner">{r.owner.clone()}</span></td>
        <td>{r.needs}</td>
        <td><button type="button" aria-label=format!("Edit {}", r.id) data-risk=r.id.clone() on:click={ let id = r.id.clone(); move |_| selected.set(Some(id.clone())) }>"Edit"</button></td>
    </tr> }
}

/// A rating cell: the zone's badge, then the level names, then the numbers as
/// a small detail ("Unacceptable / Likely × Catastrophic / 4 × 5"); or just
/// `unrated` in a plain badge.
fn judged(rating: Option<RatingText>, zone: Option<Zone>, unrated: &'static str) -> impl IntoView {
    match rating {
        None => view! { <span class=format!("badge {}", zone_class(zone))>{unrated}</span> }.into_any(),
        Some(RatingText { names, numbers }) => view! {
            <span class=format!("badge {}", zone_class(zone))>{zone_label(zone)}</span>
            " " <span class="rating-names">{names}</span>
            " " <small class="rating-numbers">"(" {numbers} ")"</small>
        }
        .into_any(),
    }
}
