//! The placement grid: how many entries sit in each cell; a click filters the table.

use leptos::prelude::*;

use crate::plan::model::Rating;
use crate::plan::risk::{self, Stage};
use crate::web::views::common::derive;
use crate::web::views::common::zone_class;

/// The grid with how many entries sit in each cell; a cell click filters the table.
#[component]
pub(super) fn Placement(cell: RwSignal<Option<(Stage, Rating)>>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Initial);
    let criteria = derive(|p| Some(p.criteria.clone()));
    let counts = derive(move |p| risk::cell_counts(p, stage.get()));
    view! {
        <div class="placement-block" data-artefact>
        <h3 id="placement-title">"Entries on the grid"</h3>
        <fieldset class="field compact">
            <legend>"Show ratings"</legend>
            {[(Stage::Initial, "Initial (before controls)"), (Stage::Residual, "Residual (after controls)")].into_iter().map(|(s, label)| view! {
                <label class="choice inline">
                    <input type="radio" name="placement-stage" prop:checked=move || stage.get() == s on:change=move |_| stage.set(s)/>
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
        {move || criteria.get().map(|c| {
            let axis = c.axis.label();
            view! {
                <table class="risk-grid placement" aria-labelledby="placement-title">
                    <thead><tr>
                        <th scope="col">{format!("{axis} ↓ / Severity →")}</th>
                        {c.severity_levels.iter().enumerate().map(|(j, s)| view! { <th scope="col">{format!("{} {s}", j + 1)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {(0..c.likelihood_levels.len()).rev().map(|i| {
                            let lname = c.likelihood_levels[i].clone();
                            view! { <tr>
                                <th scope="row">{format!("{} {lname}", i + 1)}</th>
                                {c.zones[i].iter().enumerate().map(|(j, z)| {
                                    let rating = Rating { likelihood: (i + 1) as u8, severity: (j + 1) as u8 };
                                    let n = move || counts.with(|c| c.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0));
                                    let z = *z;
                                    let sev = c.severity_levels[j].clone();
                                    let lname = lname.clone();
                                    let pressed = move || cell.get() == Some((stage.get(), rating));
                                    view! { <td>
                                        <button type="button" class=format!("zone {}", zone_class(Some(z)))
                                            aria-pressed=move || pressed().to_string()
                                            aria-label=move || format!("{axis} {lname}, severity {sev}, {}: {} entries", z.label(), n())
                                            on:click=move |_| cell.set(if pressed() { None } else { Some((stage.get_untracked(), rating)) })>
                                            <span class="zone-name">{z.label()}</span>
                                            <span class="count">{n}</span>
                                        </button>
                                    </td> }
                                }).collect_view()}
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })}
        </div>
    }
}
