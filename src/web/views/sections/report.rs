//! Report and exports: the whole plan as one document, styled for print
//! ("Save as PDF" gives a clean file with no app chrome), and the Markdown
//! and CSV downloads.

use leptos::prelude::*;

use super::criteria::zone_class;
use crate::assess::{in_cell, judge, Stage};
use crate::deliverables::deliverables;
use crate::model::{ChecklistItem, Plan, Rating, MANAGEMENT_SECTIONS};
use crate::presets::IMPACT_QUESTIONS;
use crate::web::state::Output;
use crate::web::views::common::or_dash;
use crate::web::views::{app, open_plan, short_time};

#[component]
pub fn ReportSection() -> impl IntoView {
    let app = app();
    let plan = open_plan().plan;
    // Every printed page's footer names the document (style/main.css reads
    // --page-footer in @page); set through the CSSOM, which the
    // Content-Security-Policy allows, and taken away with the section.
    Effect::new(move |_| set_page_footer(Some(plan.with(crate::export::page_footer))));
    on_cleanup(|| set_page_footer(None));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section aria-labelledby="report-title" class="report-page">
            <h2 id="report-title">"Report and exports"</h2>
            <div class="report-actions">
                <p class="hint">"Print the report below, or choose “Save as PDF” in the print dialog. The downloads open in wikis and spreadsheets."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                    <button type="button" on:click=move |_| app.download_output(Output::Markdown)>"Download Markdown"</button>
                    <button type="button" on:click=move |_| app.download_output(Output::RegisterCsv)>"Download risk register (CSV)"</button>
                    <button type="button" on:click=move |_| app.download_output(Output::MatrixCsv)>"Download needs matrix (CSV)"</button>
                </div>
            </div>
            <DocumentFields/>
            {move || plan.with(report)}
        </section>
    }
}

/// The document control fields the printed cover and every page's footer show.
#[component]
fn DocumentFields() -> impl IntoView {
    use crate::model::DocumentControl;
    let field = |id: &'static str,
                 label: &'static str,
                 placeholder: &'static str,
                 get: fn(&DocumentControl) -> &String,
                 set: fn(&mut DocumentControl, String)| {
        let value = crate::web::views::common::derive(move |p| get(&p.document).clone());
        let error = crate::web::views::common::FieldError::new();
        let error_id = format!("{id}-error");
        view! {
            <div class="field compact">
                <label for=id>{label}</label>
                <input id=id type="text" maxlength="300" placeholder=placeholder prop:value=move || value.get()
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| set(&mut p.document, v)); }/>
                {error.view(error_id)}
            </div>
        }
    };
    view! {
        <fieldset class="document-control">
            <legend>"Document control"</legend>
            <p class="hint">"Shown on the cover and at the foot of every printed page. The attendees are listed under “Who is in the room”."</p>
            <div class="document-fields">
                {field("doc-id", "Document id", "e.g. SMP-0042", |d| &d.document_id, |d, v| d.document_id = v)}
                {field("doc-revision", "Revision", "e.g. A", |d| &d.revision, |d, v| d.revision = v)}
                {field("doc-author", "Author", "Name and role", |d| &d.author, |d, v| d.author = v)}
                {field("doc-dates", "Workshop dates", "e.g. 2026-11-24, 2026-11-26", |d| &d.workshop_dates, |d, v| d.workshop_dates = v)}
            </div>
        </fieldset>
    }
}

fn set_page_footer(line: Option<String>) {
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let style = root.unchecked_into::<web_sys::HtmlElement>().style();
    let _ = match line {
        Some(line) => style.set_property("--page-footer", &css_string(&line)),
        None => style.remove_property("--page-footer").map(|_| ()),
    };
}

/// `s` as a CSS string: quoted, with backslashes and quotes escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn report(p: &Plan) -> impl IntoView {
    view! {
        <article class="report" aria-label="Report preview" data-artefact>
            {cover(p)}
            {project(p)}
            {matrix(p)}
            {management(p)}
            {grid(p)}
            {register(p)}
            {traceability(p)}
            {raci(p)}
        </article>
    }
}

