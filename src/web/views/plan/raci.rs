//! Who is in the room: roles x Concept Phase activities, each cell R, A, C or I.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::plan::model::{NamedList, Raci};
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::name_list::{NameList, NamedItems};

const ROLES: NamedItems =
    NamedItems { noun: "role", list: NamedList::Roles, id_prefix: "role", remove_note: "Its row of the RACI matrix is removed too." };

const ACTIVITIES: NamedItems = NamedItems {
    noun: "activity",
    list: NamedList::Activities,
    id_prefix: "act",
    remove_note: "Its column of the RACI matrix is removed too.",
};

#[component]
pub fn RolesSection() -> impl IntoView {
    let app = app();
    let roles = derive(|p| p.roles.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>());
    let activities = derive(|p| p.activities.iter().map(|a| (a.id.clone(), a.name.clone())).collect::<Vec<_>>());
    let cells = derive(|p| p.raci.iter().map(|a| ((a.role_id.clone(), a.activity_id.clone()), a.value)).collect::<HashMap<_, _>>());
    let accountable = move |aid: &str| cells.with(|c| c.iter().filter(|((_, a), v)| a == aid && **v == Raci::Accountable).count());
    view! {
        <section aria-labelledby="roles-title">
            <h2 id="roles-title">"Who is in the room"</h2>
            <p class="hint">
                "Product managers, engineers and RA/QA lead; executives commit resources; sales and marketing need customer answers; "
                "service and manufacturing judge feasibility; clinicians check usability. Give each activity one Accountable role."
            </p>
            <p class="legend" id="raci-legend">"R Responsible · A Accountable · C Consulted · I Informed"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="RACI matrix" data-artefact>
                <table class="raci" aria-describedby="raci-legend">
                    <thead><tr>
                        <th scope="col">"Role"</th>
                        {move || activities.get().into_iter().map(|(aid, name)| {
                            // Exactly one Accountable per activity; anything else is flagged where it is.
                            let flag = move || match accountable(&aid) {
                                1 => None,
                                0 => Some("No Accountable yet".to_string()),
                                n => Some(format!("{n} Accountable: give it one")),
                            };
                            view! { <th scope="col" class="col-head"><span class="col-name">{name}{move || flag().map(|f| view! { <span class="flag">{f}</span> })}</span></th> }
                        }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let acts = activities.get();
                            roles.get().into_iter().map(|(rid, rname)| {
                                let acts = acts.clone();
                                view! { <tr>
                                    <th scope="row">{rname.clone()}</th>
                                    {acts.into_iter().map(|(aid, aname)| {
                                        let key = (rid.clone(), aid.clone());
                                        let current = move || cells.with(|c| c.get(&key).copied());
                                        let (rid, aid) = (rid.clone(), aid.clone());
                                        view! { <td>
                                            <select aria-label=format!("{rname} — {aname}") data-activity=aid.clone() on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                let value = Raci::ALL.into_iter().find(|r| r.letter() == v);
                                                let (rid, aid) = (rid.clone(), aid.clone());
                                                app.edit(move |p| p.set_raci(&rid, &aid, value));
                                            }>
                                                <option value="" selected={ let current = current.clone(); move || current().is_none() }>"–"</option>
                                                {Raci::ALL.map(|r| {
                                                    let current = current.clone();
                                                    view! { <option value=r.letter() title=r.label() selected=move || current() == Some(r)>{r.letter()}</option> }
                                                }).collect_view()}
                                            </select>
                                        </td> }
                                    }).collect_view()}
                                </tr> }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <div class="columns">
                <div>
                    <h3>"Roles"</h3>
                    <NameList kind=ROLES placeholder="e.g. Cybersecurity lead"/>
                </div>
                <div>
                    <h3>"Activities"</h3>
                    <NameList kind=ACTIVITIES placeholder="e.g. Threat modelling kick-off"/>
                </div>
            </div>
            <super::attendees::Attendees/>
        </section>
    }
}
