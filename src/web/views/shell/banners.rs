//! What the app tells the user: the top bar with save status, notices, the
//! cross-tab conflict banner and unreadable stored entries. The open plan's
//! own banners (another tab's change, what was repaired) show only with a
//! plan open, so the editor's part draws them above the plan page
//! (`web::editor`): the first screen does not carry them.

use leptos::prelude::*;

use crate::web::state::{Confirmed, Dialog, NoticeKind, SaveState};
use crate::web::views::app;

#[component]
pub fn TopBar() -> impl IntoView {
    let app = app();
    let plan_name = Memo::new(move |_| app.session.open().map(|o| o.plan.with(|p| p.name.clone())));
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
            <super::controls::DisplayControls/>
        </header>
        <UpdateBanner/>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let app = app();
    let open = Memo::new(move |_| app.session.open().is_some());
    view! {
        <Show when=move || open.get()>
            <span class="save-status" role="status" data-testid="save-status">
                {move || {
                    let (class, text) = match app.session.save_state() {
                        SaveState::Saved => ("ok", "Saved in this browser".to_string()),
                        SaveState::Saving => ("", "Saving…".into()),
                        SaveState::Unsaved(why) => ("bad", format!("Not saved: {why}")),
                        SaveState::Conflict => ("bad", "Not saved: changed in another tab".into()),
                        SaveState::Deleted => ("bad", "Not saved: deleted in another tab".into()),
                    };
                    view! { <span class=class>{text}</span> }
                }}
            </span>
        </Show>
    }
}

/// A new version of the app is installed and waits. Reloading is safe once
/// this tab's edits are saved; if the last one could not be, the banner says
/// so instead of reloading it away.
#[component]
fn UpdateBanner() -> impl IntoView {
    let app = app();
    let offline = expect_context::<crate::web::offline::Offline>();
    let reload = move |_| {
        if app.session.is_saved() {
            offline.apply();
        } else {
            app.ui.notify(
                NoticeKind::Error,
                "Your last change is not saved in this browser, so the page was not reloaded. Export the plan file first, then reload.",
            );
        }
    };
    view! {
        <Show when=move || offline.update_ready.get()>
            <section class="banner update" role="status" aria-labelledby="update-title">
                <h2 id="update-title">"A new version of JSP Planner is ready"</h2>
                <p>"Reload to use it. Your plans stay in this browser."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=reload>"Reload now"</button>
                    <button type="button" on:click=move |_| offline.update_ready.set(false)>"Later"</button>
                </div>
            </section>
        </Show>
    }
}

/// Another tab changed or deleted the open plan. It stays in view while the
/// page scrolls, and every choice says what happens to this tab's edits.
#[component]
pub(crate) fn ConflictBanner() -> impl IntoView {
    let app = app();
    let state = move || app.session.save_state();
    view! {
        <Show when=move || state() == SaveState::Conflict>
            <section class="banner conflict" role="alert" aria-labelledby="conflict-title">
                <h2 id="conflict-title">"This plan was changed in another tab"</h2>
                <p>"Your edits in this tab are kept here but not saved until you choose:"</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| app.merge_tabs()>"Merge both…"</button>
                    <button type="button" on:click=move |_| app.save_mine_as_copy()>"Keep mine as a new plan"</button>
                    <button type="button" on:click=move |_| app.load_theirs()>"Load the other tab’s version (drops my edits)"</button>
                    <button type="button" class="danger" on:click=move |_| app.keep_mine()>"Overwrite theirs with mine"</button>
                </div>
            </section>
        </Show>
        <Show when=move || state() == SaveState::Deleted>
            <section class="banner conflict" role="alert" aria-labelledby="deleted-title">
                <h2 id="deleted-title">"This plan was deleted in another tab"</h2>
                <p>"Your version is still open here, but it is no longer stored in this browser."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| app.save_mine_as_copy()>"Keep mine as a new plan"</button>
                    <button type="button" class="danger" on:click=move |_| app.ask(Dialog::Confirm {
                        title: "Discard your version?".into(),
                        body: "The plan was deleted in another tab; closing it here without keeping it loses your version for good.".into(),
                        action: Confirmed::DiscardMine,
                    })>"Discard mine…"</button>
                </div>
            </section>
        </Show>
    }
}

/// What was repaired when the open plan was read (an older app let a rule
/// be broken). Nothing is written until the next edit, so the original can
/// still be downloaded exactly as it was stored.
#[component]
pub(crate) fn RepairBanner() -> impl IntoView {
    let app = app();
    view! {
        <Show when=move || app.session.open().is_some_and(|o| o.repairs.with(|r| !r.is_empty()))>
            <section class="banner repaired" role="status" aria-labelledby="repaired-title">
                <h2 id="repaired-title">"This plan was repaired when it opened"</h2>
                <ul>{move || app.session.open().map(|o| o.repairs.get()).unwrap_or_default().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                <p>"The stored copy stays as it was until your next edit."</p>
                <div class="actions">
                    <button type="button" on:click=move |_| app.download_stored_original()>"Download the original"</button>
                    <button type="button" on:click=move |_| if let Some(o) = app.session.open_untracked() { o.repairs.set(Vec::new()) }>"Dismiss"</button>
                </div>
            </section>
        </Show>
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let app = app();
    let errors = move || app.ui.notices.with(|n| n.iter().filter(|x| x.kind == NoticeKind::Error).cloned().collect::<Vec<_>>());
    let infos = move || app.ui.notices.with(|n| n.iter().filter(|x| x.kind == NoticeKind::Info).cloned().collect::<Vec<_>>());
    let item = move |n: crate::web::state::Notice| {
        let id = n.id;
        view! {
            <li class="notice" data-kind=format!("{:?}", n.kind).to_lowercase()>
                <span class="notice-text">{n.text}</span>
                <button type="button" class="dismiss" aria-label="Dismiss message" on:click=move |_| app.ui.dismiss(id)>"×"</button>
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
        <Show when=move || app.library.unreadable.with(|u| !u.is_empty())>
            <section class="banner unreadable" role="alert" aria-labelledby="unreadable-title" data-testid="unreadable">
                <h2 id="unreadable-title">"Some stored plans or assessments could not be read"</h2>
                <p>"They are left untouched in this browser’s storage. Download the raw text to keep it, then discard it if you wish."</p>
                <ul>
                    <For each=move || app.library.unreadable.get() key=|u| u.key.clone() let:entry>
                        {
                            let key = entry.key.clone();
                            let key2 = entry.key.clone();
                            view! {
                                <li>
                                    <strong>{entry.label.clone()}</strong>": "{entry.reason.clone()}
                                    <button type="button" on:click=move |_| app.download_unreadable(&key)>"Download raw text"</button>
                                    <button type="button" class="danger" on:click=move |_| app.ask(Dialog::DiscardUnreadable { key: key2.clone() })>"Discard…"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
