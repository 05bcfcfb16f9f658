//! The global keyboard shortcuts (see `crate::app::shortcuts` for the table).
//! Keys a focused control already handled (matrix cells, grid cells) are
//! left alone, and so is everything while a dialog is open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::display::{self, Display};
use super::state::AppState;
use super::{browser, views};
use crate::app::shortcuts::{page_move, KeyPress, PageMove, Shortcut};

pub fn install(app: AppState, display: Display) {
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || app.ui.dialog_open() || display.help.get_untracked() {
            return;
        }
        let Some(shortcut) = shortcut_of(&ev, display.workshop.get_untracked()) else { return };
        let plan_open = app.session.open_untracked().is_some();
        let handled = match shortcut {
            Shortcut::Undo if plan_open => {
                app.undo();
                true
            }
            Shortcut::Redo if plan_open => {
                app.redo();
                true
            }
            Shortcut::NextSection if plan_open => {
                views::step_section(1);
                true
            }
            Shortcut::PreviousSection if plan_open => {
                views::step_section(-1);
                true
            }
            Shortcut::PageForward if plan_open => {
                if !page_scroll(true) {
                    views::step_section(1);
                }
                true
            }
            Shortcut::PageBack if plan_open => {
                if !page_scroll(false) {
                    views::step_section(-1);
                }
                true
            }
            Shortcut::QuickCapture if plan_open => views::focus_capture(display),
            Shortcut::ToggleWorkshop => {
                display.toggle_workshop();
                true
            }
            Shortcut::ToggleTheme => {
                display.toggle_theme();
                true
            }
            Shortcut::ToggleFullscreen => {
                display::toggle_fullscreen();
                true
            }
            Shortcut::Help => {
                display.help.set(true);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || listener.remove());
}

/// The shortcut a key press asks for, by the one table (`crate::app::shortcuts`),
/// given where focus is. The assessment page reads its keys through it too.
pub fn shortcut_of(ev: &web_sys::KeyboardEvent, workshop: bool) -> Option<Shortcut> {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let typing = target.as_ref().is_some_and(browser::is_text_entry);
    let on_control =
        target.as_ref().is_some_and(|el| el.closest("button, select, input, textarea, a, [role=region]").ok().flatten().is_some());
    let key = ev.key();
    Shortcut::from_key(KeyPress {
        key: &key,
        ctrl: ev.ctrl_key(),
        meta: ev.meta_key(),
        shift: ev.shift_key(),
        alt: ev.alt_key(),
        typing,
        on_control,
        workshop,
    })
}

/// A clicker's Page Down (`forward`) or Page Up on the projector: scroll the
/// page by about a screen if there is more of it that way (true), else leave
/// it to the caller to step (false). The sticky workshop bar (with quick
/// capture when open) covers the top of the screen, so a screen is less that.
fn page_scroll(forward: bool) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let Some(doc) = w.document() else { return false };
    let Some(root) = doc.scrolling_element() else { return false };
    let view = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let covered = doc.query_selector(".workshop-head").ok().flatten().map_or(0.0, |bar| bar.get_bounding_client_rect().bottom().max(0.0));
    let top = w.scroll_y().unwrap_or(0.0);
    match page_move(forward, top, view, f64::from(root.scroll_height()), covered) {
        PageMove::Scroll(by) => {
            w.scroll_by_with_x_and_y(0.0, by);
            true
        }
        PageMove::Step => false,
    }
}
