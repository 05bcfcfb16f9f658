//! Revisions and approvals: issue a numbered revision (the plan frozen with
//! a change summary), record who signed it and what the signature means,
//! look at a revision (read-only), and compare any two versions: two
//! revisions, a revision and the draft, or the draft and a plan file.
//!
//! The model decides (`Plan::issue_revision`, `record_approval`, refusals
//! once approved); these views only ask it and show the answer.

mod approvals;
mod output;

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use crate::plan::model::Revision;
use crate::web::views::common::derive;
use crate::web::views::{app, short_time};
pub use output::{Shown, Version};

/// The plan's revisions, read from their text once each time it changes
/// (the plan keeps them as text; see `model/revision.rs`).
#[derive(Clone, Copy)]
struct History(Memo<Vec<Revision>>);

fn history() -> Memo<Vec<Revision>> {
    expect_context::<History>().0
}

/// A memo of one derived value of the revision history.
fn derive_history<T>(f: impl Fn(&[Revision]) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let list = history();
    Memo::new(move |_| list.with(|l| f(l)))
}

#[component]
pub fn RevisionsSection() -> impl IntoView {
    let text = derive(|p| p.revisions.clone());
    provide_context(History(Memo::new(move |_| text.with(|t| t.read().unwrap_or_default()))));
    let shown: RwSignal<Option<Shown>> = RwSignal::new(None);
    let file: RwSignal<Option<(String, crate::plan::model::Plan)>> = RwSignal::new(None);
    let numbers = derive_history(|l| l.iter().rev().map(|r| r.number).collect::<Vec<_>>());
    view! {
        <section aria-labelledby="revisions-title" class="revisions-page">
            <h2 id="revisions-title">"Revisions and approvals"</h2>
            <div class="revision-controls">
                <DraftState/>
                <IssueForm/>
                <output::CompareForm shown file/>
                <h3>"Issued revisions"</h3>
                <Show when=move || !numbers.with(Vec::is_empty)
                    fallback=|| view! { <p class="empty">"No revision issued yet. Issue one when the plan is ready for review."</p> }>
                    <ol class="revision-list" reversed>
                        <For each=move || numbers.get() key=|n| *n let:number>
                            <RevisionItem number shown/>
                        </For>
                    </ol>
                </Show>
            </div>
            <output::ShownOutput shown file/>
        </section>
    }
}

/// Where the draft stands against the last revision.
#[component]
fn DraftState() -> impl IntoView {
    let state = derive_history(|l| match l.last() {
        None => "The plan is a draft: no revision has been issued.".to_string(),
        Some(r) => format!("The plan is a draft: work since {} ({}).", r.title(), r.status().to_lowercase()),
    });
    view! { <p class="draft-state" role="status">{move || state.get()}</p> }
}

#[component]
fn IssueForm() -> impl IntoView {
    let app = app();
    let (label, summary) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let next = derive_history(crate::plan::model::next_label);
    let issue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (l, s, now) = (label.get_untracked(), summary.get_untracked(), crate::web::browser::now());
        let mut outcome = Err("No plan is open.".to_string());
        // Issuing copies the whole plan: an edit of any size, checked and written at once.
        let kept = app.session.edit_whole(|p| outcome = p.issue_revision(&l, &s, &now));
        app.library.note(app.session);
        match kept.and(outcome) {
            Ok(number) => {
                error.set(None);
                label.set(String::new());
                summary.set(String::new());
                app.notify(crate::web::state::NoticeKind::Info, format!("Revision {number} issued. New work continues in the draft."));
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <form class="issue-revision" on:submit=issue aria-labelledby="issue-title">
            <h3 id="issue-title">"Issue a revision"</h3>
            <p class="hint">"Freezes the plan as it is now, numbered, with what changed. Work then goes on in the draft."</p>
            <div class="field compact">
                <label for="revision-label">"Revision label"</label>
                <input id="revision-label" type="text" maxlength=MAX_NAME_LEN placeholder=move || format!("{} if left empty", next.get())
                    prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="revision-summary">"What changed"</label>
                <textarea id="revision-summary" rows="2" maxlength=MAX_TEXT_LEN aria-describedby="issue-error"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
            </div>
            <p class="field-error" id="issue-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            // A double-click's second click would issue again, and be refused under the first's success.
            <button type="submit" class="primary"
                on:click=|ev| if crate::web::views::common::repeated_click(&ev) { ev.prevent_default(); }>"Issue revision"</button>
        </form>
    }
}

/// One issued revision: what it is, its approvals, and what can be done with it.
#[component]
fn RevisionItem(number: u32, shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let revision = derive_history(move |l| l.iter().find(|r| r.number == number).map(summary_of));
    let approved = derive_history(move |l| l.iter().find(|r| r.number == number).is_some_and(Revision::approved));
    let title_id = format!("revision-{number}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="revision" aria-labelledby=labelled_by>
            <h4 id=title_id>{move || revision.with(|r| r.as_ref().map(|r| r.0.clone()))}
                " " <span class="badge" class:approved=move || approved.get()>{move || revision.with(|r| r.as_ref().map(|r| r.1))}</span>
            </h4>
            <p class="revision-meta">{move || revision.with(|r| r.as_ref().map(|r| format!("Issued {}. {}", r.2, r.3)))}</p>
            <approvals::Approvals number approved/>
            <div class="actions">
                <button type="button" on:click=move |_| shown.set(Some(Shown::Revision(number)))>
                    {move || format!("View revision {number}")}
                </button>
                <button type="button" on:click=move |_| shown.set(Some(Shown::Compare(Version::Revision(number), Version::Draft)))>
                    {move || format!("Compare revision {number} with the draft")}
                </button>
            </div>
        </li>
    }
}

/// Title, status, issue time and change summary, as shown in the list.
fn summary_of(r: &Revision) -> (String, &'static str, String, String) {
    (r.title(), r.status(), short_time(&r.issued_at), r.summary.clone())
}
