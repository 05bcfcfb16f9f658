//! The register table: one row per entry shown by the filters.

use super::*;

#[component]
pub(super) fn RiskTable(
    query: RwSignal<RegisterQuery>,
    cell: RwSignal<Option<(Stage, Rating)>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = app();
    let rows = Memo::new(move |_| {
        let q = query.get();
        let c = cell.get();
        app.session.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let shown =
                assess::query(p, &q).into_iter().filter(|r| c.is_none_or(|(stage, rating)| assess::rating_at(r, stage) == Some(rating)));
            rows(shown, &p.criteria)
        })
    });
    let total = derive(|p| p.risks.len());
    // The roles are the table's own, said again: the rows are laid out as
    // grids (style/main.css), and some browsers drop a table's semantics then.
    view! {
        <p class="count-line" role="status">{move || format!("{} of {} entries shown.", rows.with(Vec::len), total.get())}</p>
        <div class="table-scroll">
            <table class="register" role="table">
                <caption class="visually-hidden">"Risk register entries"</caption>
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">"Id"</th><th scope="col" role="columnheader">"Asset or function"</th><th scope="col" role="columnheader">"Threat or vulnerability"</th>
                    <th scope="col" role="columnheader">"Initial"</th><th scope="col" role="columnheader">"Residual"</th><th scope="col" role="columnheader">"Status and owner"</th>
                    <th scope="col" role="columnheader">"Needs"</th><th scope="col" role="columnheader"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody role="rowgroup">
                    <For each=move || rows.get() key=Row::key let:r>
                        {
                            let id = r.id.clone();
                            view! { <tr role="row" class:selected=move || selected.get().as_deref() == Some(id.as_str())>
                                <th scope="row" role="rowheader">{r.id.clone()}</th>
                                <td role="cell">{r.asset.clone()}</td>
                                <td role="cell">{r.threat.clone()}</td>
                                <td class="rating" role="cell">{judged(r.initial.clone(), r.initial_zone, assess::NOT_RATED)}</td>
                                <td class="rating" role="cell">{judged(r.residual.clone(), r.residual_zone, "Not assessed")}</td>
                                <td role="cell">{r.status.label()}<span class="owner">{r.owner.clone()}</span></td>
                                <td role="cell">{r.needs}</td>
                                <td role="cell"><button type="button" aria-label=format!("Edit {}", r.id) data-risk=r.id.clone() on:click={ let id = r.id.clone(); move |_| selected.set(Some(id.clone())) }>"Edit"</button></td>
                            </tr> }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
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
