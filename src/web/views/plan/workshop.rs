//! Running a plan's workshop: the section stepper shown on the projector and
//! quick capture. (The display switches and the shortcuts help every page
//! has are in `views::shell::controls`.)

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{step_section, Section};
use crate::plan::capture::CaptureKind;
use crate::web::browser;
use crate::web::display::{display, toggle_fullscreen, Display, ZOOMS};
use crate::web::state::{NoticeKind, SaveState};
use crate::web::views::common::derive;
use crate::web::views::{app, open_plan};

/// On the projector, the one slim bar (the top bar hides): the plan, where
/// we are, previous/next, and the few controls a presenter needs.
#[component]
pub fn Stepper(section: Signal<Section>) -> impl IntoView {
    let d = display();
    let position = move || Section::ALL.iter().position(|s| *s == section.get()).unwrap_or(0);
    // Inside the plan editor: the open plan is always there.
    let plan_name = derive(|p| p.name.clone());
    let save_state = open_plan().save_state;
    let unsaved = move || !matches!(save_state.get(), SaveState::Saved | SaveState::Saving);
    view! {
        <nav class="stepper" aria-label="Workshop steps">
            <span class="stepper-plan">{move || plan_name.get()}</span>
            <button type="button" on:click=move |_| step_section(-1) disabled=move || position() == 0
                aria-keyshortcuts="P PageUp" aria-label="Previous section">"←"</button>
            <p class="step-position">
                <span aria-live="polite">{move || format!("{} / {} · {}", position() + 1, Section::ALL.len(), section.get().title())}</span>
                // Sizes the title's box to the longest title, so the arrows keep their places.
                <span class="step-room" aria-hidden="true" data-title=widest_step()></span>
            </p>
            <button type="button" on:click=move |_| step_section(1) disabled=move || position() + 1 == Section::ALL.len()
                aria-keyshortcuts="N PageDown" aria-label="Next section">"→"</button>
            // Saving trouble must not hide with the top bar.
            <Show when=unsaved>
                <span class="stepper-unsaved" role="status">"Not saved"</span>
            </Show>
            <button type="button" on:click=move |_| { focus_capture(d); } aria-keyshortcuts="C">"Capture"</button>
            <label class="zoom">"Table size "
                <select on:change=move |ev| { if let Ok(z) = event_target_value(&ev).parse() { d.zoom.set(z); } }>
                    {ZOOMS.map(|z| view! { <option value=z.to_string() selected=move || d.zoom.get() == z>{format!("{z}%")}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" on:click=move |_| toggle_fullscreen() aria-keyshortcuts="F">"Full screen"</button>
            <button type="button" on:click=move |_| d.workshop.set(false) aria-keyshortcuts="W">"Exit workshop"</button>
        </nav>
    }
}

/// The widest the step line gets: the longest section title, after the largest numbers.
fn widest_step() -> String {
    let n = Section::ALL.len();
    let title = Section::ALL.iter().map(|s| s.title()).max_by_key(|t| t.chars().count()).unwrap_or_default();
    format!("{n} / {n} · {title}")
}

/// One line to add a need, a risk or a stakeholder without leaving the keyboard.
/// Focus stays in the field after each capture, ready for the next.
#[component]
pub fn QuickCapture() -> impl IntoView {
    let app = app();
    let d = display();
    let kind = RwSignal::new(CaptureKind::Need);
    let text = RwSignal::new(String::new());
    let shown = move || !d.workshop.get() || d.capture.get();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && d.workshop.get_untracked() {
            ev.prevent_default();
            d.capture.set(false);
        }
    };
    // The last capture's notice: the next one takes its place, so a run of
    // captures shows one line that changes, not a stack over the section.
    let said = StoredValue::new(None::<u64>);
    let tell = move |kind: NoticeKind, text: String| {
        if let Some(id) = said.get_value() {
            app.ui.dismiss(id);
        }
        said.set_value(Some(app.ui.notify(kind, text)));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let line = text.get_untracked();
        let mut captured = None;
        app.edit(|p| captured = p.capture(kind.get_untracked(), &line, browser::entropy()));
        match captured {
            Some(c) => {
                text.set(String::new());
                tell(NoticeKind::Info, c.summary);
                // On the projector the capture line closes after use; at a desk it stays for the next.
                if d.workshop.get_untracked() {
                    d.capture.set(false);
                }
            }
            None => tell(NoticeKind::Error, "Type what to add first.".into()),
        }
    };
    view! {
        <Show when=shown>
        <form class="capture" aria-label="Quick capture" on:submit=submit on:keydown=on_keydown>
            <label for="capture-kind">"Quick capture"</label>
            <select id="capture-kind" on:change=move |ev| {
                if let Some(k) = CaptureKind::from_key(&event_target_value(&ev)) { kind.set(k); }
            }>
                {CaptureKind::ALL.map(|k| view! { <option value=k.key() selected=move || kind.get() == k>{k.label()}</option> }).collect_view()}
            </select>
            <input id="capture-text" type="text" maxlength=MAX_NAME_LEN autocomplete="off"
                aria-label=move || format!("New {}", kind.get().label().to_lowercase())
                aria-describedby="capture-hint"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <button type="submit">"Add"</button>
            <p id="capture-hint" class="hint">"Press C to come here. Enter adds; a risk written “asset: threat” is split there."</p>
        </form>
        </Show>
    }
}

/// Open quick capture (in workshop mode it hides until asked for) and focus
/// its field once drawn; false if no plan page is showing.
/// Takes the display rather than reading the context: the key handler calls
/// it from a window listener, outside any component.
pub fn focus_capture(d: Display) -> bool {
    d.capture.set(true);
    let field =
        || browser::document().and_then(|d| d.get_element_by_id("capture-text")).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(f) = field() {
        return f.focus().is_ok();
    }
    let on_plan_page = browser::document().and_then(|d| d.query_selector(".plan-page").ok().flatten()).is_some();
    if on_plan_page {
        request_animation_frame(move || {
            if let Some(f) = field() {
                let _ = f.focus();
            }
        });
    }
    on_plan_page
}
