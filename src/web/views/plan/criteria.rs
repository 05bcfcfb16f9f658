//! A.3 Preliminary risk acceptability criteria: the grid.
//!
//! Rows are likelihood / exploitability levels (highest at the top), columns
//! severity levels. Each cell shows its zone by name and pattern, never by
//! colour alone. Click or Space cycles the zone; A, R, U set it; arrows move.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::views::common::zone_class;

use crate::plan::model::{LikelihoodAxis, Zone, MAX_LEVELS, MIN_LEVELS};
use crate::plan::presets::{grid_presets, matching_preset};
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::{derive, table_arrow_nav};

fn next_zone(z: Zone) -> Zone {
    match z {
        Zone::Acceptable => Zone::Review,
        Zone::Review => Zone::Unacceptable,
        Zone::Unacceptable => Zone::Acceptable,
    }
}

#[component]
pub fn CriteriaSection() -> impl IntoView {
    view! {
        <section aria-labelledby="criteria-title">
            <h2 id="criteria-title">"A.3 Preliminary risk acceptability criteria"</h2>
            <p class="hint">
                "Decide now what security risk is acceptable. Rate by exploitability (AAMI TIR57 / SW96 practice) or likelihood "
                "(ISO 14971 practice) against severity, and give each cell a zone."
            </p>
            // The grid is the artefact the room looks at; its settings follow it.
            <ZoneGrid/>
            <GridSettings/>
        </section>
    }
}

