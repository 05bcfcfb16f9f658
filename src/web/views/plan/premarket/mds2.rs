//! The MDS2 draft: every section of the form by id and name, each question
//! with its answer drafted from the plan ("Drafted from the plan —
//! confirm", naming its source) or the team's, to confirm or change (Yes /
//! No / N/A and a note); downloads as CSV (for NEMA's workbook), Markdown
//! and Word.

use leptos::prelude::*;

use super::downloads::{self, Format};
use super::target::target_link;
use crate::common::rules::MAX_NAME_LEN;
use crate::plan::model::Mds2Value;
use crate::plan::premarket::mds2::{self, counts, draft, Kind, Row, Status, SECTIONS};
use crate::plan::sections::Section;
use crate::web::views::common::derive;
use crate::web::views::common::field::FieldError;
use crate::web::views::{app, open_plan};

#[component]
pub fn Mds2Draft() -> impl IntoView {
    let plan = open_plan().plan;
    let rows = derive(draft);
    let line = move || {
        rows.with(|r| {
            let c = counts(r);
            format!(
                "{} questions: {} drafted from the plan, {} confirmed, {} edited and not yet confirmed, {} not in the plan.",
                c.questions, c.drafted, c.confirmed, c.edited, c.not_in_plan
            )
        })
    };
    let save = move |format: Format| plan.with_untracked(|p| downloads::document(p, &mds2::report(p), "-mds2-draft", format));
    let csv = move |_| plan.with_untracked(|p| downloads::csv(p, &mds2::csv(p), "-mds2-draft"));
    // Each question's place in the draft, which follows the form's fixed order.
    let mut at = 0;
    let sections = SECTIONS.iter().map(|s| {
        let from = at;
        at += s.questions.len();
        (s, from)
    });
    view! {
        <section class="mds2-draft" aria-labelledby="mds2-title">
            <h3 id="mds2-title">"MDS2 draft"</h3>
            <p class="hint">{mds2::INTRO}</p>
            <p class="progress" role="status">{line}</p>
            <div class="actions">
                <button type="button" on:click=csv>"Download MDS2 (CSV)"</button>
                <button type="button" on:click=move |_| save(Format::Markdown)>"Download MDS2 (Markdown)"</button>
                <button type="button" on:click=move |_| save(Format::Word)>"Download MDS2 (Word)"</button>
            </div>
            {sections.map(|(s, from)| {
                let title_id = format!("mds2-{}", s.id.to_lowercase());
                view! {
                    <div class="mds2-section">
                        <h4 id=title_id.clone()>{format!("{} — {}", s.id, s.name)}</h4>
                        <div class="table-scroll">
                            <table class="mds2" aria-labelledby=title_id>
                                <thead><tr>
                                    <th scope="col">"Question"</th>
                                    <th scope="col">"Prompt"</th>
                                    <th scope="col">"Answer"</th>
                                    <th scope="col">"Note"</th>
                                    <th scope="col">"Source"</th>
                                </tr></thead>
                                <tbody>
                                    {(from..from + s.questions.len()).map(|i| view! { <QuestionRow rows i/> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

/// One question: its answer, note and where the answer came from.
#[component]
fn QuestionRow(rows: Memo<Vec<Row>>, i: usize) -> impl IntoView {
    let app = app();
    let row = Memo::new(move |_| rows.with(|r| r.get(i).cloned()));
    let Some(first) = row.get_untracked() else { return ().into_any() };
    let id: &'static str = first.question.id;
    let text_answer = first.question.kind == Kind::Text;
    let answer = move || row.with(|r| r.as_ref().and_then(|r| r.answer));
    let note = move || row.with(|r| r.as_ref().map(|r| r.note.clone()).unwrap_or_default());
    let status = move || row.with(|r| r.as_ref().map(|r| r.status.clone()));
    let error = FieldError::new();
    let error_id = format!("mds2-{id}-error");
    let note_field = view! {
        <input type="text" maxlength=MAX_NAME_LEN
            aria-label=if text_answer { format!("Answer to {id}") } else { format!("Note on {id}") }
            prop:value=note aria-invalid=error.invalid() aria-describedby=error_id.clone()
            on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| mds2::set_note(p, id, v)); }/>
        {error.view(error_id)}
    };
    let (answer_cell, note_cell) = if text_answer {
        (note_field.into_any(), view! { <span class="muted">"—"</span> }.into_any())
    } else {
        let select = view! {
            <select data-mds2=id aria-label=format!("Answer to {id}") on:change=move |ev| {
                let v = event_target_value(&ev);
                let value = Mds2Value::ALL.into_iter().find(|a| a.label() == v);
                app.edit(move |p| mds2::set_answer(p, id, value));
            }>
                <option value="" selected=move || answer().is_none()>"—"</option>
                {Mds2Value::ALL.map(|a| view! { <option value=a.label() selected=move || answer() == Some(a)>{a.label()}</option> }).collect_view()}
            </select>
        };
        (select.into_any(), note_field.into_any())
    };
    view! {
        <tr data-question=id>
            <th scope="row">{id}</th>
            <td>{first.question.prompt}</td>
            <td>{answer_cell}</td>
            <td>{note_cell}</td>
            <td>
                <span class=move || if matches!(status(), Some(Status::Drafted | Status::Gated(_) | Status::Edited)) { "status drafted" } else { "status" }>
                    {move || status().map(|s| s.label()).unwrap_or_default()}
                </span>
                {move || row.with(|r| r.as_ref().and_then(|r| r.source.clone())).map(|s| view! {
                    <span class="source">{match s.target {
                        Some(t) => target_link(s.label, t, Section::Buyers).into_any(),
                        None => s.label.into_any(),
                    }}</span>
                })}
                <span class="row-actions">
                    <Show when=move || !matches!(status(), Some(Status::Confirmed))>
                        <button type="button" aria-label=format!("Confirm the answer to {id}") on:click=move |_| app.edit(move |p| mds2::confirm(p, id))>"Confirm"</button>
                    </Show>
                    <Show when=move || matches!(status(), Some(Status::Confirmed | Status::Edited))>
                        <button type="button" class="link" aria-label=format!("Go back to the drafted answer to {id}") on:click=move |_| app.edit(move |p| p.reset_mds2(id))>"Use the draft"</button>
                    </Show>
                </span>
            </td>
        </tr>
    }
    .into_any()
}
