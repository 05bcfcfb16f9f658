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
            assess::query(p, &q)
                .into_iter()
                .filter(|r| c.is_none_or(|(stage, rating)| assess::rating_at(r, stage) == Some(rating)))
                .map(|r| row(r, &p.criteria))
                .collect::<Vec<_>>()
        })
    });
    let total = derive(|p| p.risks.len());
    view! {
        <p class="count-line" role="status">{move || format!("{} of {} entries shown.", rows.with(Vec::len), total.get())}</p>
        <div class="table-scroll">
            <table class="register">
                <caption class="visually-hidden">"Risk register entries"</caption>
                <thead><tr>
                    <th scope="col">"Id"</th><th scope="col">"Asset or function"</th><th scope="col">"Threat or vulnerability"</th>
                    <th scope="col">"Initial"</th><th scope="col">"Residual"</th><th scope="col">"Status"</th>
                    <th scope="col">"Owner"</th><th scope="col">"Needs"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        {
                            let id = r.id.clone();
                            view! { <tr class:selected=move || selected.get().as_deref() == Some(id.as_str())>
                                <th scope="row">{r.id.clone()}</th>
                                <td>{r.asset.clone()}</td>
                                <td>{r.threat.clone()}</td>
                                <td><span class=format!("badge {}", zone_class(r.initial_zone))>{
                                    if r.initial_zone.is_some() { format!("{} {}", r.initial, zone_label(r.initial_zone)) } else { r.initial.clone() }
                                }</span></td>
                                <td><span class=format!("badge {}", zone_class(r.residual_zone))>{
                                    if r.residual_zone.is_some() { format!("{} {}", r.residual, zone_label(r.residual_zone)) } else { r.residual.clone() }
                                }</span></td>
                                <td>{r.status.label()}</td>
                                <td>{r.owner.clone()}</td>
                                <td>{r.needs}</td>
                                <td><button type="button" aria-label=format!("Edit {}", r.id) on:click={ let id = r.id.clone(); move |_| selected.set(Some(id.clone())) }>"Edit"</button></td>
                            </tr> }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
