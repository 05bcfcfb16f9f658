//! On the projector (workshop mode) the page shows one part at a time: the
//! scoring of one component, then the summary, the roadmap, the progress
//! and the outputs. The app's top bar hides, as it does over a plan, and
//! this slim bar takes its place: where the room is, previous and next (the
//! buttons, N and P, Page Down and Up from a presenter's clicker), undo and
//! redo, whether the last edit is saved, full screen and the way out.

use leptos::prelude::*;

use super::{page, step_count, step_title};
use crate::web::assessment::{open_assessment, Saved};
use crate::web::display::{display, toggle_fullscreen};

#[component]
pub(super) fn WorkshopBar() -> impl IntoView {
    let (open, d, step) = (open_assessment(), display(), page().step);
    let name = Memo::new(move |_| open.doc.with(|a| a.name.clone()));
    let unsaved = move || open.saved.with(|s| *s != Saved::Yes);
    view! {
        <Show when=move || d.workshop.get()>
            <nav class="stepper" aria-label="Workshop steps">
                <span class="stepper-plan">{move || name.get()}</span>
                <button type="button" on:click=move |_| { go(step, -1); } disabled=move || step.get() == 0
                    aria-keyshortcuts="P PageUp" aria-label="Previous part">"←"</button>
                <p class="step-position" aria-live="polite">
                    {move || format!("{} / {} · {}", step.get() + 1, step_count(), step_title(step.get()))}
                </p>
                <button type="button" on:click=move |_| { go(step, 1); } disabled=move || step.get() + 1 == step_count()
                    aria-keyshortcuts="N PageDown" aria-label="Next part">"→"</button>
                // Saving trouble must not hide with the top bar.
                <Show when=unsaved>
                    <span class="stepper-unsaved" role="status">"Not saved"</span>
                </Show>
                <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !open.can_undo.get() on:click=move |_| open.undo()>
                    "Undo"
                </button>
                <button type="button" aria-keyshortcuts="Control+Y" disabled=move || !open.can_redo.get() on:click=move |_| open.redo()>
                    "Redo"
                </button>
                <button type="button" on:click=move |_| toggle_fullscreen() aria-keyshortcuts="F">"Full screen"</button>
                <button type="button" on:click=move |_| d.workshop.set(false) aria-keyshortcuts="W">"Exit workshop"</button>
            </nav>
        </Show>
    }
}

/// Move `by` parts, if there is one there; the room then sees the new part
/// from its top, and focus is on its heading (so a screen reader says where
/// the workshop is). False at either end.
pub(super) fn go(step: RwSignal<usize>, by: isize) -> bool {
    let Some(next) = step.get_untracked().checked_add_signed(by).filter(|n| *n < step_count()) else { return false };
    step.set(next);
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let selector = format!(".assessment-page [data-step=\"{next}\"] h2");
        if let Some(heading) = document.query_selector(&selector).ok().flatten() {
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
