//! On the projector (workshop mode) the page shows one part at a time: the
//! scoring of one component, then the summary, the roadmap, the progress
//! and the outputs. The app's top bar hides, as it does over a plan, and
//! this slim bar takes its place: where the room is, previous and next (the
//! buttons, N and P, Page Down and Up from a presenter's clicker), undo and
//! redo, whether the last edit is saved, full screen and the way out. The
//! workshop starts on the part the desk was reading, and the desk comes
//! back to the part the workshop was on.

use leptos::prelude::*;

use super::header::UndoRedo;
use super::{page, step_count, step_title};
use crate::web::display::{display, toggle_fullscreen};
use crate::web::state::assessment::open_assessment;
use crate::web::state::SaveState;

#[component]
pub(super) fn WorkshopBar() -> impl IntoView {
    let (open, d, step) = (open_assessment(), display(), page().step);
    let name = Memo::new(move |_| open.doc.with(|a| a.name.clone()));
    let unsaved = move || open.saved.with(|s| !matches!(s, SaveState::Saved | SaveState::Saving));
    view! {
        <Show when=move || d.workshop.get()>
            <nav class="stepper" aria-label="Workshop steps">
                <span class="stepper-plan">{move || name.get()}</span>
                <button type="button" on:click=move |_| { go(step, -1); } disabled=move || step.get() == 0
                    aria-keyshortcuts="P PageUp" aria-label="Previous part">"←"</button>
                <p class="step-position">
                    <span aria-live="polite">{move || format!("{} / {} · {}", step.get() + 1, step_count(), step_title(step.get()))}</span>
                    // Sizes the title's box to the longest title, so the arrows keep their places.
                    <span class="step-room" aria-hidden="true" data-title=widest_step()></span>
                </p>
                <button type="button" on:click=move |_| { go(step, 1); } disabled=move || step.get() + 1 == step_count()
                    aria-keyshortcuts="N PageDown" aria-label="Next part">"→"</button>
                // Saving trouble must not hide with the top bar.
                <Show when=unsaved>
                    <span class="stepper-unsaved" role="status">"Not saved"</span>
                </Show>
                <UndoRedo/>
                <button type="button" on:click=move |_| toggle_fullscreen() aria-keyshortcuts="F">"Full screen"</button>
                <button type="button" on:click=move |_| d.workshop.set(false) aria-keyshortcuts="W">"Exit workshop"</button>
            </nav>
        </Show>
    }
}

/// The widest the step line gets: the longest part title, after the largest numbers.
fn widest_step() -> String {
    let n = step_count();
    let title = (0..n).map(step_title).max_by_key(|t| t.chars().count()).unwrap_or_default();
    format!("{n} / {n} · {title}")
}

/// At the desk, keep `step` on the part at the top of the screen, so the
/// workshop starts where the room was looking; leaving the workshop brings
/// the desk's page to the part the room was on.
pub(super) fn follow_the_room(step: RwSignal<usize>) {
    let workshop = display().workshop;
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if workshop.get_untracked() {
            return;
        }
        let at = part_in_view();
        if step.get_untracked() != at {
            step.set(at);
        }
    });
    Effect::new(move |was: Option<bool>| {
        let on = workshop.get();
        if was == Some(false) && on {
            // The desk's scroll offset means nothing on the one part shown.
            request_animation_frame(|| {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
        }
        if was == Some(true) && !on {
            let at = step.get_untracked();
            request_animation_frame(move || {
                if let Some(part) = element(&format!(".assessment-page [data-step=\"{at}\"]")) {
                    part.scroll_into_view();
                }
            });
        }
        on
    });
    on_cleanup(move || scroll.remove());
}

/// The last part whose top is in the upper third of the screen or above
/// it: the one being read. The first part while the header is in view.
fn part_in_view() -> usize {
    let Some(window) = web_sys::window() else { return 0 };
    let third = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(720.0) / 3.0;
    let Some(parts) = window.document().and_then(|d| d.query_selector_all(".assessment-page [data-step]").ok()) else { return 0 };
    (0..parts.length())
        .filter_map(|i| parts.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()))
        .filter(|el| el.get_bounding_client_rect().top() <= third)
        .filter_map(|el| el.get_attribute("data-step")?.parse().ok())
        .next_back()
        .unwrap_or(0)
}

fn element(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.query_selector(selector).ok().flatten()
}

/// Move `by` parts, if there is one there; the room then sees the new part
/// from its top, and focus is on its heading (so a screen reader says where
/// the workshop is). False at either end.
pub(super) fn go(step: RwSignal<usize>, by: isize) -> bool {
    let Some(next) = step.get_untracked().checked_add_signed(by).filter(|n| *n < step_count()) else { return false };
    step.set(next);
    request_animation_frame(move || {
        if let Some(heading) = element(&format!(".assessment-page [data-step=\"{next}\"] h2")) {
            let _ = heading.set_attribute("tabindex", "-1");
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                let _ = h.focus();
            }
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    true
}