#[component]
fn GridSettings() -> impl IntoView {
    let app = app();
    let axis = derive(|p| Some(p.criteria.axis));
    let l_levels = derive(|p| p.criteria.likelihood_levels.clone());
    let s_levels = derive(|p| p.criteria.severity_levels.clone());
    // The preset the grid is now, if any; `picked`, the one chosen in the
    // selector since the grid last changed (not applied yet).
    let matching = derive(|p| matching_preset(&p.criteria));
    let picked = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        matching.track();
        picked.set(None);
    });
    let shown = move || picked.get().or(matching.get());
    let count_select = move |id: &'static str, label: &'static str, likelihood: bool| {
        let current = move || if likelihood { l_levels.with(Vec::len) } else { s_levels.with(Vec::len) };
        view! {
            <div class="field compact">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| {
                    let n: usize = event_target_value(&ev).parse().unwrap_or(5);
                    app.resize_grid(likelihood, n);
                }>
                    {(MIN_LEVELS..=MAX_LEVELS).map(|n| view! { <option value=n.to_string() selected=move || current() == n>{n.to_string()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <h3>"Grid settings"</h3>
        <div class="grid-settings">
            <fieldset class="field compact">
                <legend>"Vertical axis"</legend>
                {[LikelihoodAxis::Exploitability, LikelihoodAxis::Likelihood].into_iter().map(|a| view! {
                    <label class="choice inline">
                        <input type="radio" name="axis" prop:checked=move || axis.get() == Some(a)
                            on:change=move |_| app.edit(move |p| p.set_axis(a))/>
                        {a.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            {count_select("levels-likelihood", "Levels (vertical)", true)}
            {count_select("levels-severity", "Severity levels", false)}
            <div class="field compact preset">
                <label for="grid-preset">"Start from a preset"</label>
                <select id="grid-preset" on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())>
                    // After a change by hand the grid is no preset: the selector says so rather than name one.
                    <option value="" disabled prop:selected=move || shown().is_none() hidden=move || matching.get().is_some()>
                        "No preset matches this grid"
                    </option>
                    {grid_presets().into_iter().enumerate().map(|(i, (name, _))| view! {
                        <option value=i.to_string() prop:selected=move || shown() == Some(i)>{name}</option>
                    }).collect_view()}
                </select>
                <button type="button" prop:disabled=move || shown().is_none() on:click=move |_| {
                    let Some(i) = picked.get_untracked().or(matching.get_untracked()) else { return };
                    let name = grid_presets().into_iter().nth(i).map(|(n, _)| n).unwrap_or_default();
                    app.ask(Dialog::Confirm {
                        title: format!("Replace the grid with “{name}”?"),
                        body: "Level names and zones are replaced; risk ratings keep their levels.".into(),
                        action: Confirmed::ApplyGridPreset(i),
                    });
                }>"Apply preset…"</button>
            </div>
        </div>
        <div class="level-names">
            <LevelNames title="Vertical levels, lowest first" likelihood=true levels=l_levels/>
            <LevelNames title="Severity levels, lowest first" likelihood=false levels=s_levels/>
        </div>
    }
}

#[component]
fn LevelNames(title: &'static str, likelihood: bool, levels: Memo<Vec<String>>) -> impl IntoView {
    let app = app();
    view! {
        <fieldset class="field">
            <legend>{title}</legend>
            {move || levels.get().into_iter().enumerate().map(|(i, name)| {
                let id = format!("level-{}-{}", if likelihood { "l" } else { "s" }, i + 1);
                view! {
                    <div class="level-row">
                        <label for=id.clone()>{format!("Level {}", i + 1)}</label>
                        <input id=id type="text" maxlength=MAX_NAME_LEN prop:value=name
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let Some(v) = crate::common::ids::clean_name(&v) else { return };
                                app.edit(move |p| p.rename_level(likelihood, i, v));
                            }/>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ZoneGrid() -> impl IntoView {
    // The table is rebuilt only when its size changes. Cells, headers and
    // labels read the plan themselves, so painting a zone updates its button
    // in place and keyboard focus never leaves it.
    let shape = derive(|p| (p.criteria.likelihood_levels.len(), p.criteria.severity_levels.len()));
    let axis = derive(|p| p.criteria.axis.label());
    let likelihood = move |i: usize| derive(move |p| p.criteria.likelihood_levels.get(i).cloned().unwrap_or_default());
    let severity = move |j: usize| derive(move |p| p.criteria.severity_levels.get(j).cloned().unwrap_or_default());
    view! {
        <div class="grid-block" data-artefact>
        <h3 id="grid-title">"The grid"</h3>
        <p class="legend" id="grid-legend">
            "Click a cell or press Space to change its zone; A, R and U set Acceptable, Review (reduce as far as possible) and Unacceptable."
        </p>
        {move || {
            let (rows, cols) = shape.get();
            // One memo per level name, shared by its header and its cells.
            let snames: Vec<Memo<String>> = (0..cols).map(severity).collect();
            (rows > 0 && cols > 0).then(|| view! {
                <table class="risk-grid" id="zone-grid" aria-labelledby="grid-title" aria-describedby="grid-legend">
                    <thead>
                        <tr>
                            <th scope="col">{move || format!("{} ↓ / Severity →", axis.get())}</th>
                            {snames.iter().enumerate().map(|(j, &name)| view! { <th scope="col">{move || format!("{} {}", j + 1, name.get())}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {(0..rows).rev().map(|i| {
                            let lname = likelihood(i);
                            view! {
                                <tr>
                                    <th scope="row">{move || format!("{} {}", i + 1, lname.get())}</th>
                                    {snames.iter().enumerate().map(|(j, &sname)| view! { <ZoneCell i j axis lname sname/> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })
        }}
        </div>
    }
}

/// One cell of the grid: likelihood level `i`, severity level `j`.
#[component]
fn ZoneCell(i: usize, j: usize, axis: Memo<&'static str>, lname: Memo<String>, sname: Memo<String>) -> impl IntoView {
    let app = app();
    // None only for the moment between a resize and the table being rebuilt.
    let zone = derive(move |p| p.criteria.zones.get(i).and_then(|row| row.get(j)).copied());
    let set = move |z: Zone| app.edit(move |p| p.set_zone(i, j, z));
    view! {
        <td>
            <button type="button" class=move || format!("zone {}", zone_class(zone.get()))
                aria-label=move || format!("{} {}, severity {}: {}", axis.get(), lname.get(), sname.get(), zone.get().map_or("", Zone::label))
                data-cell=format!("{i}-{j}")
                on:click=move |_| set(next_zone(zone.get_untracked().unwrap_or(Zone::Review)))
                on:keydown=move |ev| {
                    if table_arrow_nav(&ev) { return; }
                    let z = match ev.key().to_lowercase().as_str() {
                        "a" => Zone::Acceptable,
                        "r" => Zone::Review,
                        "u" => Zone::Unacceptable,
                        _ => return,
                    };
                    ev.prevent_default();
                    set(z);
                }>{move || zone.get().map_or("", Zone::label)}</button>
        </td>
    }
}
