//! The open plan's file on disk (`web::linked_file`): beside the plan's
//! actions, "Save to file…" or the linked file's name with "Unlink" (or,
//! where the browser cannot, why not); above the section, a line with its
//! buttons while the file needs the user (permission to ask again after a
//! reload, a failed write, a change on disk to merge, a file that is no
//! longer this plan). Regaining focus looks at the file again.

use leptos::prelude::*;

use crate::app::linked::{self, Action};
use crate::web::linked_file;
use crate::web::views::app;

/// "Save to file…", or the linked file; looks at the file as the plan
/// opens and whenever the app regains focus.
#[component]
pub(super) fn LinkedFile() -> impl IntoView {
    let app = app();
    if let Some(id) = app.open_id() {
        linked_file::opened(app, id);
    }
    let focus = window_event_listener_untyped("focus", |_| linked_file::check());
    let visible = window_event_listener_untyped("visibilitychange", |_| {
        if crate::web::browser::document().is_some_and(|d| !d.hidden()) {
            linked_file::check();
        }
    });
    on_cleanup(move || {
        focus.remove();
        visible.remove();
    });
    let shown = linked_file::shown();
    let supported = linked_file::supported();
    move || match shown.get() {
        _ if !supported => view! { <p class="hint linked-file">{linked::NO_FILE_API}</p> }.into_any(),
        None => view! {
            <button type="button" on:click=move |ev| {
                if crate::web::views::common::repeated_click(&ev) { return; }
                linked_file::save_to_file(app);
            }>"Save to file…"</button>
        }
        .into_any(),
        Some(link) => {
            let label = format!("Unlink {}", link.name);
            view! {
                <p class="hint linked-file">"Linked to " <strong>{link.name}</strong></p>
                <button type="button" aria-label=label on:click=move |_| linked_file::act(Action::Unlink)>"Unlink"</button>
            }
            .into_any()
        }
    }
}

/// The linked file's line while it needs the user, with what can be done;
/// a live region, so its changes are read out.
#[component]
pub(super) fn LinkedBanner() -> impl IntoView {
    let shown = linked_file::shown();
    view! {
        <div role="status" data-testid="linked-file">
            {move || shown.get().filter(|s| linked::needs_attention(&s.status)).map(|s| view! {
                <section class="banner repaired" aria-label="Linked file">
                    <p>{linked::status_line(&s.name, &s.status)}</p>
                    <div class="actions">
                        {linked::actions(&s.status).iter().enumerate().map(|(i, &action)| view! {
                            <button type="button" class:primary=i == 0 on:click=move |_| linked_file::act(action)>{action.label()}</button>
                        }).collect_view()}
                    </div>
                </section>
            })}
        </div>
    }
}