fn cover(p: &Plan) -> impl IntoView {
    let items = deliverables(p);
    view! {
        <header class="report-cover">
            <p class="kicker">"HSCC Joint Security Plan 2.0 · Concept Phase"</p>
            <h1 class="report-title">{p.name.clone()}</h1>
            <dl class="facts">
                <dt>"Document id"</dt><dd>{or_dash(&p.document.document_id)}</dd>
                <dt>"Revision"</dt><dd>{or_dash(&p.document.revision)}</dd>
                <dt>"Author"</dt><dd>{or_dash(&p.document.author)}</dd>
                <dt>"Workshop dates"</dt><dd>{or_dash(&p.document.workshop_dates)}</dd>
                <dt>"Product"</dt><dd>{or_dash(&p.project.product)}</dd>
                <dt>"Scope"</dt><dd>{p.project.scope.map_or("Not decided", |s| s.label())}</dd>
                <dt>"Last edited"</dt><dd>{short_time(&p.updated_at)}</dd>
            </dl>
            {attendees(p)}
            <h2>"Deliverables status"</h2>
            <table class="report-table">
                <thead><tr><th scope="col">"Deliverable"</th><th scope="col">"Status"</th><th scope="col">"Still missing"</th></tr></thead>
                <tbody>
                    {items.into_iter().map(|d| view! {
                        <tr>
                            <th scope="row">{d.title}</th>
                            <td>{d.status.label()}</td>
                            <td>
                                {if d.gaps.is_empty() { "—" } else { "" }}
                                <ul class="gaps">{d.gaps.into_iter().map(|g| view! { <li>{g.text}</li> }).collect_view()}</ul>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </header>
    }
}

fn checklist(title: &'static str, items: &[ChecklistItem]) -> impl IntoView {
    view! {
        <h4>{title}</h4>
        <ul class="checklist">
            {items.iter().map(|i| view! { <li>{if i.done { "☑ " } else { "☐ " }}{i.label.clone()}</li> }).collect_view()}
        </ul>
    }
}

fn project(p: &Plan) -> impl IntoView {
    let a = &p.project;
    // The CIA is the A.1 output only for a major addition or maintenance.
    let cia = a.scope.is_some_and(crate::model::Scope::needs_impact_assessment);
    let answers: Vec<_> = IMPACT_QUESTIONS
        .iter()
        .filter(|_| cia)
        .filter_map(|(id, q)| a.change_impact.iter().find(|x| x.question_id == *id).map(|x| (*q, x.answer.label(), x.note.clone())))
        .collect();
    view! {
        <section class="report-part">
            <h2>"A.1 Release / change project planning"</h2>
            <p class="prose">{or_dash(&a.description)}</p>
            {checklist("Inputs", &a.inputs)}
            {checklist("Outputs", &a.outputs)}
            {(!answers.is_empty()).then(|| view! {
                <h4>"Change Impact Assessment"</h4>
                <table class="report-table">
                    <thead><tr><th scope="col">"Question"</th><th scope="col">"Answer"</th><th scope="col">"Note"</th></tr></thead>
                    <tbody>{answers.into_iter().map(|(q, ans, note)| view! { <tr><td>{q}</td><td>{ans}</td><td>{or_dash(&note)}</td></tr> }).collect_view()}</tbody>
                </table>
            })}
            <h4>"Security resources committed"</h4>
            <dl class="facts">
                <dt>"Budget"</dt><dd>{or_dash(&a.resources.budget)}</dd>
                <dt>"People"</dt><dd>{or_dash(&a.resources.people)}</dd>
                <dt>"Activities"</dt><dd>{or_dash(&a.resources.activities)}</dd>
            </dl>
        </section>
    }
}

fn matrix(p: &Plan) -> impl IntoView {
    if p.stakeholders.len() > crate::export::WIDE_MATRIX {
        return matrix_list(p).into_any();
    }
    let index = p.relevance_index();
    view! {
        <section class="report-part wide">
            <h2>"A.2 Stakeholder security needs"</h2>
            <table class="report-table report-matrix">
                <thead>
                    <tr>
                        <th scope="col">"Security need"</th>
                        <th scope="col">"User need"</th>
                        {p.stakeholders.iter().map(|s| view! { <th scope="col" class="col-head"><span class="col-name">{s.name.clone()}</span></th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {p.needs.iter().map(|n| view! {
                        <tr>
                            <th scope="row">{n.text.clone()}</th>
                            <td>{or_dash(&n.user_need_ids.join(", "))}</td>
                            {p.stakeholders.iter().map(|s| {
                                let r = index.get(&(s.id.as_str(), n.id.as_str())).copied();
                                view! { <td class=r.map_or("", |r| if r.label() == "Critical" { "rel-critical" } else { "rel-relevant" })>{r.map_or("", |r| r.label())}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

/// The matrix of a plan with many stakeholders, as a list: each need with
/// the stakeholders who hold it (a table that wide cannot be printed).
fn matrix_list(p: &Plan) -> impl IntoView {
    let names = |v: Vec<&str>| if v.is_empty() { "—".to_string() } else { v.join(", ") };
    view! {
        <section class="report-part">
            <h2>"A.2 Stakeholder security needs"</h2>
            <p>{format!("{} stakeholders: each need is listed with the stakeholders who hold it.", p.stakeholders.len())}</p>
            <ul class="need-list">
                {p.needs.iter().map(|n| {
                    let (critical, relevant) = p.holders(&n.id);
                    view! {
                        <li>
                            <strong>{n.text.clone()}</strong>
                            {format!(" (user needs {}). ", or_dash(&n.user_need_ids.join(", ")))}
                            {format!("Critical for: {}. Relevant for: {}.", names(critical), names(relevant))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

fn management(p: &Plan) -> impl IntoView {
    let sbom = &p.management.sbom;
    let formats = sbom.formats.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
    let part = |i: usize| {
        let s = &MANAGEMENT_SECTIONS[i];
        view! { <h3>{s.label}</h3><p class="prose">{or_dash(p.text(s.field))}</p> }
    };
    view! {
        <section class="report-part">
            <h2>"A.3 Security management plan"</h2>
            {(0..3).map(part).collect_view()}
            <h3>"SBOM approach"</h3>
            <dl class="facts">
                <dt>"Formats"</dt><dd>{or_dash(&formats)}</dd>
                <dt>"Generated"</dt><dd>{or_dash(&sbom.generated_when)}</dd>
                <dt>"Owner"</dt><dd>{or_dash(&sbom.owner)}</dd>
            </dl>
            {(3..MANAGEMENT_SECTIONS.len()).map(part).collect_view()}
        </section>
    }
}

fn grid(p: &Plan) -> impl IntoView {
    let c = &p.criteria;
    let rows = (1..=c.likelihood_levels.len() as u8).rev();
    view! {
        <section class="report-part">
            <h2>"A.3 Risk acceptability criteria"</h2>
            <p>{format!("{} (rows) by severity (columns). Each cell names its zone and lists the risks placed there initially.", c.axis.label())}</p>
            <table class="report-table report-grid">
                <thead>
                    <tr>
                        <td></td>
                        {c.severity_levels.iter().map(|s| view! { <th scope="col">{s.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.map(|l| view! {
                        <tr>
                            <th scope="row">{c.likelihood_levels[usize::from(l) - 1].clone()}</th>
                            {(1..=c.severity_levels.len() as u8).map(|s| {
                                let cell = Rating { likelihood: l, severity: s };
                                let zone = c.zone_of(cell);
                                let ids = in_cell(p, Stage::Initial, cell).iter().map(|r| r.id.clone()).collect::<Vec<_>>().join(", ");
                                view! {
                                    <td class=format!("zone {}", zone_class(zone))>
                                        <strong>{zone.map_or("", |z| z.label())}</strong>
                                        <span class="cell-risks">{ids}</span>
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

fn register(p: &Plan) -> impl IntoView {
    let c = &p.criteria;
    let level = |names: &[String], l: u8| names.get(usize::from(l) - 1).cloned().unwrap_or_default();
    view! {
        <section class="report-part wide">
            <h2>"Risk register"</h2>
            {p.risks.is_empty().then_some(view! { <p>"No entries yet."</p> })}
            <table class="report-table report-register">
                <thead>
                    <tr>
                        <th scope="col">"ID"</th><th scope="col">"Asset or function"</th><th scope="col">"Threat or vulnerability"</th>
                        <th scope="col">"Initial"</th><th scope="col">"Treatment and controls"</th><th scope="col">"Residual"</th>
                        <th scope="col">"Acceptability"</th><th scope="col">"Needs"</th><th scope="col">"Owner, status"</th>
                    </tr>
                </thead>
                <tbody>
                    {p.risks.iter().map(|r| {
                        let j = judge(r, c);
                        let rating = |x: Rating| format!("{} / {}", level(&c.likelihood_levels, x.likelihood), level(&c.severity_levels, x.severity));
                        view! {
                            <tr>
                                <th scope="row">{r.id.clone()}</th>
                                <td>{or_dash(&r.asset)}</td>
                                <td>{or_dash(&r.threat)}</td>
                                <td>{r.initial.map_or(crate::assess::NOT_RATED.into(), rating)}</td>
                                <td>{format!("{}: {}", r.treatment.map_or("Not decided", |t| t.label()), or_dash(&crate::trace::controls_text(p, r)))}</td>
                                <td>{r.residual.map_or("Not assessed".into(), rating)}</td>
                                <td class=zone_class(j.current())>{crate::assess::zone_label(j.current())}</td>
                                <td>{or_dash(&p.needs.iter().filter(|n| r.need_ids.contains(&n.id)).map(|n| n.text.as_str()).collect::<Vec<_>>().join("; "))}</td>
                                <td>{format!("{}, {}", or_dash(&r.owner), r.status.label().to_lowercase())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {acceptances(p)}
        </section>
    }
}

/// Who was in the room, from where, holding which role.
fn attendees(p: &Plan) -> impl IntoView {
    let role =
        |id: &Option<String>| id.as_ref().and_then(|id| p.roles.iter().find(|r| r.id == *id)).map_or("—".to_string(), |r| r.name.clone());
    (!p.document.attendees.is_empty()).then(|| view! {
        <h2>"Attendees"</h2>
        <table class="report-table report-attendees">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Organisation or function"</th><th scope="col">"RACI role"</th></tr></thead>
            <tbody>
                {p.document.attendees.iter().map(|a| view! {
                    <tr><th scope="row">{a.name.clone()}</th><td>{or_dash(&a.organisation)}</td><td>{role(&a.role_id)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    })
}

/// Who accepted which residual risk, when and why.
fn acceptances(p: &Plan) -> impl IntoView {
    let accepted: Vec<_> = p.risks.iter().filter(|r| r.acceptance != crate::model::Acceptance::default()).collect();
    (!accepted.is_empty()).then(|| view! {
        <h3>"Acceptance of residual risks"</h3>
        <table class="report-table">
            <thead><tr><th scope="col">"Risk"</th><th scope="col">"Benefit-risk rationale"</th><th scope="col">"Accepted by"</th><th scope="col">"Accepted on"</th></tr></thead>
            <tbody>
                {accepted.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.id.clone()}</th>
                        <td>{or_dash(&r.acceptance.rationale)}</td>
                        <td>{or_dash(&r.acceptance.approver)}</td>
                        <td>{or_dash(&r.acceptance.date)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    })
}

/// The chain from stakeholder need to verified control, and its controls.
fn traceability(p: &Plan) -> impl IntoView {
    let rows = crate::trace::rows(p);
    (!rows.is_empty()).then(|| {
        view! {
            <section class="report-part">
                <h2>"Traceability"</h2>
                <table class="report-table report-trace">
                    <thead><tr>
                        <th scope="col">"Stakeholder need"</th><th scope="col">"User needs"</th><th scope="col">"Risk"</th>
                        <th scope="col">"Control"</th><th scope="col">"Verification"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let need = if r.critical { format!("{} (critical)", r.need_label()) } else { r.need_label().to_string() };
                            let control = or_dash(&r.control_label());
                            view! {
                                <tr>
                                    <th scope="row">{need}</th>
                                    <td>{or_dash(&r.user_need)}</td>
                                    <td>{or_dash(&r.risk_id)}</td>
                                    <td>{control}</td>
                                    <td>{or_dash(&r.verification)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    })
}

fn raci(p: &Plan) -> impl IntoView {
    view! {
        <section class="report-part">
            <h2>"Who is in the room (RACI)"</h2>
            <table class="report-table report-raci">
                <thead>
                    <tr>
                        <th scope="col">"Role"</th>
                        {p.activities.iter().map(|a| view! { <th scope="col" class="col-head"><span class="col-name">{a.name.clone()}</span></th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {p.roles.iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.name.clone()}</th>
                            {p.activities.iter().map(|a| view! { <td>{p.raci_value(&r.id, &a.id).map_or("", |v| v.letter())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">"R: responsible, A: accountable, C: consulted, I: informed."</p>
        </section>
    }
}
