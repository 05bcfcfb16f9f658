//! The plan editor, downloaded on demand.
//!
//! The build splits the editor (every section, the report, the exports) into a
//! second WebAssembly file, so the first visit downloads only what the plan
//! list needs. The first time a plan opens the editor is fetched (from the
//! offline cache after one visit); until then a short "Opening…" line shows,
//! and a failed download says so with a way to try again.

use std::cell::Cell;

use leptos::prelude::*;

use super::{browser, views};

thread_local! {
    /// The editor once downloaded, so opening another plan draws it at once.
    static LOADED: Cell<Option<fn() -> AnyView>> = const { Cell::new(None) };
}

/// Where the editor's download stands.
#[derive(Clone, Copy)]
enum Load {
    NotStarted,
    Loading,
    Ready(fn() -> AnyView),
    Failed,
}

/// The editor for the open plan: loads it the first time it is asked for.
#[component]
pub fn Editor() -> impl IntoView {
    let load = RwSignal::new(LOADED.get().map_or(Load::NotStarted, Load::Ready));
    let start = move || {
        if matches!(load.get_untracked(), Load::Ready(_) | Load::Loading) {
            return;
        }
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let outcome = views::load_plan_editor().await;
            // The plan may have been closed meanwhile: then there is no one to tell.
            let next = match outcome {
                Ok(draw) => {
                    LOADED.set(Some(draw));
                    Load::Ready(draw)
                }
                Err(_) => Load::Failed,
            };
            load.try_set(next);
        });
    };
    start();
    move || match load.get() {
        Load::Ready(draw) => draw(),
        Load::Failed => view! {
            <div class="editor-load" role="alert">
                <p>
                    "The plan editor could not be downloaded: the connection may be down, or another tab installed "
                    "a newer version of the app. Your plans are safe in this browser."
                </p>
                <button type="button" class="primary" on:click=move |_| start()>"Try again"</button>
                " "
                <button type="button" on:click=move |_| browser::reload()>"Reload the app"</button>
            </div>
        }
        .into_any(),
        Load::NotStarted | Load::Loading => view! {
            <p class="editor-load" role="status" aria-busy="true">"Opening the plan…"</p>
        }
        .into_any(),
    }
}
