//! The plan page: one Concept Phase section at a time, chosen in the side
//! navigation or by the URL hash (so the dashboard can link to a section).

mod attendees;
mod components;
mod criteria;
mod dashboard;
mod fix_target;
mod linked_file;
mod management;
mod matrix;
pub(crate) mod merge_dialog;
mod premarket;
mod project;
mod raci;
mod register;
mod report;
mod revisions;
mod section_part;
mod trace;
pub(crate) mod workshop;

use leptos::prelude::*;

use super::app;
use crate::web::display::display;
use workshop::{QuickCapture, Stepper};

pub use crate::plan::sections::Section;
pub(crate) use components::sbom::{self as sbom_io, Preview as SbomPreview};

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Go to the next (`1`) or previous (`-1`) section, if there is one.
pub fn step_section(delta: isize) {
    let current = Section::from_anchor(&current_hash()).unwrap_or(Section::Dashboard);
    let Some(next) = current.step(delta) else { return };
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(next.anchor());
    }
}

#[component]
pub(crate) fn PlanPage() -> impl IntoView {
    let workshop = display().workshop;
    let section = RwSignal::new(Section::from_anchor(&current_hash()).unwrap_or(Section::Dashboard));
    // The address names this plan (Back, Forward and reload come back to it).
    let app = app();
    let id = app.open_id().unwrap_or_default();
    crate::web::address::plan_shown(&id, section.get_untracked());
    let here = id.clone();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(s) = Section::from_anchor(&current_hash()) {
            crate::web::address::link_followed(false, &here);
            section.set(s);
            // On the projector a section starts at its top, as a slide does
            // (Page Down may have left the last one scrolled to its end).
            if workshop.get_untracked() {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
            focus_heading();
        }
    });
    on_cleanup(move || {
        listener.remove();
        // The same plan opened again (another tab's version taken, a file
        // imported over it) stays where it was, at the same address.
        if app.open_id().as_deref() != Some(id.as_str()) {
            crate::web::address::plan_left(&id);
        }
    });
    view! {
        <div class="plan-page">
            <nav class="sections" aria-label="Concept Phase sections">
                <ul>
                    {Section::ALL.into_iter().map(|s| view! {
                        <li>
                            <a href=format!("#{}", s.anchor())
                                aria-current=move || (section.get() == s).then_some("page")>{s.title()}</a>
                        </li>
                    }).collect_view()}
                </ul>
                <PlanActions/>
            </nav>
            <div class="section-body">
                // On the projector the bar and an open quick capture stick at the
                // top together: the capture line pushes the section down rather
                // than covering its first rows (the matrix header).
                <div class="workshop-head">
                    <Show when=move || workshop.get()>
                        <Stepper section=section.into()/>
                    </Show>
                    <QuickCapture/>
                </div>
                <linked_file::LinkedBanner/>
                {move || match section.get() {
                    Section::Dashboard => view! { <dashboard::Dashboard/> }.into_any(),
                    Section::Project => view! { <project::ProjectSection/> }.into_any(),
                    Section::Stakeholders => view! { <matrix::StakeholderSection/> }.into_any(),
                    Section::Management => view! { <management::ManagementSection/> }.into_any(),
                    Section::Criteria => view! { <criteria::CriteriaSection/> }.into_any(),
                    Section::Register => view! { <register::RegisterSection/> }.into_any(),
                    Section::Traceability => view! { <trace::TraceSection/> }.into_any(),
                    Section::Roles => view! { <raci::RolesSection/> }.into_any(),
                    // Drawn from a part of their own, downloaded when one first shows (section_part.rs).
                    s @ (Section::Components | Section::Categories | Section::Premarket | Section::Buyers | Section::Report | Section::Revisions) => {
                        view! { <section_part::SectionPart section=s/> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// After a section change, move focus to its heading so keyboard and screen
/// reader users land at the top of the new content; or, when a dashboard gap
/// link caused the change, to the control that closes the gap.
fn focus_heading() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if fix_target::focus_requested() || premarket::target::focus_requested() {
            return;
        }
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".section-body h2").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            el.set_tab_index(-1);
            let _ = el.focus();
        }
    });
}

#[component]
fn PlanActions() -> impl IntoView {
    let app = app();
    view! {
        <div class="plan-actions">
            <button type="button" on:click=move |ev| {
                if crate::web::views::common::repeated_click(&ev) { return; }
                if let Some(id) = app.open_id() { app.export(&id); }
            }>"Export plan file"</button>
            <linked_file::LinkedFile/>
        </div>
    }
}
