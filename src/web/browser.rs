//! The few facts the app takes from the browser: the clock, randomness, and
//! where keyboard focus is.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::common::history::Group;

/// The current time as an RFC 3339 timestamp (UTC, milliseconds).
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// 64 random bits for ids. `Math.random` is enough: ids must be unique, not secret.
pub fn entropy() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// A performance mark (seen by the benchmark; costs nothing noticeable).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Run `f` just after the browser next paints: a callback queued from the
/// next animation frame runs once that frame is on screen. A hidden page
/// does not paint, so there `f` runs as soon as the current work is done.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    use std::time::Duration;
    if document().is_none_or(|d| d.hidden()) {
        set_timeout(f, Duration::ZERO);
    } else {
        request_animation_frame(move || set_timeout(f, Duration::ZERO));
    }
}

/// Load the page again (the app reopens where it was; edits are in storage).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether an element takes typed text, so plain letter keys are not shortcuts there.
pub fn is_text_entry(el: &web_sys::Element) -> bool {
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color")
        }
        _ => el.unchecked_ref::<web_sys::HtmlElement>().is_content_editable(),
    }
}

thread_local! {
    /// The text field that received the last typed edit, and its group number.
    static TYPING_IN: RefCell<(Option<web_sys::Element>, u64)> = const { RefCell::new((None, 0)) };
}

/// The undo group of an edit: edits typed into the same field share one,
/// edits made any other way (buttons, cells, selects) have none.
pub fn typing_group() -> Option<Group> {
    let el = document()?.active_element()?;
    if !is_text_entry(&el) || el.tag_name() == "SELECT" {
        return None;
    }
    TYPING_IN.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.0.as_ref() != Some(&el) {
            cell.0 = Some(el);
            cell.1 += 1;
        }
        Some(Group { key: cell.1, at_ms: js_sys::Date::now() })
    })
}

/// While the calling view lives, printing (its print button, or the
/// browser's own Ctrl+P) titles the page `title()`: the browser names the
/// PDF after the title and writes it in the file's properties. The app's
/// own title comes back after printing and when the view goes.
pub fn title_while_printing(title: impl Fn() -> String + 'static) {
    use leptos::prelude::{on_cleanup, window_event_listener_untyped, SetValue, StoredValue, UpdateValue, WithValue};
    let app_title = StoredValue::new_local(None::<String>);
    let restore = move || {
        if let (Some(doc), Some(Some(old))) = (document(), app_title.try_update_value(Option::take)) {
            doc.set_title(&old);
        }
    };
    let before = window_event_listener_untyped("beforeprint", move |_| {
        let Some(doc) = document() else { return };
        if app_title.with_value(Option::is_none) {
            app_title.set_value(Some(doc.title()));
        }
        doc.set_title(&title());
    });
    let after = window_event_listener_untyped("afterprint", move |_| restore());
    on_cleanup(move || {
        before.remove();
        after.remove();
        restore();
    });
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `navigator.locks.request(name, callback)` (the Web Locks API).
    #[wasm_bindgen(js_namespace = ["navigator", "locks"], js_name = request, catch)]
    fn request_lock(name: &str, callback: &js_sys::Function) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// The lock every tab of this browser takes to write a plan or an assessment.
pub const WRITE_LOCK: &str = "jsp-planner/write";

/// Run `f` holding the cross-tab write lock (every tab of this browser
/// profile waits its turn), or at once where the browser has no Web Locks
/// (an older browser, or a page not served over https or from localhost).
pub fn with_write_lock(f: impl FnOnce() + 'static) {
    let locks = web_sys::window().and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok());
    if locks.is_none_or(|l| l.is_undefined() || l.is_null()) {
        f();
        return;
    }
    let callback: js_sys::Function = wasm_bindgen::closure::Closure::once_into_js(f).unchecked_into();
    if request_lock(WRITE_LOCK, &callback).is_err() {
        let _ = callback.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
}
