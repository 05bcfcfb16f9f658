//! The approvals of one revision: who signed, in what role, meaning what
//! (author, reviewer, approver), when, with what comment. Once an approver
//! has signed, the revision is read-only: the form goes and nothing can be
//! taken back.

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use crate::plan::model::{Approval, Meaning};
use crate::web::views::app;
use crate::web::views::common::or_dash;

#[component]
pub fn Approvals(number: u32, approved: Memo<bool>) -> impl IntoView {
    let app = app();
    let rows = super::derive_history(move |l| l.iter().find(|r| r.number == number).map(|r| r.approvals.clone()).unwrap_or_default());
    let remove = move |id: String| {
        let mut outcome = Ok(());
        app.edit(|p| outcome = p.remove_approval(number, &id));
        if let Err(why) = outcome {
            app.notify(crate::web::state::NoticeKind::Error, why);
        }
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">"No approvals recorded yet."</p> }>
            <div class="table-scroll">
                <table class="approvals">
                    <caption>{format!("Approvals of revision {number}")}</caption>
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"Meaning"</th>
                        <th scope="col">"Date"</th><th scope="col">"Comment"</th>
                        <th scope="col"><span class="visually-hidden">"Take back"</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|a| {
                            let (id, name) = (a.id.clone(), a.name.clone());
                            view! {
                                <tr>
                                    <th scope="row">{a.name}</th><td>{or_dash(&a.role)}</td><td>{a.meaning.label()}</td>
                                    <td>{a.date}</td><td>{or_dash(&a.comment)}</td>
                                    <td>
                                        <Show when=move || !approved.get()>
                                            <button type="button" class="icon danger" aria-label=format!("Take back the approval of {name}")
                                                on:click={ let id = id.clone(); move |_| remove(id.clone()) }>"×"</button>
                                        </Show>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
        <Show when=move || !approved.get()
            fallback=|| view! { <p class="read-only">"Approved: this revision is read-only. New work continues in the draft."</p> }>
            <ApprovalForm number/>
        </Show>
    }
}

#[component]
fn ApprovalForm(number: u32) -> impl IntoView {
    let app = app();
    let today = crate::web::browser::now().chars().take(10).collect::<String>();
    let (name, role, comment) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (meaning, date) = (RwSignal::new(Meaning::Reviewer), RwSignal::new(today));
    let error = RwSignal::new(None::<String>);
    let id = |field: &str| format!("approval-{number}-{field}");
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let approval = Approval {
            id: String::new(),
            name: name.get_untracked().trim().to_string(),
            role: role.get_untracked().trim().to_string(),
            meaning: meaning.get_untracked(),
            date: date.get_untracked(),
            comment: comment.get_untracked(),
        };
        let mut outcome = Err("No plan is open.".to_string());
        let kept = app.try_edit(|p| outcome = p.record_approval(number, approval));
        match kept.and(outcome) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                role.set(String::new());
                comment.set(String::new());
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let error_id = id("error");
    view! {
        <form class="approval-form inline-add" on:submit=record aria-label=format!("Record an approval of revision {number}")>
            <label for=id("name")>"Name"</label>
            <input id=id("name") type="text" maxlength=MAX_NAME_LEN prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                aria-describedby=error_id.clone()/>
            <label for=id("role")>"Role"</label>
            <input id=id("role") type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Head of quality" prop:value=move || role.get()
                on:input=move |ev| role.set(event_target_value(&ev))/>
            <label for=id("meaning")>"Signs as"</label>
            <select id=id("meaning") on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(m) = Meaning::ALL.into_iter().find(|m| m.label() == v) { meaning.set(m) }
            }>
                {Meaning::ALL.into_iter().map(|m| view! { <option value=m.label() selected=move || meaning.get() == m>{m.label()}</option> }).collect_view()}
            </select>
            <label for=id("date")>"Date"</label>
            <input id=id("date") type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
            <label for=id("comment")>"Comment"</label>
            <input id=id("comment") type="text" maxlength=MAX_TEXT_LEN prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))/>
            <button type="submit">"Record approval"</button>
            <p class="field-error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </form>
    }
}
