//! What the app tells the user: the top bar with save status, notices, the
//! cross-tab conflict banner and unreadable stored entries.

use leptos::prelude::*;

use super::app;
use crate::web::state::{NoticeKind, SaveState};

#[component]
pub fn TopBar() -> impl IntoView {
    let app = app();
    let plan_name = Memo::new(move |_| app.plan.with(|p| p.as_ref().map(|p| p.name.clone())));
    view! {
        <header class="topbar">
            <span class="brand">"JSP Planner"</span>
            {move || plan_name.get().map(|name| view! {
                <nav aria-label="Plan">
                    <button type="button" class="link" on:click=move |_| app.close()>"← All plans"</button>
                    <span class="current-plan">{name}</span>
                </nav>
            })}
            <SaveStatus/>
            <super::workshop::DisplayControls/>
        </header>
        <ConflictBanner/>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let app = app();
    let open = Memo::new(move |_| app.plan.with(Option::is_some));
    view! {
        <Show when=move || open.get()>
            <span class="save-status" role="status" data-testid="save-status">
                {move || match app.save_state.get() {
                    SaveState::Saved => view! { <span class="ok">"Saved in this browser"</span> }.into_any(),
                    SaveState::Unsaved(why) => view! { <span class="bad">"Not saved: " {why}</span> }.into_any(),
                    SaveState::Conflict => view! { <span class="bad">"Not saved: changed in another tab"</span> }.into_any(),
                }}
            </span>
        </Show>
    }
}

#[component]
fn ConflictBanner() -> impl IntoView {
    let app = app();
    view! {
        <Show when=move || app.save_state.get() == SaveState::Conflict>
            <section class="banner conflict" role="alert" aria-labelledby="conflict-title">
                <h2 id="conflict-title">"This plan was changed in another tab"</h2>
                <p>"Your edits in this tab are kept here but not saved until you choose:"</p>
                <div class="actions">
                    <button type="button" on:click=move |_| app.load_theirs()>"Load the other tab’s version"</button>
                    <button type="button" on:click=move |_| app.save_mine_as_copy()>"Save mine as a copy"</button>
                    <button type="button" class="danger" on:click=move |_| app.keep_mine()>"Overwrite with mine"</button>
                </div>
            </section>
        </Show>
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let app = app();
    let errors = move || app.notices.with(|n| n.iter().filter(|x| x.kind == NoticeKind::Error).cloned().collect::<Vec<_>>());
    let infos = move || app.notices.with(|n| n.iter().filter(|x| x.kind == NoticeKind::Info).cloned().collect::<Vec<_>>());
    let item = move |n: crate::web::state::Notice| {
        let id = n.id;
        view! {
            <li class="notice" data-kind=format!("{:?}", n.kind).to_lowercase()>
                <span class="notice-text">{n.text}</span>
                <button type="button" class="dismiss" aria-label="Dismiss message" on:click=move |_| app.dismiss(id)>"×"</button>
            </li>
        }
    };
    view! {
        <div class="notices">
            // Live regions wrap the lists: a list keeps its list role for screen readers.
            <div role="alert" class="errors" data-testid="errors">
                <ul><For each=errors key=|n| n.id children=item/></ul>
            </div>
            <div role="status" class="infos" data-testid="infos">
                <ul><For each=infos key=|n| n.id children=item/></ul>
            </div>
        </div>
        <Unreadable/>
    }
}

/// Stored entries that could not be read: kept untouched until the user acts.
#[component]
fn Unreadable() -> impl IntoView {
    let app = app();
    view! {
        <Show when=move || app.unreadable.with(|u| !u.is_empty())>
            <section class="banner unreadable" role="alert" aria-labelledby="unreadable-title" data-testid="unreadable">
                <h2 id="unreadable-title">"Some stored plans could not be read"</h2>
                <p>"They are left untouched in this browser’s storage. Download the raw text to keep it, then discard it if you wish."</p>
                <ul>
                    <For each=move || app.unreadable.get() key=|u| u.key.clone() let:entry>
                        {
                            let key = entry.key.clone();
                            let key2 = entry.key.clone();
                            view! {
                                <li>
                                    <code>{entry.key.clone()}</code>": "{entry.reason.clone()}
                                    <button type="button" on:click=move |_| app.download_unreadable(&key)>"Download raw text"</button>
                                    <button type="button" class="danger" on:click=move |_| app.dialog.set(Some(crate::web::state::Dialog::DiscardUnreadable { key: key2.clone() }))>"Discard…"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
