//! The browser app: a thin Leptos layer over the domain.
//!
//! - [`state`]: the app state and every action (the only caller of storage and files).
//! - [`crash`]: what the user sees if the app itself fails, and the restart after it.
//! - [`storage`]: the plan library in localStorage.
//! - [`files`]: downloads and reading picked or dropped files.
//! - [`address`]: what the address bar says; Back, Forward and reload show it.
//! - [`display`]: workshop mode, theme, zoom and full screen; [`keys`]: the global shortcuts.
//! - [`offline`]: the service worker that lets the app open without the network, and its update offer.
//! - [`editor`]: the plan editor, a second download fetched when a plan first opens.
//! - [`linked_file`]: a plan linked to a file on disk (in the editor's part).
//! - [`views`]: components; they read signals and call [`state::AppState`] methods.

mod address;
pub(crate) mod browser;
mod crash;
mod display;
mod editor;
mod files;
mod keys;
mod linked_file;
pub(crate) mod offline;
mod state;
pub(crate) mod storage;
mod views;

use leptos::prelude::*;

use state::AppState;

pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(App);
    editor::prefetch();
}

#[component]
fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    app.init();
    // The first screen lists plans by name; the editor's part checks each whole.
    editor::when_loaded(move || app.library.refresh());
    crash::after_restart(app);
    let display = display::Display::new();
    provide_context(display);
    display.install();
    keys::install(app, display);
    address::install(app);
    let offline = offline::Offline::new();
    provide_context(offline);
    offline.install();

    // Another tab saved or deleted a plan.
    let storage_listener = window_event_listener(leptos::ev::storage, move |ev| {
        app.on_storage_event(ev.key(), ev.old_value(), ev.new_value());
    });
    on_cleanup(move || storage_listener.remove());
    // Edits are written just after they are painted: write any that wait when the page is hidden or closed.
    let hidden_listener = window_event_listener_untyped("visibilitychange", move |_| app.session.flush());
    let leave_listener = window_event_listener_untyped("pagehide", move |_| app.session.flush());
    on_cleanup(move || {
        hidden_listener.remove();
        leave_listener.remove();
    });

    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev.data_transfer().and_then(|dt| dt.files()).map(|f| files::list(&f)).unwrap_or_default();
        if !files.is_empty() {
            app.import_files(files);
        }
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_dragleave = move |ev: web_sys::DragEvent| {
        // Only when leaving the window, not when moving between children.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };

    let open = Memo::new(move |_| app.session.open());

    view! {
        <div class="app" on:drop=on_drop on:dragover=on_dragover on:dragleave=on_dragleave>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <views::TopBar/>
            <views::Notices/>
            <main id="main" tabindex="-1">
                {move || {
                    // A plan, else an assessment, in the editor; else the plan list.
                    let (plan, assessment) = (open.get(), app.assessment.get());
                    if plan.is_none() && assessment.is_none() {
                        return view! { <views::PlanList/> }.into_any();
                    }
                    if let Some(plan) = plan {
                        provide_context(plan);
                    }
                    view! { <editor::Editor assessment=assessment.filter(|_| plan.is_none())/> }.into_any()
                }}
            </main>
            <views::Dialogs/>
            <views::ShortcutsHelp/>
            <Show when=move || dragging.get()>
                <div class="drop-overlay" aria-hidden="true">"Drop a plan file (.json) to import it"</div>
            </Show>
        </div>
    }
}
