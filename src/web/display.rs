//! How the app is shown, kept apart from the plan: workshop (projector) mode,
//! light or dark theme, table zoom, full screen and the shortcuts help. The
//! choices are remembered in this browser and written onto `<html>` as data
//! attributes, which is all the stylesheet reads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{browser, storage};

#[derive(Clone, Copy)]
pub struct Display {
    pub workshop: RwSignal<bool>,
    pub dark: RwSignal<bool>,
    /// Size of the big tables (matrix, grid, RACI) in percent, to fit a projector.
    pub zoom: RwSignal<u32>,
    pub help: RwSignal<bool>,
    /// Quick capture is open. In workshop mode it shows only while open (C
    /// opens it, a capture or Esc closes it), so the artefact keeps the screen.
    pub capture: RwSignal<bool>,
}

pub const ZOOMS: [u32; 5] = [100, 85, 70, 55, 40];

impl Display {
    pub fn new() -> Self {
        let dark = match storage::preference("theme").as_deref() {
            Some(t) => t == "dark",
            None => prefers_dark(),
        };
        let zoom = storage::preference("zoom").and_then(|z| z.parse().ok()).filter(|z| ZOOMS.contains(z));
        Display {
            workshop: RwSignal::new(storage::preference("workshop").as_deref() == Some("on")),
            dark: RwSignal::new(dark),
            zoom: RwSignal::new(zoom.unwrap_or(100)),
            help: RwSignal::new(false),
            capture: RwSignal::new(false),
        }
    }

    /// Keep `<html>` and the stored preferences in step with the signals.
    pub fn install(self) {
        Effect::new(move |_| {
            let workshop = self.workshop.get();
            set_root_attribute("data-workshop", workshop.then_some("on"));
            storage::set_preference("workshop", if workshop { "on" } else { "off" });
        });
        Effect::new(move |_| {
            let theme = if self.dark.get() { "dark" } else { "light" };
            set_root_attribute("data-theme", Some(theme));
            storage::set_preference("theme", theme);
        });
        Effect::new(move |_| {
            let zoom = self.zoom.get();
            if let Some(root) = root() {
                let _ = root.unchecked_ref::<web_sys::HtmlElement>().style().set_property("--table-zoom", &format!("{zoom}%"));
            }
            storage::set_preference("zoom", &zoom.to_string());
        });
    }

    pub fn toggle_workshop(self) {
        self.workshop.update(|w| *w = !*w);
    }

    pub fn toggle_theme(self) {
        self.dark.update(|d| *d = !*d);
    }
}

fn root() -> Option<web_sys::Element> {
    browser::document()?.document_element()
}

fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = root() else { return };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

fn prefers_dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Enter or leave the browser's full screen.
pub fn toggle_fullscreen() {
    let Some(doc) = browser::document() else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

pub fn display() -> Display {
    expect_context::<Display>()
}
