//! Sections the workshop visits less often live in a part of the app of
//! their own, cut off the plan editor's at [`load_sections_part`]
//! (`scripts/wasm.mjs` splits every such point into its own file): the
//! premarket sections (control categories, readiness, MDS2 and the customer
//! summary), the component register, the report with its exports, and
//! revisions. Opening a plan downloads the editor's part without them (it
//! measured 542 kB gzip with them, over its 450 kB budget, and 434 kB
//! without). The first time one of these sections shows, its part is
//! fetched (from the offline cache after one visit); until then a short
//! "Opening…" line shows, and a failed download says so with a way to try
//! again.

use std::cell::Cell;

use leptos::prelude::*;

use crate::plan::sections::Section;

/// What the sections' part hands out once downloaded.
#[derive(Clone, Copy)]
pub struct SectionParts {
    /// Draw one of its sections.
    pub draw: fn(Section) -> AnyView,
}

thread_local! {
    static LOADED: Cell<Option<SectionParts>> = const { Cell::new(None) };
}

#[leptos::wasm_split::wasm_split(sections, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_sections_part() -> Result<SectionParts, leptos::wasm_split::SplitLoaderError> {
    Ok(SectionParts { draw: super::premarket::draw })
}

/// Whether `section` is one of those drawn from this part.
pub fn holds(section: Section) -> bool {
    matches!(
        section,
        Section::Components | Section::Categories | Section::Premarket | Section::Buyers | Section::Report | Section::Revisions
    )
}

/// Whether one of these sections is still waiting for its part (a gap link's
/// field is focused once it is drawn, see [`super::premarket::target::focus_requested`]).
pub fn opening() -> bool {
    LOADED.get().is_none()
}

#[derive(Clone, Copy)]
enum Load {
    Loading,
    Ready(SectionParts),
    Failed,
}

/// One of these sections, its part downloaded first if need be.
#[component]
pub fn SectionPart(section: Section) -> impl IntoView {
    let load = RwSignal::new(LOADED.get().map_or(Load::Loading, Load::Ready));
    let start = move || {
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let parts = match LOADED.get() {
                Some(parts) => Some(parts),
                None => load_sections_part().await.ok(),
            };
            if let Some(parts) = parts {
                LOADED.set(Some(parts));
            }
            // The section may have been left meanwhile: then there is no one to tell.
            if parts.is_none() {
                super::premarket::target::forget();
                super::fix_target::forget();
            }
            if load.try_set(parts.map_or(Load::Failed, Load::Ready)).is_none() {
                // Drawn now: the field a gap link asked for, else the heading, takes the focus.
                super::focus_heading();
            }
        });
    };
    if LOADED.get().is_none() {
        start();
    }
    move || match load.get() {
        Load::Ready(parts) => (parts.draw)(section),
        Load::Loading => view! { <p class="editor-load" role="status" aria-busy="true">"Opening the section…"</p> }.into_any(),
        Load::Failed => view! {
            <div class="editor-load" role="alert">
                <p>"This section could not be downloaded: the connection may be down. Your plan is safe in this browser."</p>
                <button type="button" class="primary" on:click=move |_| start()>"Try again"</button>
            </div>
        }
        .into_any(),
    }
}
